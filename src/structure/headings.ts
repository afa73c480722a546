/**
 * Heading candidates from Chinese numbering (spec/sections.md §3, §4) and their canonical keys.
 */
import type { SectionKey } from '../types';

export interface HeadingCandidate {
  depth: number;
  ordinal: number | null;
  /** Heading text after the ordinal, trimmed. */
  title: string;
  /** Offset of the title within the line. */
  titleOffset: number;
}

import { chineseNumber } from '../common/numerals';
export { chineseNumber };

const LEVEL1 = /^([一二三四五六七八九十]{1,3}) {0,2}[、.,:](?![一二三四五六七八九十\d])/u;
/** 「一 概述」: a numeral and a space, then a title (accepted only when the title names a part). */
const LEVEL1_SPACED = /^([一二三四五六七八九十]{1,3}) {1,3}(?=[^\s\d一二三四五六七八九十是])/u;
const LEVEL2 = /^\( {0,2}([一二三四五六七八九十]{1,3}) {0,2}\)/u;
const LEVEL3 = /^(\d{1,2}) {0,2}[、.](?!\d)|^\((\d{1,2})\)/u;
const ANNEX = /^(附件|附表) {0,2}(\d{1,2}|[一二三四五六七八九十]{1,2})? {0,2}:?$/u;
const SUBHEADING = /^(存在的?(主要)?问题(和困难)?|主要问题|下一步工作(计划|安排|打算|思路)|下步工作(计划|打算)|改进措施|整改措施|工作打算|改进情况)[:]?$/u;
const SENTENCE_END = /[。;!?]/u;

/**
 * Classifies a line as a heading candidate. Level 1 (一、) lines up to 60 characters; level 2 ((一))
 * up to 40 characters and with no sentence inside; level 3 (1、 1. (1)) only when short (≤ 30) and
 * without sentence punctuation — longer numbered lines are list items of a paragraph.
 */
export function headingCandidate(raw: string): HeadingCandidate | null {
  const lead = raw.length - raw.trimStart().length;
  let line = raw.trim();
  let offset = lead;
  const hashes = /^#{1,6} /.exec(line);
  if (hashes) {
    line = line.slice(hashes[0].length).trim();
    offset += hashes[0].length;
  }
  if (line.length === 0 || line.startsWith('-') || line.startsWith('*') || line.startsWith('|')) return null;
  let m = LEVEL1.exec(line);
  if (m) {
    const title = line.slice(m[0].length).trim();
    if (line.length > 60 || title.length === 0 || SENTENCE_END.test(title.slice(0, -1))) return null;
    return { depth: 1, ordinal: chineseNumber(m[1]!), title: stripEnd(title), titleOffset: offset + titleStart(line, m[0].length) };
  }
  m = LEVEL1_SPACED.exec(line);
  if (m) {
    const title = line.slice(m[0].length).trim();
    if (line.length <= 30 && !SENTENCE_END.test(title) && classifyHeading(title).key !== null) {
      return { depth: 1, ordinal: chineseNumber(m[1]!), title: stripEnd(title), titleOffset: offset + titleStart(line, m[0].length) };
    }
  }
  m = LEVEL2.exec(line);
  if (m) {
    const title = line.slice(m[0].length).trim();
    if (line.length > 40 || title.length === 0 || SENTENCE_END.test(title.slice(0, -1))) return null;
    return { depth: 2, ordinal: chineseNumber(m[1]!), title: stripEnd(title), titleOffset: offset + titleStart(line, m[0].length) };
  }
  m = LEVEL3.exec(line);
  if (m) {
    const title = line.slice(m[0].length).trim();
    if (line.length > 30 || title.length === 0 || SENTENCE_END.test(title) || /[,，]/.test(title)) return null;
    return { depth: 3, ordinal: Number(m[1] ?? m[2]), title: stripEnd(title), titleOffset: offset + titleStart(line, m[0].length) };
  }
  if (ANNEX.test(line)) return { depth: 1, ordinal: null, title: line, titleOffset: offset };
  if (SUBHEADING.test(line)) return { depth: 2, ordinal: null, title: stripEnd(line), titleOffset: offset };
  return null;
}

function titleStart(line: string, from: number): number {
  let i = from;
  while (i < line.length && line[i] === ' ') i++;
  return i;
}

function stripEnd(title: string): string {
  return trimEndChars(title, '。:;,');
}

/**
 * `text` without the run of `chars` at its end (what `text.replace(/[…]+$/u, '')` does, in linear time:
 * a backtracking engine rescans the run from every position in it, quadratic on a hostile line).
 * `chars` are single UTF-16 code units.
 */
export function trimEndChars(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** sections.md §4 step 3, in the order that resolves overlaps (复议 before 申请, 收费+减免 before 公开…). */
const CLASSIFIERS: Array<[SectionKey, RegExp, RegExp?]> = [
  ['other', /(其他需要报告|其他需要说明|需要说明的事项|^附件|^附表|其他事项|建议.{0,6}提案|提案办理|政务公开工作要点|政务公开工作创新)/u],
  ['review-litigation', /(复议|诉讼)/u],
  ['fees', /收费|减免/u],
  ['problems', /(问题|改进|整改|不足|下一步|下步|工作打算|工作安排|工作计划|工作思路|今后|关于\d{4}年)/u],
  ['requests', /(依申请|收到和处理|申请公开|申请情况|公开申请)/u],
  ['proactive', /主动公开/u],
  ['overview', /(总体情况|概述|概况|基本情况|工作开展情况|主要措施|主要工作|总体工作|工作情况)/u],
];

const PLAN_ONLY = /(下一步|下步|工作打算|工作安排|工作计划|工作思路|今后|关于\d{4}年)/u;

export function classifyHeading(title: string): { key: SectionKey | null; plan: boolean } {
  const t = title.replace(/\s+/g, '');
  for (const [key, re] of CLASSIFIERS) {
    if (re.test(t)) {
      const plan = key === 'problems' && PLAN_ONLY.test(t) && !/(问题|不足|整改)/u.test(t);
      return { key, plan };
    }
  }
  return { key: null, plan: false };
}

/** Row labels of template tables that are numbered like top-level headings (一、主动公开情况…). */
export const TABLE_ROW_LABEL =
  /^(本年新收|上年结转|本年度办理结果|结转下年度|主动公开情况$|回应解读情况$|依申请公开情况$|行政复议数量|行政诉讼数量|举报投诉数量|依申请公开信息收取的费用|机构建设和保障经费|政府信息公开会议和培训)/u;
