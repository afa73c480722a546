/**
 * Reads one PDFium page into positioned pieces (display space, y down): its characters, joined into
 * runs of touching characters on one baseline, and the rulings of its vector graphics (the borders of
 * its tables).
 */
import { apply, concat, type Matrix, type PageContent, type Segment, type TextRun } from './geometry';
import type { Pdfium } from './pdfium';

/** Scratch memory in the WASM heap for the out-parameters of PDFium's getters (doubles and floats). */
export interface Scratch {
  /** Byte address of 128 bytes of memory (aligned for doubles). */
  ptr: number;
}

const f32 = (p: Pdfium, ptr: number, n: number): Float32Array => new Float32Array(p.pdfium.HEAPU8.buffer, ptr, n);
const f64 = (p: Pdfium, ptr: number, n: number): Float64Array => new Float64Array(p.pdfium.HEAPU8.buffer, ptr, n);

/** Characters that only separate words: they become space hints, never text. */
const isSpace = (u: number): boolean => u === 0x20 || u === 0x3000 || u === 0xa0 || u === 0x09;

/**
 * The page's characters as runs: consecutive characters of one size on one baseline that touch (a gap
 * under a sixth of the size) form a run; PDFium's generated characters (its guessed spaces and line
 * ends) break runs, spaces (real or generated) become space hints. Rotated text (watermarks, sideways labels) is left
 * out. Each run keeps its characters' left edges (`edges`) so that a table can put every character
 * into its own cell.
 */
export function readRuns(p: Pdfium, textPage: number, display: Matrix, scratch: Scratch): TextRun[] {
  const [D0, D1, D2, D3] = display;
  const n = p.FPDFText_CountChars(textPage);
  const runs: TextRun[] = [];
  const box = scratch.ptr; // FS_RECTF: left, top, right, bottom (floats)
  const origin = scratch.ptr + 16; // up to four doubles
  const matrix = scratch.ptr + 64; // FS_MATRIX: a b c d e f (floats)
  let cur: (TextRun & { edges: number[] }) | undefined;
  const flush = () => {
    if (cur) runs.push(cur);
    cur = undefined;
  };
  for (let k = 0; k < n; k++) {
    const u = p.FPDFText_GetUnicode(textPage, k);
    if (p.FPDFText_IsGenerated(textPage, k) || u === 0x0d || u === 0x0a || u === 0 || u === 0xfffe || u === 0xffff) {
      // PDFium's own spaces (it saw a gap) sit where the run before them ends: a space hint there.
      if (u === 0x20 && cur) runs.push({ text: ' ', x: cur.x + cur.width, y: cur.y, width: 0, size: cur.size, space: true });
      flush();
      continue;
    }
    if (!p.FPDFText_GetMatrix(textPage, k, matrix)) continue;
    const [a, b, c, d] = f32(p, matrix, 4) as unknown as [number, number, number, number];
    // The glyph's axes on the displayed page (y down): upright text only, no rotation or shear.
    const xx = D0 * a + D2 * b;
    const xy = D1 * a + D3 * b;
    const yx = D0 * c + D2 * d;
    const yy = D1 * c + D3 * d;
    if (xx <= 0 || yy >= 0 || Math.abs(xy) > 0.01 * xx || Math.abs(yx) > 0.01 * -yy) {
      flush();
      continue;
    }
    const size = p.FPDFText_GetFontSize(textPage, k) * -yy;
    if (!(size > 0) || !p.FPDFText_GetLooseCharBox(textPage, k, box)) {
      flush();
      continue;
    }
    const rect = f32(p, box, 4); // left, top, right, bottom
    const [left, looseRight] = spanX(display, rect[0]!, rect[1]!, rect[2]!, rect[3]!);
    let right = looseRight;
    // A loose box wider than any glyph (a character spacing or a vertical label's advance folded in):
    // the glyph's own box says where it ends.
    if (right - left > 1.5 * size && p.FPDFText_GetCharBox(textPage, k, origin, origin + 8, origin + 16, origin + 24)) {
      const g = f64(p, origin, 4); // left, right, bottom, top
      right = Math.min(right, Math.max(left, spanX(display, g[0]!, g[3]!, g[1]!, g[2]!)[1]));
    }
    if (!p.FPDFText_GetCharOrigin(textPage, k, origin, origin + 8)) {
      flush();
      continue;
    }
    const o = f64(p, origin, 2);
    const y = D1 * o[0]! + D3 * o[1]! + display[5];
    if (isSpace(u)) {
      flush();
      runs.push({ text: ' ', x: left, y, width: 0, size, space: true });
      continue;
    }
    const ch = String.fromCharCode(u);
    if (cur && Math.abs(cur.y - y) <= 0.1 * size && Math.abs(cur.size - size) <= 0.5) {
      const gap = left - (cur.x + cur.width);
      // A low surrogate always stays with its high surrogate.
      if ((u >= 0xdc00 && u <= 0xdfff) || (gap <= size / 6 && gap >= -size / 2)) {
        cur.text += ch;
        cur.edges.push(left);
        cur.width = Math.max(cur.width, right - cur.x);
        continue;
      }
    }
    flush();
    cur = { text: ch, x: left, y, width: right - left, size, edges: [left] };
  }
  flush();
  return runs;
}

/** Left and right, on the displayed page, of a box given in page space (left, top, right, bottom). */
function spanX(m: Matrix, l: number, t: number, r: number, b: number): [number, number] {
  const x1 = m[0] * l + m[2] * t + m[4];
  const x2 = m[0] * r + m[2] * b + m[4];
  return x1 <= x2 ? [x1, x2] : [x2, x1];
}

/**
 * Page space (PDF, y up) to the displayed page (y down, from its top-left corner): the visible box
 * (crop box within the media box, left/top/right/bottom) and the page's /Rotate (0–3 quarter turns
 * clockwise). With the displayed width and height.
 */
export function displayMatrix(box: { l: number; t: number; r: number; b: number }, quarterTurns: number): { m: Matrix; width: number; height: number } {
  const { l, t, r, b } = box;
  const w = r - l;
  const h = t - b;
  switch (((quarterTurns % 4) + 4) % 4) {
    case 1:
      return { m: [0, 1, 1, 0, -b, -l], width: h, height: w };
    case 2:
      return { m: [-1, 0, 0, 1, r, -b], width: w, height: h };
    case 3:
      return { m: [0, -1, -1, 0, t, r], width: h, height: w };
    default:
      return { m: [1, 0, 0, -1, -l, t], width: w, height: h };
  }
}

/** FPDF_PAGEOBJ_* and FPDF_SEGMENT_* */
const OBJ_PATH = 2;
const OBJ_FORM = 5;
const SEG_LINETO = 0;
const SEG_MOVETO = 2;

/**
 * Axis-aligned rulings of the page's vector graphics, in display space. Stroked straight segments
 * are rulings, and so are thin filled rectangles. Filled cells are not: some writers (WPS) shade
 * every line of body text with a filled rectangle, whose edges would turn paragraphs into a table.
 * Curves are ignored. Form XObjects are entered, their matrix applied.
 */
export function readSegments(p: Pdfium, page: number, display: Matrix, scratch: Scratch): Segment[] {
  const segments: Segment[] = [];
  const walk = (count: number, get: (i: number) => number, outer: Matrix, depth: number) => {
    for (let i = 0; i < count; i++) {
      const obj = get(i);
      const type = p.FPDFPageObj_GetType(obj);
      if (type !== OBJ_PATH && type !== OBJ_FORM) continue;
      const m = p.FPDFPageObj_GetMatrix(obj, scratch.ptr) ? concat(outer, f32(p, scratch.ptr, 6)) : outer;
      if (type === OBJ_FORM) {
        if (depth < 8) walk(p.FPDFFormObj_CountObjects(obj), (j) => p.FPDFFormObj_GetObject(obj, j), m, depth + 1);
        continue;
      }
      readPath(p, obj, m, scratch, segments);
    }
  };
  walk(p.FPDFPage_CountObjects(page), (i) => p.FPDFPage_GetObject(page, i), display, 0);
  return segments;
}

function readPath(p: Pdfium, path: number, m: Matrix, scratch: Scratch, out: Segment[]): void {
  const modes = scratch.ptr + 32;
  if (!p.FPDFPath_GetDrawMode(path, modes, modes + 4)) return;
  const ints = new Int32Array(p.pdfium.HEAPU8.buffer, modes, 2);
  const fill = ints[0] !== 0;
  const stroke = ints[1] !== 0;
  if (!fill && !stroke) return;
  const n = p.FPDFPath_CountSegments(path);
  const pt = scratch.ptr + 48;
  let cur: Array<[number, number]> = [];
  let curved = false;
  const flush = () => {
    if (cur.length >= 2 && !curved) {
      if (fill) addFilled(cur, out);
      if (stroke) addStroked(cur, out);
    }
    cur = [];
    curved = false;
  };
  for (let i = 0; i < n; i++) {
    const seg = p.FPDFPath_GetPathSegment(path, i);
    if (!seg || !p.FPDFPathSegment_GetPoint(seg, pt, pt + 4)) continue;
    const xy = f32(p, pt, 2);
    const point = apply(m, xy[0]!, xy[1]!);
    const type = p.FPDFPathSegment_GetType(seg);
    if (type === SEG_MOVETO) {
      flush();
      cur.push(point);
    } else if (type === SEG_LINETO) cur.push(point);
    else curved = true;
    if (p.FPDFPathSegment_GetClose(seg)) {
      if (cur.length >= 2) cur.push(cur[0]!);
      flush();
    }
  }
  flush();
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
  let left = Infinity;
  let right = -Infinity;
  let top = Infinity;
  let bottom = -Infinity;
  for (const [x, y] of pts) {
    left = Math.min(left, x);
    right = Math.max(right, x);
    top = Math.min(top, y);
    bottom = Math.max(bottom, y);
  }
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

/** Reads page `index` (0-based) of an open document: its runs, and its rulings when the text suggests a table. */
export function readPageContent(p: Pdfium, doc: number, index: number, scratch: Scratch): PageContent {
  const page = p.FPDF_LoadPage(doc, index);
  if (!page) return { page: index + 1, width: 0, height: 0, runs: [], segments: [] };
  try {
    const box = p.FPDF_GetPageBoundingBox(page, scratch.ptr)
      ? (([l, t, r, b]) => ({ l: l!, t: t!, r: r!, b: b! }))(f32(p, scratch.ptr, 4))
      : { l: 0, t: p.FPDF_GetPageHeightF(page), r: p.FPDF_GetPageWidthF(page), b: 0 };
    const { m: display, width, height } = displayMatrix(box, p.FPDFPage_GetRotation(page));
    const textPage = p.FPDFText_LoadPage(page);
    let runs: TextRun[] = [];
    if (textPage) {
      try {
        runs = readRuns(p, textPage, display, scratch);
      } finally {
        p.FPDFText_ClosePage(textPage);
      }
    }
    const segments = mayHoldTable(runs) ? readSegments(p, page, display, scratch) : [];
    return { page: index + 1, width, height, runs, segments };
  } finally {
    p.FPDF_ClosePage(page);
  }
}
