/**
 * statistics-period — the report states the period its data cover (统计期限), and the period is the
 * report year (spec/signals.md §2, spec/defects.md STATISTICS_PERIOD_MISSING).
 *
 * Levels:
 * - EXPLICIT: a period keyword (统计期限, 统计时限 …) with a date range within `keywordWindow` characters;
 * - IMPLICIT: a date range with no keyword, within `implicitWindow` characters of 数据/统计/报告;
 * - NONE: anything else. An as-of date (截至…12月31日), a table subtitle (2016年度) or a 填报日期 is never
 *   a range, so it never counts.
 *
 * Matching runs on a compacted copy of the text (line wraps and spaces removed, paragraph breaks kept),
 * so a statement broken over lines by a PDF extraction is still found; offsets are mapped back.
 * Every regular expression here is linear: bounded repetition only, no nested quantifiers.
 */
import { compactText, defineRule, escapeRegExp, firstLineRange, numberOption, originalRange, plausibleYear } from '../src/kit/index';

/** A year that is absent (null) or plausible. */
function plausibleYearOrNone(y: number | null): boolean {
  return y === null || plausibleYear(y);
}
import { messagesFor } from './locales/index';

export { compactText, escapeRegExp, originalRange, type CompactText } from '../src/kit/index';

const RULE_ID = 'statistics-period';

// ---------------------------------------------------------------------------
// Compacted text
// ---------------------------------------------------------------------------


// ---------------------------------------------------------------------------
// Detection
// ---------------------------------------------------------------------------

export type PeriodLevel = 'EXPLICIT' | 'IMPLICIT' | 'NONE';
/** ok: 1 January–31 December of the report year; partial: a shorter period inside one year;
 *  wrongYear: a year other than the report year; unknown: no report year to compare with. */
export type PeriodValidity = 'ok' | 'partial' | 'wrongYear' | 'unknown';

/** signals.md §2.2: the period keywords. */
export const PERIOD_KEYWORDS: readonly string[] = [
  '统计期限',
  '统计时限',
  '统计时间段',
  '统计数据时间段',
  '数据统计期限',
  '统计时段',
  '统计区间',
];

/** Keywords added by default (configurable): plain synonyms found in real reports
 *  (「本年度报告中所列数据的统计周期为2024年1月1日至12月31日」, 上海市科委 2024;
 *  「本年度报告统计数据时限为…」, 三明市 2018). */
export const DEFAULT_EXTRA_KEYWORDS: readonly string[] = ['统计周期', '统计时间', '统计数据时限', '统计数据期限'];

export interface PeriodDate {
  year: number | null;
  month: number;
  /** null when only the month is given (「2024年1月至12月」). */
  day: number | null;
}

export interface PeriodCandidate {
  level: 'EXPLICIT' | 'IMPLICIT';
  validity: PeriodValidity;
  /** Range of the date range in the analysed text. */
  start: number;
  end: number;
  /** The date range as written (compacted). */
  text: string;
  from: PeriodDate;
  to: PeriodDate;
  /** The years written in the range (the second year is implied when omitted). */
  years: number[];
  /** True for 1 January–31 December of a single year. */
  fullYear: boolean;
  keyword: { text: string; start: number; end: number } | null;
}

export interface StatisticsPeriodResult {
  level: PeriodLevel;
  validity: PeriodValidity | null;
  /** The best candidate (EXPLICIT before IMPLICIT; then ok, unknown, partial, wrongYear). */
  best: PeriodCandidate | null;
  /** Range of the statement (keyword to range end for EXPLICIT) in the analysed text. */
  range: [number, number] | null;
  /** Years in the best candidate. */
  years: number[];
  candidates: PeriodCandidate[];
}

export interface StatisticsPeriodOptions {
  /** Keywords added to the spec's list (default: DEFAULT_EXTRA_KEYWORDS). */
  extraKeywords?: readonly string[];
  /** Maximum characters between a keyword and its range (default 40). */
  keywordWindow?: number;
  /** Maximum characters between an unkeyed range and 数据/统计/报告 (default 30). */
  implicitWindow?: number;
}

// A date range: 「自2018年1月1日起至12月31日止」, 「2017年1月1日-2017年12月31日」, 「2024年1月至12月」,
// 「自2011年1月1日,至2011年12月31日止」 (双牌县 2011),
// 「从2019年1月1日到12月31日止」. Spaces survive compaction only between ASCII characters.
const RANGE =
  /(?<!\d)(?:(\d{4}) ?年度? ?)?(\d{1,2}) ?月 ?(?:(\d{1,2}) ?[日号])? ?(?:起|开始|,)? ?(?:至|到|截至|截止到|截止至|截止|[-—–~～]{1,2}) ?(?:(\d{4}) ?年度? ?)?(\d{1,2}) ?月 ?(?:(\d{1,2}) ?[日号])?(?!\d)/gu;
// Numeric dates: 「2024.1.1-2024.12.31」, 「2024-01-01至2024-12-31」, 「2024/1/1~2024/12/31」.
const NUMERIC_RANGE =
  /(?<!\d)(\d{4})([-./])(\d{1,2})\2(\d{1,2})日? ?起? ?(?:至|到|[-—–~～]{1,2}) ?(\d{4})([-./])(\d{1,2})\6(\d{1,2})(?!\d)/gu;
// Web copies that lost the 年/月 characters of the full-year statement: 「统计期限为201711日至20171231日」
// (宿迁市 2017), 「2018年11日至2018年1231日」 (三明市 2018), 「自202011日起,至20201231日止」 (耀州区审计局 2020).
// Counted only after a keyword.
const GARBLED_FULL_YEAR =
  /(?<!\d)(\d{4})年?(?:01|1)(?:01|1)日 ?(?:起,|起|,)? ?(?:至|到|[-—–~～]{1,2}) ?(?:(\d{4})年?)?1231日/gu;
// A month range inside one year: 「2024年1-12月」, 「2024年1至12月」.
const MONTH_RANGE = /(?<!\d)(\d{4}) ?年度? ?(\d{1,2}) ?(?:至|到|[-—–~～]{1,2}) ?(\d{1,2}) ?月(?!\d)/gu;
// A year stated as a whole after a keyword: 「统计期限为2024年度」, 「统计时限:2024年全年」.
const YEAR_ONLY = /^(?:为|是|:)?(\d{4}) ?年(?:度|全年)(?![\d\u4e00-\u9fff]{0,2}月)/u;
const CONTEXT = /(数据|统计|报告|年报)/u;
const DATA_CONTEXT = /(数据|统计)/u;

function validDate(d: PeriodDate): boolean {
  return d.month >= 1 && d.month <= 12 && (d.day === null || (d.day >= 1 && d.day <= 31));
}

interface RawRange {
  start: number;
  end: number;
  text: string;
  from: PeriodDate;
  to: PeriodDate;
  /** Day numbers written for both ends. */
  withDays: boolean;
  /** Recognised only after a keyword (a garbled web copy). */
  needsKeyword?: boolean;
}

function rawRanges(c: string): RawRange[] {
  const out: RawRange[] = [];
  for (const m of c.matchAll(RANGE)) {
    const fromYear = m[1] !== undefined ? Number(m[1]) : null;
    const toYear = m[4] !== undefined ? Number(m[4]) : fromYear;
    const from: PeriodDate = { year: fromYear, month: Number(m[2]), day: m[3] !== undefined ? Number(m[3]) : null };
    const to: PeriodDate = { year: toYear, month: Number(m[5]), day: m[6] !== undefined ? Number(m[6]) : null };
    if (!validDate(from) || !validDate(to) || !plausibleYearOrNone(fromYear) || !plausibleYearOrNone(toYear)) continue;
    // Both ends give days, or neither does (「1月1日至12月」 is not a range we understand).
    if ((from.day === null) !== (to.day === null)) continue;
    out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], from, to, withDays: from.day !== null });
  }
  for (const m of c.matchAll(NUMERIC_RANGE)) {
    const from: PeriodDate = { year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) };
    const to: PeriodDate = { year: Number(m[5]), month: Number(m[7]), day: Number(m[8]) };
    if (!validDate(from) || !validDate(to) || !plausibleYearOrNone(from.year) || !plausibleYearOrNone(to.year)) continue;
    out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], from, to, withDays: true });
  }
  for (const m of c.matchAll(GARBLED_FULL_YEAR)) {
    const fromYear = Number(m[1]);
    const toYear = m[2] !== undefined ? Number(m[2]) : fromYear;
    if (!plausibleYearOrNone(fromYear) || !plausibleYearOrNone(toYear)) continue;
    out.push({
      start: m.index!,
      end: m.index! + m[0].length,
      text: m[0],
      from: { year: fromYear, month: 1, day: 1 },
      to: { year: toYear, month: 12, day: 31 },
      withDays: true,
      needsKeyword: true,
    });
  }
  for (const m of c.matchAll(MONTH_RANGE)) {
    const year = Number(m[1]);
    const from: PeriodDate = { year, month: Number(m[2]), day: null };
    const to: PeriodDate = { year, month: Number(m[3]), day: null };
    if (!validDate(from) || !validDate(to) || !plausibleYearOrNone(year)) continue;
    out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], from, to, withDays: false });
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  // Keep the first (longest) of overlapping matches.
  const kept: RawRange[] = [];
  for (const r of out) if (kept.length === 0 || r.start >= kept[kept.length - 1]!.end) kept.push(r);
  return kept;
}

function isFullYear(r: RawRange): boolean {
  const startOk = r.from.month === 1 && (r.from.day === null || r.from.day === 1);
  const endOk = r.to.month === 12 && (r.to.day === null || r.to.day === 31);
  return startOk && endOk && r.from.year === r.to.year;
}

function validityOf(r: RawRange, fullYear: boolean, year: number | null): PeriodValidity {
  const years = [r.from.year, r.to.year].filter((y): y is number => y !== null);
  if (year !== null && years.some((y) => y !== year)) return 'wrongYear';
  if (!fullYear) return 'partial';
  if (year === null || years.length === 0) return 'unknown';
  return 'ok';
}

let keywordRegExp: { key: string; re: RegExp } | null = null;

/** The keyword alternation (built once per list of extra keywords). */
function buildKeywordRegExp(extra: readonly string[]): RegExp {
  const key = extra.join('\u0000');
  if (keywordRegExp?.key !== key) keywordRegExp = { key, re: makeKeywordRegExp(extra) };
  keywordRegExp.re.lastIndex = 0;
  return keywordRegExp.re;
}

function makeKeywordRegExp(extra: readonly string[]): RegExp {
  const all = [...new Set([...PERIOD_KEYWORDS, ...extra.filter((k) => typeof k === 'string' && k.length > 0)])];
  all.sort((a, b) => b.length - a.length);
  return new RegExp(`(${all.map(escapeRegExp).join('|')})`, 'gu');
}

/** The last match of `re` ending at or before `end` in `s`, searching from `from`. */
function lastMatchBefore(re: RegExp, s: string, from: number, end: number): { index: number; text: string } | null {
  let found: { index: number; text: string } | null = null;
  re.lastIndex = 0;
  const slice = s.slice(from, end);
  for (const m of slice.matchAll(re)) found = { index: from + m.index!, text: m[0] };
  return found;
}

function firstMatchAfter(re: RegExp, s: string, start: number, to: number): { index: number; text: string } | null {
  const slice = s.slice(start, to);
  re.lastIndex = 0;
  for (const m of slice.matchAll(re)) return { index: start + m.index!, text: m[0] };
  return null;
}

/** A window that does not cross a paragraph break. */
function paragraphWindow(c: string, start: number, end: number, before: number, after: number): [number, number] {
  // Bounded scans only: lastIndexOf/indexOf on the whole text would make many ranges quadratic.
  let from = Math.max(0, start - before);
  for (let i = start - 1; i >= from; i--) {
    if (c.charCodeAt(i) === 10) {
      from = i + 1;
      break;
    }
  }
  let to = Math.min(c.length, end + after);
  for (let i = end; i < to; i++) {
    if (c.charCodeAt(i) === 10) {
      to = i;
      break;
    }
  }
  return [from, to];
}

const RANK_VALIDITY: Record<PeriodValidity, number> = { ok: 0, unknown: 1, partial: 2, wrongYear: 3 };

/**
 * Finds the statistics period statement in `text` (normalised text: `normalize(raw).text` or
 * `model.text`). `year` is the report year, or null (then no wrongYear is decided). Offsets in the
 * result are into `text`.
 */
export function findStatisticsPeriod(
  text: string,
  year: number | null,
  options: StatisticsPeriodOptions = {},
): StatisticsPeriodResult {
  const keywordWindow = options.keywordWindow ?? 40;
  const implicitWindow = options.implicitWindow ?? 30;
  const keywordRe = buildKeywordRegExp(options.extraKeywords ?? DEFAULT_EXTRA_KEYWORDS);
  const c = compactText(text);
  const s = c.text;
  const candidates: PeriodCandidate[] = [];
  // A keyword belongs to one range: the first one that claims it.
  const claimed = new Set<number>();
  let previousEnd = 0;
  const ranges = rawRanges(s);
  for (let k = 0; k < ranges.length; k++) {
    const r = ranges[k]!;
    const next = ranges[k + 1];
    // Keyword before the range (the usual 「统计期限为…」), or just after it (「…为本报告统计期限」);
    // never across another range.
    const [wFrom, wTo] = paragraphWindow(s, r.start, r.end, keywordWindow + 8, 12);
    let keyword = lastMatchBefore(keywordRe, s, Math.max(wFrom, previousEnd), r.start);
    if (keyword && (r.start - (keyword.index + keyword.text.length) > keywordWindow || claimed.has(keyword.index)))
      keyword = null;
    if (!keyword) {
      keyword = firstMatchAfter(keywordRe, s, r.end, wTo);
      // …unless that keyword introduces the next range.
      if (keyword && next && next.start >= keyword.index && next.start - (keyword.index + keyword.text.length) <= keywordWindow)
        keyword = null;
    }
    if (keyword) claimed.add(keyword.index);
    previousEnd = r.end;
    let level: 'EXPLICIT' | 'IMPLICIT' | null = null;
    if (keyword) level = 'EXPLICIT';
    else if (r.from.year !== null && !r.needsKeyword) {
      // A month-only range (「2022年1月--12月，…主动公开政府信息12」) needs 数据/统计; a dated range also 报告.
      const [cFrom, cTo] = paragraphWindow(s, r.start, r.end, implicitWindow, implicitWindow);
      const contextRe = r.withDays ? CONTEXT : DATA_CONTEXT;
      if (contextRe.test(s.slice(cFrom, r.start)) || contextRe.test(s.slice(r.end, cTo))) level = 'IMPLICIT';
    }
    if (!level) continue;
    const fullYear = isFullYear(r);
    const [start, end] = originalRange(c, r.start, r.end);
    const kw = keyword ? { text: keyword.text, ...rangeObject(originalRange(c, keyword.index, keyword.index + keyword.text.length)) } : null;
    const years = [...new Set([r.from.year, r.to.year].filter((y): y is number => y !== null))];
    candidates.push({
      level,
      validity: validityOf(r, fullYear, year),
      start,
      end,
      text: r.text,
      from: r.from,
      to: r.to,
      years,
      fullYear,
      keyword: kw,
    });
  }
  if (candidates.length === 0) {
    // No range at all: a keyword with a whole year (「统计期限为2024年度」) is IMPLICIT (no dates written).
    for (const m of s.matchAll(keywordRe)) {
      const kwEnd = m.index! + m[0].length;
      const y = YEAR_ONLY.exec(s.slice(kwEnd, kwEnd + 12));
      if (!y) continue;
      const yearNum = Number(y[1]);
      if (!plausibleYearOrNone(yearNum)) continue;
      const yStart = kwEnd + y.index + y[0].indexOf(y[1]!);
      const [start, end] = originalRange(c, yStart, kwEnd + y[0].length);
      candidates.push({
        level: 'IMPLICIT',
        validity: year === null ? 'unknown' : yearNum === year ? 'ok' : 'wrongYear',
        start,
        end,
        text: s.slice(yStart, kwEnd + y[0].length),
        from: { year: yearNum, month: 1, day: 1 },
        to: { year: yearNum, month: 12, day: 31 },
        years: [yearNum],
        fullYear: true,
        keyword: { text: m[0], ...rangeObject(originalRange(c, m.index!, kwEnd)) },
      });
      break;
    }
  }
  let best: PeriodCandidate | null = null;
  for (const cand of candidates) {
    if (!best) best = cand;
    else if (cand.level !== best.level) {
      if (cand.level === 'EXPLICIT') best = cand;
    } else if (RANK_VALIDITY[cand.validity] < RANK_VALIDITY[best.validity]) best = cand;
  }
  if (!best) return { level: 'NONE', validity: null, best: null, range: null, years: [], candidates };
  const rangeStart = best.keyword ? Math.min(best.keyword.start, best.start) : best.start;
  const rangeEnd = best.keyword ? Math.max(best.keyword.end, best.end) : best.end;
  return {
    level: best.level,
    validity: best.validity,
    best,
    range: [rangeStart, rangeEnd],
    years: best.years,
    candidates,
  };
}

function rangeObject([start, end]: [number, number]): { start: number; end: number } {
  return { start, end };
}

/** 「2016年1月1日至2016年12月31日」 written out from a candidate, in normalised form. */
export function formatPeriod(c: PeriodCandidate): string {
  const part = (d: PeriodDate, withYear: boolean) =>
    `${withYear && d.year !== null ? `${d.year}年` : ''}${d.month}月${d.day !== null ? `${d.day}日` : ''}`;
  return `${part(c.from, true)}至${part(c.to, c.to.year !== c.from.year)}`;
}

// ---------------------------------------------------------------------------
// The rule
// ---------------------------------------------------------------------------


export default defineRule({
  meta: {
    id: RULE_ID,
    impact: 'moderate',
    docs: {
      description: {
        'zh-CN': '报告写明数据的统计期限（如“本年度报告中所列数据的统计期限为某年1月1日至12月31日”），且年份与报告年度一致',
        en: 'The report states the period its data cover (1 January to 31 December of the report year), in the report year',
      },
      requires:
        'report text only; the report year (model.year, from the title or meta.year) for the wrong-year check',
    },
    messages: messagesFor(RULE_ID, {
      missing: 'warning',
      wrongYear: 'warning',
      partial: 'info',
      implicit: 'info',
    }),
    schema: {
      type: 'object',
      properties: {
        extraKeywords: {
          type: 'array',
          items: { type: 'string', minLength: 2, maxLength: 20 },
          maxItems: 50,
          description: 'Period keywords added to the spec list (统计期限, 统计时限 …)',
        },
        keywordWindow: { type: 'integer', minimum: 0, maximum: 200 },
        implicitWindow: { type: 'integer', minimum: 0, maximum: 200 },
      },
      additionalProperties: false,
    },
    defaultOptions: {
      extraKeywords: [...DEFAULT_EXTRA_KEYWORDS],
      keywordWindow: 40,
      implicitWindow: 30,
    },
  },
  create(context) {
    return {
      'root:exit'() {
        const { model, options } = context;
        const extra = Array.isArray(options.extraKeywords)
          ? (options.extraKeywords as unknown[]).filter((k): k is string => typeof k === 'string')
          : DEFAULT_EXTRA_KEYWORDS;
        const result = findStatisticsPeriod(model.text, model.year, {
          extraKeywords: extra,
          keywordWindow: numberOption(options.keywordWindow, 40),
          implicitWindow: numberOption(options.implicitWindow, 30),
        });
        const year = model.year;
        const data = { level: result.level, year: year ?? 'XXXX', years: result.years };
        if (result.level === 'NONE' || !result.best) {
          const range: [number, number] = model.title ? [model.title.start, model.title.end] : firstLineRange(model.text);
          context.report({
            messageId: 'missing',
            range,
            data,
            expected: year !== null ? `${year}年1月1日至12月31日` : '1月1日至12月31日',
            actual: null,
          });
          return;
        }
        // Every wrong-year statement with a keyword is reported; an unkeyed one only when it is the best.
        const reported = new Set<PeriodCandidate>();
        for (const cand of result.candidates) {
          if (cand.validity === 'wrongYear' && (cand.level === 'EXPLICIT' || cand === result.best)) {
            reported.add(cand);
            context.report({
              messageId: 'wrongYear',
              range: [cand.start, cand.end],
              data: { ...data, period: formatPeriod(cand), actual: cand.years.join('、'), expected: year },
              expected: year,
              actual: cand.years,
            });
          }
        }
        const best = result.best;
        if (reported.has(best)) return;
        const period = formatPeriod(best);
        if (best.validity === 'partial') {
          context.report({
            messageId: 'partial',
            range: [best.start, best.end],
            data: { ...data, period },
            expected: year !== null ? `${year}年1月1日至12月31日` : '1月1日至12月31日',
            actual: period,
          });
        }
        if (best.level === 'IMPLICIT') {
          context.report({ messageId: 'implicit', range: [best.start, best.end], data: { ...data, period } });
        }
      },
    };
  },
});
