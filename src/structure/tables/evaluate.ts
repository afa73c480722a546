/**
 * evaluateTable: one generic evaluator for the identities (勾稽关系) declared in the template
 * definitions. A blank, '/', '-' or unread cell counts as 0 in the sum; a check that fails only
 * because of such cells is 'unchecked', not 'fail'.
 */
import { cellType, type CompiledTemplate, type TemplateSet } from './templates';
import type {
  CellCheckDefinition,
  IdentityCheck,
  IdentityOp,
  OperandDefinition,
  ReadCell,
  ReadTable,
  SumIdentityDefinition,
} from './types';

export interface Ref {
  row: string;
  column: string;
  sign: 1 | -1;
}

const OP_TEXT: Record<IdentityOp, string> = { '=': '=', '<=': '≤', '>=': '≥', '!=': '≠' };
const EPSILON = 1e-6;

function templateOf(table: ReadTable, templates: TemplateSet): CompiledTemplate | undefined {
  return templates.find((t) => t.def.key === table.template);
}

const bind = (key: string, value: string | null) => (key === '$' && value !== null ? value : key);

function expandOperand(o: OperandDefinition, row: string | null, column: string | null): Ref[] {
  const sign = o.sign ?? 1;
  if ('rows' in o) return o.rows.map((r) => ({ row: bind(r, row), column: bind(o.column, column), sign }));
  if ('columns' in o) return o.columns.map((c) => ({ row: bind(o.row, row), column: bind(c, column), sign }));
  return [{ row: bind(o.row, row), column: bind(o.column, column), sign }];
}

interface Bound {
  target: Ref;
  operands: Ref[];
  /** Filled once per template (formulas do not depend on the values). */
  formula?: string;
}

function bindings(def: SumIdentityDefinition): Bound[] {
  const rows = def.forEach?.rows;
  const columns = def.forEach?.columns;
  const values: Array<[string | null, string | null]> = rows
    ? rows.map((r) => [r, null])
    : columns
      ? columns.map((c) => [null, c])
      : [[null, null]];
  return values.map(([row, column]) => ({
    target: { row: bind(def.target.row, row), column: bind(def.target.column, column), sign: 1 },
    operands: def.operands.flatMap((o) => expandOperand(o, row, column)),
  }));
}

const bound = new WeakMap<SumIdentityDefinition, Bound[]>();

/** The expanded cells of an identity, computed once per definition. */
function boundOf(def: SumIdentityDefinition): Bound[] {
  let list = bound.get(def);
  if (!list) bound.set(def, (list = bindings(def)));
  return list;
}

function holds(actual: number, op: IdentityOp, expected: number): boolean {
  const diff = actual - expected;
  if (op === '=') return Math.abs(diff) < EPSILON;
  if (op === '!=') return Math.abs(diff) >= EPSILON;
  if (op === '<=') return diff < EPSILON;
  return diff > -EPSILON;
}

class TableView {
  private readonly cells = new Map<string, Map<string, ReadCell>>();

  constructor(
    readonly table: ReadTable,
    readonly t: CompiledTemplate,
  ) {
    for (const c of table.cells) {
      let row = this.cells.get(c.row);
      if (!row) this.cells.set(c.row, (row = new Map()));
      row.set(c.column, c);
    }
  }

  cell(ref: { row: string; column: string }): ReadCell | undefined {
    return this.cells.get(ref.row)?.get(ref.column);
  }

  rowLabel(row: string): string {
    const r = this.t.rowByKey.get(row);
    return r?.short ?? r?.label ?? row;
  }

  columnLabel(column: string): string {
    return this.t.columnByKey.get(column)?.label ?? column;
  }

  /** 「（七）总计[自然人]」; the column is left out in one-column tables. */
  cellLabel(ref: { row: string; column: string }): string {
    return this.t.def.columns.length === 1 ? this.rowLabel(ref.row) : `${this.rowLabel(ref.row)}[${this.columnLabel(ref.column)}]`;
  }

  formula(target: Ref, op: IdentityOp, operands: Ref[]): string {
    const right = operands
      .map((o, i) => (i === 0 ? (o.sign < 0 ? '−' : '') : o.sign < 0 ? ' − ' : ' + ') + this.cellLabel(o))
      .join('');
    return `${this.cellLabel(target)} ${OP_TEXT[op]} ${right}`;
  }
}

function range(view: TableView, cell: ReadCell | undefined): { start: number; end: number } {
  return cell ? { start: cell.start, end: cell.end } : { start: view.table.start, end: view.table.end };
}

function checkSum(view: TableView, def: SumIdentityDefinition, b: Bound): IdentityCheck | null {
  const targetCell = view.cell(b.target);
  const actual = targetCell?.value ?? null;
  if (def.onlyIfTargetPresent && actual === null) return null;
  const operands = b.operands.map((o) => ({ row: o.row, column: o.column, value: view.cell(o)?.value ?? null }));
  const blanks = operands.filter((o) => o.value === null).length + (actual === null ? 1 : 0);
  const expected = operands.reduce((s, o, i) => s + b.operands[i]!.sign * (o.value ?? 0), 0);
  let status: IdentityCheck['status'];
  if (actual === null || operands.every((o) => o.value === null)) status = 'unchecked';
  else if (holds(actual, def.op, expected)) status = 'pass';
  else status = blanks > 0 ? 'unchecked' : 'fail';
  return {
    identity: def.id,
    kind: def.kind,
    status,
    op: def.op,
    description: def.description,
    formula: (b.formula ??= view.formula(b.target, def.op, b.operands)),
    tableId: view.table.id,
    row: b.target.row,
    column: b.target.column,
    rowLabel: view.rowLabel(b.target.row),
    columnLabel: view.columnLabel(b.target.column),
    expected: round(expected),
    actual,
    operands,
    blankOperands: blanks,
    ...range(view, targetCell),
  };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** Cell-type checks report only the cells that break them. */
function checkCells(view: TableView, def: CellCheckDefinition): IdentityCheck[] {
  const out: IdentityCheck[] = [];
  for (const cell of view.table.cells) {
    if (cell.value === null) continue;
    const type = cellType(view.t, cell.row, cell.column);
    const ok = type === 'signed' || (cell.value >= 0 && (type === 'amount' || Number.isInteger(cell.value)));
    if (ok) continue;
    const rule = type === 'amount' ? '非负数' : '非负整数';
    out.push({
      identity: def.id,
      kind: def.kind,
      status: 'fail',
      op: '>=',
      description: def.description,
      formula: `${view.cellLabel(cell)} 应为${rule}`,
      tableId: view.table.id,
      row: cell.row,
      column: cell.column,
      rowLabel: view.rowLabel(cell.row),
      columnLabel: view.columnLabel(cell.column),
      expected: null,
      actual: cell.value,
      operands: [],
      blankOperands: 0,
      start: cell.start,
      end: cell.end,
    });
  }
  return out;
}

/** Every sum identity of a template with its cells bound (forEach expanded). */
export function sumBindings(t: CompiledTemplate): Array<{ def: SumIdentityDefinition; target: Ref; operands: Ref[] }> {
  const out: Array<{ def: SumIdentityDefinition; target: Ref; operands: Ref[] }> = [];
  for (const def of t.def.identities) if (!('check' in def)) for (const b of boundOf(def)) out.push({ def, target: b.target, operands: b.operands });
  return out;
}

/** Evaluates every identity of the table's template (found in `templates` by key) on the cells read. */
export function evaluateTable(table: ReadTable, templates: TemplateSet): IdentityCheck[] {
  const t = templateOf(table, templates);
  return t ? evaluateWith(table, t) : [];
}

/** Evaluates every identity of template `t` on the cells of `table`. */
export function evaluateWith(table: ReadTable, t: CompiledTemplate): IdentityCheck[] {
  const view = new TableView(table, t);
  const out: IdentityCheck[] = [];
  for (const def of t.def.identities) {
    if ('check' in def) {
      out.push(...checkCells(view, def));
      continue;
    }
    for (const b of boundOf(def)) {
      const check = checkSum(view, def, b);
      if (check) out.push(check);
    }
  }
  return out;
}
