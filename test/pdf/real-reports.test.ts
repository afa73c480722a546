/**
 * readPdf on the three real reports (洪泽区 2023 and 2024, 淮安市 2024; provenance in
 * corpus/peers/README.md): what the audit reads from their text layer, and how the text is laid out.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { audit, formatText, toCsv, toHtml, toSarif } from '../../src/index';
import { readPdf } from '../../src/pdf/index';
import { readPdfPages } from '../../src/pdf/read';
import { renderText } from '../../src/pdf/layout';
import type { AuditResult, PdfTextInput } from '../../src/types';
import { Ajv } from 'ajv';
import resultSchema from '../../schemas/audit-result.schema.json' with { type: 'json' };
import { fixturesDir } from '../helpers';

const HZQ2023 = 'kirogovcompare__hzq2023_working.pdf';
const HZQ2024 = 'kirogovcompare__hzq2024_working.pdf';
const HUAIAN = 'govnianbao__szfgs2024.pdf';

const bytesOf = (name: string): Uint8Array => new Uint8Array(readFileSync(join(fixturesDir, 'pdf', name)));

const inputs: Record<string, PdfTextInput> = {};
const results: Record<string, AuditResult> = {};
const textOf = (name: string): string => inputs[name]!.content as string;
const linesOf = (name: string): string[] => textOf(name).split('\n');

beforeAll(async () => {
  for (const name of [HZQ2023, HZQ2024, HUAIAN]) {
    inputs[name] = await readPdf(bytesOf(name), { uri: name });
    results[name] = audit(inputs[name]!);
  }
});

type Table = { id: string; cells: Array<{ row: string; column: string; value: number | null }> };
const cell = (result: AuditResult, table: string, row: string, column: string) =>
  (result.report.tables as unknown as Table[]).find((t) => t.id === table)?.cells.find((c) => c.row === row && c.column === column)?.value;
const outcome = (result: AuditResult, ruleId: string) => result.rules.find((r) => r.ruleId === ruleId)?.outcome;

describe('what the audit reads from the PDFs', () => {
  it.each([
    [HZQ2023, 2023, 21],
    [HZQ2024, 2024, 95],
    [HUAIAN, 2024, 3119],
  ])('%s: a TPL2021 report of %i, statistics period found, 表三 一 总计 %i', (name, year, newTotal) => {
    const input = inputs[name]!;
    expect(input).toMatchObject({ format: 'pdf', uri: name });
    const result = results[name]!;
    expect(result.report.text).toBe(input.content);
    expect(result.report.format).toBe('pdf');
    expect(result.report.year).toBe(year);
    expect(result.report.template).toBe('TPL2021');
    expect(outcome(result, 'statistics-period')).toBe('pass');
    expect(cell(result, 'T3', 'new', 'total')).toBe(newTotal);
  });

  it('洪泽区 2023 fails tables-reconcile on exactly the two 表四 totals printed as 0', () => {
    const result = results[HZQ2023]!;
    expect(outcome(result, 'tables-reconcile')).toBe('fail');
    const findings = result.findings.filter((f) => f.ruleId === 'tables-reconcile');
    expect(findings.map((f) => [f.data?.row, f.data?.column, f.expected, f.actual])).toEqual([
      ['行政复议', '总计', 11, 0],
      ['行政诉讼·复议后起诉', '总计', 5, 0],
    ]);
    // Each finding points at the printed 0 in the 表四 row of the extracted text.
    const text = textOf(HZQ2023);
    const t4Row = '10\t1\t0\t0\t0\t0\t0\t0\t0\t0\t5\t0\t0\t0\t0';
    for (const f of findings) {
      expect(text.slice(f.position.start.offset, f.position.end.offset)).toBe('0');
      expect(linesOf(HZQ2023)[f.position.start.line - 1]).toBe(t4Row);
    }
  });

  it.each([HZQ2024, HUAIAN])('%s passes tables-reconcile', (name) => {
    expect(outcome(results[name]!, 'tables-reconcile')).toBe('pass');
    expect(results[name]!.findings.filter((f) => f.ruleId === 'tables-reconcile')).toEqual([]);
  });

  it('reads every row of 表四 and the 表三 rows of 淮安市 2024 with their own numbers', () => {
    const r = results[HUAIAN]!;
    const columns = ['upheld', 'corrected', 'other', 'pending', 'total'];
    expect(['review', 'direct', 'afterReview'].map((row) => columns.map((c) => cell(r, 'T4', row, c)))).toEqual([
      [72, 64, 178, 37, 351],
      [13, 4, 8, 1, 26],
      [12, 1, 1, 6, 20],
    ]);
    const t3 = ['natural', 'business', 'research', 'welfare', 'legal', 'other', 'total'];
    expect(t3.map((c) => cell(r, 'T3', 'new', c))).toEqual([3001, 53, 0, 0, 61, 4, 3119]);
    expect(t3.map((c) => cell(r, 'T3', 'total', c))).toEqual([2932, 53, 0, 0, 61, 4, 3050]);
    expect(cell(r, 'T2', 'fees', 'feeAmount')).toBe(96171.6);
  });
});

describe('pages', () => {
  it.each([HZQ2023, HZQ2024, HUAIAN])('%s: every line of the text is on the page that holds it', async (name) => {
    const input = inputs[name]!;
    const pages = await readPdfPages(bytesOf(name));
    expect(input.pageStarts).toHaveLength(pages.length);
    expect(input.pageStarts![0]).toBe(0);
    // Each page read alone: a line of the whole text that appears on exactly one page is there.
    const alone = pages.map((p) => new Set(renderText([p]).split('\n')));
    let checked = 0;
    let offset = 0;
    for (const line of textOf(name).split('\n')) {
      const holders = alone.map((set, i) => (set.has(line) ? i + 1 : 0)).filter((n) => n > 0);
      if (line.length >= 6 && holders.length === 1) {
        const page = input.pageStarts!.filter((start) => start <= offset).length;
        expect([line, page]).toEqual([line, holders[0]]);
        checked++;
      }
      offset += line.length + 1;
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('洪泽区 2023: the 表四 findings name the page of 表四, and findings before it earlier pages', () => {
    const result = results[HZQ2023]!;
    const t4Row = '10\t1\t0\t0\t0\t0\t0\t0\t0\t0\t5\t0\t0\t0\t0';
    const text = textOf(HZQ2023);
    const rowAt = text.indexOf(t4Row);
    const input = inputs[HZQ2023]!;
    const pageOfRow = input.pageStarts!.filter((start) => start <= rowAt).length;
    expect(pageOfRow).toBeGreaterThan(1);
    const findings = result.findings.filter((f) => f.ruleId === 'tables-reconcile');
    expect(findings.map((f) => [f.position.start.page, f.position.end.page])).toEqual([
      [pageOfRow, pageOfRow],
      [pageOfRow, pageOfRow],
    ]);
    // Every position of the result carries a page.
    for (const f of result.findings) expect(f.position.start.page).toBeGreaterThanOrEqual(1);
    for (const s of result.report.sections) expect(s.position.start.page).toBeGreaterThanOrEqual(1);
    expect(result.report.sections[0]!.position.start.page).toBe(1);
  });

  it.each([HZQ2023, HZQ2024, HUAIAN])('%s: the result, pages and all, is valid against the result schema', (name) => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(resultSchema);
    expect(validate(results[name]!)).toBe(true);
    expect(validate.errors ?? null).toBeNull();
  });

  it('the text, HTML, CSV and SARIF outputs name the page of the 表四 findings', () => {
    const result = results[HZQ2023]!;
    const f = result.findings.find((x) => x.ruleId === 'tables-reconcile')!;
    const page = f.position.start.page!;
    const { line, column } = f.position.start;
    expect(formatText([result])).toContain(`${HZQ2023}:${line}:${column} (p.${page})`);
    expect(formatText([result], { locale: 'en' })).toContain(`${HZQ2023}:${line}:${column} (p.${page})`);
    expect(toHtml([result])).toContain(`第${line}行第${column}列 · 第${page}页`);
    expect(toHtml([result], { locale: 'en' })).toContain(`line ${line}, column ${column} · p. ${page}`);
    const csv = toCsv([result]).split('\r\n');
    const header = csv[0]!.split(',');
    expect(csv[1]!.split(',')[header.indexOf('问题所在页')]).toMatch(new RegExp(`(^|; )${page}(;|$)`));
    const sarif = toSarif([result]) as unknown as { runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { region: Record<string, unknown> } }> }> }> };
    const regions = sarif.runs[0]!.results.filter((r) => r.ruleId === 'tables-reconcile').map((r) => r.locations[0]!.physicalLocation.region);
    expect(regions.map((r) => r.properties)).toEqual([{ page }, { page }]);
  });

  it('a paragraph joined across a page break: its first part on the first page, the rest on the next', () => {
    const text = textOf(HZQ2023);
    const line = linesOf(HZQ2023).find((l) => l.startsWith('加强区政府门户网站'))!;
    const at = text.indexOf(line);
    const cut = at + line.indexOf('级审核、先审后发');
    const starts = inputs[HZQ2023]!.pageStarts!;
    expect(starts).toContain(cut);
    expect(starts.indexOf(cut)).toBe(1); // page 2 begins inside the paragraph
  });
});

describe('the extracted text', () => {
  it('renders 表三 one row per line: label cells, then the seven values, TAB-separated', () => {
    const lines = linesOf(HZQ2023);
    expect(lines).toContain('一、本年新收政府信息公开申请数量\t\t\t21\t0\t0\t0\t0\t0\t21');
    expect(lines).toContain('\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\t4\t0\t0\t0\t0\t0\t4');
    // A group label spanning several rows sits in the first of them.
    expect(lines).toContain('\t（三）不予公开\t1.属于国家秘密\t1\t0\t0\t0\t0\t0\t1');
    expect(lines).toContain('\t\t2.其他法律行政止公开\t0\t0\t0\t0\t0\t0\t0');
    expect(lines).toContain('\t（七）总计\t\t21\t0\t0\t0\t0\t0\t21');
    // Header words printed over two lines in one cell are one header.
    expect(lines).toContain('\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t');
  });

  it('continues 表三 across the page break with nothing between its rows', () => {
    const lines = linesOf(HZQ2023);
    const at = lines.indexOf('\t\t2.没有现成信息需要另行制作\t3\t0\t0\t0\t0\t0\t3');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe('\t\t3.补正后申请内容仍不明确\t0\t0\t0\t0\t0\t0\t0');
    expect(lines[at - 1]).toBe('\t（四）无法提供\t1.本机关不掌握相关政府信息\t10\t0\t0\t0\t0\t0\t10');
  });

  it('renders 表四 as its header rows and one row of 15 values', () => {
    const lines = linesOf(HZQ2023);
    const at = lines.indexOf('10\t1\t0\t0\t0\t0\t0\t0\t0\t0\t5\t0\t0\t0\t0');
    expect(at).toBeGreaterThan(0);
    expect(lines[at - 1]).toBe('\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计');
    expect(lines.slice(at - 3, at - 1)).toEqual([
      '行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t',
      '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t',
    ]);
    expect(linesOf(HZQ2024)).toContain('1\t1\t0\t0\t2\t1\t0\t0\t0\t1\t2\t0\t1\t0\t3');
  });

  it('renders the 表二 blocks row by row', () => {
    const lines = linesOf(HUAIAN);
    expect(lines).toContain('信息内容\t本年制发件数\t本年废止件数\t现行有效件数');
    expect(lines).toContain('行政规范性文件\t8\t26\t66');
    expect(lines).toContain('行政许可\t447228\t\t');
    expect(lines).toContain('行政事业性收费\t96171.6');
  });

  it.each([HZQ2023, HZQ2024, HUAIAN])('%s: no page numbers, each paragraph on one line, headings on their own', (name) => {
    const lines = linesOf(name);
    expect(lines.filter((l) => /^[-—\s]*\d+[-—\s]*$/.test(l))).toEqual([]);
    for (const heading of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) {
      expect(lines).toContain(heading);
    }
    // The preamble is one paragraph: statistics period and contact details on one line.
    const preamble = lines.find((l) => l.startsWith('本报告由'))!;
    expect(preamble).toMatch(/统计期限自 202\d 年 1 月 1 日.*至 202\d 年 12 月 31 日.*联系（地址：.*电\s*话\s*：\s*0517-\d{8}/);
  });

  it('joins a paragraph broken across a page break', () => {
    // 洪泽区 2023: page 1 ends 「严格执行“分」, page 2 begins 「级审核、先审后发”程序」.
    const line = linesOf(HZQ2023).find((l) => l.startsWith('加强区政府门户网站'))!;
    expect(line).toContain('严格执行“分级审核、先审后发”程序');
    expect(line.endsWith('未经审核的信息一律不准发布。')).toBe(true);
  });

  it('keeps every character of the body text: the 洪泽区 2023 closing paragraph is whole', () => {
    expect(linesOf(HZQ2023)).toContain('2023 年，区政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费 0 元。');
  });
});
