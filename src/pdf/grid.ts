/**
 * Ruled tables: the rulings of a page (stroked borders, thin filled bars, edges of filled cells) are
 * merged into lines, grouped into connected grids, and every text run inside a grid is put into the
 * cell that contains it. A merged cell (no ruling between two grid cells) gives its text to its
 * top-left grid cell, so a row label spanning several rows lands in the first of them and a header
 * spanning several columns in the first of those.
 */
import { centreX, centreY, type Segment, type TextRun } from './geometry';
import { joinCellText } from './lines';

/** Two rulings closer than this (pt) are the same line; a grid cell edge may miss a line by this much. */
const TOL = 2;
/**
 * Column (row) boundaries closer than this are one boundary: the same border drawn in pieces by the
 * header and the body of a table can be a little apart.
 */
const SNAP = 3;

interface Line {
  at: number;
  a: number;
  b: number;
}

export interface Grid {
  /** Column boundaries, left to right. */
  xs: number[];
  /** Row boundaries, top to bottom. */
  ys: number[];
  h: Line[];
  v: Line[];
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** One row of a ruled table: its cells' texts, left to right (merged cells give '' after the first). */
export interface GridRow {
  top: number;
  cells: string[];
}

export interface GridTable {
  grid: Grid;
  rows: GridRow[];
}

/** Merges collinear, overlapping or touching rulings of one direction. */
function mergeLines(segments: Segment[]): Line[] {
  const sorted = segments.map((s) => ({ at: s.at, a: s.a, b: s.b })).sort((p, q) => p.at - q.at || p.a - q.a);
  // Bucket by position, then merge overlapping spans inside each bucket.
  const buckets: Line[][] = [];
  let bucket: Line[] = [];
  let bucketAt = Number.NEGATIVE_INFINITY;
  for (const s of sorted) {
    if (s.at - bucketAt > TOL && bucket.length) {
      buckets.push(bucket);
      bucket = [];
    }
    if (!bucket.length) bucketAt = s.at;
    bucket.push(s);
  }
  if (bucket.length) buckets.push(bucket);
  const out: Line[] = [];
  for (const group of buckets) {
    const at = group.reduce((sum, s) => sum + s.at, 0) / group.length;
    group.sort((p, q) => p.a - q.a);
    let cur: Line | undefined;
    for (const s of group) {
      if (cur && s.a <= cur.b + TOL) cur.b = Math.max(cur.b, s.b);
      else {
        if (cur) out.push(cur);
        cur = { at, a: s.a, b: s.b };
      }
    }
    if (cur) out.push(cur);
  }
  return out;
}

/** Positions closer than TOL merged into their mean. */
function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const v of sorted) {
    if (group.length && v - group[group.length - 1]! > SNAP) {
      out.push(group.reduce((s, x) => s + x, 0) / group.length);
      group = [];
    }
    group.push(v);
  }
  if (group.length) out.push(group.reduce((s, x) => s + x, 0) / group.length);
  return out;
}

const crosses = (h: Line, v: Line): boolean =>
  v.at >= h.a - TOL && v.at <= h.b + TOL && h.at >= v.a - TOL && h.at <= v.b + TOL;

/** Connected groups of horizontal and vertical lines: the ruled tables of a page. */
export function findGrids(segments: Segment[]): Grid[] {
  const hs = mergeLines(segments.filter((s) => s.dir === 'h'));
  const vs = mergeLines(segments.filter((s) => s.dir === 'v'));
  const parent = Array.from({ length: hs.length + vs.length }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let i = 0; i < hs.length; i++) {
    for (let j = 0; j < vs.length; j++) {
      if (crosses(hs[i]!, vs[j]!)) parent[find(i)] = find(hs.length + j);
    }
  }
  const groups = new Map<number, { h: Line[]; v: Line[] }>();
  hs.forEach((h, i) => {
    const g = groups.get(find(i)) ?? { h: [], v: [] };
    g.h.push(h);
    groups.set(find(i), g);
  });
  vs.forEach((v, j) => {
    const g = groups.get(find(hs.length + j)) ?? { h: [], v: [] };
    g.v.push(v);
    groups.set(find(hs.length + j), g);
  });
  const grids: Grid[] = [];
  for (const { h, v } of groups.values()) {
    if (h.length < 2 || v.length < 2) continue;
    const xs = cluster(v.map((l) => l.at));
    const ys = cluster(h.map((l) => l.at));
    // A table cut by a page break may lack its closing border: the column lines show where it ends.
    const vTop = Math.min(...v.map((l) => l.a));
    const vBottom = Math.max(...v.map((l) => l.b));
    if (vTop < ys[0]! - SNAP) {
      ys.unshift(vTop);
      h.push({ at: vTop, a: xs[0]!, b: xs[xs.length - 1]! });
    }
    if (vBottom > ys[ys.length - 1]! + SNAP) {
      ys.push(vBottom);
      h.push({ at: vBottom, a: xs[0]!, b: xs[xs.length - 1]! });
    }
    // A framed box or a single column is not a table: its text reads as ordinary lines.
    if (xs.length < 3 || ys.length < 2) continue;
    grids.push({ xs, ys, h, v, left: xs[0]!, right: xs[xs.length - 1]!, top: ys[0]!, bottom: ys[ys.length - 1]! });
  }
  return grids.sort((p, q) => p.top - q.top);
}

/** Whether a run's centre lies inside the grid (with a small margin). */
export function insideGrid(grid: Grid, run: TextRun): boolean {
  const x = centreX(run);
  const y = centreY(run);
  return x >= grid.left - TOL && x <= grid.right + TOL && y >= grid.top - TOL && y <= grid.bottom + TOL;
}

const hasH = (grid: Grid, y: number, x0: number, x1: number): boolean => {
  const mid = (x0 + x1) / 2;
  return grid.h.some((l) => Math.abs(l.at - y) <= SNAP && l.a - TOL <= mid && l.b + TOL >= mid);
};
const hasV = (grid: Grid, x: number, y0: number, y1: number): boolean => {
  const mid = (y0 + y1) / 2;
  return grid.v.some((l) => Math.abs(l.at - x) <= SNAP && l.a - TOL <= mid && l.b + TOL >= mid);
};

function indexIn(bounds: number[], value: number): number {
  for (let i = 0; i < bounds.length - 2; i++) if (value < bounds[i + 1]!) return i;
  return bounds.length - 2;
}

/** The top-left grid cell of the (possibly merged) cell containing grid cell (row, col). */
function anchorOf(grid: Grid, row: number, col: number): [number, number] {
  const { xs, ys } = grid;
  for (let guard = 0; guard < xs.length + ys.length; guard++) {
    if (row > 0 && !hasH(grid, ys[row]!, xs[col]!, xs[col + 1]!)) row--;
    else if (col > 0 && !hasV(grid, xs[col]!, ys[row]!, ys[row + 1]!)) col--;
    else break;
  }
  return [row, col];
}

/**
 * Splits runs that hold several whitespace-separated values (「10 1 0」) into one run per value, the x
 * positions shared out by character count, so that each value can find its own cell.
 */
function splitOnSpaces(run: TextRun): TextRun[] {
  const text = run.text;
  if (!/\S\s+\S/.test(text)) return [run];
  const perChar = run.width / Math.max(1, text.length);
  const out: TextRun[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    out.push({ ...run, text: m[0], x: run.x + m.index * perChar, width: m[0].length * perChar });
  }
  return out;
}

/**
 * A run whose characters' left edges are known, as one run per character (a surrogate pair stays
 * whole): each character then goes to the cell its box centre lies in.
 */
function splitIntoChars(run: TextRun): TextRun[] {
  const { text, edges } = run;
  if (!edges || edges.length !== text.length || text.length < 2) return splitOnSpaces(run);
  const out: TextRun[] = [];
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    const j = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? i + 2 : i + 1;
    const x = edges[i]!;
    const right = j < text.length ? edges[j]! : run.x + run.width;
    out.push({ text: text.slice(i, j), x, y: run.y, width: Math.max(0, right - x), size: run.size });
    i = j;
  }
  return out;
}

/** Puts the runs into the grid's cells and renders one row per grid row that holds any text. */
export function readGrid(grid: Grid, runs: TextRun[]): GridTable {
  const { xs, ys } = grid;
  const nRows = ys.length - 1;
  const nCols = xs.length - 1;
  const cells: TextRun[][][] = Array.from({ length: nRows }, () => Array.from({ length: nCols }, () => []));
  // The merged cell of each grid cell, found once (every character of a cell asks the same question).
  const anchors = new Map<number, [number, number]>();
  for (const run of runs.flatMap(splitIntoChars)) {
    if (run.space) continue;
    const row = indexIn(ys, centreY(run));
    const col = indexIn(xs, centreX(run));
    const key = row * nCols + col;
    let anchor = anchors.get(key);
    if (!anchor) anchors.set(key, (anchor = anchorOf(grid, row, col)));
    cells[anchor[0]]![anchor[1]]!.push(run);
  }
  const rows: GridRow[] = [];
  for (let r = 0; r < nRows; r++) {
    const texts = cells[r]!.map(joinCellText);
    if (texts.every((t) => t === '')) continue;
    rows.push({ top: ys[r]!, cells: texts });
  }
  return { grid, rows };
}
