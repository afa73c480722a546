/**
 * Types of the template-table reader and identity evaluator.
 *
 * `TemplateDefinition` mirrors schemas/template.schema.json (the JSON files in rules/templates/).
 */

export type TableKind = 'T2' | 'T3' | 'T4' | 'STAT';
export type ValueType = 'count' | 'amount' | 'signed';
import type { IdentityCheck, IdentityKind, IdentityOp } from '../../types';
export type { IdentityCheck, IdentityKind, IdentityOp };
export type ReadCellKind = 'number' | 'blank' | 'slash' | 'dash' | 'text';

export interface ColumnDefinition {
  key: string;
  label: string;
  type: ValueType;
  /** Words of a cell note that name this column (「其中修订 16 件」 → 本年制发件数). */
  noteWords?: string[];
}

export interface RowDefinition {
  key: string;
  /** Verbatim label as printed in the template. */
  label: string;
  /** Label used in formulas and messages. */
  short?: string;
  /** Label forms to look for, best first (compacted before matching). */
  match: string[];
  parent: string | null;
  leaf: boolean;
  /** The template expects numbers in this row. */
  values: boolean;
  optional?: boolean;
  /** Columns of this row in printed order (default: all). */
  columns?: string[];
  type?: ValueType;
}

export interface CellRef {
  row: string;
  column: string;
  sign?: 1 | -1;
}

export type OperandDefinition =
  | CellRef
  | { rows: string[]; column: string; sign?: 1 | -1 }
  | { row: string; columns: string[]; sign?: 1 | -1 };

export interface SumIdentityDefinition {
  id: string;
  kind: IdentityKind;
  description: string;
  forEach?: { rows?: string[]; columns?: string[] };
  target: CellRef;
  op: IdentityOp;
  operands: OperandDefinition[];
  onlyIfTargetPresent?: boolean;
}

export interface CellCheckDefinition {
  id: string;
  kind: IdentityKind;
  description: string;
  check: 'cellType';
}

export type IdentityDefinition = SumIdentityDefinition | CellCheckDefinition;

export type ReadDefinition =
  | { mode: 'rows' }
  | { mode: 'flat'; after: string[]; order: Array<[string, string]> };

export interface TemplateDefinition {
  id: TableKind;
  /** e.g. 'TPL2021-T3'. */
  key: string;
  template: 'TPL2019' | 'TPL2021' | 'BOTH' | 'REG2007';
  name: string;
  variant?: string;
  markers: { start: string[]; strong?: string[] };
  read: ReadDefinition;
  columns: ColumnDefinition[];
  rows: RowDefinition[];
  identities: IdentityDefinition[];
}

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

