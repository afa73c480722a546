/**
 * Row anchors: where each template row label occurs in the compact label text of a table region.
 *
 * Labels are matched whitespace-free (split across lines, cells or page breaks), by any of the
 * row's patterns (full label, alias, distinctive fragment). The anchors kept "in order" are the
 * longest chain of rows whose labels occur in template order; other rows whose label occurs
 * elsewhere in the region are "displaced" (broken extractions print some labels away from
 * their numbers).
 */
import type { CompiledRow, CompiledTemplate } from './templates';
import type { TokenizedText } from './tokens';

export interface Anchor {
  row: CompiledRow;
  /** Compact-text range of the matched label. */
  cStart: number;
  cEnd: number;
  /** Token range of the matched label. */
  tokenStart: number;
  tokenEnd: number;
  displaced: boolean;
}

/** A region of the compact text [cStart, cEnd) and its tokens [tokenStart, tokenEnd). */
export interface Region {
  cStart: number;
  cEnd: number;
  tokenStart: number;
  tokenEnd: number;
}

const MAX_CANDIDATES = 4;

interface Candidate {
  row: CompiledRow;
  start: number;
  end: number;
}

/** Occurrences of any of the row's patterns in the region; overlapping matches keep the longer. */
function candidatesOf(hay: string, offset: number, row: CompiledRow): Candidate[] {
  const found: Candidate[] = [];
  for (const p of row.patterns) {
    let from = 0;
    for (let n = 0; n < MAX_CANDIDATES; n++) {
      const at = hay.indexOf(p, from);
      if (at < 0) break;
      found.push({ row, start: offset + at, end: offset + at + p.length });
      from = at + p.length;
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  for (const c of found) {
    const last = kept[kept.length - 1];
    if (last && c.start < last.end) continue;
    kept.push(c);
  }
  return kept.slice(0, MAX_CANDIDATES);
}

/** Longest chain of candidates with increasing row index and increasing, non-overlapping position. */
function longestOrderedChain(candidates: Candidate[]): Candidate[] {
  const n = candidates.length;
  const length = new Int32Array(n);
  const previous = new Int32Array(n).fill(-1);
  let best = -1;
  for (let i = 0; i < n; i++) {
    const ci = candidates[i]!;
    length[i] = 1;
    for (let j = 0; j < i; j++) {
      const cj = candidates[j]!;
      if (cj.row.index < ci.row.index && cj.end <= ci.start && length[j]! + 1 > length[i]!) {
        length[i] = length[j]! + 1;
        previous[i] = j;
      }
    }
    if (best < 0 || length[i]! > length[best]!) best = i;
  }
  const chain: Candidate[] = [];
  for (let i = best; i >= 0; i = previous[i]!) chain.push(candidates[i]!);
  return chain.reverse();
}

function toAnchor(doc: TokenizedText, c: Candidate, displaced: boolean): Anchor {
  return {
    row: c.row,
    cStart: c.start,
    cEnd: c.end,
    tokenStart: doc.compactToken[c.start]!,
    tokenEnd: doc.compactToken[c.end - 1]! + 1,
    displaced,
  };
}

/** In-order and displaced anchors of a template's rows in a region, sorted by position. */
export function findAnchors(doc: TokenizedText, t: CompiledTemplate, region: Region): Anchor[] {
  const hay = doc.compact.slice(region.cStart, region.cEnd);
  const perRow = t.rows.map((row) => candidatesOf(hay, region.cStart, row));
  const chain = longestOrderedChain(perRow.flat().sort((a, b) => a.row.index - b.row.index || a.start - b.start));
  const anchors = chain.map((c) => toAnchor(doc, c, false));
  const anchored = new Set(chain.map((c) => c.row.key));
  const overlaps = (c: Candidate) => chain.some((a) => c.start < a.end && a.start < c.end);
  for (const list of perRow) {
    const first = list.find((c) => !anchored.has(c.row.key) && !overlaps(c));
    if (first) anchors.push(toAnchor(doc, first, true));
  }
  return anchors.sort((a, b) => a.cStart - b.cStart);
}
