/**
 * Shared output of the structured extractors (markdown, html, xml, docx): lines of text with a source
 * offset for every character, and the layout of table grids as tab-separated rows.
 *
 * The extracted text has one line per paragraph or heading and one line per table row. A table row
 * is its grid slots joined by `\t`; every row of a table is padded to the table's width (like seed
 * 002). Spans are resolved into the grid:
 * - a cell spanning several columns (HTML `colspan`, DOCX `w:gridSpan`) puts its text in the first
 *   slot it covers and leaves the others empty;
 * - a cell spanning several rows (HTML `rowspan`, DOCX `w:vMerge`) puts its text in its first row and
 *   leaves the slots below empty.
 * So every row has the same number of slots and a value sits in the column it heads — what the
 * template-table reader downstream reads best.
 *
 * Inserted characters (`\t`, `\n`, the space that joins the lines of a cell) map to the offset of the
 * element they stand for: a `\t` to the start of the cell (or, for a covered slot, of the cell that
 * covers it), a row's `\n` to the start of the row.
 */
import { AuditInputError } from '../errors';

/** A piece of extracted text; `offs[i]` is the source offset of `text[i]`. */
export interface Run {
  text: string;
  offs: number[];
}

/** Accumulates lines (runs) and produces the extracted text with its offset map. */
export class LineSink {
  private readonly chunks: string[] = [];
  private readonly offs: number[] = [];
  private lastBlank = true;

  /** Appends a line; `eol` is the source offset the line's `\n` maps to. */
  line(run: Run, eol: number): void {
    this.chunks.push(run.text, '\n');
    for (let i = 0; i < run.offs.length; i++) this.offs.push(run.offs[i]!);
    this.offs.push(eol);
    this.lastBlank = run.text.length === 0;
  }

  /** Appends an empty line unless the last line is already empty (a block separator). */
  blank(at: number): void {
    if (this.lastBlank) return;
    this.chunks.push('\n');
    this.offs.push(at);
    this.lastBlank = true;
  }

  get size(): number {
    return this.offs.length;
  }

  /** The text and its map (`map[text.length] = sourceLength`). */
  finish(sourceLength: number): { text: string; map: Int32Array } {
    const text = this.chunks.join('');
    const map = new Int32Array(text.length + 1);
    // Inserted characters at the very end (a row closed by EOF) map to the last source character.
    const last = Math.max(0, sourceLength - 1);
    for (let i = 0; i < text.length; i++) map[i] = Math.min(this.offs[i]!, last);
    map[text.length] = sourceLength;
    return { text, map };
  }
}

/** Whitespace trimmed from the ends of a cell (ASCII, NBSP, ideographic space). */
function isCellSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c || c === 0xa0 || c === 0x3000;
}

export function trimRun(run: Run, cellSpace = false): Run {
  const space = cellSpace ? isCellSpace : (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c;
  let a = 0;
  let b = run.text.length;
  while (a < b && space(run.text.charCodeAt(a))) a++;
  while (b > a && space(run.text.charCodeAt(b - 1))) b--;
  if (a === 0 && b === run.text.length) return run;
  return { text: run.text.slice(a, b), offs: run.offs.slice(a, b) };
}

/** Joins the lines of a cell with single spaces (each space maps to the start of the line after it). */
export function joinCellLines(lines: Run[]): Run {
  const parts: string[] = [];
  const offs: number[] = [];
  for (const raw of lines) {
    const line = trimRun(raw, true);
    if (line.text.length === 0) continue;
    if (parts.length > 0) {
      parts.push(' ');
      offs.push(line.offs[0]!);
    }
    parts.push(line.text.replace(/[\t\n\r]/g, ' '));
    for (const o of line.offs) offs.push(o);
  }
  return { text: parts.join(''), offs };
}

/** One slot of a resolved grid: the cell's text (null for a slot covered by a span) and its offset. */
export interface Slot {
  run: Run | null;
  /** Offset of the cell that fills or covers this slot. */
  at: number;
}

/** Most grid slots of one table (a hostile `colspan`/`rowspan` cannot make the output explode). */
export const MAX_TABLE_SLOTS = 4_000_000;

/**
 * Lays a resolved grid out as tab rows, padded to the table's width (`pad: false` keeps each row's own
 * cells: Markdown, where rows are written independently and broken extractions vary in width).
 */
export function gridLines(rows: Array<{ slots: Slot[]; at: number }>, uri?: string, pad = true): Array<{ run: Run; eol: number }> {
  let width = 0;
  for (const r of rows) width = Math.max(width, r.slots.length);
  if (width * rows.length > MAX_TABLE_SLOTS) {
    throw new AuditInputError(
      `a table has ${rows.length} rows × ${width} columns, over the limit of ${MAX_TABLE_SLOTS} cells`,
      { uri, code: 'TOO_COMPLEX' },
    );
  }
  const out: Array<{ run: Run; eol: number }> = [];
  for (const row of rows) {
    const parts: string[] = [];
    const offs: number[] = [];
    let lastAt = row.at;
    const n = pad ? width : row.slots.length;
    for (let c = 0; c < n; c++) {
      const slot = row.slots[c];
      const at = slot ? slot.at : lastAt;
      lastAt = at;
      if (c > 0) {
        parts.push('\t');
        offs.push(at);
      }
      const run = slot?.run;
      if (run && run.text.length > 0) {
        parts.push(run.text);
        for (const o of run.offs) offs.push(o);
      }
    }
    out.push({ run: { text: parts.join(''), offs }, eol: row.at });
  }
  return out;
}

/** A cell before span resolution (HTML, XML): its text, its spans and its offset. */
export interface SpanCell {
  run: Run;
  colspan: number;
  rowspan: number;
  at: number;
}

/** HTML caps colspan at 1000 and rowspan at 65534 (rowspan 0 = to the end of the table). */
const MAX_COLSPAN = 1000;

/**
 * Resolves `rowspan`/`colspan` into a grid (the HTML table model, simplified): each cell takes the
 * first free slot of its row, then marks the slots it covers. A rowspan is clipped to the rows the
 * table has.
 */
export function resolveSpans(rows: Array<{ cells: SpanCell[]; at: number }>, uri?: string): Array<{ slots: Slot[]; at: number }> {
  const grid: Array<{ slots: Slot[]; at: number }> = rows.map((r) => ({ slots: [], at: r.at }));
  let budget = MAX_TABLE_SLOTS;
  for (let r = 0; r < rows.length; r++) {
    const slots = grid[r]!.slots;
    let c = 0;
    for (const cell of rows[r]!.cells) {
      while (slots[c] !== undefined) c++;
      const colspan = Math.min(Math.max(1, cell.colspan || 1), MAX_COLSPAN);
      const maxRows = rows.length - r;
      const rowspan = cell.rowspan === 0 ? maxRows : Math.min(Math.max(1, cell.rowspan || 1), maxRows);
      budget -= colspan * rowspan;
      if (budget < 0) {
        throw new AuditInputError(`a table spans more than ${MAX_TABLE_SLOTS} cells (rowspan/colspan)`, { uri, code: 'TOO_COMPLEX' });
      }
      for (let dr = 0; dr < rowspan; dr++) {
        const target = grid[r + dr]!.slots;
        for (let dc = 0; dc < colspan; dc++) {
          // A slot already taken (overlapping spans in malformed markup) keeps its first owner.
          if (target[c + dc] === undefined) target[c + dc] = { run: dr === 0 && dc === 0 ? cell.run : null, at: cell.at };
        }
      }
      c += colspan;
    }
    // Holes left by overlapping spans become empty slots.
    for (let k = 0; k < slots.length; k++) if (slots[k] === undefined) slots[k] = { run: null, at: grid[r]!.at };
  }
  return grid;
}
