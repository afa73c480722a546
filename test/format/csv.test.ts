import { describe, expect, it } from '@jest/globals';
import { createAuditor, csvHeader, csvInputErrorRows, csvRow, toCsv, type AuditResult } from '../../src/index';
import plugin from '../../examples/custom-rule/index';
import { seeds } from '../helpers';

const all = seeds();

/** A minimal RFC 4180 reader, to check the output the way a spreadsheet reads it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  expect(cell).toBe('');
  expect(row).toEqual([]);
  return rows;
}

describe('toCsv', () => {
  const auditor = createAuditor({ plugins: [plugin] });
  const ids = ['000', '002', '003'];
  const results = ids.map((id) => auditor.audit({ content: all[id]!, uri: `seeds/${id}.txt` }));
  const ruleIds = auditor.rules.map((r) => r.id);

  it('has a header and one row per report with year, template, issuer, score and the outcome of each rule', () => {
    const rows = parseCsv(toCsv(results));
    expect(rows[0]).toEqual(['文件', '标题', '发布机关', '年份', '格式', '得分', '结论', '错误', '警告', '提示', ...ruleIds, '问题所在页', '错误信息']);
    expect(rows).toHaveLength(1 + results.length);
    results.forEach((r, k) => {
      const row = rows[k + 1]!;
      expect(row).toHaveLength(rows[0]!.length);
      expect(row.slice(0, 7)).toEqual([
        `seeds/${ids[k]}.txt`,
        r.report.title ?? '',
        r.report.issuer ?? '',
        String(r.report.year),
        r.report.template,
        String(r.score),
        r.passed ? '通过' : '未通过',
      ]);
      expect(Number(row[7]) + Number(row[8]) + Number(row[9])).toBe(r.findings.length);
    });
    // The custom rule: seed 002 never names the 政府信息公开指南, seeds 000 and 003 do.
    const col = rows[0]!.indexOf('required-phrases');
    expect(rows.slice(1).map((row) => row[col])).toEqual(['通过', '未通过', '通过']);
    expect(rows[1]!.slice(3, 5)).toEqual(['2017', 'REG2007']);
    expect(rows[2]!.slice(3, 5)).toEqual(['2024', 'TPL2021']);
  });

  it('quotes commas, quotes and line breaks, and defuses cells a spreadsheet would run as formulas', () => {
    const tricky: AuditResult = {
      ...results[0]!,
      report: { ...results[0]!.report, uri: 'a,b.txt', issuer: '某镇"人民"政府\n办公室', title: '=HYPERLINK("x")' },
    };
    const text = toCsv([tricky]);
    expect(text).toContain('"a,b.txt"');
    expect(text).toContain('"某镇""人民""政府\n办公室"');
    const row = parseCsv(text)[1]!;
    expect(row.slice(0, 3)).toEqual(['a,b.txt', `'=HYPERLINK("x")`, '某镇"人民"政府\n办公室']);
  });

  it('adds one row per unreadable file with its message in the last column', () => {
    const rows = parseCsv(toCsv(results, { inputErrors: [{ uri: 'b/洪泽区.pdf', message: '暂时无法读取 PDF 文件' }] }));
    const last = rows.at(-1)!;
    expect(last[0]).toBe('b/洪泽区.pdf');
    expect(last.at(-1)).toBe('暂时无法读取 PDF 文件');
    expect(last.slice(1, -1).every((c) => c === '')).toBe(true);
  });

  it('starts with a byte-order mark only when asked, uses CRLF, and English words with locale en', () => {
    expect(toCsv(results).startsWith('文件,')).toBe(true);
    expect(toCsv(results, { bom: true }).startsWith('\uFEFF文件,')).toBe(true);
    expect(toCsv(results).split('\r\n')).toHaveLength(results.length + 2);
    const en = parseCsv(toCsv(results, { locale: 'en' }));
    expect(en[0]!.slice(0, 7)).toEqual(['file', 'title', 'issuer', 'year', 'template', 'score', 'result']);
    expect(en[2]![en[0]!.indexOf('required-phrases')]).toBe('fail');
  });

  it('shows the one verdict of each result and keeps the rule columns it is given', () => {
    const rows = parseCsv(toCsv(results, { ruleIds: ['required-phrases'] }));
    expect(rows[0]!.slice(10)).toEqual(['required-phrases', '问题所在页', '错误信息']);
    expect(rows.slice(1).map((r) => r[6])).toEqual(results.map((r) => (r.passed ? '通过' : '未通过')));
    // A score of 50 with no error is not passed under the default minScore of 60, and the CSV agrees.
    const fifty = { ...results[0]!, score: 50, passed: false };
    expect(parseCsv(toCsv([fifty]))[1]![6]).toBe('未通过');
  });
});

describe('csvHeader, csvRow, csvInputErrorRows', () => {
  it('joined, are what toCsv writes (a writer can write each report as it comes)', () => {
    const auditor = createAuditor({ plugins: [plugin] });
    const results = Object.entries(all).map(([id, text]) => auditor.audit({ content: text, uri: `seeds/${id}.txt` }));
    const inputErrors = [{ uri: 'x.docx', message: '无法读取' }];
    for (const locale of ['zh-CN', 'en'] as const) {
      const options = { locale, inputErrors };
      const ids = Object.keys(Object.fromEntries(results[0]!.rules.map((o) => [o.ruleId, 1])));
      const joined = csvHeader(ids, options) + results.map((r, i) => csvRow(r, i, ids, options)).join('') + csvInputErrorRows(ids, options);
      expect(joined).toBe(toCsv(results, options));
    }
    expect(csvHeader([]) + csvInputErrorRows([], { inputErrors })).toBe(toCsv([], { inputErrors }));
  });
});
