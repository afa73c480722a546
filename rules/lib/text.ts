/**
 * Text helpers shared by the built-in rules.
 */

// ---------------------------------------------------------------------------
// Compacted text: PDF line wraps and spaces removed, with a map back
// ---------------------------------------------------------------------------

export interface CompactText {
  /** The text without line wraps and spaces; a paragraph break (2+ line breaks) stays as one `\n`;
   *  a space between two ASCII letters/digits stays as one space. */
  text: string;
  /** `map[i]` is the offset in the original text of `text[i]`. */
  map: Int32Array;
}

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0b || code === 0x0c ||
    code === 0xa0 || code === 0x3000;
}

function isAsciiAlnum(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** Removes line wraps and spaces (see `CompactText`), keeping a map back to the original offsets. */
export function compactText(source: string): CompactText {
  const out: number[] = [];
  const map: number[] = [];
  const n = source.length;
  let i = 0;
  while (i < n) {
    const code = source.charCodeAt(i);
    if (!isWhitespace(code)) {
      out.push(code);
      map.push(i);
      i++;
      continue;
    }
    let j = i;
    let newlines = 0;
    let firstNewline = -1;
    while (j < n && isWhitespace(source.charCodeAt(j))) {
      if (source.charCodeAt(j) === 0x0a) {
        if (firstNewline < 0) firstNewline = j;
        newlines++;
      }
      j++;
    }
    const before = out.length > 0 ? out[out.length - 1]! : -1;
    const after = j < n ? source.charCodeAt(j) : -1;
    if (newlines >= 2 && before >= 0 && after >= 0) {
      out.push(0x0a);
      map.push(firstNewline);
    } else if (before >= 0 && after >= 0 && isAsciiAlnum(before) && isAsciiAlnum(after)) {
      out.push(0x20);
      map.push(i);
    }
    i = j;
  }
  let text = '';
  for (let k = 0; k < out.length; k += 8192) text += String.fromCharCode(...out.slice(k, k + 8192));
  return { text, map: Int32Array.from(map) };
}

/** Maps a compact range [start, end) to a range of the original text. */
export function originalRange(c: CompactText, start: number, end: number): [number, number] {
  if (c.map.length === 0) return [0, 0];
  const s = c.map[Math.min(start, c.map.length - 1)]!;
  const e = end > start ? c.map[Math.min(end - 1, c.map.length - 1)]! + 1 : s;
  return [s, e];
}

/** The first non-blank line of a text as a range (where a report-level finding points without a title). */
export function firstLineRange(text: string): [number, number] {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    const trimmed = line.trim();
    if (trimmed.length > 0) {
      const lead = line.length - line.trimStart().length;
      return [start + lead, start + lead + trimmed.length];
    }
    start = end + 1;
  }
  return [0, 0];
}

/** A non-negative finite number option, or the fallback. */
export function numberOption(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}
