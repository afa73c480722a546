/**
 * Runs the rules over one model: one traversal of the tree for all rules, crashes contained,
 * findings capped, outcomes and the score computed.
 */
import type {
  AuditResult,
  Finding,
  Locale,
  FindingValue,
  Outcome,
  Position,
  ReportDescriptor,
  ReportModel,
  ReportSummary,
  RuleContext,
  RuleError,
  RuleOutcome,
  RuleVisitors,
  SectionKey,
  TableCell,
  Severity,
  TreeNode,
} from '../types';
import type { ResolvedConfig, ResolvedRule } from './config';
import resultSchema from '../../schemas/audit-result.schema.json' with { type: 'json' };
import { engineReasons, formatMessage } from './messages';
import { fingerprintOf } from './fingerprint';
import { isBinaryFormat } from '../extract/formats';

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
const SNIPPET_MAX = 80;

interface RuleRun {
  resolved: ResolvedRule;
  visitors: RuleVisitors;
  findings: Finding[];
  /** Findings reported beyond the cap (counted, not listed). */
  dropped: number;
  inapplicable?: string;
  /** Set by `context.incomplete`: the rule could not read what it needs. */
  incomplete?: string;
  crashed?: RuleError;
  /** Milliseconds spent in the rule's code so far. */
  spent: number;
}

const MESSAGE_MAX = 500;

/** String(value), or a description when even that throws (a hostile toString, a revoked proxy). */
function safeString(value: unknown): string {
  try {
    const s = String(value);
    return s.length > MESSAGE_MAX ? s.slice(0, MESSAGE_MAX - 1) + '…' : s;
  } catch {
    try {
      return `a thrown ${value === null ? 'null' : typeof value} that cannot be printed`;
    } catch {
      return 'a value that cannot be printed';
    }
  }
}

function describeError(ruleId: string, e: unknown): RuleError {
  // No stack: it depends on the caller and would make the result non-deterministic.
  try {
    if (e instanceof Error) {
      const name = typeof e.name === 'string' ? e.name : '';
      const message = safeString(e.message);
      return { ruleId, message: name && name !== 'Error' ? `${name}: ${message}` : message };
    }
  } catch {
    // A getter threw: describe the value as a whole.
  }
  return { ruleId, message: safeString(e) };
}

function isPoint(p: unknown, bound: number): p is { line: number; column: number; offset: number } {
  if (!p || typeof p !== 'object') return false;
  const { line, column, offset } = p as Record<string, unknown>;
  return (
    Number.isInteger(line) && (line as number) >= 1 &&
    Number.isInteger(column) && (column as number) >= 1 &&
    Number.isInteger(offset) && (offset as number) >= 0 && (offset as number) <= bound
  );
}

/** The section keys a finding may name: the result schema's own list, and null. */
const SECTION_KEYS = new Set<unknown>([...resultSchema.definitions.sectionKey.oneOf[0]!.enum!, null]);

function checkedSection(ruleId: string, section: { key: SectionKey | null; title: string }): { key: SectionKey | null; title: string } {
  if (!SECTION_KEYS.has(section.key) || typeof section.title !== 'string') {
    throw new Error(`rule "${ruleId}" reported an invalid section (a key of the section tree or null, and a title)`);
  }
  return { key: section.key, title: own(section.title) };
}

function checkRecord(ruleId: string, data: unknown): Record<string, unknown> {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new Error(`rule "${ruleId}" reported data that is not an object`);
  }
  return data as Record<string, unknown>;
}

function checkRange(ruleId: string, range: unknown, bound: number): void {
  const ok =
    Array.isArray(range) &&
    Number.isInteger(range[0]) && Number.isInteger(range[1]) &&
    range[0] >= 0 && range[0] <= range[1] && range[1] <= bound;
  if (!ok) throw new Error(`rule "${ruleId}" reported an invalid range (need [start, end] with 0 ≤ start ≤ end ≤ ${bound})`);
}

/** A copy of a position a rule passed in, or an error naming what is wrong with it. */
function checkedPosition(ruleId: string, p: unknown, bound: number): Position {
  const { start, end } = (p && typeof p === 'object' ? p : {}) as Record<string, unknown>;
  if (!isPoint(start, bound) || !isPoint(end, bound) || start.offset > end.offset) {
    throw new Error(`rule "${ruleId}" reported an invalid position (points need line, column ≥ 1 and 0 ≤ offset ≤ ${bound}, start ≤ end)`);
  }
  return { start: copyPoint(start), end: copyPoint(end) };
}

/** A point's fields, with its page when it has a valid one (PDF input). */
function copyPoint(p: { line: number; column: number; offset: number; page?: unknown }): Position['start'] {
  const point: Position['start'] = { line: p.line, column: p.column, offset: p.offset };
  if (Number.isInteger(p.page) && (p.page as number) >= 1) point.page = p.page as number;
  return point;
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
  // Only the start can show: a finding on a whole section copies no more than a few lines of it.
  const limit = position.start.offset + SNIPPET_MAX * 4;
  const raw = model.source.slice(position.start.offset, Math.min(position.end.offset, limit));
  // Each run of white space is taken whole (a `\s*\n\s*` pattern rescans long runs of spaces).
  const oneLine = raw.replace(/\s+/g, (ws) => (ws.includes('\n') ? ' ' : ws));
  const cut = position.end.offset > limit;
  return cut || oneLine.length > SNIPPET_MAX ? oneLine.slice(0, SNIPPET_MAX - 1) + '…' : oneLine;
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
    incomplete(reason: string) {
      run.incomplete = reason;
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
      if (d.range !== undefined) checkRange(id, d.range, model.text.length);
      // Checked before formatMessage reads it, and again as the plain copy (a toJSON may turn it into anything).
      if (d.data !== undefined) checkRecord(id, d.data);
      const given = d.position ?? d.node?.position;
      const position =
        given !== undefined
          ? checkedPosition(id, given, model.source.length)
          : d.range
            ? model.positionOf(d.range[0], d.range[1])
            : defaultPosition(model);
      const sectionInfo =
        d.section ??
        model.sectionAt(d.range ? d.range[0] : model.textOffsetAt(position.start.offset));
      const finding: Finding = {
        ruleId: id,
        messageId: d.messageId,
        message: own(formatMessage(def, config.locale, d.data)),
        severity,
        impact: rule.meta.impact,
        kind: def.kind ?? (severity === 'info' ? 'review' : 'fail'),
        position,
        snippet: own(snippetOf(model, position)),
        fingerprint: '',
      };
      if (sectionInfo) finding.section = checkedSection(id, sectionInfo);
      if (d.data !== undefined) finding.data = checkRecord(id, toJson(d.data));
      if (d.expected !== undefined) finding.expected = toJson(d.expected) as FindingValue;
      if (d.actual !== undefined) finding.actual = toJson(d.actual) as FindingValue;
      // A pair that reads the same says nothing (「应为 67467；实为 67467」): neither is kept.
      if (finding.expected !== undefined && finding.actual !== undefined && sameJson(finding.expected, finding.actual)) {
        delete finding.expected;
        delete finding.actual;
      }
      run.findings.push(finding);
    },
  };
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return String(a) === String(b);
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Nesting deeper than this is printed, not copied (no stack overflow on hostile data). */
const MAX_DEPTH = 64;

/**
 * Keeps results plain JSON (no undefined, no functions, no cycles), as JSON.stringify would, without
 * the round trip through a string. A cycle becomes '[circular]', nesting past MAX_DEPTH '[too deep]';
 * a value whose getters or toJSON throw is printed.
 */
function toJson(value: unknown): unknown {
  try {
    return plain(value ?? null, []);
  } catch {
    return safeString(value);
  }
}

function plain(value: unknown, stack: object[]): unknown {
  switch (typeof value) {
    case 'string':
      return own(value);
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
  if (stack.includes(value as object)) return '[circular]';
  if (stack.length >= MAX_DEPTH) return '[too deep]';
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

const now: () => number =
  typeof performance !== 'undefined' && typeof performance.now === 'function' ? () => performance.now() : () => Date.now();

/**
 * Runs rule code with up to two arguments (no closure on the hot path): a throw is recorded as a
 * crash, and the time is counted against the rule's budget.
 */
function guarded<A, B>(run: RuleRun, budget: number, fn: (a: A, b: B) => void, a: A, b: B): void {
  if (run.crashed) return;
  const t0 = now();
  try {
    fn(a, b);
  } catch (e) {
    run.crashed = describeError(run.resolved.id, e);
  }
  charge(run, budget, t0);
}

function charge(run: RuleRun, budget: number, t0: number): void {
  run.spent += now() - t0;
  if (run.spent > budget && !run.crashed) {
    run.crashed = {
      ruleId: run.resolved.id,
      message: `stopped after ${Math.round(run.spent)} ms, over its time budget of ${budget} ms (ruleTimeBudget)`,
    };
  }
}

type Visitor = (node: TreeNode, parent: TreeNode | null) => void;
type Dispatch = Map<string, Array<[RuleRun, Visitor]>>;

/** Node type (or `type:exit`) → the rules that visit it, in rule order. */
function dispatchOf(runs: RuleRun[]): Dispatch {
  const dispatch: Dispatch = new Map();
  for (const run of runs) {
    if (run.crashed) continue;
    let entries: Array<[string, unknown]>;
    try {
      // What create() returned is the rule's: a proxy or getters can throw.
      entries = run.visitors && typeof run.visitors === 'object' ? Object.entries(run.visitors) : [];
    } catch (e) {
      run.crashed = describeError(run.resolved.id, e);
      continue;
    }
    for (const [key, fn] of entries) {
      if (typeof fn !== 'function') continue;
      let list = dispatch.get(key);
      if (!list) dispatch.set(key, (list = []));
      list.push([run, fn as Visitor]);
    }
  }
  return dispatch;
}

function visit(list: Array<[RuleRun, Visitor]> | undefined, node: TreeNode, parent: TreeNode | null, budget: number): void {
  if (!list) return;
  for (let i = 0; i < list.length; i++) guarded(list[i]![0], budget, list[i]![1], node, parent);
}

const EXIT = new Map<string, string>();

/** The state of one walk over the tree. */
interface Walk {
  dispatch: Dispatch;
  budget: number;
  /** Nodes already walked: a rule that links nodes into a cycle cannot make the walk loop. */
  seen: Set<TreeNode>;
  /** Whether any rule visits a node below the root: if none does (the built-in rules read the model
   *  at 'root:exit'), the walk stops at the root: the tree below it is then never built (see buildModel). */
  below: boolean;
}

/** Deeper than any tree the model builds; only a rule growing the tree while it is walked gets there. */
const MAX_WALK_DEPTH = 256;

/**
 * Walks the tree as the model built it: the children are read before any rule runs on them, each
 * node is walked once and the walk stops at MAX_WALK_DEPTH, so a rule that adds, removes, replaces
 * or links nodes cannot make the walk loop, stray or overflow the stack.
 */
function traverse(node: TreeNode, parent: TreeNode | null, walk: Walk, depth: number): void {
  if (!node || typeof node !== 'object' || walk.seen.has(node)) return;
  walk.seen.add(node);
  const type = node.type;
  const children = walk.below && Array.isArray(node.children) ? node.children.slice() : undefined;
  visit(walk.dispatch.get(type), node, parent, walk.budget);
  if (children && depth < MAX_WALK_DEPTH) for (let i = 0; i < children.length; i++) traverse(children[i]!, node, walk, depth + 1);
  let exit = EXIT.get(type);
  if (exit === undefined) EXIT.set(type, (exit = `${type}:exit`));
  visit(walk.dispatch.get(exit), node, parent, walk.budget);
}

export function runRules(model: ReportModel, config: ResolvedConfig): AuditResult {
  const runs: RuleRun[] = [];
  const skipped: RuleRun[] = [];
  for (const resolved of config.rules) {
    const run: RuleRun = { resolved, visitors: {}, findings: [], dropped: 0, spent: 0 };
    if (!appliesTo(resolved, model)) {
      run.inapplicable = engineReasons[config.locale].notApplicable(model.template, model.era);
      skipped.push(run);
      continue;
    }
    const create = () => {
      run.visitors = resolved.rule.create(makeContext(run, model, config)) ?? {};
    };
    guarded(run, config.ruleTimeBudget, create, undefined, undefined);
    runs.push(run);
  }
  const dispatch = dispatchOf(runs);
  const below = [...dispatch.keys()].some((key) => key !== 'root' && key !== 'root:exit');
  traverse(model.tree, null, { dispatch, budget: config.ruleTimeBudget, seen: new Set(), below }, 0);

  const outcomes: RuleOutcome[] = [];
  const findings: Finding[] = [];
  const errors: RuleError[] = [];
  for (const run of [...runs, ...skipped]) {
    outcomes.push(outcomeOf(run, config.locale));
    if (run.crashed) errors.push(run.crashed);
    else findings.push(...run.findings);
  }
  outcomes.sort((a, b) => config.rules.findIndex((r) => r.id === a.ruleId) - config.rules.findIndex((r) => r.id === b.ruleId));
  sortFindings(findings);
  assignFingerprints(findings);
  const score = scoreOf(outcomes);
  return {
    score,
    // The one verdict every output shows (DESIGN.md): no error finding and a score of at least minScore.
    passed: !findings.some((f) => f.severity === 'error') && score >= config.minScore,
    report: summaryOf(model),
    rules: outcomes,
    findings,
    errors,
  };
}

/**
 * A copy of a string that shares no memory with the string it was cut from. V8 keeps a slice of 13
 * characters or more as a pointer into its parent, so an excerpt of a few words kept a whole
 * compacted report alive for as long as the result lived: a batch holding results held every text
 * it audited. Prepending a character makes V8 build a new flat string; the slice is of that.
 */
function own(s: string): string {
  return s.length > 12 ? (' ' + s).slice(1) : s;
}

function ownCell(c: TableCell): TableCell {
  if (c.text.length <= 12 && (c.note === undefined || c.note.length <= 12)) return c;
  const copy: TableCell = { ...c, text: own(c.text) };
  if (c.note !== undefined) copy.note = own(c.note);
  return copy;
}

function outcomeOf(run: RuleRun, locale: Locale): RuleOutcome {
  const { rule, id, weight } = run.resolved;
  const count = run.findings.length + run.dropped;
  let outcome: Outcome;
  let reason: string | undefined;
  if (run.crashed) {
    outcome = 'incomplete';
    reason = engineReasons[locale].crashed(run.crashed.message);
  } else if (run.inapplicable !== undefined) {
    outcome = 'inapplicable';
    reason = run.inapplicable;
  } else if (run.incomplete !== undefined) {
    outcome = 'incomplete';
    reason = run.incomplete;
  } else {
    outcome = run.findings.some((f) => f.severity !== 'info') ? 'fail' : 'pass';
    if (run.dropped > 0) reason = engineReasons[locale].dropped(run.dropped);
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
    findingCount: run.crashed || outcome === 'inapplicable' ? 0 : count,
    weight,
  };
  if (reason) out.reason = reason;
  return out;
}

/** Per resolved rule: it depends on the configuration only, and every audit asked for it. */
const configuredSeverities = new WeakMap<ResolvedRule, Severity>();

/** The highest severity the rule can report under the current configuration. */
function configuredSeverity(run: RuleRun): Severity {
  let known = configuredSeverities.get(run.resolved);
  if (known === undefined) configuredSeverities.set(run.resolved, (known = computeConfiguredSeverity(run)));
  return known;
}

function computeConfiguredSeverity(run: RuleRun): Severity {
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
    issuer: model.issuer === null ? null : own(model.issuer),
    issuerType: model.issuerType,
    issuerLevel: model.issuerLevel,
    title: model.title ? own(model.title.text) : null,
    sections: model.sections.map((s) => ({
      key: s.key,
      title: own(s.title),
      depth: s.depth,
      position: model.positionOf(s.headingStart, s.headingEnd),
    })),
    tables: model.tables.map((t) => ({ ...t, cells: t.cells.map(ownCell) })),
  };
  if (model.uri !== undefined) summary.uri = model.uri;
  if (model.decoding) summary.encoding = model.decoding.encoding;
  if (isBinaryFormat(model.format)) summary.text = model.source;
  return summary;
}
