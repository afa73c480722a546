import { describe, expect, it } from '@jest/globals';
import {
  createAuditor,
  toHtml,
  type AuditResult,
  type Finding,
  type Position,
  type RecognisedTable,
  type TableCell,
} from '../../src/index';
import plugin from '../../examples/custom-rule/index';
import { seeds } from '../helpers';

const all = seeds();
const auditor = createAuditor({ plugins: [plugin] });
const r002 = auditor.audit({ content: all['002']!, uri: 'seeds/002.txt' });
const r003 = auditor.audit({ content: all['003']!, uri: 'seeds/003.txt' });

/**
 * 表四 of the 洪泽区 2023 report (corpus README): 行政复议 10 + 1 + 0 + 0 = 11 but 总计 printed 0.
 * Laid out here as blocks × results; positions are offsets of a made-up table text.
 */
const BLOCKS = [
  ['review', '行政复议', [10, 1, 0, 0, 0]],
  ['suit', '未经复议直接起诉', [0, 0, 0, 0, 0]],
  ['review-suit', '复议后起诉', [5, 0, 0, null, 0]],
] as const;
const COLUMNS = [
  ['upheld', '结果维持'],
  ['corrected', '结果纠正'],
  ['other', '其他结果'],
  ['pending', '尚未审结'],
  ['total', '总计'],
] as const;
const TABLE_START = 20000;

function pos(start: number, end: number): Position {
  return { start: { line: 500, column: start - TABLE_START + 1, offset: start }, end: { line: 500, column: end - TABLE_START + 1, offset: end } };
}

function t4(): RecognisedTable {
  const cells: TableCell[] = [];
  let offset = TABLE_START;
  for (const [row, , values] of BLOCKS) {
    values.forEach((value, i) => {
      const text = value === null ? '' : String(value);
      cells.push({ row, column: COLUMNS[i]![0], value, text, kind: value === null ? 'blank' : 'number', position: pos(offset, offset + text.length) });
      offset += 4;
    });
  }
  return {
    id: 'T4',
    template: 'TPL2021-T4',
    name: '四、政府信息公开行政复议、行政诉讼情况',
    rows: BLOCKS.map(([key, label]) => ({ key, label })),
    columns: COLUMNS.map(([key, label]) => ({ key, label })),
    cells,
    position: pos(TABLE_START, offset),
  };
}

const identity: Finding = {
  ruleId: 'tables-reconcile',
  messageId: 'sum',
  message: '表四“行政复议”的总计应为 11（10 + 1 + 0 + 0），报告填写 0',
  severity: 'error',
  impact: 'critical',
  kind: 'fail',
  position: pos(TABLE_START + 16, TABLE_START + 17),
  snippet: '0',
  section: { key: 'review-litigation', title: '政府信息公开行政复议、行政诉讼情况' },
  data: {
    table: 'T4',
    row: 'review',
    column: 'total',
    cells: [
      { row: 'review', column: 'upheld' },
      { row: 'review', column: 'corrected' },
      { row: 'review', column: 'other' },
      { row: 'review', column: 'pending' },
    ],
  },
  expected: 11,
  actual: 0,
  fingerprint: '0123456789abcdef',
};

const blankCell = t4().cells.find((c) => c.row === 'review-suit' && c.column === 'pending')!;
const blank: Finding = {
  ruleId: 'table-cells',
  messageId: 'blank',
  message: '单元格为空，应填 0 <script>alert(1)</script>',
  severity: 'info',
  impact: 'minor',
  kind: 'review',
  position: blankCell.position,
  snippet: '',
  fingerprint: 'fedcba9876543210',
};

const withTable: AuditResult = {
  ...r002,
  passed: false,
  report: { ...r002.report, tables: [t4()] },
  findings: [...r002.findings, identity, blank],
};

/** The markup of one table cell. */
function cellHtml(html: string, row: string, column: string): string {
  const m = new RegExp(`<td [^>]*data-row="${row}" data-column="${column}"[^>]*>.*?</td>`).exec(html);
  expect(m).not.toBeNull();
  return m![0];
}

describe('toHtml', () => {
  const html = toHtml([withTable, r003], { rules: auditor.rules, inputErrors: [{ uri: 'b/报告.pdf', message: '暂时无法读取 PDF 文件' }] });

  it('is one self-contained page: no script, no external stylesheet, image or font', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('renders the recognised table with its caption, row and column labels and every cell value', () => {
    expect(html).toContain('<caption>四、政府信息公开行政复议、行政诉讼情况</caption>');
    for (const [, label] of COLUMNS) expect(html).toContain(`<th>${label}</th>`);
    for (const [, label] of BLOCKS) expect(html).toContain(`<th class="row-label">${label}</th>`);
    expect(cellHtml(html, 'review-suit', 'upheld')).toContain('<span class="value">5</span>');
    const report1 = html.slice(html.indexOf('<section class="report" id="report-1">'), html.indexOf('<section class="report" id="report-2">'));
    expect(report1.match(/<td [^>]*class="cell/g)).toHaveLength(15);
  });

  it('highlights the cell of a failing identity with the expected value, and its operands without one', () => {
    const total = cellHtml(html, 'review', 'total');
    expect(total).toContain('mark sev-error');
    expect(total).toContain('<span class="value">0</span>');
    expect(total).toContain('<span class="expected">应为 11</span>');
    expect(total).toContain('title="表四“行政复议”的总计应为 11');
    for (const column of ['upheld', 'corrected', 'other', 'pending']) {
      const operand = cellHtml(html, 'review', column);
      expect(operand).toContain('mark sev-error');
      expect(operand).not.toContain('class="expected"');
    }
    expect(cellHtml(html, 'suit', 'total')).not.toContain('mark');
  });

  it('highlights a cell a finding points into, with that finding’s severity', () => {
    const cell = cellHtml(html, 'review-suit', 'pending');
    expect(cell).toContain('kind-blank');
    expect(cell).toContain('mark sev-info');
    expect(cellHtml(html, 'review-suit', 'total')).not.toContain('mark');
  });

  it('lists each finding in Chinese under its section, with its place and expected value, escaping the text', () => {
    expect(html).toContain('<span class="message">表四“行政复议”的总计应为 11（10 + 1 + 0 + 0），报告填写 0</span><div class="values">应为 11；实为 0</div>');
    // The identity finding links to the cell that is wrong; the cell is there with that id.
    expect(html).toMatch(/<h4>政府信息公开行政复议、行政诉讼情况<\/h4><ol class="findings">\n<li class="finding sev-error" id="r1-f(\d+)" value="\1">.*<a class="where" href="#r1-cell-T4__review__total"[^>]*>第500行第17列<\/a>/);
    expect(cellHtml(html, 'review', 'total')).toContain('id="r1-cell-T4__review__total"');
    expect(html).toContain('单元格为空，应填 0 &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)</script>');
    const items = html.match(/<li class="finding sev-(error|warning|info)"/g) ?? [];
    expect(items).toHaveLength(withTable.findings.length + r003.findings.length);
  });

  it('puts the findings first, then the tables and the outline, and folds the list of checks away', () => {
    for (const n of [1, 2]) {
      const start = html.indexOf(`<section class="report" id="report-${n}">`);
      const report = html.slice(start, n === 1 ? html.indexOf('<section class="report" id="report-2">') : undefined);
      const order = ['<h3>问题清单</h3>', '<h3>识别的统计表格</h3>', '<h3>识别的报告结构</h3>', '<details class="rules"><summary>逐项检查结果'].map((h) => report.indexOf(h));
      expect(order.every((i) => i >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      expect(report).not.toMatch(/<details[^>]* open/);
      expect(report.indexOf('<table class="grid rules">')).toBeGreaterThan(order[3]!);
    }
    // Grouped: each section's findings under one heading, in the report's order.
    const r1 = html.slice(html.indexOf('id="report-1"'), html.indexOf('id="report-2"'));
    const groups = [...r1.matchAll(/<h4>([^<]*)<\/h4>/g)].map((m) => m[1]);
    expect(new Set(groups).size).toBe(groups.length);
  });

  it('every link goes to a place on the page', () => {
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const targets = [...html.matchAll(/ href="#([^"]+)"/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(withTable.findings.length);
    expect(targets.filter((t) => !ids.has(t))).toEqual([]);
  });

  it('names system CJK fonts, scrolls tables in their own box, and has a print style', () => {
    expect(html).toContain('"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",');
    expect(html).toContain('"WenQuanYi Micro Hei", sans-serif');
    expect(html).toMatch(/\.table-wrap \{[^}]*overflow-x: auto/);
    expect(html.match(/<div class="table-wrap"><table class="grid report-table"/g)).toHaveLength(withTable.report.tables.length + r003.report.tables.length);
    expect(html).toContain('@media print');
  });

  it('summarises each rule and the batch, and names the files that could not be audited', () => {
    for (const o of withTable.rules) expect(html).toContain(`<tr class="outcome-${o.outcome}"><td><code>${o.ruleId}</code></td>`);
    expect(html).toContain('<td>报告写明上级要求提及的事项（如“政府信息公开指南”）</td>');
    expect(html).toContain('<a href="#report-1">seeds/002.txt</a>');
    expect(html).toContain('<section class="report" id="report-2">');
    expect(html).toContain('<li><code>b/报告.pdf</code>：暂时无法读取 PDF 文件</li>');
    expect(html).toMatch(/共审核 2 份报告：\d 份通过，\d 份未通过；1 个文件无法审核。/);
    expect(html).toContain('<div class="score fail"><span class="value">');
  });

  it('shows the recognised section headings, and says so when no table was recognised', () => {
    expect(html).toContain('<li id="r1-s1">总体情况<span class="muted">（总体情况）</span>');
    const noTables: AuditResult = { ...r003, report: { ...r003.report, tables: [] } };
    expect(toHtml([noTables], { rules: auditor.rules })).toContain('未识别到统计表格。');
    expect(toHtml([withTable], { rules: auditor.rules })).not.toContain('未识别到统计表格。');
  });

  it('reads the table id from data.tableId when data.table holds the printed name (as tables-reconcile reports)', () => {
    const table = t4();
    const target = table.cells.find((c) => c.row === 'suit' && c.column === 'total')!;
    const finding: Finding = {
      ...identity,
      position: target.position,
      data: {
        table: '四、政府信息公开行政复议、行政诉讼情况',
        tableId: 'T4',
        row: '未经复议直接起诉',
        column: '总计',
        cells: [{ row: 'suit', column: 'upheld' }],
      },
      expected: 3,
    };
    const page = toHtml([{ ...r002, report: { ...r002.report, tables: [table] }, findings: [finding] }], { rules: auditor.rules });
    expect(cellHtml(page, 'suit', 'total')).toContain('<span class="expected">应为 3</span>');
    expect(cellHtml(page, 'suit', 'upheld')).toContain('mark sev-error');
    expect(cellHtml(page, 'suit', 'corrected')).not.toContain('mark');
  });

  it('is in English with locale en', () => {
    const en = toHtml([withTable], { rules: auditor.rules, locale: 'en', generatedAt: '2025-01-02 03:04' });
    expect(en).toContain('<html lang="en">');
    expect(cellHtml(en, 'review', 'total')).toContain('<span class="expected">expected 11</span>');
    expect(en).toContain('generated: 2025-01-02 03:04');
    // English punctuation around the findings' own (quoted) words.
    expect(en).toContain('<div class="values">expected 11; actual 0</div>');
    expect(en).toMatch(/<summary>Checks \(\d+ checks, \d+ failing\)<\/summary>/);
    expect(en).not.toMatch(/<\/span>（|）<\/summary>|<div class="values">[^<]*；/);
  });
});
