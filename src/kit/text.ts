/**
 * Text helpers for rules (part of the kit): compacted text with a map back to offsets, option and
 * list helpers, table-row lines, and signature dates.
 */
import { chineseNumeralValue } from '../common/numerals';
import { isWhitespace } from '../common/chars';
import { lastAtMost, plausibleYear } from '../common/text';
import { codesToString } from '../normalize/index';
import { auditSlot } from '../engine/cache';

// ---------------------------------------------------------------------------
// Compacted text: PDF line wraps and spaces removed, with a map back
// ---------------------------------------------------------------------------

export interface CompactText {
  /** The text without line wraps and spaces; a paragraph break (2+ line breaks) stays as one `\n`;
   *  a space between two ASCII letters/digits stays as one space. */
  text: string;
  /** The offset in the original text of `text[i]` (`i` is clamped to the text). */
  offsetAt(i: number): number;
}

/**
 * The map back as runs: the characters of the compacted text (`length` of them) from `starts[k]` on
 * come from the original text from `sources[k]` on, one for one. A report has a run per line or
 * space, not one per character: a per-character map was four bytes a character, the largest buffer
 * a big report's audit kept.
 */
function runMap(starts: readonly number[], sources: readonly number[], length: number): (i: number) => number {
  return (i) => {
    if (length === 0) return 0;
    const at = Math.max(0, Math.min(i, length - 1));
    // The last run starting at or before `at` (runs are sorted; starts[0] is 0).
    const k = lastAtMost(starts.length, (r) => starts[r]!, at);
    return sources[k]! + (at - starts[k]!);
  };
}


function isAsciiAlnum(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** The last few compacted texts of the running audit, most recent first. */
interface RecentCompacts {
  sources: string[];
  results: CompactText[];
}
const RECENT_MAX = 4;

/**
 * Removes line wraps and spaces (see `CompactText`), keeping a map back to the original offsets.
 * Several rules compact the same text: within an audit the last few results are kept in the
 * engine's per-audit cache (the result is read-only), and dropped with it when the audit ends.
 */
export function compactText(source: string): CompactText {
  const recent = auditSlot<RecentCompacts>('compactText', () => ({ sources: [], results: [] }));
  if (!recent) return compact(source);
  for (let r = 0; r < recent.sources.length; r++) if (recent.sources[r] === source) return recent.results[r]!;
  const result = compact(source);
  recent.sources.unshift(source);
  recent.results.unshift(result);
  if (recent.sources.length > RECENT_MAX) {
    recent.sources.pop();
    recent.results.pop();
  }
  return result;
}

function compact(source: string): CompactText {
  const n = source.length;
  // Runs of the map (see runMap): a kept run of characters continues the previous run only when
  // nothing was removed in between, which is rare, so each kept run or kept space starts one.
  const starts: number[] = [];
  const sources: number[] = [];
  // The kept code units go into one buffer, made a string once: appending each run to a string
  // built a rope of slices, the largest allocation of auditing a big report.
  const out = new Uint16Array(n);
  let m = 0;
  let surrogates = false;
  let inRun = false;
  let before = -1;
  let i = 0;
  while (i < n) {
    const code = source.charCodeAt(i);
    if (!isWhitespace(code)) {
      if (!inRun) {
        inRun = true;
        starts.push(m);
        sources.push(i);
      }
      if (code >= 0xd800 && code <= 0xdfff) surrogates = true;
      out[m++] = code;
      before = code;
      i++;
      continue;
    }
    inRun = false;
    let j = i;
    let newlines = 0;
    let firstNewline = -1;
    while (j < n && isWhitespace(source.charCodeAt(j))) {
      if (source.charCodeAt(j) === 0x0a) {
        if (firstNewline < 0) firstNewline = j;
        newlines++;
      }
      j++;
    }
    const after = j < n ? source.charCodeAt(j) : -1;
    if (newlines >= 2 && before >= 0 && after >= 0) {
      starts.push(m);
      sources.push(firstNewline);
      out[m++] = 0x0a;
      before = 0x0a;
    } else if (before >= 0 && after >= 0 && isAsciiAlnum(before) && isAsciiAlnum(after)) {
      starts.push(m);
      sources.push(i);
      out[m++] = 0x20;
      before = 0x20;
    }
    i = j;
  }
  return { text: codesToString(out, m, surrogates), offsetAt: runMap(starts, sources, m) };
}

/** Maps a compact range [start, end) to a range of the original text. */
export function originalRange(c: CompactText, start: number, end: number): [number, number] {
  if (c.text.length === 0) return [0, 0];
  const s = c.offsetAt(start);
  const e = end > start ? c.offsetAt(end - 1) + 1 : s;
  return [s, e];
}

/** The first non-blank line of a text as a range (where a report-level finding points without a title). */
export function firstLineRange(text: string): [number, number] {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    const trimmed = line.trim();
    if (trimmed.length > 0) {
      const lead = line.length - line.trimStart().length;
      return [start + lead, start + lead + trimmed.length];
    }
    start = end + 1;
  }
  return [0, 0];
}

/** A non-negative finite number option, or the fallback. */
export function numberOption(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** The first `max` items joined with 「、」, then 「等N项」 for the rest (labels listed in a message). */
export function listSome(items: readonly string[], max: number): string {
  if (items.length <= max) return items.join('、');
  return `${items.slice(0, max).join('、')}等${items.length}项`;
}

// ---------------------------------------------------------------------------
// Narrative text: the report without its tables
// ---------------------------------------------------------------------------

/** True for a line of a table as plain text arrives (tab-separated cells, or a Markdown pipe row). */
export function isTableRowLine(line: string): boolean {
  return line.includes('\t') || line.trimStart().startsWith('|');
}

/**
 * The text with the recognised tables (`tableRanges`) and every table-row line blanked to spaces.
 * Same length and same line breaks as `text`, so offsets stay valid; used to search the narrative
 * without reading table labels (「行政事业性收费」, 「申请人逾期未按收费通知要求缴纳费用」) as statements.
 */
let rowLinesOf: { text: string; lines: ReadonlyArray<readonly [number, number]> } | null = null;

/** The [start, end) of every table-row line (`isTableRowLine`) of `text`; the last text's answer is kept. */
export function tableRowLines(text: string): ReadonlyArray<readonly [number, number]> {
  if (rowLinesOf && rowLinesOf.text === text) return rowLinesOf.lines;
  const lines: Array<[number, number]> = [];
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (isTableRowLine(text.slice(start, end))) lines.push([start, end]);
    start = end + 1;
  }
  rowLinesOf = { text, lines };
  return lines;
}

export function blankTables(text: string, tableRanges: ReadonlyArray<readonly [number, number]> = []): string {
  const parts: string[] = [];
  let last = 0;
  const ranges: Array<[number, number]> = tableRanges.map((r) => [Math.max(0, r[0]), Math.min(text.length, r[1])]);
  for (const [a, b] of tableRowLines(text)) ranges.push([a, b]);
  ranges.sort((a, b) => a[0] - b[0]);
  for (const [a0, b] of ranges) {
    const a = Math.max(a0, last);
    if (b <= a) continue;
    parts.push(text.slice(last, a), blankOut(text.slice(a, b)));
    last = b;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

/** Every UTF-16 code unit but line breaks as a space (same length, so offsets stay valid). */
function blankOut(s: string): string {
  let out = '';
  let prev = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) {
    out += ' '.repeat(i - prev) + '\n';
    prev = i + 1;
  }
  return out + ' '.repeat(s.length - prev);
}

// ---------------------------------------------------------------------------
// Date lines (the signature date under a report, signals.md §5.2 item 3)
// ---------------------------------------------------------------------------

export interface DateLine {
  year: number;
  month: number;
  day: number;
  /** Offsets of the date within the line. */
  start: number;
  end: number;
  /** 'chinese' for 二〇一九年二月二十八日. */
  numerals: 'arabic' | 'chinese';
}


// A whole line that is a date, optionally after a short name (「泉阳镇人民政府 2019年2月28日」), optionally
// in parentheses: arabic or Chinese numerals (二〇一九年二月二十八日).
const DATE_LINE =
  /^(.{0,30}?)[(（]? {0,2}(\d{4}|[〇零○Oo一二三四五六七八九]{4}) {0,2}年 {0,2}(\d{1,2}|[一二三四五六七八九十]{1,3}) {0,2}月 {0,2}(\d{1,2}|[一二三四五六七八九十]{1,3}) {0,2}[日号] {0,2}[)）]? {0,2}[。.]?$/u;
/** Words that make a dated line something other than a signature (a form date, an as-of date, a period). */
const NOT_A_SIGNATURE = /(填报|填表|制表|统计|截至|截止|期限|时限|发布|浏览|访问|来源|索引|[\d年月日,;:!?。]|[自至到起从]$)/u;

/**
 * A line that is just a date (a signature date), or null. A form's 填报日期, an as-of date (截至…) or a
 * period bound is never one; a date inside a sentence is not either (the whole line must be the date,
 * at most preceded by a short name without punctuation).
 */
export function parseDateLine(line: string): DateLine | null {
  const t = line.trim();
  if (t.length === 0 || t.length > 48) return null;
  const m = DATE_LINE.exec(t);
  if (!m) return null;
  if (NOT_A_SIGNATURE.test(m[1]!.trim())) return null;
  const chineseYear = !/^\d/u.test(m[2]!);
  const year = chineseYear ? chineseNumeralValue(m[2]!, true) : Number(m[2]);
  const month = /^\d/u.test(m[3]!) ? Number(m[3]) : chineseNumeralValue(m[3]!, false);
  const day = /^\d/u.test(m[4]!) ? Number(m[4]) : chineseNumeralValue(m[4]!, false);
  if (year === null || month === null || day === null) return null;
  if (!plausibleYear(year) || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const lead = line.length - line.trimStart().length;
  const start = lead + m[1]!.length;
  return {
    year,
    month,
    day,
    start,
    end: lead + t.length,
    numerals: chineseYear || !/^\d/u.test(m[3]!) || !/^\d/u.test(m[4]!) ? 'chinese' : 'arabic',
  };
}

/** Days in a month of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO date (YYYY-MM-DD) of a year, month and day. */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
