/**
 * readTables: recognises the template tables in normalised report text by their labels and reads
 * them into typed grids (tables.md §4).
 */
import { findAnchors, type Anchor, type Region } from './anchors';
import { assignByAnchors, assignByLines, lastGapEnd, type Assignment } from './assign';
import { compactLabel } from './compact';
import { TABLE_BUDGET } from './infer';
import { recoverRows } from './recover';
import type { CompiledTemplate, TemplateSet } from './templates';
import { tokenize, type Token, type TokenizedText } from './tokens';
import type { ReadCell, ReadTable, TableKind } from './types';
import type { PrintedTable } from '../../types';

const KINDS: TableKind[] = ['T2', 'T3', 'T4', 'STAT'];
/** Fewest value rows a row-mode table must fill to count as recognised. */
const MIN_FILLED: Record<TableKind, number> = { T2: 2, T3: 3, T4: 1, STAT: 3 };

interface Candidate {
  table: ReadTable;
  score: number;
  strong: number;
}

function regionOf(doc: TokenizedText, cStart: number, cEnd: number): Region {
  return {
    cStart,
    cEnd,
    tokenStart: doc.compactToken[cStart]!,
    tokenEnd: cEnd < doc.compact.length ? doc.compactToken[cEnd]! : doc.tokens.length,
  };
}

function toCell(row: string, column: string, t: Token): ReadCell {
  const cell: ReadCell = {
    row,
    column,
    value: t.kind === 'number' ? t.value : null,
    text: t.text,
    kind: t.kind,
    start: t.start,
    end: t.end,
  };
  if (t.note !== undefined) cell.note = t.note;
  if (t.inferred) cell.inferred = true;
  return cell;
}

function baseTable(t: CompiledTemplate, start: number, end: number): ReadTable {
  const table: ReadTable = {
    id: t.def.id,
    template: t.def.key,
    name: t.def.name,
    rows: t.def.rows.map((r) => ({ key: r.key, label: r.label })),
    columns: t.def.columns.map((c) => ({ key: c.key, label: c.label })),
    cells: [],
    start,
    end,
    missingRows: t.rows.filter((r) => r.values && !r.optional).map((r) => r.key),
    issues: [],
    readable: true,
  };
  if (t.def.variant !== undefined) table.variant = t.def.variant;
  return table;
}

function cellsOf(t: CompiledTemplate, a: Assignment): ReadCell[] {
  const cells: ReadCell[] = [];
  for (const row of t.rows) {
    const rv = a.values.get(row.key);
    if (rv) rv.tokens.forEach((tok, i) => cells.push(toCell(row.key, row.columnKeys[i]!, tok)));
  }
  return cells;
}

function fill(table: ReadTable, t: CompiledTemplate, a: Assignment): void {
  table.cells = cellsOf(t, a);
  table.missingRows = a.missing;
  table.issues.push(...a.issues);
  for (const c of table.cells) {
    table.start = Math.min(table.start, c.start);
    table.end = Math.max(table.end, c.end);
  }
}

const isClean = (a: Assignment) => a.missing.length === 0 && a.dropped === 0 && a.moved === 0;

/** The value lines of the table read in template order, when the labels are out of place. */
function readByLines(doc: TokenizedText, t: CompiledTemplate, anchors: Anchor[], region: Region): Assignment | null {
  const inOrder = anchors.filter((x) => !x.displaced);
  const last = inOrder[inOrder.length - 1];
  if (!last) return null;
  const anchored = new Set(anchors.map((x) => x.row.key));
  const rows = t.rows.filter((r) => r.values && (!r.optional || anchored.has(r.key)));
  const from = Math.min(...anchors.map((x) => x.tokenStart));
  const a = assignByLines(doc, rows, from, lastGapEnd(doc.tokens, last, region.tokenEnd));
  if (a) for (const row of t.rows) if (row.values && !row.optional && !a.values.has(row.key)) a.missing.push(row.key);
  return a;
}

function readRows(doc: TokenizedText, t: CompiledTemplate, region: Region): Candidate | null {
  const anchors = findAnchors(doc, t, region);
  if (!anchors.some((x) => x.row.values)) return null;
  const at = doc.compactOffset[anchors[0]!.cStart]!;
  const table = baseTable(t, at, at);
  const byLabels = assignByAnchors(doc, t, anchors, region);
  // Rows whose numbers ran together, recovered by the identities; their lines are then no value
  // lines, so reading the value lines in order would shift rows.
  const runs = byLabels.columnMajor ? 0 : recoverRows(doc, t, anchors, region, byLabels, { left: TABLE_BUDGET });
  let chosen: Assignment = byLabels;
  const byLines = isClean(byLabels) || runs > 0 ? null : readByLines(doc, t, anchors, region);
  if (byLines) chosen = byLines;
  else if (byLabels.columnMajor || tooWide(t, byLabels)) {
    table.readable = false;
    table.issues.push(
      byLabels.columnMajor
        ? '数值按列排列（如按列导出的PDF文本），无法逐行读取'
        : '多数行的数值个数多于模板列数（可能多出“小计”等列），无法确定各数值所在的列',
    );
    return { table, score: 0, strong: strongCount(doc, t, region) };
  }
  fill(table, t, chosen);
  const filled = chosen.values.size;
  if (filled < MIN_FILLED[t.def.id]) return null;
  return { table, score: filled - chosen.missing.length - chosen.dropped, strong: strongCount(doc, t, region) };
}

/** Most rows carry more numbers than the template has columns: the grid has an extra column. */
function tooWide(t: CompiledTemplate, a: Assignment): boolean {
  const rows = t.rows.filter((r) => r.values).length;
  return a.wideRows >= Math.max(2, rows / 2);
}

function strongCount(doc: TokenizedText, t: CompiledTemplate, region: Region): number {
  let n = 0;
  for (const m of t.strongMarkers) {
    const at = doc.compact.indexOf(m, region.cStart);
    if (at >= 0 && at < region.cEnd) n++;
  }
  return n;
}

/** Header words of a flat table (结果, 维持, 总计, 结 …) that may sit between its values. */
function headerLike(t: CompiledTemplate, token: Token): boolean {
  const folded = compactLabel(token.text);
  if (folded.length === 0) return true;
  for (const ch of folded) if (!t.headerChars.has(ch)) return false;
  return true;
}

/** Index of the first value token after `from`, backed up over the explicit blank cells of its line. */
function firstValueIndex(tokens: Token[], from: number, to: number): number {
  let i = from;
  while (i < to && (tokens[i]!.kind === 'text' || tokens[i]!.kind === 'blank')) i++;
  if (i >= to) return -1;
  const line = tokens[i]!.line;
  while (i > from && tokens[i - 1]!.line === line && tokens[i - 1]!.kind === 'blank' && tokens[i - 1]!.cell) i--;
  return i;
}

/** The header labels in order, from `from`; the compact index after the last one, or -1. */
function headerEnd(doc: TokenizedText, t: CompiledTemplate, from: number, region: Region): number {
  let pos = -1;
  for (const marker of t.flatAfter) {
    const at = doc.compact.indexOf(marker, pos < 0 ? from : pos);
    if (at >= 0 && at < region.cEnd) pos = at + marker.length;
  }
  return pos;
}

/** Up to `count` values after the header; header words between them are skipped. */
function valuesAfter(doc: TokenizedText, t: CompiledTemplate, pos: number, region: Region, count: number): Token[] {
  const picked: Token[] = [];
  let i = firstValueIndex(doc.tokens, doc.compactToken[pos - 1]! + 1, region.tokenEnd);
  for (; i >= 0 && i < region.tokenEnd && picked.length < count; i++) {
    const tok = doc.tokens[i]!;
    if (tok.kind !== 'text') picked.push(tok);
    else if (!headerLike(t, tok)) break;
  }
  return picked;
}

/**
 * A row of `count` explicit blank cells (a tab or pipe row with nothing in it) after the header,
 * when no value is printed before the next label text: the value row of a blank table (the blank
 * national template). Null when a value (number, '/', '-') follows the header first: then the
 * numbers are read, even after a stray empty row.
 */
function blankRowAfter(doc: TokenizedText, t: CompiledTemplate, pos: number, region: Region, count: number): Token[] | null {
  const start = doc.compactToken[pos - 1]! + 1;
  let found: Token[] | null = null;
  let line = doc.tokens[start - 1]?.line ?? -1;
  // The header's own line holds label text: its trailing empty cells are not a value row.
  let onlyCells = false;
  let cells: Token[] = [];
  const endLine = () => {
    if (!found && onlyCells && cells.length >= count) found = cells.slice(0, count);
  };
  for (let i = start; i < region.tokenEnd; i++) {
    const tok = doc.tokens[i]!;
    if (tok.line !== line) {
      endLine();
      line = tok.line;
      onlyCells = true;
      cells = [];
    }
    if (tok.kind === 'text') {
      if (!headerLike(t, tok)) return found;
      onlyCells = false;
    } else if (tok.kind !== 'blank') return null;
    else if (tok.cell) cells.push(tok);
    else onlyCells = false;
  }
  endLine();
  return found;
}

const FLAT_ATTEMPTS = 3;

/**
 * The values after the header, in printed order (table 四: one row of 15 numbers). When the first
 * header label also occurs in running text, the next occurrences are tried.
 */
function readFlat(doc: TokenizedText, t: CompiledTemplate, region: Region): Candidate | null {
  if (t.def.read.mode !== 'flat') return null;
  const order = t.def.read.order;
  let from = region.cStart;
  let best: { pos: number; picked: Token[] } | null = null;
  for (let attempt = 0; attempt < FLAT_ATTEMPTS; attempt++) {
    const pos = headerEnd(doc, t, from, region);
    if (pos < 0) break;
    const picked = blankRowAfter(doc, t, pos, region, order.length) ?? valuesAfter(doc, t, pos, region, order.length);
    if (!best || picked.length > best.picked.length) best = { pos, picked };
    if (picked.length === order.length) break;
    const next = doc.compact.indexOf(t.flatAfter[0]!, from);
    if (next < 0) break;
    from = next + 1;
  }
  if (!best) return null;
  if (best.picked.length < order.length) {
    const blocks = readFlatBlocks(doc, t, region);
    if (blocks) return blocks;
  }
  const table = baseTable(t, doc.compactOffset[region.cStart]!, doc.compactOffset[best.pos - 1]! + 1);
  if (best.picked.length < order.length) {
    table.readable = false;
    table.issues.push(`表头之后只找到${best.picked.length}个数值（应为${order.length}个），无法按位置读取`);
    return { table, score: 0, strong: 0 };
  }
  table.cells = best.picked.map((tok, k) => toCell(order[k]![0], order[k]![1], tok));
  table.missingRows = [];
  table.end = Math.max(table.end, best.picked[best.picked.length - 1]!.end);
  return { table, score: order.length, strong: 0 };
}

/** How far before a flat table's start its first block label may stand (compact characters). */
const BLOCK_LOOKBACK = 200;

/**
 * A flat table printed as one small table per row (表四 as 「行政复议」 「结果维持 | … | 总计」
 * 「27 | 10 | 9 | 15 | 61」, then 「未经复议直接起诉」 …): each row's label, then its values. The
 * first row's label may stand before the region (the region starts at the later rows' markers).
 */
function readFlatBlocks(doc: TokenizedText, t: CompiledTemplate, region: Region): Candidate | null {
  if (t.def.read.mode !== 'flat') return null;
  const order = t.def.read.order;
  const groups: Array<{ row: string; columns: string[] }> = [];
  for (const [row, column] of order) {
    const last = groups[groups.length - 1];
    if (last && last.row === row) last.columns.push(column);
    else groups.push({ row, columns: [column] });
  }
  // Label positions, in order; the first may be found looking back from the region's start.
  const positions: number[] = [];
  const firstLabel = compactLabel(t.rowByKey.get(groups[0]!.row)?.label ?? '');
  const secondLabel = compactLabel(t.rowByKey.get(groups[1]?.row ?? '')?.label ?? '');
  const second = secondLabel ? doc.compact.indexOf(secondLabel, region.cStart) : -1;
  if (!firstLabel || second < 0 || second >= region.cEnd) return null;
  const first = doc.compact.lastIndexOf(firstLabel, second - 1);
  if (first < 0 || first < region.cStart - BLOCK_LOOKBACK) return null;
  positions.push(first, second);
  for (let g = 2; g < groups.length; g++) {
    const label = compactLabel(t.rowByKey.get(groups[g]!.row)?.label ?? '');
    const at = label ? doc.compact.indexOf(label, positions[g - 1]! + 1) : -1;
    if (at < 0 || at >= region.cEnd) return null;
    positions.push(at);
  }
  const cells: ReadCell[] = [];
  let end = 0;
  for (let g = 0; g < groups.length; g++) {
    const label = compactLabel(t.rowByKey.get(groups[g]!.row)!.label);
    const blockEnd = g + 1 < groups.length ? positions[g + 1]! : region.cEnd;
    const block = regionOf(doc, positions[g]!, blockEnd);
    const picked = valuesAfter(doc, t, positions[g]! + label.length, block, groups[g]!.columns.length);
    if (picked.length !== groups[g]!.columns.length || picked.some((tok) => tok.start >= doc.compactOffset[Math.min(blockEnd, doc.compact.length - 1)]!)) return null;
    picked.forEach((tok, k) => cells.push(toCell(groups[g]!.row, groups[g]!.columns[k]!, tok)));
    end = Math.max(end, picked[picked.length - 1]!.end);
  }
  const table = baseTable(t, doc.compactOffset[first]!, end);
  table.cells = cells;
  table.missingRows = [];
  return { table, score: order.length, strong: 0 };
}

function better(a: Candidate, b: Candidate): boolean {
  if ((a.strong > 0) !== (b.strong > 0)) return a.strong > 0;
  if (a.table.readable !== b.table.readable) return a.table.readable;
  return a.score > b.score || (a.score === b.score && a.table.rows.length > b.table.rows.length);
}

const MAX_STARTS = 4;

/** Start offsets (compact) of a table kind: occurrences of its start markers, first ones first. */
function startsOf(doc: TokenizedText, templates: CompiledTemplate[]): number[] {
  const found = new Set<number>();
  for (const t of templates)
    for (const m of t.startMarkers) {
      let from = 0;
      for (let n = 0; n < MAX_STARTS; n++) {
        const at = doc.compact.indexOf(m, from);
        if (at < 0) break;
        found.add(at);
        from = at + m.length;
      }
    }
  return [...found].sort((a, b) => a - b).slice(0, MAX_STARTS);
}

interface Kind {
  kind: TableKind;
  templates: CompiledTemplate[];
  starts: number[];
}

/** Region from `start` to the next start of another kind of table. */
function regionFrom(doc: TokenizedText, kinds: Kind[], self: Kind, start: number): Region {
  let end = doc.compact.length;
  for (const k of kinds) {
    if (k === self) continue;
    const next = k.starts.find((s) => s > start);
    if (next !== undefined && next < end) end = next;
  }
  return regionOf(doc, start, end);
}

const complete = (c: Candidate) => c.table.readable && c.table.missingRows.length === 0;

function readKind(doc: TokenizedText, kinds: Kind[], k: Kind): ReadTable | null {
  let best: Candidate | null = null;
  for (const start of k.starts) {
    const region = regionFrom(doc, kinds, k, start);
    for (const t of k.templates) {
      const c = t.def.read.mode === 'flat' ? readFlat(doc, t, region) : readRows(doc, t, region);
      if (c && (!best || better(c, best))) best = c;
    }
    if (best && complete(best)) break;
  }
  return best ? best.table : null;
}

/** Reads every template table found in `text` (normalised report text); offsets point into `text`. */
export function readTables(text: string, templates: TemplateSet): ReadTable[] {
  return readTablesWithCoverage(text, templates).tables;
}

/** A template table the text prints, with how many of its value cells were read (the model's `printedTables`). */
export type PrintedTableRead = PrintedTable;

/** Value cells a template has: each value row's columns (row mode) or the flat order. */
export function cellsExpected(t: CompiledTemplate): number {
  if (t.def.read.mode === 'flat') return t.def.read.order.length;
  let n = 0;
  for (const row of t.rows) if (row.values && !row.optional) n += row.columnKeys.length;
  return n;
}

/** Fewest distinct labels of a template that make its table "printed" (a start marker alone may be a file name). */
const PRINTED_LABELS = 2;
const MIN_LABEL = 5;

/** Distinct labels of `t` (start markers, header labels, row labels of 5+ characters) found in the region. */
function labelsFound(doc: TokenizedText, t: CompiledTemplate, region: Region): number {
  const seen = new Set<string>();
  const look = (label: string) => {
    if (label.length < MIN_LABEL && !t.startMarkers.includes(label)) return;
    const at = doc.compact.indexOf(label, region.cStart);
    if (at >= 0 && at < region.cEnd) seen.add(label);
  };
  for (const m of t.startMarkers) look(m);
  for (const m of t.flatAfter) look(m);
  for (const row of t.rows) for (const p of row.patterns) look(p);
  return seen.size;
}

/**
 * The template tables in `text` and, for every kind whose heading or labels are printed, how much of
 * it was read (spec/presentations.md §2.2: a table printed but not read is never a pass).
 */
export function readTablesWithCoverage(text: string, set: TemplateSet): { tables: ReadTable[]; printed: PrintedTableRead[] } {
  const doc = tokenize(text);
  const kinds: Kind[] = [];
  for (const kind of KINDS) {
    const templates = set.filter((t) => t.def.id === kind);
    const starts = startsOf(doc, templates);
    if (starts.length > 0) kinds.push({ kind, templates, starts });
  }
  const out: ReadTable[] = [];
  const printed: PrintedTableRead[] = [];
  for (const k of kinds) {
    const table = readKind(doc, kinds, k);
    if (table) out.push(table);
    // The template that prints the most of its labels (or the one read) stands for the table.
    let best: { t: CompiledTemplate; labels: number; region: Region } | null = null;
    for (const start of k.starts) {
      const region = regionFrom(doc, kinds, k, start);
      for (const t of k.templates) {
        const labels = labelsFound(doc, t, region);
        if (!best || labels > best.labels || (table && t.def.key === table.template && labels === best.labels)) best = { t, labels, region };
      }
    }
    if (!table && (!best || best.labels < PRINTED_LABELS)) continue;
    const t = (table && k.templates.find((x) => x.def.key === table.template)) || best!.t;
    const start = table ? table.start : doc.compactOffset[best!.region.cStart]!;
    const end = table ? table.end : start;
    printed.push({
      id: k.kind,
      template: t.def.key,
      name: t.def.name,
      cellsExpected: cellsExpected(t),
      cellsRead: table ? table.cells.length : 0,
      start,
      end: Math.max(start, end),
    });
  }
  return { tables: out.sort((a, b) => a.start - b.start), printed: printed.sort((a, b) => a.start - b.start) };
}
