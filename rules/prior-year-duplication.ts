/**
 * prior-year-duplication — the report is not largely copied from last year's, and its figures carry over
 * from last year's (spec/defects.md CONTENT_DUPLICATED_FROM_PRIOR_YEAR, TABLE_IDENTITY_FAILED for the
 * cross-year identities; spec/tables.md T2-3, T3-7; spec/signals.md §5.4).
 *
 * With last year's report (`meta.previous` → `model.previous`):
 * - text: both narratives are normalised (tables and headings masked, year numbers removed, only CJK
 *   characters, letters and digits kept) and cut into character 5-gram shingles; the share of this year's
 *   shingles found in last year's (containment; Jaccard as an option) ≥ `errorThreshold` (0.90, the CASS
 *   「90%」 finding) is an error, ≥ `warningThreshold` (0.80) a warning. The problems section (五, with a
 *   separate plan section) is compared on its own: an identical problems section is the most telling;
 * - 表三 carry-over (T3-7, INFERRED): this year's 二「上年结转」 equals last year's 四「结转下年度继续办理」,
 *   column by column → warning, at this year's cell;
 * - 表二 stock and flow (T2-3, INFERRED, TPL2021): 现行有效件数(Y−1) + 本年制发件数(Y) − 本年废止件数(Y) =
 *   现行有效件数(Y) for 规章 and 行政规范性文件 → warning, at this year's 现行有效件数 cell;
 * - a table whose numbers are all the same as last year's, with at least `identicalMinNonZero` non-zero
 *   cells (all-zero tables are common for townships and are not flagged) → warning.
 * The two table identities are evaluated only when the years are consecutive (or unknown); the text and the
 * identical-table comparison run whatever the years.
 *
 * Without last year's report, the stale-year signal (signals.md §5.4) on the narrative: the most frequent
 * 「YYYY年」 below the report year (cited documents 《…》 and 〔YYYY〕 excluded; Y+1 in plans is normal), a
 * 「截至(Y−1)年12月31日」, or a sentence opening 「(Y−1)年，我镇…」 outside the problems/plan sections.
 * Inapplicable when there is neither last year's report nor a report year with years in the narrative.
 */
import { cellNumber, columnLabel, compactText, defineRule, findCell, firstLineRange, narrativeText, numberOption, originalRange, rowLabel, TABLE_NAME, tableOf } from '../src/kit/index';
import type { RecognisedTable, ReportModel, RuleContext, SectionInfo } from '../src/types';
import { messagesFor, inLocale } from './locales/index';

const RULE_ID = 'prior-year-duplication';

// ---------------------------------------------------------------------------
// Text similarity
// ---------------------------------------------------------------------------

type ModelText = Pick<ReportModel, 'text' | 'tableRanges' | 'sections'>;

const YEAR_RE = /(?<!\d)(?:19|20)\d{2}(?!\d)/gu;
const KEEP_RE = /[\p{Script=Han}A-Za-z0-9]/u;

/** Text reduced for comparison: year numbers removed, then only CJK characters, letters and digits. */
export function comparableText(text: string): string {
  const noYears = text.replace(YEAR_RE, '');
  let out = '';
  for (const ch of noYears) if (KEEP_RE.test(ch)) out += ch;
  return out;
}

/** The narrative of a report for comparison: tables and headings masked, then `comparableText`. */
export function narrativeForComparison(model: ModelText): string {
  return comparableText(narrativeText(model, { headings: true }));
}

/** The problems material (五 and any plan section) for comparison; '' when there is none. */
export function problemsForComparison(model: ModelText): string {
  const masked = narrativeText(model, { headings: true });
  const ranges = mergeRanges(model.sections.filter((s) => s.key === 'problems').map((s): [number, number] => [s.headingStart, s.end]));
  return comparableText(ranges.map(([a, b]) => masked.slice(a, b)).join('\n'));
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** The set of character k-grams of a string (code points). */
export function shingles(text: string, k = 5): Set<string> {
  const chars = Array.from(text);
  const out = new Set<string>();
  if (chars.length < k) {
    if (chars.length > 0) out.add(chars.join(''));
    return out;
  }
  for (let i = 0; i + k <= chars.length; i++) out.add(chars.slice(i, i + k).join(''));
  return out;
}

export interface Similarity {
  /** Share of this year's shingles found in last year's. */
  containment: number;
  /** |A ∩ B| / |A ∪ B|. */
  jaccard: number;
  shared: number;
  current: number;
  previous: number;
}

export function similarity(current: string, previous: string, k = 5): Similarity {
  const a = shingles(current, k);
  const b = shingles(previous, k);
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  const union = a.size + b.size - shared;
  return {
    containment: a.size === 0 ? 0 : shared / a.size,
    jaccard: union === 0 ? 0 : shared / union,
    shared,
    current: a.size,
    previous: b.size,
  };
}

// ---------------------------------------------------------------------------
// Cross-year table checks
// ---------------------------------------------------------------------------

export interface CrossYearCheck {
  kind: 'carryOver' | 'stockFlow';
  identity: 'T3-7' | 'T2-3';
  table: RecognisedTable;
  row: string;
  column: string;
  expected: number;
  actual: number;
  /** Operands, for the message. */
  detail: Record<string, number>;
}

/** T3-7: this year's 二 equals last year's 四, per column (both printed as numbers). */
export function carryOverChecks(current: RecognisedTable, previous: RecognisedTable): CrossYearCheck[] {
  const out: CrossYearCheck[] = [];
  for (const col of current.columns) {
    const actual = cellNumber(current, 'carried', col.key);
    const expected = cellNumber(previous, 'carryOver', col.key);
    if (actual === null || expected === null) continue;
    out.push({ kind: 'carryOver', identity: 'T3-7', table: current, row: 'carried', column: col.key, expected, actual, detail: {} });
  }
  return out;
}

/** T2-3 (TPL2021): 现行有效(Y−1) + 本年制发(Y) − 本年废止(Y) = 现行有效(Y), for 规章 and 行政规范性文件. */
export function stockFlowChecks(current: RecognisedTable, previous: RecognisedTable): CrossYearCheck[] {
  if (current.template !== 'TPL2021-T2' || previous.template !== 'TPL2021-T2') return [];
  const out: CrossYearCheck[] = [];
  for (const row of ['rules', 'normative']) {
    const before = cellNumber(previous, row, 'inForce');
    const issued = cellNumber(current, row, 'issued');
    const repealed = cellNumber(current, row, 'repealed');
    const actual = cellNumber(current, row, 'inForce');
    if (before === null || issued === null || repealed === null || actual === null) continue;
    out.push({
      kind: 'stockFlow',
      identity: 'T2-3',
      table: current,
      row,
      column: 'inForce',
      expected: before + issued - repealed,
      actual,
      detail: { previous: before, issued, repealed },
    });
  }
  return out;
}

export interface IdenticalTable {
  table: RecognisedTable;
  cells: number;
  nonZero: number;
}

/** A table whose numeric cells are all equal to last year's (same template, same cells, enough non-zero). */
export function identicalTable(current: RecognisedTable, previous: RecognisedTable, minNonZero: number, minCells = 4): IdenticalTable | null {
  if (current.template !== previous.template) return null;
  const numeric = current.cells.filter((c) => c.kind === 'number' && c.value !== null);
  if (numeric.length < minCells) return null;
  let nonZero = 0;
  for (const c of numeric) {
    const p = cellNumber(previous, c.row, c.column);
    if (p === null || Math.abs(p - c.value!) > 1e-9) return null;
    if (c.value !== 0) nonZero++;
  }
  const previousNumeric = previous.cells.filter((c) => c.kind === 'number' && c.value !== null).length;
  if (previousNumeric !== numeric.length) return null;
  if (nonZero < Math.max(1, minNonZero)) return null;
  return { table: current, cells: numeric.length, nonZero };
}

// ---------------------------------------------------------------------------
// Stale years (no previous report)
// ---------------------------------------------------------------------------

export interface StaleYearResult {
  /** Years written 「YYYY年」 in the narrative (cited documents excluded), by count. */
  counts: Map<number, number>;
  /** The most frequent year, when it is below the report year. */
  mostFrequent: { year: number; count: number; reportYearCount: number; start: number; end: number } | null;
  /** 「截至(Y−1)年12月31日」 statements. */
  asOf: Array<{ excerpt: string; start: number; end: number }>;
  /** Sentences opening 「(Y−1)年，我…」 outside the problems/plan sections. */
  openings: Array<{ excerpt: string; start: number; end: number }>;
}

const YEAR_TOKEN_RE = /(?<!\d)((?:19|20)\d{2})年/gu;

function inside(ranges: Array<[number, number]>, offset: number): boolean {
  return ranges.some(([a, b]) => offset >= a && offset < b);
}

/** The stale-year signal of spec/signals.md §5.4 on a report's narrative. */
export function staleYears(model: ModelText, year: number, options: { minCount?: number } = {}): StaleYearResult {
  const minCount = options.minCount ?? 2;
  // Headings masked: a sentence right after a heading starts a paragraph.
  const masked = narrativeText(model, { headings: true });
  const c = compactText(masked);
  const s = c.text;
  const problems = mergeRanges(model.sections.filter((sec: SectionInfo) => sec.key === 'problems').map((sec): [number, number] => [sec.headingStart, sec.end]));
  // Cited documents: 《…》 and 〔YYYY〕/[YYYY] are excluded.
  const cited = new Uint8Array(s.length);
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch === 0x300a /* 《 */) depth++;
    else if (ch === 0x300b /* 》 */) depth = Math.max(0, depth - 1);
    else if (ch === 0x0a) depth = 0;
    if (depth > 0) cited[i] = 1;
  }
  const counts = new Map<number, number>();
  const first = new Map<number, [number, number]>();
  for (const m of s.matchAll(YEAR_TOKEN_RE)) {
    const at = m.index!;
    if (cited[at] === 1) continue;
    const before = at > 0 ? s[at - 1] : '';
    if (before === '〔' || before === '[') continue;
    const y = Number(m[1]);
    counts.set(y, (counts.get(y) ?? 0) + 1);
    if (!first.has(y)) first.set(y, originalRange(c, at, at + m[0].length));
  }
  let best: [number, number] | null = null;
  for (const [y, n] of counts) if (best === null || n > best[1] || (n === best[1] && y > best[0])) best = [y, n];
  let mostFrequent: StaleYearResult['mostFrequent'] = null;
  const reportYearCount = counts.get(year) ?? 0;
  if (best && best[0] < year && best[1] >= minCount && best[1] > reportYearCount) {
    const [start, end] = first.get(best[0])!;
    mostFrequent = { year: best[0], count: best[1], reportYearCount, start, end };
  }
  const prev = year - 1;
  const asOf: StaleYearResult['asOf'] = [];
  const asOfRe = new RegExp(`(?:截至|截止|截止到|截止至)${prev}年12月31日|${prev}年12月31日(?:截止|止)`, 'gu');
  for (const m of s.matchAll(asOfRe)) {
    const [start, end] = originalRange(c, m.index!, m.index! + m[0].length);
    if (inside(problems, start)) continue;
    asOf.push({ excerpt: m[0], start, end });
  }
  const openings: StaleYearResult['openings'] = [];
  const openRe = new RegExp(`(?:^|[。;\\n])${prev}年度?,(?:我|本)(?:镇|乡|街道|县|区|市|州|省|局|委|办|厅|单位|部门|中心|机关)`, 'gu');
  for (const m of s.matchAll(openRe)) {
    const at = m.index! + (m[0].startsWith(String(prev)) ? 0 : 1);
    const [start, end] = originalRange(c, at, m.index! + m[0].length);
    if (inside(problems, start)) continue;
    openings.push({ excerpt: s.slice(at, Math.min(s.length, m.index! + m[0].length + 12)), start, end });
  }
  return { counts, mostFrequent, asOf, openings };
}

// ---------------------------------------------------------------------------
// The rule
// ---------------------------------------------------------------------------


function percent(x: number): string {
  return (Math.floor(x * 1000) / 10).toFixed(1);
}

function problemsRange(model: ReportModel): [number, number] | null {
  const first = model.sections.find((s) => s.key === 'problems');
  return first ? [first.headingStart, first.headingEnd] : null;
}

export default defineRule({
  meta: {
    id: RULE_ID,
    impact: 'serious',
    docs: {
      description: {
        'zh-CN': '报告不照搬上一年度报告（正文与“存在的主要问题”不雷同），上年结转与上年度结转下年度的数字、规范性文件现行有效件数前后衔接；没有上一年度报告时检查正文年份是否沿用往年',
        en: 'The report is not copied from last year’s (narrative and problems section), carry-overs and the stock of documents in force follow on from last year; without last year’s report, the narrative’s years are checked for a stale year',
      },
      requires:
        'meta.previous (last year’s report) for the duplication and cross-year table checks; otherwise the report year (model.year) and years in the narrative for the stale-year signal. Inapplicable when neither is available',
    },
    messages: messagesFor(RULE_ID, {
      duplicated: 'error',
      similar: 'warning',
      problemsDuplicated: 'error',
      problemsSimilar: 'warning',
      carryOver: 'warning',
      stockFlow: 'warning',
      identicalTable: 'warning',
      staleYear: 'warning',
      staleAsOf: 'warning',
      staleOpening: 'info',
    }),
    schema: {
      type: 'object',
      properties: {
        warningThreshold: { type: 'number', minimum: 0, maximum: 1, description: 'Share of repeated text for a warning' },
        errorThreshold: { type: 'number', minimum: 0, maximum: 1, description: 'Share of repeated text for an error (CASS: 90%)' },
        problemsWarningThreshold: { type: 'number', minimum: 0, maximum: 1 },
        problemsErrorThreshold: { type: 'number', minimum: 0, maximum: 1 },
        measure: { enum: ['containment', 'jaccard'], description: 'containment: share of this year’s shingles found last year; jaccard: intersection over union' },
        shingleSize: { type: 'integer', minimum: 2, maximum: 12 },
        minNarrativeChars: { type: 'integer', minimum: 0, maximum: 100000, description: 'Shorter narratives are not compared' },
        minProblemsChars: { type: 'integer', minimum: 0, maximum: 100000, description: 'Shorter problems sections are not compared' },
        identicalMinNonZero: { type: 'integer', minimum: 1, maximum: 100, description: 'Non-zero cells an identical table needs to be flagged' },
        stockFlowTolerance: { type: 'number', minimum: 0, maximum: 1000 },
        staleMinCount: { type: 'integer', minimum: 1, maximum: 100, description: 'Occurrences the stale most-frequent year needs' },
      },
      additionalProperties: false,
    },
    defaultOptions: {
      warningThreshold: 0.8,
      errorThreshold: 0.9,
      problemsWarningThreshold: 0.8,
      problemsErrorThreshold: 0.9,
      measure: 'containment',
      shingleSize: 5,
      minNarrativeChars: 200,
      minProblemsChars: 40,
      identicalMinNonZero: 3,
      stockFlowTolerance: 0,
      staleMinCount: 2,
    },
  },
  create(context) {
    return {
      'root:exit'() {
        const { model, options } = context;
        const previous = model.previous;
        if (!previous) {
          checkStaleYears(context.model, options, context);
          return;
        }
        const k = Math.max(2, Math.round(numberOption(options.shingleSize, 5)));
        const measure = options.measure === 'jaccard' ? 'jaccard' : 'containment';
        const warn = numberOption(options.warningThreshold, 0.8);
        const err = numberOption(options.errorThreshold, 0.9);
        const pWarn = numberOption(options.problemsWarningThreshold, 0.8);
        const pErr = numberOption(options.problemsErrorThreshold, 0.9);
        const previousYear = previous.year ?? (model.year !== null ? model.year - 1 : '上一');
        const headline: [number, number] = model.title ? [model.title.start, model.title.end] : firstLineRange(model.text);

        const cur = narrativeForComparison(model);
        const prev = narrativeForComparison(previous);
        const minChars = numberOption(options.minNarrativeChars, 200);
        if (cur.length >= minChars && prev.length >= minChars) {
          const sim = similarity(cur, prev, k);
          const share = measure === 'jaccard' ? sim.jaccard : sim.containment;
          if (share >= warn || share >= err) {
            context.report({
              messageId: share >= err ? 'duplicated' : 'similar',
              range: headline,
              data: { share: percent(share), threshold: Math.round((share >= err ? err : warn) * 100), previousYear, measure, characters: cur.length },
              expected: `< ${share >= err ? err : warn}`,
              actual: Math.round(share * 1000) / 1000,
            });
          }
        }
        const curProblems = problemsForComparison(model);
        const prevProblems = problemsForComparison(previous);
        const minProblems = numberOption(options.minProblemsChars, 40);
        const pRange = problemsRange(model);
        if (pRange && curProblems.length >= minProblems && prevProblems.length >= minProblems) {
          const sim = similarity(curProblems, prevProblems, k);
          const share = measure === 'jaccard' ? sim.jaccard : sim.containment;
          if (share >= pWarn || share >= pErr) {
            context.report({
              messageId: share >= pErr ? 'problemsDuplicated' : 'problemsSimilar',
              range: pRange,
              data: { share: percent(share), threshold: Math.round((share >= pErr ? pErr : pWarn) * 100), previousYear, measure },
              expected: `< ${share >= pErr ? pErr : pWarn}`,
              actual: Math.round(share * 1000) / 1000,
            });
          }
        }

        const t3 = tableOf(model.tables, 'T3');
        const pt3 = tableOf(previous.tables, 'T3');
        const t2 = tableOf(model.tables, 'T2');
        const pt2 = tableOf(previous.tables, 'T2');
        const checks: CrossYearCheck[] = [];
        // The carry-over and stock identities link consecutive years only (unknown years are assumed consecutive).
        const consecutive = previous.year === null || model.year === null || previous.year === model.year - 1;
        if (consecutive && t3 && pt3) checks.push(...carryOverChecks(t3, pt3));
        if (consecutive && t2 && pt2) checks.push(...stockFlowChecks(t2, pt2));
        const tolerance = numberOption(options.stockFlowTolerance, 0);
        for (const check of checks) {
          const allowed = check.kind === 'stockFlow' ? tolerance : 0;
          if (Math.abs(check.expected - check.actual) <= allowed + 1e-9) continue;
          const cell = findCell(check.table, check.row, check.column);
          context.report({
            messageId: check.kind,
            position: cell?.position ?? check.table.position,
            data: {
              table: TABLE_NAME[check.table.id],
              row: rowLabel(check.table, check.row),
              column: columnLabel(check.table, check.column),
              previousRow: check.kind === 'carryOver' ? rowLabel(pt3!, 'carryOver') : rowLabel(check.table, check.row),
              expected: check.expected,
              actual: check.actual,
              previousYear,
              identity: check.identity,
              ...check.detail,
            },
            expected: check.expected,
            actual: check.actual,
          });
        }
        const minNonZero = Math.max(1, Math.round(numberOption(options.identicalMinNonZero, 3)));
        for (const table of model.tables) {
          const prevTable = previous.tables.find((t) => t.id === table.id && t.template === table.template);
          if (!prevTable) continue;
          const same = identicalTable(table, prevTable, minNonZero);
          if (!same) continue;
          context.report({
            messageId: 'identicalTable',
            position: table.position,
            data: { table: TABLE_NAME[table.id], tableName: table.name, cells: same.cells, nonZero: same.nonZero, previousYear },
          });
        }
      },
    };
  },
});

function checkStaleYears(model: ReportModel, options: Record<string, unknown>, context: RuleContext): void {
  if (model.year === null) {
    context.inapplicable(inLocale(context.locale, { 'zh-CN': '没有提供上一年度报告（meta.previous），也无法确定报告年度，不能检查是否照搬往年内容', en: 'no previous report was given (meta.previous) and the report year is unknown, so copying from earlier years cannot be checked' }));
    return;
  }
  const result = staleYears(model, model.year, { minCount: Math.max(1, Math.round(numberOption(options.staleMinCount, 2))) });
  if (result.counts.size === 0 && result.asOf.length === 0 && result.openings.length === 0) {
    context.inapplicable(inLocale(context.locale, { 'zh-CN': '没有提供上一年度报告（meta.previous），正文中也没有可核对的年份', en: 'no previous report was given (meta.previous), and the text has no years to check' }));
    return;
  }
  const year = model.year;
  if (result.mostFrequent) {
    const m = result.mostFrequent;
    context.report({
      messageId: 'staleYear',
      range: [m.start, m.end],
      data: { year, staleYear: m.year, staleCount: m.count, yearCount: m.reportYearCount },
      expected: year,
      actual: m.year,
    });
  }
  for (const a of result.asOf)
    context.report({ messageId: 'staleAsOf', range: [a.start, a.end], data: { year, excerpt: a.excerpt, staleYear: year - 1 }, expected: `${year}年12月31日`, actual: a.excerpt });
  for (const o of result.openings)
    context.report({ messageId: 'staleOpening', range: [o.start, o.end], data: { year, excerpt: o.excerpt, staleYear: year - 1 } });
}
