import { describe, expect, it } from '@jest/globals';
import { auditWithRule, findingsOf, outcomeOf } from 'xxgk-audit/testing';
import type { AuditInput, AuditResult, Finding } from '../../src/types';
import { normalize } from '../../src/normalize/index';
import rule from '../../rules/template-version';
import {
  checkTemplateVersion,
  expectedTemplateFor,
  findLabels,
  sectionBody,
  squeeze,
} from '../../rules/detect/template-version';
import { expectLinearCost, fixture, seeds } from '../helpers';

const RULE = 'template-version';
const all = seeds();

const ids = (r: AuditResult) => findingsOf(r, RULE).map((f) => `${f.messageId}:${f.severity}`);
const at = (source: string, f: Finding) => source.slice(f.position.start.offset, f.position.end.offset);

/** Replaces the text from the line starting with `from` up to (not including) the line starting with `to`. */
function replaceLines(text: string, from: string, to: string, replacement: string): string {
  const a = text.indexOf(from);
  const b = text.indexOf(to, a + from.length);
  if (a < 0 || b < 0) throw new Error(`markers not found: ${from} / ${to}`);
  return text.slice(0, a) + replacement + text.slice(b);
}

// Seed 002's 表二 (TPL2021) swapped for the TPL2019 表二, its labels verbatim from spec/tables.md §1.2 ([S19]).
const TPL2019_T2 = [
  '第二十条第（一）项\t\t\t',
  '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量',
  '规章\t0\t0\t0',
  '规范性文件\t0\t0\t0',
  '第二十条第（五）项\t\t\t',
  '信息内容\t上一年项目数量\t本年增/减\t处理决定数量',
  '行政许可\t0\t0\t0',
  '其他对外管理服务事项\t0\t0\t0',
  '第二十条第（六）项\t\t\t',
  '信息内容\t上一年项目数量\t本年增/减\t处理决定数量',
  '行政处罚\t0\t0\t0',
  '行政强制\t0\t0\t0',
  '第二十条第（八）项\t\t\t',
  '信息内容\t上一年项目数量\t本年增/减\t',
  '行政事业性收费\t0\t0\t',
  '第二十条第（九）项\t\t\t',
  '信息内容\t采购项目数量\t采购总金额\t',
  '政府集中采购\t0\t0\t',
  '',
  '',
].join('\n');
const withTpl2019T2 = (text: string) => replaceLines(text, '第二十条第（一）项', '三、收到和处理政府信息公开申请情况', TPL2019_T2);
// 表三 （六）其他处理 as the single leaf row of TPL2019 (tables.md §2.2), instead of seed 002's three sub-rows.
const withSingleOtherRow = (text: string) =>
  replaceLines(text, '\t(六) 其他处理\t1.', '(七) 总计', '\t(六) 其他处理\t\t0\t0\t0\t0\t0\t0\t0\n');

describe('expected template by report year (regulations-and-eras.md §5)', () => {
  it.each([
    [2016, 'REG2007'],
    [2018, 'REG2007'],
    [2019, 'TPL2019'],
    [2020, 'TPL2019'],
    [2021, 'TPL2021'],
    [2025, 'TPL2021'],
    [null, 'unknown'],
  ] as const)('%s → %s', (year, key) => expect(expectedTemplateFor(year)).toBe(key));
});

describe('the seeds (defects.md §F)', () => {
  it.each(['000', '001', '003', '004'])('seed %s (≤ 2018, REG2007: no tables required) passes without findings', (id) => {
    const r = auditWithRule(rule, all[id]!);
    expect(outcomeOf(r, RULE).outcome).toBe('pass');
    expect(findingsOf(r, RULE)).toEqual([]);
  });

  it('seed 002 (2024) follows TPL2021: template ✓', () => {
    const r = auditWithRule(rule, all['002']!);
    expect(outcomeOf(r, RULE).outcome).toBe('pass');
    expect(findingsOf(r, RULE)).toEqual([]);
  });
});

describe('outdatedOtherHandling: 表三 with the TPL2019 single-leaf （六）其他处理 in a 2021+ report', () => {
  it.each([
    ['洪泽区 2023 (pdftotext)', 'peers/kirogovcompare__hzq2023.txt', 2023],
    ['洪泽区 2023 (pdftotext -layout)', 'tables/kirogovcompare__hzq2023_working.layout.txt', 2023],
    ['洪泽区 2024 (pdftotext)', 'peers/kirogovcompare__hzq2024.txt', 2024],
    ['洪泽区 2024 (pdftotext -layout)', 'tables/kirogovcompare__hzq2024_working.layout.txt', 2024],
  ])('%s: one error on the printed 「（六）其他处理」, no other template finding', (_name, file, year) => {
    const source = fixture(file);
    const r = auditWithRule(rule, source);
    expect(ids(r)).toEqual(['outdatedOtherHandling:error']);
    const f = findingsOf(r, RULE)[0]!;
    expect(at(source, f)).toBe('（六）其他处理');
    expect(f.data).toMatchObject({ year });
    expect(f.message).toContain('逾期不补正');
    expect(outcomeOf(r, RULE).outcome).toBe('fail');
  });

  it('淮安市 2024 prints the three TPL2021 sub-rows (1、…逾期不补… 2、…缴纳费用…): passes', () => {
    const r = auditWithRule(rule, fixture('peers/govnianbao__huaian2024.txt'));
    expect(findingsOf(r, RULE)).toEqual([]);
    expect(outcomeOf(r, RULE).outcome).toBe('pass');
  });

  it.each([
    ['上海市科委 2024 (sub-rows broken over lines: 「逾\\n期不补正」)', 'peers/kirogovcompare__kewei-2024-source.md'],
    ['上海市人民政府办公厅 2025', 'peers/kirogovcompare__shanghai-office-2025-source.md'],
  ])('%s: TPL2021 throughout, passes', (_name, file) => {
    const r = auditWithRule(rule, { content: fixture(file), format: 'markdown' });
    expect(findingsOf(r, RULE)).toEqual([]);
  });

  it('the same single row is normal in a 2019/2020 report (TPL2019), and can be switched off', () => {
    const text = withSingleOtherRow(withTpl2019T2(all['002']!));
    expect(ids(auditWithRule(rule, { content: text, meta: { year: 2020 } }))).toEqual([]);
    const single = withSingleOtherRow(all['002']!);
    expect(ids(auditWithRule(rule, single))).toEqual(['outdatedOtherHandling:error']);
    expect(findingsOf(auditWithRule(rule, single, { severity: 'error', options: { checkOtherHandlingRow: false } }), RULE)).toEqual([]);
  });
});

describe('outdatedTemplate / mixedTemplate / templateBeforeIssue (signals.md §6)', () => {
  it('TPL2019 tables in a 2024 report → outdatedTemplate (error) on the first TPL2019 label', () => {
    const text = withSingleOtherRow(withTpl2019T2(all['002']!));
    const r = auditWithRule(rule, text);
    expect(ids(r)).toEqual(['outdatedTemplate:error']);
    const f = findingsOf(r, RULE)[0]!;
    expect(at(text, f)).toBe('本年新制作数量');
    expect(f.data!.markers).toEqual(expect.arrayContaining(['本年新制作数量', '政府集中采购', '第二十条第(九)项']));
    expect([f.expected, f.actual]).toEqual(['TPL2021', 'TPL2019']);
  });

  it('TPL2019 表二 with TPL2021 表三 rows → mixedTemplate (error), not also outdatedTemplate', () => {
    const r = auditWithRule(rule, withTpl2019T2(all['002']!));
    expect(ids(r)).toEqual(['mixedTemplate:error']);
    const f = findingsOf(r, RULE)[0]!;
    expect(f.data!.markers2021).toEqual(['申请人逾期未按收费通知要求缴纳费用']);
    expect(f.data!.markers2019).toContain('政府集中采购');
  });

  it('TPL2021 tables in a report dated 2020 → templateBeforeIssue (warning); dated 2024 → none', () => {
    const r = auditWithRule(rule, { content: all['002']!, meta: { year: 2020 } });
    expect(ids(r)).toEqual(['templateBeforeIssue:warning']);
    expect(findingsOf(r, RULE)[0]!.data).toMatchObject({ year: 2020, firstYear: 2021 });
    expect(ids(auditWithRule(rule, { content: all['002']!, meta: { year: 2024 } }))).toEqual([]);
  });

  it('TPL2021 tables in a report dated 2018 (REG2007 era) → templateBeforeIssue', () => {
    expect(ids(auditWithRule(rule, { content: all['002']!, meta: { year: 2018 } }))).toEqual(['templateBeforeIssue:warning']);
  });

  it('a TPL2019 word inside a narrative sentence is not a table label', () => {
    const text = all['002']!.replace('2024 年主动公开各类信息 331 条', '2024 年主动公开各类信息 331 条,其中政府集中采购信息 3 条,采购总金额 12 万元。');
    expect(text).not.toBe(all['002']!);
    expect(ids(auditWithRule(rule, text))).toEqual([]);
  });
});

describe('REG2007-era structure after 2018 (e1Section, e1Subsection, oldStatistics)', () => {
  it('seed 000 (E1 headings) dated 2020: its 依申请公开…不予公开 and 收费及减免 sections are errors, and it has no tables', () => {
    const r = auditWithRule(rule, { content: all['000']!, meta: { year: 2020 } });
    expect(ids(r).sort()).toEqual(['e1Section:error', 'e1Section:error', 'noTables:error']);
    const headings = findingsOf(r, RULE).filter((f) => f.messageId === 'e1Section').map((f) => f.data!.heading);
    expect(headings).toEqual(['三、行政机关依申请公开政府信息和不予公开政府信息的情况', '四、政府信息公开收费及减免情况']);
  });

  it('seed 003 (E1b statistics table) dated 2019: the old table is an error (oldStatistics), as is its 依申请…不予公开 heading', () => {
    const source = all['003']!;
    const r = auditWithRule(rule, { content: source, meta: { year: 2019 } });
    const found = ids(r);
    expect(found).toContain('oldStatistics:error');
    expect(found).toContain('e1Section:error');
    const old = findingsOf(r, RULE).find((f) => f.messageId === 'oldStatistics')!;
    expect(old.data!.labels).toEqual(expect.arrayContaining(['政府信息公开情况统计表', '当面申请数', '申请办结数']));
  });

  it('收费及减免 as a sub-item of 一 is a partial deviation (warning, [S31]); under 六 it is where TPL2021 puts the fee', () => {
    const sub = all['002']!.replace('(五) 监督保障:', '(五) 监督保障:\n\n加强监督。\n\n(六) 政府信息公开收费及减免情况:');
    expect(ids(auditWithRule(rule, sub))).toEqual(['e1Subsection:warning']);
    const underOther = all['002']!.replace('六、其他需要报告的事项', '六、其他需要报告的事项\n\n(一) 信息处理费收费及减免情况\n\n本年度未收取信息处理费。');
    expect(underOther).not.toBe(all['002']!);
    expect(ids(auditWithRule(rule, underOther))).toEqual([]);
  });
});

describe('tables 二/三/四 (TABLES_NOT_MACHINE_READABLE, missing tables)', () => {
  const t2 = (text: string, body: string) => replaceLines(text, '第二十条第（一）项', '三、收到和处理政府信息公开申请情况', body);
  const t3 = (text: string, body: string) => replaceLines(text, '(本列数据的勾稽关系', '四、政府信息公开行政复议、行政诉讼情况', body);
  const t4 = (text: string, body: string) => replaceLines(text, '行政复议\t', '五、存在的主要问题及改进情况', body);

  it('image names where the tables should be ([S27]) and a heading followed by the next heading ([S24]) → warnings, never "missing"', () => {
    const text = t4(t3(t2(all['002']!, '1675156994710\n\n'), 'd5b5f316b2d8c8b60cedb05304df1cf\n\n'), '\n');
    const r = auditWithRule(rule, text);
    expect(ids(r)).toEqual(['tablesNotMachineReadable:warning', 'tablesNotMachineReadable:warning', 'tablesNotMachineReadable:warning']);
    const [a, b, c] = findingsOf(r, RULE);
    expect(at(text, a!)).toBe('二、主动公开政府信息情况');
    expect(a!.data!.images).toEqual(['1675156994710']);
    expect(b!.data!.images).toEqual(['d5b5f316b2d8c8b60cedb05304df1cf']);
    expect(c!.data!.evidence).toBe('标题后紧接下一个标题');
  });

  it('a table replaced by narrative → tableMissing (warning) for that table only', () => {
    const text = t3(all['002']!, '本年度未收到政府信息公开申请,也没有上年结转的申请。\n\n');
    const r = auditWithRule(rule, text);
    expect(ids(r)).toEqual(['tableMissing:warning']);
    expect(at(text, findingsOf(r, RULE)[0]!)).toBe('三、收到和处理政府信息公开申请情况');
  });

  it('no table at all in a 2024 report → noTables (error), once', () => {
    const text = t4(
      t3(t2(all['002']!, '本年度未制发规范性文件。\n\n'), '本年度未收到政府信息公开申请。\n\n'),
      '本年度未发生行政复议、行政诉讼。\n\n',
    );
    const r = auditWithRule(rule, text);
    expect(ids(r)).toEqual(['noTables:error']);
    expect(at(text, findingsOf(r, RULE)[0]!)).toBe('焦虎镇 2024 年政府信息公开工作年度报告');
  });

  it('sectionBody: image tokens are not content; a sentence is', () => {
    expect(sectionBody('\n1675156994710\n').residual).toBe(0);
    expect(sectionBody('![表二](https://x.gov.cn/u/2023/abc.png)\n').residual).toBe(0);
    expect(sectionBody('d5b5f316b2d8c8b60cedb05304df1cf.jpg').images).toHaveLength(1);
    expect(sectionBody('本年度未收到政府信息公开申请。').residual).toBeGreaterThan(10);
  });
});

describe('inputs and applicability', () => {
  it('without a report year: inapplicable (the template cannot be chosen)', () => {
    const r = auditWithRule(rule, '政府信息公开工作年度报告\n\n一、总体情况\n\n本机关认真贯彻落实《条例》。\n');
    expect(outcomeOf(r, RULE).outcome).toBe('inapplicable');
    expect(outcomeOf(r, RULE).reason).toMatch(/报告年度/);
    expect(rule.meta.docs.requires).toMatch(/year/);
  });

  it('without a report year a mixed table is still reported', () => {
    const text = '政府信息公开工作年度报告\n\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n政府集中采购\t0\t0\t\n';
    const r = auditWithRule(rule, text);
    expect(ids(r)).toEqual(['mixedTemplate:error']);
  });

  it('labels are matched in the squeezed text (spaces, line breaks and pipes removed) only where printed as labels', () => {
    const text = normalize('| 本年新制 | 作数量 |\n本年度主动公开政府集中采购信息3条。').text;
    const ctx = { text, lines: lines(text), tableRanges: [] as Array<[number, number]> };
    const hits = findLabels(ctx, squeeze(text), ['本年新制作数量', '政府集中采购']);
    expect(hits.map((h) => h.marker)).toEqual(['本年新制作数量']);
  });

  it('checkTemplateVersion on a bare model: E1 year never checks tables', () => {
    const text = '2016年政府信息公开工作年度报告\n一、概述\n本年度工作情况。\n';
    const result = checkTemplateVersion({ text, lines: lines(text), tableRanges: [], year: 2016, sections: [], tables: [] });
    expect(result).toMatchObject({ applicable: true, expected: 'REG2007', tables: [], findings: [] });
  });
});

describe('messages', () => {
  it('every message is filled in both locales (no {{placeholder}} left)', () => {
    const t3 = (text: string, body: string) => replaceLines(text, '(本列数据的勾稽关系', '四、政府信息公开行政复议、行政诉讼情况', body);
    const inputs: Array<string | AuditInput> = [
      withSingleOtherRow(withTpl2019T2(all['002']!)),
      withTpl2019T2(all['002']!),
      withSingleOtherRow(all['002']!),
      { content: all['002']!, meta: { year: 2020 } },
      { content: all['000']!, meta: { year: 2020 } },
      { content: all['003']!, meta: { year: 2019 } },
      all['002']!.replace('(五) 监督保障:', '(五) 监督保障:\n\n加强监督。\n\n(六) 政府信息公开收费及减免情况:'),
      t3(all['002']!, 'd5b5f316b2d8c8b60cedb05304df1cf\n\n'),
      t3(all['002']!, '本年度未收到政府信息公开申请。\n\n'),
    ];
    const seen = new Set<string>();
    for (const locale of ['zh-CN', 'en'] as const)
      for (const input of inputs)
        for (const f of findingsOf(auditWithRule(rule, input, { config: { locale } }), RULE)) {
          seen.add(f.messageId);
          expect(f.message).not.toMatch(/\{\{/u);
        }
    expect([...seen].sort()).toEqual(Object.keys(rule.meta.messages).sort());
  });
});

describe('hostile input', () => {
  it('finishes on long runs of digits, hex, file-name characters and repeated labels', () => {
    const hostile = [
      '2024年政府信息公开工作年度报告',
      '二、主动公开政府信息情况',
      '1'.repeat(50000),
      'a'.repeat(50000) + '.pn',
      'f0'.repeat(30000),
      '三、收到和处理政府信息公开申请情况',
      '![' + '['.repeat(20000),
      '收费'.repeat(10000) + '减免',
      '(六)其他处理'.repeat(5000),
      '政府集中采购,'.repeat(5000),
    ].join('\n');
    expectLinearCost(() => auditWithRule(rule, hostile), hostile.length);
  });
});

function lines(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      out.push({ start, end: i });
      start = i + 1;
    }
  }
  return out;
}
