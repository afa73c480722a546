/**
 * The layout step alone (no PDFium): pages of positioned runs and rulings → extracted text.
 * Coordinates are display space (y down), as content.ts produces them.
 */
import { describe, expect, it } from '@jest/globals';
import { renderText } from '../../src/pdf/layout';
import type { PageContent, Segment, TextRun } from '../../src/pdf/geometry';
import { findGrids, readGrid } from '../../src/pdf/grid';

const W = 595;
const H = 842;
/** A run of CJK text (1 em per character) or digits (0.55 em). */
const run = (text: string, x: number, y: number, size = 12): TextRun => ({
  text,
  x,
  y,
  size,
  width: [...text].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? 0.55 : 1), 0) * size,
});
const page = (n: number, runs: TextRun[], segments: Segment[] = []): PageContent => ({ page: n, width: W, height: H, runs, segments });

describe('page furniture', () => {
  it.each(['- 3 -', '— 3 —', '3', '第 3 页', '第3页 共9页', '3/9', '-3-'])('drops the page number 「%s」 at the bottom of the page', (folio) => {
    const text = renderText([page(1, [run('第一段正文。', 96, 100), run(folio, 280, 800, 10)])]);
    expect(text).toBe('第一段正文。\n');
  });

  it('drops a footer whose parts stand far apart (a TAB line) when every page repeats it', () => {
    const pages = [1, 2, 3].map((n) =>
      page(n, [run(`第${n}页正文${'内容'.repeat(n)}。`, 96, 120), run('某某县政务公开办', 72, 810, 10), run(`第 ${n} 页`, 480, 810, 10)]),
    );
    expect(renderText(pages)).toBe('第1页正文内容。\n第2页正文内容内容。\n第3页正文内容内容内容。\n');
  });

  it('keeps a number that stands alone in the body of the page', () => {
    expect(renderText([page(1, [run('合计', 96, 100), run('3', 96, 400)])])).toBe('合计\n3\n');
  });

  it('drops a header repeated at the top of every page (digits may differ) but not one that appears once', () => {
    const pages = [1, 2, 3].map((n) =>
      page(n, [run(`某某县人民政府 2024年第${n}期`, 200, 40, 10), run(`第${n}页正文${'内容'.repeat(n)}。`, 96, 120)]),
    );
    expect(renderText(pages)).toBe('第1页正文内容。\n第2页正文内容内容。\n第3页正文内容内容内容。\n');
    const once = [page(1, [run('某某县人民政府文件', 200, 40, 10), run('正文内容。', 96, 120)]), page(2, [run('正文内容二。', 96, 120)]), page(3, [run('正文内容三。', 96, 120)])];
    expect(renderText(once)).toBe('某某县人民政府文件\n正文内容。\n正文内容二。\n正文内容三。\n');
  });
});

describe('lines and paragraphs', () => {
  // Full lines run from 72 to 516 (37 characters of 12 pt); paragraphs start indented at 96.
  const full = (i: number) => '一二三四五六七八九十'.repeat(4).slice(i % 10, (i % 10) + 37);

  it('joins lines that fill the width, never a heading or a short line', () => {
    const runs = [
      run('一、总体情况', 96, 100),
      run(full(0).slice(0, 35), 96, 124),
      run(full(1), 72, 148),
      run('结束。', 72, 172),
      run(full(2).slice(0, 35), 96, 196),
      run(full(3), 72, 220),
      run('（一）主动公开情况。', 96, 244),
    ];
    const text = renderText([page(1, runs)]);
    expect(text.split('\n')).toEqual(['一、总体情况', full(0).slice(0, 35) + full(1) + '结束。', full(2).slice(0, 35) + full(3), '（一）主动公开情况。', '']);
  });

  it('puts a TAB where a gap as wide as a column separates runs of a line (tables without rulings)', () => {
    const runs = [run('行政许可', 80, 300), run('550', 330, 300), run('行政处罚', 80, 330), run('4119', 326, 330)];
    expect(renderText([page(1, runs)])).toBe('行政许可\t550\n行政处罚\t4119\n');
  });

  it('keeps a space where a gap or a space item separates runs', () => {
    expect(renderText([page(1, [run('统计期限自', 72, 100), run('2023', 136, 100), run('年', 167, 100)])])).toBe('统计期限自 2023 年\n');
    const spaceItem: TextRun = { text: ' ', x: 162.4, y: 100, width: 0, size: 12, space: true };
    expect(renderText([page(1, [run('统计期限自', 72, 100), run('2023', 133, 100), spaceItem, run('年', 164, 100)])])).toBe('统计期限自2023 年\n');
  });

  it('reads vertical runs placed one character under the other as one column of a line each', () => {
    const runs = [run('甲', 100, 100), run('乙', 100, 112)];
    expect(renderText([page(1, runs)])).toBe('甲\n乙\n');
  });
});

describe('ruled grids', () => {
  const h = (y: number, a: number, b: number): Segment => ({ dir: 'h', at: y, a, b });
  const v = (x: number, a: number, b: number): Segment => ({ dir: 'v', at: x, a, b });
  const box = [h(100, 72, 372), h(120, 72, 372), h(140, 72, 372), v(72, 100, 140), v(172, 100, 140), v(272, 100, 140), v(372, 100, 140)];

  it('finds one grid of 3 columns and 2 rows, rulings drawn in pieces and slightly apart merged', () => {
    const pieces = [...box, h(120.8, 172, 372), v(273.5, 100, 120)];
    const [grid, ...others] = findGrids(pieces);
    expect(others).toEqual([]);
    expect(grid!.xs.map(Math.round)).toEqual([72, 172, 273, 372]);
    expect(grid!.ys.map(Math.round)).toEqual([100, 120, 140]);
  });

  it('a framed box, an underline or a lone line is not a table', () => {
    expect(findGrids([h(100, 72, 372), h(140, 72, 372), v(72, 100, 140), v(372, 100, 140)])).toEqual([]);
    expect(findGrids([h(100, 72, 372)])).toEqual([]);
  });

  it('splits a run holding several values into the cells they stand in', () => {
    const [grid] = findGrids(box);
    // 「10 1」 drawn as one run from 190 to 300: 「10」 falls in the second column, 「1」 in the third.
    const runs = [run('项目', 80, 116), { text: '10 1', x: 190, y: 116, width: 110, size: 12 }, run('甲', 80, 136)];
    expect(readGrid(grid!, runs).rows.map((r) => r.cells)).toEqual([
      ['项目', '10', '1'],
      ['甲', '', ''],
    ]);
  });
});
