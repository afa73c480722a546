/**
 * Conversions between the reader's tables (offsets into the normalised text) and the report
 * model's `RecognisedTable` (unist positions in the caller's source).
 */
import type { Position, RecognisedTable } from '../../types';
import type { ReadCell, ReadTable } from './types';

/** A `ReadTable` as a `RecognisedTable`: offsets of the normalised text mapped by `positionOf`. */
export function toRecognisedTable(table: ReadTable, positionOf: (start: number, end: number) => Position): RecognisedTable {
  return {
    id: table.id,
    template: table.template,
    name: table.name,
    rows: table.rows,
    columns: table.columns,
    cells: table.cells.map((c) => {
      const { start, end, ...rest } = c;
      return { ...rest, position: positionOf(start, end) };
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
    const { position, ...rest } = c;
    return { ...rest, start: position.start.offset, end: position.end.offset };
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
