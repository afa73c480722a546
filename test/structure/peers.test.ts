import { describe, expect, it } from '@jest/globals';
import { audit } from '../../src/index';
import { fixture } from '../helpers';

describe('report model from the peer Markdown extractions (read as text)', () => {
  it('上海市人民政府办公厅 2025: title broken over two lines, a department, numbered fragments of a broken table are not headings', () => {
    const { report } = audit({ content: fixture('peers/kirogovcompare__shanghai-office-2025-source.md'), format: 'text' });
    expect(report.title).toBe('2025年上海市人民政府办公厅政府信息公开工作年度报告');
    expect(report.year).toBe(2025);
    expect(report.template).toBe('TPL2021');
    expect([report.issuer, report.issuerType, report.issuerLevel]).toEqual(['上海市人民政府办公厅', 'department', 'provincial']);
    const top = report.sections.filter((s) => s.depth === 1).map((s) => s.key);
    expect(top).toEqual(['overview', 'proactive', 'requests', 'review-litigation', 'other']);
    const problems = report.sections.filter((s) => s.key === 'problems').map((s) => s.title);
    expect(problems).toEqual(['2024年工作中存在问题的改进情况', '2025年工作中存在的主要问题']);
  });

  it.each(['text', 'markdown'] as const)('上海市人民政府办公厅 2025 as %s: 表二 规章 and 行政规范性文件 are read, with their notes; 16 and 29 are no cells', (format) => {
    const { report } = audit({ content: fixture('peers/kirogovcompare__shanghai-office-2025-source.md'), format });
    const t2 = report.tables.find((t) => t.id === 'T2')!;
    const row = (key: string) => t2.cells.filter((c) => c.row === key).map((c) => [c.column, c.value, c.note ?? null]);
    expect(row('rules')).toEqual([
      ['issued', 22, '其中修订 16 件'],
      ['repealed', 22, null],
      ['inForce', 235, null],
    ]);
    expect(row('normative')).toEqual([
      ['issued', 34, null],
      ['repealed', 55, '含自然失效 29 件'],
      ['inForce', 189, null],
    ]);
    expect(t2.cells.map((c) => c.value)).toEqual([22, 22, 235, 34, 55, 189, 0, 0, 0, 0]);
  });

  it('上海市科委 2024: two numbering systems are both kept as top-level sections', () => {
    const { report } = audit({ content: fixture('peers/kirogovcompare__kewei-2024-source.md'), format: 'text' });
    expect(report.title).toBe('2024年上海市科委政府信息公开工作年度报告');
    expect([report.issuer, report.issuerType]).toEqual(['上海市科委', 'department']);
    const top = report.sections.filter((s) => s.depth === 1);
    expect(top.map((s) => s.title)).toEqual([
      '总体情况', '工作机制保障', '主动公开工作情况', '政府信息公开申请情况', '政府信息管理', '政府信息公开平台建设',
      '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '其他需要报告的事项',
    ]);
  });
});
