/**
 * The detection of prior-year-duplication (the rule, ../prior-year-duplication.ts, says what is
 * checked and reported): pure functions of the report's text, sections and tables, with no rule
 * context. Tests call them directly.
 */
import { cellNumber, compactText, narrativeText, originalRange, tableOf } from '../../src/kit/index';
import type { RecognisedTable, ReportModel, SectionInfo } from '../../src/types';

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
// This year's report against last year's
// ---------------------------------------------------------------------------

export interface PriorYearOptions {
  /** Shingle length in characters (at least 2). */
  shingleSize: number;
  /** containment: share of this year's shingles found last year; jaccard: intersection over union. */
  measure: 'containment' | 'jaccard';
  /** Narratives shorter than this (comparable characters) are not compared. */
  minNarrativeChars: number;
  /** Problems material shorter than this is not compared. */
  minProblemsChars: number;
  /** The difference T2-3 may show without being reported. */
  stockFlowTolerance: number;
  /** Non-zero cells an identical table needs. */
  identicalMinNonZero: number;
}

export interface PriorYearComparison {
  /** The share of the narrative repeated from last year, when both narratives are long enough. */
  narrative: { share: number; characters: number } | null;
  /** The same for the problems material, with the heading of the first problems section. */
  problems: { share: number; range: [number, number] } | null;
  /** Carry-over (T3-7) and stock (T2-3) identities with last year's tables that do not hold. */
  broken: CrossYearCheck[];
  /** Tables whose numbers are all last year's. */
  identical: IdenticalTable[];
}

type PriorModel = ModelText & Pick<ReportModel, 'year' | 'tables'>;

/** The heading of the first problems section, where a finding on the problems material goes. */
export function problemsRange(model: Pick<ReportModel, 'sections'>): [number, number] | null {
  const first = model.sections.find((s) => s.key === 'problems');
  return first ? [first.headingStart, first.headingEnd] : null;
}

/** Compares a report with last year's: repeated narrative and problems text, cross-year identities, identical tables. */
export function comparePriorYear(model: PriorModel, previous: PriorModel, options: PriorYearOptions): PriorYearComparison {
  const k = options.shingleSize;
  const shareOf = (a: string, b: string): number => {
    const sim = similarity(a, b, k);
    return options.measure === 'jaccard' ? sim.jaccard : sim.containment;
  };

  const cur = narrativeForComparison(model);
  const prev = narrativeForComparison(previous);
  const narrative =
    cur.length >= options.minNarrativeChars && prev.length >= options.minNarrativeChars ? { share: shareOf(cur, prev), characters: cur.length } : null;

  const curProblems = problemsForComparison(model);
  const prevProblems = problemsForComparison(previous);
  const pRange = problemsRange(model);
  const problems =
    pRange && curProblems.length >= options.minProblemsChars && prevProblems.length >= options.minProblemsChars
      ? { share: shareOf(curProblems, prevProblems), range: pRange }
      : null;

  const t3 = tableOf(model.tables, 'T3');
  const pt3 = tableOf(previous.tables, 'T3');
  const t2 = tableOf(model.tables, 'T2');
  const pt2 = tableOf(previous.tables, 'T2');
  const checks: CrossYearCheck[] = [];
  // The carry-over and stock identities link consecutive years only (unknown years are assumed consecutive).
  const consecutive = previous.year === null || model.year === null || previous.year === model.year - 1;
  if (consecutive && t3 && pt3) checks.push(...carryOverChecks(t3, pt3));
  if (consecutive && t2 && pt2) checks.push(...stockFlowChecks(t2, pt2));
  const broken = checks.filter((check) => {
    const allowed = check.kind === 'stockFlow' ? options.stockFlowTolerance : 0;
    return !(Math.abs(check.expected - check.actual) <= allowed + 1e-9);
  });

  const identical: IdenticalTable[] = [];
  for (const table of model.tables) {
    const prevTable = previous.tables.find((t) => t.id === table.id && t.template === table.template);
    if (!prevTable) continue;
    const same = identicalTable(table, prevTable, options.identicalMinNonZero);
    if (same) identical.push(same);
  }
  return { narrative, problems, broken, identical };
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
