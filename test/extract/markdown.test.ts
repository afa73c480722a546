/**
 * The Markdown extractor: headings, paragraphs, lists, GFM tables, embedded HTML, exact positions, and
 * the plain-text fallback on shapes micromark is slow on.
 */
import { describe, expect, it } from '@jest/globals';
import { audit, AuditInputError } from '../../src/index';
import { extractMarkdown, isPathologicalMarkdown } from '../../src/extract/markdown';
import { expectReturnsOrRefuses } from '../helpers';

const lines = (text: string) => text.split('\n').filter((l) => l.length > 0).map((l) => l.replace(/\t/g, '|'));

describe('Markdown text model', () => {
  const md = [
    '# 某某区2024年政府信息公开工作年度报告',
    '',
    '## 一、总体情况',
    '',
    '本年度**主动公开** \\*信息\\* &amp; 数据 [链接](https://example.org)',
    '按原文换行',
    '',
    '- 一、列表项不是标题',
    '- 二、第二项',
    '',
    '### 表二：主动公开政府信息情况',
    '',
    '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
    '|---|:---:|---|---|',
    '| 规章 | 0 | 0 | 0 |',
    '| 行政规范性文件 | 3 | 0 |',
    '|---|---|---|',
    '不带竖线的行',
    '',
    '<table><tr><td colspan=2>第二十条第（五）项</td></tr><tr><td>行政许可</td><td>9487</td></tr></table>',
    '',
  ].join('\n');
  const x = extractMarkdown(md);

  it('headings with a Chinese ordinal lose their #; others keep them; tables become tab rows', () => {
    expect(lines(x.text)).toEqual([
      '# 某某区2024年政府信息公开工作年度报告',
      '一、总体情况',
      '本年度主动公开 *信息* & 数据 链接',
      '按原文换行',
      '- 一、列表项不是标题',
      '- 二、第二项',
      '### 表二：主动公开政府信息情况',
      '信息内容|本年制发件数|本年废止件数|现行有效件数',
      '规章|0|0|0',
      '行政规范性文件|3|0',
      '不带竖线的行',
      '第二十条第（五）项|',
      '行政许可|9487',
    ]);
    expect(x.format).toBe('markdown');
  });

  it('maps every character into the Markdown source', () => {
    expect(x.map!.length).toBe(x.text.length + 1);
    expect(x.map![x.text.length]).toBe(md.length);
    for (let i = 0; i < x.text.length; i++) {
      const ch = x.text[i]!;
      const at = x.map![i]!;
      expect(at).toBeGreaterThanOrEqual(0);
      expect(at).toBeLessThan(md.length);
      if (/[\p{Script=Han}\d]/u.test(ch)) expect(md[at]).toBe(ch); // content characters map to themselves
    }
    const amp = x.text.indexOf('&');
    expect(md.startsWith('&amp;', x.map![amp]!)).toBe(true);
    const star = x.text.indexOf('*信息');
    expect(md.startsWith('\\*', x.map![star]!)).toBe(true);
  });

  it('a BOM before the Markdown does not shift positions', () => {
    const withBom = '\uFEFF' + md;
    const y = extractMarkdown(withBom);
    const at = y.text.indexOf('9487');
    expect(withBom.slice(y.map![at]!, y.map![at]! + 4)).toBe('9487');
    const t = y.text.indexOf('总体情况');
    expect(withBom.slice(y.map![t]!, y.map![t]! + 4)).toBe('总体情况');
  });

  it('audit() positions point into the Markdown', () => {
    const r = audit({ content: md, uri: 'report.md' });
    expect(r.report.format).toBe('markdown');
    for (const s of r.report.sections) {
      expect(md.slice(s.position.start.offset, s.position.end.offset)).toContain(s.title);
    }
  });

  it('Markdown given as bytes is decoded (GB18030 fallback)', () => {
    const bytes = new TextEncoder().encode(md);
    expect(extractMarkdown(bytes).text).toBe(x.text);
  });
});

describe('hostile Markdown is read as plain text, quickly', () => {
  it.each([
    ['20,000 nested blockquotes', '>'.repeat(20_000) + ' 正文\n'],
    ['a 200,000-cell GFM row', '| a | b |\n|---|---|\n|' + ' 1 |'.repeat(200_000) + '\n'],
    ['40,000 emphasis markers in one paragraph', 'x ' + '*a* '.repeat(20_000)],
    ['20,000 table rows', '| a | b |\n|---|---|\n' + '| 1 | 2 |\n'.repeat(20_000)],
    ['50,000 unclosed brackets', '[a '.repeat(50_000)],
  ])('%s', (_name, md) => {
    expect(isPathologicalMarkdown(md)).toBe(true);
    expectReturnsOrRefuses({ content: md, format: 'markdown' }, 'markdown', md.length);
  });

  it('an ordinary report is not taken for pathological', () => {
    const report = ['## 一、总体情况', '', '正文'.repeat(500), '', '| a | b |', '|---|---|', ...Array.from({ length: 40 }, (_, k) => `| 行${k} | ${k} |`)].join('\n');
    expect(isPathologicalMarkdown(report)).toBe(false);
  });
});
