/**
 * Runs the rules over one model: one traversal of the tree for all rules, crashes contained,
 * findings capped, outcomes and the score computed.
 */
import type {
  AuditResult,
  Finding,
  Outcome,
  Position,
  ReportDescriptor,
  ReportModel,
  ReportSummary,
  RuleContext,
  RuleError,
  RuleOutcome,
  RuleVisitors,
  Severity,
  TreeNode,
} from '../types';
import type { ResolvedConfig, ResolvedRule } from './config';
import { formatMessage } from './messages';
import { fingerprintOf } from './fingerprint';

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
const SNIPPET_MAX = 80;

interface RuleRun {
  resolved: ResolvedRule;
  visitors: RuleVisitors;
  findings: Finding[];
  /** Findings reported beyond the cap (counted, not listed). */
  dropped: number;
  inapplicable?: string;
  crashed?: RuleError;
}

function describeError(ruleId: string, e: unknown): RuleError {
  // No stack: it depends on the caller and would make the result non-deterministic.
  if (e instanceof Error) return { ruleId, message: e.name && e.name !== 'Error' ? `${e.name}: ${e.message}` : e.message };
  return { ruleId, message: String(e) };
}

function severityOf(run: RuleRun, messageId: string, defaultSeverity: Severity): Severity | 'off' {
  const perMessage = run.resolved.messages[messageId];
  if (perMessage) return perMessage;
  if (run.resolved.severity && defaultSeverity !== 'info') return run.resolved.severity;
  return defaultSeverity;
}

function defaultPosition(model: ReportModel): Position {
  if (model.title) return model.positionOf(model.title.start, model.title.end);
  const first = model.lines.find((l) => !l.chrome && l.text.trim().length > 0);
  return first ? model.positionOf(first.start, first.end) : model.positionOf(0, 0);
}

function snippetOf(model: ReportModel, position: Position): string {
  const raw = model.source.slice(position.start.offset, position.end.offset);
  const oneLine = raw.replace(/\s*\n\s*/g, ' ');
  return oneLine.length > SNIPPET_MAX ? oneLine.slice(0, SNIPPET_MAX - 1) + '…' : oneLine;
}

function makeContext(run: RuleRun, model: ReportModel, config: ResolvedConfig): RuleContext {
  const { rule, id, options } = run.resolved;
  return {
    ruleId: id,
    model,
    options,
    locale: config.locale,
    inapplicable(reason: string) {
      run.inapplicable = reason;
    },
    report(d: ReportDescriptor) {
      const def = rule.meta.messages[d.messageId];
      if (!def) throw new Error(`rule "${id}" reported unknown messageId "${d.messageId}"`);
      const severity = severityOf(run, d.messageId, def.severity);
      if (severity === 'off') return;
      if (run.findings.length >= config.maxFindingsPerRule) {
        run.dropped++;
        return;
      }
      const position =
        d.position ??
        d.node?.position ??
        (d.range ? model.positionOf(d.range[0], d.range[1]) : defaultPosition(model));
      const sectionInfo =
        d.section ??
        model.sectionAt(d.range ? d.range[0] : model.textOffsetAt(position.start.offset));
      const finding: Finding = {
        ruleId: id,
        messageId: d.messageId,
        message: formatMessage(def, config.locale, d.data),
        severity,
        impact: rule.meta.impact,
        kind: def.kind ?? (severity === 'info' ? 'review' : 'fail'),
        position,
        snippet: snippetOf(model, position),
        fingerprint: '',
      };
      if (sectionInfo) finding.section = { key: sectionInfo.key, title: sectionInfo.title };
      if (d.data !== undefined) finding.data = toJson(d.data) as Record<string, unknown>;
      if (d.expected !== undefined) finding.expected = toJson(d.expected);
      if (d.actual !== undefined) finding.actual = toJson(d.actual);
      run.findings.push(finding);
    },
  };
}

/**
 * Keeps results plain JSON (no undefined, no functions, no cycles), as JSON.stringify would, without
 * the round trip through a string.
 */
function toJson(value: unknown): unknown {
  try {
    return plain(value ?? null, []);
  } catch {
    return String(value);
  }
}

function plain(value: unknown, stack: object[]): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'object':
      break;
    default:
      return undefined;
  }
  if (value === null) return null;
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return plain(toJSON.call(value), stack);
  if (stack.includes(value as object)) throw new TypeError('cyclic value');
  stack.push(value as object);
  let out: unknown;
  if (Array.isArray(value)) {
    out = value.map((v) => plain(v, stack) ?? null);
  } else {
    const o: Record<string, unknown> = {};
    for (const key of Object.keys(value as object)) {
      const v = plain((value as Record<string, unknown>)[key], stack);
      if (v !== undefined) o[key] = v;
    }
    out = o;
  }
  stack.pop();
  return out;
}

function appliesTo(resolved: ResolvedRule, model: ReportModel): boolean {
  const list = resolved.rule.meta.appliesTo;
  if (!list || list.length === 0) return true;
  return list.some((k) => k === model.era || k === model.template);
}

function call(run: RuleRun, fn: () => void): void {
  if (run.crashed) return;
  try {
    fn();
  } catch (e) {
    run.crashed = describeError(run.resolved.id, e);
  }
}

type Visitor = (node: TreeNode, parent: TreeNode | null) => void;
type Dispatch = Map<string, Array<[RuleRun, Visitor]>>;

/** Node type (or `type:exit`) → the rules that visit it, in rule order. */
function dispatchOf(runs: RuleRun[]): Dispatch {
  const dispatch: Dispatch = new Map();
  for (const run of runs) {
    for (const [key, fn] of Object.entries(run.visitors)) {
      if (typeof fn !== 'function') continue;
      let list = dispatch.get(key);
      if (!list) dispatch.set(key, (list = []));
      list.push([run, fn as Visitor]);
    }
  }
  return dispatch;
}

function visit(list: Array<[RuleRun, Visitor]> | undefined, node: TreeNode, parent: TreeNode | null): void {
  if (!list) return;
  for (let i = 0; i < list.length; i++) {
    const run = list[i]![0];
    if (run.crashed) continue;
    try {
      list[i]![1](node, parent);
    } catch (e) {
      run.crashed = describeError(run.resolved.id, e);
    }
  }
}

const EXIT = new Map<string, string>();

function traverse(node: TreeNode, parent: TreeNode | null, dispatch: Dispatch): void {
  visit(dispatch.get(node.type), node, parent);
  const children = node.children;
  if (children) for (let i = 0; i < children.length; i++) traverse(children[i]!, node, dispatch);
  let exit = EXIT.get(node.type);
  if (exit === undefined) EXIT.set(node.type, (exit = `${node.type}:exit`));
  visit(dispatch.get(exit), node, parent);
}

export function runRules(model: ReportModel, config: ResolvedConfig): AuditResult {
  const runs: RuleRun[] = [];
  const skipped: RuleRun[] = [];
  for (const resolved of config.rules) {
    const run: RuleRun = { resolved, visitors: {}, findings: [], dropped: 0 };
    if (!appliesTo(resolved, model)) {
      run.inapplicable = `not applicable to ${model.template}${model.era ? ` / ${model.era}` : ''}`;
      skipped.push(run);
      continue;
    }
    call(run, () => {
      const context = makeContext(run, model, config);
      run.visitors = resolved.rule.create(context) ?? {};
    });
    runs.push(run);
  }
  traverse(model.tree, null, dispatchOf(runs));

  const outcomes: RuleOutcome[] = [];
  const findings: Finding[] = [];
  const errors: RuleError[] = [];
  for (const run of [...runs, ...skipped]) {
    outcomes.push(outcomeOf(run));
    if (run.crashed) errors.push(run.crashed);
    else findings.push(...run.findings);
  }
  outcomes.sort((a, b) => config.rules.findIndex((r) => r.id === a.ruleId) - config.rules.findIndex((r) => r.id === b.ruleId));
  sortFindings(findings);
  assignFingerprints(findings);
  return {
    score: scoreOf(outcomes),
    passed: !findings.some((f) => f.severity === 'error'),
    report: summaryOf(model),
    rules: outcomes,
    findings,
    errors,
  };
}

function outcomeOf(run: RuleRun): RuleOutcome {
  const { rule, id, weight } = run.resolved;
  const count = run.findings.length + run.dropped;
  let outcome: Outcome;
  let reason: string | undefined;
  if (run.crashed) {
    outcome = 'incomplete';
    reason = `rule crashed: ${run.crashed.message}`;
  } else if (run.inapplicable !== undefined) {
    outcome = 'inapplicable';
    reason = run.inapplicable;
  } else {
    outcome = run.findings.some((f) => f.severity !== 'info') ? 'fail' : 'pass';
    if (run.dropped > 0) reason = `${run.dropped} more findings not listed (maxFindingsPerRule)`;
  }
  const listed = run.crashed || run.inapplicable !== undefined ? [] : run.findings;
  let severity: Severity = listed.reduce<Severity>(
    (max, f) => (SEVERITY_RANK[f.severity] > SEVERITY_RANK[max] ? f.severity : max),
    'info',
  );
  if (listed.length === 0) severity = configuredSeverity(run);
  const out: RuleOutcome = {
    ruleId: id,
    outcome,
    impact: rule.meta.impact,
    severity,
    findingCount: outcome === 'incomplete' || outcome === 'inapplicable' ? 0 : count,
    weight,
  };
  if (reason) out.reason = reason;
  return out;
}

/** The highest severity the rule can report under the current configuration. */
function configuredSeverity(run: RuleRun): Severity {
  let max: Severity = 'info';
  for (const [mid, def] of Object.entries(run.resolved.rule.meta.messages)) {
    const s = severityOf(run, mid, def.severity);
    if (s !== 'off' && SEVERITY_RANK[s] > SEVERITY_RANK[max]) max = s;
  }
  return max;
}

function scoreOf(outcomes: RuleOutcome[]): number {
  let total = 0;
  let passed = 0;
  for (const o of outcomes) {
    if (o.outcome !== 'pass' && o.outcome !== 'fail') continue;
    total += o.weight;
    if (o.outcome === 'pass') passed += o.weight;
  }
  if (total === 0) return 100;
  return Math.round((1000 * passed) / total) / 10;
}

function sortFindings(findings: Finding[]): void {
  findings.sort(
    (a, b) =>
      a.position.start.offset - b.position.start.offset ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
      (a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0) ||
      a.position.end.offset - b.position.end.offset,
  );
}

/**
 * Fingerprints depend on what a finding says and where it belongs (rule, message, section, the text it
 * points at, its data), not on its offset, so they survive edits elsewhere in the report.
 */
function assignFingerprints(findings: Finding[]): void {
  const seen = new Map<string, number>();
  for (const f of findings) {
    const base = [f.ruleId, f.messageId, f.section?.key ?? '', f.section?.title ?? '', f.snippet, JSON.stringify(f.data ?? null)];
    const key = base.join('\u0001');
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    f.fingerprint = fingerprintOf([...base, String(n)]);
  }
}

function summaryOf(model: ReportModel): ReportSummary {
  const summary: ReportSummary = {
    format: model.format,
    year: model.year,
    template: model.template,
    expectedTemplate: model.expectedTemplate,
    era: model.era,
    issuer: model.issuer,
    issuerType: model.issuerType,
    issuerLevel: model.issuerLevel,
    title: model.title ? model.title.text : null,
    sections: model.sections.map((s) => ({
      key: s.key,
      title: s.title,
      depth: s.depth,
      position: model.positionOf(s.headingStart, s.headingEnd),
    })),
    tables: model.tables,
  };
  if (model.uri !== undefined) summary.uri = model.uri;
  if (model.format === 'docx' || model.format === 'pdf') summary.text = model.source;
  return summary;
}
