/**
 * Traditional → simplified with OpenCC's t2cn dictionaries (TSPhrases + TSCharacters from opencc-js),
 * applied as OpenCC applies them — longest dictionary key first at each position, an ideographic
 * description sequence (⿰女子) left whole — but with flat lookup tables instead of a trie of Maps,
 * which made conversion the most expensive step of auditing a traditional-script report.
 * test/structure/normalize.test.ts checks that the result equals opencc-js's own converter.
 */
// @ts-expect-error the dictionary modules ship without type declarations
import TSPhrases from 'opencc-js/dict/TSPhrases';
// @ts-expect-error the dictionary modules ship without type declarations
import TSCharacters from 'opencc-js/dict/TSCharacters';

type Dict = string | Array<[string, string]>;

interface Tables {
  /** BMP code unit → its one-unit replacement, 0 when none. */
  bmp: Uint16Array;
  /** Other single-character keys (astral, or a replacement of another length). */
  other: Map<number, string>;
  /** Per code unit: PHRASE (starts a key of two or more characters), OTHER (starts a key in `other`), SPECIAL (surrogate or IDS). */
  flags: Uint8Array;
  /** First code unit → the longer keys starting with it, longest first. */
  phrases: Map<number, Array<[string, string]>>;
}

let tables: Tables | null = null;
const PHRASE = 1;
const OTHER = 2;
const SPECIAL = 4;

function entries(dict: Dict): Array<[string, string]> {
  if (typeof dict !== 'string') return dict;
  return dict.split('|').map((line) => {
    const [from, to] = line.split(' ');
    return [from!, to!];
  });
}

function build(): Tables {
  const t: Tables = { bmp: new Uint16Array(0x10000), other: new Map(), flags: new Uint8Array(0x10000), phrases: new Map() };
  for (let c = 0xd800; c <= 0xdfff; c++) t.flags[c] = t.flags[c]! | SPECIAL;
  for (let c = 0x2ff0; c <= 0x2fff; c++) t.flags[c] = t.flags[c]! | SPECIAL;
  // OpenCC loads a group's dictionaries last first, so the first (TSPhrases) wins on equal keys.
  const merged = new Map<string, string>();
  for (const dict of [TSCharacters as Dict, TSPhrases as Dict]) for (const [from, to] of entries(dict)) merged.set(from, to);
  for (const [from, to] of merged) {
    const cp = from.codePointAt(0)!;
    if (from.length === (cp > 0xffff ? 2 : 1)) {
      if (cp <= 0xffff && to.length === 1 && to.charCodeAt(0) !== 0) t.bmp[cp] = to.charCodeAt(0);
      else {
        t.other.set(cp, to);
        t.flags[from.charCodeAt(0)] = t.flags[from.charCodeAt(0)]! | OTHER;
      }
      continue;
    }
    const first = from.charCodeAt(0);
    t.flags[first] = t.flags[first]! | PHRASE;
    let list = t.phrases.get(first);
    if (!list) t.phrases.set(first, (list = []));
    list.push([from, to]);
  }
  for (const list of t.phrases.values()) list.sort((a, b) => b[0].length - a[0].length);
  return t;
}

function codePointLength(s: string, i: number): number {
  return s.codePointAt(i)! > 0xffff ? 2 : 1;
}

function idsArity(cp: number): number {
  if (cp >= 0x2ff0 && cp <= 0x2ff1) return 2;
  if (cp >= 0x2ff2 && cp <= 0x2ff3) return 3;
  if (cp >= 0x2ff4 && cp <= 0x2fff) return 2;
  return 0;
}

/** End of the ideographic description sequence at `i`, or 0 (as OpenCC reads it; bounded by the string). */
function idsEnd(s: string, i: number, depth = 0): number {
  const arity = idsArity(s.codePointAt(i)!);
  if (arity === 0 || depth > 64) return 0;
  let end = i + codePointLength(s, i);
  for (let n = 0; n < arity; n++) {
    if (end >= s.length) return 0;
    const child = idsEnd(s, end, depth + 1);
    end = child || end + codePointLength(s, end);
  }
  return end;
}

/** Converts one string (phrase keys never span a line break, so callers may convert line by line). */
export function t2s(s: string): string {
  const t = (tables ??= build());
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    const f = t.flags[c]!;
    if (f === 0) {
      const mapped = t.bmp[c]!;
      if (mapped !== 0) {
        out += s.slice(copied, i) + String.fromCharCode(mapped);
        copied = i + 1;
      }
      i++;
      continue;
    }
    if ((f & PHRASE) !== 0) {
      const list = t.phrases.get(c)!;
      let hit: [string, string] | undefined;
      for (let k = 0; k < list.length; k++) {
        if (s.startsWith(list[k]![0], i)) {
          hit = list[k];
          break;
        }
      }
      if (hit) {
        out += s.slice(copied, i) + hit[1];
        i += hit[0].length;
        copied = i;
        continue;
      }
    }
    const mapped = t.bmp[c]!;
    if (mapped !== 0) {
      out += s.slice(copied, i) + String.fromCharCode(mapped);
      i++;
      copied = i;
      continue;
    }
    if ((f & OTHER) !== 0) {
      const other = t.other.get(s.codePointAt(i)!);
      if (other !== undefined) {
        out += s.slice(copied, i) + other;
        i += codePointLength(s, i);
        copied = i;
        continue;
      }
    }
    if ((f & SPECIAL) !== 0) {
      const ids = idsEnd(s, i);
      i = ids > i ? ids : i + codePointLength(s, i);
      continue;
    }
    i++;
  }
  return copied === 0 ? s : out + s.slice(copied);
}
