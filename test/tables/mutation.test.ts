/**
 * Mutation tests: in consistent real tables and in tables built in each layout, change any one
 * number of 表三 or 表四 and an identity of that table must fail; the unchanged tables pass.
 */
import { describe, expect, it } from '@jest/globals';
import { evaluateTable, readTables, type ReadTable } from '../../src/structure/tables/index';
import { fixture, TEMPLATES } from '../helpers';
import { failing, norm, rowValues, tableOf } from './helpers';
import { cellPerLineLayout, pipeLayout, spacedLayout, tabLayout, T3_GRID, T4_VALUES } from './layouts';

const subjects: Array<[string, string]> = [
  ['seed 002 (tab)', norm(fixture('seeds/002_9ab6ef9a76a23be4.txt'))],
  ['上海 2025 (broken pipes)', norm(fixture('peers/kirogovcompare__shanghai-office-2025-source.md'))],
  ['科委 2024 (broken pipes)', norm(fixture('peers/kirogovcompare__kewei-2024-source.md'))],
  ['洪泽区 2024 (pdftotext -layout)', norm(fixture('tables/kirogovcompare__hzq2024_working.layout.txt'))],
  ['淮安市 2024 (pdftotext -layout)', norm(fixture('tables/govnianbao__szfgs2024.layout.txt'))],
  ['淮安市 2024 (plain pdftotext, 表三)', norm(fixture('tables/govnianbao__szfgs2024.raw.txt'))],
  ['built: tab-separated', norm(tabLayout())],
  ['built: Markdown pipes', norm(pipeLayout())],
  ['built: one cell per line', norm(cellPerLineLayout())],
  ['built: space-aligned PDF text', norm(spacedLayout())],
];

const mutable = (t: ReadTable) => (t.id === 'T3' || t.id === 'T4') && t.readable;

describe('built layouts read back the grid they were built from', () => {
  it.each(subjects.filter(([name]) => name.startsWith('built')))('%s', (_name, text) => {
    const tables = readTables(text, TEMPLATES);
    const t3 = tableOf(tables, 'T3');
    const t4 = tableOf(tables, 'T4');
    expect(t3.rows.filter((r) => t3.cells.some((c) => c.row === r.key)).map((r) => rowValues(t3, r.key))).toEqual(T3_GRID);
    expect(['review', 'direct', 'afterReview'].flatMap((r) => rowValues(t4, r))).toEqual(T4_VALUES);
  });
});

describe.each(subjects)('%s', (_name, text) => {
  const tables = readTables(text, TEMPLATES).filter(mutable);

  it('is consistent as printed: no identity of 表三 or 表四 fails', () => {
    expect(tables.length).toBeGreaterThan(0);
    expect(tables.flatMap((t) => failing(evaluateTable(t, TEMPLATES)))).toEqual([]);
  });

  it('changing any one number of 表三 or 表四 makes an identity of that table fail', () => {
    let mutations = 0;
    for (const table of tables) {
      for (const cell of table.cells) {
        if (cell.kind !== 'number' || cell.value === null) continue;
        const changed = String(cell.value + 3);
        const mutated = text.slice(0, cell.start) + changed + text.slice(cell.end);
        const again = readTables(mutated, TEMPLATES).find((t) => t.id === table.id)!;
        const read = again.cells.find((c) => c.row === cell.row && c.column === cell.column);
        const fails = failing(evaluateTable(again, TEMPLATES));
        expect({ table: table.id, row: cell.row, column: cell.column, read: read?.value, failsInTable: fails.some((f) => f.tableId === table.id) }).toEqual({
          table: table.id,
          row: cell.row,
          column: cell.column,
          read: cell.value + 3,
          failsInTable: true,
        });
        mutations++;
      }
    }
    expect(mutations).toBeGreaterThanOrEqual(15);
  });
});
