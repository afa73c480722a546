/**
 * structure — numbering, the parts the intro promises, and the title (spec/sections.md §3, §3.1;
 * spec/defects.md NUMBERING_ERROR, INTRO_BODY_MISMATCH, WRONG_TITLE).
 *
 * Numbering (top-level sections 一、二、三…; warnings):
 * - `restart`: an ordinal not above the previous one (a second 「一、」 after 「六、」, a repeated 「二、」).
 * - `gap`: an ordinal skipped (「三、」 then 「五、」).
 * - `overviewPromoted` (E2/E3): the TPL2021 aspects of 一、总体情况 (主动公开 / 依申请公开 / 政府信息管理 /
 *   平台建设 / 监督保障) numbered as top-level sections — 政府信息管理, 平台建设, 监督保障 anywhere at top level;
 *   主动公开 / 依申请公开 when the statutory section of the same kind follows after a restart.
 * - `shifted` (E2/E3): the statutory sections numbered consistently one (or more) off the template
 *   (一、主动公开… 二、…申请… 三、…复议… 五、其他…).
 * - `mismatch` (E2/E3): one section whose ordinal does not match its content (「四、」 carrying the applications);
 *   the content is the heading's key, or the template table the section holds.
 * - `mixedParentheses` (info): half-width 「(一)」 and full-width 「（一）」 mixed in second-level headings. The analysed
 *   text is normalised (（ → (), so the headings are compared in the caller's source (`model.sourceSlice`).
 *
 * Intro (`introMismatch`, warning): the intro promises N parts (「全文包括…六个部分」, 「本报告由…共六个部分组成」,
 * 「…等六部分」) and the body has M ≠ N numbered top-level sections, or a part the intro names has no top-level
 * section of its kind ([seed 004]: six parts promised incl. 收费 and 复议诉讼; five sections).
 *
 * Title: `wrongTitle` (warning) — the title line does not call the document a 年度报告/年报 (「…工作报告」);
 * `transmittal` (warning) — the first lines are a cover letter (「关于报送…的报告」, 「现将…报送」);
 * `informalTitle` (info) — 「…年报」 instead of 「年度报告」, or no 「信息公开」 in the title (「…政务公开工作年报」);
 * `missingTitle` (info) — no title line at all (the text starts with a sentence).
 *
 * Needs: the report text (sections and title come from it); the era (model.era, from the report year) for the
 * template-numbering checks, which are skipped without it. Inapplicable only for an empty text.
 *
 * Every regular expression here is linear: bounded windows, no nested quantifiers.
 */
import { chineseNumeralValue, classifyHeading, compactText, defineRule, formatChineseNumber, isChromeLine, isIssuerLine, listSome, originalRange } from '../src/kit/index';
import { messagesFor, inLocale } from './locales/index';
import type { Era, SectionInfo, SectionKey, TableId, TextLine } from '../src/types';

const RULE_ID = 'structure';

/** 1 → 一, 12 → 十二, 20 → 二十. */
export const chineseOrdinal = formatChineseNumber;

/** Template position of each statutory part (TPL2019/TPL2021 一…六). */
export const TEMPLATE_ORDINAL: Record<SectionKey, number | null> = {
  overview: 1,
  proactive: 2,
  requests: 3,
  'review-litigation': 4,
  problems: 5,
  other: 6,
  fees: null,
};

const PART_NAMES: Record<SectionKey, string> = {
  overview: '总体情况（概述）',
  proactive: '主动公开政府信息情况',
  requests: '依申请公开（收到和处理申请）情况',
  fees: '收费及减免情况',
  'review-litigation': '行政复议、行政诉讼情况',
  problems: '存在的主要问题及改进情况',
  other: '其他需要报告的事项',
};

const TABLE_KEY: Partial<Record<TableId, SectionKey>> = { T2: 'proactive', T3: 'requests', T4: 'review-litigation' };

// ---------------------------------------------------------------------------
// Input and result
// ---------------------------------------------------------------------------

export interface StructureInput {
  /** Normalised analysis text (`ReportModel.text`). */
  text: string;
  sections: readonly SectionInfo[];
  era: Era | null;
  title: { text: string; start: number; end: number } | null;
  lines: readonly Pick<TextLine, 'start' | 'end' | 'text' | 'chrome'>[];
  tables?: ReadonlyArray<{ id: TableId }>;
  tableRanges?: ReadonlyArray<readonly [number, number]>;
  /** The caller's source for a range of `text` (`ReportModel.sourceSlice`); the parentheses check needs it. */
  sourceSlice?: (start: number, end: number) => string;
}

export interface StructureOptions {
  numbering: boolean;
  parentheses: boolean;
  intro: boolean;
  title: boolean;
}

export const DEFAULT_OPTIONS: StructureOptions = { numbering: true, parentheses: true, intro: true, title: true };

export interface StructureFinding {
  messageId: string;
  range: [number, number];
  data: Record<string, unknown>;
  expected?: unknown;
  actual?: unknown;
}

// ---------------------------------------------------------------------------
// Numbering
// ---------------------------------------------------------------------------

interface Top {
  index: number;
  s: SectionInfo;
  ordinal: number;
}

function topLevel(sections: readonly SectionInfo[]): Top[] {
  const out: Top[] = [];
  sections.forEach((s, index) => {
    if (s.parent < 0 && s.depth === 1 && s.ordinal !== null) out.push({ index, s, ordinal: s.ordinal });
  });
  return out;
}

const ASPECT = /^(?:政府信息管理|(?:政府信息公开|信息公开|政务公开)?平台建设|监督保障)(?:工作)?(?:情况|方面)?$/u;
const TRAILING = /[\s.:;,。]{1,8}$/u;

function headingRange(s: SectionInfo): [number, number] {
  return [s.headingStart, s.headingEnd];
}

/** Key of a top-level section: its heading's, else the template table it holds. */
function contentKey(s: SectionInfo, input: StructureInput): SectionKey | null {
  if (s.key) return s.key;
  const tables = input.tables ?? [];
  const ranges = input.tableRanges ?? [];
  for (let i = 0; i < tables.length && i < ranges.length; i++) {
    const key = TABLE_KEY[tables[i]!.id];
    const [a] = ranges[i]!;
    if (key && a >= s.start && a < Math.max(s.start, s.end)) return key;
  }
  return null;
}

export function checkNumbering(input: StructureInput): StructureFinding[] {
  const out: StructureFinding[] = [];
  const top = topLevel(input.sections);
  if (top.length === 0) return out;

  // Restarts and gaps.
  const restartsBefore: number[] = []; // number of restarts before each top section
  let restarts = 0;
  let prev: Top | null = null;
  for (const t of top) {
    if (prev && t.ordinal <= prev.ordinal) {
      restarts++;
      out.push({
        messageId: 'restart',
        range: headingRange(t.s),
        data: { heading: t.s.heading, previous: prev.s.heading, expected: chineseOrdinal(prev.ordinal + 1) },
        expected: prev.ordinal + 1,
        actual: t.ordinal,
      });
    } else if (t.ordinal > (prev?.ordinal ?? 0) + 1) {
      const expected = (prev?.ordinal ?? 0) + 1;
      out.push({
        messageId: 'gap',
        range: headingRange(t.s),
        data: {
          heading: t.s.heading,
          previous: prev ? prev.s.heading : '（报告开头）',
          previousEn: prev ? prev.s.heading : '(start of the report)',
          expected: chineseOrdinal(expected),
          missing: Array.from({ length: t.ordinal - expected }, (_, k) => chineseOrdinal(expected + k)),
        },
        expected,
        actual: t.ordinal,
      });
    }
    restartsBefore.push(restarts);
    prev = t;
  }

  if (input.era !== 'E2' && input.era !== 'E3') return out;

  // Overview aspects promoted to top level.
  const promoted = new Set<number>();
  top.forEach((t, k) => {
    const title = t.s.title.replace(TRAILING, '').replace(/\s+/gu, '');
    if (ASPECT.test(title)) {
      promoted.add(k);
      return;
    }
    const key = t.s.key;
    if (key !== 'proactive' && key !== 'requests') return;
    // The same kind again after a restart: this one is the overview's aspect.
    for (let j = k + 1; j < top.length; j++) {
      if (top[j]!.s.key === key && restartsBefore[j]! > restartsBefore[k]!) {
        promoted.add(k);
        return;
      }
    }
  });
  if (promoted.size > 0) {
    const list = [...promoted].sort((a, b) => a - b).map((k) => top[k]!);
    out.push({
      messageId: 'overviewPromoted',
      range: headingRange(list[0]!.s),
      data: { headings: list.map((t) => `“${t.s.heading}”`), count: list.length },
    });
  }

  // Template positions: the last top-level section of each kind (after an overview block numbered on its own,
  // the statutory block comes last); for problems the first one that is not a forward plan.
  const chosen = new Map<SectionKey, Top>();
  top.forEach((t, k) => {
    if (promoted.has(k)) return;
    const key = contentKey(t.s, input);
    if (!key || TEMPLATE_ORDINAL[key] === null) return;
    if (key === 'problems') {
      const current = chosen.get(key);
      if (!current || (current.s.plan && !t.s.plan)) chosen.set(key, t);
      return;
    }
    chosen.set(key, t);
  });
  const deltas: Array<{ t: Top; key: SectionKey; expected: number; delta: number }> = [];
  for (const [key, t] of chosen) {
    const expected = TEMPLATE_ORDINAL[key]!;
    if (t.ordinal !== expected) deltas.push({ t, key, expected, delta: t.ordinal - expected });
  }
  deltas.sort((a, b) => a.t.s.headingStart - b.t.s.headingStart);
  const counts = new Map<number, number>();
  for (const d of deltas) counts.set(d.delta, (counts.get(d.delta) ?? 0) + 1);
  let blockDelta: number | null = null;
  for (const [delta, n] of counts) if (n >= 2 && (blockDelta === null || n > counts.get(blockDelta)!)) blockDelta = delta;
  const block = deltas.filter((d) => d.delta === blockDelta);
  if (block.length > 0) {
    out.push({
      messageId: 'shifted',
      range: headingRange(block[0]!.t.s),
      data: {
        headings: block.map((d) => `“${d.t.s.heading}”应为“${chineseOrdinal(d.expected)}、”`),
        headingsEn: block.map((d) => `“${d.t.s.heading}” should be “${chineseOrdinal(d.expected)}、”`),
        count: block.length,
        offset: Math.abs(blockDelta!),
        direction: blockDelta! < 0 ? '少' : '多',
        directionEn: blockDelta! < 0 ? 'too low' : 'too high',
      },
      expected: block.map((d) => d.expected),
      actual: block.map((d) => d.t.ordinal),
    });
  }
  for (const d of deltas) {
    if (d.delta === blockDelta) continue;
    out.push({
      messageId: 'mismatch',
      range: headingRange(d.t.s),
      data: {
        heading: d.t.s.heading,
        part: PART_NAMES[d.key],
        expected: chineseOrdinal(d.expected),
        actual: chineseOrdinal(d.t.ordinal),
        via: d.t.s.key ? 'heading' : 'table',
      },
      expected: d.expected,
      actual: d.t.ordinal,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Parentheses of second-level ordinals, compared in the source
// ---------------------------------------------------------------------------

/** Row labels of 表三 read as （一）…（七） headings: the template prints them full-width, whatever the prose does. */
const TABLE_ROW_TITLE = /^(?:予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|总计)/u;

export function checkParentheses(input: StructureInput): StructureFinding[] {
  if (!input.sourceSlice) return [];
  const ranges = input.tableRanges ?? [];
  const half: SectionInfo[] = [];
  const full: SectionInfo[] = [];
  for (const s of input.sections) {
    if (s.depth !== 2 || s.ordinal === null || TABLE_ROW_TITLE.test(s.title)) continue;
    if (ranges.some(([a, b]) => s.headingStart >= a && s.headingStart < b)) continue;
    const head = input.sourceSlice(s.headingStart, Math.min(s.headingEnd, s.headingStart + 8));
    const h = head.indexOf('(');
    const f = head.indexOf('（');
    if (h < 0 && f < 0) continue;
    if (f < 0 || (h >= 0 && h < f)) half.push(s);
    else full.push(s);
  }
  if (half.length === 0 || full.length === 0) return [];
  // Point at the first heading of the less used style.
  const minority = half.length < full.length ? half : half.length > full.length ? full : half[0]!.headingStart > full[0]!.headingStart ? half : full;
  const first = minority[0]!;
  return [
    {
      messageId: 'mixedParentheses',
      range: headingRange(first),
      data: {
        half: half.length,
        full: full.length,
        heading: input.sourceSlice(first.headingStart, first.headingEnd).trim(),
        style: minority === half ? '半角“(一)”' : '全角“（一）”',
        styleEn: minority === half ? 'half-width “(一)”' : 'full-width “（一）”',
      },
      expected: minority === half ? '（' : '(',
      actual: minority === half ? '(' : '（',
    },
  ];
}

// ---------------------------------------------------------------------------
// The intro's part count
// ---------------------------------------------------------------------------

const PART_COUNT = /([一二三四五六七八九十]|\d{1,2})(?:个|大)?部分(?!公开)/gu;
const LIST_KEYWORDS = ['包括', '包含', '分为', '由', '共'];
const ABOUT_REPORT = /(全文|报告|年报|本文)/u;

export interface IntroPromise {
  count: number;
  /** The count as written (六, 6). */
  written: string;
  /** Kinds of the parts the intro names (by the section classifier). */
  keys: SectionKey[];
  /** The sentence (offsets into the text). */
  range: [number, number];
}

function numeralValue(s: string): number {
  if (/^\d+$/u.test(s)) return Number(s);
  return chineseNumeralValue(s) ?? -1;
}

/** The intro's promise of N parts, searched between the title and the first top-level heading. */
export function findIntroPromise(text: string, from: number, to: number): IntroPromise | null {
  const end = Math.min(to, from + 4000);
  if (end <= from) return null;
  const c = compactText(text.slice(from, end));
  const s = c.text;
  PART_COUNT.lastIndex = 0;
  for (let m = PART_COUNT.exec(s); m; m = PART_COUNT.exec(s)) {
    let start = m.index;
    const lo = Math.max(0, m.index - 400);
    while (start > lo && s[start - 1] !== '。' && s[start - 1] !== '\n') start--;
    const sentence = s.slice(start, m.index);
    if (!ABOUT_REPORT.test(sentence)) continue;
    let kw = -1;
    let kwLength = 0;
    for (const k of LIST_KEYWORDS) {
      const at = sentence.indexOf(k);
      if (at >= 0 && (kw < 0 || at < kw)) [kw, kwLength] = [at, k.length];
    }
    if (kw < 0) continue;
    const count = numeralValue(m[1]!);
    if (count < 2) continue;
    const listed = sentence.slice(kw + kwLength).replace(/(?:等|共|计|这|合计){1,4}$/u, '');
    const keys = new Set<SectionKey>();
    for (const part of listed.split(/[、,;]|以及/u)) {
      const key = classifyHeading(part).key;
      if (key) keys.add(key);
    }
    const [a, b] = originalRange(c, start, m.index + m[0].length);
    return { count, written: m[1]!, keys: [...keys], range: [from + a, from + b] };
  }
  return null;
}

export function checkIntro(input: StructureInput): StructureFinding[] {
  const top = topLevel(input.sections);
  if (top.length === 0) return [];
  const from = input.title && input.title.end <= top[0]!.s.headingStart ? input.title.end : 0;
  const promise = findIntroPromise(input.text, from, top[0]!.s.headingStart);
  if (!promise) return [];
  const bodyKeys = new Set(top.map((t) => contentKey(t.s, input)).filter((k): k is SectionKey => k !== null));
  const missing = promise.keys.filter((k) => !bodyKeys.has(k));
  if (promise.count === top.length && missing.length === 0) return [];
  return [
    {
      messageId: 'introMismatch',
      range: promise.range,
      data: {
        promised: promise.written,
        promisedCount: promise.count,
        actual: top.length,
        headings: top.map((t) => t.s.heading),
        missing: missing.map((k) => `“${PART_NAMES[k]}”`),
        missingText: missing.length > 0 ? `；引言列出的${missing.map((k) => `“${PART_NAMES[k]}”`).join('')}没有对应的一级标题` : '',
        missingTextEn: missing.length > 0 ? `; the intro names ${missing.map((k) => `“${PART_NAMES[k]}”`).join(', ')} but no top-level heading has it` : '',
      },
      expected: promise.count,
      actual: top.length,
    },
  ];
}

// ---------------------------------------------------------------------------
// Title
// ---------------------------------------------------------------------------

const TRANSMITTAL = /关于(?:报送|上报|呈报|报请|报备)[^。\n]{0,60}?(?:报告|年报)|现将[^。\n]{0,60}?(?:报送|上报|呈报|报上)/u;
const SENTENCE = /[。,;!?]/u;

function contentLines(input: StructureInput, max: number): Array<{ start: number; end: number; text: string }> {
  const out: Array<{ start: number; end: number; text: string }> = [];
  for (const l of input.lines) {
    if (out.length >= max) break;
    if (l.chrome) continue;
    const t = l.text.trim();
    if (t.length === 0 || !/\p{Script=Han}/u.test(t) || isChromeLine(t)) continue;
    const lead = l.text.length - l.text.trimStart().length;
    out.push({ start: l.start + lead, end: l.start + lead + t.length, text: t });
  }
  return out;
}

export function checkTitle(input: StructureInput): StructureFinding[] {
  const out: StructureFinding[] = [];
  const first = contentLines(input, 5);
  for (const l of first) {
    const m = TRANSMITTAL.exec(l.text);
    if (m) {
      out.push({ messageId: 'transmittal', range: [l.start, l.end], data: { line: l.text, phrase: m[0] } });
      break;
    }
  }
  const title = input.title;
  if (title) {
    const t = title.text.replace(/\s+/gu, '');
    if (!t.includes('年度报告') && t.includes('年报')) {
      out.push({
        messageId: 'informalTitle',
        range: [title.start, title.end],
        data: { title: t, reason: '用“年报”代替“年度报告”', reasonEn: '“年报” instead of “年度报告”' },
      });
    } else if (!t.includes('信息公开')) {
      out.push({
        messageId: 'informalTitle',
        range: [title.start, title.end],
        data: { title: t, reason: '没有写明“政府信息公开”', reasonEn: 'it does not say “政府信息公开”' },
      });
    }
    return out;
  }
  const candidate = first.find((l) => !isIssuerLine(l.text));
  if (candidate && candidate.text.length <= 60 && !SENTENCE.test(candidate.text)) {
    out.push({ messageId: 'wrongTitle', range: [candidate.start, candidate.end], data: { title: candidate.text } });
  } else if (candidate && !out.some((f) => f.messageId === 'transmittal')) {
    const shown = candidate.text.length > 30 ? `${candidate.text.slice(0, 30)}…` : candidate.text;
    out.push({ messageId: 'missingTitle', range: [candidate.start, candidate.end], data: { first: shown } });
  }
  return out;
}

// ---------------------------------------------------------------------------
// All checks
// ---------------------------------------------------------------------------

export function checkStructure(input: StructureInput, options: Partial<StructureOptions> = {}): StructureFinding[] {
  const opts = { ...DEFAULT_OPTIONS, ...options };
  const out: StructureFinding[] = [];
  if (opts.title) out.push(...checkTitle(input));
  if (opts.intro) out.push(...checkIntro(input));
  if (opts.numbering) out.push(...checkNumbering(input));
  if (opts.parentheses) out.push(...checkParentheses(input));
  return out.sort((a, b) => a.range[0] - b.range[0]);
}

export default defineRule({
  meta: {
    id: RULE_ID,
    impact: 'moderate',
    docs: {
      description: {
        'zh-CN':
          '报告结构规范：一级标题序号连续、不重复（总体情况的分项不应编为一级标题，法定部分的序号与年度报告格式一致），二级标题括号半角全角统一，引言所说的“共×个部分”与正文一致，标题写明“政府信息公开工作年度报告”而不是工作报告或报送函',
        en:
          'The structure is orderly: top-level ordinals run without restarts or gaps (overview aspects are not top-level sections; statutory parts carry their template numbers), second-level parentheses are of one width, the parts the intro announces match the body, and the title names a 政府信息公开工作年度报告 rather than a work report or a cover letter',
      },
      requires:
        'report text only (sections and title come from it); the report year (model.era) for the checks against the template numbering, which are skipped without it',
    },
    messages: messagesFor(RULE_ID, {
      restart: 'warning',
      gap: 'warning',
      overviewPromoted: 'warning',
      shifted: 'warning',
      mismatch: 'warning',
      mixedParentheses: 'info',
      introMismatch: 'warning',
      wrongTitle: 'warning',
      transmittal: 'warning',
      informalTitle: 'info',
      missingTitle: 'info',
    }),
    schema: {
      type: 'object',
      properties: {
        numbering: { type: 'boolean' },
        parentheses: { type: 'boolean' },
        intro: { type: 'boolean' },
        title: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    defaultOptions: { ...DEFAULT_OPTIONS },
  },
  create(context) {
    return {
      'root:exit'() {
        const { model } = context;
        if (model.text.trim().length === 0) {
          context.inapplicable(inLocale(context.locale, { 'zh-CN': '报告正文为空，无从检查结构', en: 'the report text is empty: there is no structure to check' }));
          return;
        }
        const findings = checkStructure(
          {
            text: model.text,
            sections: model.sections,
            era: model.era,
            title: model.title,
            lines: model.lines,
            tables: model.tables,
            tableRanges: model.tableRanges,
            sourceSlice: model.sourceSlice,
          },
          context.options as Partial<StructureOptions>,
        );
        for (const f of findings) {
          context.report({ messageId: f.messageId, range: f.range, data: f.data, expected: f.expected, actual: f.actual });
        }
      },
    };
  },
});
