/**
 * required-sections — the statutory parts of the report's era are present (spec/sections.md,
 * spec/defects.md SECTION_MISSING / SECTION_MERGED, spec/regulations-and-eras.md §2.2, §3.2, §4, §5).
 *
 * Statutory items:
 * - E1 (report year ≤ 2018, REG2007 Art. 32): 主动公开 / 依申请公开和不予公开 / 收费及减免 / 复议诉讼 /
 *   存在的主要问题及改进情况 / 其他需要报告的事项. The overview (概述) is optional and never reported.
 * - E2/E3 (report year ≥ 2019, REG2019 Art. 50 and the TPL2019/TPL2021 outline): 一 总体情况 … 六 其他需要报告的事项.
 *
 * Each item is looked for, in this order:
 * 1. a heading whose canonical key (given by the section structure) is the item's key. A top-level
 *    heading, or a sub-heading under a heading of no key or of the same key, makes the item `present`;
 *    a sub-heading under another statutory section (e.g. （一）主要问题 inside 三、…复议… ) makes it
 *    `merged` into that section.
 * 2. under E2/E3, a recognised template table (表二/三/四) makes 二/三/四 `present` (sections.md §4 step 5).
 * 3. content (sections.md §4 step 4) for 主动公开, 依申请公开, 收费及减免 and 复议诉讼: a statement with a
 *    count, an amount, or a nil statement (未收到申请, 未收取费用, 未发生复议诉讼). A bare mention of the
 *    topic (「公布了…收费依据、收费标准」) is not a statement. Content makes the item `merged`. Headings,
 *    table lines and the intro sentence that lists the report's parts (「全文包括…六个部分」) are not
 *    content. Under E2/E3 the overview's own sub-aspects (（一）主动公开 （二）依申请公开) are part of 一 and
 *    never stand in for the table sections 二/三/四.
 * 4. otherwise the item is `missing`.
 *
 * Findings: `missing` (error) for a statutory item; `missingOther` (warning) for the E1 其他需要报告的事项,
 * which the law lists but practice often omits (UNCONFIRMED wording; option `requireOtherInE1`);
 * `merged` / `mergedUntitled` (info) when the content exists without its own heading.
 *
 * Position of a missing-section finding: the last sentence of the statutory section that should come
 * before it (where the missing part belongs and would be inserted; table rows are passed over, and
 * the section's heading stands in when it has no sentence), or the report title when the missing
 * part would be the first one. A zero-width point would give no snippet; the sentence that the new
 * part should follow is what a clerk needs to see, and it is the same words however the copy was
 * laid out (presentations.md §5). A merged finding points at the content found.
 *
 * Options: `requireOtherInE1` (default true), `attachmentCountsAsOther` (default true: under E1 an
 * attached statistics table, 「附件2」, counts as 其他需要报告的事项 — a variant seen in sections.md §1.2,
 * UNCONFIRMED), `contentFallback` (default true).
 *
 * Every regular expression here is linear: bounded windows, no nested quantifiers.
 */
import { defineRule, isTableRowLine, shorten, tableRowLines } from '../src/kit/index';
import { messagesFor, inLocale } from './locales/index';
import type { Era, ReportModel, SectionInfo, SectionKey, TableId, TemplateKey } from '../src/types';

const RULE_ID = 'required-sections';

export type StatutoryItemId =
  | 'E1_ACTIVE'
  | 'E1_APPLY'
  | 'E1_FEES'
  | 'E1_REVIEW'
  | 'E1_PROBLEMS'
  | 'E1_OTHER'
  | 'S1_OVERALL'
  | 'S2_ACTIVE'
  | 'S3_APPLY'
  | 'S4_REVIEW'
  | 'S5_PROBLEMS'
  | 'S6_OTHER';

export interface StatutoryItem {
  id: StatutoryItemId;
  key: SectionKey;
  /** Canonical Chinese heading (sections.md §1.1, §2.1). */
  heading: string;
  /** The template table that stands for the section under E2/E3. */
  table?: TableId;
}

/** REG2007 Art. 32, in statutory order. */
export const E1_ITEMS: readonly StatutoryItem[] = [
  { id: 'E1_ACTIVE', key: 'proactive', heading: '主动公开政府信息的情况' },
  { id: 'E1_APPLY', key: 'requests', heading: '依申请公开政府信息和不予公开政府信息的情况' },
  { id: 'E1_FEES', key: 'fees', heading: '政府信息公开的收费及减免情况' },
  { id: 'E1_REVIEW', key: 'review-litigation', heading: '因政府信息公开申请行政复议、提起行政诉讼的情况' },
  { id: 'E1_PROBLEMS', key: 'problems', heading: '政府信息公开工作存在的主要问题及改进情况' },
  { id: 'E1_OTHER', key: 'other', heading: '其他需要报告的事项' },
];

/** REG2019 Art. 50 as laid out by TPL2019/TPL2021, in template order. */
export const TEMPLATE_ITEMS: readonly StatutoryItem[] = [
  { id: 'S1_OVERALL', key: 'overview', heading: '总体情况' },
  { id: 'S2_ACTIVE', key: 'proactive', heading: '主动公开政府信息情况', table: 'T2' },
  { id: 'S3_APPLY', key: 'requests', heading: '收到和处理政府信息公开申请情况', table: 'T3' },
  { id: 'S4_REVIEW', key: 'review-litigation', heading: '政府信息公开行政复议、行政诉讼情况', table: 'T4' },
  { id: 'S5_PROBLEMS', key: 'problems', heading: '存在的主要问题及改进情况' },
  { id: 'S6_OTHER', key: 'other', heading: '其他需要报告的事项' },
];

export type ItemStatus = 'present' | 'merged' | 'missing';
export type FoundVia = 'heading' | 'table' | 'subheading' | 'content';

export interface ItemResult {
  id: StatutoryItemId;
  key: SectionKey;
  heading: string;
  status: ItemStatus;
  via?: FoundVia;
  /** The section that carries the item (its own heading, or the sub-heading it was found under). */
  sectionIndex?: number;
  /** What was found: the heading line, or the content sentence (offsets into `text`). */
  range?: [number, number];
  /** For `merged`: the top-level section holding the content, or null when it is in no section. */
  foundIn?: { index: number; title: string; heading: string } | null;
  /** For `missing`: where the part belongs (see the file comment) and the line it should follow. */
  anchor?: { range: [number, number]; after: string };
}

export interface RequiredSectionsResult {
  era: Era;
  items: ItemResult[];
}

export interface RequiredSectionsInput {
  /** Normalised analysis text (`ReportModel.text`). */
  text: string;
  sections: readonly SectionInfo[];
  era: Era | null;
  template?: TemplateKey;
  tables?: ReadonlyArray<{ id: TableId }>;
  title?: { start: number; end: number; text?: string } | null;
  /** Ranges of `text` covered by recognised tables; kept out of content detection. */
  tableRanges?: ReadonlyArray<readonly [number, number]>;
}

export interface RequiredSectionsOptions {
  requireOtherInE1: boolean;
  attachmentCountsAsOther: boolean;
  contentFallback: boolean;
}

export const DEFAULT_OPTIONS: RequiredSectionsOptions = {
  requireOtherInE1: true,
  attachmentCountsAsOther: true,
  contentFallback: true,
};

// ---------------------------------------------------------------------------
// Era
// ---------------------------------------------------------------------------

/**
 * The era of the report: from the report year; without a year, from the template fingerprint or the
 * recognised tables (sections.md §4 step 5, regulations-and-eras.md §5). Null when nothing tells.
 */
export function resolveEra(input: Pick<RequiredSectionsInput, 'era' | 'template' | 'tables'>): Era | null {
  if (input.era) return input.era;
  if (input.template === 'TPL2021') return 'E3';
  if (input.template === 'TPL2019') return 'E2';
  if (input.template === 'REG2007') return 'E1';
  const ids = new Set((input.tables ?? []).map((t) => t.id));
  if (ids.has('T2') || ids.has('T3') || ids.has('T4')) return 'E3';
  if (ids.has('STAT')) return 'E1';
  return null;
}

// ---------------------------------------------------------------------------
// Content detection (sections.md §4 step 4)
// ---------------------------------------------------------------------------

/** A window inside one sentence: no sentence end, no line break. */
const W = '[^。;；!?！？\\n]';
const WND = '[^。;；!?！？\\n\\d]';
const NEGATION = '(?:未|没有|无(?![法偿])|免|不收|不存在|均不)';

/** Statements, not mentions: each needs a nil word, a count or an amount in the same sentence. */
const CONTENT_PATTERNS: Partial<Record<SectionKey, RegExp[]>> = {
  fees: [
    new RegExp(`${NEGATION}${W}{0,25}?(?:收费|收取|减免|费用|处理费)`, 'gu'),
    new RegExp(`(?:收费|收取|减免|费用|处理费)${WND}{0,15}(?<![\\d.])\\d{1,12}(?:\\.\\d{1,6})?\\s{0,2}(?:元|万元)`, 'gu'),
    new RegExp(`(?:收费|减免)(?:情况)?\\s{0,2}(?:为|:)\\s{0,2}(?:零|无|0)`, 'gu'),
  ],
  'review-litigation': [
    new RegExp(`${NEGATION}${W}{0,25}?(?:复议|诉讼)`, 'gu'),
    new RegExp(`(?:复议|诉讼)${WND}{0,15}(?<![\\d.])\\d{1,12}\\s{0,2}(?:件|起|宗|次|例)`, 'gu'),
    new RegExp(`(?<![\\d.])\\d{1,12}\\s{0,2}(?:件|起|宗|例)${WND}{0,20}(?:复议|诉讼)`, 'gu'),
  ],
  requests: [
    new RegExp(`(?:未|没有)(?:收到|接到|接收到|接收|受理|发生)${W}{0,20}?申请`, 'gu'),
    new RegExp(`(?:依申请|公开申请|申请公开)${WND}{0,20}(?<![\\d.])\\d{1,12}\\s{0,2}(?:件|条|次|人次|个|份)`, 'gu'),
    new RegExp(`(?:收到|受理|接到|办理|办结)${WND}{0,8}申请${WND}{0,10}(?<![\\d.])\\d{1,12}\\s{0,2}(?:件|条|次|人次|个|份)`, 'gu'),
    new RegExp(`(?<![\\d.])\\d{1,12}\\s{0,2}(?:件|条|次|个|份)${WND}{0,8}(?:依申请|公开申请)`, 'gu'),
  ],
  proactive: [new RegExp(`主动公开${WND}{0,20}(?<![\\d.])\\d{1,12}\\s{0,2}(?:条|件|项|个|篇|类)`, 'gu')],
};

/** A match naming another topic is not a statement about this one (「行政复议申请4件」 is not an application count). */
const CONTENT_REJECT: Partial<Record<SectionKey, RegExp>> = {
  requests: /(复议|诉讼)/u,
};

/** The intro sentence that lists the report's parts (「全文包括…六个部分」, 「本报告由…组成」). */
const PART_LIST = /(个部分|部分组成|全文包括|报告包括|内容包括|共分为|[五六七八]部分)/gu;
const SENTENCE_END = /[。;；!?！？\n]/u;

/** Sentence bounds around [start, end), at most `max` characters each side. */
export function sentenceAround(text: string, start: number, end: number, max = 160): [number, number] {
  let s = start;
  const lo = Math.max(0, start - max);
  while (s > lo && !SENTENCE_END.test(text[s - 1]!)) s--;
  while (s < start && /\s/u.test(text[s]!)) s++;
  let e = end;
  const hi = Math.min(text.length, end + max);
  while (e < hi && text[e] !== '\n' && !SENTENCE_END.test(text[e - 1] ?? '')) e++;
  return [s, Math.max(e, end)];
}

/** The text with the given ranges replaced by line breaks (same length, so windows cannot cross them). */
function maskRanges(text: string, ranges: ReadonlyArray<readonly [number, number]>): string {
  if (ranges.length === 0) return text;
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  let out = '';
  let last = 0;
  for (const [a0, b0] of sorted) {
    const a = Math.max(a0, last);
    const b = Math.min(b0, text.length);
    if (b <= a) continue;
    out += text.slice(last, a) + '\n'.repeat(b - a);
    last = b;
  }
  return out + text.slice(last);
}

/** Ranges never searched for content: headings, table lines, recognised tables, the part list. */
function baseExclusions(input: RequiredSectionsInput): Array<[number, number]> {
  const { text } = input;
  const out: Array<[number, number]> = [];
  for (const s of input.sections) out.push([s.headingStart, s.headingEnd]);
  for (const r of input.tableRanges ?? []) out.push([r[0], r[1]]);
  for (const [a, b] of tableRowLines(text)) out.push([a, b]);
  PART_LIST.lastIndex = 0;
  for (let m = PART_LIST.exec(text); m; m = PART_LIST.exec(text)) {
    const sentence = sentenceAround(text, m.index, m.index + m[0].length, 300);
    out.push(sentence);
    PART_LIST.lastIndex = Math.max(PART_LIST.lastIndex, sentence[1]);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Section helpers
// ---------------------------------------------------------------------------

function topLevelIndex(sections: readonly SectionInfo[], index: number): number {
  let i = index;
  let guard = 0;
  while (i >= 0 && sections[i]!.parent >= 0 && guard++ < 64) i = sections[i]!.parent;
  return i;
}

/** The top-level section containing an offset (by heading-to-end range), or -1. */
function topLevelAt(sections: readonly SectionInfo[], offset: number): number {
  let best = -1;
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i]!;
    if (offset >= s.headingStart && offset < Math.max(s.end, s.headingEnd) && (best < 0 || s.depth >= sections[best]!.depth)) best = i;
  }
  return best < 0 ? -1 : topLevelIndex(sections, best);
}

const ANNEX_TITLE = /^(附件|附表)\s{0,2}[\d一二三四五六七八九十]{0,2}\s{0,2}:?$/u;

function lastContentLine(text: string, s: SectionInfo): [number, number] {
  // The last sentence of the section's text (a signature, a date line, table rows and cells are
  // skipped): the same words whether the copy kept its line breaks or ran the body onto one line.
  let end = Math.min(s.end, text.length);
  let guard = 0;
  while (end > s.start && guard++ < 400) {
    let lineStart = end;
    while (lineStart > s.start && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
    const line = text.slice(lineStart, end);
    const trimmed = line.trim();
    if (trimmed.length > 20 && !isTableRowLine(line) && !/[|\t]/u.test(trimmed) && !looksLikeFlatTable(trimmed)) {
      const lead = line.length - line.trimStart().length;
      const from = lineStart + lead;
      const to = from + trimmed.length;
      return [from + lastSentenceStart(trimmed), to];
    }
    end = lineStart - 1;
  }
  return [s.headingStart, s.headingEnd];
}

/** A table flattened onto a line: no sentence ends, several numbers set apart by spaces (「规章 0 0 0 规范性文件 181…」). */
function looksLikeFlatTable(line: string): boolean {
  if (/[。;!?；！？]/u.test(line)) return false;
  let numbers = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c >= 48 && c <= 57 && (i === 0 || line[i - 1] === ' ')) {
      let j = i;
      while (j < line.length && line.charCodeAt(j) >= 48 && line.charCodeAt(j) <= 57) j++;
      if (j === line.length || line[j] === ' ') numbers++;
      i = j;
    }
  }
  return numbers >= 3;
}

/** Offset in `line` where its last sentence starts (after the last 。;!? before its final character). */
function lastSentenceStart(line: string): number {
  for (let i = line.length - 2; i >= 0; i--) {
    const ch = line[i]!;
    if (ch === '。' || ch === ';' || ch === '!' || ch === '?' || ch === '；' || ch === '！' || ch === '？') {
      let k = i + 1;
      while (k < line.length && line[k] === ' ') k++;
      return line.length - k >= 6 ? k : 0;
    }
  }
  return 0;
}

// ---------------------------------------------------------------------------
// The check
// ---------------------------------------------------------------------------

/**
 * Status of every statutory item of the report's era: present | merged (with where the content was
 * found) | missing (with where it belongs). Null when the era cannot be determined.
 */
export function checkRequiredSections(
  input: RequiredSectionsInput,
  options: Partial<RequiredSectionsOptions> = {},
): RequiredSectionsResult | null {
  const opts = { ...DEFAULT_OPTIONS, ...options };
  const era = resolveEra(input);
  if (!era) return null;
  const { text, sections } = input;
  const items = era === 'E1' ? E1_ITEMS : TEMPLATE_ITEMS;
  const templateEra = era !== 'E1';
  const tableIds = new Set((input.tables ?? []).map((t) => t.id));

  let masked: string | null = null;
  let maskedNoOverview: string | null = null;
  const contentText = (skipOverview: boolean): string => {
    masked ??= maskRanges(text, baseExclusions(input));
    if (!skipOverview) return masked;
    if (maskedNoOverview === null) {
      const overview: Array<[number, number]> = [];
      for (const s of sections) if (s.parent < 0 && s.key === 'overview') overview.push([s.start, s.end]);
      maskedNoOverview = maskRanges(masked, overview);
    }
    return maskedNoOverview;
  };

  const results: ItemResult[] = [];
  for (const item of items) {
    const result: ItemResult = { id: item.id, key: item.key, heading: item.heading, status: 'missing' };
    const tableSection = templateEra && item.table !== undefined;
    let merged: ItemResult | null = null;
    for (let i = 0; i < sections.length; i++) {
      const s = sections[i]!;
      if (s.key !== item.key) continue;
      if (item.key === 'other' && !opts.attachmentCountsAsOther && ANNEX_TITLE.test(s.title.trim())) continue;
      const top = topLevelIndex(sections, i);
      const topKey = top >= 0 && top !== i ? sections[top]!.key : null;
      if (top === i || topKey === null || topKey === item.key) {
        result.status = 'present';
        result.via = 'heading';
        result.sectionIndex = i;
        result.range = [s.headingStart, s.headingEnd];
        break;
      }
      // A sub-heading inside another statutory section. Under E2/E3 the overview's sub-aspects
      // (（一）主动公开 （二）依申请公开) belong to 一 and never stand in for the table sections.
      if (tableSection && topKey === 'overview') continue;
      if (!merged) {
        const t = sections[top]!;
        merged = {
          ...result,
          status: 'merged',
          via: 'subheading',
          sectionIndex: i,
          range: [s.headingStart, s.headingEnd],
          foundIn: { index: top, title: t.title, heading: t.heading },
        };
      }
    }
    if (result.status === 'present') {
      results.push(result);
      continue;
    }
    if (tableSection && tableIds.has(item.table!)) {
      results.push({ ...result, status: 'present', via: 'table' });
      continue;
    }
    if (merged) {
      results.push(merged);
      continue;
    }
    const patterns = CONTENT_PATTERNS[item.key];
    if (opts.contentFallback && patterns) {
      const hay = contentText(tableSection);
      const found = firstStatement(hay, patterns, CONTENT_REJECT[item.key]);
      if (found) {
        const range = sentenceAround(text, found[0], found[1]);
        const top = topLevelAt(sections, found[0]);
        const t = top >= 0 ? sections[top]! : null;
        results.push({
          ...result,
          status: 'merged',
          via: 'content',
          range,
          foundIn: t ? { index: top, title: t.title, heading: t.heading } : null,
        });
        continue;
      }
    }
    results.push(result);
  }

  // Where each missing item belongs: after the last heading-present item that precedes it.
  let previous: ItemResult | null = null;
  for (const r of results) {
    if (r.status === 'missing') r.anchor = anchorAfter(input, previous);
    else if (r.via === 'heading' && r.sectionIndex !== undefined) previous = r;
  }
  return { era, items: results };
}

function firstStatement(hay: string, patterns: RegExp[], reject?: RegExp): [number, number] | null {
  let best: [number, number] | null = null;
  for (const re of patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(hay); m; m = re.exec(hay)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      if (reject && reject.test(m[0])) continue;
      if (!best || m.index < best[0]) best = [m.index, m.index + m[0].length];
      break;
    }
  }
  return best;
}

/**
 * The first statement about a section's subject in `text` (sections.md §4 step 4): a count, an amount
 * or a nil statement about 主动公开, 申请, 收费/减免 or 复议/诉讼. Null for other keys or when there is none.
 */
export function findContentStatement(key: SectionKey, text: string): [number, number] | null {
  const patterns = CONTENT_PATTERNS[key];
  return patterns ? firstStatement(text, patterns, CONTENT_REJECT[key]) : null;
}

function anchorAfter(input: RequiredSectionsInput, previous: ItemResult | null): { range: [number, number]; after: string } {
  const { text, sections } = input;
  if (previous && previous.sectionIndex !== undefined) {
    // The last section in document order that carries the previous item (e.g. 五 问题 + 六 下一步).
    let idx = previous.sectionIndex;
    for (let i = idx + 1; i < sections.length; i++) {
      const s = sections[i]!;
      if (s.parent < 0 && s.key === previous.key) idx = i;
      else if (s.parent < 0 && s.key !== null) break;
    }
    const s = sections[idx]!;
    return { range: lastContentLine(text, s), after: s.heading };
  }
  if (input.title) {
    return { range: [input.title.start, input.title.end], after: input.title.text ?? text.slice(input.title.start, input.title.end).trim() };
  }
  // No title: the first line with text.
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      const line = text.slice(start, i);
      if (line.trim().length > 0) {
        const lead = line.length - line.trimStart().length;
        const t = line.trim();
        return { range: [start + lead, start + lead + t.length], after: t.length > 30 ? t.slice(0, 30) + '…' : t };
      }
      start = i + 1;
    }
  }
  return { range: [0, 0], after: '' };
}

// ---------------------------------------------------------------------------
// The rule
// ---------------------------------------------------------------------------

export default defineRule({
  meta: {
    id: RULE_ID,
    impact: 'critical',
    docs: {
      description: {
        'zh-CN':
          '年度报告包含所属时期的全部法定内容：2018年及以前为《条例》（2007年）第三十二条的六项内容，2019年起为年度报告格式的六个部分（一 总体情况至六 其他需要报告的事项）。先按标题识别，再按正文内容识别（内容写在其他部分中视为合并）。缺失的部分定位在它应当所在的位置：前一个法定部分的最后一句，或报告标题。',
        en:
          'The report contains every statutory part of its era: the six REG2007 Art. 32 items for report years up to 2018, the six parts of the national template (一 总体情况 … 六 其他需要报告的事项) from 2019. Parts are found by heading, then by content (content inside another part counts as merged). A missing part is reported where it belongs: on the last sentence of the statutory part before it, or on the report title.',
      },
      requires: 'the report year (for the era) or a template fingerprint; the section structure',
    },
    messages: messagesFor(RULE_ID, {
      missing: 'error',
      missingOther: 'warning',
      merged: 'info',
      mergedUntitled: 'info',
    }),
    schema: {
      type: 'object',
      properties: {
        requireOtherInE1: { type: 'boolean' },
        attachmentCountsAsOther: { type: 'boolean' },
        contentFallback: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    defaultOptions: { ...DEFAULT_OPTIONS },
  },
  create(context) {
    return {
      'root:exit'() {
        const model = context.model;
        const options = context.options as Partial<RequiredSectionsOptions>;
        const result = checkRequiredSections(
          {
            text: model.text,
            sections: model.sections,
            era: model.era,
            template: model.template,
            tables: model.tables,
            title: model.title,
            tableRanges: model.tableRanges,
          },
          options,
        );
        if (!result) {
          context.inapplicable(
            inLocale(context.locale, {
              'zh-CN': '报告年度不详，也没有可辨认的年度报告格式，无法确定应有哪些法定部分',
              en: 'the report year is unknown and no template was recognised: the statutory parts cannot be determined',
            }),
          );
          return;
        }
        const requireOther = options.requireOtherInE1 ?? DEFAULT_OPTIONS.requireOtherInE1;
        for (const item of result.items) {
          const section = { key: item.key, title: item.heading };
          const data = { section: item.heading, key: item.key, item: item.id, era: result.era };
          if (item.status === 'missing') {
            const isE1Other = item.id === 'E1_OTHER';
            if (isE1Other && !requireOther) continue;
            context.report({
              messageId: isE1Other ? 'missingOther' : 'missing',
              range: item.anchor?.range,
              section,
              data: { ...data, after: item.anchor?.after ?? '' },
            });
          } else if (item.status === 'merged') {
            const excerpt = item.range ? shorten(model.text.slice(item.range[0], item.range[1]).trim(), 40) : '';
            context.report({
              messageId: item.foundIn ? 'merged' : 'mergedUntitled',
              range: item.range,
              data: { ...data, foundIn: item.foundIn?.title ?? '', via: item.via, excerpt },
            });
          }
        }
      },
    };
  },
});

