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

export function createPositionMapper(source: string, map: Int32Array): PositionMapper {
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const last = map.length - 1;

  function sourcePoint(offset: number): Point {
    const o = Math.max(0, Math.min(offset, source.length));
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - lineStarts[lo]! + 1, offset: o };
  }
  function toSource(offset: number): number {
    return map[Math.max(0, Math.min(offset, last))]!;
  }
  /** Source offset just after the normalised character before `end` (exclusive end). */
  function toSourceEnd(start: number, end: number): number {
    if (end <= start) return toSource(start);
    return toSource(Math.min(end, last + 0) - 1) + 1;
  }
  function textOffsetAt(sourceOffset: number): number {
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (map[mid]! < sourceOffset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  return {
    sourcePoint,
    textOffsetAt,
    pointAt: (offset) => sourcePoint(toSource(offset)),
    positionOf: (start, end) => ({ start: sourcePoint(toSource(start)), end: sourcePoint(toSourceEnd(start, end)) }),
    sourceSlice: (start, end) => source.slice(toSource(start), toSourceEnd(start, end)),
  };
}
