/**
 * format/: pure functions from AuditResults to text, SARIF 2.1.0, HTML and CSV. No I/O: the CLI (and any
 * caller) writes what they return.
 */
export { formatText, type TextFormatOptions } from './text';
export { toSarif, type SarifFormatOptions, type SarifLog, type SarifRun, type SarifRule, type SarifResult, type SarifLevel } from './sarif';
export { toHtml, type HtmlFormatOptions } from './html';
export { toCsv, type CsvFormatOptions } from './csv';
export type { FormatOptions, InputError, RuleInfo } from './labels';
export { describeError } from './errors';
