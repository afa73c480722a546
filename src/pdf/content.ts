/**
 * Reads one pdfjs page into positioned pieces (display space, y down): the text runs of its text layer
 * and the rulings of its vector graphics (the borders of its tables).
 */
import { apply, concat, IDENTITY, type Matrix, type PageContent, type Segment, type TextRun } from './geometry';

/** The parts of pdfjs' API used here (typed loosely: the module is loaded at run time). */
export interface PdfjsPage {
  getViewport(params: { scale: number }): { width: number; height: number; transform: number[] };
  getTextContent(): Promise<{ items: unknown[] }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
  cleanup(): unknown;
}

export type Ops = Record<string, number>;

interface TextItemLike {
  str: string;
  dir?: string;
  width: number;
  height: number;
  transform: number[];
}

const isTextItem = (item: unknown): item is TextItemLike =>
  !!item && typeof (item as TextItemLike).str === 'string' && Array.isArray((item as TextItemLike).transform);

/** Text items → runs in display space. Rotated text (watermarks, sideways labels) is left out. */
export function toRuns(items: unknown[], viewport: Matrix): TextRun[] {
  const runs: TextRun[] = [];
  for (const item of items) {
    if (!isTextItem(item) || item.str === '') continue;
    const m = concat(viewport, item.transform);
    const size = Math.hypot(m[2], m[3]);
    if (!(size > 0) || Math.abs(m[1]) > 0.01 * Math.abs(m[0]) || Math.abs(m[2]) > 0.01 * size || m[3] >= 0) continue;
    const scale = Math.hypot(m[0], m[1]) / Math.hypot(item.transform[0]!, item.transform[1]!) || 1;
    const x = m[4];
    const y = m[5];
    if (!item.str.trim()) {
      runs.push({ text: ' ', x, y, width: 0, size, space: true });
      continue;
    }
    if (item.dir === 'ttb') {
      // Vertical writing: the characters run down from the item's origin, one glyph box each.
      const chars = [...item.str];
      const step = (item.height * scale) / Math.max(1, chars.length);
      chars.forEach((ch, i) => {
        if (ch.trim()) runs.push({ text: ch, x, y: y + i * step, width: size, size });
      });
      continue;
    }
    runs.push({ text: item.str, x, y, width: item.width * scale, size });
  }
  return runs;
}

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Axis-aligned rulings of a page's operator list (pdfjs ≥ 5: constructPath carries the painting
 * operator and a flat path buffer). Stroked straight segments are rulings, and so are thin filled
 * rectangles. Filled cells are not: some writers (WPS) shade every line of body text with a filled
 * rectangle, whose edges would turn paragraphs into a table. Clipping paths and curves are ignored.
 */
export function toSegments(
  opList: { fnArray: ArrayLike<number>; argsArray: ArrayLike<unknown> },
  OPS: Ops,
  viewport: Matrix,
): Segment[] {
  const strokes = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fills = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const segments: Segment[] = [];
  let ctm: Matrix = IDENTITY;
  const stack: Matrix[] = [];
  const { fnArray, argsArray } = opList;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform && Array.isArray(args) && args.length >= 6 && args.every(num)) ctm = concat(ctm, args as number[]);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const matrix = Array.isArray(args) ? args[0] : undefined;
      if (matrix && typeof matrix === 'object' && (matrix as ArrayLike<number>).length === 6) ctm = concat(ctm, matrix as ArrayLike<number>);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.constructPath && Array.isArray(args)) {
      const paint = args[0];
      const buffer = Array.isArray(args[1]) ? args[1][0] : undefined;
      if (typeof paint !== 'number' || !buffer || typeof (buffer as ArrayLike<number>).length !== 'number') continue;
      const stroke = strokes.has(paint);
      const fill = fills.has(paint);
      if (!stroke && !fill) continue;
      const m = concat(viewport, ctm);
      for (const points of subpaths(buffer as ArrayLike<number>)) {
        const pts = points.map(([x, y]) => apply(m, x, y));
        if (fill) addFilled(pts, segments);
        if (stroke) addStroked(pts, segments);
      }
    }
  }
  return segments;
}

/** pdfjs' DrawOPS codes in a path buffer. */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/** Straight-line subpaths of a path buffer (a subpath with a curve is dropped). */
function subpaths(buf: ArrayLike<number>): Array<Array<[number, number]>> {
  const out: Array<Array<[number, number]>> = [];
  let cur: Array<[number, number]> = [];
  let curved = false;
  const flush = () => {
    if (cur.length >= 2 && !curved) out.push(cur);
    cur = [];
    curved = false;
  };
  for (let k = 0; k < buf.length; ) {
    const op = buf[k++];
    if (op === MOVE) {
      flush();
      cur.push([buf[k]!, buf[k + 1]!]);
      k += 2;
    } else if (op === LINE) {
      cur.push([buf[k]!, buf[k + 1]!]);
      k += 2;
    } else if (op === CURVE) {
      curved = true;
      k += 6;
    } else if (op === QUAD) {
      curved = true;
      k += 4;
    } else if (op === CLOSE) {
      if (cur.length >= 2) cur.push(cur[0]!);
      flush();
    } else break; // unknown layout: stop reading this path
  }
  flush();
  return out;
}

const EPS = 0.5;

function addStroked(pts: Array<[number, number]>, out: Segment[]): void {
  for (let i = 1; i < pts.length; i++) {
    const [x0, y0] = pts[i - 1]!;
    const [x1, y1] = pts[i]!;
    if (Math.abs(y1 - y0) <= EPS && Math.abs(x1 - x0) > 1) out.push({ dir: 'h', at: (y0 + y1) / 2, a: Math.min(x0, x1), b: Math.max(x0, x1) });
    else if (Math.abs(x1 - x0) <= EPS && Math.abs(y1 - y0) > 1) out.push({ dir: 'v', at: (x0 + x1) / 2, a: Math.min(y0, y1), b: Math.max(y0, y1) });
  }
}

/** Thickness (pt) below which a filled rectangle is a ruling rather than a cell. */
const BAR = 3;

function addFilled(pts: Array<[number, number]>, out: Segment[]): void {
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const left = Math.min(...xs);
  const right = Math.max(...xs);
  const top = Math.min(...ys);
  const bottom = Math.max(...ys);
  // Only axis-aligned rectangles: every corner on the bounding box.
  if (!pts.every(([x, y]) => (Math.abs(x - left) <= EPS || Math.abs(x - right) <= EPS) && (Math.abs(y - top) <= EPS || Math.abs(y - bottom) <= EPS))) return;
  const w = right - left;
  const h = bottom - top;
  if (w <= BAR && h > 1) out.push({ dir: 'v', at: (left + right) / 2, a: top, b: bottom });
  else if (h <= BAR && w > 1) out.push({ dir: 'h', at: (top + bottom) / 2, a: left, b: right });
}

/** Whether a page's text looks like it holds a table (worth reading its vector graphics for). */
export function mayHoldTable(runs: TextRun[]): boolean {
  let numbers = 0;
  for (const r of runs) if (!r.space && /^[\d.,，%\s-]+$/.test(r.text) && /\d/.test(r.text)) numbers++;
  return numbers >= 3;
}

/** Reads a page: its runs, and its rulings when the text suggests a table. */
export async function readPageContent(page: PdfjsPage, pageNumber: number, OPS: Ops): Promise<PageContent> {
  const viewport = page.getViewport({ scale: 1 });
  const vt = viewport.transform as unknown as Matrix;
  const text = await page.getTextContent();
  const runs = toRuns(text.items, vt);
  let segments: Segment[] = [];
  if (mayHoldTable(runs)) {
    segments = toSegments(await page.getOperatorList(), OPS, vt);
  }
  page.cleanup();
  return { page: pageNumber, width: viewport.width, height: viewport.height, runs, segments };
}
