/**
 * Maps offsets of the normalised text to unist points in the caller's source.
 */
import type { Point, Position } from '../types';

export interface PositionMapper {
  pointAt(offset: number): Point;
  positionOf(start: number, end: number): Position;
  sourceSlice(start: number, end: number): string;
  /** Point of a raw source offset. */
  sourcePoint(sourceOffset: number): Point;
  /** The first offset of the normalised text whose source offset is ≥ `sourceOffset`. */
  textOffsetAt(sourceOffset: number): number;
}

import { lastAtMost } from '../common/text';
export { lastAtMost };

export function createPositionMapper(source: string, map: Int32Array, pageStarts?: readonly number[]): PositionMapper {
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const last = map.length - 1;
  // Extraction keeps source order almost always; nested or unclosed HTML tables are flattened after
  // the text around them, so the map can step back. Then ranges take the extreme source offsets of
  // their characters, and lookups search the running maximum (which never decreases).
  let monotonic = true;
  for (let i = 1; i <= last; i++) {
    if (map[i]! < map[i - 1]!) {
      monotonic = false;
      break;
    }
  }
  let runningMax: Int32Array | null = null;
  if (!monotonic) {
    runningMax = new Int32Array(map.length);
    let m = -1;
    for (let i = 0; i <= last; i++) runningMax[i] = m = Math.max(m, map[i]!);
  }
  const sorted = runningMax ?? map;

  function sourcePoint(offset: number): Point {
    const o = Math.max(0, Math.min(offset, source.length));
    const lo = lastAtMost(lineStarts.length, (i) => lineStarts[i]!, o);
    const point: Point = { line: lo + 1, column: o - lineStarts[lo]! + 1, offset: o };
    // The page a character is on: the last page that begins at or before it (an empty page shares its
    // offset with the next, which wins).
    if (pageStarts?.length) point.page = lastAtMost(pageStarts.length, (i) => pageStarts[i]!, o) + 1;
    return point;
  }
  function toSource(offset: number): number {
    return map[Math.max(0, Math.min(offset, last))]!;
  }
  /** Source offset just after the normalised character before `end` (exclusive end). */
  function toSourceEnd(start: number, end: number): number {
    if (end <= start) return toSource(start);
    return toSource(Math.min(end, last + 0) - 1) + 1;
  }
  /** [start, end) of the normalised text as a source range [from, to). */
  function sourceRange(start: number, end: number): [number, number] {
    const from = toSource(start);
    const to = toSourceEnd(start, end);
    if (monotonic) return [from, to];
    let lo = from;
    let hi = Math.max(to, from);
    const stop = Math.min(end, last);
    for (let i = Math.max(0, start); i < stop; i++) {
      const o = map[i]!;
      if (o < lo) lo = o;
      if (o + 1 > hi) hi = o + 1;
    }
    return [lo, Math.min(hi, source.length)];
  }
  function textOffsetAt(sourceOffset: number): number {
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < sourceOffset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  return {
    sourcePoint,
    textOffsetAt,
    pointAt: (offset) => sourcePoint(toSource(offset)),
    positionOf: (start, end) => {
      const [from, to] = sourceRange(start, end);
      return { start: sourcePoint(from), end: sourcePoint(to) };
    },
    sourceSlice: (start, end) => {
      const [from, to] = sourceRange(start, end);
      return source.slice(from, to);
    },
  };
}
