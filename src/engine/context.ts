/**
 * The context a rule gets (`create(context)`): `report` checks what a rule gives it and builds the finding; `RuleRun` is one rule's state during an audit.
 */
import type { Finding, FindingValue, Position, ReportDescriptor, ReportModel, RuleContext, RuleError, RuleVisitors, SectionKey, Severity } from '../types';
import type { ResolvedConfig, ResolvedRule } from './config';
import resultSchema from '../../schemas/audit-result.schema.json' with { type: 'json' };
import { formatMessage } from './messages';
import { safeString, sameJson, toJson, plain, own } from './plain';

const SNIPPET_MAX = 80;

export interface RuleRun {
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

export function describeError(ruleId: string, e: unknown): RuleError {
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

export function severityOf(run: RuleRun, messageId: string, defaultSeverity: Severity): Severity | 'off' {
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

export function makeContext(run: RuleRun, model: ReportModel, config: ResolvedConfig): RuleContext {
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
