/**
 * The page as positioned pieces, in display space: x to the right, y DOWN from the top of the page
 * (PDF points), so "above" means a smaller y.
 */

/** One run of upright text as the PDF placed it. */
export interface TextRun {
  text: string;
  /** Left edge. */
  x: number;
  /** Baseline (the bottom of a CJK glyph box). */
  y: number;
  /** Advance width of the whole run. */
  width: number;
  /** Font size (height of the glyph box). */
  size: number;
  /** A whitespace-only item: kept only as a hint that the text has a space here. */
  space?: boolean;
  /** The left edge of each UTF-16 unit of `text`, when known: a table puts each character in its own cell. */
  edges?: number[];
}

/** An axis-aligned ruling: a stroked line or a thin filled rectangle. */
export interface Segment {
  /** 'h': from (a, at) to (b, at); 'v': from (at, a) to (at, b); always a <= b. */
  dir: 'h' | 'v';
  at: number;
  a: number;
  b: number;
}

export interface PageContent {
  /** 1-based page number. */
  page: number;
  width: number;
  height: number;
  runs: TextRun[];
  segments: Segment[];
}

/** A 2×3 affine matrix [a, b, c, d, e, f] as PDF writes it. */
export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** The matrix that applies `inner` first, then `outer`. */
export function concat(outer: Matrix, inner: ArrayLike<number>): Matrix {
  const [a, b, c, d, e, f] = outer;
  const [m0, m1, m2, m3, m4, m5] = [inner[0]!, inner[1]!, inner[2]!, inner[3]!, inner[4]!, inner[5]!];
  return [a * m0 + c * m1, b * m0 + d * m1, a * m2 + c * m3, b * m2 + d * m3, a * m4 + c * m5 + e, b * m4 + d * m5 + f];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Vertical centre of a run's glyph box. */
export const centreY = (r: TextRun): number => r.y - r.size * 0.4;
export const centreX = (r: TextRun): number => r.x + r.width / 2;
