/**
 * Types of the template-table reader and identity evaluator.
 *
 * The template definitions themselves are public types (src/types.ts).
 */

import type { TableKind, ValueType, ColumnDefinition, RowDefinition, CellRef, OperandDefinition, SumIdentityDefinition, CellCheckDefinition, IdentityDefinition, ReadDefinition, TemplateDefinition, IdentityCheck, IdentityKind, IdentityOp } from '../../types';
export type { TableKind, ValueType, ColumnDefinition, RowDefinition, CellRef, OperandDefinition, SumIdentityDefinition, CellCheckDefinition, IdentityDefinition, ReadDefinition, TemplateDefinition, IdentityCheck, IdentityKind, IdentityOp };
export type ReadCellKind = 'number' | 'blank' | 'slash' | 'dash' | 'text';

export interface ReadCell {
  row: string;
  column: string;
  /** Parsed value; blank, '/', '-' give null. */
  value: number | null;
  /** Cell text as printed (normalised). */
  text: string;
  kind: ReadCellKind;
  /** A note printed inside the cell, e.g. 「其中修订 16 件」. */
  note?: string;
  /**
   * The cell was printed run together with its neighbours (「220000022」) and recovered by the
   * table's identities (spec/presentations.md §2.1): those identities are then no independent
   * evidence for it.
   */
  inferred?: boolean;
  /** Offsets into the text given to readTables. */
  start: number;
  end: number;
}

export interface ReadTable {
  id: TableKind;
  /** The template definition used, e.g. 'TPL2021-T3'. */
  template: string;
  /** Chinese name, e.g. 「表三 收到和处理政府信息公开申请情况」. */
  name: string;
  /** Which sibling definition was read, in words (zh), when the table has variants. */
  variant?: string;
  rows: Array<{ key: string; label: string }>;
  columns: Array<{ key: string; label: string }>;
  cells: ReadCell[];
  start: number;
  end: number;
  /** Value rows of the template whose numbers were not found (label missing or values unreadable). */
  missingRows: string[];
  /** Reading problems, in words (zh): stray numbers, layout that could not be aligned… */
  issues: string[];
  /** false when the layout could not be read row by row (e.g. column-major PDF text); cells are then empty. */
  readable: boolean;
}

