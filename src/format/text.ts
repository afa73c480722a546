/**
 * Text for a terminal: per report the score and verdict, then the findings grouped by rule, each as
 * `file:line:column  severity  message` (the form editors and terminals turn into links), then the
 * rules that passed or did not apply, and a summary line for the batch.
 */
import type { AuditResult, Finding, Severity } from '../types';
import {
  countSeverities,
  describeRule,
  displayName,
  reportPasses,
  ruleIndex,
  showValue,
  summarize,
  wordsFor,
  type FormatOptions,
} from './labels';

export interface TextFormatOptions extends FormatOptions {
  /** ANSI colours (for a terminal). Off by default. */
  color?: boolean;
  /** Print the summary line at the end (default: true). */
  summary?: boolean;
}

const ANSI = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  red: '\u001b[31m',
  green: '\u001b[32m',
  yellow: '\u001b[33m',
  cyan: '\u001b[36m',
} as const;

type Style = keyof typeof ANSI;

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'cyan' };
const SEVERITY_MARK: Record<Severity, string> = { error: '✖', warning: '⚠', info: 'ℹ' };

/** Formats audit results as text for a terminal (pure: returns the text, prints nothing). */
export function formatText(results: ReadonlyArray<AuditResult>, options: TextFormatOptions = {}): string {
  const w = wordsFor(options.locale);
  const paint = (style: Style, s: string): string => (options.color ? `${ANSI[style]}${s}${ANSI.reset}` : s);
  const rules = ruleIndex(options);
  const minScore = options.minScore ?? 0;
  const out: string[] = [];

  results.forEach((result, index) => {
    const file = displayName(result, index);
    const r = result.report;
    const ok = reportPasses(result, minScore);
    out.push(paint('bold', file));
    out.push(
      `  ${[
        r.title ?? w.noTitle,
        r.issuer ?? w.noIssuer,
        r.year !== null ? w.year(r.year) : w.noYear,
        w.template[r.template],
      ].join(' | ')}`,
    );
    const verdict = ok ? paint('green', w.verdictPass) : paint('red', w.verdictFail);
    const belowMin = result.passed && !ok ? `（${w.belowMinScore(minScore)}）` : '';
    out.push(`  ${w.score} ${paint('bold', String(result.score))} / 100  ${verdict}${belowMin}  ${w.counts(countSeverities(result))}`);

    // Findings grouped by rule, rules in the order the auditor ran them.
    const byRule = new Map<string, Finding[]>();
    for (const f of result.findings) {
      const list = byRule.get(f.ruleId) ?? [];
      list.push(f);
      byRule.set(f.ruleId, list);
    }
    const order = [...result.rules.map((o) => o.ruleId), ...byRule.keys()].filter((id, i, a) => a.indexOf(id) === i);
    for (const ruleId of order) {
      const findings = byRule.get(ruleId);
      if (!findings) continue;
      const outcome = result.rules.find((o) => o.ruleId === ruleId);
      const worst = findings.reduce<Severity>((m, f) => (rank(f.severity) > rank(m) ? f.severity : m), 'info');
      const head = `${SEVERITY_MARK[worst]} ${ruleId}`;
      const outcomeWord = outcome ? w.outcome[outcome.outcome] : '';
      out.push('');
      out.push(
        `  ${paint(SEVERITY_STYLE[worst], head)}  ${describeRule(rules.get(ruleId), ruleId, options.locale)}` +
          (outcomeWord ? `  ${paint('dim', `[${outcomeWord}]`)}` : ''),
      );
      for (const f of findings) {
        // file:line:column stays first (editors link it); the page follows for PDF input.
        const page = f.position.start.page;
        const where = `${file}:${f.position.start.line}:${f.position.start.column}` + (page ? ` (${w.page(page)})` : '');
        out.push(`    ${where}  ${paint(SEVERITY_STYLE[f.severity], w.severity[f.severity])}  ${f.message}`);
        const details: string[] = [];
        if (f.section) details.push(`${w.section_}：${f.section.title || (f.section.key ? w.section[f.section.key] : '')}`);
        const expected = showValue(f.expected);
        const actual = showValue(f.actual);
        if (expected !== '') details.push(`${w.expected} ${expected}`);
        if (actual !== '') details.push(`${w.actual} ${actual}`);
        if (f.snippet) details.push(`${w.snippet}：「${f.snippet}」`);
        if (details.length > 0) out.push(paint('dim', `      ${details.join('；')}`));
      }
    }

    for (const e of result.errors) {
      out.push('');
      out.push(`  ${paint('red', '✖')} ${w.ruleCrashed(e.ruleId, e.message)}`);
    }

    const withoutFindings = result.rules.filter((o) => !byRule.has(o.ruleId));
    const list = (outcome: string) =>
      withoutFindings
        .filter((o) => o.outcome === outcome)
        .map((o) => (o.reason && outcome !== 'pass' ? `${o.ruleId}（${o.reason}）` : o.ruleId));
    const passed = list('pass');
    const inapplicable = list('inapplicable');
    const incomplete = list('incomplete');
    const tail: string[] = [];
    if (byRule.size === 0 && result.errors.length === 0) tail.push(`  ${paint('green', w.noFindings)}`);
    if (passed.length > 0) tail.push(`  ${paint('green', w.passedRules)}：${passed.join('、')}`);
    if (inapplicable.length > 0) tail.push(`  ${paint('dim', `${w.inapplicableRules}：${inapplicable.join('、')}`)}`);
    if (incomplete.length > 0) tail.push(`  ${paint('yellow', w.incompleteRules)}：${incomplete.join('、')}`);
    if (tail.length > 0) out.push('', ...tail);
    out.push('');
  });

  if (options.summary !== false) {
    out.push(paint('bold', w.summary(summarize(results, options))));
  }
  return out.join('\n') + '\n';
}

function rank(s: Severity): number {
  return s === 'error' ? 2 : s === 'warning' ? 1 : 0;
}
