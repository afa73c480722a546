import { normalize } from '../../src/normalize/index';
import { TEMPLATES } from '../helpers';
import { evaluateTable, readTables, type IdentityCheck, type ReadTable } from '../../src/structure/tables/index';

export const norm = (raw: string) => normalize(raw).text;

export function tableOf(tables: ReadTable[], id: string): ReadTable {
  const t = tables.find((x) => x.id === id);
  if (!t) throw new Error(`table ${id} not read; read: ${tables.map((x) => x.id).join(',')}`);
  return t;
}

/** Values of a row in column order (null for blank cells, undefined when the cell is absent). */
export function rowValues(table: ReadTable, row: string): Array<number | null | undefined> {
  const cells = table.cells.filter((c) => c.row === row);
  const order = table.columns.map((c) => c.key).filter((k) => cells.some((c) => c.column === k));
  return order.map((k) => cells.find((c) => c.column === k)?.value);
}

export function value(table: ReadTable, row: string, column: string): number | null | undefined {
  return table.cells.find((c) => c.row === row && c.column === column)?.value;
}

export function checksOf(text: string): { tables: ReadTable[]; checks: IdentityCheck[] } {
  const tables = readTables(text, TEMPLATES);
  return { tables, checks: tables.flatMap((t) => evaluateTable(t, TEMPLATES)) };
}

export const failing = (checks: IdentityCheck[]) => checks.filter((c) => c.status === 'fail');
