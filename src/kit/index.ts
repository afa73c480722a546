/**
 * The kit for rule authors (`xxgk-audit/kit`): everything the built-in rules use, so that a third
 * party can write any of them. A rule imports only this kit and the public types.
 *
 * - declaring: `defineRule`, `definePlugin`;
 * - text: `compactText` (line wraps and spaces removed, with a map back to offsets; cached per
 *   audit), `originalRange`, `firstLineRange`, `splitLines`, `isChromeLine`, `lastAtMost`,
 *   table-row lines, `listSome`, `numberOption`;
 * - numerals, years and dates: `chineseNumber`, `chineseNumeralValue`, `formatChineseNumber`,
 *   `chineseDigits`, `plausibleYear`, `parseDateLine`, `daysInMonth`, `isoDate`;
 * - small helpers: `isWhitespace`, `isInlineSpace`, `shorten`, `escapeRegExp`, `lineIndexAt`,
 *   `TABLE_NAME` / `TABLE_NAME_EN`;
 * - headings and issuers: `classifyHeading`, `trimEndChars`, `isIssuerLine`;
 * - report cells and identities: `narrativeText`, `tableOf`, `findCell`, `cellNumber`, `rowLabel`,
 *   `columnLabel`, `leafRows`, `templateOf`, `checkIdentities` (the model's
 *   `identityChecks` computes them once; this one is for tables made by hand), `UNIT_WORDS`.
 */
export { defineRule, definePlugin } from '../engine/define';
export {
  blankTables,
  compactText,
  daysInMonth,
  firstLineRange,
  isTableRowLine,
  isoDate,
  listSome,
  numberOption,
  originalRange,
  parseDateLine,
  tableRowLines,
} from './text';
export type { CompactText, DateLine } from './text';
export { cellNumber, columnLabel, findCell, leafRows, narrativeText, rowLabel, tableOf } from './report';
export type { NarrativeOptions } from './report';
export { lastAtMost } from '../common/text';
export { isChromeLine, splitLines } from '../structure/lines';
export { classifyHeading, trimEndChars } from '../structure/headings';
export { chineseDigits, chineseNumber, chineseNumeralValue, formatChineseNumber } from '../common/numerals';
export { isInlineSpace, isWhitespace } from '../common/chars';
export { escapeRegExp, lineIndexAt, plausibleYear, shorten, YEAR_MAX, YEAR_MIN } from '../common/text';
export { TABLE_NAME, TABLE_NAME_EN, type TableId } from '../common/tables';
export { isIssuerLine } from '../structure/identity';
export { UNIT_WORDS } from '../structure/tables/values';
export { checkIdentities, templateOf } from './tables';
export type { TemplateDefinition } from '../structure/tables/types';
