/**
 * readPdf on small PDFs written by the test (make-pdf.ts): Chinese text through a predefined CMap,
 * a ruled table with merged cells, running headers and page numbers, a paragraph across a page break,
 * a PDF without a text layer, the page limit.
 */
import { describe, expect, it } from '@jest/globals';
import { AuditInputError } from '../../src/errors';
import { NO_TEXT_LAYER_MESSAGE, readPdf } from '../../src/pdf/index';
import { buildPdf, cjk, line, show } from './make-pdf';

const textOf = async (bytes: Uint8Array, options = {}) => (await readPdf(bytes, options)).content as string;

describe('text', () => {
  it('reads Chinese set in a non-embedded font with the predefined CMap UniGB-UCS2-H', async () => {
    const bytes = buildPdf([{ content: show('淮安市人民政府', 200, 760, 22) + show('2024年政府信息公开工作年度报告', 100, 730, 22) }]);
    expect(await textOf(bytes)).toBe('淮安市人民政府\n2024年政府信息公开工作年度报告\n');
  });

  it('passes uri and meta through', async () => {
    const bytes = buildPdf([{ content: show('政府信息公开工作年度报告正文内容', 72, 700) }]);
    const input = await readPdf(bytes, { uri: 'r.pdf', meta: { year: 2024 } });
    expect(input).toEqual({ content: '政府信息公开工作年度报告正文内容\n', format: 'pdf', uri: 'r.pdf', meta: { year: 2024 }, pageStarts: [0] });
  });

  it('says where each page begins; an empty page begins where the next one does', async () => {
    const bytes = buildPdf([
      { content: show('第一页的正文内容', 72, 700) },
      { content: line(72, 700, 500, 700) },
      { content: show('第三页的正文内容', 72, 700) },
    ]);
    const input = await readPdf(bytes);
    expect(input.content).toBe('第一页的正文内容\n第三页的正文内容\n');
    expect(input.pageStarts).toEqual([0, 9, 9]);
  });
});

describe('a ruled table', () => {
  // Columns 72 | 200 | 260 | 320 | 380; rows 700 / 680 / 660 / 640 / 620 (PDF space, y up).
  // The header 「数量」 spans two columns (no line at x 260 in the first row); the label 「甲类」 spans two
  // rows (no line at y 660 in the first column) and is printed in the lower of them.
  const grid =
    line(72, 700, 380, 700) +
    line(72, 680, 380, 680) +
    line(200, 660, 380, 660) +
    line(72, 640, 380, 640) +
    line(72, 620, 380, 620) +
    line(72, 700, 72, 620) +
    line(200, 700, 200, 620) +
    line(260, 680, 260, 620) +
    line(320, 700, 320, 620) +
    line(380, 700, 380, 620);
  const cells =
    show('项目', 80, 686, 10) +
    show('数量', 215, 686, 10) +
    show('合计', 330, 686, 10) +
    show('甲类', 80, 645, 10) +
    [
      ['1', '2', '3', 666],
      ['4', '5', '9', 646],
      ['5', '7', '12', 626],
    ]
      .map(([a, b, c, y]) => show(String(a), 225, Number(y), 10) + show(String(b), 285, Number(y), 10) + show(String(c), 345, Number(y), 10))
      .join('') +
    show('总计', 80, 626, 10);
  const content = show('表一 测试表格', 72, 730, 12) + grid + cells + show('表格后的说明文字。', 72, 590, 12);

  it('gives one line per row, cells separated by TABs, merged cells in their first grid cell, blank lines around', async () => {
    expect(await textOf(buildPdf([{ content }]))).toBe(
      ['表一 测试表格', '', '项目\t数量\t\t合计', '甲类\t1\t2\t3', '\t4\t5\t9', '总计\t5\t7\t12', '', '表格后的说明文字。', ''].join('\n'),
    );
  });

  it('continues a table cut by a page break without its closing border', async () => {
    // Page 1 ends inside the table: the column lines run on past the last row line to the page break.
    const page1 =
      line(72, 120, 380, 120) + line(72, 100, 380, 100) + [72, 200, 260, 320, 380].map((x) => line(x, 120, x, 60)).join('') +
      show('甲', 80, 106, 10) + show('1', 225, 106, 10) + show('2', 285, 106, 10) + show('3', 345, 106, 10) +
      show('乙', 80, 76, 10) + show('4', 225, 76, 10) + show('5', 285, 76, 10) + show('9', 345, 76, 10) +
      show('- 1 -', 280, 30, 10);
    const page2 =
      line(72, 800, 380, 800) + line(72, 780, 380, 780) + [72, 200, 260, 320, 380].map((x) => line(x, 800, x, 780)).join('') +
      show('丙', 80, 786, 10) + show('6', 225, 786, 10) + show('7', 285, 786, 10) + show('13', 345, 786, 10) +
      show('- 2 -', 280, 30, 10);
    expect(await textOf(buildPdf([{ content: page1 }, { content: page2 }]))).toBe('甲\t1\t2\t3\n乙\t4\t5\t9\n丙\t6\t7\t13\n');
  });
});

describe('pages', () => {
  // 12 pt characters; text width 72 → 516 holds 37 characters; the first line of a paragraph is indented by two.
  const body = '政府信息公开工作坚持以人民为中心的发展思想依法依规推进各项任务落实';
  const long = body.repeat(4);
  const chunks = (text: string, first: number, rest: number): string[] => {
    const out = [text.slice(0, first)];
    for (let i = first; i < text.length; i += rest) out.push(text.slice(i, i + rest));
    return out;
  };
  const paragraph = (text: string, yTop: number): { ops: string; lines: number } => {
    const lines = chunks(text, 35, 37);
    return { ops: lines.map((l, i) => show(l, i === 0 ? 96 : 72, yTop - i * 24, 12)).join(''), lines: lines.length };
  };
  const furniture = (n: number) => show('某某区人民政府办公室', 240, 800, 10) + show(`- ${n} -`, 285, 40, 10);

  it('drops running headers and page numbers, joins wrapped lines, and a paragraph across the page break', async () => {
    const p1 = paragraph(`${long}。`, 700);
    // The second paragraph starts on page 1 and ends on page 2 (its last line on page 1 is full).
    const second = `${body}${body}${body}${body.slice(0, 4)}`;
    const secondLines = chunks(second, 35, 37);
    const onPage1 = secondLines.slice(0, 2).map((l, i) => show(l, i === 0 ? 96 : 72, 520 - i * 24, 12)).join('');
    const onPage2 = secondLines.slice(2).map((l) => show(l, 72, 760, 12)).join('') + show('一、总体情况', 96, 730, 12);
    const p3 = paragraph(`${body}。`, 760);
    const bytes = buildPdf([
      { content: furniture(1) + show('一、标题', 96, 740, 12) + p1.ops + onPage1 },
      { content: furniture(2) + onPage2 },
      { content: furniture(3) + p3.ops },
    ]);
    expect(p1.lines).toBeGreaterThan(2);
    expect(secondLines.slice(0, 2).every((l, i) => l.length === (i === 0 ? 35 : 37))).toBe(true);
    expect(await textOf(bytes)).toBe(['一、标题', `${long}。`, second, '一、总体情况', `${body}。`, ''].join('\n'));
  });

  it('refuses more pages than maxPages', async () => {
    const bytes = buildPdf([1, 2, 3].map((n) => ({ content: show(`第${n}页的正文内容`, 72, 700) })));
    await expect(readPdf(bytes, { maxPages: 2, uri: 'long.pdf' })).rejects.toThrow(AuditInputError);
    await expect(readPdf(bytes, { maxPages: 2 })).rejects.toThrow(/3 pages, more than the limit of 2/);
    await expect(readPdf(bytes, { maxPages: 3 })).resolves.toMatchObject({ format: 'pdf' });
  });
});

describe('rotated pages', () => {
  /** Text drawn so that it reads upright once the page is turned by /Rotate (PDF space, y up). */
  const turned = (text: string, x: number, y: number, rotate: number) => {
    const m = { 90: '0 1 -1 0', 180: '-1 0 0 -1', 270: '0 -1 1 0' }[rotate as 90 | 180 | 270];
    return `BT /F2 12 Tf ${m} ${x} ${y} Tm ${cjk(text)} Tj ET\n`;
  };

  it.each([90, 180, 270])('/Rotate %i: the text reads in display order, upright', async (rotate) => {
    // Two lines, the first nearer the displayed top: in PDF space that side depends on the turn
    // (turned clockwise by 90°, the page's left edge is its top; by 270°, its right edge; checked
    // against poppler's pdftotext on the same pages in Latin type).
    const at = {
      90: [[480, 100], [500, 100]],
      180: [[500, 100], [500, 120]],
      270: [[120, 700], [100, 700]],
    }[rotate as 90 | 180 | 270];
    const content = turned('第一行正文内容', at[0]![0]!, at[0]![1]!, rotate) + turned('第二行正文内容', at[1]![0]!, at[1]![1]!, rotate);
    const input = await readPdf(buildPdf([{ content, rotate }]));
    expect(input.content).toBe('第一行正文内容\n第二行正文内容\n');
  });

  it('text turned on an unrotated page (a sideways label, a watermark) is left out', async () => {
    const input = await readPdf(buildPdf([{ content: show('正文内容', 72, 700) + turned('侧边文字', 500, 100, 90) }]));
    expect(input.content).toBe('正文内容\n');
  });
});

describe('no text layer', () => {
  it('a PDF of drawings only is refused as a scan, in Chinese and English', async () => {
    const bytes = buildPdf([{ content: line(72, 700, 500, 700) + '72 100 400 500 re f\n' }, { content: line(72, 700, 500, 100) }]);
    const err = await readPdf(bytes, { uri: 'scan.pdf' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuditInputError);
    expect((err as Error).message).toBe(`scan.pdf: ${NO_TEXT_LAYER_MESSAGE}`);
    expect(err).toMatchObject({ code: 'NO_TEXT_LAYER' });
    expect(NO_TEXT_LAYER_MESSAGE).toContain('PDF 没有文本层（可能是扫描件），请提供可复制文字的 PDF 或文本');
    expect(NO_TEXT_LAYER_MESSAGE).toMatch(/no text layer/);
  });

  it('page numbers over scanned pages are not a text layer either', async () => {
    const bytes = buildPdf([1, 2, 3].map((n) => ({ content: '72 100 400 500 re f\n' + show(`- ${n} -`, 285, 40, 10) })));
    await expect(readPdf(bytes)).rejects.toThrow(NO_TEXT_LAYER_MESSAGE);
  });
});

describe('pageStarts on any string input', () => {
  it('positions carry the page the caller says; bad page offsets are refused', async () => {
    const { audit } = await import('../../src/index');
    const content =
      '焦虎镇2024年政府信息公开工作年度报告\n一、总体情况\n2024年,本镇主动公开信息331条。\n' +
      '二、主动公开政府信息情况\n本镇主动公开规范性文件2件。\n';
    const second = content.indexOf('二、');
    const result = audit({ content, format: 'text', pageStarts: [0, second] });
    const pages = result.report.sections.filter((s) => s.depth === 1).map((s) => [s.title, s.position.start.page]);
    expect(pages).toEqual([
      ['总体情况', 1],
      ['主动公开政府信息情况', 2],
    ]);
    expect(audit({ content, format: 'text' }).findings.every((f) => f.position.start.page === undefined)).toBe(true);
    for (const bad of [[1], [0, 3, 2], [0, 9999], 'x', [0, 1.5]]) {
      expect(() => audit({ content, format: 'text', pageStarts: bad as never })).toThrow(/pageStarts must be offsets/);
    }
  });
});
