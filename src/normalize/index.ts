/**
 * Normalisation with an offset map (spec/signals.md §1).
 *
 * Every character of the normalised text knows the offset of the source character it came from,
 * so a finding found in the normalised text points at the caller's original string.
 */
import { Converter } from 'opencc-js/t2cn';

export interface NormalizedText {
  /** The normalised text. Line breaks are kept one to one with the source. */
  text: string;
  /** `map[i]` is the source offset of `text[i]`; `map[text.length]` is the source length. */
  map: Int32Array;
}

type ConverterFunction = (s: string) => string;
let t2s: ConverterFunction | null = null;

/** Traditional → simplified (OpenCC t2cn tables), built once on first use. */
function traditionalToSimplified(): ConverterFunction {
  if (!t2s) t2s = Converter({ from: 't', to: 'cn' }) as ConverterFunction;
  return t2s;
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

function isSpace(code: number): boolean {
  return code === 0x20;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

const DATE_UNITS = new Set(['年', '月', '日']);

/**
 * Normalises report text:
 * 1. drops CR and zero-width characters;
 * 2. strips pinyin-annotation noise after a Han character: 據(jù) → 據;
 * 3. folds width (（一）→(一), ：→:, ，→,, full-width digits, U+3000/NBSP → space);
 * 4. maps traditional to simplified characters (OpenCC t2cn);
 * 5. removes spaces between two CJK characters and between a digit and 年/月/日 (and 年/月 and a digit).
 */
export function normalize(source: string): NormalizedText {
  // Pass 1: deletions of CR / zero-width / BOM and pinyin noise; width folding.
  const chars: number[] = [];
  const map: number[] = [];
  let prevHan = false;
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code === 0x0d || code === 0xfeff || code === 0x200b || code === 0x200c || code === 0x200d) continue;
    if (code === 0x28 /* ( */ && prevHan) {
      const run = pinyinRunLength(source, i);
      if (run > 0) {
        i += run - 1;
        continue;
      }
    }
    const folded = foldWidth(code);
    chars.push(folded);
    map.push(i);
    prevHan = isHan(code);
  }
  let text = codesToString(chars);
  // Pass 2: traditional → simplified. OpenCC's t2cn character tables are one to one; phrase
  // entries that change length are applied line by line only when the length is kept.
  text = convertKeepingLength(text);
  // Pass 3: remove spaces inside CJK words and inside dates.
  const out: number[] = [];
  const outMap: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      let j = i;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      const before = out.length > 0 ? out[out.length - 1]! : -1;
      const after = j < n ? text.charCodeAt(j) : -1;
      if (before >= 0 && after >= 0 && removableSpace(before, after)) {
        i = j;
        continue;
      }
    }
    out.push(code);
    outMap.push(map[i]!);
    i++;
  }
  const finalMap = new Int32Array(out.length + 1);
  for (let k = 0; k < outMap.length; k++) finalMap[k] = outMap[k]!;
  finalMap[out.length] = source.length;
  return { text: codesToString(out), map: finalMap };
}

function removableSpace(before: number, after: number): boolean {
  if (isHan(before) && isHan(after)) return true;
  const b = String.fromCharCode(before);
  const a = String.fromCharCode(after);
  if (isDigit(before) && DATE_UNITS.has(a)) return true;
  if ((b === '年' || b === '月') && isDigit(after)) return true;
  return false;
}

function convertKeepingLength(text: string): string {
  const convert = traditionalToSimplified();
  const whole = convert(text);
  if (whole.length === text.length) return whole;
  // Rare: a phrase mapping changed the length. Convert line by line and keep the original
  // characters of any line whose length would change, so offsets stay exact.
  return text
    .split('\n')
    .map((line) => {
      const converted = convert(line);
      if (converted.length === line.length) return converted;
      let result = '';
      for (const ch of line) {
        const c = convert(ch);
        result += c.length === ch.length ? c : ch;
      }
      return result;
    })
    .join('\n');
}

/** String.fromCharCode(...array) overflows the stack on big arrays: convert in chunks. */
function codesToString(codes: number[]): string {
  let s = '';
  for (let i = 0; i < codes.length; i += 8192) s += String.fromCharCode(...codes.slice(i, i + 8192));
  return s;
}

export { isHan };
