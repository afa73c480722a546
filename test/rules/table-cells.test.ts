import { describe, expect, it } from '@jest/globals';
import { auditWithRule, findingsOf, outcomeOf } from 'xxgk-audit/testing';
import type { AuditResult, Finding, TableCell } from '../../src/types';
import rule from '../../rules/table-cells';
import { checkTableCells, DEFAULT_AMOUNT_LIMITS, isBlankArtifact } from '../../rules/detect/table-cells';
import { expectLinearCost, fixture, seeds, TEMPLATE_DEFS } from '../helpers';

const RULE = 'table-cells';
const all = seeds();

const ids = (r: AuditResult) => findingsOf(r, RULE).map((f) => `${f.messageId}:${f.severity}`);
const at = (source: string, f: Finding) => source.slice(f.position.start.offset, f.position.end.offset);

function replaceOnce(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  if (i < 0) throw new Error(`not in text: ${from}`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

describe('blankCells (TABLE_BLANK_CELLS, info)', () => {
  it('seed 003: the whole blank blocks of the old statistics table, one finding per block; the rule still passes', () => {
    const source = all['003']!;
    const r = auditWithRule(rule, source);
    expect(outcomeOf(r, RULE).outcome).toBe('pass');
    const found = findingsOf(r, RULE);
    expect(found.every((f) => f.messageId === 'blankCells' && f.severity === 'info' && f.kind === 'review')).toBe(true);
    const blocks = found.map((f) => [f.data!.block, f.data!.count, f.data!.whole]);
    expect(blocks).toEqual([
      ['一、主动公开情况', 2, false],
      ['二、回应解读情况', 8, true],
      ['三、依申请公开情况', 23, true],
      ['五、行政诉讼数量', 4, true],
      ['六、举报投诉数量', 1, false],
      ['七、依申请公开信息收取的费用', 1, false],
      ['八、机构建设和保障经费情况', 2, false],
      ['九、政府信息公开会议和培训情况', 3, true],
    ]);
    // The application block, the one the narrative explains (「未接收到…申请」), is reported as unfilled, from its first row label.
    const requests = found[2]!;
    expect(requests.message).toContain('整块未填写');
    expect(at(source, requests).startsWith('(一)收到申请数')).toBe(true);
  });

  it('header rows of the old table (二、回应解读情况, （二）通过不同渠道…) are expected blank and never listed', () => {
    const rows = findingsOf(auditWithRule(rule, all['003']!), RULE).map((f) => String(f.data!.rows)).join('、');
    expect(rows).not.toMatch(/二、回应解读情况|通过不同渠道和方式回应解读的情况|三、依申请公开情况/);
    expect(rows).toContain('1.当面申请数');
  });

  it('seed 002 (every cell 0) has no blank cell: passes without findings', () => {
    const r = auditWithRule(rule, all['002']!);
    expect(outcomeOf(r, RULE).outcome).toBe('pass');
    expect(findingsOf(r, RULE)).toEqual([]);
  });

  it('「/」 and 「-」 are reported like blanks, with their kind', () => {
    const text = replaceOnce(replaceOnce(all['002']!, '行政处罚\t0', '行政处罚\t/'), '行政强制\t0', '行政强制\t-');
    const r = auditWithRule(rule, text);
    expect(ids(r)).toEqual(['blankCells:info']);
    expect(findingsOf(r, RULE)[0]!.data).toMatchObject({ block: '第二十条第（六）项', count: 2, whole: true, kinds: ['“/”', '“-”或“无”'] });
  });

  it('a blank read where the raw PDF text has the page marker 「-2-」 (洪泽区 2023 表二 prints 550 before 行政许可) is a reading artefact, not reported', () => {
    const source = fixture('peers/kirogovcompare__hzq2023.txt');
    const r = auditWithRule(rule, source);
    expect(findingsOf(r, RULE)).toEqual([]);
    const license = r.report.tables.find((t) => t.id === 'T2')!.cells.find((c) => c.row === 'license')!;
    expect(license.kind).toBe('blank');
    expect(isBlankArtifact(license, source)).toBe(true);
    expect(source.slice(license.position.start.offset, license.position.end.offset).trim()).toBe('-2-');
  });
});

describe('blankTotal (a blank 总计 makes T3-1 uncheckable: warning)', () => {
  const blankTotal = replaceOnce(
    all['002']!,
    '一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0\t',
    '一、本年新收政府信息公开申请数量\t\t3\t1\t0\t0\t0\t0\t\t',
  );

  it('表三 一、本年新收…: parts 3 + 1 filled, 总计 blank → one warning at the row', () => {
    const r = auditWithRule(rule, blankTotal);
    expect(ids(r)).toEqual(['blankTotal:warning']);
    const f = findingsOf(r, RULE)[0]!;
    expect(f.data).toMatchObject({ count: 1, cells: '一、本年新收申请[总计]' });
    expect(at(blankTotal, f).startsWith('一、本年新收政府信息公开申请数量')).toBe(true);
    expect(outcomeOf(r, RULE).outcome).toBe('fail');
  });

  it('with upgradeBlankTotals: false the same cell is an ordinary blank (info)', () => {
    const r = auditWithRule(rule, blankTotal, { severity: 'info', options: { upgradeBlankTotals: false } });
    expect(ids(r)).toEqual(['blankCells:info']);
  });

  it('上海市科委 2024: 四、结转下年度继续办理 总计 is blank in the extraction while its parts hold 1 → blankTotal', () => {
    const source = fixture('peers/kirogovcompare__kewei-2024-source.md');
    const r = auditWithRule(rule, { content: source, format: 'markdown' });
    expect(ids(r)).toEqual(['blankTotal:warning']);
    expect(findingsOf(r, RULE)[0]!.data!.cells).toBe('四、结转下年度继续办理[总计]');
  });

  it('the identity itself is tables-reconcile’s: this rule reports no identity message', () => {
    const messageIds = Object.keys(rule.meta.messages);
    expect(messageIds).toEqual(['blankCells', 'blankTotal', 'cellNote', 'unitConflict', 'implausibleAmount', 'invalidNumber']);
  });
});

describe('cellNote (a note printed inside a cell, info)', () => {
  // 上海市人民政府办公厅 2025 prints 「22（其中修订 16 件）」 and 「55（含自然失效 29 件）」 in 表二.
  const noted = replaceOnce(all['002']!, '规章\t0\t0\t0', '规章\t22（其中修订 16 件）\t55（含自然失效 29 件）\t235');

  it('the numbers are read (22, 55), the notes kept and reported as info', () => {
    const r = auditWithRule(rule, noted);
    expect(ids(r)).toEqual(['cellNote:info', 'cellNote:info']);
    expect(findingsOf(r, RULE).map((f) => [f.data!.value, f.data!.note])).toEqual([
      [22, '其中修订 16 件'],
      [55, '含自然失效 29 件'],
    ]);
    expect(at(noted, findingsOf(r, RULE)[0]!)).toBe('22（其中修订 16 件）');
    expect(outcomeOf(r, RULE).outcome).toBe('pass');
  });

  it('reportNotes: false silences them', () => {
    expect(findingsOf(auditWithRule(rule, noted, { severity: 'info', options: { reportNotes: false } }), RULE)).toEqual([]);
  });

  it('上海市人民政府办公厅 2025 (real extraction, the noted cells printed away from their rows): the two notes are reported; their numbers (16, 29) are never taken for 表二 cells', () => {
    const source = fixture('peers/kirogovcompare__shanghai-office-2025-source.md');
    const r = auditWithRule(rule, { content: source, format: 'markdown' });
    expect(ids(r)).toEqual(['cellNote:info', 'cellNote:info']);
    expect(findingsOf(r, RULE).map((f) => [f.data!.value, f.data!.note, at(source, f)])).toEqual([
      [22, '其中修订 16 件', '22'],
      [55, '含自然失效 29 件', '55'],
    ]);
    const t2 = r.report.tables.find((t) => t.id === 'T2')!;
    const values = t2.cells.map((c) => c.value);
    expect(values).not.toContain(16);
    expect(values).not.toContain(29);
  });
});

describe('units and amounts (tables.md T2-5)', () => {
  const fee = (cell: string) => replaceOnce(all['002']!, '行政事业性收费\t0', `行政事业性收费\t${cell}`);

  it('「5000元」 in the 万元 column → unitConflict (warning), with the amount in 万元', () => {
    const r = auditWithRule(rule, fee('5000元'));
    expect(ids(r)).toEqual(['unitConflict:warning']);
    expect(findingsOf(r, RULE)[0]!.data).toMatchObject({ value: 5000, converted: '0.5' });
    expect(findingsOf(r, RULE)[0]!.expected).toBe(0.5);
  });

  it('「5000万元」 agrees with the column: no unit finding', () => {
    expect(ids(auditWithRule(rule, fee('5000万元')))).toEqual([]);
  });

  it('a township (焦虎镇) reporting 316441 万元 (≈ 31.6 亿元) → implausibleAmount (warning)', () => {
    const r = auditWithRule(rule, fee('316441'));
    expect(r.report.issuerLevel).toBe('township');
    expect(ids(r)).toEqual(['implausibleAmount:warning']);
    expect(findingsOf(r, RULE)[0]!.data).toMatchObject({ value: 316441, limit: DEFAULT_AMOUNT_LIMITS.township, level: '乡镇（街道）级', yi: '31.6441' });
  });

  it('the limit is an option per level', () => {
    expect(findingsOf(auditWithRule(rule, fee('316441'), { severity: 'info', options: { amountLimits: { township: 400000 } } }), RULE)).toEqual([]);
  });

  it('淮安市 2024 (prefecture) reports 96171.6 万元 of 行政事业性收费: plausible, no finding', () => {
    const r = auditWithRule(rule, fixture('peers/govnianbao__huaian2024.txt'));
    expect(r.report.issuerLevel).toBe('prefecture');
    expect(r.report.tables.find((t) => t.id === 'T2')!.cells.find((c) => c.row === 'fees')!.value).toBe(96171.6);
    expect(findingsOf(r, RULE)).toEqual([]);
    expect(outcomeOf(r, RULE).outcome).toBe('pass');
  });

  it('the same amount in a township report would be flagged (pure function)', () => {
    const r = auditWithRule(rule, fixture('peers/govnianbao__huaian2024.txt'));
    const t2 = r.report.tables.find((t) => t.id === 'T2')!;
    expect(checkTableCells(t2, { issuerLevel: 'township', templates: TEMPLATE_DEFS }).map((f) => f.messageId)).toEqual(['implausibleAmount']);
    expect(checkTableCells(t2, { issuerLevel: 'prefecture', templates: TEMPLATE_DEFS })).toEqual([]);
  });
});

describe('invalidNumber (the old statistics table; 表二/三/四 are tables-reconcile’s)', () => {
  const orgUnits = '(一)政府信息公开工作专门机构数\n\n 2\n';

  it.each([
    ['-2', -2],
    ['2.5', 2.5],
  ])('seed 003 with 「%s」 专门机构 → error', (value, parsed) => {
    const text = replaceOnce(all['003']!, orgUnits, `(一)政府信息公开工作专门机构数\n\n ${value}\n`);
    const r = auditWithRule(rule, text);
    const invalid = findingsOf(r, RULE).filter((f) => f.messageId === 'invalidNumber');
    expect(invalid.map((f) => [f.severity, f.actual, f.data!.rule])).toEqual([['error', parsed, '非负整数']]);
    expect(outcomeOf(r, RULE).outcome).toBe('fail');
  });

  it('seed 003 as published has no invalid number', () => {
    expect(findingsOf(auditWithRule(rule, all['003']!), RULE).filter((f) => f.messageId === 'invalidNumber')).toEqual([]);
  });

  it('a negative count in 表三 is left to tables-reconcile (its template declares the cell-type identity)', () => {
    const text = replaceOnce(all['002']!, '\t(一) 予以公开\t0', '\t(一) 予以公开\t-1');
    expect(findingsOf(auditWithRule(rule, text), RULE).filter((f) => f.messageId === 'invalidNumber')).toEqual([]);
  });
});

describe('inputs and applicability', () => {
  it.each(['000', '001', '004'])('seed %s has no table: inapplicable', (id) => {
    const r = auditWithRule(rule, all[id]!);
    expect(outcomeOf(r, RULE).outcome).toBe('inapplicable');
    expect(outcomeOf(r, RULE).reason).toMatch(/统计表/);
  });

  it('docs say what it needs', () => {
    expect(rule.meta.docs.requires).toMatch(/model\.tables/);
    expect(rule.meta.docs.requires).toMatch(/issuerLevel/);
  });

  it('a table without its template is skipped by the pure function', () => {
    const cells: TableCell[] = [];
    const table = { id: 'T2' as const, template: 'LOCAL-T2', name: '表二', rows: [], columns: [], cells, position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } };
    expect(checkTableCells(table, { issuerLevel: null, templates: TEMPLATE_DEFS })).toEqual([]);
  });
});

describe('messages', () => {
  it('every message is filled in both locales (no {{placeholder}} left)', () => {
    const inputs = [
      all['003']!,
      all['003']!.replace('(一)政府信息公开工作专门机构数\n\n 2\n', '(一)政府信息公开工作专门机构数\n\n -2\n'),
      replaceOnce(all['002']!, '一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0\t', '一、本年新收政府信息公开申请数量\t\t3\t1\t0\t0\t0\t0\t\t'),
      replaceOnce(all['002']!, '规章\t0\t0\t0', '规章\t22（其中修订 16 件）\t0\t0'),
      replaceOnce(all['002']!, '行政事业性收费\t0', '行政事业性收费\t5000元'),
      replaceOnce(all['002']!, '行政事业性收费\t0', '行政事业性收费\t316441'),
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
  it('finishes on a table block repeated many times', () => {
    const start = all['002']!.indexOf('第二十条第（一）项');
    const end = all['002']!.indexOf('五、存在的主要问题及改进情况');
    const block = all['002']!.slice(start, end).replace(/\t0/gu, '\t');
    const hostile = all['002']!.slice(0, start) + block.repeat(150) + all['002']!.slice(end);
    expectLinearCost(() => auditWithRule(rule, hostile), hostile.length);
  });
});
