/**
 * The detection of tables-reconcile (the rule, ../tables-reconcile.ts, says what is checked and
 * reported). The identities themselves are evaluated by the kit (`model.identityChecks`); these pure
 * functions say what a failed or unchecked check means: its message, its blank cells, whether it rests
 * on inferred cells, and where it is.
 */
import type { IdentityCheck, Position, RecognisedTable } from '../../src/types';

/** A cell of the check was recovered from a run of digits by the identities (presentations.md §2.1). */
export function restsOnInferred(table: RecognisedTable, check: IdentityCheck): boolean {
  const refs = [{ row: check.row, column: check.column }, ...check.operands];
  return refs.some((ref) => table.cells.some((c) => c.inferred && c.row === ref.row && c.column === ref.column));
}

/** The message of a failed check: double counting, a bad cell value, or the kind of identity broken. */
export function messageIdOf(check: IdentityCheck): string {
  if (check.op === '!=') return 'doubleCounting';
  if (check.operands.length === 0 && check.expected === null) return 'cellType';
  return check.kind === 'OFFICIAL' ? 'official' : check.kind === 'STRUCTURAL' ? 'structural' : 'inferred';
}

/** Cells of a check that are printed but blank, '/' or '-' (not cells that were never read). */
export function blankCells(table: RecognisedTable, check: IdentityCheck): number {
  const refs = [{ row: check.row, column: check.column }, ...check.operands];
  let n = 0;
  for (const ref of refs) {
    const cell = table.cells.find((c) => c.row === ref.row && c.column === ref.column);
    if (cell && cell.value === null) n++;
  }
  return n;
}

/** The checked cell's position, else the table's. */
export function positionOf(recognised: RecognisedTable, check: IdentityCheck): Position {
  const cell = recognised.cells.find((c) => c.row === check.row && c.column === check.column);
  return cell?.position ?? recognised.position;
}
