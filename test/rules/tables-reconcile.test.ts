import { describe, expect, it } from '@jest/globals';
import { auditWithRule, findingsOf, outcomeOf } from 'xxgk-audit/testing';
import { audit } from '../../src/index';
import type { Finding } from '../../src/types';
import rule from '../../rules/tables-reconcile';
import { fixture } from '../helpers';

const RULE = 'tables-reconcile';

/**
 * The rule alone on a text report, in Chinese and in English (the same findings, in the same order).
 * `reports` are its findings, `inapplicable` the outcome's reason when it is inapplicable.
 */
function run(raw: string): { reports: Finding[]; inapplicable: string | null; english: Finding[] } {
  const input = { content: raw, format: 'text' as const };
  const result = auditWithRule(rule, input);
  const outcome = outcomeOf(result, RULE);
  return {
    reports: findingsOf(result, RULE),
    inapplicable: outcome.outcome === 'inapplicable' ? outcome.reason! : null,
    english: findingsOf(auditWithRule(rule, input, { config: { locale: 'en' } }), RULE),
  };
}

describe('tables-reconcile', () => {
  it('洪泽区 2023: two errors on 表四, at the printed 总计 cells, naming table, row, column, formula and values', () => {
    const raw = fixture('tables/kirogovcompare__hzq2023_working.layout.txt');
    const r = run(raw);
    expect(r.inapplicable).toBeNull();
    expect(r.reports.map((d) => [d.messageId, d.severity, d.expected, d.actual])).toEqual([
      ['structural', 'error', 11, 0],
      ['structural', 'error', 5, 0],
    ]);
    const [first] = r.reports;
    expect(first!.data).toMatchObject({ table: '表四 政府信息公开行政复议、行政诉讼情况', row: '行政复议', column: '总计', expected: 11, actual: 0 });
    expect(first!.message).toBe(
      '「表四 政府信息公开行政复议、行政诉讼情况」“行政复议”行“总计”列与合计不符（T4-1）：行政复议[总计] = 行政复议[结果维持] + 行政复议[结果纠正] + 行政复议[其他结果] + 行政复议[尚未审结]。按各项计算应为11，表中为0',
    );
    expect(r.english[0]!.message).toContain('row “行政复议”, column “总计”');
    const pos = first!.position;
    expect(raw.slice(pos.start.offset, pos.end.offset)).toBe('0');
  });

  it('seed 003: the double counting of the statistics table is a warning; blank 三 rows are info', () => {
    const r = run(fixture('seeds/003_725222af666056f0.txt'));
    const byId = (id: string) => r.reports.filter((d) => d.messageId === id);
    expect(byId('doubleCounting')).toHaveLength(1);
    expect(rule.meta.messages.doubleCounting!.severity).toBe('warning');
    expect(byId('doubleCounting')[0]!.message).toContain('标题行“一、主动公开情况”填写了67467');
    expect(byId('blank').map((d) => (d.data as { identity: string }).identity)).toEqual(expect.arrayContaining(['P-6', 'P-7', 'P-8']));
    expect(r.reports.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('上海市科委 2024: the blank 四/总计 cell gives info findings, no error', () => {
    const r = run(fixture('peers/kirogovcompare__kewei-2024-source.md'));
    expect(r.reports.length).toBeGreaterThan(0);
    expect(r.reports.every((d) => d.messageId === 'blank')).toBe(true);
    const t33 = r.reports.find((d) => (d.data as { identity: string }).identity === 'T3-3')!;
    expect(t33.message).toContain('“四、结转下年度继续办理”行“总计”列');
    expect(t33.actual).toBeNull();
    expect(t33.expected).toBe(1);
  });

  it('consistent tables give no finding (seed 002, 淮安市 2024)', () => {
    expect(run(fixture('seeds/002_9ab6ef9a76a23be4.txt')).reports).toEqual([]);
    expect(run(fixture('tables/govnianbao__szfgs2024.layout.txt')).reports).toEqual([]);
  });

  it('an inferred identity is a warning (T2-2: 本年制发件数 above 现行有效 + 废止)', () => {
    const raw = fixture('seeds/002_9ab6ef9a76a23be4.txt').replace('规章\t0\t0\t0', '规章\t9\t0\t2');
    const r = run(raw);
    expect(r.reports.map((d) => [d.messageId, d.severity, d.expected, d.actual])).toEqual([['inferred', 'warning', 2, 9]]);
  });

  it('a report without tables: inapplicable', () => {
    const r = run(fixture('seeds/000_d3d30d9fc01de374.txt'));
    expect(r.inapplicable).toContain('统计表');
    expect(r.reports).toEqual([]);
    expect(outcomeOf(audit(fixture('seeds/000_d3d30d9fc01de374.txt')), RULE).outcome).toBe('inapplicable');
  });
});

describe('a table printed but not read is never a pass (presentations.md §2.2, issue #14)', () => {
  const seed002 = fixture('seeds/002_9ab6ef9a76a23be4.txt');

  it('seed 002 reads every cell of its three tables and passes', () => {
    const r = audit(seed002);
    expect(outcomeOf(r, RULE).outcome).toBe('pass');
    expect(findingsOf(r, RULE).filter((f) => f.messageId === 'unread')).toEqual([]);
  });

  it('seed 002 with 表四’s values published as a picture (its labels printed, no numbers): incomplete, 0 of 15 read', () => {
    const lines = seed002.split('\n');
    const header = lines.findIndex((l) => l.startsWith('\t\t\t\t\t结果 维持'));
    expect(header).toBeGreaterThan(0);
    const values = lines.findIndex((l, i) => i > header && /\d/.test(l));
    const picture = [...lines.slice(0, values), '[图片]', ...lines.slice(values + 1)].join('\n');
    const r = audit(picture);
    expect(outcomeOf(r, RULE).outcome).toBe('incomplete');
    const unread = findingsOf(r, RULE).filter((f) => f.messageId === 'unread');
    expect(unread.map((f) => [f.data!.tableId, f.expected, f.actual])).toEqual([['T4', 15, 0]]);
    expect(unread[0]!.message).toContain('应有15个数值单元格，识别出0个');
    expect(picture.slice(unread[0]!.position.start.offset, unread[0]!.position.end.offset).length).toBeGreaterThan(0);
  });

  it('a 2022 excerpt that prints 表二 and 表三 with labels only (螅镇) is incomplete, not a pass', () => {
    const r = audit(fixture('real/032_2022_township_xizhen-jiaxian.txt'));
    expect(outcomeOf(r, RULE).outcome).toBe('incomplete');
    const unread = findingsOf(r, RULE).filter((f) => f.messageId === 'unread');
    expect(unread.map((f) => [f.data!.tableId, f.actual])).toEqual([
      ['T2', 0],
      ['T3', 0],
    ]);
  });

  it('a wrong cell still fails even where another table is not read', () => {
    const lines = seed002.split('\n');
    const header = lines.findIndex((l) => l.startsWith('\t\t\t\t\t结果 维持'));
    const values = lines.findIndex((l, i) => i > header && /\d/.test(l));
    const broken = [...lines.slice(0, values), '[图片]', ...lines.slice(values + 1)]
      .join('\n')
      .replace('一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0', '一、本年新收政府信息公开申请数量\t\t3\t0\t0\t0\t0\t0\t0');
    expect(outcomeOf(audit(broken), RULE).outcome).toBe('fail');
  });

  it('表四 printed as three small tables (行政复议 / 未经复议直接起诉 / 复议后起诉) is read, 15 cells (沭阳县 2025)', () => {
    const r = audit(fixture('real/202_2025_county_shuyang.txt'));
    const t4 = r.report.tables.find((t) => t.id === 'T4')!;
    expect(t4.cells.map((c) => c.value)).toEqual([27, 10, 9, 15, 61, 3, 0, 0, 0, 3, 8, 0, 1, 1, 10]);
    expect(outcomeOf(r, RULE).outcome).toBe('pass');
  });
});
