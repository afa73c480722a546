/**
 * Chinese numerals, both ways: the one parser and the one formatter every stage uses.
 */

const DIGIT: Record<string, number> = {
  〇: 0, 零: 0, '○': 0, O: 0, o: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const DIGITS = '〇一二三四五六七八九';

/**
 * The value of a Chinese numeral, or null when `s` is not one.
 * - `digitByDigit` (years): 二〇一九 → 2019 (〇, 零, ○ and the letter O read as zero);
 * - otherwise counting numerals up to 99: 七 → 7, 十 → 10, 十二 → 12, 二十 → 20, 二十八 → 28.
 * A malformed counting numeral (三二, 十十, 二十十) is null, not a guess.
 */
export function chineseNumeralValue(s: string, digitByDigit = false): number | null {
  if (s.length === 0) return null;
  if (digitByDigit) {
    let v = 0;
    for (const ch of s) {
      const d = DIGIT[ch];
      if (d === undefined) return null;
      v = v * 10 + d;
    }
    return v;
  }
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 && DIGIT[s] !== undefined ? DIGIT[s]! : null;
  if (s.indexOf('十', ten + 1) >= 0) return null;
  const head = s.slice(0, ten);
  const tail = s.slice(ten + 1);
  const tens = head.length === 0 ? 1 : head.length === 1 ? DIGIT[head] : undefined;
  const units = tail.length === 0 ? 0 : tail.length === 1 ? DIGIT[tail] : undefined;
  if (tens === undefined || units === undefined || tens === 0) return null;
  return tens * 10 + units;
}

/** A heading ordinal (一 … 九十九, at most three characters) as a number, or null. */
export function chineseNumber(s: string): number | null {
  return s.length > 3 ? null : chineseNumeralValue(s, false);
}

/** 1 → 一, 12 → 十二, 20 → 二十, 105 → 一百零五 (1 to 9999; other numbers in Arabic digits). */
export function formatChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 10000) return String(n);
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, k) => {
    const unit = units[digits.length - 1 - k]!;
    if (d === 0) zero = out.length > 0;
    else {
      if (zero) out += '零';
      zero = false;
      out += d === 1 && unit === '十' && out.length === 0 ? unit : DIGITS[d]! + unit;
    }
  });
  return out;
}

/** 2019 → 二〇一九 (each digit). */
export function chineseDigits(n: number): string {
  return String(n).split('').map((d) => (/\d/u.test(d) ? DIGITS[Number(d)]! : d)).join('');
}
