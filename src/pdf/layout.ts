/**
 * From positioned pieces to the extracted text: ruled tables become one line per row with TAB-separated
 * cells, the rest becomes visual lines; page numbers and running headers/footers are dropped; a line
 * that fills the text width continues on the next line (also across a page break) and is joined to it.
 */
import type { PageContent, TextRun } from './geometry';
import { findGrids, insideGrid, readGrid } from './grid';
import { groupLines } from './lines';

export interface Block {
  /** 'row': a table row (ruled grid, or a line with column gaps); 'text': an ordinary line. */
  kind: 'text' | 'row';
  /** A row of a ruled grid (never page furniture). */
  grid?: boolean;
  text: string;
  /** The page of the block's last line (a paragraph joined across a page break ends on the later page). */
  page: number;
  /** Where pages begin inside `text`, after its first, as [offset, page] (a paragraph joined across a break). */
  breaks?: Array<[number, number]>;
  /** The page of the block's first line, when it differs from `page`. */
  firstPage?: number;
  top: number;
  bottom: number;
  x0: number;
  x1: number;
  size: number;
}

/** The blocks of one page, top to bottom. */
export function layoutPage(page: PageContent): Block[] {
  const grids = findGrids(page.segments);
  const inGrid: TextRun[][] = grids.map(() => []);
  const rest: TextRun[] = [];
  for (const run of page.runs) {
    const i = grids.findIndex((g) => insideGrid(g, run));
    if (i >= 0) inGrid[i]!.push(run);
    else rest.push(run);
  }
  const blocks: Block[] = [];
  grids.forEach((grid, i) => {
    const { rows } = readGrid(grid, inGrid[i]!);
    rows.forEach((row, r) => {
      const bottom = rows[r + 1]?.top ?? grid.bottom;
      blocks.push({ kind: 'row', grid: true, text: row.cells.join('\t'), page: page.page, top: row.top, bottom, x0: grid.left, x1: grid.right, size: 0 });
    });
  });
  for (const line of groupLines(rest)) {
    blocks.push({
      kind: line.tabular ? 'row' : 'text',
      text: line.text,
      page: page.page,
      top: line.top,
      bottom: line.bottom,
      x0: line.x0,
      x1: line.x1,
      size: line.size,
    });
  }
  // Stable: the rows of a grid keep their order.
  return blocks.map((b, i) => [b, i] as const).sort((p, q) => p[0].top - q[0].top || p[1] - q[1]).map((p) => p[0]);
}

/**
 * Page numbers as printed: 「- 4 -」「— 5 —」「4」「第 4 页」「第4页 共9页」「4/9」「Page 4 of 9」.
 * Every run of whitespace is matched by exactly one `\s*` (the trailing dashes start with a non-space),
 * so a long run of spaces cannot be split between two quantifiers: that was quadratic on a hostile block.
 */
const PAGE_NUMBER =
  /^[-－—–‐_~·•.\s]*(?:第\s*\d{1,4}\s*(?:页\s*)?(?:(?:[/,，]\s*)?共\s*\d{1,4}\s*页\s*)?|\d{1,4}\s*(?:页\s*(?:(?:[/,，]\s*)?共\s*\d{1,4}\s*页\s*)?|\/\s*(?:\d{1,4}|共\s*\d{1,4}\s*页)\s*|[,，]\s*共\s*\d{1,4}\s*页\s*|共\s*\d{1,4}\s*页\s*)?|page\s*\d{1,4}\s*(?:of\s*\d{1,4}\s*)?|[ivxlcdm]{1,6}\s*)(?:[-－—–‐_~·•.][-－—–‐_~·•.\s]*)?$/i;

/** Top and bottom zones of a page where running headers, footers and page numbers live. */
const TOP_ZONE = 0.1;
const BOTTOM_ZONE = 0.88;

const furnitureKey = (text: string): string => text.replace(/\d+/g, '#').replace(/\s+/g, '');

/**
 * Drops page numbers (a page-number-shaped line in the top or bottom zone) and running headers and
 * footers (the first or last line of the page, in its zone, the same apart from digits on at least
 * half of the pages and at least two).
 */
export function dropPageFurniture(pages: Block[][], heights: number[]): Block[][] {
  const inTop = (b: Block, p: number) => !b.grid && b.bottom <= heights[p]! * TOP_ZONE + b.size;
  const inBottom = (b: Block, p: number) => !b.grid && b.top >= heights[p]! * BOTTOM_ZONE - b.size;
  const kept = pages.map((blocks, p) => blocks.filter((b) => !((inTop(b, p) || inBottom(b, p)) && PAGE_NUMBER.test(b.text))));
  const counts = { top: new Map<string, number>(), bottom: new Map<string, number>() };
  const candidates = kept.map((blocks, p) => {
    const first = blocks[0];
    const last = blocks[blocks.length - 1];
    const top = first && inTop(first, p) ? furnitureKey(first.text) : undefined;
    const bottom = last && inBottom(last, p) ? furnitureKey(last.text) : undefined;
    if (top) counts.top.set(top, (counts.top.get(top) ?? 0) + 1);
    if (bottom) counts.bottom.set(bottom, (counts.bottom.get(bottom) ?? 0) + 1);
    return { top, bottom };
  });
  const repeated = (n: number | undefined) => n !== undefined && n >= 2 && n >= pages.length / 2;
  return kept.map((blocks, p) => {
    const { top, bottom } = candidates[p]!;
    let out = blocks;
    if (top && repeated(counts.top.get(top))) out = out.slice(1);
    if (bottom && repeated(counts.bottom.get(bottom)) && out.length && furnitureKey(out[out.length - 1]!.text) === bottom) {
      out = out.slice(0, -1);
    }
    return out;
  });
}

/** A line that starts a heading or a numbered item is never the continuation of the line before. */
const STARTS_ITEM = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|第[一二三四五六七八九十\d]+[章节部分条]|\d+[.、．](?!\d))/;

/**
 * The position shared by most values (within ±2 pt; ties go to the larger), with how many share it.
 */
function mode(values: number[]): { value: number; count: number } | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  let best: { value: number; count: number } | undefined;
  for (const v of counts.keys()) {
    let count = 0;
    for (let d = -2; d <= 2; d++) count += counts.get(v + d) ?? 0;
    if (!best || count > best.count || (count === best.count && v > best.value)) best = { value: v, count };
  }
  return best;
}

/**
 * Text margins of the body: the usual left edge of lines and the usual right edge of full lines.
 * Undefined when no right edge is shared by enough lines to be a margin (nothing is joined then).
 */
export function bodyMargins(blocks: Block[]): { left: number; right: number } | undefined {
  const body = blocks.filter((b) => b.kind === 'text' && b.text.length >= 8);
  if (body.length < 2) return undefined;
  const left = mode(body.map((b) => b.x0));
  const right = mode(body.map((b) => b.x1));
  if (!left || !right || right.value <= left.value) return undefined;
  if (right.count < 2 || right.count < 0.15 * body.length) return undefined;
  // Full lines are wide: at least ten characters of the body's type.
  const sizes = body.map((b) => b.size).sort((a, b) => a - b);
  if (right.value - left.value < 10 * sizes[Math.floor(sizes.length / 2)]!) return undefined;
  return { left: left.value, right: right.value };
}

/** Joins each line that fills the width with the unindented line that continues it. */
export function joinParagraphs(blocks: Block[]): Block[] {
  const margins = bodyMargins(blocks);
  if (!margins) return blocks;
  const out: Block[] = [];
  for (const block of blocks) {
    const prev = out[out.length - 1];
    if (prev && continues(prev, block, margins)) {
      const glue = /[A-Za-z]$/.test(prev.text) && /^[A-Za-z]/.test(block.text) ? ' ' : '';
      const at = prev.text.length + glue.length;
      const breaks = [...(prev.breaks ?? [])];
      if (block.page !== prev.page) breaks.push([at, block.page]);
      for (const [o, p] of block.breaks ?? []) breaks.push([at + o, p]);
      out[out.length - 1] = { ...prev, text: prev.text + glue + block.text, page: block.page, firstPage: prev.firstPage ?? prev.page, breaks, top: block.top, bottom: block.bottom, x1: block.x1 };
      continue;
    }
    out.push(block);
  }
  return out;
}

function continues(a: Block, b: Block, { left, right }: { left: number; right: number }): boolean {
  if (a.kind !== 'text' || b.kind !== 'text') return false;
  const size = Math.max(a.size, b.size);
  if (Math.abs(a.size - b.size) > 1) return false;
  if (a.x1 < right - 1.5 * size) return false;
  if (b.x0 > left + 0.6 * size) return false;
  if (a.page === b.page && b.top - a.bottom > 1.5 * size) return false;
  return !STARTS_ITEM.test(b.text);
}

/** The extracted text of the document: one line per paragraph, heading or table row. */
export function renderText(pages: PageContent[]): string {
  return renderPages(pages).text;
}

/**
 * The extracted text, and where each page begins in it (`pageStarts[n - 1]` for page n; a page with
 * no text begins where the next one does).
 */
export function renderPages(pages: PageContent[]): { text: string; pageStarts: number[] } {
  const laidOut = pages.map(layoutPage);
  const kept = dropPageFurniture(laidOut, pages.map((p) => p.height));
  const blocks = joinParagraphs(kept.flat());
  const pageStarts = [0];
  // The first page with a given number: pages begin in order, so every page up to `page` starts here.
  const begin = (page: number, at: number) => {
    while (pageStarts.length < page) pageStarts.push(at);
  };
  let text = '';
  let prev: Block | undefined;
  for (const block of blocks) {
    // A blank line around each table (a table continued on the next page stays one block).
    if (prev && prev.kind !== block.kind) text += '\n';
    begin(block.firstPage ?? block.page, text.length);
    for (const [o, p] of block.breaks ?? []) begin(p, text.length + o);
    text += block.text + '\n';
    prev = block;
  }
  begin(pages.length, text.length);
  return { text, pageStarts };
}
