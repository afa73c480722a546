/**
 * Normalisation with an offset map (spec/signals.md §1).
 *
 * Every character of the normalised text knows the offset of the source character it came from,
 * so a finding found in the normalised text points at the caller's original string.
 */
import { t2s } from './t2s';

export interface NormalizedText {
  /** The normalised text. Line breaks are kept one to one with the source. */
  text: string;
  /** `map[i]` is the source offset of `text[i]`; `map[text.length]` is the source length. */
  map: Int32Array;
}

const TONE_LETTERS = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜêü';

function isHan(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff)
  );
}

function isPinyinLetter(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || TONE_LETTERS.includes(ch);
}

/**
 * Length of a pinyin annotation run starting at `i` (one or more `(xxx)` groups of 1–8 lowercase
 * letters, tone marks allowed), or 0. Linear scan, no regex backtracking.
 */
function pinyinRunLength(s: string, i: number): number {
  let j = i;
  while (j < s.length && s[j] === '(') {
    let k = j + 1;
    let letters = 0;
    let toned = false;
    while (k < s.length && letters <= 8 && isPinyinLetter(s[k]!)) {
      if (s[k]! > 'z') toned = true;
      k++;
      letters++;
    }
    if (letters < 1 || letters > 8 || s[k] !== ')') break;
    // Keep ordinary lowercase words in parentheses unless they are plausibly pinyin:
    // toned, or a syllable-sized run. Real noise is always 1–6 letters.
    if (!toned && letters > 6) break;
    j = k + 1;
  }
  return j - i;
}

/** Folds one character: full-width ASCII → half-width, ideographic/no-break spaces → space. */
function foldWidth(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  if (code === 0x3000 || code === 0x00a0 || code === 0x2002 || code === 0x2003 || code === 0x2009 || code === 0x200a)
    return 0x20;
  return code;
}

const foldedIdeographs = new Map<number, string | undefined>();

/**
 * Kangxi radicals (U+2F00–U+2FDF) and CJK compatibility ideographs (U+F900–U+FAFF) → the unified
 * ideograph NFKC gives (⼀ U+2F00 → 一, ⾏ U+2F8F → 行), or undefined for any other code: some PDF
 * producers write them, and text copied out of such PDFs keeps them. One or two code units.
 */
function foldIdeograph(code: number): string | undefined {
  if (!((code >= 0x2f00 && code <= 0x2fdf) || (code >= 0xf900 && code <= 0xfaff))) return undefined;
  if (foldedIdeographs.has(code)) return foldedIdeographs.get(code);
  const ch = String.fromCharCode(code);
  const nfkc = ch.normalize('NFKC');
  const folded = nfkc !== ch && nfkc.length <= 2 ? nfkc : undefined;
  foldedIdeographs.set(code, folded);
  return folded;
}

/** A CJK compatibility ideograph of the supplement (U+2F800–U+2FA1F) as NFKC folds it, or undefined. */
function foldSupplement(codePoint: number): string | undefined {
  if (codePoint < 0x2f800 || codePoint > 0x2fa1f) return undefined;
  const nfkc = String.fromCodePoint(codePoint).normalize('NFKC');
  return nfkc.length <= 2 ? nfkc : undefined;
}

/** The two buffers of pass 1 with room for more (a fold that gives two code units for one). */
function grow(chars: Uint16Array, map: Int32Array) {
  const size = chars.length + Math.max(16, chars.length >> 3);
  const c = new Uint16Array(size);
  c.set(chars);
  const m = new Int32Array(size + 1);
  m.set(map);
  return [c, m] as const;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

const DATE_UNITS = new Set(['年', '月', '日']);
const CN_NUMERALS = '一二三四五六七八九十';

/**
 * Normalises report text:
 * 1. drops CR and zero-width characters;
 * 2. strips pinyin-annotation noise after a Han character: 據(jù) → 據;
 * 3. folds Kangxi radicals and CJK compatibility ideographs to unified ideographs (NFKC on those
 *    blocks only: ⼈ → 人), and width (（一）→(一), ：→:, ，→,, full-width digits, U+3000/NBSP → space);
 * 4. maps traditional to simplified characters (OpenCC t2cn);
 * 5. removes spaces between two CJK characters and between a digit and 年/月/日 (and 年/月 and a digit).
 *
 * Linear in the input; the OpenCC converter only sees the lines that hold a character it could change.
 */
export function normalize(source: string): NormalizedText {
  const n0 = source.length;
  // Pass 1: deletions of CR / zero-width / BOM and pinyin noise; width folding.
  let chars = new Uint16Array(n0);
  let map = new Int32Array(n0 + 1);
  let k = 0;
  let convertible = false;
  let surrogates = false;
  let prevHan = false;
  for (let i = 0; i < n0; i++) {
    const code = source.charCodeAt(i);
    if (code === 0x0d || code === 0xfeff || code === 0x200b || code === 0x200c || code === 0x200d) continue;
    if (code === 0x28 /* ( */ && prevHan) {
      const run = pinyinRunLength(source, i);
      if (run > 0) {
        i += run - 1;
        continue;
      }
    }
    // Kangxi radicals and compatibility ideographs: NFKC's unified ideograph, one or two code units
    // (a few fold to a supplementary-plane ideograph), each mapped to the source character's offset.
    const folded = code === 0xd87e ? foldSupplement(source.codePointAt(i)!) : code >= 0x2f00 && code <= 0xfaff ? foldIdeograph(code) : undefined;
    if (folded !== undefined && folded.length === 2) {
      if (k + 2 > chars.length) [chars, map] = grow(chars, map);
      chars[k] = folded.charCodeAt(0);
      chars[k + 1] = folded.charCodeAt(1);
      map[k] = map[k + 1] = i;
      k += 2;
      convertible = surrogates = true;
      prevHan = false;
      if (code === 0xd87e) i++;
      continue;
    }
    const at = i;
    if (folded !== undefined && code === 0xd87e) i++;
    const ideograph = folded !== undefined ? folded.charCodeAt(0) : code;
    if (ideograph >= 0x2e80) {
      convertible = true;
      if (ideograph >= 0xd800 && ideograph <= 0xdfff) surrogates = true;
    }
    if (k >= chars.length) [chars, map] = grow(chars, map);
    chars[k] = foldWidth(ideograph);
    map[k] = at;
    k++;
    prevHan = isHan(ideograph);
  }
  let text = codesToString(chars, k, surrogates);
  // Pass 2: traditional → simplified (every dictionary key is a CJK character ≥ U+2E80).
  if (convertible) text = convertKeepingLength(text);
  // Pass 3: remove spaces inside CJK words and inside dates. It writes over pass 1's buffers (the
  // text was copied out of `chars`; `map[m]` is written after `map[i]` is read, and m ≤ i), so a big
  // report needs no second pair of buffers.
  const out = chars;
  const outMap = map;
  let m = 0;
  let i = 0;
  while (i < k) {
    const code = text.charCodeAt(i);
    if (code === 0x20) {
      let j = i;
      while (j < k && text.charCodeAt(j) === 0x20) j++;
      // 「一 概述」: the space after a line's leading numeral separates it from its title.
      const afterNumeral = m > 0 && CN_NUMERALS.includes(String.fromCharCode(out[m - 1]!)) && (m === 1 || out[m - 2] === 0x0a);
      if (m > 0 && j < k && !afterNumeral && removableSpace(out[m - 1]!, text.charCodeAt(j))) {
        i = j;
        continue;
      }
      // Kept: the whole run at once (looking for its end from every space in it was quadratic).
      for (; i < j; i++, m++) {
        out[m] = 0x20;
        outMap[m] = map[i]!;
      }
      continue;
    }
    out[m] = code;
    outMap[m] = map[i]!;
    m++;
    i++;
  }
  outMap[m] = n0;
  return { text: codesToString(out, m, surrogates), map: m + 1 === outMap.length ? outMap : outMap.subarray(0, m + 1) };
}

function removableSpace(before: number, after: number): boolean {
  if (isHan(before) && isHan(after)) return true;
  const b = String.fromCharCode(before);
  const a = String.fromCharCode(after);
  if (isDigit(before) && DATE_UNITS.has(a)) return true;
  if ((b === '年' || b === '月') && isDigit(after)) return true;
  return false;
}

/**
 * OpenCC's t2cn tables are one to one but for a few phrase entries; a line whose length an entry
 * would change is converted character by character instead, so offsets stay exact.
 */
function convertKeepingLength(text: string): string {
  const whole = t2s(text);
  if (whole.length === text.length) return whole;
  return text
    .split('\n')
    .map((line) => {
      const converted = t2s(line);
      if (converted.length === line.length) return converted;
      let result = '';
      for (const ch of line) {
        const c = t2s(ch);
        result += c.length === ch.length ? c : ch;
      }
      return result;
    })
    .join('\n');
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
// ignoreBOM: a leading U+FEFF is a character like any other here (dropping it would shift every offset).
const utf16 = typeof TextDecoder === 'function' && littleEndian ? new TextDecoder('utf-16le', { ignoreBOM: true }) : null;

/**
 * The string of the first `length` code units. TextDecoder is fast but would replace lone
 * surrogates, so it is used only when the caller saw none.
 */
export function codesToString(codes: Uint16Array, length: number, surrogates: boolean): string {
  if (utf16 && !surrogates) return utf16.decode(codes.subarray(0, length));
  let s = '';
  for (let i = 0; i < length; i += 4096) {
    const chunk: number[] = Array.from(codes.subarray(i, Math.min(length, i + 4096)));
    s += String.fromCharCode(...chunk);
  }
  return s;
}

export { isHan };
