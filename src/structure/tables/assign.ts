/**
 * Assigns value tokens to template rows.
 *
 * By anchors: an in-order row label owns the value tokens from its label up to the next in-order
 * label (the last N values, N = the row's column count). Extra complete groups go, in template
 * order, to the following rows whose labels were not found in place. A displaced label owns only
 * the values printed after it on its own line.
 *
 * By lines: every line (or pipe/tab row) carrying a run of values is one table row, assigned to
 * the template rows in order. Used when the labels are too scrambled for anchors (broken Markdown
 * and PDF extractions) and the number of value lines matches the template.
 */
import type { Anchor, Region } from './anchors';
import type { CompiledRow, CompiledTemplate } from './templates';
import type { Token, TokenizedText } from './tokens';

export interface RowValues {
  row: CompiledRow;
  tokens: Token[];
}

export interface Assignment {
  values: Map<string, RowValues>;
  /** Value rows with no numbers. */
  missing: string[];
  /** Complete value groups that no row could take. */
  dropped: number;
  /** Rows filled from another row's surplus or from a displaced label. */
  moved: number;
  /** Values printed column by column (raw PDF text): a block of consecutive value lines that is not a whole number of rows. */
  columnMajor: boolean;
  /** Rows printed with more numbers on one line than the template has columns (an extra column). */
  wideRows: number;
  issues: string[];
}

const isValue = (t: Token) => t.kind !== 'text';
const hasNumber = (run: Token[]) => run.some((t) => t.kind !== 'blank');
const separates = (t: Token) => t.kind === 'text' && !t.unit;

/** The N-window of a run with the most non-blank cells; ties go to the latest window ("last N"). */
export function bestWindow(run: Token[], n: number): Token[] {
  if (run.length <= n) return run;
  let bestAt = 0;
  let bestScore = -1;
  for (let at = 0; at + n <= run.length; at++) {
    let score = 0;
    for (let k = at; k < at + n; k++) if (run[k]!.kind !== 'blank') score++;
    if (score >= bestScore) {
      bestScore = score;
      bestAt = at;
    }
  }
  return run.slice(bestAt, bestAt + n);
}

/** Runs of value tokens, split at label text and at line ends. */
function lineRuns(tokens: Token[], from: number, to: number, skip?: Set<number>): Token[][] {
  const runs: Token[][] = [];
  let current: Token[] = [];
  let line = -1;
  const flush = () => {
    if (current.length > 0) runs.push(current);
    current = [];
  };
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (skip?.has(i)) continue;
    if (t.line !== line) {
      flush();
      line = t.line;
    }
    if (separates(t)) flush();
    else if (isValue(t)) current.push(t);
  }
  flush();
  return runs;
}

/**
 * Value groups of a gap for rows needing `n` values each: one group per line when every line
 * carries at least `n` values (pipe, tab and PDF rows), else all values in sequence cut into `n`s
 * from the end (one cell per line). Blank-only runs count only when no number is present.
 */
function gapGroups(runs: Token[][], n: number, a: Assignment): Token[][] {
  const numbered = runs.filter(hasNumber);
  if (numbered.length === 0) return blankGroup(runs, n);
  if (numbered.some((r) => r.filter((t) => t.kind !== 'blank').length > n)) a.wideRows++;
  if (numbered.every((r) => r.length >= n)) return numbered.map((r) => bestWindow(r, n));
  if (blocksOf(numbered).some((b) => b.lines > 1 && b.size % n !== 0)) {
    a.columnMajor = true;
    return [];
  }
  const flat = numbered.flat();
  if (flat.length < n) return [];
  const groups: Token[][] = [];
  for (let end = flat.length; end - n >= 0; end -= n) groups.unshift(flat.slice(end - n, end));
  return groups;
}

/** Blocks of values on consecutive lines (one value per line): their sizes and line counts. */
function blocksOf(runs: Token[][]): Array<{ size: number; lines: number }> {
  const blocks: Array<{ size: number; lines: number }> = [];
  let lastLine = -2;
  for (const run of runs) {
    const block = blocks[blocks.length - 1];
    if (block && run[0]!.line === lastLine + 1) {
      block.size += run.length;
      block.lines++;
    } else blocks.push({ size: run.length, lines: 1 });
    lastLine = run[run.length - 1]!.line;
  }
  return blocks;
}

/** A row printed with blank cells only: explicit empty cells, or one whitespace line for a one-value row. */
function blankGroup(runs: Token[][], n: number): Token[][] {
  const run = runs.find((r) => (n === 1 ? r.length >= 1 : r.length >= n && r.every((t) => t.cell)));
  return run ? [run.slice(0, n)] : [];
}

/** End of the last row's gap: the first label text after its values, or the region end. */
export function lastGapEnd(tokens: Token[], anchor: Anchor, regionEnd: number): number {
  let seenValue = false;
  for (let i = anchor.tokenEnd; i < regionEnd; i++) {
    const t = tokens[i]!;
    if (isValue(t)) seenValue = true;
    else if (seenValue && separates(t)) return i;
  }
  return regionEnd;
}

/** Value tokens printed after a displaced label on its own line. */
function sameLineValues(tokens: Token[], anchor: Anchor, regionEnd: number): number[] {
  const line = tokens[anchor.tokenEnd - 1]?.line;
  const out: number[] = [];
  for (let i = anchor.tokenEnd; i < regionEnd && tokens[i]!.line === line; i++) {
    if (separates(tokens[i]!)) break;
    if (isValue(tokens[i]!)) out.push(i);
  }
  return out;
}

const takesValues = (row: CompiledRow) => row.values || row.subtotal;

function emptyAssignment(): Assignment {
  return { values: new Map(), missing: [], dropped: 0, moved: 0, columnMajor: false, wideRows: 0, issues: [] };
}

function assignDisplaced(doc: TokenizedText, displaced: Anchor[], regionEnd: number, a: Assignment): Set<number> {
  const claimed = new Set<number>();
  for (const anchor of displaced) {
    if (!takesValues(anchor.row)) continue;
    const indexes = sameLineValues(doc.tokens, anchor, regionEnd);
    const n = anchor.row.columnKeys.length;
    const group = bestWindow(indexes.map((i) => doc.tokens[i]!), n);
    if (!hasNumber(group) || group.length < n) continue;
    for (const i of indexes) claimed.add(i);
    a.values.set(anchor.row.key, { row: anchor.row, tokens: group });
    a.moved++;
  }
  return claimed;
}

/** The runs that are not on a line holding label text in [from, to). */
function withoutLabelRows(tokens: Token[], runs: Token[][], from: number, to: number): Token[][] {
  const lines = new Set<number>();
  for (let i = from; i < to; i++) if (separates(tokens[i]!)) lines.add(tokens[i]!.line);
  return runs.filter((r) => !lines.has(r[0]!.line));
}

interface Gap {
  anchor: Anchor;
  groups: Token[][];
}

/** Pass 1: the value groups printed between each in-order label and the next. */
function collectGaps(doc: TokenizedText, inOrder: Anchor[], region: Region, claimed: Set<number>, a: Assignment): Gap[] {
  const gaps: Gap[] = [];
  let lastValueGap: Gap | null = null;
  inOrder.forEach((anchor, k) => {
    const next = inOrder[k + 1];
    const end = next ? next.tokenStart : lastGapEnd(doc.tokens, anchor, region.tokenEnd);
    const runs = lineRuns(doc.tokens, anchor.tokenStart, end, claimed);
    const previous: Gap | null = lastValueGap;
    if (!anchor.row.values && previous && previous.groups.length === 0) {
      // A parent label printed between a row's label and its numbers. Empty cells that trail a
      // label in its own row (「第二十条第（五）项⇥⇥⇥」) are not the previous row's blank cells.
      const own = runs.some(hasNumber) ? runs : withoutLabelRows(doc.tokens, runs, anchor.tokenStart, end);
      previous.groups = gapGroups(own, previous.anchor.row.columnKeys.length, a);
      if (previous.groups.length > 0) return;
    }
    const gap: Gap = { anchor, groups: takesValues(anchor.row) ? gapGroups(runs, anchor.row.columnKeys.length, a) : [] };
    gaps.push(gap);
    if (anchor.row.values) lastValueGap = gap;
  });
  return gaps;
}

/** Rows after `row` in template order that need values and have none of their own. */
function followersOf(t: CompiledTemplate, row: CompiledRow, own: Set<string>, a: Assignment): CompiledRow[] {
  const out: CompiledRow[] = [];
  for (let i = row.index + 1; i < t.rows.length; i++) {
    const r = t.rows[i]!;
    if (!r.values) continue;
    if (own.has(r.key) || a.values.has(r.key)) break;
    out.push(r);
  }
  return out;
}

/** Pass 2: each row takes its group; surplus groups go to the following rows that have none. */
function distribute(t: CompiledTemplate, gaps: Gap[], a: Assignment): void {
  const own = new Set(gaps.filter((g) => g.groups.length > 0).map((g) => g.anchor.row.key));
  for (const { anchor, groups } of gaps) {
    if (groups.length === 0 || a.values.has(anchor.row.key)) continue;
    const followers = anchor.row.values ? followersOf(t, anchor.row, own, a) : [];
    const usable = Math.min(groups.length, 1 + followers.length);
    if (groups.length > usable) {
      a.dropped += groups.length - usable;
      a.issues.push(`「${anchor.row.short ?? anchor.row.label}」行有多余的数值，已按最后一组读取`);
    }
    const take = groups.slice(groups.length - usable);
    a.values.set(anchor.row.key, { row: anchor.row, tokens: take[0]! });
    for (let k = 1; k < take.length; k++) {
      a.values.set(followers[k - 1]!.key, { row: followers[k - 1]!, tokens: take[k]! });
      a.moved++;
    }
  }
}

/** The one column of `row` whose note words occur in `note`, or -1 (none, or more than one). */
function noteColumn(t: CompiledTemplate, row: CompiledRow, note: string): number {
  let found = -1;
  for (let k = 0; k < row.columnKeys.length; k++) {
    const words = t.columnByKey.get(row.columnKeys[k]!)?.noteWords ?? [];
    if (!words.some((w) => note.includes(w))) continue;
    if (found >= 0) return -1;
    found = k;
  }
  return found;
}

interface ShortRow {
  row: CompiledRow;
  tokens: Token[];
}

/**
 * Cells detached from their row. An extractor that cannot keep a two-line cell (a number over its
 * note, 「22」 / 「（其中修订 16 件）」) in its table row prints it on its own, away from the row, and
 * the row is printed one cell short. Each noted number that no row took goes back, in printed
 * order, into the next row (template order) whose label line carries one value too few, in the
 * column its note names (the template's `noteWords`). Nothing is guessed when the counts of such
 * numbers and such rows differ, or when a note names no column of its row.
 */
function restoreDetached(doc: TokenizedText, t: CompiledTemplate, anchors: Anchor[], region: Region, a: Assignment): void {
  const used = new Set<Token>();
  for (const rv of a.values.values()) for (const tok of rv.tokens) used.add(tok);
  const short: ShortRow[] = [];
  for (const row of t.rows) {
    const n = row.columnKeys.length;
    if (!row.values || n < 2 || a.values.has(row.key)) continue;
    const anchor = anchors.find((x) => x.row === row);
    if (!anchor) continue;
    const tokens = sameLineValues(doc.tokens, anchor, region.tokenEnd).map((i) => doc.tokens[i]!);
    if (tokens.length === n - 1 && hasNumber(tokens) && !tokens.some((x) => used.has(x))) short.push({ row, tokens });
  }
  if (short.length === 0) return;
  const own = new Set(short.flatMap((s) => s.tokens));
  const detached: Token[] = [];
  for (let i = region.tokenStart; i < region.tokenEnd; i++) {
    const tok = doc.tokens[i]!;
    if (tok.kind === 'number' && tok.note !== undefined && !used.has(tok) && !own.has(tok)) detached.push(tok);
  }
  if (detached.length !== short.length) return;
  short.forEach(({ row, tokens }, k) => {
    const cell = detached[k]!;
    const column = noteColumn(t, row, cell.note!);
    if (column < 0) return;
    a.values.set(row.key, { row, tokens: [...tokens.slice(0, column), cell, ...tokens.slice(column)] });
    a.moved++;
    a.issues.push(`「${row.short ?? row.label}」行的“${t.columnByKey.get(row.columnKeys[column]!)?.label ?? row.columnKeys[column]}”数值（${cell.text}，注：${cell.note}）印在该行之外，已按注释归入该列`);
  });
}

/** Reads rows by their labels. */
export function assignByAnchors(doc: TokenizedText, t: CompiledTemplate, anchors: Anchor[], region: Region): Assignment {
  const a = emptyAssignment();
  const inOrder = anchors.filter((x) => !x.displaced);
  const claimed = assignDisplaced(doc, anchors.filter((x) => x.displaced), region.tokenEnd, a);
  distribute(t, collectGaps(doc, inOrder, region, claimed, a), a);
  restoreDetached(doc, t, anchors, region, a);
  for (const row of t.rows) if (row.values && !row.optional && !a.values.has(row.key)) a.missing.push(row.key);
  return a;
}

/** Reads rows by order of the value lines; null when the lines do not match the template. */
export function assignByLines(doc: TokenizedText, rows: CompiledRow[], from: number, to: number): Assignment | null {
  const runs = lineRuns(doc.tokens, from, to).filter(hasNumber);
  const a = emptyAssignment();
  let r = 0;
  let strays = 0;
  for (const run of runs) {
    const row = rows[r];
    const n = row ? row.columnKeys.length : 2;
    if (run.length < n) {
      strays++;
      continue;
    }
    if (!row || run.filter((x) => x.kind !== 'blank').length > n) return null;
    a.values.set(row.key, { row, tokens: bestWindow(run, n) });
    r++;
  }
  if (r < rows.length || strays > 2) return null;
  if (strays > 0) a.issues.push(`表内有${strays}处零散数值无法归入任何行，已忽略`);
  return a;
}
