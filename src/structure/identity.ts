/**
 * Title, report year, issuer, issuer type and level (spec/signals.md §5, regulations-and-eras.md §3.4, §5).
 */
import type { IssuerLevel, IssuerType, TextLine } from '../types';
import { isChromeLine } from './lines';
import { plausibleYear } from '../common/text';

const TITLE_WORDS = /(年度报告|年报|年度[^\s。,]{0,4}报告)/u;
const TITLE_YEAR = /(\d{4})年度?/u;
const MAX_TITLE = 60;

export interface TitleInfo {
  text: string;
  /** First and last line index of the title. */
  firstLine: number;
  lastLine: number;
  start: number;
  end: number;
  /** The title was found inside a sentence (「现将…2024年政府信息公开工作年度报告如下」), not on a line of its own. */
  inline?: boolean;
}

/**
 * The title: within the first 15 non-blank lines, the first line (or a line joined with the next one,
 * for titles broken over two lines) of at most 60 characters naming a 年度报告/年报. Failing that, the
 * first of those lines that names one with a year (a title inside the opening sentence, seed 000).
 */
export function findTitle(lines: TextLine[]): TitleInfo | null {
  const candidates = lines.filter((l) => l.text.trim().length > 0 && !isChromeLine(l.text)).slice(0, 15);
  for (let k = 0; k < candidates.length; k++) {
    const line = candidates[k]!;
    const t = line.text.trim();
    if (t.length <= MAX_TITLE && TITLE_WORDS.test(t)) return titleOf(lines, line, line, t);
    const next = candidates[k + 1];
    if (next && t.length <= MAX_TITLE) {
      const joined = t + next.text.trim();
      // 「2024 年上海市科委政府信息公开工作」 + 「年度报告」; not an issuer line above a title.
      const titleHead = /\d{4}年|信息公开|政务公开/u.test(t);
      const nextIsTitle = TITLE_WORDS.test(next.text) && /\d{4}年/u.test(next.text);
      if (titleHead && !nextIsTitle && joined.length <= MAX_TITLE && TITLE_WORDS.test(joined) && /年/u.test(joined))
        return titleOf(lines, line, next, joined);
    }
  }
  for (const line of candidates) {
    const m = /(\d{4})年度?[^。,]{0,40}?(年度报告|年报)/u.exec(line.text);
    // 「2015年3月13日引言本年报是根据…」 is a date and a sentence, not a title.
    if (m && !/\d{1,2}月/u.test(m[0])) {
      const start = line.start + m.index;
      return { text: m[0], firstLine: line.index, lastLine: line.index, start, end: start + m[0].length, inline: true };
    }
  }
  return null;
}

function titleOf(lines: TextLine[], first: TextLine, last: TextLine, text: string): TitleInfo {
  const lead = first.text.length - first.text.trimStart().length;
  const trail = last.text.length - last.text.trimEnd().length;
  return { text, firstLine: first.index, lastLine: last.index, start: first.start + lead, end: last.end - trail };
}

/** Report year from the title, then the statistics period, then the first year in the opening text. */
export function findYear(
  title: TitleInfo | null,
  text: string,
): { year: number | null; source: 'title' | 'period' | 'text' | null } {
  if (title) {
    const m = TITLE_YEAR.exec(title.text);
    if (m && plausibleYear(Number(m[1]))) return { year: Number(m[1]), source: 'title' };
  }
  const period = /(统计期限|统计时限|统计周期|统计时段|统计时间段|统计数据时间段|数据统计期限)[^。]{0,20}?(\d{4})年/u.exec(text);
  if (period && plausibleYear(Number(period[2]))) return { year: Number(period[2]), source: 'period' };
  const range = /(\d{4})年1月1日/u.exec(text);
  if (range && plausibleYear(Number(range[1]))) return { year: Number(range[1]), source: 'period' };
  const opening = text.slice(0, 600);
  const first = /(\d{4})年/u.exec(opening);
  if (first && plausibleYear(Number(first[1]))) return { year: Number(first[1]), source: 'text' };
  return { year: null, source: null };
}

const ISSUER_SUFFIX =
  /(人民政府办公室|人民政府办公厅|人民政府|政府办公室|政府|办公室|办公厅|委员会|街道办事处|局|委|中心|厅|署|院|站|所|办|镇|乡|街道|县|区|市|州|旗|盟|省|自治区)$/u;

/** True for a short line that is just an issuer's name (e.g. 「泉阳镇人民政府」 above the title). */
export function isIssuerLine(text: string): boolean {
  const t = text.trim();
  return t.length >= 3 && t.length <= 30 && !/[,。:;]/u.test(t) && ISSUER_SUFFIX.test(t) && !/\d/.test(t);
}

const DISCLOSURE_SUFFIX = /(政府信息公开工作|政府信息公开|政务信息公开工作|政务信息公开|政务公开工作|政务公开|信息公开工作|信息公开)$/u;

function cleanIssuer(s: string): string | null {
  let t = s.replace(/[\s()《》“”"]/gu, '');
  t = t.replace(DISCLOSURE_SUFFIX, '');
  if (t.endsWith('人民')) t += '政府';
  if (t.length < 2 || t.length > 40 || /\d/.test(t)) return null;
  return ISSUER_SUFFIX.test(t) ? t : null;
}

/**
 * The issuer: a name line above the title, the name in the title (after or before the year), the
 * signature block, then the most frequent 「…镇/县/市…人民政府」 in the text.
 */
export function findIssuer(lines: TextLine[], title: TitleInfo | null, text: string): string | null {
  if (title) {
    for (let i = title.firstLine - 1; i >= 0 && i >= title.firstLine - 3; i--) {
      const t = lines[i]!.text.trim();
      if (t.length === 0) continue;
      if (isIssuerLine(t)) return t;
      break;
    }
    const after = /\d{4}年度?(.{2,40}?)(年度报告|年报)/u.exec(title.text);
    const fromAfter = after ? cleanIssuer(after[1]!) : null;
    if (fromAfter) return fromAfter;
    const before = /^(.{2,30}?)\d{4}年/u.exec(title.text);
    const fromBefore = before ? cleanIssuer(before[1]!) : null;
    if (fromBefore) return fromBefore;
  }
  const content = lines.filter((l) => !l.chrome && l.text.trim().length > 0);
  for (const line of content.slice(-5).reverse()) {
    if (isIssuerLine(line.text)) return line.text.trim();
  }
  // Last resort: the place named most often (「城关镇」 ×40 in a township report without a title).
  const counts = new Map<string, number>();
  const re = /[\u4e00-\u9fff]{2}(?:镇|乡|县)/gu;
  for (const m of text.slice(0, 20000).matchAll(re)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 2;
  for (const [name, n] of counts) if (n > bestCount) [best, bestCount] = [name, n];
  return best;
}

const DEPARTMENT = /(人民政府办公室|人民政府办公厅|政府办公室|政府办公厅|办公室|办公厅|委员会|局|委|中心|厅|署|(?<!法)院|站|所|办)$/u;
const GOVERNMENT = /(省|自治区|市|州|盟|县|区|旗|镇|乡|苏木)(人民)?政府$/u;
const PLACE = /(省|自治区|市|州|盟|县|区|旗|镇|乡)$/u;

/** Issuer type by name (signals.md §5.1); 街道办事处 is 'other' (its Art. 50(4) duty is UNCONFIRMED). */
export function issuerTypeOf(name: string | null): IssuerType | null {
  if (!name) return null;
  if (/街道办事处$|街道$/u.test(name)) return 'other';
  if (DEPARTMENT.test(name)) return 'department';
  if (GOVERNMENT.test(name)) return 'government';
  if (PLACE.test(name)) return 'government';
  return null;
}

const MUNICIPALITIES = /^(北京|上海|天津|重庆)市/u;

/** Administrative level of the issuer (of its government, for a department). */
export function issuerLevelOf(name: string | null): IssuerLevel | null {
  if (!name) return null;
  if (/^国务院|^国家|部$/u.test(name)) return 'national';
  if (/(镇|乡|街道|苏木)/u.test(name)) return 'township';
  const place = /^.{0,12}?(自治区|省|县|区|旗|市|州|盟)/u.exec(name);
  if (MUNICIPALITIES.test(name)) {
    // 上海市黄浦区 → county; 上海市人民政府办公厅 → provincial
    return /^(北京|上海|天津|重庆)市.{1,6}?(区|县)/u.test(name) ? 'county' : 'provincial';
  }
  if (/(县|旗)/u.test(name)) return 'county';
  if (/^.{1,8}?[市州盟].{1,6}?区/u.test(name)) return 'county';
  if (!place) return null;
  switch (place[1]) {
    case '省':
    case '自治区':
      return 'provincial';
    case '市':
    case '州':
    case '盟':
      return 'prefecture';
    default:
      return 'county';
  }
}
