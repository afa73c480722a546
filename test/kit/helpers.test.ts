/**
 * One helper for each job (issue #13). Where the copies disagreed, these tests pin the decision.
 */
import { describe, expect, it } from '@jest/globals';
import {
  chineseDigits,
  chineseNumber,
  chineseNumeralValue,
  escapeRegExp,
  formatChineseNumber,
  isInlineSpace,
  isWhitespace,
  lineIndexAt,
  parseDateLine,
  plausibleYear,
  shorten,
  TABLE_NAME,
} from '../../src/kit/index';

describe('Chinese numerals', () => {
  it('parses counting numerals up to 99 and years digit by digit', () => {
    expect(['一', '十', '十二', '二十', '二十八', '九十九'].map((s) => chineseNumeralValue(s))).toEqual([1, 10, 12, 20, 28, 99]);
    expect(chineseNumeralValue('二〇一九', true)).toBe(2019);
    expect(chineseNumeralValue('二零二四', true)).toBe(2024);
  });

  it('a malformed numeral is null (the heading parser read 三二 as 2 and 十十 as 20)', () => {
    for (const s of ['三二', '十十', '二十十', '', '十二三']) expect(chineseNumber(s)).toBeNull();
    expect(chineseNumber('二十三')).toBe(23);
    expect(chineseNumber('一二三四')).toBeNull();
  });

  it('formats what it parses (the docx numbering and the structure rule used two formatters)', () => {
    for (let n = 1; n <= 99; n++) expect(chineseNumeralValue(formatChineseNumber(n))).toBe(n);
    expect([formatChineseNumber(10), formatChineseNumber(105), formatChineseNumber(2010)]).toEqual(['十', '一百零五', '二千零一十']);
    expect(formatChineseNumber(0)).toBe('0');
    expect(chineseDigits(2019)).toBe('二〇一九');
  });
});

describe('whitespace', () => {
  it('isWhitespace is the \\s set: the three copies accepted different characters', () => {
    // expect() only on a disagreement: called for each of the 65,536 code units it took 5.7 s.
    for (let c = 0; c < 0x10000; c++) {
      const want = /\s/u.test(String.fromCharCode(c));
      if (isWhitespace(c) !== want) expect([c, isWhitespace(c)]).toEqual([c, want]);
    }
  });

  it('isInlineSpace is whitespace within a line', () => {
    expect([0x20, 0x09, 0xa0, 0x3000, 0x2009].every(isInlineSpace)).toBe(true);
    expect([0x0a, 0x0d, 0x0b, 0x0c, 0x2028, 0x2029, 0x41, 0x4e00].some(isInlineSpace)).toBe(false);
  });
});

describe('years, quotations, lines and table names', () => {
  it('one plausible year: 2000–2100 (the copies said 1990 and 2000)', () => {
    expect([1999, 2000, 2008, 2100, 2101, 2019.5].map(plausibleYear)).toEqual([false, true, true, true, false, false]);
    expect(parseDateLine('1998年2月28日')).toBeNull();
    expect(parseDateLine('2019年2月28日')?.year).toBe(2019);
  });

  it('shorten collapses whitespace runs in every rule (two copies kept line breaks in messages)', () => {
    expect(shorten('一、总体情况\n\n  本机关', 40)).toBe('一、总体情况 本机关');
    expect(shorten('一二三四五六', 4)).toBe('一二三…');
  });

  it('escapeRegExp and lineIndexAt', () => {
    expect(new RegExp(escapeRegExp('(一)[2019].*')).test('见(一)[2019].*')).toBe(true);
    const lines = [{ start: 0 }, { start: 5 }, { start: 9 }];
    expect([0, 4, 5, 8, 9, 100].map((o) => lineIndexAt(lines, o))).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('one table-name map: the pre-2019 table is 政府信息公开情况统计表 in every message', () => {
    expect(TABLE_NAME).toEqual({ T2: '表二', T3: '表三', T4: '表四', STAT: '政府信息公开情况统计表' });
  });
});
