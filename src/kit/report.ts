/**
 * Report-model helpers for rules (part of the kit): the narrative with the tables masked out, and
 * cell access on recognised tables by template keys.
 */
import type { RecognisedTable, ReportModel, TableCell, TemplateDefinition } from '../types';
import { auditSlot } from '../engine/cache';

// ---------------------------------------------------------------------------
// The narrative: the analysis text with the tables masked
// ---------------------------------------------------------------------------

export interface NarrativeOptions {
  /** Also mask the section heading lines (template wording, not prose). Default false. */
  headings?: boolean;
}

/**
 * `model.text` with every recognised table range, and every Markdown table line (「| … |」), replaced
 * by line breaks. The result has the length of `model.text`, so offsets stay valid; a masked range
 * becomes a paragraph break for `compactText`, so text before and after a table never joins.
 */
export function narrativeText(
  model: Pick<ReportModel, 'text' | 'tableRanges' | 'sections'>,
  options: NarrativeOptions = {},
): string {
  // Several rules read the same model's narrative: computed once per model in an audit.
  const narratives = auditSlot('narrativeText', () => new Map<object, { plain?: string; headings?: string }>());
  if (!narratives) return maskNarrative(model, options);
  let memo = narratives.get(model);
  if (!memo) narratives.set(model, (memo = {}));
  const key = options.headings ? 'headings' : 'plain';
  return (memo[key] ??= maskNarrative(model, options));
}

function maskNarrative(model: Pick<ReportModel, 'text' | 'tableRanges' | 'sections'>, options: NarrativeOptions): string {
  const text = model.text;
  const ranges: Array<[number, number]> = model.tableRanges.map(([a, b]) => [a, b]);
  // Markdown table rows left outside the recognised ranges (a split table, a header row).
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let i = lineStart;
    while (i < lineEnd && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
    if (i < lineEnd && text.charCodeAt(i) === 0x7c /* | */) ranges.push([lineStart, lineEnd]);
    lineStart = lineEnd + 1;
  }
  if (options.headings) for (const s of model.sections) ranges.push([s.headingStart, s.headingEnd]);
  ranges.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let at = 0;
  for (const [a, b] of ranges) {
    const start = Math.max(at, Math.max(0, a));
    const end = Math.min(text.length, b);
    if (end <= start) continue;
    parts.push(text.slice(at, start), '\n'.repeat(end - start));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

// ---------------------------------------------------------------------------
// Cells by template keys
// ---------------------------------------------------------------------------

export function findCell(table: RecognisedTable, row: string, column: string): TableCell | undefined {
  return table.cells.find((c) => c.row === row && c.column === column);
}

/** The numeric value of a cell, or null (absent, blank, '/', '-', text). */
export function cellNumber(table: RecognisedTable, row: string, column: string): number | null {
  const cell = findCell(table, row, column);
  return cell && cell.kind === 'number' && cell.value !== null && Number.isFinite(cell.value) ? cell.value : null;
}

/** The label of a row as recognised (falls back to the key). */
export function rowLabel(table: RecognisedTable, row: string): string {
  return table.rows.find((r) => r.key === row)?.label ?? row;
}

export function columnLabel(table: RecognisedTable, column: string): string {
  return table.columns.find((c) => c.key === column)?.label ?? column;
}

/** The table of a kind, preferring one with numeric cells. */
export function tableOf(tables: readonly RecognisedTable[], id: RecognisedTable['id']): RecognisedTable | null {
  const candidates = tables.filter((t) => t.id === id);
  return candidates.find((t) => t.cells.some((c) => c.kind === 'number')) ?? candidates[0] ?? null;
}

const childrenOf = new WeakMap<TemplateDefinition, Map<string, string[]>>();

/**
 * The keys of the leaf rows under a row of a template (e.g. 'refused' → the eight reasons), in
 * order; a leaf row gives itself. `templates` are the model's (`model.templates`).
 */
export function leafRows(templates: readonly TemplateDefinition[], template: string, parent: string): string[] {
  const def = templates.find((t) => t.key === template);
  if (!def) return [];
  let byParent = childrenOf.get(def);
  if (!byParent) {
    byParent = new Map();
    for (const r of def.rows) {
      if (r.parent === null) continue;
      const list = byParent.get(r.parent) ?? [];
      list.push(r.key);
      byParent.set(r.parent, list);
    }
    childrenOf.set(def, byParent);
  }
  const out: string[] = [];
  const visit = (key: string) => {
    const list = byParent!.get(key);
    if (!list || list.length === 0) {
      out.push(key);
      return;
    }
    for (const c of list) visit(c);
  };
  visit(parent);
  return out;
}
