/**
 * improvement-measures — the problems part names concrete problems and concrete measures
 * (spec/signals.md §4, spec/defects.md PROBLEMS_SECTION_EMPTY_OR_GENERIC).
 *
 * 1. Material (§4.1): the sections keyed `problems` (「存在的主要问题及改进情况」) together with the forward-plan
 *    sections keyed `problems` + `plan` (「下一步工作安排」, 「关于2017年政府信息公开工作」), wherever they are.
 *    When there is no top-level problems section, problems sub-headings inside other sections count
 *    (「（一）主要问题 （二）改进情况」 placed under 三 or 四). When there is none at all, the closing paragraph
 *    of the report counts if it speaks of problems or plans (「…找出差距,认真谋划,全力抓好2017年度…工作」).
 *    Table lines, annexes and a trailing signature are not material.
 * 2. Split (§4.2): sub-headings decide where they exist (「（一）存在的问题」 → problems, 「（二）下一步工作打算」 →
 *    measures, 「…存在问题的改进情况」 → measures). Inside a mixed part, sentences before the first problem
 *    cue are introduction, the first sentence with a problem cue opens the problem part, and a sentence
 *    that opens with a transition (「针对存在问题,下一步,将…」, 「今后」, 「2017年,我县将…」) opens the measure part.
 * 3. Items (§4.3): enumerators 一是/二是, (一), 1、/1./(1), line-initial 一、 and 「- 一、」 bullets, 第一/第二.
 *    The first enumeration style of a part gives its item count (a restarted list adds its items);
 *    a part without enumerators is one item when it has at least 20 characters. A part that alternates
 *    with the other (「一是…不及时。下一步将…。二是…较少。下一步将…」) counts each stretch without
 *    enumerators as one item.
 * 4. Concreteness anchors (§4.4) in the measure part: numbers and dates, 每季度/定期 + action, named
 *    instruments (《…》, quoted names), named systems and channels (电子监察系统, 政务公开网站, 微博/微信,
 *    绩效考核), responsible actors (由…负责, 牵头, 分管领导), and references to last year's problems.
 *    Distinct anchors are counted.
 * 5. Boilerplate share (§4.5): the share of measure characters in clauses that consist of a boilerplate
 *    phrase (加大…力度, 提升…水平, 确保…取得新成效…) and carry no anchor.
 * 6. Class (§4.6): EMPTY (no material; 「无」; under 60 characters; no problem and no measure item; or a
 *    single sentence of intent without any problem; closing-paragraph material naming no problem) →
 *    `empty` / `noMaterial` (error). GENERIC (no anchor, fewer than 1 anchor per 2 measure items,
 *    boilerplate ≥ 60 %, or a single measure item) → `generic` (warning).
 *    SUBSTANTIVE: ≥ 1 problem item, ≥ 2 measure items, ≥ 1 anchor and none of the GENERIC conditions.
 *    Problems without measures → `problemsWithoutMeasures` (warning, instead of `generic`); measures
 *    without problems → `measuresWithoutProblems` (info, plus `generic` when the measures are generic).
 *
 * Relation to required-sections: required-sections reports that the heading 「存在的主要问题及改进情况」 is
 * missing (structure); this rule scores what the report says about problems and measures (substance). A
 * report with no problems heading but a closing sentence of intent gets `empty` here, about that sentence.
 * Only when there is no material at all do both rules report the same absence; this rule then uses its
 * own message id `noMaterial`, so a configuration that wants one finding can turn it off
 * (`messages: { noMaterial: 'off' }`) and the rule still fails on an empty or generic part.
 *
 * Every regular expression here is linear: bounded repetition only, no nested quantifiers.
 */
import { chineseNumber, defineRule, isWhitespace, trimEndChars } from '../src/kit/index';
import { messagesFor } from './locales/index';
import type { ReportModel, SectionInfo } from '../src/types';

const RULE_ID = 'improvement-measures';

export type MeasuresClass = 'EMPTY' | 'GENERIC' | 'SUBSTANTIVE';
export type MaterialSource = 'section' | 'subheading' | 'closing' | 'none';
export type EmptyReason = 'no-material' | 'nil' | 'too-short' | 'no-items' | 'intent-only';
export type GenericReason = 'no-anchors' | 'few-anchors' | 'boilerplate' | 'single-measure' | 'no-measures' | 'no-problems';
export type EnumStyle = 'shi' | 'paren' | 'arabic' | 'arabic-paren' | 'line-cn' | 'di';
export type AnchorKind = 'number' | 'frequency' | 'instrument' | 'channel' | 'actor' | 'prior-year';
export type Mode = 'problem' | 'measure' | 'mixed';

export interface Anchor {
  kind: AnchorKind;
  text: string;
  start: number;
  end: number;
}

export interface ImprovementOptions {
  /** EMPTY below this many non-space characters of body. */
  minBodyLength: number;
  /** A part without enumerators is one item from this many characters. */
  minPartLength: number;
  /** GENERIC from this boilerplate share of the measure characters. */
  boilerplateShare: number;
  /** GENERIC below this many anchors per measure item. */
  anchorsPerMeasure: number;
  /** SUBSTANTIVE needs at least this many measure items. */
  minMeasureItems: number;
}

export const DEFAULT_OPTIONS: ImprovementOptions = {
  minBodyLength: 60,
  minPartLength: 20,
  boilerplateShare: 0.6,
  anchorsPerMeasure: 0.5,
  minMeasureItems: 2,
};

export interface MaterialSegment {
  /** Content range [start, end) in the text. */
  start: number;
  end: number;
  /** The heading of the section, when the segment is a section. */
  heading: [number, number] | null;
  sectionIndex: number | null;
  /** How the segment starts: a problems part, a measures part (plan), or both. */
  mode: Mode;
}

export interface Material {
  source: MaterialSource;
  segments: MaterialSegment[];
}

export interface ImprovementAnalysis {
  class: MeasuresClass;
  source: MaterialSource;
  emptyReason?: EmptyReason;
  genericReasons: GenericReason[];
  /** Sections (indices into `sections`) that make up the material. */
  sectionIndices: number[];
  /** The heading of the first material section, or the closing paragraph. */
  heading: [number, number] | null;
  /** Non-space characters of the body (headings and tables excluded). */
  bodyLength: number;
  sentences: number;
  problemItems: number;
  measureItems: number;
  problemStyle: EnumStyle | null;
  measureStyle: EnumStyle | null;
  problemRanges: Array<[number, number]>;
  measureRanges: Array<[number, number]>;
  anchors: Anchor[];
  /** 0–1, share of measure characters in boilerplate clauses. */
  boilerplateShare: number;
}

// ---------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------

/** signals.md §4.2 problem cues. */
const PROBLEM_CUE = /(问题|不足|差距|短板|薄弱|有待|还需|仍需|尚需|不够|欠缺|滞后|不及时|不规范|不高|较少|较慢)/u;
/** Intent phrases that contain a problem word without naming a problem (「找出差距」). */
const INTENT_PHRASE = /(?:找出|查找|正视|缩小|弥补)(?:差距|不足)/gu;
/** signals.md §4.2 measure cues. */
const MEASURE_CUE =
  /(下一步|今后|将(?!其)|拟|改进措施|整改措施|工作打算|工作计划|工作安排|进一步|加强|完善|推进|提升|健全|拓展|落实|开展)/u;
/** 「有待进一步加强」「还需完善」 name a problem, not a measure. */
const NEEDS_PHRASE = /(?:有待|还需|仍需|尚需|亟待|需要|亟需)(?:进一步)?[\u4e00-\u9fff]{0,4}/gu;
/** A sentence that opens the measure part, at its head (after any enumerator). */
const TRANSITION_HEAD =
  /^(?:为(?:进一步|切实|更好)|针对(?:上述|以上|存在的?|这些|此|前述)?[\u4e00-\u9fff]{0,10}(?:问题|不足|差距)|为此|对此|下一步|下步|今后|在今后|明年|接下来|\d{4}年(?:度)?[,]?[\u4e00-\u9fff]{0,8}将|我[\u4e00-\u9fff]{0,4}将|将)/u;
/** …or anywhere in it. */
const TRANSITION_ANY =
  /(下一步|下步|改进措施|整改措施|以下工作|以下几方面|以下几个方面|如下改进|采取如下|采取以下|重点做好|今后|(?:我|本)[\u4e00-\u9fff]{0,6}将(?:继续|进一步|重点|着力|切实|从|按照|围绕|加强|持续|认真|全面|不断|积极))/u;

/** Heading words (sub-headings and section titles). */
const LABEL_PROBLEM = /(问题|不足|困难|短板|差距|薄弱环节)/u;
const LABEL_MEASURE = /(改进|整改|措施|下一?步|打算|计划|安排|今后|方向|思路|办法|关于\d{4}年)/u;
const LABEL_MIXED = /(问题|不足|困难)(及|和|与|、|以及|并)/u;

/** The leading enumerator of a sentence or a line (for transition checks and labels). */
const LEADING_ENUM =
  /^(?:[-*]\s{0,2})?(?:[一二三四五六七八九十]{1,3}是|第[一二三四五六七八九十]{1,3}[,、:]?|\(\s{0,2}[一二三四五六七八九十\d]{1,3}\s{0,2}\)|[一二三四五六七八九十]{1,3}\s{0,2}[、.]|\d{1,2}\s{0,2}(?:、|\.(?!\d)|．))\s{0,2}/u;

/** signals.md §4.5 boilerplate (the listed phrases, with small bounded gaps). */
const G = '[^,，。;；:：\\n]';
const BOILERPLATE = new RegExp(
  [
    `进一步提高${G}{0,4}认识`,
    `加强${G}{0,6}组织领导`,
    `加大${G}{0,8}力度`,
    `(?:提升|提高|加强)${G}{0,10}水平`,
    `丰富${G}{0,6}内容`,
    `拓宽${G}{0,6}渠道`,
    `扩大${G}{0,8}范围`,
    `(?:加强|加大)${G}{0,6}培训`,
    `提高${G}{0,8}能力`,
    `确保${G}{0,20}(?:新成效|实效|成效)`,
    '再上新台阶',
    '找出差距',
    '认真谋划',
    '全力抓好',
    '有待(?:进一步)?(?:加强|提高|提升|完善)',
    '不够深入(?:全面)?',
    '意识有待提高',
  ].join('|'),
  'u',
);

/** signals.md §4.4 anchors. */
const ANCHOR_PATTERNS: ReadonlyArray<[AnchorKind, RegExp]> = [
  ['number', /(?<![\d.])\d{1,12}(?:\.\d{1,6})?\s{0,2}(?:%|年|月|日|项|个|次|期|条|件|人|场|家|篇|万|元|份|名|天|小时|批|类)/gu],
  ['frequency', /每(?:个)?(?:季度|季|月|周|年|半年|日|天)|(?<!不)定期(?!性)[\u4e00-\u9fff]/gu],
  ['instrument', /《[^》\n]{1,40}》|“[^”\n]{1,20}”|"[^"\n]{1,20}"|「[^」\n]{1,20}」/gu],
  [
    'channel',
    /[\u4e00-\u9fff]{2}(?:系统|平台|专区|专栏|网站|公众号|客户端|小程序|热线|数据库|公报|台账|清单|模板|目录|指南|制度)|微博|微信|政务新媒体|绩效考核|考核体系|考核办法|电子监察/gu,
  ],
  ['actor', /由[^。;,\n]{1,20}?负责|牵头|分管领导|主要领导|责任单位|责任人|专人/gu],
  [
    'prior-year',
    /(?:上一?年度?|去年|\d{4}年)[^。;\n]{0,20}问题[^。;\n]{0,20}(?:整改|改进|解决)|已(?:完成)?整改|整改(?:到位|完成)/gu,
  ],
];

const REGULATIONS_TITLE = /^《(?:中华人民共和国)?(?:政府信息公开)?条例》$/u;

/** Two characters before a channel word that are a verb or a function word, not part of a name. */
const CHANNEL_PREFIX_STOP =
  /^(?:完善|加强|建设|优化|推进|发挥|打造|利用|通过|运用|依托|开设|开通|创新|健全|建立|规范|管理|维护|更新|各类|各项|相关|有关|工作|规章|落实|执行|公开|信息|[在该的和与及等各其此本对向于为把将使以从])/u;

const SENTENCE_END_CODES = new Set([...'。;；!?！？'].map((c) => c.charCodeAt(0)));
const CLAUSE_END_CODES = new Set([...',，。;；:：!?！？\n'].map((c) => c.charCodeAt(0)));

const WRAP_END = /[。;；!?！？:：]$/u;


function nonSpaceLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d && c !== 0x3000) n++;
  }
  return n;
}

function inRanges(ranges: ReadonlyArray<readonly [number, number]>, at: number): boolean {
  for (let r = 0; r < ranges.length; r++) if (at >= ranges[r]![0] && at < ranges[r]![1]) return true;
  return false;
}

function isTableLine(line: string): boolean {
  return line.includes('\t') || line.trim().startsWith('|');
}

/** A heading title or a label line's kind: problems, measures, both, or none. */
export function labelKind(title: string): Mode | null {
  const t = title.replace(/\s+/gu, '');
  const p = LABEL_PROBLEM.test(t);
  const m = LABEL_MEASURE.test(t);
  if (p && m) return LABEL_MIXED.test(t) ? 'mixed' : 'measure';
  if (p) return 'problem';
  if (m) return 'measure';
  return null;
}

/** A short line without sentence punctuation whose words make it a sub-heading (「存在的问题」, 「（二）改进措施」). */
function labelLine(line: string): Mode | null {
  let t = line.trim().replace(/^#{1,6}\s/u, '');
  t = trimEndChars(t.replace(LEADING_ENUM, ''), ':：。').trim();
  if (t.length < 2 || t.length > 20 || /[,，;；。!?！？]/u.test(t)) return null;
  return labelKind(t);
}

const SIGNATURE_NAME = /(人民政府|办公室|办公厅|委员会|管理局|局|委|中心|街道办事处|政府)$/u;
const DATE_LINE = /^\d{4}年\d{1,2}月\d{1,2}日$/u;
const ANNEX_LINE = /^(附件|附表)\s{0,2}[\d一二三四五六七八九十]{0,2}\s{0,2}[:：]?/u;

// ---------------------------------------------------------------------------
// Locating the material (§4.1)
// ---------------------------------------------------------------------------

function hasProblemsAncestor(sections: readonly SectionInfo[], index: number): boolean {
  let p = sections[index]!.parent;
  let guard = 0;
  while (p >= 0 && guard++ < 64) {
    if (sections[p]!.key === 'problems') return true;
    p = sections[p]!.parent;
  }
  return false;
}

function modeOfSection(s: SectionInfo): Mode {
  if (s.plan) return 'measure';
  return labelKind(s.title) ?? 'mixed';
}

/**
 * The problems material of a report: problems and plan sections; else problems sub-headings elsewhere;
 * else the closing paragraph when it speaks of problems or plans.
 */
export function locateProblemsMaterial(
  text: string,
  sections: readonly SectionInfo[],
  tableRanges: ReadonlyArray<readonly [number, number]> = [],
): Material {
  const tops: number[] = [];
  for (let i = 0; i < sections.length; i++) {
    if (sections[i]!.key === 'problems' && !hasProblemsAncestor(sections, i)) tops.push(i);
  }
  const topLevel = tops.filter((i) => sections[i]!.parent < 0);
  // Sub-headings keyed `problems` inside other sections count only when there is no top-level problems
  // section, and only when their title is a problems/measures label (not 「回应社会关切问题」).
  const chosen = topLevel.length > 0 ? topLevel : tops.filter((i) => labelKind(sections[i]!.title) !== null || sections[i]!.plan);
  if (chosen.length > 0) {
    const segments = chosen.map((i): MaterialSegment => {
      const s = sections[i]!;
      return {
        start: s.start,
        end: cutAtAnnex(text, s.start, Math.max(s.start, s.end), tableRanges),
        heading: [s.headingStart, s.headingEnd],
        sectionIndex: i,
        mode: modeOfSection(s),
      };
    });
    trimSignature(text, segments[segments.length - 1]!);
    return { source: topLevel.length > 0 ? 'section' : 'subheading', segments };
  }
  const closing = closingParagraph(text, sections, tableRanges);
  if (closing) {
    return { source: 'closing', segments: [{ start: closing[0], end: closing[1], heading: null, sectionIndex: null, mode: 'mixed' }] };
  }
  return { source: 'none', segments: [] };
}

/** The material stops at an annex line (「附件2」) or at the first recognised table. */
function cutAtAnnex(text: string, start: number, end: number, tableRanges: ReadonlyArray<readonly [number, number]>): number {
  let cut = end;
  for (const [a] of tableRanges) if (a >= start && a < cut) cut = a;
  let lineStart = start;
  for (let i = start; i <= cut; i++) {
    if (i === cut || text.charCodeAt(i) === 10) {
      if (ANNEX_LINE.test(text.slice(lineStart, i).trim())) return lineStart;
      lineStart = i + 1;
    }
  }
  return cut;
}

/** Drops a trailing signature (issuer name, date) from the last segment. */
function trimSignature(text: string, seg: MaterialSegment): void {
  let end = seg.end;
  let guard = 0;
  while (end > seg.start && guard++ < 12) {
    let lineStart = end;
    while (lineStart > seg.start && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
    const t = text.slice(lineStart, end).trim();
    if (t.length === 0 || (t.length <= 30 && (DATE_LINE.test(t) || (SIGNATURE_NAME.test(t) && !/[,，。;；]/u.test(t))))) {
      end = Math.max(seg.start, lineStart - 1);
      continue;
    }
    break;
  }
  seg.end = Math.max(seg.start, end);
}

const CLOSING_CUE = /(将|下一步|今后|明年|差距|不足|问题|改进|整改)/u;

/** The report's last narrative paragraph (outside statutory sections and tables), when it has a cue. */
function closingParagraph(
  text: string,
  sections: readonly SectionInfo[],
  tableRanges: ReadonlyArray<readonly [number, number]>,
): [number, number] | null {
  const lines: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      lines.push([start, i]);
      start = i + 1;
    }
  }
  const inTable = (o: number) => tableRanges.some(([a, b]) => o >= a && o < b);
  const inKeyedSection = (o: number) => {
    let best: SectionInfo | null = null;
    for (const s of sections) {
      if (o >= s.headingStart && o < Math.max(s.end, s.headingEnd) && (!best || s.depth >= best.depth)) best = s;
    }
    if (!best) return false;
    let top = best;
    let guard = 0;
    while (top.parent >= 0 && guard++ < 64) top = sections[top.parent]!;
    return top.key !== null && top.key !== 'problems';
  };
  let k = lines.length - 1;
  for (; k >= 0; k--) {
    const [a, b] = lines[k]!;
    const t = text.slice(a, b).trim();
    if (t.length === 0 || isTableLine(text.slice(a, b)) || inTable(a)) continue;
    if (t.length <= 30 && (DATE_LINE.test(t) || SIGNATURE_NAME.test(t))) continue;
    break;
  }
  if (k < 0) return null;
  const [a0, b0] = lines[k]!;
  if (inKeyedSection(a0)) return null;
  // A paragraph wrapped over several lines (PDF text): go back while the previous line does not end a
  // sentence, up to 600 characters.
  let a = a0;
  let j = k - 1;
  while (j >= 0 && b0 - lines[j]![0] <= 600) {
    const prev = text.slice(lines[j]![0], lines[j]![1]).trim();
    if (prev.length === 0 || WRAP_END.test(prev) || isTableLine(text.slice(lines[j]![0], lines[j]![1]))) break;
    a = lines[j]![0];
    j--;
  }
  const body = text.slice(a, b0);
  if (!CLOSING_CUE.test(body)) return null;
  const lead = body.length - body.trimStart().length;
  return [a + lead, a + body.trimEnd().length];
}

// ---------------------------------------------------------------------------
// Units: label lines and sentences
// ---------------------------------------------------------------------------

interface Sentence {
  start: number;
  end: number;
}

type Unit = { kind: 'label'; mode: Mode; start: number; end: number } | { kind: 'sentence'; start: number; end: number };

/** Splits a segment into label lines and sentences (sentence ends, blank lines, line-initial enumerators). */
function unitsOf(text: string, seg: MaterialSegment, sections: readonly SectionInfo[], tableRanges: ReadonlyArray<readonly [number, number]>): Unit[] {
  const headingModes = new Map<number, Mode | null>();
  for (let k = 0; k < sections.length; k++) {
    const s = sections[k]!;
    if (s.headingStart >= seg.start && s.headingStart < seg.end) {
      const kind = s.plan ? 'measure' : s.title.length <= 20 && !/[,，]/u.test(s.title) ? labelKind(s.title) : null;
      headingModes.set(s.headingStart, kind);
    }
  }
  const headingStarts = [...headingModes.keys()].sort((a, b) => a - b);
  let nextHeading = 0;
  const units: Unit[] = [];
  let sentenceStart = -1;
  const flush = (end: number) => {
    if (sentenceStart >= 0 && end > sentenceStart) {
      if (nonSpaceLength(text.slice(sentenceStart, end)) > 0) units.push({ kind: 'sentence', start: sentenceStart, end });
    }
    sentenceStart = -1;
  };
  let lineStart = seg.start;
  for (let i = seg.start; i <= seg.end; i++) {
    if (i < seg.end && text.charCodeAt(i) !== 10) continue;
    const line = text.slice(lineStart, i);
    const trimmed = line.trim();
    const lead = line.length - line.trimStart().length;
    const ls = lineStart + lead;
    const le = ls + trimmed.length;
    lineStart = i + 1;
    if (trimmed.length === 0) {
      flush(ls);
      continue;
    }
    if (isTableLine(line) || inRanges(tableRanges, ls)) {
      flush(ls);
      continue;
    }
    // A heading inside the material, or an unnumbered label line (headings are in text order).
    let mode: Mode | null | undefined = undefined;
    while (nextHeading < headingStarts.length && headingStarts[nextHeading]! < ls) nextHeading++;
    if (nextHeading < headingStarts.length && headingStarts[nextHeading]! < le + 1) mode = headingModes.get(headingStarts[nextHeading]!);
    if (mode === undefined) mode = labelLine(trimmed);
    if (mode) {
      flush(ls);
      units.push({ kind: 'label', mode, start: ls, end: le });
      continue;
    }
    // A line-initial enumerator starts a new sentence.
    if (LEADING_ENUM.test(trimmed) && !/^\d{4}/u.test(trimmed)) flush(ls);
    for (let k = ls; k < le; k++) {
      const code = text.charCodeAt(k);
      if (sentenceStart < 0) {
        if (isWhitespace(code)) continue;
        sentenceStart = k;
      }
      if (SENTENCE_END_CODES.has(code)) flush(k + 1);
    }
    if (WRAP_END.test(trimmed)) flush(le);
  }
  flush(seg.end);
  return units;
}

// ---------------------------------------------------------------------------
// Enumerators (§4.3)
// ---------------------------------------------------------------------------

interface Marker {
  style: EnumStyle;
  ordinal: number;
  at: number;
}

const ENUM_PATTERNS: ReadonlyArray<[EnumStyle, RegExp, 'any' | 'line' | 'punct']> = [
  // 「一\n是」: a PDF line wrap may split the enumerator.
  ['shi', /([一二三四五六七八九十]{1,3})\n?是/gu, 'any'],
  ['di', /第([一二三四五六七八九十]{1,3})(?=[,、:])/gu, 'any'],
  ['paren', /\(\s{0,2}([一二三四五六七八九十]{1,3})\s{0,2}\)/gu, 'punct'],
  ['arabic-paren', /\((\d{1,2})\)/gu, 'punct'],
  ['arabic', /(\d{1,2})\s{0,2}(?:、|\.(?!\d)|．)/gu, 'punct'],
  ['line-cn', /([一二三四五六七八九十]{1,3})\s{0,2}、/gu, 'line'],
];

/** Is the enumerator at `at` at a boundary: line start (after spaces or a 「- 」 bullet), or after punctuation? */
function markerBoundary(text: string, at: number, kind: 'any' | 'line' | 'punct'): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (i >= 0 && (text[i] === '-' || text[i] === '*') && (i === 0 || /\s/u.test(text[i - 1]!))) {
    i--;
    while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  }
  if (i < 0 || text[i] === '\n') return true;
  if (kind === 'line') return false;
  const c = text[i]!;
  if ('。;；:：!?！？'.includes(c)) return true;
  if (kind === 'any') return ',，、)）”"'.includes(c) || c === ' ';
  return false;
}

function markersIn(text: string, ranges: ReadonlyArray<[number, number]>): Marker[] {
  const out: Marker[] = [];
  for (let r = 0; r < ranges.length; r++) {
    const a = ranges[r]![0];
    const slice = text.slice(a, ranges[r]![1]);
    for (let p = 0; p < ENUM_PATTERNS.length; p++) {
      const style = ENUM_PATTERNS[p]![0];
      const re = ENUM_PATTERNS[p]![1];
      const kind = ENUM_PATTERNS[p]![2];
      re.lastIndex = 0;
      for (let m = re.exec(slice); m; m = re.exec(slice)) {
        const at = a + m.index;
        if (!markerBoundary(text, at, kind)) continue;
        const ordinal = style === 'arabic' || style === 'arabic-paren' ? Number(m[1]) : chineseNumber(m[1]!);
        if (ordinal === null || ordinal < 1) continue;
        out.push({ style, ordinal, at });
      }
    }
  }
  out.sort((x, y) => x.at - y.at);
  return out;
}

/** Items of a part: the count of the part's first enumeration style (see the file comment). */
export function countItems(text: string, ranges: ReadonlyArray<[number, number]>, minPartLength: number): { count: number; style: EnumStyle | null } {
  const enumerated = enumeratedItems(text, ranges);
  if (enumerated.style) return enumerated;
  let length = 0;
  for (const [a, b] of ranges) length += nonSpaceLength(text.slice(a, b));
  return { count: length >= minPartLength ? 1 : 0, style: null };
}

function enumeratedItems(text: string, ranges: ReadonlyArray<[number, number]>): { count: number; style: EnumStyle | null } {
  const markers = markersIn(text, ranges);
  const counts = new Map<EnumStyle, number>();
  const last = new Map<EnumStyle, number>();
  for (const m of markers) {
    const prev = last.get(m.style) ?? 0;
    if (m.ordinal === 1 || m.ordinal === prev + 1) {
      counts.set(m.style, (counts.get(m.style) ?? 0) + 1);
      last.set(m.style, m.ordinal);
    }
  }
  let style: EnumStyle | null = null;
  for (const m of markers) {
    if ((counts.get(m.style) ?? 0) > 0) {
      style = m.style;
      break;
    }
  }
  if (style) {
    let count = counts.get(style)!;
    if (count < 2) {
      for (const [s, c] of counts) {
        if (c > count) {
          count = c;
          style = s;
        }
      }
    }
    return { count, style };
  }
  return { count: 0, style: null };
}

// ---------------------------------------------------------------------------
// Anchors (§4.4) and boilerplate (§4.5)
// ---------------------------------------------------------------------------

export function findAnchors(text: string, ranges: ReadonlyArray<[number, number]>): Anchor[] {
  const out: Anchor[] = [];
  const seen = new Set<string>();
  for (let r = 0; r < ranges.length; r++) {
    const a = ranges[r]![0];
    const slice = text.slice(a, ranges[r]![1]);
    for (let p = 0; p < ANCHOR_PATTERNS.length; p++) {
      const kind = ANCHOR_PATTERNS[p]![0];
      const re = ANCHOR_PATTERNS[p]![1];
      re.lastIndex = 0;
      for (let m = re.exec(slice); m; m = re.exec(slice)) {
        let t = m[0].replace(/\s+/gu, '');
        let at = a + m.index;
        // 「完善网站」「在该平台」 name no channel: keep the channel word alone.
        // Citing the Regulations themselves (《条例》) is what every report does: not an anchor.
        if (kind === 'instrument' && REGULATIONS_TITLE.test(t)) continue;
        if (kind === 'channel' && CHANNEL_PREFIX_STOP.test(t.slice(0, 2))) {
          t = t.slice(2);
          at += 2;
        }
        if (seen.has(t)) continue;
        seen.add(t);
        out.push({ kind, text: t, start: at, end: a + m.index + m[0].length });
      }
    }
  }
  out.sort((x, y) => x.start - y.start);
  return out;
}

function hasAnchor(s: string): boolean {
  return findAnchors(s, [[0, s.length]]).length > 0;
}

/** Share of the characters of `ranges` in clauses made of boilerplate without an anchor. */
export function boilerplateShareOf(text: string, ranges: ReadonlyArray<[number, number]>): number {
  let total = 0;
  let generic = 0;
  for (const [a, b] of ranges) {
    const slice = text.slice(a, b);
    let start = 0;
    for (let i = 0; i <= slice.length; i++) {
      if (i < slice.length && !CLAUSE_END_CODES.has(slice.charCodeAt(i))) continue;
      const clause = slice.slice(start, i);
      start = i + 1;
      const n = nonSpaceLength(clause);
      if (n === 0) continue;
      total += n;
      if (BOILERPLATE.test(clause) && !hasAnchor(clause)) generic += n;
    }
  }
  return total === 0 ? 0 : generic / total;
}

// ---------------------------------------------------------------------------
// Classification (§4.6)
// ---------------------------------------------------------------------------

function hasProblemCue(sentence: string): boolean {
  return PROBLEM_CUE.test(sentence.replace(INTENT_PHRASE, (m) => ' '.repeat(m.length)));
}

/** A sentence that starts with an enumerator and names a problem without any measure word. */
function opensProblemItem(sentence: string): boolean {
  const t = sentence.trim();
  if (!LEADING_ENUM.test(t) || !hasProblemCue(t)) return false;
  return !MEASURE_CUE.test(t.replace(NEEDS_PHRASE, (m) => ' '.repeat(m.length)));
}

/**
 * Items of a part made of runs: the enumerated items over all runs (a list may continue across runs),
 * plus one item for each run without any enumerator that has at least `minPartLength` characters.
 */
function countRuns(text: string, runs: Array<Array<[number, number]>>, minPartLength: number): { count: number; style: EnumStyle | null } {
  const enumerated = enumeratedItems(text, runs.flat());
  let count = enumerated.count;
  for (const run of runs) {
    if (markersIn(text, run).length > 0) continue;
    let length = 0;
    for (const [a, b] of run) length += nonSpaceLength(text.slice(a, b));
    if (length >= minPartLength) count++;
  }
  return { count, style: enumerated.style };
}

function isTransition(sentence: string): boolean {
  const head = sentence.trim().replace(LEADING_ENUM, '').slice(0, 24);
  return TRANSITION_HEAD.test(head) || TRANSITION_ANY.test(sentence);
}

/**
 * Analyses the problems material of a report (signals.md §4): locates it, splits problems from
 * measures, counts items and anchors, measures boilerplate, and classifies EMPTY | GENERIC | SUBSTANTIVE.
 */
export function classifyImprovementMeasures(
  text: string,
  sections: readonly SectionInfo[],
  options: Partial<ImprovementOptions> = {},
  tableRanges: ReadonlyArray<readonly [number, number]> = [],
): ImprovementAnalysis {
  const opts = { ...DEFAULT_OPTIONS, ...options };
  const material = locateProblemsMaterial(text, sections, tableRanges);
  const first = material.segments[0];
  const analysis: ImprovementAnalysis = {
    class: 'EMPTY',
    source: material.source,
    genericReasons: [],
    sectionIndices: material.segments.flatMap((s) => (s.sectionIndex === null ? [] : [s.sectionIndex])),
    heading: first ? (first.heading ?? [first.start, first.end]) : null,
    bodyLength: 0,
    sentences: 0,
    problemItems: 0,
    measureItems: 0,
    problemStyle: null,
    measureStyle: null,
    problemRanges: [],
    measureRanges: [],
    anchors: [],
    boilerplateShare: 0,
  };
  if (material.source === 'none') {
    analysis.emptyReason = 'no-material';
    return analysis;
  }

  let bodyText = '';
  // Runs: maximal stretches of one part. A part that alternates (「一是…问题。下一步将…。二是…」) has several.
  const problemRuns: Array<Array<[number, number]>> = [];
  const measureRuns: Array<Array<[number, number]>> = [];
  let lastPart: 'problem' | 'measure' | null = null;
  for (const seg of material.segments) {
    let mode: Mode = seg.mode;
    // In a mixed part: 'intro' until the first problem sentence, then 'problem', until a transition.
    let state: 'intro' | 'problem' | 'measure' = mode === 'measure' ? 'measure' : mode === 'problem' ? 'problem' : 'intro';
    lastPart = null;
    for (const unit of unitsOf(text, seg, sections, tableRanges)) {
      const s = text.slice(unit.start, unit.end);
      if (unit.kind === 'label') {
        mode = unit.mode;
        state = mode === 'measure' ? 'measure' : mode === 'problem' ? 'problem' : 'intro';
        lastPart = null;
        continue;
      }
      bodyText += s;
      analysis.sentences++;
      if (state !== 'measure' && isTransition(s)) {
        state = 'measure';
      } else if (state === 'intro' && hasProblemCue(s)) {
        state = 'problem';
      } else if (state === 'measure' && mode === 'mixed' && opensProblemItem(s)) {
        // Problem and measure pairs: 「一是…不及时。下一步将…。二是…不够全面。…」
        state = 'problem';
      }
      if (state === 'intro') continue;
      const runs = state === 'problem' ? problemRuns : measureRuns;
      if (lastPart !== state || runs.length === 0) runs.push([]);
      runs[runs.length - 1]!.push([unit.start, unit.end]);
      (state === 'problem' ? analysis.problemRanges : analysis.measureRanges).push([unit.start, unit.end]);
      lastPart = state;
    }
  }
  analysis.bodyLength = nonSpaceLength(bodyText);
  const problems = countRuns(text, problemRuns, opts.minPartLength);
  const measures = countRuns(text, measureRuns, opts.minPartLength);
  analysis.problemItems = problems.count;
  analysis.problemStyle = problems.style;
  analysis.measureItems = measures.count;
  analysis.measureStyle = measures.style;
  analysis.anchors = findAnchors(text, analysis.measureRanges);
  analysis.boilerplateShare = boilerplateShareOf(text, analysis.measureRanges);

  const compact = bodyText.replace(/\s+/gu, '');
  if (/^(?:无|暂无|没有|无此项|无相关情况)[。.]?$/u.test(compact)) analysis.emptyReason = 'nil';
  else if (analysis.bodyLength < opts.minBodyLength) analysis.emptyReason = 'too-short';
  else if (
    analysis.problemItems === 0 &&
    (material.source === 'closing' || (analysis.sentences <= 1 && problems.style === null && measures.style === null))
  ) {
    // Only a sentence of intent or praise (「…找出差距,认真谋划,全力抓好2017年度政务公开工作。」).
    analysis.emptyReason = 'intent-only';
  } else if (analysis.problemItems === 0 && analysis.measureItems === 0) analysis.emptyReason = 'no-items';
  if (analysis.emptyReason) return analysis;

  const reasons: GenericReason[] = [];
  if (analysis.problemItems === 0) reasons.push('no-problems');
  if (analysis.measureItems === 0) reasons.push('no-measures');
  if (analysis.measureItems > 0) {
    if (analysis.anchors.length === 0) reasons.push('no-anchors');
    else if (analysis.anchors.length < analysis.measureItems * opts.anchorsPerMeasure) reasons.push('few-anchors');
    if (analysis.boilerplateShare >= opts.boilerplateShare) reasons.push('boilerplate');
    if (analysis.measureItems < opts.minMeasureItems) reasons.push('single-measure');
  }
  analysis.genericReasons = reasons;
  analysis.class = reasons.length === 0 ? 'SUBSTANTIVE' : 'GENERIC';
  return analysis;
}

// ---------------------------------------------------------------------------
// The rule
// ---------------------------------------------------------------------------


function span(ranges: ReadonlyArray<[number, number]>): [number, number] | undefined {
  if (ranges.length === 0) return undefined;
  return [ranges[0]![0], ranges[ranges.length - 1]![1]];
}

export default defineRule({
  meta: {
    id: RULE_ID,
    impact: 'serious',
    docs: {
      description: {
        'zh-CN':
          '“存在的主要问题及改进情况”（含“下一步工作安排”等计划部分）列出了具体问题和具体改进措施：按“一是/（一）/1、”等序号计数问题和措施，统计措施中的具体抓手（时间、数字、制度或平台名称、责任主体、对上年问题的整改），并计算套话比例。内容为空或只有一句表态为“空缺”，缺少具体抓手或套话过多为“笼统”。',
        en:
          'The problems part (with any forward-plan part such as 下一步工作安排) names concrete problems and concrete measures: items are counted by their enumerators (一是, （一）, 1、…), measures are checked for concreteness anchors (dates and numbers, named systems or instruments, responsible units, follow-up of last year\'s problems) and for the share of boilerplate. An empty part or a single sentence of intent is EMPTY; measures without anchors or mostly boilerplate are GENERIC.',
      },
      requires: 'the section structure (problems and plan sections)',
    },
    messages: messagesFor(RULE_ID, {
      empty: 'error',
      noMaterial: 'error',
      generic: 'warning',
      problemsWithoutMeasures: 'warning',
      measuresWithoutProblems: 'info',
    }),
    schema: {
      type: 'object',
      properties: {
        minBodyLength: { type: 'integer', minimum: 0 },
        minPartLength: { type: 'integer', minimum: 0 },
        boilerplateShare: { type: 'number', minimum: 0, maximum: 1 },
        anchorsPerMeasure: { type: 'number', minimum: 0 },
        minMeasureItems: { type: 'integer', minimum: 1 },
      },
      additionalProperties: false,
    },
    defaultOptions: { ...DEFAULT_OPTIONS },
  },
  create(context) {
    return {
      'root:exit'() {
        const model = context.model;
        const a = classifyImprovementMeasures(
          model.text,
          model.sections,
          context.options as Partial<ImprovementOptions>,
          model.tableRanges,
        );
        const data = {
          problems: a.problemItems,
          measures: a.measureItems,
          anchors: a.anchors.length,
          anchorList: a.anchors.slice(0, 6).map((x) => x.text),
          boilerplate: Math.round(a.boilerplateShare * 100),
          length: a.bodyLength,
          class: a.class,
          source: a.source,
        };
        if (a.class === 'EMPTY') {
          if (a.emptyReason === 'no-material') {
            context.report({ messageId: 'noMaterial', data: { ...data, reason: a.emptyReason } });
          } else {
            context.report({ messageId: 'empty', range: a.heading ?? undefined, data: { ...data, reason: a.emptyReason } });
          }
          return;
        }
        if (a.problemItems > 0 && a.measureItems === 0) {
          context.report({ messageId: 'problemsWithoutMeasures', range: span(a.problemRanges) ?? a.heading ?? undefined, data });
          return;
        }
        if (a.problemItems === 0) {
          const at = a.source === 'closing' ? span(a.measureRanges) : (a.heading ?? span(a.measureRanges));
          context.report({ messageId: 'measuresWithoutProblems', range: at, data });
        }
        if (a.class === 'GENERIC' && a.genericReasons.some((r) => r !== 'no-problems')) {
          context.report({
            messageId: 'generic',
            range: span(a.measureRanges) ?? a.heading ?? undefined,
            data: { ...data, reasons: a.genericReasons },
          });
        }
      },
    };
  },
});
