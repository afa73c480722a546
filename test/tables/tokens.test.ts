import { describe, expect, it } from '@jest/globals';
import { normalize } from '../../src/normalize/index';
import { parseValue } from '../../src/structure/tables/values';
import { isPageMarker, tokenize } from '../../src/structure/tables/tokens';
import { compactLabel } from '../../src/structure/tables/compact';
import { fixture } from '../helpers';

const norm = (raw: string) => normalize(raw).text;

describe('cell values', () => {
  it.each([
    ['0', 'number', 0, undefined],
    ['3,985,758', 'number', 3985758, undefined],
    ['96171.6', 'number', 96171.6, undefined],
    ['-8', 'number', -8, undefined],
    ['/', 'slash', null, undefined],
    ['-', 'dash', null, undefined],
    ['—', 'dash', null, undefined],
    ['无', 'dash', null, undefined],
    ['251000元', 'number', 251000, '元'],
  ])('%s', (text, kind, value, note) => {
    expect(parseValue(text)).toEqual(note === undefined ? { kind, value } : { kind, value, note });
  });

  it('keeps a note printed in the cell (上海 2025: 「22（其中修订 16 件）」)', () => {
    expect(parseValue(norm('22（其中修订 16 件）'))).toEqual({ kind: 'number', value: 22, note: '其中修订 16 件' });
  });

  it.each(['1.', '3.其他', '2024年', '(一)', '计1条', '一、本年新收'])('%s is label text, not a value', (text) => {
    expect(parseValue(norm(text))).toBeNull();
  });
});

describe('tokenizer', () => {
  it('recognises page markers and nothing else', () => {
    for (const m of ['- 4 -', '— 5 —', '-3-', '第 2 页']) expect(isPageMarker(m)).toBe(true);
    for (const m of ['0', '- 4', '2024', '—', '-8']) expect(isPageMarker(m)).toBe(false);
  });

  it('reads a tab row with ragged empty cells: blanks are explicit cells, offsets point at the digits', () => {
    const text = '一、本年新收政府信息公开申请数量\t\t5\t\t0\t1,234\t0\t0\t7\t';
    const doc = tokenize(text);
    const kinds = doc.tokens.map((t) => (t.kind === 'number' ? t.value : t.kind));
    expect(kinds).toEqual(['text', 'blank', 5, 'blank', 0, 1234, 0, 0, 7, 'blank']);
    for (const t of doc.tokens.filter((x) => x.kind === 'number')) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('attaches the parenthesised note on the next line to its number (real 上海 2025 text)', () => {
    const text = norm(fixture('peers/kirogovcompare__shanghai-office-2025-source.md'));
    const doc = tokenize(text);
    const noted = doc.tokens.filter((t) => t.note !== undefined).map((t) => [t.value, t.note]);
    expect(noted).toEqual([
      [22, '其中修订 16 件'],
      [55, '含自然失效 29 件'],
    ]);
  });

  it('joins labels split over lines, cells and page markers in the compact label text', () => {
    const doc = tokenize(norm('（二）部分公开（区分处理的，只计这一情 形，不\n- 3 -\n 计其他情形）\n| 缴纳费用、 | 行政机关不再处理其政 |'));
    expect(doc.compact).toBe(compactLabel('（二）部分公开（区分处理的，只计这一情形，不计其他情形）缴纳费用、行政机关不再处理其政'));
    expect(doc.tokens.some((t) => t.text.includes('3') && t.kind !== 'text')).toBe(false);
  });

  it('keeps a one-cell-per-line whitespace line as a blank cell, and skips empty lines', () => {
    const doc = tokenize('1.政府公报公开政府信息数\n\n \n\n2.政府网站公开政府信息数\n\n 32785\n');
    expect(doc.tokens.map((t) => t.kind)).toEqual(['text', 'blank', 'text', 'number']);
  });
});
