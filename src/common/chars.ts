/**
 * Character classes by code unit, one definition each.
 */

/**
 * Whitespace as JavaScript's `\s` has it (Unicode White_Space and U+FEFF): line breaks included.
 */
export function isWhitespace(c: number): boolean {
  return (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whitespace within a line: `isWhitespace` but the line breaks (LF, VT, FF, CR, U+2028, U+2029). */
export function isInlineSpace(c: number): boolean {
  return isWhitespace(c) && !(c >= 0x0a && c <= 0x0d) && c !== 0x2028 && c !== 0x2029;
}
