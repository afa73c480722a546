/**
 * Cells run together (spec/presentations.md §2.1): real tables with the separators between a row's
 * cells removed are read back by the identities, marked inferred; an ambiguous row is not read and
 * the table is then not a pass.
 */
import { describe, expect, it } from '@jest/globals';
import { audit } from '../../src/index';
import { readTables, readTablesWithCoverage } from '../../src/structure/tables/index';
import { ROW_BUDGET, runAt, splitRun, type RunIdentity } from '../../src/structure/tables/infer';
import { expectLinearCost, fixture, TEMPLATES } from '../helpers';
import { norm, tableOf } from './helpers';

const shuyang = fixture('real/202_2025_county_shuyang.txt');
/** A pipe row of 表三 with seven numbers: 「| 予以公开 | 290 | 1 | 0 | 0 | 3 | 0 | 294 |」. */
const SEVEN_CELL_ROW = /^\| ([^|\d][^|]*?) \|((?: \d+ \|){7})$/gm;

/** Shuyang with the seven cells of every such row run into one pipe cell (「| 予以公开 | 29010030294 |」). */
const shuyangRunTogether = shuyang.replace(SEVEN_CELL_ROW, (_m, label: string, cells: string) => `| ${label} | ${cells.replace(/[ |]/g, '')} |`);
/** …or glued to the label (「| 予以公开29010030294 |」). */
const shuyangGlued = shuyang.replace(SEVEN_CELL_ROW, (_m, label: string, cells: string) => `| ${label}${cells.replace(/[ |]/g, '')} |`);

const cellsOf = (text: string) => tableOf(readTables(norm(text), TEMPLATES), 'T3').cells;

describe('表三 rows run together in a real report (202 Shuyang 2025)', () => {
  const original = cellsOf(shuyang);
  const changed = [...shuyang.matchAll(SEVEN_CELL_ROW)].length;

  it.each([
    ['run into one cell', shuyangRunTogether],
    ['glued to the label', shuyangGlued],
  ])('%s: every cell read back, the recovered ones marked inferred', (_name, text) => {
    expect(changed).toBeGreaterThanOrEqual(6);
    const cells = cellsOf(text);
    expect(cells).toHaveLength(175);
    const strip = (c: (typeof cells)[number]) => ({ row: c.row, column: c.column, value: c.value });
    expect(cells.map(strip).sort(byKey)).toEqual(original.map(strip).sort(byKey));
    const inferred = cells.filter((c) => c.inferred);
    expect(inferred).toHaveLength(changed * 7);
    // The rows with real non-zero numbers are among them, e.g. 一 = 705 | 3 | 0 | 0 | 5 | 0 | 713.
    expect(inferred.filter((c) => c.row === 'new').map((c) => c.value)).toEqual([705, 3, 0, 0, 5, 0, 713]);
    expect(original.some((c) => c.inferred)).toBe(false);
    // Each inferred cell points at its own digits.
    const n = norm(text);
    for (const c of inferred) expect(n.slice(c.start, c.end)).toBe(c.text);
  });

  it('the audit reports the inferred cells and the same tables-reconcile outcome', () => {
    const before = audit(shuyang);
    const after = audit(shuyangRunTogether);
    const outcome = (r: typeof before) => r.rules.find((x) => x.ruleId === 'tables-reconcile')!.outcome;
    expect(outcome(after)).toBe(outcome(before));
    const t3 = after.report.tables.find((t) => t.id === 'T3')!;
    expect(t3.cells.filter((c) => c.inferred)).toHaveLength(changed * 7);
    expect(before.report.tables.find((t) => t.id === 'T3')!.cells.some((c) => c.inferred)).toBe(false);
  });
});

const byKey = (a: { row: string; column: string }, b: { row: string; column: string }) =>
  a.row === b.row ? a.column.localeCompare(b.column) : a.row.localeCompare(b.row);

describe('seed 002 with rows run together', () => {
  const seed = fixture('seeds/002_9ab6ef9a76a23be4.txt');
  /** The row's seven zero cells (and any trailing empty cell). */
  const zeros = /(?:\t+0){7}\t*$/;
  const rowOf = (label: string) => new RegExp(`^${label}.*$`, 'm');
  const glue = (text: string, label: string, digits: string) => {
    expect(text).toMatch(rowOf(label));
    return text.replace(rowOf(label), (line) => {
      expect(line).toMatch(zeros);
      return line.replace(zeros, digits);
    });
  };

  it('an all-zero row run together has one split and is read as inferred zeros', () => {
    const text = glue(seed, '一、本年新收政府信息公开申请数量', '0000000');
    const t3 = tableOf(readTables(norm(text), TEMPLATES), 'T3');
    expect(t3.cells).toHaveLength(175);
    const row = t3.cells.filter((c) => c.row === 'new');
    expect(row.map((c) => [c.value, c.inferred])).toEqual(Array(7).fill([0, true]));
    expect(audit(text).rules.find((r) => r.ruleId === 'tables-reconcile')!.outcome).toBe('pass');
  });

  it('rows that split several ways and that the column identities cannot settle are not read; the table is then incomplete', () => {
    // 一 = 四 = 22 | 0 | 0 | 0 | 0 | 0 | 22 (nothing handled, all carried over): 「220000022」 is also 2 | 20 | 0 | 0 | 0 | 0 | 22,
    // and 一 + 二 = （七） + 四 ties the two unread rows together.
    let text = glue(seed, '一、本年新收政府信息公开申请数量', '220000022');
    text = glue(text, '四、结转下年度继续办理', '220000022');
    const { tables, printed } = readTablesWithCoverage(norm(text), TEMPLATES);
    const t3 = tableOf(tables, 'T3');
    expect(t3.cells).toHaveLength(175 - 14);
    expect(t3.cells.some((c) => c.row === 'new' || c.row === 'carryOver')).toBe(false);
    expect(t3.missingRows).toEqual(expect.arrayContaining(['new', 'carryOver']));
    const issue = t3.issues.find((i) => i.includes('220000022'))!;
    expect(issue).toContain('22|0|0|0|0|0|22');
    expect(issue).toContain('2|20|0|0|0|0|22');
    expect(printed.find((p) => p.id === 'T3')).toMatchObject({ cellsExpected: 175, cellsRead: 161 });
    const result = audit(text);
    expect(result.rules.find((r) => r.ruleId === 'tables-reconcile')!.outcome).toBe('incomplete');
  });

  it('a row that splits two ways is settled by the column identities with the rows read', () => {
    // Only 一 run together; 四 printed apart as 22 | 0 | … | 22: 一 + 二 = （七） + 四 leaves 22 | 0 | 0 | 0 | 0 | 0 | 22.
    let text = glue(seed, '一、本年新收政府信息公开申请数量', '220000022');
    text = text.replace(rowOf('四、结转下年度继续办理'), (line) => line.replace(zeros, '\t\t22\t0\t0\t0\t0\t0\t22'));
    const t3 = tableOf(readTables(norm(text), TEMPLATES), 'T3');
    expect(t3.cells.filter((c) => c.row === 'new').map((c) => [c.value, c.inferred])).toEqual([
      [22, true],
      [0, true],
      [0, true],
      [0, true],
      [0, true],
      [0, true],
      [22, true],
    ]);
    const result = audit(text);
    expect(result.rules.find((r) => r.ruleId === 'tables-reconcile')!.outcome).toBe('pass');
  });

  it('a finding that rests on an inferred row says so, in both locales', () => {
    // 一 run together as 3 | 0 | 0 | 0 | 0 | 0 | 3 while the rest of the table stays 0: T3-3 fails on inferred cells.
    const text = glue(seed, '一、本年新收政府信息公开申请数量', '3000003');
    const zh = audit(text).findings.filter((f) => f.ruleId === 'tables-reconcile' && f.data?.inferred === true);
    expect(zh.length).toBeGreaterThan(0);
    for (const f of zh) expect(f.message).toContain('（该行数值由勾稽关系推断，非独立证据）');
    const en = audit(text, { locale: 'en' }).findings.filter((f) => f.ruleId === 'tables-reconcile' && f.data?.inferred === true);
    expect(en.length).toBe(zh.length);
    for (const f of en) expect(f.message).toContain("(this row's values were inferred from the identities, so they are not independent evidence)");
    // Findings on cells printed apart do not carry the note.
    const plain = audit(text).findings.filter((f) => f.ruleId === 'tables-reconcile' && f.data?.inferred !== true);
    for (const f of plain) expect(f.message).not.toContain('推断，非独立证据');
  });
});

describe('splitRun', () => {
  const run = (s: string) => runAt(s, 0)!;
  /** 表三 row: the six applicant columns sum to the seventh. */
  const t3Row: RunIdentity[] = [{ target: 6, operands: [0, 1, 2, 3, 4, 5].map((index) => ({ index, sign: 1 as const })) }];
  const unsigned = (n: number) => Array<boolean>(n).fill(false);

  it('reads the examples of presentations.md §2.1', () => {
    const out = splitRun(run('220000022'), unsigned(7), t3Row, { left: 1e6 });
    expect(out.status).toBe('several');
    expect(out.splits.map((s) => s.map((c) => c.value))).toEqual([
      [2, 20, 0, 0, 0, 0, 22],
      [22, 0, 0, 0, 0, 0, 22],
    ]);
    const signed = splitRun(run('1530-12466'), [false, true, false], [], { left: 1e6 });
    expect(signed.splits.map((s) => s.map((c) => c.text))).toContainEqual(['1530', '-12', '466']);
    expect(signed.splits.every((s) => s[0]!.value === 1530 && s[1]!.value < 0)).toBe(true);
  });

  it('spaces are cell boundaries and no cell has a leading zero', () => {
    const out = splitRun(run('70530 050713'), unsigned(7), t3Row, { left: 1e6 });
    expect(out.splits.map((s) => s.map((c) => c.value))).toEqual([[705, 3, 0, 0, 5, 0, 713]]);
    expect(splitRun(run('705 3 0 0 5 0713'), unsigned(7), t3Row, { left: 1e6 }).splits.map((s) => s.map((c) => c.value))).toEqual([[705, 3, 0, 0, 5, 0, 713]]);
    expect(splitRun(run('705 3 0 0 5 00713'), unsigned(7), t3Row, { left: 1e6 }).status).toBe('none');
  });

  it('stops at its budget on hostile runs, at a cost linear in the run', () => {
    const budget = { left: 1e9 };
    const long = splitRun(run('1'.repeat(84)), unsigned(7), t3Row, budget);
    expect(long.status).not.toBe('one');
    expect(1e9 - budget.left).toBeLessThanOrEqual(ROW_BUDGET + 1);
    // A hostile table: many rows of long digit runs, each glued to a 表三 label.
    const rows = (k: number) => Array.from({ length: k }, (_, i) => `（一）予以公开${String(7 * i + 1).padEnd(60, '9')}`).join('\n');
    expectLinearCost(() => readTables(rows(2_000), TEMPLATES), rows(2_000).length);
  });
});
