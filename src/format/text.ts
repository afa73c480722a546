/**
 * Text for people at a terminal. Per report one header line — verdict, score, counts, file — then one
 * line per finding:
 *
 *     file:line:col (p.N)  level  message  rule-id
 *
 * (`p.N` only when the finding's position has a page, for PDF and DOCX input), the form editors and
 * terminals turn into links. Long lines wrap to `width` with a hanging indent. Expected and actual
 * values follow on their own line when they say something. Rule descriptions, snippets and the rules
 * that passed or did not apply are printed only with `verbose`. A summary line ends the batch, and the
 * files that were not reports or could not be read are listed apart.
 */
import type { AuditResult, Finding, RuleMeta, Severity } from '../types';
import {
  countSeverities,
  describeRule,
  displayName,
  displayWidth,
  reportPasses,
  ruleIndex,
  showPair,
  summarize,
  wordsFor,
  type BatchSummary,
  type FormatOptions,
} from './labels';

export interface TextFormatOptions extends FormatOptions {
  /** ANSI colours (for a terminal). Off by default. */
  color?: boolean;
  /** Print the summary line at the end (default: true). */
  summary?: boolean;
  /** Wrap lines to this many columns (a CJK character takes two); no wrapping when absent. */
  width?: number;
  /** Also print rule descriptions, snippets, and the rules that passed or did not apply. */
  verbose?: boolean;
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

/** Wraps `text` (no ANSI inside) to `width` columns; continuation lines get `indent` spaces. */
export function wrap(text: string, width: number | undefined, indent: number): string[] {
  if (!width || width < indent + 20 || displayWidth(text) <= width) return [text];
  const lines: string[] = [];
  let line = '';
  let w = 0;
  const limit = () => (lines.length === 0 ? width : width - indent);
  // Break at spaces for Latin text, anywhere between CJK characters.
  const tokens = text.match(/[\u2E80-\uFFEF]|[^\s\u2E80-\uFFEF]+|\s+/gu) ?? [text];
  for (const token of tokens) {
    const tw = displayWidth(token);
    if (w + tw > limit() && w > 0) {
      lines.push(line.trimEnd());
      line = '';
      w = 0;
      if (/^\s+$/.test(token)) continue;
    }
    line += token;
    w += tw;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines.map((l, i) => (i === 0 ? l : ' '.repeat(indent) + l));
}

/** Formats audit results as text for a terminal (pure: returns the text, prints nothing). */
export function formatText(results: ReadonlyArray<AuditResult>, options: TextFormatOptions = {}): string {
  const rules = ruleIndex(options);
  const reports = results.map((result, index) => formatTextReport(result, index, options, rules)).join('');
  const end = formatTextEnd(summarize(results, options), options);
  return reports === '' && end === '' ? '\n' : reports + end;
}

/**
 * One report's part of the text output (its header line, findings and a blank line): what
 * `formatText` prints for `results[index]`, so that a caller can print each report as it comes and
 * finish with `formatTextEnd`. `rules` (from `options.rules`) can be passed to save building it again.
 */
export function formatTextReport(
  result: AuditResult,
  index: number,
  options: TextFormatOptions = {},
  rules: Map<string, RuleMeta> = ruleIndex(options),
): string {
  const w = wordsFor(options.locale);
  const paint = (style: Style, s: string): string => (options.color ? `${ANSI[style]}${s}${ANSI.reset}` : s);
  const out: string[] = [];
  const push = (text: string, indent: number, style?: Style) => {
    for (const l of wrap(text, options.width, indent)) out.push(style ? paint(style, l) : l);
  };

  const file = displayName(result, index);
  const ok = reportPasses(result);
  const verdict = ok ? paint('green', `✔ ${w.verdictPass}`) : paint('red', `✖ ${w.verdictFail}`);
  const r = result.report;
  const about = [r.year !== null ? w.year(r.year) : w.noYear, w.template[r.template]].join(' · ');
  out.push(`${verdict}  ${w.score} ${paint('bold', String(result.score))}  ${w.counts(countSeverities(result))}  ${paint('bold', file)}  ${paint('dim', about)}`);

  for (const f of result.findings) {
    const page = f.position.start.page !== undefined ? ` (p.${f.position.start.page})` : '';
    const where = `${file}:${f.position.start.line}:${f.position.start.column}${page}`;
    const level = w.severity[f.severity];
    const plain = `  ${where}  ${level}  ${f.message}  ${f.ruleId}`;
    const lines = wrap(plain, options.width, 4);
    lines.forEach((l, i) => {
      if (!options.color) return out.push(l);
      let s = l;
      if (i === 0) s = s.replace(`  ${level}  `, `  ${paint(SEVERITY_STYLE[f.severity], level)}  `).replace(where, paint('dim', where));
      if (i === lines.length - 1 && s.endsWith(f.ruleId)) s = s.slice(0, -f.ruleId.length) + paint('dim', f.ruleId);
      out.push(s);
    });
    const details = detailsOf(f, options, w);
    if (details) push(`    ${details}`, 6, 'dim');
  }
  for (const e of result.errors) push(`  ${w.ruleCrashed(e.ruleId, e.message)}  ${e.ruleId}`, 4, 'red');

  if (options.verbose) {
    out.push('');
    for (const o of result.rules) {
      const reason = o.reason ? `（${o.reason}）` : '';
      push(`  ${o.ruleId}  [${w.outcome[o.outcome]}]  ${describeRule(rules.get(o.ruleId), o.ruleId, options.locale)}${reason}`, 4, 'dim');
    }
  }
  out.push('');
  return out.join('\n') + '\n';
}

/**
 * The end of the text output after the reports: the files that were not reports or could not be
 * read (`options.inputErrors`), then the summary line of `summary` (unless `options.summary` is
 * false). Empty when there is nothing to say.
 */
export function formatTextEnd(summary: BatchSummary, options: TextFormatOptions = {}): string {
  const w = wordsFor(options.locale);
  const paint = (style: Style, s: string): string => (options.color ? `${ANSI[style]}${s}${ANSI.reset}` : s);
  const out: string[] = [];
  const push = (text: string, indent: number, style?: Style) => {
    for (const l of wrap(text, options.width, indent)) out.push(style ? paint(style, l) : l);
  };
  const errors = options.inputErrors ?? [];
  const skipped = errors.filter((e) => e.code === 'NOT_A_REPORT' || e.code === 'EMPTY');
  const unreadable = errors.filter((e) => !skipped.includes(e));
  if (skipped.length > 0) {
    push(w.notReportsHeading(skipped.length), 2);
    for (const e of skipped) push(`  ${e.uri}  ${e.message}`, 4, 'dim');
    out.push('');
  }
  if (unreadable.length > 0) {
    push(`${w.unreadable}：`, 2);
    for (const e of unreadable) push(`  ${e.uri}  ${e.message}`, 4, 'red');
    out.push('');
  }
  if (options.summary !== false) out.push(paint('bold', w.summary(summary)));
  return out.length === 0 ? '' : out.join('\n') + '\n';
}

function detailsOf(f: Finding, options: TextFormatOptions, w: ReturnType<typeof wordsFor>): string {
  const parts: string[] = [];
  const pair = showPair(f.expected, f.actual, options.locale);
  if (pair.expected !== '') parts.push(`${w.expected} ${pair.expected}`);
  if (pair.actual !== '') parts.push(`${w.actual} ${pair.actual}`);
  if (options.verbose && f.snippet) parts.push(`${w.snippet}${w.colon}「${f.snippet}」`);
  return parts.join(w.separator);
}
