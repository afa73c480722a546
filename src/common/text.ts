/**
 * Small string and search helpers, one definition each.
 */

/**
 * The last index `i` in [0, n) whose `valueAt(i)` is at most `x`, for values that never decrease
 * (0 when none is): the line a text offset is on, the run a compacted offset is in.
 */
export function lastAtMost(n: number, valueAt: (i: number) => number, x: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (valueAt(mid) <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The index of the line (of lines sorted by `start`) that an offset is on. */
export function lineIndexAt(lines: ReadonlyArray<{ start: number }>, offset: number): number {
  return lastAtMost(lines.length, (i) => lines[i]!.start, offset);
}

/** A quotation for a message: whitespace runs as one space, at most `max` characters (「…」 at the cut). */
export function shorten(s: string, max: number): string {
  const one = s.replace(/\s+/gu, ' ');
  return one.length > max ? one.slice(0, max - 1) + '…' : one;
}

/** `s` as a literal inside a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** The earliest and latest years a report, its statistics period or its signature can carry. */
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;

/** A year a report can be about, be dated or cover (2000–2100; the Regulations took effect in 2008). */
export function plausibleYear(y: number): boolean {
  return Number.isInteger(y) && y >= YEAR_MIN && y <= YEAR_MAX;
}
