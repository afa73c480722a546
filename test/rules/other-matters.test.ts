import { describe, expect, it } from '@jest/globals';
import { auditWithRule, findingsOf, outcomeOf, RuleTester } from 'xxgk-audit/testing';
import { audit, definePlugin } from '../../src/index';
import { normalize } from '../../src/normalize/index';
import type { AuditResult, ReportModel } from '../../src/types';
import rule from '../../rules/other-matters';
import { checkOtherMatters, mentionsFee } from '../../rules/detect/other-matters';
import { expectLinearCost, fixture, seeds } from '../helpers';

const RULE = 'other-matters';
/** [messageId, severity] of each finding of the rule. */
const messagesOf = (r: AuditResult) => findingsOf(r, RULE).map((f) => [f.messageId, f.severity]);
const compact = (s: string) => normalize(s).text.replace(/\s+/gu, '');

const all = seeds();
const SEED002 = all['002']!;
const SEED002_OTHER = '六、其他需要报告的事项\n\n无';
/** Seed 002 with another body for 六. */
const seed002With = (body: string) => SEED002.replace(SEED002_OTHER, `六、其他需要报告的事项\n\n${body}`);

const HUAIAN = fixture('peers/govnianbao__huaian2024.txt');
const HUAIAN_OTHER = '2024 年，市政府严格落实《政府信息公开信息处理费管理\n办法》，全年收取政府信息公开信息处理费 3940 元。';
const HZQ2024 = fixture('peers/kirogovcompare__hzq2024.txt');
const HZQ2024_OTHER = '2024 年，区政府严格落实《政府信息公开信息处理费管理办\n法》，全年收取政府信息公开信息处理费 0 元。';
const SHANGHAI = fixture('peers/kirogovcompare__shanghai-office-2025-source.md');
const KEWEI = fixture('peers/kirogovcompare__kewei-2024-source.md');

// ---------------------------------------------------------------------------
// Pure functions
// ---------------------------------------------------------------------------

describe('mentionsFee: the 信息处理费, never 表二’s 行政事业性收费', () => {
  it.each([
    ['淮安市 2024', '全年收取政府信息公开信息处理费3940元。'],
    ['上海市人民政府办公厅 2025 (信息公开处理费)', '2025年度本机关未收取信息公开处理费。'],
    ['上海市科委 2024 (收费事项)', '2024年,市科委未发生政府信息公开收费事项。'],
    ['S24', '2022年,区政府国资局未收取信息处理费'],
    ['收取…费用', '本年度未向申请人收取任何费用。'],
  ])('%s → mentions the fee', (_source, text) => {
    expect(mentionsFee(compact(text))).toBe(true);
  });

  it.each([
    ['表二 (淮安市 2024)', '第二十条第(八)项信息内容本年收费金额(单位:万元)行政事业性收费96171.6'],
    ['行政事业性收费 in prose', '本年度行政事业性收费金额为96171.6万元,已在表二中列明。'],
    ['收费项目', '公开了涉企收费目录清单和行政事业性收费项目。'],
    ['no fee word', '2024年,我镇认真落实上级年度政务公开工作要点。'],
  ])('%s → does not', (_source, text) => {
    expect(mentionsFee(compact(text))).toBe(false);
  });
});

/** The report model, through the public API (a spy rule): sections and tables as the rule sees them. */
function modelOf(raw: string): ReportModel {
  let captured: ReportModel | null = null;
  const spy = definePlugin({
    name: 'spy',
    rules: {
      spy: {
        meta: { id: 'spy', impact: 'minor', docs: { description: { 'zh-CN': '-', en: '-' } }, messages: { none: { severity: 'info', text: { 'zh-CN': '-' } } } },
        create(context) {
          captured = context.model;
          return {};
        },
      },
    },
  });
  audit(raw, { plugins: [spy] });
  return captured!;
}
const check = (raw: string) => {
  const m = modelOf(raw);
  return checkOtherMatters({ text: m.text, sections: m.sections, tableRanges: m.tableRanges, tables: m.tables });
};

describe('checkOtherMatters (pure)', () => {
  it('seed 002: 「六、其他需要报告的事项 无」 → empty, body 「无」', () => {
    const result = check(SEED002);
    expect(result.status).toBe('empty');
    if (result.status !== 'noSection') expect(result.body.text).toBe('无');
  });

  it('淮安市 2024: 六 states the fee; 表三 （六）2 = 6 fee notices not paid → consistent (T3-8); 表二 行政事业性收费 = 96171.6 is not read as the fee', () => {
    const result = check(HUAIAN);
    expect(result.status).toBe('ok');
    if (result.status !== 'noSection') {
      expect(result.unpaid).toBe(6);
      expect(result.body.text).toBe('2024年,市政府严格落实《政府信息公开信息处理费管理办法》,全年收取政府信息公开信息处理费3940元。');
    }
    const t2 = modelOf(HUAIAN).tables.find((t) => t.id === 'T2');
    expect(t2?.cells.find((c) => c.row === 'fees')?.value).toBe(96171.6);
  });

  it('seed 003 (E1) has an 附件 keyed other: it is never taken for 六', () => {
    expect(check(all['003']!).status).toBe('noSection');
  });
});

// ---------------------------------------------------------------------------
// The rule, end to end
// ---------------------------------------------------------------------------

describe('other-matters on the seeds (defects.md §F)', () => {
  it('seed 002 「六、其他需要报告的事项 无」 → error empty, pointing at the heading and its body', () => {
    const r = auditWithRule(rule, SEED002);
    expect(outcomeOf(r, RULE).outcome).toBe('fail');
    expect(messagesOf(r)).toEqual([['empty', 'error']]);
    const [f] = findingsOf(r, RULE);
    expect(SEED002.slice(f!.position.start.offset, f!.position.end.offset)).toBe(SEED002_OTHER);
    expect(f!.message).toContain('只写了“无”');
    expect(f!.message).toContain('信息处理费');
  });

});

describe('other-matters on the peer reports', () => {
  it('上海市人民政府办公厅 2025 → pass: 「2025 年度本机关未收取信息公开处理费。」 (信息公开处理费 is a variant of 信息处理费)', () => {
    const r = auditWithRule(rule, SHANGHAI);
    expect(outcomeOf(r, RULE).outcome).toBe('pass');
    expect(findingsOf(r, RULE).map((f) => f.messageId)).not.toContain('noFee');
  });

  it('上海市科委 2024 → pass: 「五、其他需要报告的事项 / 本年度信息公开处理费收费情况 / 2024 年，市科委未发生政府信息公开收费事项。」', () => {
    const r = auditWithRule(rule, KEWEI);
    expect(outcomeOf(r, RULE).outcome).toBe('pass');
    const [f] = findingsOf(r, RULE);
    expect(f!.data).toMatchObject({ heading: '五、其他需要报告的事项' });
  });
});

// ---------------------------------------------------------------------------
// The rule's valid/invalid tables
// ---------------------------------------------------------------------------

const FULL_HZQ2024 = HZQ2024.replace(
  HZQ2024_OTHER,
  HZQ2024_OTHER + '\n区政府认真落实上级年度政务公开工作要点；人大代表建议和政协提案办理结果均已公开；推进政务公开工作创新。',
);

new RuleTester().run(RULE, rule, {
  valid: [
    ...(['000', '001', '003', '004'] as const).map((id) => ({ name: `seed ${id} (E1) → inapplicable`, input: all[id]!, outcome: 'inapplicable' as const, reason: /2021/ })),
    { name: 'all sub-items and the fee → pass with no finding', input: FULL_HZQ2024 },
    { name: '洪泽区 2024 with subItems: [] → the info is off', input: HZQ2024, options: { subItems: [] } },
    { name: 'minLength: 5 lets a short 六 pass', input: seed002With('本年度未收取费用。'), options: { minLength: 5, subItems: [] } },
    { name: 'before 2021 → inapplicable (no 信息处理费 existed)', input: { content: SEED002, meta: { year: 2020 } }, outcome: 'inapplicable' },
    {
      name: 'no 六 under TPL2021 → inapplicable here (required-sections reports it), with the reason',
      input: SEED002.replace(SEED002_OTHER, ''),
      outcome: 'inapplicable',
      reason: /required-sections/,
    },
  ],
  invalid: [
    ...[['无。'], ['本年度无其他需要报告的事项。'], ['暂无'], ['详见附件。'], ['无\n\n焦虎镇人民政府\n2025年1月20日']].map(([body]) => ({
      name: `六 = ${JSON.stringify(body)} → error empty (a trailing signature is not content)`,
      input: seed002With(body!),
      errors: [{ messageId: 'empty', severity: 'error' as const }],
    })),
    { name: 'minLength: a short 六 is empty by default', input: seed002With('本年度未收取费用。'), errors: [{ messageId: 'empty' }] },
    {
      name: '淮安市 2024 → pass: 第六部分 「收取政府信息公开信息处理费 3940 元」 is the fee; 表二 行政事业性收费 96171.6 万元 is another concept',
      input: HUAIAN,
      errors: [{ messageId: 'subItemsMissing', severity: 'info' }],
      outcome: 'pass',
    },
    ...[
      ['洪泽区 2023', 'peers/kirogovcompare__hzq2023.txt'],
      ['洪泽区 2024', 'peers/kirogovcompare__hzq2024.txt'],
    ].map(([name, file]) => ({
      name: `${name} → pass: 「全年收取政府信息公开信息处理费 0 元」`,
      input: fixture(file!),
      errors: [{ messageId: 'subItemsMissing', severity: 'info' as const }],
      outcome: 'pass' as const,
    })),
    { name: 'English messages', input: SEED002, config: { locale: 'en' }, errors: [{ messageId: 'empty', message: /only says “无”/ }] },
  ],
});

describe('other-matters: the messages', () => {
  it('a substantive 六 without the fee → warning noFee (and the sub-items it has are found)', () => {
    const r = auditWithRule(rule, seed002With('2024年，我镇认真落实上级年度政务公开工作要点，积极探索政务公开工作创新，全面完成各项任务。'));
    expect(messagesOf(r).sort()).toEqual([
      ['noFee', 'warning'],
      ['subItemsMissing', 'info'],
    ]);
    expect(findingsOf(r, RULE).find((f) => f.messageId === 'noFee')!.message).toContain('行政事业性收费');
    expect(findingsOf(r, RULE).find((f) => f.messageId === 'subItemsMissing')!.data).toMatchObject({ items: ['proposals'] });
  });

  it('a 六 about 表二’s 行政事业性收费 only → noFee: the two fees are different concepts', () => {
    const r = auditWithRule(rule, seed002With('本年度行政事业性收费金额为0万元，已在表二中列明。'));
    expect(findingsOf(r, RULE).map((f) => f.messageId)).toContain('noFee');
  });

  it('淮安市 2024 with a 六 that omits the fee: 表三 （六）2 = 6 → warning unpaidWithoutFee instead of noFee (T3-8)', () => {
    const source = HUAIAN.replace(HUAIAN_OTHER, '2024 年，市政府认真落实上级年度政务公开工作要点，圆满完成各项任务。');
    expect(source).not.toBe(HUAIAN);
    const r = auditWithRule(rule, source);
    expect(messagesOf(r).sort()).toEqual([
      ['subItemsMissing', 'info'],
      ['unpaidWithoutFee', 'warning'],
    ]);
    expect(findingsOf(r, RULE).find((f) => f.messageId === 'unpaidWithoutFee')!.message).toContain('为6件');
    const off = auditWithRule(rule, source, { options: { checkUnpaid: false } });
    expect(outcomeOf(off, RULE).outcome).toBe('fail');
    expect(findingsOf(off, RULE).map((f) => f.messageId).sort()).toEqual(['noFee', 'subItemsMissing']);
  });

  it('hostile input finishes', () => {
    for (const body of ['收费'.repeat(200_000), '收取'.repeat(200_000) + '费', ('行政事业性收费' + '\n').repeat(30_000), '无'.repeat(500_000)]) {
      const report = seed002With(body);
      expectLinearCost(() => auditWithRule(rule, report), report.length);
    }
    const fees = '收取'.repeat(500_000);
    expectLinearCost(() => expect(mentionsFee(fees)).toBe(false), fees.length);
  });
});
