/**
 * From the rules' runs to the result: outcomes, the score, findings sorted and fingerprinted, the report summary.
 */
import type { Finding, Locale, Outcome, ReportModel, ReportSummary, RuleOutcome, TableCell, Severity } from '../types';
import type { ResolvedRule } from './config';
import { engineReasons } from './messages';
import { fingerprintOf } from './fingerprint';
import { isBinaryFormat } from '../extract/formats';
import { severityOf, type RuleRun } from './context';
import { own } from './plain';

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

function ownCell(c: TableCell): TableCell {
  if (c.text.length <= 12 && (c.note === undefined || c.note.length <= 12)) return c;
  const copy: TableCell = { ...c, text: own(c.text) };
  if (c.note !== undefined) copy.note = own(c.note);
  return copy;
}

export function outcomeOf(run: RuleRun, locale: Locale): RuleOutcome {
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

export function scoreOf(outcomes: RuleOutcome[]): number {
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

export function sortFindings(findings: Finding[]): void {
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
export function assignFingerprints(findings: Finding[]): void {
  const seen = new Map<string, number>();
  for (const f of findings) {
    const base = [f.ruleId, f.messageId, f.section?.key ?? '', f.section?.title ?? '', f.snippet, JSON.stringify(f.data ?? null)];
    const key = base.join('\u0001');
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    f.fingerprint = fingerprintOf([...base, String(n)]);
  }
}

export function summaryOf(model: ReportModel): ReportSummary {
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
