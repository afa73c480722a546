/**
 * format/: pure functions from AuditResults to text, SARIF 2.1.0, HTML and CSV. No I/O: the CLI (and any
 * caller) writes what they return.
 */
export { formatText, formatTextReport, formatTextEnd, type TextFormatOptions } from './text';
export { toSarif, sarifStream, type SarifStream, type SarifFormatOptions, type SarifLog, type SarifRun, type SarifRule, type SarifResult, type SarifLevel } from './sarif';
export { toHtml, type HtmlFormatOptions } from './html';
export { toCsv, csvHeader, csvRow, csvInputErrorRows, type CsvFormatOptions } from './csv';
export type { BatchSummary, FormatOptions, InputError, RuleInfo } from './labels';
export { describeError } from './errors';
