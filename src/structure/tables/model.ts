/**
 * Conversions between the reader's tables (offsets into the normalised text) and the report
 * model's `RecognisedTable` (unist positions in the caller's source).
 */
import type { Position, RecognisedTable, TableCell } from '../../types';
import { evaluateTable } from './evaluate';
import type { TemplateSet } from './templates';
import type { IdentityCheck, ReadCell, ReadTable } from './types';

/** A `ReadTable` as a `RecognisedTable`: offsets of the normalised text mapped by `positionOf`. */
export function toRecognisedTable(table: ReadTable, positionOf: (start: number, end: number) => Position): RecognisedTable {
  return {
    id: table.id,
    template: table.template,
    name: table.name,
    rows: table.rows,
    columns: table.columns,
    cells: table.cells.map((c) => {
      const cell: TableCell = { row: c.row, column: c.column, value: c.value, text: c.text, kind: c.kind, position: positionOf(c.start, c.end) };
      if (c.note !== undefined) cell.note = c.note;
      if (c.inferred) cell.inferred = true;
      return cell;
    }),
    position: positionOf(table.start, table.end),
  };
}

/**
 * A `RecognisedTable` back as a `ReadTable` for `evaluateTable`; offsets are then source offsets
 * (use the cells' positions to report).
 */
export function fromRecognisedTable(table: RecognisedTable): ReadTable {
  const cells: ReadCell[] = table.cells.map((c) => {
    const cell: ReadCell = { row: c.row, column: c.column, value: c.value, text: c.text, kind: c.kind, start: c.position.start.offset, end: c.position.end.offset };
    if (c.note !== undefined) cell.note = c.note;
    if (c.inferred) cell.inferred = true;
    return cell;
  });
  const rowsWithCells = new Set(cells.map((c) => c.row));
  return {
    id: table.id,
    template: table.template,
    name: table.name,
    rows: table.rows,
    columns: table.columns,
    cells,
    start: table.position.start.offset,
    end: table.position.end.offset,
    missingRows: table.rows.map((r) => r.key).filter((k) => !rowsWithCells.has(k)),
    issues: [],
    readable: cells.length > 0,
  };
}

/**
 * The identity checks of a recognised table that did not come from a model (the model computes
 * its tables' checks once, `ReportModel.identityChecks`).
 */
export function evaluateRecognised(recognised: RecognisedTable, templates: TemplateSet): { table: ReadTable; checks: IdentityCheck[] } {
  const table = fromRecognisedTable(recognised);
  return { table, checks: evaluateTable(table, templates) };
}
