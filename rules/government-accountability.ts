/**
 * government-accountability — a people's government's report states the RESULTS of work assessment,
 * public appraisal and accountability (工作考核、社会评议和责任追究结果情况), as REG2019 Art. 50(4) requires of
 * every level of government (spec/defects.md GOV_ACCOUNTABILITY_RESULTS_MISSING; regulations-and-eras.md §3.2,
 * §3.4, §4.2: TPL2021 puts it in 一/监督保障, a report that puts it in 五 still meets Art. 50).
 *
 * Applies to report years from 2019 and issuer type 'government' (any level, townships included).
 * Departments (「…人民政府办公室」 included) and E1 reports are inapplicable. A sub-district office
 * (issuerType 'other') is not a people's government and its duty is UNCONFIRMED: inapplicable by default,
 * checked with a warning when the option `subDistrictOffices` is 'warning'.
 *
 * Detection (the whole narrative, tables blanked; statements in 一/监督保障 and 五 are preferred as evidence,
 * and with `searchWholeReport: false` the only ones searched):
 * - assessment: 考核 / 考评 / 绩效考核 / 督查; public appraisal: 社会评议, 群众评议, 满意度测评, 第三方评估 …;
 *   accountability: 责任追究, 追究…责任, 问责, 追责;
 * - each mention is classified by its sentence: `future` (an intention: 将进一步…, 拟, 下一步, 今后, 加大…力度,
 *   the next year, or a plan section such as 下一步工作计划 — 「加大政务公开工作的考核力度，将其纳入年度绩效考核体系」
 *   is one), `nil` (未发生…责任追究, 无…问责, 责任追究情况：无), `system` (a system or mechanism only: 建立健全…
 *   责任追究制度, 纳入…考核 without a result) or `result`;
 * - the statutory label itself (「工作考核、社会评议和责任追究结果情况」 as a heading) is not a statement,
 *   unless a nil answer follows it (「…结果情况：无」).
 * The report passes with at least one accountability `result` or `nil` statement. Only `system` statements
 * (a stricter reading than the spec's "at least the term") → warning `systemOnly`; option
 * `acceptSystemStatements` turns that off. Nothing, or only future statements → error.
 * When accountability is stated but assessment or appraisal results are not → info `aspectsMissing`.
 */
import { blankTables, compactText, defineRule, firstLineRange, originalRange, shorten, type CompactText } from '../src/kit/index';
import type { SectionInfo } from '../src/types';
import { messagesFor, inLocale } from './locales/index';

const RULE_ID = 'government-accountability';

export type Aspect = 'assessment' | 'appraisal' | 'accountability';
export type StatementKind = 'result' | 'nil' | 'system' | 'future';
export type Zone = 'supervision' | 'problems' | 'overview' | 'other';

export interface AccountabilityStatement {
  aspect: Aspect;
  kind: StatementKind;
  /** The term as written (compacted). */
  term: string;
  /** Range of the term in the analysed text. */
  range: [number, number];
  /** Range of its sentence in the analysed text. */
  sentence: [number, number];
  /** The sentence, compacted and shortened. */
  excerpt: string;
  zone: Zone;
  /** Title of the innermost section holding it, or ''. */
  section: string;
}

export interface AccountabilityInput {
  text: string;
  sections: readonly SectionInfo[];
  tableRanges?: ReadonlyArray<readonly [number, number]>;
  year: number | null;
}

export interface AccountabilityOptions {
  /** Search the whole narrative (default) or only 一 总体情况 and 五 (problems). */
  searchWholeReport: boolean;
  /** Count a system-only statement (建立…责任追究制度) as enough (default false: warning). */
  acceptSystemStatements: boolean;
  /** Report (info) when assessment or appraisal results are absent though accountability is stated. */
  reportMissingAspects: boolean;
  /** Sub-district offices (issuerType 'other'): 'skip' (inapplicable, default) or 'warning'. */
  subDistrictOffices: 'skip' | 'warning';
}

export const DEFAULT_OPTIONS: AccountabilityOptions = {
  searchWholeReport: true,
  acceptSystemStatements: false,
  reportMissingAspects: true,
  subDistrictOffices: 'skip',
};

export type AccountabilityVerdict = 'ok' | 'systemOnly' | 'futureOnly' | 'missing';

export interface AccountabilityResult {
  verdict: AccountabilityVerdict;
  statements: AccountabilityStatement[];
  /** The best statement per aspect (result/nil before system before future; preferred zones first). */
  best: Record<Aspect, AccountabilityStatement | null>;
  /** Aspects with no result or nil statement. */
  missingAspects: Aspect[];
  /** Where a missing statement belongs: the 监督保障 part, else 一, else 五, else null. */
  anchor: [number, number] | null;
}

// ---------------------------------------------------------------------------
// Vocabulary (all matched on compacted text: no spaces, line wraps joined; bounded windows only)
// ---------------------------------------------------------------------------

const TERMS: Array<[Aspect, RegExp]> = [
  ['accountability', /责任追究|追究[^,。;!?\n]{0,12}?责任|问责|追责/gu],
  ['appraisal', /社会评议|群众评议|公众评议|民主评议|满意度测评|满意度调查|满意度评价|满意率|第三方评估/gu],
  ['assessment', /绩效考核|考核|考评|督查/gu],
];

/** A safety bound on hostile input: no real report mentions one aspect this often. */
const MAX_STATEMENTS_PER_ASPECT = 200;
/** Terms that count only inside the preferred zones (一/监督保障, 五). */
const WEAK_TERM = /^督查$/u;
/** The statutory label (a heading or a list of the three items), not a statement by itself. */
const LABEL = /(?:工作)?考核[、,和及与]{0,2}(?:社会)?评议[、,和及与]{0,3}责任追究(?:结果)?(?:情况)?/gu;
const LABEL_ONCE = new RegExp(LABEL.source, 'gu');
/** A nil answer right after a label or a term: 「…结果情况：无」, 「问责0人」. */
const NIL_AFTER = /^(?:的?(?:结果)?(?:情况|事项|案例|问题))?:?(?:无|均无|没有|暂无|未发生|为0|为零|0(?:起|人次|人|次|件|例|个))/u;
/** A negation before the term in its clause: 「未发生…责任追究」, 「无因政务公开工作被问责的情况」. */
const NIL_BEFORE = /(?:未发生|未出现|没有发生|没有出现|未有|未因|未被|没有因|不存在|均无|暂无|无(?!法|力|论|缝|纸|偿|须|需))[^,。;!?\n]{0,24}$/u;
/** An intention in the sentence before the term. 将 is future only before a verb or adverb (将其… is 把…). */
const FUTURE =
  /(?:将(?=进一步|继续|持续|加大|加强|严格|认真|全面|切实|积极|不断|逐步|重点|着力|大力|深入|坚持|把|纳入|列入|建立|健全|完善|开展|推进|推动|强化|定期|适时|及时|做好|抓好|努力|力争|确保|探索|研究|组织|落实|进行|实行|实施)|即将|拟|下一步|下步|今后|明年|来年|下一年|力争|争取|加大[^,。;!?\n]{0,16}?力度|要(?=把|将|进一步|加强|严格|强化|建立))/u;
/** An intention anywhere in the clause: 「加大…考核力度」. */
const FUTURE_CLAUSE = /加大[^,。;!?\n]{0,16}?力度/u;
/** A plan section or a plan cue inside 五 (everything after it is intention). */
const PLAN_TITLE = /(下一步|下步|今后|工作打算|工作计划|工作安排|工作思路|改进措施|整改措施)/u;
const PLAN_CUE = /(下一步|下步工作|今后|工作打算|工作计划)/gu;
/** A system, a mechanism or an inclusion without a result. */
const SYSTEM = /(?:建立|健全|完善|制定|出台|印发|修订|执行|落实|构建)[^,。;!?\n]{0,30}?(?:制度|机制|办法|体系|细则)/u;
/** The term names a system: 「责任追究制度」, 「考核机制」, 「绩效考核体系」. */
const SYSTEM_AFTER = /^[^,。;!?\n]{0,10}?(?:制度|机制|办法|体系|细则|指标|标准|方案)/u;
const INCLUSION = /(?:纳入|列入)[^,。;!?\n]{0,24}$/u;
/** Evidence of a result in the sentence. */
const RESULT_WORDS =
  /(结果|得分|等次|等级|排名|名列|位列|优秀|良好|合格|满分|第[一二三四五六七八九十\d]{1,3}名|\d{1,4}(?:\.\d{1,2})?分|\d{1,3}(?:\.\d{1,2})?%|通报|约谈|处分|批评|考核并|评议并|\d{1,6}(?:人次|人|次|起|家|个|名|项))/u;

const SENTENCE_BREAK = /[。;!?\n]/u;
const CLAUSE_BREAK = /[。;!?\n,:]/u;

function boundsIn(c: string, start: number, end: number, breaks: RegExp, max: number): [number, number] {
  let s = start;
  const lo = Math.max(0, start - max);
  while (s > lo && !breaks.test(c[s - 1]!)) s--;
  let e = end;
  const hi = Math.min(c.length, end + max);
  while (e < hi && !breaks.test(c[e]!)) e++;
  if (e < c.length && c[e] !== '\n' && breaks.test(c[e]!)) e++;
  return [s, e];
}

// ---------------------------------------------------------------------------
// Zones
// ---------------------------------------------------------------------------

const SUPERVISION_TITLE = /(监督保障|考核|评议|责任追究|问责)/u;

interface Zones {
  supervision: Array<[number, number]>;
  overview: Array<[number, number]>;
  problems: Array<[number, number]>;
  /** Ranges of plan sections and of the plan part of problems sections (after a plan cue). */
  plan: Array<[number, number]>;
  anchor: [number, number] | null;
}

function topLevelOf(sections: readonly SectionInfo[], i: number): SectionInfo {
  let s = sections[i]!;
  let guard = 0;
  while (s.parent >= 0 && guard++ < 64) s = sections[s.parent]!;
  return s;
}

function zonesOf(text: string, sections: readonly SectionInfo[]): Zones {
  const zones: Zones = { supervision: [], overview: [], problems: [], plan: [], anchor: null };
  let supervisionAnchor: [number, number] | null = null;
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i]!;
    const top = topLevelOf(sections, i);
    const whole: [number, number] = [s.headingStart, Math.max(s.end, s.headingEnd)];
    // 一/（五）监督保障, or a part of its own (「七、工作考核、社会评议和责任追究结果情况」).
    const overviewAspect = s.parent >= 0 && top.key === 'overview';
    const ownPart = s.parent < 0 && s.key !== 'problems' && s.key !== 'overview';
    if ((overviewAspect || ownPart) && SUPERVISION_TITLE.test(s.title)) {
      zones.supervision.push(whole);
      supervisionAnchor ??= [s.headingStart, s.headingEnd];
    }
    if (s.parent < 0 && s.key === 'overview') zones.overview.push(whole);
    if (s.parent < 0 && s.key === 'problems') zones.problems.push(whole);
    if (s.key === 'problems' && (s.plan || (s.parent >= 0 && PLAN_TITLE.test(s.title)))) zones.plan.push(whole);
  }
  // An inline 「（五）监督保障情况。…」 inside 一: from there to the end of 一.
  if (zones.supervision.length === 0) {
    for (const [a, b] of zones.overview) {
      const part = text.slice(a, b);
      const numbered = part.search(/\([一二三四五六七八九十]{1,2}\)[^。\n]{0,12}监督保障/u);
      const at = numbered >= 0 ? numbered : part.search(/监督保障/u);
      if (at >= 0) {
        zones.supervision.push([a + at, b]);
        supervisionAnchor ??= lineAround(text, a + at);
      }
    }
  }
  // The plan part of a problems section: after 「下一步」, 「今后」 … inside it.
  for (const [a, b] of zones.problems) {
    const part = compactText(text.slice(a, b));
    PLAN_CUE.lastIndex = 0;
    const m = PLAN_CUE.exec(part.text);
    if (m) zones.plan.push([a + part.offsetAt(m.index), b]);
  }
  const firstOf = (key: SectionInfo['key']): [number, number] | null => {
    const s = sections.find((x) => x.parent < 0 && x.key === key);
    return s ? [s.headingStart, s.headingEnd] : null;
  };
  zones.anchor = supervisionAnchor ?? firstOf('overview') ?? firstOf('problems');
  return zones;
}

function lineAround(text: string, offset: number): [number, number] {
  let s = offset;
  while (s > 0 && text.charCodeAt(s - 1) !== 10) s--;
  let e = offset;
  while (e < text.length && text.charCodeAt(e) !== 10) e++;
  const line = text.slice(s, e);
  const lead = line.length - line.trimStart().length;
  return [s + lead, s + line.trimEnd().length];
}

const inAny = (ranges: ReadonlyArray<readonly [number, number]>, offset: number): boolean =>
  ranges.some(([a, b]) => offset >= a && offset < b);

// ---------------------------------------------------------------------------
// Detection
// ---------------------------------------------------------------------------

function innermostTitle(sections: readonly SectionInfo[], offset: number): string {
  let best: SectionInfo | null = null;
  for (const s of sections) {
    if (offset >= s.headingStart && offset < Math.max(s.end, s.headingEnd) && (!best || s.depth >= best.depth)) best = s;
  }
  return best?.title ?? '';
}

function classify(
  c: CompactText,
  start: number,
  end: number,
  aspect: Aspect,
  inPlan: boolean,
  nextYear: number | null,
): StatementKind {
  const s = c.text;
  const [sentStart] = boundsIn(s, start, end, SENTENCE_BREAK, 200);
  const [clauseStart, clauseEnd] = boundsIn(s, start, end, CLAUSE_BREAK, 120);
  const sentencePrefix = s.slice(sentStart, start);
  const clausePrefix = s.slice(clauseStart, start);
  if (inPlan || FUTURE.test(sentencePrefix) || FUTURE_CLAUSE.test(s.slice(clauseStart, clauseEnd))) return 'future';
  if (nextYear !== null && sentencePrefix.includes(`${nextYear}年`)) return 'future';
  if (NIL_BEFORE.test(clausePrefix) || NIL_AFTER.test(s.slice(end, Math.min(s.length, end + 16)))) return 'nil';
  const [, sentEnd] = boundsIn(s, start, end, SENTENCE_BREAK, 200);
  // 「…责任追究结果情况」 (the label) names results without giving one.
  const sentence = s.slice(sentStart, sentEnd).replace(LABEL_ONCE, ' ');
  if (RESULT_WORDS.test(sentence)) return 'result';
  const clause = s.slice(clauseStart, clauseEnd);
  if (SYSTEM.test(clause) || SYSTEM_AFTER.test(s.slice(end, Math.min(s.length, end + 8)))) return 'system';
  if (aspect === 'assessment' && INCLUSION.test(clausePrefix)) return 'system';
  return 'result';
}

/** A run-in heading at the start of a line: a Chinese ordinal, a short title without digits, then 。 or :. */
const RUN_IN_HEADING = /^[ \t]{0,8}(?:\([ ]{0,2}[一二三四五六七八九十]{1,3}[ ]{0,2}\)|[一二三四五六七八九十]{1,3}[ ]{0,2}[、.])[ ]{0,2}([^。:;,\n\d]{1,16})[。:]/gmu;
const NEGATION = /(未|无|没有|不存在)/u;

/** Ranges of run-in headings (「（五）政府信息公开监督保障情况。」, 「（三）强化考核问责。」). */
export function runInHeadings(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  RUN_IN_HEADING.lastIndex = 0;
  for (let m = RUN_IN_HEADING.exec(text); m; m = RUN_IN_HEADING.exec(text)) {
    if (!NEGATION.test(m[1]!)) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

const KIND_RANK: Record<StatementKind, number> = { result: 0, nil: 0, system: 1, future: 2 };
const ZONE_RANK: Record<Zone, number> = { supervision: 0, problems: 1, overview: 2, other: 3 };

/**
 * Finds and classifies the assessment / appraisal / accountability statements of a report. `text` is the
 * analysed text (`model.text`); offsets in the result are into it.
 */
export function findAccountabilityStatements(
  input: AccountabilityInput,
  options: Partial<AccountabilityOptions> = {},
): AccountabilityResult {
  const opts = { ...DEFAULT_OPTIONS, ...options };
  const { text, sections } = input;
  const zones = zonesOf(text, sections);
  // Headings (also run-in ones: 「（三）强化考核问责。…」) are labels, not statements; tables are not narrative.
  const headingRanges = sections.map((s): [number, number] => [s.headingStart, s.headingEnd]);
  const hay = blankTables(text, [...(input.tableRanges ?? []), ...headingRanges, ...runInHeadings(text)]);
  const c = compactText(hay);
  const nextYear = input.year !== null ? input.year + 1 : null;

  // The statutory label: a nil answer after it counts for all three aspects; otherwise it is skipped.
  // A label followed by 制度/机制 (「建立健全考核、社会评议和责任追究制度」) is a system statement.
  const labels: Array<{ start: number; end: number; kind: 'nil' | 'system' | null }> = [];
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(c.text); m; m = LABEL.exec(c.text)) {
    const end = m.index + m[0].length;
    const [clauseStart, clauseEnd] = boundsIn(c.text, m.index, end, CLAUSE_BREAK, 120);
    const after = c.text.slice(end, end + 16);
    const nil = NIL_AFTER.test(after) || NIL_BEFORE.test(c.text.slice(clauseStart, m.index));
    const system = SYSTEM_AFTER.test(after) || SYSTEM.test(c.text.slice(clauseStart, clauseEnd));
    labels.push({ start: m.index, end, kind: nil ? 'nil' : system ? 'system' : null });
  }
  // Labels are in document order and do not overlap: binary search.
  const labelAt = (offset: number) => {
    let lo = 0;
    let hi = labels.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const l = labels[mid]!;
      if (offset < l.start) hi = mid - 1;
      else if (offset >= l.end) lo = mid + 1;
      else return l;
    }
    return undefined;
  };

  const statements: AccountabilityStatement[] = [];
  for (const [aspect, re] of TERMS) {
    re.lastIndex = 0;
    let kept = 0;
    for (let m = re.exec(c.text); m && kept < MAX_STATEMENTS_PER_ASPECT; m = re.exec(c.text)) {
      const start = m.index;
      const end = start + m[0].length;
      const range = originalRange(c, start, end);
      const zone: Zone = inAny(zones.supervision, range[0])
        ? 'supervision'
        : inAny(zones.problems, range[0])
          ? 'problems'
          : inAny(zones.overview, range[0])
            ? 'overview'
            : 'other';
      if (!opts.searchWholeReport && zone === 'other') continue;
      // 督查 is a weak word (website spot checks are 督查 too): it counts only in 监督保障 and 五.
      if (WEAK_TERM.test(m[0]) && zone !== 'supervision' && zone !== 'problems') continue;
      const label = labelAt(start);
      let kind: StatementKind;
      if (label) {
        if (label.kind === null) continue;
        kind = label.kind;
      } else {
        kind = classify(c, start, end, aspect, inAny(zones.plan, range[0]), nextYear);
      }
      const [ss, se] = boundsIn(c.text, start, end, SENTENCE_BREAK, 200);
      kept++;
      statements.push({
        aspect,
        kind,
        term: m[0],
        range,
        sentence: originalRange(c, ss, se),
        excerpt: shorten(c.text.slice(ss, se).replace(/\n/gu, ''), 80),
        zone,
        section: innermostTitle(sections, range[0]),
      });
    }
  }
  statements.sort((a, b) => a.range[0] - b.range[0]);

  const best = { assessment: null, appraisal: null, accountability: null } as Record<Aspect, AccountabilityStatement | null>;
  for (const st of statements) {
    const cur = best[st.aspect];
    if (
      !cur ||
      KIND_RANK[st.kind] < KIND_RANK[cur.kind] ||
      (KIND_RANK[st.kind] === KIND_RANK[cur.kind] && ZONE_RANK[st.zone] < ZONE_RANK[cur.zone])
    )
      best[st.aspect] = st;
  }
  const stated = (a: Aspect) => {
    const k = best[a]?.kind;
    return k === 'result' || k === 'nil' || (opts.acceptSystemStatements && k === 'system');
  };
  const missingAspects = (['assessment', 'appraisal', 'accountability'] as const).filter((a) => !stated(a));
  let verdict: AccountabilityVerdict;
  if (stated('accountability')) verdict = 'ok';
  else if (best.accountability?.kind === 'system') verdict = 'systemOnly';
  else if (statements.some((s) => s.kind === 'future')) verdict = 'futureOnly';
  else verdict = 'missing';
  return { verdict, statements, best, missingAspects, anchor: zones.anchor };
}

// ---------------------------------------------------------------------------
// Message data
// ---------------------------------------------------------------------------

const ASPECT_ZH: Record<Aspect, string> = { assessment: '工作考核', appraisal: '社会评议', accountability: '责任追究' };
const ASPECT_EN: Record<Aspect, string> = { assessment: 'work assessment', appraisal: 'public appraisal', accountability: 'accountability' };
const KIND_ZH: Record<StatementKind, string> = { result: '', nil: '', system: '（只有制度安排，没有结果）', future: '（今后的打算）' };
const KIND_EN: Record<StatementKind, string> = { result: '', nil: '', system: ' (a system, no result)', future: ' (an intention)' };

/** What the report does say, for the message: 「（报告只提到工作考核：“…”（只有制度，没有结果））」. */
function foundTexts(result: AccountabilityResult): { zh: string; en: string } {
  const found = (['assessment', 'appraisal', 'accountability'] as const)
    .map((a) => result.best[a])
    .filter((s): s is AccountabilityStatement => s !== null);
  if (found.length === 0) return { zh: '', en: '' };
  return {
    zh: `（报告只提到${found.map((s) => `${ASPECT_ZH[s.aspect]}：“${s.excerpt}”${KIND_ZH[s.kind]}`).join('；')}）`,
    en: ` (the report only mentions ${found.map((s) => `${ASPECT_EN[s.aspect]}: “${s.excerpt}”${KIND_EN[s.kind]}`).join('; ')})`,
  };
}

// ---------------------------------------------------------------------------
// The rule
// ---------------------------------------------------------------------------

export default defineRule({
  meta: {
    id: RULE_ID,
    impact: 'serious',
    docs: {
      description: {
        'zh-CN':
          '人民政府（含乡镇人民政府）2019年度起的年度报告写明政府信息公开工作考核、社会评议和责任追究的结果情况（《政府信息公开条例》第五十条；格式要求写在“一、总体情况”的“监督保障”中，写在“五”中也可）。至少要有责任追究的结果或“未发生责任追究”的说明；“将……纳入考核”“加大考核力度”等今后的打算不算。政府部门和2018年度及以前的报告不适用；街道办事处是否适用尚无定论，默认不检查，可在选项中改为警告。',
        en:
          'From report year 2019 a people’s government’s report (townships included) states the results of work assessment, public appraisal and accountability for disclosure work (REG2019 Art. 50; TPL2021 puts them under 一/监督保障, 五 also meets the Regulations). At least an accountability result or an explicit nil statement is required; intentions such as 「将…纳入考核」 or 「加大考核力度」 do not count. Not applicable to departments or to reports up to 2018; sub-district offices are unconfirmed (skipped by default, optionally a warning).',
      },
      requires:
        'the report year (from 2019) and the issuer type (meta.issuerType, or inferred from the issuer name: …人民政府 / …镇 / …县 is a government); the narrative text and its sections',
    },
    messages: messagesFor(RULE_ID, {
      missing: 'error',
      futureOnly: 'error',
      systemOnly: 'warning',
      aspectsMissing: 'info',
      missingSubDistrict: 'warning',
    }),
    schema: {
      type: 'object',
      properties: {
        searchWholeReport: { type: 'boolean' },
        acceptSystemStatements: { type: 'boolean' },
        reportMissingAspects: { type: 'boolean' },
        subDistrictOffices: { enum: ['skip', 'warning'] },
      },
      additionalProperties: false,
    },
    defaultOptions: { ...DEFAULT_OPTIONS },
  },
  create(context) {
    return {
      'root:exit'() {
        const model = context.model;
        const options = { ...DEFAULT_OPTIONS, ...(context.options as Partial<AccountabilityOptions>) };
        if (model.year === null) {
          context.inapplicable(inLocale(context.locale, { 'zh-CN': '无法确定报告年度：《条例》第五十条的考核、评议、追究结果要求自2019年度报告起适用', en: 'the report year is unknown: Art. 50 of the Regulations requires assessment, public appraisal and accountability results from the 2019 reports on' }));
          return;
        }
        if (model.era === 'E1' || model.year < 2019) {
          context.inapplicable(inLocale(context.locale, { 'zh-CN': `${model.year}年度报告适用2007年《条例》，其第三十二条没有工作考核、社会评议和责任追究结果的要求`, en: `a ${model.year} report falls under the 2007 Regulations, whose Art. 32 asks for no assessment, appraisal or accountability results` }));
          return;
        }
        if (model.issuerType === null) {
          context.inapplicable(inLocale(context.locale, { 'zh-CN': '无法判断发布机关是否为人民政府；请通过 meta.issuerType 提供', en: 'whether the issuer is a people\'s government is unknown; give meta.issuerType' }));
          return;
        }
        if (model.issuerType === 'department') {
          context.inapplicable(inLocale(context.locale, { 'zh-CN': '发布机关是政府部门：《条例》第五十条只要求各级人民政府报告工作考核、社会评议和责任追究结果情况', en: 'the issuer is a government department: Art. 50 asks only people\'s governments for assessment, appraisal and accountability results' }));
          return;
        }
        const subDistrict = model.issuerType === 'other';
        if (subDistrict && options.subDistrictOffices !== 'warning') {
          context.inapplicable(inLocale(context.locale, { 'zh-CN': '发布机关不是人民政府（如街道办事处）：是否须报告工作考核、社会评议和责任追究结果尚无定论，默认不检查（选项 subDistrictOffices）', en: 'the issuer is not a people\'s government (e.g. a sub-district office): whether it must report these results is unsettled, so it is not checked by default (option subDistrictOffices)' }));
          return;
        }
        const result = findAccountabilityStatements(
          { text: model.text, sections: model.sections, tableRanges: model.tableRanges, year: model.year },
          options,
        );
        const issuer = model.issuer ?? (subDistrict ? '发布机关' : '本级人民政府');
        const anchor: [number, number] =
          result.anchor ?? (model.title ? [model.title.start, model.title.end] : firstLineRange(model.text));
        const overviewSection = { key: 'overview' as const, title: '总体情况' };
        const found = foundTexts(result);
        const baseData = {
          issuer,
          verdict: result.verdict,
          found: found.zh,
          foundEn: found.en,
          statements: result.statements.map((s) => ({ aspect: s.aspect, kind: s.kind, term: s.term, zone: s.zone, excerpt: s.excerpt })),
        };
        if (result.verdict === 'ok') {
          if (options.reportMissingAspects && result.missingAspects.length > 0) {
            const st = result.best.accountability!;
            context.report({
              messageId: 'aspectsMissing',
              range: st.sentence,
              data: {
                ...baseData,
                missing: result.missingAspects.map((a) => ASPECT_ZH[a]).join('、'),
                missingEn: result.missingAspects.map((a) => ASPECT_EN[a]).join(', '),
                excerpt: st.excerpt,
              },
            });
          }
          return;
        }
        if (subDistrict) {
          context.report({ messageId: 'missingSubDistrict', range: anchor, section: overviewSection, data: baseData });
          return;
        }
        if (result.verdict === 'systemOnly') {
          const st = result.best.accountability!;
          context.report({ messageId: 'systemOnly', range: st.sentence, data: { ...baseData, excerpt: st.excerpt } });
          return;
        }
        if (result.verdict === 'futureOnly') {
          const st = result.statements.find((s) => s.kind === 'future')!;
          context.report({
            messageId: 'futureOnly',
            range: st.sentence,
            data: { ...baseData, excerpt: st.excerpt, where: st.section || '正文' },
          });
          return;
        }
        context.report({ messageId: 'missing', range: anchor, section: overviewSection, data: baseData });
      },
    };
  },
});
