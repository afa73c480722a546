/**
 * CSV for spreadsheets: one row per report (file, title, issuer, year, template, score, verdict,
 * finding counts, the outcome of each rule), and one row per file that could not be audited.
 * RFC 4180 (CRLF, fields quoted when needed); text cells that a spreadsheet would run as a formula
 * are prefixed with an apostrophe.
 */
import type { AuditResult } from '../types';
import { countSeverities, displayName, reportPasses, ruleIdsOf, wordsFor, type FormatOptions } from './labels';

export interface CsvFormatOptions extends FormatOptions {
  /** Start with a UTF-8 byte-order mark, so that Excel opens the Chinese text correctly (default false). */
  bom?: boolean;
  /** Rule columns, in this order (default: every rule of the results, in run order). */
  ruleIds?: ReadonlyArray<string>;
}

/** Formats audit results as CSV, one row per report (pure: returns the text). */
export function toCsv(results: ReadonlyArray<AuditResult>, options: CsvFormatOptions = {}): string {
  const ruleIds = options.ruleIds ?? ruleIdsOf(results);
  const text =
    csvHeader(ruleIds, options) +
    results.map((result, index) => csvRow(result, index, ruleIds, options)).join('') +
    csvInputErrorRows(ruleIds, options);
  return options.bom ? '\uFEFF' + text : text;
}

/**
 * The header row (with its CRLF; no byte-order mark) for these rule columns. With `csvRow` and
 * `csvInputErrorRows`, what `toCsv` writes, for a caller that writes each report as it comes.
 */
export function csvHeader(ruleIds: ReadonlyArray<string>, options: FormatOptions = {}): string {
  const w = wordsFor(options.locale);
  const header = [
    w.file,
    w.title,
    w.issuer,
    w.yearHeader,
    w.templateHeader,
    w.score,
    w.result,
    w.severity.error,
    w.severity.warning,
    w.severity.info,
    ...ruleIds,
    w.pagesHeader,
    w.error,
  ];
  return line(header);
}

/** One report's row (with its CRLF); `index` names a result without a uri (`#index+1`). */
export function csvRow(result: AuditResult, index: number, ruleIds: ReadonlyArray<string>, options: FormatOptions = {}): string {
  const w = wordsFor(options.locale);
  const en = options.locale === 'en';
  const r = result.report;
  const counts = countSeverities(result);
  const outcomes = new Map(result.rules.map((o) => [o.ruleId, o.outcome]));
  return line([
    displayName(result, index),
    r.title ?? '',
    r.issuer ?? '',
    r.year === null ? '' : String(r.year),
    r.template,
    String(result.score),
    reportPasses(result) ? w.verdictPass : w.verdictFail,
    String(counts.error),
    String(counts.warning),
    String(counts.info),
    ...ruleIds.map((id) => {
      const o = outcomes.get(id);
      return o === undefined ? '' : en ? o : w.outcome[o];
    }),
    findingPages(result),
    result.errors.map((e) => w.ruleCrashed(e.ruleId, e.message)).join('; '),
  ]);
}

/** The rows of the files that could not be audited (`options.inputErrors`), each with its CRLF. */
export function csvInputErrorRows(ruleIds: ReadonlyArray<string>, options: FormatOptions = {}): string {
  const width = 12 + ruleIds.length;
  return (options.inputErrors ?? [])
    .map((e) => {
      const row = new Array<string>(width).fill('');
      row[0] = e.uri;
      row[width - 1] = e.message;
      return line(row);
    })
    .join('');
}

function line(row: ReadonlyArray<string>): string {
  return row.map(cell).join(',') + '\r\n';
}

/** The pages (PDF input) of the report's errors and warnings, in order: 「3; 4」. */
function findingPages(result: AuditResult): string {
  const pages = new Set<number>();
  for (const f of result.findings) if (f.severity !== 'info' && f.position.start.page) pages.add(f.position.start.page);
  return [...pages].sort((a, b) => a - b).join('; ');
}

function cell(value: string): string {
  // A cell starting with = + - @ (or a tab/CR) would be run as a formula by spreadsheets.
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
