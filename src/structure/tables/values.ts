/**
 * Cell values: numbers (thousands separators, decimals, sign, an attached note such as
 * 「22（其中修订 16 件）」 or a unit such as 「251000元」), blank, '/', '-' (tables.md §4).
 */

export type ValueKind = 'number' | 'blank' | 'slash' | 'dash';

export interface ParsedValue {
  kind: ValueKind;
  value: number | null;
  note?: string;
}

const SLASHES = new Set(['/', '／', '\\']);
const DASH_CHARS = new Set(['-', '—', '–', '－', '―']);
/** Not-applicable words printed in a cell. */
const NOT_APPLICABLE = new Set(['无']);
/** Units that may follow a number inside a cell. */
export const UNIT_WORDS = new Set(['元', '万元', '件', '条', '次', '人次', '个', '人', '篇', '期', '项', '家', '场']);
/** The longest unit word. */
export const UNIT_MAX = Math.max(...[...UNIT_WORDS].map((w) => w.length));

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Length of the numeric prefix of `s` ([+-]digits with ,ddd groups and .decimals), or 0. */
function numericPrefixLength(s: string): number {
  let i = 0;
  if (s[0] === '-' || s[0] === '+' || s[0] === '−') i = 1;
  const digitsStart = i;
  while (isDigit(s[i])) i++;
  if (i === digitsStart) return 0;
  while (s[i] === ',' && isDigit(s[i + 1]) && isDigit(s[i + 2]) && isDigit(s[i + 3]) && !isDigit(s[i + 4])) i += 4;
  if (s[i] === '.' && isDigit(s[i + 1])) {
    i++;
    while (isDigit(s[i])) i++;
  }
  return i;
}

function toNumber(s: string): number {
  const plain = s.includes(',') ? s.split(',').join('') : s;
  return plain[0] === '−' ? -Number(plain.slice(1)) : Number(plain);
}

/** A parenthesised note: 「(其中修订 16 件)」 → 「其中修订 16 件」, or null. */
export function parenNote(s: string): string | null {
  const open = s[0];
  if (open !== '(' && open !== '（') return null;
  const last = s[s.length - 1];
  const inner = (last === ')' || last === '）' ? s.slice(1, -1) : s.slice(1)).trim();
  return inner.length > 0 ? inner : null;
}

/** Parses a trimmed cell or chunk; null when it is text (a label, a header, a sentence). */
export function parseValue(s: string): ParsedValue | null {
  if (s.length === 0) return { kind: 'blank', value: null };
  // Length first: a Set lookup hashes the whole string, and most chunks are sentences.
  if (s.length === 1 && SLASHES.has(s)) return { kind: 'slash', value: null };
  if (s.length <= 3 && [...s].every((ch) => DASH_CHARS.has(ch))) return { kind: 'dash', value: null };
  if (s.length === 1 && NOT_APPLICABLE.has(s)) return { kind: 'dash', value: null };
  const n = numericPrefixLength(s);
  if (n === 0) return null;
  const value = toNumber(s.slice(0, n));
  const rest = s.slice(n).trim();
  if (rest.length === 0) return { kind: 'number', value };
  const note = parenNote(rest);
  if (note !== null) return { kind: 'number', value, note };
  if (rest.length <= UNIT_MAX && UNIT_WORDS.has(rest)) return { kind: 'number', value, note: rest };
  return null;
}
