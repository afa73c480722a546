/**
 * Blocks: the normalised lines of any format → paragraphs and tables.
 *
 * Blocks are paragraphs (one per non-blank line: report text keeps a paragraph per line) and tables in
 * the layouts real reports arrive in: tab-separated rows with ragged leading cells, Markdown pipe rows,
 * space-aligned PDF rows ("label 3001 53 0 0 61 4 3119"), and one cell per line (a label line followed
 * by value lines). Offsets are into the normalised text the lines come from.
 */
import type { TextLine } from '../types';

export interface BlockCell {
  start: number;
  end: number;
  text: string;
}

export interface BlockRow {
  start: number;
  end: number;
  cells: BlockCell[];
}

export interface Block {
  type: 'paragraph' | 'table';
  start: number;
  end: number;
  /** Indexes of the lines the block covers. */
  lines: number[];
  rows?: BlockRow[];
}

const NUMERIC_CELL = /^[-+]?\d[\d,]*(?:\.\d+)?$/;
const VALUE_LIKE = /^(?:[-+]?\d[\d,]*(?:\.\d+)?|[/\-—–]|无)$/;

function isBlank(text: string): boolean {
  return text.trim().length === 0;
}

/** Splits a line into cells on tabs, keeping each cell's offsets. */
function splitOn(line: TextLine, separator: string, trimEdges: boolean): BlockCell[] {
  const cells: BlockCell[] = [];
  let cellStart = 0;
  const t = line.text;
  for (let i = 0; i <= t.length; i++) {
    if (i === t.length || t[i] === separator) {
      cells.push(makeCell(line, cellStart, i));
      cellStart = i + 1;
    }
  }
  if (trimEdges) {
    if (cells.length > 0 && cells[0]!.text === '') cells.shift();
    if (cells.length > 0 && cells[cells.length - 1]!.text === '') cells.pop();
  }
  return cells;
}

function makeCell(line: TextLine, from: number, to: number): BlockCell {
  let a = from;
  let b = to;
  while (a < b && line.text[a] === ' ') a++;
  while (b > a && line.text[b - 1] === ' ') b--;
  return { start: line.start + a, end: line.start + b, text: line.text.slice(a, b) };
}

/** "label 12 0 3" → label cell + one cell per trailing number (at least two numbers). */
function splitSpaceAligned(line: TextLine): BlockCell[] | null {
  const t = line.text;
  const tokens: Array<[number, number]> = [];
  let i = 0;
  while (i < t.length) {
    while (i < t.length && t[i] === ' ') i++;
    const s = i;
    while (i < t.length && t[i] !== ' ') i++;
    if (i > s) tokens.push([s, i]);
  }
  let k = tokens.length;
  while (k > 0 && VALUE_LIKE.test(t.slice(tokens[k - 1]![0], tokens[k - 1]![1]))) k--;
  const values = tokens.length - k;
  if (values < 2) return null;
  const cells: BlockCell[] = [];
  if (k > 0) cells.push(makeCell(line, tokens[0]![0], tokens[k - 1]![1]));
  for (let j = k; j < tokens.length; j++) cells.push(makeCell(line, tokens[j]![0], tokens[j]![1]));
  return cells;
}

function isPipeRow(text: string): boolean {
  const t = text.trim();
  if (!t.startsWith('|')) return false;
  let pipes = 0;
  for (const ch of t) if (ch === '|') pipes++;
  return pipes >= 2;
}

/** A cell of a Markdown separator row, trimmed: 「---」, 「:--」, 「--:」, 「:-:」. */
const SEPARATOR_CELL = /^:?-{2,}:?$/;

/**
 * A Markdown separator row (「|---|:--:|」, 「--- | ---」): cells split on `|`, one optional `|` at
 * each end. Written as a split rather than as one regex: the whitespace around a cell could be
 * matched by two adjacent `\s*`, quadratic on a long run of spaces.
 */
export function isPipeSeparator(text: string): boolean {
  let t = text.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|')) t = t.slice(0, -1);
  return t.split('|').every((cell) => SEPARATOR_CELL.test(cell.trim()));
}

/** A table row in one of the one-line layouts, or null. */
export function rowCells(line: TextLine): BlockCell[] | null {
  if (line.text.includes('\t')) {
    const cells = splitOn(line, '\t', false);
    return cells.some((c) => c.text !== '') ? cells : null;
  }
  if (isPipeRow(line.text)) {
    if (isPipeSeparator(line.text)) return [];
    return splitOn(line, '|', true);
  }
  return splitSpaceAligned(line);
}

export interface ExtractOptions {
  /** Lines that must never be inside a table (e.g. section headings). */
  isBreak?: (line: TextLine) => boolean;
}

/**
 * Groups lines into blocks. Table rows next to each other (blank lines and short fragments such as
 * header words split over lines allowed between them) form one table; a run of short lines where
 * label lines alternate with value lines forms a one-cell-per-line table.
 */
export function extractBlocks(lines: TextLine[], options: ExtractOptions = {}): Block[] {
  const blocks: Block[] = [];
  const isBreak = options.isBreak ?? (() => false);
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.chrome || isBlank(line.text)) {
      i++;
      continue;
    }
    if (!isBreak(line) && rowCells(line)) {
      i = collectTable(lines, i, blocks, isBreak);
      continue;
    }
    if (isBreak(line) || line.text.trim().length > MAX_STACKED_LINE) {
      blocks.push(paragraph(line));
      i++;
      continue;
    }
    i = collectShortRun(lines, i, blocks, isBreak);
  }
  return blocks;
}

const MAX_STACKED_LINE = 60;
const MAX_LABEL_GAP = 6;

function paragraph(line: TextLine): Block {
  return { type: 'paragraph', start: line.start, end: line.end, lines: [line.index] };
}

/**
 * A run of short lines (one pass, linear). With at least three numeric lines it is a one-cell-per-line
 * table (label lines start rows, value lines — numbers, '/', '-', whitespace-only blank cells — fill
 * them); otherwise its lines are paragraphs. Returns the index after the run.
 */
function collectShortRun(lines: TextLine[], from: number, blocks: Block[], isBreak: (l: TextLine) => boolean): number {
  let numeric = 0;
  let gap = 0;
  let lastValue = -1;
  let j = from;
  let gapExceeded = false;
  for (; j < lines.length; j++) {
    const l = lines[j]!;
    if (l.chrome || (j > from && isBreak(l))) break;
    if (l.text.length === 0) continue;
    const t = l.text.trim();
    if (t.length > MAX_STACKED_LINE) break;
    if (t.length > 0 && rowCells(l)) break;
    if (isValueLine(t)) {
      if (t.length > 0 && NUMERIC_CELL.test(t)) numeric++;
      gap = 0;
      lastValue = j;
      continue;
    }
    if (++gap > MAX_LABEL_GAP) {
      gapExceeded = true;
      break;
    }
  }
  if (numeric < 3) {
    // Not a table: emit the first line as a paragraph and rescan from the next one only when the
    // run was cut short by the gap rule; otherwise all lines of the run are paragraphs.
    const stop = gapExceeded ? j - MAX_LABEL_GAP : j;
    for (let k = from; k < Math.max(stop, from + 1); k++) {
      const l = lines[k]!;
      if (!l.chrome && !isBlank(l.text)) blocks.push(paragraph(l));
    }
    return Math.max(stop, from + 1);
  }
  const end = gapExceeded ? lastValue + 1 : j;
  let last = end - 1;
  while (last > from && lines[last]!.text.length === 0) last--;
  blocks.push(stackedTable(lines, from, last + 1));
  return last + 1;
}

function collectTable(lines: TextLine[], from: number, blocks: Block[], isBreak: (l: TextLine) => boolean): number {
  const rows: BlockRow[] = [];
  const covered: number[] = [];
  let i = from;
  let lastRowLine = from;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.chrome || isBreak(line)) break;
    if (isBlank(line.text)) {
      i++;
      continue;
    }
    const cells = rowCells(line);
    if (cells) {
      if (cells.length > 0) rows.push({ start: line.start, end: line.end, cells });
      covered.push(i);
      lastRowLine = i;
      i++;
      continue;
    }
    // A short fragment between rows (a header word split over lines, a page number) stays in the
    // table when another row follows within a few lines.
    if (line.text.trim().length <= 30 && nextRowWithin(lines, i + 1, 6, isBreak)) {
      rows.push({ start: line.start, end: line.end, cells: [makeCell(line, 0, line.text.length)] });
      covered.push(i);
      i++;
      continue;
    }
    break;
  }
  const last = lines[lastRowLine]!;
  blocks.push({ type: 'table', start: lines[from]!.start, end: last.end, lines: covered, rows });
  return lastRowLine + 1;
}

function nextRowWithin(lines: TextLine[], from: number, window: number, isBreak: (l: TextLine) => boolean): boolean {
  for (let j = from; j < lines.length && j < from + window; j++) {
    const l = lines[j]!;
    if (l.chrome || isBreak(l)) return false;
    if (!isBlank(l.text) && rowCells(l)) return true;
  }
  return false;
}

function isValueLine(text: string): boolean {
  const t = text.trim();
  return t.length === 0 || VALUE_LIKE.test(t);
}

function stackedTable(lines: TextLine[], from: number, to: number): Block {
  const rows: BlockRow[] = [];
  const covered: number[] = [];
  let current: BlockRow | null = null;
  for (let j = from; j < to; j++) {
    const line = lines[j]!;
    if (line.text.length === 0) continue;
    covered.push(j);
    const cell = makeCell(line, 0, line.text.length);
    if (!isValueLine(line.text) || current === null) {
      current = { start: line.start, end: line.end, cells: [cell] };
      rows.push(current);
    } else {
      current.cells.push(cell);
      current.end = line.end;
    }
  }
  return { type: 'table', start: lines[from]!.start, end: lines[to - 1]!.end, lines: covered, rows };
}
