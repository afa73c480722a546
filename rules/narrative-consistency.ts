/**
 * narrative-consistency — the counts written in the narrative agree with the tables
 * (spec/defects.md NARRATIVE_TABLE_MISMATCH, PLACEHOLDER_OR_VAGUE_NUMBER, SCOPE_CONFUSION;
 * spec/tables.md §2.3 N-checks, T4-5, P-14; spec/signals.md §7).
 *
 * What it reads:
 * - counts 「N件/条/次…」 in the narrative (the text outside the recognised tables), each with a
 *   category taken from its left context — the nearest category word after the sentence start and after
 *   the previous count: 申请/收到/受理 → 表三 一[总计]; 上年结转 → 二; 办结/答复 → （七）总计; 结转下年度 → 四;
 *   予以公开 → （一）; 部分公开 → （二）; 予以公开及部分公开 → （一）+（二）; 不予公开 → Σ（三）; 无法提供 → Σ（四）;
 *   不予处理 → Σ（五）; 其他处理 → Σ（六）; 行政复议 / 行政诉讼 (and their 维持/纠正/其他结果/尚未审结) → 表四;
 *   规章 / 规范性文件 with a verb (公开/制发/印发 → 本年制发件数; 废止; 现行有效) → 表二; in the pre-2019 statistics
 *   table also 主动公开 → （一）主动公开政府信息数 and 信息处理费/收费 → 七. A count after 其中/含/包括 that names no
 *   category of its own, or a total after 「等」, is a part of something else and is not compared;
 * - a percentage written right after a count (「208 件（17.46%）」) is recomputed on the 办结 base (（七）总计;
 *   also accepted: 一 + 二, or 一), to the decimals printed;
 * - statements without digits: 「未收到…申请」 requires 一[总计] = 0; 「未发生…复议/诉讼」 requires the 表四
 *   totals = 0; 「未被…纠错」 requires 结果纠正 = 0; 「均获维持」 requires 纠正 = 其他 = 尚未审结 = 0 (T4-5);
 * - without any table: approximate counts (「92余条」, 「755多条」, 「若干件」), placeholders (a measure word with no
 *   number: 「主动公开信息  条」; template blanks 「XX」「××」「＿＿」), and reconsideration/litigation counts whose
 *   sentence does not restrict them to disclosure cases (SCOPE_CONFUSION, info).
 *
 * Every mismatch is a warning (the narrative may count a different scope): when the sentence names a scope
 * (「区政府办代表区政府」, 「本机关」, 「全市」…) the finding says so (`scopeMismatch`). A count equal to the
 * statistics table's （一）+（二） is the narrative side of P-14 double counting (`doubleCounted`; the
 * table-side P-5 is reported by tables-reconcile).
 *
 * Inapplicable when the report has no recognised table with numbers AND none of the table-free checks
 * (vague numbers, placeholders, review scope) finds anything.
 *
 * Matching runs on a compacted copy of the narrative (line wraps and spaces removed), so a sentence broken
 * over lines by a PDF extraction is still read; offsets map back to `model.text`. Every regular expression
 * is linear: bounded repetition only, no nested quantifiers.
 */
import { cellNumber, compactText, defineRule, leafRows, narrativeText, numberOption, originalRange, rowLabel, TABLE_NAME, TABLE_NAME_EN, tableOf, type CompactText } from '../src/kit/index';
import type { RecognisedTable, ReportModel, TemplateDefinition } from '../src/types';
import { messagesFor, inLocale } from './locales/index';

const RULE_ID = 'narrative-consistency';

// ---------------------------------------------------------------------------
// Categories
// ---------------------------------------------------------------------------

export type Category =
  | 'received'
  | 'carried'
  | 'closed'
  | 'carryOver'
  | 'public'
  | 'partial'
  | 'publicOrPartial'
  | 'refused'
  | 'unable'
  | 'notHandled'
  | 'otherHandling'
  | 'review'
  | 'litigation'
  | 'upheld'
  | 'corrected'
  | 'otherResult'
  | 'pending'
  | 'fee'
  | 'proactive'
  | 'regulations'
  | 'normative';

/** Chinese names of the categories (for messages). */
export const CATEGORY_LABEL: Record<Category, string> = {
  received: '收到（受理）申请数',
  carried: '上年结转申请数',
  closed: '办结（答复）数',
  carryOver: '结转下年度办理数',
  public: '予以公开数',
  partial: '部分公开数',
  publicOrPartial: '予以公开及部分公开数',
  refused: '不予公开数',
  unable: '无法提供数',
  notHandled: '不予处理数',
  otherHandling: '其他处理数',
  review: '行政复议数',
  litigation: '行政诉讼数',
  upheld: '结果维持数',
  corrected: '结果纠正数',
  otherResult: '其他结果数',
  pending: '尚未审结数',
  fee: '信息处理费',
  proactive: '主动公开信息数',
  regulations: '规章件数',
  normative: '规范性文件件数',
};

const CATEGORY_LABEL_EN: Record<Category, string> = {
  received: 'applications received',
  carried: 'applications carried over from last year',
  closed: 'applications closed',
  carryOver: 'applications carried into next year',
  public: 'disclosed',
  partial: 'partly disclosed',
  publicOrPartial: 'disclosed or partly disclosed',
  refused: 'refused',
  unable: 'unable to provide',
  notHandled: 'not handled',
  otherHandling: 'otherwise handled',
  review: 'administrative reconsiderations',
  litigation: 'administrative lawsuits',
  upheld: 'upheld',
  corrected: 'corrected',
  otherResult: 'other results',
  pending: 'pending',
  fee: 'information processing fees',
  proactive: 'items proactively disclosed',
  regulations: 'regulations',
  normative: 'normative documents',
};

/** Category words, longest first in the pattern. 'generic' words need 申请 nearby and lose to any specific word. */
const KEYWORDS: ReadonlyArray<[string, Category, 'specific' | 'generic']> = [
  ['予以公开及部分公开', 'publicOrPartial', 'specific'],
  ['予以公开和部分公开', 'publicOrPartial', 'specific'],
  ['予以公开或部分公开', 'publicOrPartial', 'specific'],
  ['全部公开和部分公开', 'publicOrPartial', 'specific'],
  ['公开及部分公开', 'publicOrPartial', 'specific'],
  ['公开和部分公开', 'publicOrPartial', 'specific'],
  ['部分公开', 'partial', 'specific'],
  ['不同意公开', 'refused', 'specific'],
  ['不予公开', 'refused', 'specific'],
  ['予以公开', 'public', 'specific'],
  ['同意公开', 'public', 'specific'],
  ['全部公开', 'public', 'specific'],
  ['无法提供', 'unable', 'specific'],
  ['不予处理', 'notHandled', 'specific'],
  ['其他处理', 'otherHandling', 'specific'],
  ['上年度结转', 'carried', 'specific'],
  ['上年结转', 'carried', 'specific'],
  ['结转上年', 'carried', 'specific'],
  ['下年度继续办理', 'carryOver', 'specific'],
  ['结转至下一年', 'carryOver', 'specific'],
  ['结转到下一年', 'carryOver', 'specific'],
  ['结转下一年', 'carryOver', 'specific'],
  ['结转下年', 'carryOver', 'specific'],
  ['转入下一年', 'carryOver', 'specific'],
  ['转下一年', 'carryOver', 'specific'],
  ['转入下年', 'carryOver', 'specific'],
  ['转下年', 'carryOver', 'specific'],
  ['行政复议', 'review', 'specific'],
  ['复议', 'review', 'specific'],
  ['行政诉讼', 'litigation', 'specific'],
  ['诉讼', 'litigation', 'specific'],
  ['结果维持', 'upheld', 'specific'],
  ['维持', 'upheld', 'specific'],
  ['结果纠正', 'corrected', 'specific'],
  ['纠正', 'corrected', 'specific'],
  ['纠错', 'corrected', 'specific'],
  ['其他结果', 'otherResult', 'specific'],
  ['尚未审结', 'pending', 'specific'],
  ['未审结', 'pending', 'specific'],
  ['信息处理费', 'fee', 'specific'],
  ['处理费', 'fee', 'specific'],
  ['收取费用', 'fee', 'specific'],
  ['收费', 'fee', 'specific'],
  ['主动公开', 'proactive', 'specific'],
  ['规章', 'regulations', 'specific'],
  ['规范性文件', 'normative', 'specific'],
  ['收到', 'received', 'generic'],
  ['受理', 'received', 'generic'],
  ['接收', 'received', 'generic'],
  ['接到', 'received', 'generic'],
  ['新收', 'received', 'generic'],
  ['办结', 'closed', 'generic'],
  ['答复', 'closed', 'generic'],
];

const KEYWORD_INFO = new Map(KEYWORDS.map(([word, category, kind]) => [word, { category, kind }]));
const KEYWORD_RE = new RegExp(
  `(${[...KEYWORDS].map(([w]) => w).sort((a, b) => b.length - a.length).join('|')})`,
  'gu',
);

const T4_OUTCOME: Partial<Record<Category, string>> = { upheld: 'upheld', corrected: 'corrected', otherResult: 'other', pending: 'pending' };
/** Outcome categories of 表三 whose percentages are computed on the 办结 base. */
const PERCENT_CATEGORIES = new Set<Category>([
  'public', 'partial', 'publicOrPartial', 'refused', 'unable', 'notHandled', 'otherHandling', 'carryOver', 'closed',
]);

// ---------------------------------------------------------------------------
// Extraction
// ---------------------------------------------------------------------------

export interface NarrativePercent {
  value: number;
  decimals: number;
  start: number;
  end: number;
}

export interface NarrativeCount {
  /** The number as read (thousands separators removed). */
  value: number;
  /** The measure word: 件, 条, 次, 个, 万元 … */
  unit: string;
  /** 「余」/「多」 after the number. */
  approx: string | null;
  /** Range of the number and its measure word in the analysed text. */
  start: number;
  end: number;
  /** Range of the category word to the measure word (the statement), in the analysed text. */
  statementStart: number;
  category: Category | null;
  keyword: string | null;
  /** For 表四 outcomes and generic words: the case type the sentence is about. */
  parent: 'review' | 'litigation' | null;
  /** For 规章/规范性文件: the verb (公开, 制发, 废止, 现行有效 …). */
  verb: string | null;
  /** A scope word in the sentence before the number (政府办, 本机关, 全市 …), or null. */
  scope: string | null;
  /** The sentence restricts the count to disclosure (信息公开, 依申请 …). */
  disclosureQualified: boolean;
  /** The sentence context mentions disclosure work at all (公开, 信息, 申请 …). */
  disclosureContext: boolean;
  /** The compact statement (category word to measure word), for messages. */
  excerpt: string;
  percent: NarrativePercent | null;
}

// A count: a number (thousands separators allowed), 余/多, a measure word. Linear: no nested quantifiers.
const COUNT_RE = /(?<![\d.])(\d{1,3}(?:,\d{3}){1,4}(?:\.\d{1,4})?|\d{1,12}(?:\.\d{1,4})?)(余|多)?(人次|万元|条|件|次|个|人|篇|期|元|项)/gu;
const AFTER_UNIT_SKIP = /^(?:工作日|百分点|小时|月|年|周|季度)/u;
const SENTENCE_END = new Set(['。', ';', '!', '?', '\n', '；', '！', '？']);
const SUB_MARKER = /(其中|含|包括|包含)/u;
const SCOPE_RE = /(政府办公室|政府办公厅|政府办|办公室|办公厅|本机关|本级|本部门|本单位|代表[省市县区镇乡]?(?:人民)?政府|全市|全县|全区|全省|全镇|全乡|全旗|各镇|各乡镇|各街道|各部门|各单位|各级|全系统|系统内)/u;
const DISCLOSURE_QUALIFIER = /(信息公开|政务公开|依申请|公开申请|公开类|公开工作)/u;
const APPLICATION_QUALIFIER = /(信息公开|公开申请|依申请|政府信息)/u;
const DISCLOSURE_CONTEXT = /(公开|信息|申请|发布|解读|回应|复议|诉讼)/u;
const DOC_VERB_RE = /(现行有效|废止|失效|制发|印发|出台|发布|公开|清理|审查|备案|修订|修改|梳理|起草)/gu;
const CARRY_AFTER = /^(?:均)?(?:顺延|结转|转入|转至|转到)(?:至|到)?下/u;
const PERCENT_AFTER = /^(?:\(|,)?(?:占比|占|比例为|比例|比重为)?(\d{1,3}(?:\.\d{1,4})?)%/u;

function sentenceStart(c: string, pos: number, limit = 160): number {
  const from = Math.max(0, pos - limit);
  for (let i = pos - 1; i >= from; i--) if (SENTENCE_END.has(c[i]!)) return i + 1;
  return from;
}

function sentenceEnd(c: string, pos: number, limit = 160): number {
  const to = Math.min(c.length, pos + limit);
  for (let i = pos; i < to; i++) if (SENTENCE_END.has(c[i]!)) return i;
  return to;
}

/** True when `pos` lies inside 《…》, “…” or 「…」 opened after `from` (titles, names, slogans). */
function insideQuote(c: string, from: number, pos: number): boolean {
  let book = 0;
  let quote = 0;
  for (let i = from; i < pos; i++) {
    const ch = c[i];
    if (ch === '《') book++;
    else if (ch === '》') book = Math.max(0, book - 1);
    else if (ch === '“' || ch === '「') quote++;
    else if (ch === '”' || ch === '」') quote = Math.max(0, quote - 1);
  }
  return book > 0 || quote > 0;
}

function lastMatch(re: RegExp, s: string): { index: number; text: string } | null {
  let found: { index: number; text: string } | null = null;
  re.lastIndex = 0;
  for (const m of s.matchAll(re)) found = { index: m.index!, text: m[0] };
  return found;
}

export interface ExtractOptions {
  /** Characters of left context searched for a category word (default 30). */
  window?: number;
}

/**
 * Reads the counts of a narrative text (normalised; tables already masked, see `narrativeText`).
 * Offsets in the result are into `text`.
 */
export function extractCounts(text: string, options: ExtractOptions = {}): NarrativeCount[] {
  const windowSize = options.window ?? 30;
  const c = compactText(text);
  const s = c.text;
  const out: NarrativeCount[] = [];
  let prevEnd = 0;
  for (const m of s.matchAll(COUNT_RE)) {
    const numStart = m.index!;
    const numEnd = numStart + m[0].length;
    const sStart = sentenceStart(s, numStart);
    const before = numStart > 0 ? s[numStart - 1] : '';
    const after = s.slice(numEnd, numEnd + 16);
    const thisPrevEnd = prevEnd;
    prevEnd = numEnd;
    if (before === '第' || AFTER_UNIT_SKIP.test(after)) continue;
    if (insideQuote(s, sStart, numStart)) continue;
    const value = Number(m[1]!.replace(/,/gu, ''));
    if (!Number.isFinite(value)) continue;
    const wStart = Math.max(sStart, thisPrevEnd > sStart ? thisPrevEnd : sStart, numStart - windowSize);
    const window = s.slice(wStart, numStart);
    const sentenceBefore = s.slice(sStart, numStart);
    // Category: the nearest specific word; a generic word only when no specific word is in the window.
    let chosen: { index: number; text: string; category: Category } | null = null;
    let generic: { index: number; text: string; category: Category } | null = null;
    KEYWORD_RE.lastIndex = 0;
    for (const k of window.matchAll(KEYWORD_RE)) {
      const info = KEYWORD_INFO.get(k[0])!;
      const hit = { index: k.index!, text: k[0], category: info.category };
      if (info.kind === 'specific') chosen = hit;
      else generic = hit;
    }
    let category: Category | null = null;
    let keyword: string | null = null;
    let keywordIndex = -1;
    let parent: 'review' | 'litigation' | null = null;
    const lastCase = lastMatch(/(复议|诉讼)/gu, sentenceBefore);
    if (lastCase) parent = lastCase.text === '复议' ? 'review' : 'litigation';
    if (chosen) {
      category = chosen.category;
      keyword = chosen.text;
      keywordIndex = chosen.index;
    } else if (generic) {
      const tail = window.slice(generic.index);
      const near = window.length - (generic.index + generic.text.length) <= 4;
      // 受理/收到 … 申请 N 件; 答复/办结 N 件 in a sentence about applications, not about reconsideration.
      // The sentence must be about disclosure requests (not 审批申请, 来信, 政务服务事项).
      const aboutApplications =
        APPLICATION_QUALIFIER.test(sentenceBefore) && (generic.category === 'received' ? tail.includes('申请') : near);
      if (aboutApplications && parent === null) {
        category = generic.category;
        keyword = generic.text;
        keywordIndex = generic.index;
      }
    }
    // 「另有 103 件顺延到下年度答复」: the category follows the number.
    if (category === null && CARRY_AFTER.test(after)) {
      category = 'carryOver';
      keyword = after.match(/(顺延|结转|转入|转至|转到)/u)?.[0] ?? null;
      keywordIndex = -1;
    }
    if (category !== null && keywordIndex >= 0) {
      const between = window.slice(keywordIndex + (keyword?.length ?? 0));
      // A part of something else (「…规章 22 件（其中修订 16 件）」 is caught by the window; here 「文件等 243 件」,
      // 「复议 3 件，含…」) is not compared.
      if (between.includes('等') || SUB_MARKER.test(between)) category = null;
    }
    if (category !== null && T4_OUTCOME[category] !== undefined && parent === null) category = null;
    let verb: string | null = null;
    if (category === 'regulations' || category === 'normative') {
      verb = lastMatch(DOC_VERB_RE, sentenceBefore)?.text ?? null;
    }
    const scope = sentenceBefore.match(SCOPE_RE)?.[0] ?? null;
    const pm = PERCENT_AFTER.exec(after);
    let percent: NarrativePercent | null = null;
    if (pm) {
      const pStart = numEnd + pm.index + pm[0].indexOf(pm[1]!);
      const [ps, pe] = originalRange(c, pStart, numEnd + pm.index + pm[0].length);
      percent = { value: Number(pm[1]), decimals: pm[1]!.includes('.') ? pm[1]!.split('.')[1]!.length : 0, start: ps, end: pe };
    }
    const stmtStart = keywordIndex >= 0 ? wStart + keywordIndex : numStart;
    const [start, end] = originalRange(c, numStart, numEnd);
    const [statementStart] = originalRange(c, stmtStart, numEnd);
    const sentence = s.slice(sStart, sentenceEnd(s, numEnd));
    out.push({
      value,
      unit: m[3]!,
      approx: m[2] ?? null,
      start,
      end,
      statementStart,
      category,
      keyword,
      parent,
      verb,
      scope,
      disclosureQualified: DISCLOSURE_QUALIFIER.test(sentence),
      disclosureContext: category !== null || DISCLOSURE_CONTEXT.test(sentenceBefore),
      excerpt: excerptOf(s, stmtStart, numStart, numEnd),
      percent,
    });
  }
  return out;
}

function excerptOf(s: string, stmtStart: number, numStart: number, end: number): string {
  // From the category word to the measure word; without one, the clause (up to 24 characters) before it.
  let from = stmtStart;
  if (stmtStart >= numStart) {
    from = Math.max(0, numStart - 12);
    for (let i = numStart - 1; i >= Math.max(0, numStart - 24); i--) {
      if (/[,.:;、(\n。]/u.test(s[i]!)) {
        from = i + 1;
        break;
      }
    }
  }
  from = Math.max(from, end - 40);
  while (from < end && /[,.:;、)\n]/u.test(s[from]!)) from++;
  return s.slice(from, end);
}

// ---------------------------------------------------------------------------
// Vague numbers and placeholders (no table needed)
// ---------------------------------------------------------------------------

export type VagueKind = 'approximate' | 'indefinite' | 'missingNumber' | 'templateBlank';

export interface VagueNumber {
  kind: VagueKind;
  /** The marker: 余, 多, 若干, the measure word without a number, XX … */
  marker: string;
  excerpt: string;
  start: number;
  end: number;
}

const INDEFINITE_RE = /若干(?:条|件|次|个|项|篇|期)/gu;
const MISSING_NUMBER_RE = /(信息|申请|受理|收到|办结|答复|公开)(条|件|次)(?=[,.;:、)。!?\n]|$)/gu;
const TEMPLATE_BLANK_RE = /(?<![A-Za-z])(?:X{2,4}|×{2,4})(?![A-Za-z])|(?<![A-Za-z])X(?=[年月日件条次个项])|_{2,8}|＿{2,8}/gu;

export interface VagueOptions {
  /** 'disclosure' (default): approximate counts only where the sentence is about disclosure; 'all': any; 'off': none. */
  approximate?: 'disclosure' | 'all' | 'off';
}

/** Approximate counts, indefinite 若干, measure words without a number and template blanks. */
export function findVagueNumbers(text: string, counts: readonly NarrativeCount[], options: VagueOptions = {}): VagueNumber[] {
  const scope = options.approximate ?? 'disclosure';
  const out: VagueNumber[] = [];
  for (const n of counts) {
    if (!n.approx || scope === 'off') continue;
    if (scope === 'disclosure' && !n.disclosureContext) continue;
    out.push({ kind: 'approximate', marker: n.approx, excerpt: n.excerpt, start: n.start, end: n.end });
  }
  const c = compactText(text);
  const s = c.text;
  const push = (kind: VagueKind, marker: string, ms: number, me: number) => {
    const from = Math.max(sentenceStart(s, ms, 24), ms - 16);
    if (insideQuote(s, sentenceStart(s, ms), ms)) return;
    const [start, end] = originalRange(c, ms, me);
    out.push({ kind, marker, excerpt: s.slice(from, Math.min(s.length, me + 4)).replace(/\n/gu, ''), start, end });
  };
  for (const m of s.matchAll(INDEFINITE_RE)) push('indefinite', '若干', m.index!, m.index! + m[0].length);
  for (const m of s.matchAll(MISSING_NUMBER_RE)) {
    const at = m.index! + m[1]!.length;
    push('missingNumber', m[2]!, m.index!, at + 1);
  }
  for (const m of s.matchAll(TEMPLATE_BLANK_RE)) {
    const [os, oe] = originalRange(c, m.index!, m.index! + m[0].length);
    // A Markdown thematic break (a line of underscores only) is not a blank.
    if (m[0].startsWith('_') || m[0].startsWith('＿')) {
      const lineStart = text.lastIndexOf('\n', os) + 1;
      let lineEnd = text.indexOf('\n', oe);
      if (lineEnd < 0) lineEnd = text.length;
      if (/^[\s_＿*-]{0,200}$/u.test(text.slice(lineStart, Math.min(lineEnd, lineStart + 200)))) continue;
    }
    push('templateBlank', m[0], m.index!, m.index! + m[0].length);
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

// ---------------------------------------------------------------------------
// Statements without digits
// ---------------------------------------------------------------------------

export type ClaimKind = 'noApplications' | 'noCases' | 'noCorrection' | 'allUpheld';

export interface NarrativeClaim {
  kind: ClaimKind;
  /** The case types the claim is about (noCases, noCorrection, allUpheld). */
  about: Array<'review' | 'litigation'>;
  excerpt: string;
  start: number;
  end: number;
}

const NEGATION_RE = /(未曾|尚未|没有|未|无)(被|发生|出现|收到|接到|接收到|接收|受理|提起|产生)/gu;
const NO_APPLICATION_RE = /(?:本年度|全年|今年|年内|本年)(?:无|没有)(?:政府信息公开|依申请公开|信息公开)?申请/gu;
const ALL_UPHELD_RE = /(均|全部|都)(?:获|被|已|依法)?(?:予以)?维持/gu;
const CORRECTION_RE = /(纠错|纠正|败诉|撤销|确认违法)/u;

function casesIn(s: string): Array<'review' | 'litigation'> {
  const out: Array<'review' | 'litigation'> = [];
  if (s.includes('复议')) out.push('review');
  if (s.includes('诉讼') || s.includes('起诉')) out.push('litigation');
  return out;
}

/** 「未收到…申请」, 「未发生…复议、诉讼」, 「未被…纠错」, 「均获维持」 in a narrative text (tables masked). */
export function findClaims(text: string): NarrativeClaim[] {
  const c = compactText(text);
  const s = c.text;
  const out: NarrativeClaim[] = [];
  const push = (kind: ClaimKind, about: Array<'review' | 'litigation'>, ms: number, me: number) => {
    const [start, end] = originalRange(c, ms, me);
    out.push({ kind, about, excerpt: s.slice(ms, me), start, end });
  };
  for (const m of s.matchAll(NEGATION_RE)) {
    const ms = m.index!;
    const clauseEnd = Math.min(sentenceEnd(s, ms, 48), ms + 48);
    const clause = s.slice(ms, clauseEnd);
    const cases = casesIn(clause);
    if (CORRECTION_RE.test(clause)) {
      if (cases.length > 0) push('noCorrection', cases, ms, clauseEnd);
    } else if (m[2] === '被') {
      continue;
    } else if (cases.length > 0) {
      push('noCases', cases, ms, clauseEnd);
    } else if (/^(收到|接到|接收到|接收|受理)$/u.test(m[2]!) && clause.includes('申请')) {
      push('noApplications', [], ms, ms + clause.indexOf('申请') + 2);
    }
  }
  for (const m of s.matchAll(NO_APPLICATION_RE)) push('noApplications', [], m.index!, m.index! + m[0].length);
  for (const m of s.matchAll(ALL_UPHELD_RE)) {
    const sStart = sentenceStart(s, m.index!);
    const cases = casesIn(s.slice(sStart, m.index!));
    push('allUpheld', cases.length > 0 ? cases : ['review', 'litigation'], Math.max(sStart, m.index! - 30), m.index! + m[0].length);
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

// ---------------------------------------------------------------------------
// Table values
// ---------------------------------------------------------------------------

export interface TableValue {
  /** The value the narrative should give. */
  value: number;
  /** Other readings accepted as agreeing (e.g. the sum of the parts when a printed total is wrong). */
  alternatives: number[];
  /** Where the value comes from, in Chinese and in English. */
  where: string;
  whereEn: string;
  table: RecognisedTable;
}

const APPLICANT_COLUMNS = ['natural', 'business', 'research', 'welfare', 'legal', 'other'];
const T4_PARTS = ['upheld', 'corrected', 'other', 'pending'];

function sum(values: Array<number | null>): number | null {
  let total = 0;
  for (const v of values) {
    if (v === null) return null;
    total += v;
  }
  return total;
}

function uniq(values: Array<number | null>): number[] {
  const out: number[] = [];
  for (const v of values) if (v !== null && !out.some((o) => Math.abs(o - v) < 1e-9)) out.push(v);
  return out;
}

/** A 表三 row total: the printed 总计, and the sum of the applicant columns. */
function t3Row(t: RecognisedTable, row: string): number[] {
  return uniq([cellNumber(t, row, 'total'), sum(APPLICANT_COLUMNS.map((col) => cellNumber(t, row, col)))]);
}

function t3Rows(t: RecognisedTable, rows: string[]): number[] {
  const printed = sum(rows.map((r) => cellNumber(t, r, 'total')));
  const parts = sum(rows.map((r) => sum(APPLICANT_COLUMNS.map((col) => cellNumber(t, r, col)))));
  return uniq([printed, parts]);
}

/** A 表四 figure: a column of the 行政复议 row, or of both 行政诉讼 rows; totals also as the sum of their parts. */
function t4Value(t: RecognisedTable, rows: string[], column: string): number[] {
  const printed = sum(rows.map((r) => cellNumber(t, r, column)));
  if (column !== 'total') return uniq([printed]);
  const parts = sum(rows.map((r) => sum(T4_PARTS.map((p) => cellNumber(t, r, p)))));
  return uniq([printed, parts]);
}

function rowsWhere(t: RecognisedTable, rows: string[], column?: string): { zh: string; en: string } {
  const labels = rows.map((r) => `“${rowLabel(t, r)}”`).join('与');
  const labelsEn = rows.map((r) => `“${rowLabel(t, r)}”`).join(' + ');
  const col = column ? t.columns.find((c) => c.key === column)?.label ?? column : null;
  return {
    zh: `${TABLE_NAME[t.id]}${labels}${rows.length > 1 ? '之和' : '行'}${col ? `“${col}”列` : ''}`,
    en: `${TABLE_NAME_EN[t.id]} ${labelsEn}${col ? `, column “${col}”` : ''}`,
  };
}

function leavesWhere(t: RecognisedTable, parent: string): { zh: string; en: string } {
  return {
    zh: `${TABLE_NAME[t.id]}“${rowLabel(t, parent)}”各项“总计”之和`,
    en: `${TABLE_NAME_EN[t.id]}: the 总计 of the rows under “${rowLabel(t, parent)}”`,
  };
}

function make(t: RecognisedTable, values: number[], where: { zh: string; en: string }): TableValue | null {
  if (values.length === 0) return null;
  return { value: values[0]!, alternatives: values.slice(1), where: where.zh, whereEn: where.en, table: t };
}

function docColumn(t: RecognisedTable, verb: string | null): string | null {
  if (verb === null) return null;
  if (t.template === 'TPL2021-T2') {
    if (/^(公开|制发|印发|出台|发布)$/u.test(verb)) return 'issued';
    if (verb === '废止' || verb === '失效') return 'repealed';
    if (verb === '现行有效') return 'inForce';
    return null;
  }
  if (t.template === 'TPL2019-T2') {
    if (verb === '公开' || verb === '发布') return 'published';
    if (/^(制发|印发|出台)$/u.test(verb)) return 'made';
    return null;
  }
  return null;
}

export interface ResolveOptions {
  /** Compare 规章/规范性文件 counts with 表二 (default true; not in the spec's N-checks). */
  compareT2?: boolean;
  /** The table templates (`model.templates`), for the leaf rows under a subtotal row of 表三. */
  templates?: readonly TemplateDefinition[];
}

/** The table value a narrative count should equal, or null when no table holds it. */
export function tableValueFor(count: NarrativeCount, tables: readonly RecognisedTable[], options: ResolveOptions = {}): TableValue | null {
  const category = count.category;
  if (category === null) return null;
  const t3 = tableOf(tables, 'T3');
  const t4 = tableOf(tables, 'T4');
  const t2 = tableOf(tables, 'T2');
  const stat = tableOf(tables, 'STAT');
  if (t3) {
    const single: Partial<Record<Category, string>> = { received: 'new', carried: 'carried', closed: 'total', carryOver: 'carryOver', public: 'public', partial: 'partial' };
    const row = single[category];
    if (row) return make(t3, t3Row(t3, row), rowsWhere(t3, [row], 'total'));
    if (category === 'publicOrPartial') return make(t3, t3Rows(t3, ['public', 'partial']), rowsWhere(t3, ['public', 'partial'], 'total'));
    const parent: Partial<Record<Category, string>> = { refused: 'refused', unable: 'unable', notHandled: 'notHandled', otherHandling: 'otherHandling' };
    const p = parent[category];
    if (p) {
      const leaves = leafRows(options.templates ?? [], t3.template, p);
      if (leaves.length > 0) return make(t3, t3Rows(t3, leaves), leaves.length === 1 ? rowsWhere(t3, leaves, 'total') : leavesWhere(t3, p));
    }
  }
  if (t4) {
    if (category === 'review') return make(t4, t4Value(t4, ['review'], 'total'), rowsWhere(t4, ['review'], 'total'));
    if (category === 'litigation') return make(t4, t4Value(t4, ['direct', 'afterReview'], 'total'), rowsWhere(t4, ['direct', 'afterReview'], 'total'));
    const col = T4_OUTCOME[category];
    if (col && count.parent) {
      const rows = count.parent === 'review' ? ['review'] : ['direct', 'afterReview'];
      return make(t4, t4Value(t4, rows, col), rowsWhere(t4, rows, col));
    }
  }
  if (t2 && options.compareT2 !== false && (category === 'regulations' || category === 'normative')) {
    const col = docColumn(t2, count.verb);
    const row = category === 'regulations' ? 'rules' : 'normative';
    if (col) return make(t2, uniq([cellNumber(t2, row, col)]), rowsWhere(t2, [row], col));
  }
  if (stat) {
    const one = (row: string, parts: string[] = []) => {
      const values = uniq([cellNumber(stat, row, 'value'), parts.length > 0 ? sum(parts.map((r) => cellNumber(stat, r, 'value'))) : null]);
      return make(stat, values, rowsWhere(stat, [row]));
    };
    switch (category) {
      case 'received':
        return one('requestsReceived', ['requestsInPerson', 'requestsFax', 'requestsOnline', 'requestsLetter']);
      case 'closed':
        return one('requestsClosed', ['requestsOnTime', 'requestsExtended']);
      case 'public':
        return one('answeredAgreed');
      case 'partial':
        return one('answeredPartly');
      case 'publicOrPartial':
        return make(stat, uniq([sum([cellNumber(stat, 'answeredAgreed', 'value'), cellNumber(stat, 'answeredPartly', 'value')])]), rowsWhere(stat, ['answeredAgreed', 'answeredPartly']));
      case 'refused':
        return one('answeredRefused');
      case 'review':
        return one('review', ['reviewUpheld', 'reviewCorrected', 'reviewOther']);
      case 'litigation':
        return one('litigation', ['litigationUpheld', 'litigationCorrected', 'litigationOther']);
      case 'upheld':
      case 'corrected':
      case 'otherResult': {
        if (!count.parent) return null;
        const suffix = category === 'upheld' ? 'Upheld' : category === 'corrected' ? 'Corrected' : 'Other';
        return one(`${count.parent}${suffix}`);
      }
      case 'proactive':
        return one('activeItems');
      case 'normative':
        if (count.verb === '公开') return one('activeNormDocs');
        if (count.verb && /^(制发|印发|出台)$/u.test(count.verb)) return one('activeNormIssued');
        return null;
      case 'fee': {
        const v = cellNumber(stat, 'fees', 'value');
        if (v === null) return null;
        return make(stat, [v], rowsWhere(stat, ['fees']));
      }
      default:
        return null;
    }
  }
  return null;
}

/** The narrative value in the table's unit (信息处理费 in 元 against the statistics table's 万元). */
function comparable(count: NarrativeCount, tv: TableValue): number {
  if (count.category === 'fee' && tv.table.id === 'STAT' && count.unit === '元') return count.value / 10000;
  return count.value;
}

function agrees(value: number, tv: TableValue): boolean {
  return [tv.value, ...tv.alternatives].some((v) => Math.abs(v - value) < 1e-6);
}

// ---------------------------------------------------------------------------
// Percentages
// ---------------------------------------------------------------------------

export interface PercentBase {
  value: number;
  label: string;
}

/** The bases a percentage of an application outcome may use: 办结 (（七）总计) first, then 一 + 二, then 一. */
export function percentBases(tables: readonly RecognisedTable[]): PercentBase[] {
  const t3 = tableOf(tables, 'T3');
  if (!t3) return [];
  const total = t3Row(t3, 'total')[0] ?? null;
  const received = t3Row(t3, 'new')[0] ?? null;
  const carried = t3Row(t3, 'carried')[0] ?? null;
  const out: PercentBase[] = [];
  if (total !== null && total > 0) out.push({ value: total, label: '办结总数（表三（七）总计）' });
  if (received !== null && carried !== null && received + carried > 0) out.push({ value: received + carried, label: '新收与上年结转之和' });
  if (received !== null && received > 0) out.push({ value: received, label: '本年新收申请数' });
  return out;
}

/** True when `printed` (with `decimals` decimals) is `part / base` rounded, within `tolerance` points. */
export function percentAgrees(part: number, base: number, printed: number, decimals: number, tolerance = 0): boolean {
  const exact = (part / base) * 100;
  return Math.abs(exact - printed) <= 0.5 * 10 ** -decimals + tolerance + 1e-9;
}

function roundTo(value: number, decimals: number): string {
  return value.toFixed(Math.max(decimals, 0));
}

// ---------------------------------------------------------------------------
// Claims against the tables
// ---------------------------------------------------------------------------

interface ClaimCheck {
  value: number;
  where: string;
  whereEn: string;
}

function claimValue(claim: NarrativeClaim, tables: readonly RecognisedTable[]): ClaimCheck | null {
  const t3 = tableOf(tables, 'T3');
  const t4 = tableOf(tables, 'T4');
  const stat = tableOf(tables, 'STAT');
  const rowsOf = (c: 'review' | 'litigation') => (c === 'review' ? ['review'] : ['direct', 'afterReview']);
  if (claim.kind === 'noApplications') {
    if (t3) {
      const v = t3Row(t3, 'new')[0];
      if (v === undefined) return null;
      const w = rowsWhere(t3, ['new'], 'total');
      return { value: v, where: w.zh, whereEn: w.en };
    }
    if (stat) {
      const v = cellNumber(stat, 'requestsReceived', 'value');
      if (v === null) return null;
      const w = rowsWhere(stat, ['requestsReceived']);
      return { value: v, where: w.zh, whereEn: w.en };
    }
    return null;
  }
  if (t4) {
    const columns = claim.kind === 'noCases' ? ['total'] : claim.kind === 'noCorrection' ? ['corrected'] : ['corrected', 'other', 'pending'];
    const rows = claim.about.flatMap(rowsOf);
    const values = columns.map((col) => {
      const printed = sum(rows.map((r) => cellNumber(t4, r, col)));
      if (col !== 'total') return printed;
      // A printed 总计 of 0 with non-zero parts (a table error) does not hide the cases.
      const parts = sum(rows.map((r) => sum(T4_PARTS.map((p) => cellNumber(t4, r, p)))));
      return printed === null ? parts : parts === null ? printed : Math.max(printed, parts);
    });
    const v = sum(values);
    if (v === null) return null;
    const colLabels = columns.map((col) => `“${t4.columns.find((c) => c.key === col)?.label ?? col}”`).join('、');
    const rowLabels = rows.map((r) => `“${rowLabel(t4, r)}”`).join('、');
    return { value: v, where: `表四${rowLabels}的${colLabels}`, whereEn: `table 四 ${rowLabels}: ${colLabels}` };
  }
  if (stat) {
    const parts: string[] = [];
    for (const c of claim.about) {
      if (claim.kind === 'noCases') parts.push(c);
      else if (claim.kind === 'noCorrection') parts.push(`${c}Corrected`);
      else parts.push(`${c}Corrected`, `${c}Other`);
    }
    const v = sum(parts.map((r) => cellNumber(stat, r, 'value')));
    if (v === null) return null;
    const w = rowsWhere(stat, parts);
    return { value: v, where: w.zh, whereEn: w.en };
  }
  return null;
}

// ---------------------------------------------------------------------------
// The check
// ---------------------------------------------------------------------------

export interface NarrativeFinding {
  messageId:
    | 'mismatch'
    | 'scopeMismatch'
    | 'doubleCounted'
    | 'percentage'
    | 'zeroClaim'
    | 'allUpheld'
    | 'vague'
    | 'placeholder'
    | 'reviewScope';
  range: [number, number];
  data: Record<string, unknown>;
  expected?: unknown;
  actual?: unknown;
}

export interface NarrativeOptions extends ExtractOptions, ResolveOptions, VagueOptions {
  /** Extra percentage points accepted beyond rounding (default 0). */
  percentTolerance?: number;
  /** Report reconsideration/litigation counts not restricted to disclosure cases (default true). */
  reviewScope?: boolean;
}

export interface NarrativeResult {
  /** Tables with numbers were available for comparison. */
  tables: boolean;
  counts: NarrativeCount[];
  findings: NarrativeFinding[];
}

const VAGUE_LABEL: Record<VagueKind, string> = {
  approximate: '约数',
  indefinite: '不定数',
  missingNumber: '缺少数字',
  templateBlank: '模板占位符',
};

/** Every narrative–table check on a report model; pure (the rule only reports the result). */
export function checkNarrative(
  model: Pick<ReportModel, 'text' | 'tableRanges' | 'sections' | 'tables'> & { templates?: ReportModel['templates'] },
  given: NarrativeOptions = {},
): NarrativeResult {
  const options: NarrativeOptions = given.templates || !model.templates ? given : { ...given, templates: model.templates };
  const tables = model.tables.filter((t) => t.cells.some((c) => c.kind === 'number'));
  const text = narrativeText(model);
  const counts = extractCounts(text, options);
  const findings: NarrativeFinding[] = [];
  for (const v of findVagueNumbers(text, counts, options)) {
    const placeholder = v.kind === 'missingNumber' || v.kind === 'templateBlank';
    findings.push({
      messageId: placeholder ? 'placeholder' : 'vague',
      range: [v.start, v.end],
      data: { excerpt: v.excerpt, marker: v.marker, kind: v.kind, kindText: VAGUE_LABEL[v.kind] },
    });
  }
  if (options.reviewScope !== false) {
    for (const n of counts) {
      if ((n.category === 'review' || n.category === 'litigation') && !n.disclosureQualified && !n.approx && n.value > 0) {
        findings.push({
          messageId: 'reviewScope',
          range: [n.statementStart, n.end],
          data: { excerpt: n.excerpt, category: CATEGORY_LABEL[n.category], categoryEn: CATEGORY_LABEL_EN[n.category], actual: n.value },
        });
      }
    }
  }
  if (tables.length > 0) {
    const bases = percentBases(tables);
    const tolerance = options.percentTolerance ?? 0;
    for (const n of counts) {
      if (n.category === null || n.approx) continue;
      const tv = tableValueFor(n, tables, options);
      const base = {
        excerpt: n.excerpt,
        category: CATEGORY_LABEL[n.category],
        categoryEn: CATEGORY_LABEL_EN[n.category],
        unit: n.unit,
      };
      // A reconsideration or lawsuit count not restricted to disclosure cases may count all cases: it gets the
      // review-scope note above, not a mismatch.
      const caseCount = n.category === 'review' || n.category === 'litigation' || T4_OUTCOME[n.category] !== undefined;
      if (tv && !(caseCount && !n.disclosureQualified)) {
        const value = comparable(n, tv);
        if (!agrees(value, tv)) {
          const stat = tableOf(tables, 'STAT');
          const items = stat ? cellNumber(stat, 'activeItems', 'value') : null;
          const channels = stat ? cellNumber(stat, 'activeChannels', 'value') : null;
          const header = stat ? cellNumber(stat, 'active', 'value') : null;
          const doubled =
            n.category === 'proactive' && items !== null &&
            ((channels !== null && value === items + channels) || (header !== null && value === header && header !== items));
          if (doubled) {
            findings.push({
              messageId: 'doubleCounted',
              range: [n.statementStart, n.end],
              data: { ...base, actual: n.value, expected: tv.value, items, channels: channels ?? (header !== null ? header - items : null), where: tv.where, whereEn: tv.whereEn },
              expected: tv.value,
              actual: n.value,
            });
          } else {
            findings.push({
              messageId: n.scope ? 'scopeMismatch' : 'mismatch',
              range: [n.statementStart, n.end],
              data: { ...base, actual: n.value, expected: tv.value, where: tv.where, whereEn: tv.whereEn, scope: n.scope ?? '', table: tv.table.id },
              expected: tv.value,
              actual: n.value,
            });
          }
        }
      }
      if (n.percent && PERCENT_CATEGORIES.has(n.category) && bases.length > 0) {
        const p = n.percent;
        const ok = bases.some((b) => percentAgrees(n.value, b.value, p.value, p.decimals, tolerance));
        if (!ok) {
          const b = bases[0]!;
          const recomputed = roundTo((n.value / b.value) * 100, p.decimals);
          findings.push({
            messageId: 'percentage',
            range: [p.start, p.end],
            data: { ...base, count: n.value, base: b.value, baseLabel: b.label, actual: `${p.value}`, expected: recomputed },
            expected: Number(recomputed),
            actual: p.value,
          });
        }
      }
    }
    for (const claim of findClaims(text)) {
      const cv = claimValue(claim, tables);
      if (!cv || cv.value === 0) continue;
      findings.push({
        messageId: claim.kind === 'allUpheld' ? 'allUpheld' : 'zeroClaim',
        range: [claim.start, claim.end],
        data: { excerpt: claim.excerpt, where: cv.where, whereEn: cv.whereEn, value: cv.value, kind: claim.kind },
        expected: 0,
        actual: cv.value,
      });
    }
  }
  findings.sort((a, b) => a.range[0] - b.range[0]);
  return { tables: tables.length > 0, counts, findings };
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
        'zh-CN': '正文中的数字与统计表一致（申请数、办理结果、复议诉讼、主动公开条数、百分比），不写约数和未填的占位符',
        en: 'Counts and percentages in the narrative agree with the tables; no approximate counts or unfilled placeholders',
      },
      requires:
        'recognised tables (model.tables) for the comparisons; the narrative text alone for vague numbers, placeholders and the review-scope note. Inapplicable when there is no table and none of those is found',
    },
    messages: messagesFor(RULE_ID, {
      mismatch: 'warning',
      scopeMismatch: 'warning',
      doubleCounted: 'warning',
      percentage: 'warning',
      zeroClaim: 'warning',
      allUpheld: 'warning',
      vague: 'warning',
      placeholder: 'warning',
      reviewScope: 'info',
    }),
    schema: {
      type: 'object',
      properties: {
        window: { type: 'integer', minimum: 4, maximum: 80, description: 'Characters of left context searched for the category word' },
        compareT2: { type: 'boolean', description: 'Compare 规章/规范性文件 counts with table 二 (not among the spec N-checks)' },
        approximate: { enum: ['disclosure', 'all', 'off'], description: 'Approximate counts (余/多): only in sentences about disclosure, all, or not reported' },
        percentTolerance: { type: 'number', minimum: 0, maximum: 5, description: 'Extra percentage points accepted beyond rounding' },
        reviewScope: { type: 'boolean', description: 'Note reconsideration/litigation counts not restricted to disclosure cases (SCOPE_CONFUSION, UNCONFIRMED)' },
      },
      additionalProperties: false,
    },
    defaultOptions: { window: 30, compareT2: true, approximate: 'disclosure', percentTolerance: 0, reviewScope: true },
  },
  create(context) {
    return {
      'root:exit'() {
        const { model, options } = context;
        const result = checkNarrative(model, {
          window: numberOption(options.window, 30),
          compareT2: options.compareT2 !== false,
          approximate: options.approximate === 'all' || options.approximate === 'off' ? options.approximate : 'disclosure',
          percentTolerance: numberOption(options.percentTolerance, 0),
          reviewScope: options.reviewScope !== false,
        });
        if (!result.tables && result.findings.length === 0) {
          context.inapplicable(inLocale(context.locale, { 'zh-CN': '报告中没有识别出可读取数字的统计表，无法核对正文数字；正文中也没有约数、占位符或未限定口径的复议诉讼数字', en: 'no statistics table with readable numbers was recognised, so the numbers in the text cannot be checked; the text has no approximate counts, placeholders or unqualified review/litigation counts either' }));
          return;
        }
        for (const f of result.findings)
          context.report({ messageId: f.messageId, range: f.range, data: f.data, expected: f.expected, actual: f.actual });
      },
    };
  },
});

export type { CompactText };
