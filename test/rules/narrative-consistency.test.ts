import { describe, expect, it } from '@jest/globals';
import { auditWithRule, findingsOf, outcomeOf, type RuleTestSettings } from 'xxgk-audit/testing';
import { audit } from '../../src/index';
import { definePlugin, defineRule } from '../../src/index';
import { normalize } from '../../src/normalize/index';
import type { AuditInput, Finding, RecognisedTable, ReportModel } from '../../src/types';
import rule from '../../rules/narrative-consistency';
import {
  checkNarrative,
  extractCounts,
  findClaims,
  findVagueNumbers,
  percentAgrees,
  tableValueFor,
} from '../../rules/detect/narrative-consistency';
import { narrativeText } from '../../src/kit/index';
import { expectLinearCost, fixture, seeds } from '../helpers';

const RULE = 'narrative-consistency';

const SHANGHAI = 'peers/kirogovcompare__shanghai-office-2025-source.md';
const HZQ2023 = 'tables/kirogovcompare__hzq2023_working.layout.txt';
const HZQ2024 = 'tables/kirogovcompare__hzq2024_working.layout.txt';
const HUAIAN = 'tables/govnianbao__szfgs2024.layout.txt';
const KEWEI = 'peers/kirogovcompare__kewei-2024-source.md';

function inputOf(raw: string, name: string): AuditInput {
  return { content: raw, format: name.endsWith('.md') ? 'markdown' : 'text' };
}

function run(raw: string, name = 'x.txt', settings: RuleTestSettings = {}) {
  const result = auditWithRule(rule, inputOf(raw, name), settings);
  expect(result.errors).toEqual([]);
  return { result, outcome: outcomeOf(result, RULE), findings: findingsOf(result, RULE) };
}

const ids = (findings: Finding[]) => findings.map((f) => f.messageId);

/** The report model as the audit builds it (format readers included). */
function modelOf(raw: string, name = 'x.txt'): ReportModel {
  let model: ReportModel | null = null;
  const capture = defineRule({
    meta: { id: 'capture', impact: 'minor', docs: { description: { 'zh-CN': '-', en: '-' } }, messages: { x: { severity: 'info', text: { 'zh-CN': '-' } } } },
    create(ctx) {
      return { 'root:exit'() { model = ctx.model; } };
    },
  });
  audit(inputOf(raw, name), { plugins: [definePlugin({ name: 'c', rules: { capture } })] });
  return model!;
}

/** The finding's text in the caller's source. */
const sourceAt = (raw: string, f: Finding) => raw.slice(f.position.start.offset, f.position.end.offset);

// ---------------------------------------------------------------------------
// Extraction on real sentences
// ---------------------------------------------------------------------------

describe('extractCounts: categories from the left context', () => {
  it('上海市人民政府办公厅 2025: each count of the 依申请公开 paragraph gets its own category and percentage', () => {
    const text = normalize(
      '市政府共受理政府信息公开申请 1295 件，办结 1191 件（含\n上年结转 189 件），均在法定期限内答复。其中，予以公开及部\n分公开 208 件（17.46%），不予公开 20 件（1.68%），因本机关\n不掌握等原因无法提供 564 件（47.36%），属信访、重复申请等\n不予处理 80 件（6.72%），其他处理 319 件（26.78%，含申请人\n主动撤回 157 件）。',
    ).text;
    const counts = extractCounts(text);
    expect(counts.map((c) => [c.value, c.category, c.percent?.value ?? null])).toEqual([
      [1295, 'received', null],
      [1191, 'closed', null],
      [189, 'carried', null],
      [208, 'publicOrPartial', 17.46],
      [20, 'refused', 1.68],
      [564, 'unable', 47.36],
      [80, 'notHandled', 6.72],
      [319, 'otherHandling', 26.78],
      // 「含申请人主动撤回 157 件」 is a part of 其他处理, not a category of its own.
      [157, null, null],
    ]);
    // Offsets point at the number and measure word in the (line-wrapped) text.
    const c208 = counts[3]!;
    expect(text.slice(c208.start, c208.end)).toBe('208 件');
    expect(text.slice(c208.statementStart, c208.end)).toBe('予以公开及部\n分公开 208 件');
  });

  it('淮安市 2024: 「另有 103 件顺延到下年度答复」 is the carry-over; 表四 outcomes take their case type from the sentence', () => {
    const text = normalize(
      '全市共受理政府信息公开申请 3119 件，答\n复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度\n答复），均在法定期限内予以答复。政府信息公开行政复议 351\n件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚\n未审结 37 件；政府信息公开行政诉讼 46 件，其中结果维持 25\n件。',
    ).text;
    expect(extractCounts(text).map((c) => [c.value, c.category, c.parent])).toEqual([
      [3119, 'received', null],
      [3050, 'closed', null],
      [34, 'carried', null],
      [103, 'carryOver', null],
      [351, 'review', 'review'],
      [72, 'upheld', 'review'],
      [64, 'corrected', 'review'],
      [178, 'otherResult', 'review'],
      [37, 'pending', 'review'],
      [46, 'litigation', 'litigation'],
      [25, 'upheld', 'litigation'],
    ]);
  });

  it('a count in a title, an ordinal, a collective total after 「等」 or a 15-day deadline is not compared', () => {
    const text = normalize(
      '印发《关于加强100件民生实事公开的通知》；第3次会议；刊登市政府规章、市政府部门行政规范性文件等 243 件；在15个工作日内答复申请。',
    ).text;
    expect(extractCounts(text).filter((c) => c.category !== null)).toEqual([]);
  });

  it('受理/办结 counts about other requests (审批申请, 政务服务) are not compared with 表三', () => {
    const text = normalize('政务服务中心全年受理各类审批申请 12000 件，办结 11990 件。').text;
    expect(extractCounts(text).map((c) => c.category)).toEqual([null, null]);
  });

  it('上海 2025 表二: the annotations 「（其中修订 16 件）」「（含自然失效 29 件）」 are never read as narrative counts', () => {
    const raw = fixture(SHANGHAI);
    const model = modelOf(raw, SHANGHAI);
    const counts = extractCounts(narrativeText(model));
    // (「16 个区」 elsewhere in the narrative is a real count.)
    expect(counts.filter((c) => (c.value === 16 || c.value === 29) && c.unit === '件')).toEqual([]);
    // Even outside a table, an annotation names no category.
    const loose = extractCounts(normalize('第二十条第（一）项\n22\n（其中修订 16 件）\n55\n（含自然失效 29 件）').text);
    expect(loose.map((c) => [c.value, c.category])).toEqual([
      [16, null],
      [29, null],
    ]);
  });
});

describe('tableValueFor: an annotated 表二 cell is read as its value, not its note', () => {
  const position = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
  const t2: RecognisedTable = {
    id: 'T2',
    template: 'TPL2021-T2',
    name: '表二 主动公开政府信息情况',
    rows: [
      { key: 'rules', label: '规章' },
      { key: 'normative', label: '行政规范性文件' },
    ],
    columns: [
      { key: 'issued', label: '本年制发件数' },
      { key: 'repealed', label: '本年废止件数' },
      { key: 'inForce', label: '现行有效件数' },
    ],
    cells: [
      { row: 'rules', column: 'issued', value: 22, text: '22(其中修订 16 件)', kind: 'number', note: '其中修订 16 件', position },
      { row: 'rules', column: 'repealed', value: 55, text: '55(含自然失效 29 件)', kind: 'number', note: '含自然失效 29 件', position },
      { row: 'rules', column: 'inForce', value: 235, text: '235', kind: 'number', position },
      { row: 'normative', column: 'issued', value: 34, text: '34', kind: 'number', position },
    ],
    position,
  };
  const text = normalize('全年主动公开市政府规章 22 件、市政府及市政府办公厅行政规范性文件 34 件，废止市政府规章 55 件。').text;
  const counts = extractCounts(text);

  it('上海 2025: 「规章 22 件」 = 22, 「规范性文件 34 件」 = 34, 「废止…规章 55 件」 = 55: no finding', () => {
    expect(counts.map((c) => [c.value, c.category, c.verb, tableValueFor(c, [t2])?.value])).toEqual([
      [22, 'regulations', '公开', 22],
      [34, 'normative', '公开', 34],
      [55, 'regulations', '废止', 55],
    ]);
    const model = { text, tableRanges: [], sections: [], tables: [t2] };
    expect(checkNarrative(model).findings).toEqual([]);
  });

  it('a narrative that gives the annotation number (16) as the 规章 count is a mismatch with 22', () => {
    const wrong = normalize('全年主动公开市政府规章 16 件。').text;
    const r = checkNarrative({ text: wrong, tableRanges: [], sections: [], tables: [t2] });
    expect(r.findings.map((f) => [f.messageId, f.expected, f.actual])).toEqual([['mismatch', 22, 16]]);
    expect(r.findings[0]!.data.where).toBe('表二“规章”行“本年制发件数”列');
  });

  it('compareT2: false turns the 表二 comparison off', () => {
    const wrong = normalize('全年主动公开市政府规章 16 件。').text;
    expect(checkNarrative({ text: wrong, tableRanges: [], sections: [], tables: [t2] }, { compareT2: false }).findings).toEqual([]);
  });
});

describe('percentAgrees: exact recomputation to the printed decimals', () => {
  it.each([
    [208, 1191, 17.46, 2, true],
    [20, 1191, 1.68, 2, true],
    [564, 1191, 47.36, 2, true],
    [80, 1191, 6.72, 2, true],
    [319, 1191, 26.78, 2, true],
    [208, 1191, 17.5, 1, true],
    [208, 1191, 17.47, 2, false],
    [208, 1295, 17.46, 2, false],
  ])('%i / %i = %f%% (%i decimals) → %s', (part, base, printed, decimals, ok) => {
    expect(percentAgrees(part, base, printed, decimals)).toBe(ok);
  });
});

// ---------------------------------------------------------------------------
// Real reports end to end
// ---------------------------------------------------------------------------

describe('narrative-consistency on the peer reports', () => {
  it('上海市人民政府办公厅 2025: every count and every percentage agrees (base 办结 1191): pass, no finding', () => {
    const { outcome, findings } = run(fixture(SHANGHAI), SHANGHAI);
    expect(outcome.outcome).toBe('pass');
    expect(findings).toEqual([]);
  });

  it('上海 2025 with a wrong percentage: flagged with the value recomputed on 1191, at the percentage', () => {
    const raw = fixture(SHANGHAI).replace('208 件（17.46%）', '208 件（18.46%）');
    const { findings } = run(raw, SHANGHAI);
    expect(findings.map((f) => [f.messageId, f.severity, f.expected, f.actual])).toEqual([['percentage', 'warning', 17.46, 18.46]]);
    expect(sourceAt(raw, findings[0]!)).toBe('18.46%');
    expect(findings[0]!.message).toBe(
      '正文“予以公开及部分公开208件”后的比例18.46%与数字不符：208÷1191（办结总数（表三（七）总计））应为17.46%。请重新计算',
    );
  });

  it('上海 2025 with 「不予公开 25 件」: a mismatch with Σ（三） = 20, pointing at the statement', () => {
    const raw = fixture(SHANGHAI).replace('不予公开 20 件（1.68%）', '不予公开 25 件（2.10%）');
    const { findings } = run(raw, SHANGHAI);
    expect(findings.map((f) => [f.messageId, f.expected, f.actual])).toEqual([['mismatch', 20, 25]]);
    expect(sourceAt(raw, findings[0]!)).toBe('不予公开 25 件');
    expect(findings[0]!.message).toBe(
      '正文“不予公开25件”写的不予公开数是25，但表三“（三）不予公开”各项“总计”之和为20，两者不一致。请核对正文和统计表，改为同一数字',
    );
  });

  it('洪泽区 2024: 「区政府办代表区政府受理…17 件」 against 表三 一 = 95 is a scope warning, not an error', () => {
    const raw = fixture(HZQ2024);
    const { findings, outcome } = run(raw);
    expect(outcome.outcome).toBe('fail');
    expect(findings.map((f) => [f.messageId, f.severity, f.expected, f.actual])).toEqual([['scopeMismatch', 'warning', 95, 17]]);
    const f = findings[0]!;
    expect(f.data).toMatchObject({ scope: '政府办', where: '表三“一、本年新收政府信息公开申请数量”行“总计”列' });
    expect(sourceAt(raw, f)).toBe('受理政府\n信息公开申请 17 件');
    expect(f.message).toContain('正文按“政府办”的口径统计');
    expect(findings.some((x) => x.severity === 'error')).toBe(false);
  });

  it('洪泽区 2023: 「全区受理政府信息公开申请 21 件」 = 表三 21: pass', () => {
    const { findings, outcome } = run(fixture(HZQ2023));
    expect(findings).toEqual([]);
    expect(outcome.outcome).toBe('pass');
  });

  it('淮安市 2024: 受理 3119, 答复 3050, 结转 34, 顺延 103, 复议 351 and its outcomes, 诉讼 46 all agree; only 「5500 余条」 is vague', () => {
    for (const name of [HUAIAN, 'peers/govnianbao__huaian2024.txt']) {
      const raw = fixture(name);
      const { findings } = run(raw);
      expect(ids(findings)).toEqual(['vague']);
      expect(sourceAt(raw, findings[0]!)).toBe('5500 余条');
    }
  });

  it('淮安市 2024 with 「结果纠正 46 件」: a mismatch with 表四 行政复议 结果纠正 = 64', () => {
    const raw = fixture(HUAIAN).replace('结果纠正 64 件', '结果纠正 46 件');
    const { findings } = run(raw);
    const mismatch = findings.filter((f) => f.messageId === 'mismatch');
    expect(mismatch.map((f) => [f.expected, f.actual, f.data?.where])).toEqual([[64, 46, '表四“行政复议”行“结果纠正”列']]);
  });

  it('淮安市 2024 with an unqualified 「全市共办理行政复议案件 200 件」: a review-scope note (info), not a mismatch with 表四', () => {
    const raw = fixture(HUAIAN).replace('（三）政府信息管理情况。', '全市共办理行政复议案件 200 件。（三）政府信息管理情况。');
    const { findings } = run(raw);
    expect(findings.map((f) => [f.messageId, f.severity])).toEqual([
      ['vague', 'warning'],
      ['reviewScope', 'info'],
    ]);
    expect(sourceAt(raw, findings[1]!)).toBe('行政复议案件 200 件');
  });

  it('上海市科委 2024: the 申请 paragraph (34, 2, 9, 0, 2, 10, 0, 14, 1) agrees with 表三 (四 总计 blank: the columns give 1)', () => {
    const { findings, outcome } = run(fixture(KEWEI), KEWEI);
    expect(findings).toEqual([]);
    expect(outcome.outcome).toBe('pass');
  });
});

describe('narrative-consistency on the seeds (spec defects.md §F)', () => {
  const all = seeds();

  it('seed 003: 「主动公开各类政府信息67467条」 = （一）15689 + （二）51778 → P-14 double counting (warning); the 复议 count is a scope note (info)', () => {
    const raw = all['003']!;
    const { findings } = run(raw);
    expect(findings.map((f) => [f.messageId, f.severity])).toEqual([
      ['doubleCounted', 'warning'],
      ['reviewScope', 'info'],
    ]);
    const [double, scope] = findings;
    expect(double!.expected).toBe(15689);
    expect(double!.actual).toBe(67467);
    expect(sourceAt(raw, double!)).toBe('主动公开各类政府信息67467条');
    expect(double!.message).toContain('等于统计表“（一）主动公开政府信息数”15689与“（二）通过不同渠道和方式公开”51778之和');
    expect(double!.message).toContain('由 tables-reconcile 规则另行报告');
    expect(sourceAt(raw, scope!)).toBe('行政复议申请4件');
  });

  it('seed 004 (no tables): 「92余条」 is a vague number (warning)', () => {
    const raw = all['004']!;
    const { findings, outcome } = run(raw);
    expect(outcome.outcome).toBe('fail');
    expect(findings.map((f) => [f.messageId, f.severity])).toEqual([['vague', 'warning']]);
    expect(sourceAt(raw, findings[0]!)).toBe('92余条');
    expect(findings[0]!.message).toBe('“我镇通过政务公开门户网站向社会公开政府信息92余条”是约数（“余”）。年度报告应写明准确的统计数字，不用“余”“多”“若干”之类的约数');
  });

  it('seeds 000 and 001 (no tables, no vague number): inapplicable', () => {
    for (const id of ['000', '001']) {
      const { outcome, findings } = run(all[id]!);
      expect(findings).toEqual([]);
      expect(outcome.outcome).toBe('inapplicable');
      expect(outcome.reason).toContain('没有识别出可读取数字的统计表');
    }
  });

  it('seed 002 (tables all zero, 「主动公开各类信息 331 条」 has no table counterpart in TPL2021): pass', () => {
    const { outcome, findings } = run(all['002']!);
    expect(findings).toEqual([]);
    expect(outcome.outcome).toBe('pass');
  });
});

describe('statements without digits', () => {
  it('「未收到…申请」 with 表三 一 = 95 (洪泽区 2024) → zeroClaim; with 表三 all zero (seed 002) → nothing', () => {
    const sentence = '2024 年，本机关未收到政府信息公开申请。\n';
    const hzq = fixture(HZQ2024).replace('  一、总体情况\n', `  一、总体情况\n${sentence}`);
    const bad = run(hzq).findings.filter((f) => f.messageId === 'zeroClaim');
    expect(bad.map((f) => [f.severity, f.expected, f.actual, f.data?.where])).toEqual([
      ['warning', 0, 95, '表三“一、本年新收政府信息公开申请数量”行“总计”列'],
    ]);
    expect(sourceAt(hzq, bad[0]!)).toBe('未收到政府信息公开申请');
    const zero = all002().replace('一、总体情况\n', `一、总体情况\n${sentence}`);
    expect(run(zero).findings).toEqual([]);
  });

  it('T4-5: 「均获维持」 with 表四 纠正/其他/尚未审结 > 0 (淮安 2024) → allUpheld; with only 维持 (上海市科委 2024) → nothing', () => {
    const sentence = '全年政府信息公开行政复议案件均获维持。';
    const huaian = fixture(HUAIAN).replace('（三）政府信息管理情况。', `${sentence}（三）政府信息管理情况。`);
    const bad = run(huaian).findings.filter((f) => f.messageId === 'allUpheld');
    expect(bad.map((f) => [f.severity, f.actual])).toEqual([['warning', 64 + 178 + 37]]);
    expect(bad[0]!.message).toContain('并非全部维持（T4-5）');
    const kewei = fixture(KEWEI).replace('涉及的行政诉讼数为', `该案件均获维持。涉及的行政诉讼数为`);
    expect(run(kewei, KEWEI).findings).toEqual([]);
  });

  it('「全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形」 is a no-correction claim, not a no-case claim', () => {
    const claims = findClaims(normalize('全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。').text);
    expect(claims.map((c) => [c.kind, c.about])).toEqual([['noCorrection', ['review', 'litigation']]]);
  });
});

describe('vague numbers and placeholders (no table needed)', () => {
  const check = (s: string) => findVagueNumbers(normalize(s).text, extractCounts(normalize(s).text)).map((v) => [v.kind, v.marker]);

  it('S30 「主动公开信息  条」, S39 「755多条」, 「若干件」, 「XX」, 「××」, 「＿＿」 are found', () => {
    expect(check('本年度主动公开信息  条，其中通过网站公开  条。')).toEqual([
      ['missingNumber', '条'],
      ['missingNumber', '条'],
    ]);
    expect(check('全年在网站主动公开政府信息755多条。')).toEqual([['approximate', '多']]);
    expect(check('受理政府信息公开申请若干件。')).toEqual([['indefinite', '若干']]);
    expect(check('XX镇人民政府2024年共受理申请××件，办结＿＿件。')).toEqual([
      ['templateBlank', 'XX'],
      ['templateBlank', '××'],
      ['templateBlank', '__'],
    ]);
  });

  it('exact counts, titles with 若干, e-mail addresses with xx and Markdown rules are not', () => {
    expect(check('主动公开政府信息 25 条。')).toEqual([]);
    expect(check('召开“加快建设长三角北部重要产业科技创新高地的若干政策”新闻发布会 12 场。')).toEqual([]);
    expect(check('《上海市加快科技服务业高质量发展的若干措施》')).toEqual([]);
    expect(check('电子邮箱：xxgk@example.gov.cn')).toEqual([]);
    expect(check('正文\n\n___\n\n附件')).toEqual([]);
    expect(check('印制了2000多份为民服务指南')).toEqual([]);
  });

  it('end to end: a placeholder in a report without tables is a warning; the rule is no longer inapplicable', () => {
    const raw = '某镇2019年政府信息公开工作年度报告\n一、总体情况\n本年度主动公开信息  条。\n';
    const { findings, outcome } = run(raw);
    expect(findings.map((f) => [f.messageId, f.severity])).toEqual([['placeholder', 'warning']]);
    expect(outcome.outcome).toBe('fail');
    expect(findings[0]!.message).toContain('像是未填写完的模板');
  });
});

describe('messages and options', () => {
  it('en messages', () => {
    const { findings } = run(fixture(HZQ2024), 'x.txt', { config: { locale: 'en' } });
    expect(findings[0]!.message).toBe(
      'The narrative “受理政府信息公开申请17件” gives 17 applications received, but table 三 “一、本年新收政府信息公开申请数量”, column “总计” gives 95. The text counts for “政府办”, the table may count another scope (the whole organ or government). Check the scope and explain the difference in the text',
    );
  });

  it('approximate counts can be limited or switched off (淮安 「5500 余条」)', () => {
    const off: RuleTestSettings = { severity: 'warning', options: { approximate: 'off' } };
    expect(run(fixture(HUAIAN), 'x.txt', off).findings).toEqual([]);
    const text = normalize('印制了2000多个宣传页。').text;
    expect(findVagueNumbers(text, extractCounts(text))).toEqual([]);
    expect(findVagueNumbers(text, extractCounts(text), { approximate: 'all' }).map((v) => v.marker)).toEqual(['多']);
  });

  it('reviewScope can be switched off; the rule options are validated', () => {
    const cfg: RuleTestSettings = { severity: 'warning', options: { reviewScope: false } };
    expect(ids(run(seeds()['003']!, 'x.txt', cfg).findings)).toEqual(['doubleCounted']);
    expect(() => auditWithRule(rule, 'x', { severity: 'warning', options: { window: 'wide' } })).toThrow(/invalid options/);
  });
});

describe('hostile input', () => {
  it('finishes quickly on long runs of digits, measure words, quotes and blanks', () => {
    // Behind a report title, so that the audit reads it as a (hostile) report rather than refusing it.
    const hostile = [
      '2024年政府信息公开工作年度报告',
      '1'.repeat(50000) + '件',
      '申请'.repeat(20000) + '1件',
      '《'.repeat(20000) + '1余条',
      ('予以公开1件(' + '9'.repeat(30)).repeat(2000),
      'X'.repeat(30000),
      '_'.repeat(30000),
      '未收到'.repeat(20000),
      '均获维持'.repeat(10000),
      ('1,' + '000,'.repeat(5)).repeat(5000) + '件',
    ].join('\n');
    expectLinearCost(() => checkNarrative({ text: normalize(hostile).text, tableRanges: [], sections: [], tables: [] }), hostile.length);
    expectLinearCost(() => run(hostile), hostile.length);
  });
});

function all002(): string {
  return seeds()['002']!;
}
