/**
 * One report, four formats: text, Markdown, HTML (rowspan/colspan) and DOCX (gridSpan/vMerge) built
 * from the same source must give the same table values and the same rule outcomes. Also: the peer
 * Markdown extractions and the blank national template (DOCX).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { audit } from '../../src/index';
import type { AuditResult } from '../../src/types';
import { fixture, fixturesDir } from '../helpers';
import { parseSource, toDocx, toHtml, toMarkdown, toText } from './variants';

const seed002 = fixture('seeds/002_9ab6ef9a76a23be4.txt');

/** Seed 002 with every 0 in its tables replaced by a distinct number, so a value in the wrong cell shows. */
function numbered(source: string): string {
  let n = 0;
  return source
    .split('\n')
    .map((line) => (line.includes('\t') ? line.split('\t').map((c) => (c === '0' ? String(++n) : c)).join('\t') : line))
    .join('\n');
}

function tableValues(result: AuditResult) {
  return result.report.tables.map((t) => ({
    id: t.id,
    cells: t.cells.map((c) => [c.row, c.column, c.value, c.kind]),
  }));
}

const outcomes = (result: AuditResult) => result.rules.map((r) => [r.ruleId, r.outcome]);
const findingKinds = (result: AuditResult) => result.findings.map((f) => `${f.ruleId}/${f.messageId}`).sort();

function variants(source: string) {
  const blocks = parseSource(source);
  return {
    text: { content: toText(blocks), format: 'text' as const },
    markdown: { content: toMarkdown(blocks), uri: 'report.md' },
    html: { content: toHtml(blocks), uri: 'report.html' },
    docx: { content: toDocx(blocks), uri: 'report.docx' },
  };
}

describe.each([
  ['seed 002 as published (all zeros)', seed002],
  ['seed 002 with distinct numbers in every table cell', numbered(seed002)],
])('the same report as text, Markdown, HTML and DOCX: %s', (_name, source) => {
  const inputs = variants(source);
  const results = Object.fromEntries(Object.entries(inputs).map(([k, input]) => [k, audit(input)])) as Record<keyof typeof inputs, AuditResult>;

  it('the inputs really are the four formats, with spans in HTML and DOCX', () => {
    expect(results.markdown.report.format).toBe('markdown');
    expect(results.html.report.format).toBe('html');
    expect(results.docx.report.format).toBe('docx');
    expect(inputs.html.content).toMatch(/rowspan="\d+"/);
    expect(inputs.html.content).toMatch(/colspan=\d+/);
    expect(results.docx.report.text).toContain('三、本年度办理结果\t');
  });

  it('recognises the three TPL2021 tables in every format', () => {
    for (const r of Object.values(results)) {
      expect(r.report.template).toBe('TPL2021');
      expect(r.report.tables.map((t) => [t.id, t.cells.length])).toEqual([
        ['T2', 10],
        ['T3', 175],
        ['T4', 15],
      ]);
    }
  });

  it.each(['markdown', 'html', 'docx'] as const)('%s gives the table values of the text', (format) => {
    expect(tableValues(results[format])).toEqual(tableValues(results.text));
  });

  it.each(['markdown', 'html', 'docx'] as const)('%s gives the rule outcomes and findings of the text', (format) => {
    expect(outcomes(results[format])).toEqual(outcomes(results.text));
    expect(findingKinds(results[format])).toEqual(findingKinds(results.text));
  });
});

describe('HTML positions point into the HTML source', () => {
  const source = numbered(seed002);
  const html = variants(source).html.content;
  const result = audit({ content: html, uri: 'report.html' });

  it('every table cell points at its number in the HTML', () => {
    const cells = result.report.tables.flatMap((t) => t.cells).filter((c) => c.value !== null);
    expect(cells.length).toBeGreaterThan(150);
    for (const c of cells) expect(html.slice(c.position.start.offset, c.position.end.offset)).toBe(String(c.value));
  });

  it('a finding on the title spans the title as written, entities included', () => {
    const onTitle = result.findings.find((f) => f.ruleId === 'statistics-period')!;
    const slice = html.slice(onTitle.position.start.offset, onTitle.position.end.offset);
    expect(slice).toBe('焦虎镇&nbsp;2024&nbsp;年政府信息公开工作年度报告');
    expect(html.slice(0, onTitle.position.start.offset)).toMatch(/<h1 class=title>$/);
  });

  it('section headings written with character references span the references', () => {
    const slices = result.report.sections.map((s) => html.slice(s.position.start.offset, s.position.end.offset));
    expect(slices).toContain('三&#x3001;收到和处理政府信息公开申请情况');
    expect(slices).toContain('四&#x3001;政府信息公开行政复议&#x3001;行政诉讼情况');
    expect(slices).toContain('(二)&nbsp;依申请公开:');
    for (const s of result.report.sections) {
      const decoded = html.slice(s.position.start.offset, s.position.end.offset).replace(/&#x3001;/g, '、').replace(/&nbsp;/g, ' ');
      expect(decoded).toContain(s.title);
    }
  });
});

describe('the peer Markdown extractions (visibly broken tables) are read with their tables', () => {
  it.each(['kirogovcompare__kewei-2024-source.md', 'kirogovcompare__shanghai-office-2025-source.md'])('%s', (name) => {
    const md = fixture(`peers/${name}`);
    const asMarkdown = audit({ content: md, uri: name });
    const asText = audit({ content: md, format: 'text' });
    expect(asMarkdown.report.format).toBe('markdown');
    expect(asMarkdown.report.template).toBe('TPL2021');
    expect(asMarkdown.report.tables.map((t) => t.id)).toEqual(['T2', 'T3', 'T4']);
    const t3 = asMarkdown.report.tables.find((t) => t.id === 'T3')!;
    expect(t3.cells.filter((c) => c.value !== null).length).toBeGreaterThanOrEqual(170);
    // Reading the pipe tables through remark loses nothing the plain-text reading finds.
    expect(tableValues(asMarkdown)).toEqual(tableValues(asText));
    expect(outcomes(asMarkdown)).toEqual(outcomes(asText));
    // Positions still point into the Markdown: a T3 number sits between pipes.
    const cell = t3.cells.find((c) => c.value !== null && c.value > 0)!;
    expect(md.slice(cell.position.start.offset, cell.position.end.offset)).toBe(String(cell.value));
    expect(md.slice(0, cell.position.start.offset)).toMatch(/\| ?$/);
  });

  it('the Shanghai 2025 figures (一 1259/36/…/1295) land in T3', () => {
    const r = audit({ content: fixture('peers/kirogovcompare__shanghai-office-2025-source.md'), uri: 'x.md' });
    const t3 = r.report.tables.find((t) => t.id === 'T3')!;
    const newRow = t3.cells.filter((c) => c.row === t3.rows[0]!.key).map((c) => c.value);
    expect(newRow).toEqual([1259, 36, 0, 0, 0, 0, 1295]);
  });
});

describe('the blank national template (国办公开办函〔2021〕30号), as DOCX', () => {
  const bytes = new Uint8Array(readFileSync(join(fixturesDir, 'formats/govnianbao__template_blank_gbgkbh2021-30.docx')));
  const result = audit({ content: bytes, uri: 'template.docx' });
  const text = result.report.text!;

  it('is read as TPL2021 from its bytes (format sniffed from the ZIP signature too)', () => {
    expect(result.report.format).toBe('docx');
    expect(result.report.template).toBe('TPL2021');
    expect(audit({ content: bytes }).report.template).toBe('TPL2021');
    expect(text).toContain('政府信息公开工作年度报告格式模板');
    expect(text).toContain('六、其他需要报告的事项');
  });

  it('has the tab rows of its three tables, spans resolved (gridSpan, vMerge)', () => {
    const lines = text.split('\n');
    expect(lines).toContain('第二十条第（一）项\t\t\t');
    expect(lines).toContain('信息内容\t本年制发件数\t本年废止件数\t现行有效件数');
    expect(lines).toContain('规章\t\t\t');
    // 表三: the vertically merged 三、本年度办理结果 / （三）不予公开 leave the cells below them empty.
    expect(lines).toContain('三、本年度办理结果\t（一）予以公开\t\t\t\t\t\t\t\t');
    expect(lines).toContain('\t（三）不予公开\t1.属于国家秘密\t\t\t\t\t\t\t');
    expect(lines).toContain('\t\t2.其他法律行政法规禁止公开\t\t\t\t\t\t\t');
    expect(lines).toContain('四、结转下年度继续办理\t\t\t\t\t\t\t\t\t');
    // 表四: 行政复议 spans 5 columns, 行政诉讼 10; the value row is 15 blank cells.
    expect(lines).toContain('行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t');
    expect(lines).toContain('\t'.repeat(14));
  });

  it('recognises 表二 and 表三 with every cell blank', () => {
    const byId = Object.fromEntries(result.report.tables.map((t) => [t.id, t]));
    expect(byId.T2!.cells).toHaveLength(10);
    expect(byId.T3!.cells).toHaveLength(175);
    for (const id of ['T2', 'T3']) for (const c of byId[id]!.cells) expect([c.kind, c.value]).toEqual(['blank', null]);
  });

  // Issue #4: 表四's only value row is a row of 15 empty cells; it is read as 15 blank cells, like 表二/三.
  it('recognises 表四 with its 15 blank cells', () => {
    const t4 = result.report.tables.find((t) => t.id === 'T4')!;
    expect(t4.cells).toHaveLength(15);
    for (const c of t4.cells) expect([c.kind, c.value]).toEqual(['blank', null]);
  });

  it('the blank tables fail no identity: 表四 is reported blank (info), as 表二 and 表三 are', () => {
    const reconcile = result.findings.filter((f) => f.ruleId === 'tables-reconcile');
    expect(reconcile.length).toBeGreaterThan(0);
    expect(reconcile.every((f) => f.messageId === 'blank' && f.severity === 'info')).toBe(true);
    expect(reconcile.filter((f) => f.data?.tableId === 'T4').map((f) => f.data?.identity)).toEqual(['T4-1', 'T4-2', 'T4-3']);
    expect(result.rules.find((r) => r.ruleId === 'tables-reconcile')?.outcome).toBe('pass');
  });
});
