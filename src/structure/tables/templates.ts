/**
 * Compiles declarative template definitions (the built-in ones are rules/templates/*.json, which the
 * built-in plugin registers; the engine hands the plugins' templates to structure): validates them
 * against schemas/template.schema.json, checks their references, and precompiles label patterns.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import schema from '../../../schemas/template.schema.json' with { type: 'json' };
import { compactLabel } from './compact';
import type { ColumnDefinition, IdentityDefinition, RowDefinition, TemplateDefinition, ValueType } from './types';

/** A row with its compiled patterns and column list. */
export interface CompiledRow extends RowDefinition {
  index: number;
  patterns: string[];
  columnKeys: string[];
  /** Parent rows that identities read as subtotals. */
  subtotal: boolean;
}

export interface CompiledTemplate {
  def: TemplateDefinition;
  rows: CompiledRow[];
  rowByKey: Map<string, CompiledRow>;
  columnByKey: Map<string, ColumnDefinition>;
  startMarkers: string[];
  strongMarkers: string[];
  /** flat mode: compacted header labels, and the characters header words may use. */
  flatAfter: string[];
  headerChars: Set<string>;
}

/** Compiled templates, in the order given (the reader tries them in this order). */
export type TemplateSet = readonly CompiledTemplate[];

const compiledSets = new WeakMap<readonly unknown[], TemplateSet>();
let validator: ValidateFunction | null = null;

function schemaErrors(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');
}

function refs(def: TemplateDefinition, identity: IdentityDefinition): Array<{ row: string; column: string }> {
  if (!('target' in identity)) return [];
  const out = [identity.target as { row: string; column: string }];
  for (const o of identity.operands) {
    if ('rows' in o) for (const row of o.rows) out.push({ row, column: o.column });
    else if ('columns' in o) for (const column of o.columns) out.push({ row: o.row, column });
    else out.push(o);
  }
  const bound = identity.forEach?.rows ?? identity.forEach?.columns ?? [];
  const byRow = identity.forEach?.rows !== undefined;
  return out.flatMap((r) =>
    bound.length === 0
      ? [r]
      : bound.map((b) => ({ row: r.row === '$' && byRow ? b : r.row, column: r.column === '$' && !byRow ? b : r.column })),
  );
}

/** Reference checks the schema cannot express. */
function checkReferences(def: TemplateDefinition): string[] {
  const problems: string[] = [];
  const rows = new Set(def.rows.map((r) => r.key));
  const columns = new Set(def.columns.map((c) => c.key));
  if (rows.size !== def.rows.length) problems.push('duplicate row key');
  if (columns.size !== def.columns.length) problems.push('duplicate column key');
  for (const r of def.rows) {
    if (r.parent !== null && !rows.has(r.parent)) problems.push(`row ${r.key}: unknown parent ${r.parent}`);
    for (const c of r.columns ?? []) if (!columns.has(c)) problems.push(`row ${r.key}: unknown column ${c}`);
    if (r.match.some((m) => compactLabel(m).length === 0)) problems.push(`row ${r.key}: empty pattern`);
  }
  for (const identity of def.identities)
    for (const ref of refs(def, identity)) {
      if (!rows.has(ref.row)) problems.push(`${identity.id}: unknown row ${ref.row}`);
      if (!columns.has(ref.column)) problems.push(`${identity.id}: unknown column ${ref.column}`);
    }
  if (def.read.mode === 'flat')
    for (const [row, column] of def.read.order)
      if (!rows.has(row) || !columns.has(column)) problems.push(`read.order: unknown cell ${row}/${column}`);
  return problems;
}

/** Rows that conditional identities (onlyIfTargetPresent) read as targets: subtotals when printed. */
function subtotalRows(def: TemplateDefinition): Set<string> {
  const out = new Set<string>();
  for (const identity of def.identities) {
    if (!('target' in identity) || !identity.onlyIfTargetPresent) continue;
    const rows = identity.target.row === '$' ? (identity.forEach?.rows ?? []) : [identity.target.row];
    for (const row of rows) out.add(row);
  }
  return out;
}

function compile(def: TemplateDefinition): CompiledTemplate {
  const subtotals = subtotalRows(def);
  const allColumns = def.columns.map((c) => c.key);
  const rows = def.rows.map((r, index) => ({
    ...r,
    index,
    patterns: r.match.map(compactLabel),
    columnKeys: r.columns ?? allColumns,
    subtotal: !r.values && subtotals.has(r.key),
  }));
  const headerChars = new Set<string>();
  for (const c of def.columns) for (const ch of compactLabel(c.label)) headerChars.add(ch);
  for (const ch of '总计') headerChars.add(ch);
  return {
    def,
    rows,
    rowByKey: new Map(rows.map((r) => [r.key, r])),
    columnByKey: new Map(def.columns.map((c) => [c.key, c])),
    startMarkers: def.markers.start.map(compactLabel),
    strongMarkers: (def.markers.strong ?? []).map(compactLabel),
    flatAfter: def.read.mode === 'flat' ? def.read.after.map(compactLabel) : [],
    headerChars,
  };
}

/**
 * Validates and compiles template definitions (once per array). Throws an Error naming the
 * template for a definition that breaks the schema or refers to an unknown row or column, or for
 * two definitions with one key.
 */
export function compileTemplates(sources: readonly unknown[]): TemplateSet {
  const hit = compiledSets.get(sources);
  if (hit) return hit;
  validator ??= new Ajv({ allErrors: true }).compile(schema as object);
  const out: CompiledTemplate[] = [];
  const keys = new Set<string>();
  for (const source of sources) {
    if (!validator(source)) throw new Error(`invalid template definition ${String((source as { key?: unknown })?.key)}: ${schemaErrors(validator)}`);
    const def = source as TemplateDefinition;
    const problems = checkReferences(def);
    if (problems.length > 0) throw new Error(`template ${def.key}: ${problems.join('; ')}`);
    if (keys.has(def.key)) throw new Error(`template ${def.key} is defined twice`);
    keys.add(def.key);
    out.push(compile(def));
  }
  compiledSets.set(sources, out);
  return out;
}

/** The definitions of a compiled set. */
export function loadTemplates(set: TemplateSet): TemplateDefinition[] {
  return set.map((t) => t.def);
}

/** Value type of a cell: the row's override, else the column's. */
export function cellType(t: CompiledTemplate, row: string, column: string): ValueType {
  return t.rowByKey.get(row)?.type ?? t.columnByKey.get(column)?.type ?? 'count';
}
