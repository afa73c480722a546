import { describe, expect, it } from '@jest/globals';
import { auditWithRule, findingsOf, outcomeOf, RuleTester } from 'xxgk-audit/testing';
import type { TextLine } from '../../src/types';
import rule from '../../rules/publication-deadline';
import {
  checkPublicationDeadline,
  daysBetween,
  deadlineOf,
  findSignatureDate,
  issuerCategoryOf,
} from '../../rules/detect/publication-deadline';
import { parseDateLine } from '../../src/kit/index';
import { expectLinearCost, fixture, seeds } from '../helpers';

const RULE = 'publication-deadline';

const all = seeds();
const HZQ2024 = fixture('peers/kirogovcompare__hzq2024.txt');
const KEWEI = fixture('peers/kirogovcompare__kewei-2024-source.md');
const SHANGHAI = fixture('peers/kirogovcompare__shanghai-office-2025-source.md');

function linesOf(text: string): TextLine[] {
  const out: TextLine[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    out.push({ index: out.length, start, end: start + line.length, text: line, chrome: false });
    start += line.length + 1;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Pure functions
// ---------------------------------------------------------------------------

describe('parseDateLine: a signature date line (signals.md §5.2 item 3)', () => {
  it.each([
    ['2019年2月28日', 2019, 2, 28, 'arabic'], // seed 004
    ['二〇一九年二月二十八日', 2019, 2, 28, 'chinese'],
    ['二〇二〇年一月十日', 2020, 1, 10, 'chinese'],
    ['二○二五年三月三十一日', 2025, 3, 31, 'chinese'], // ○ (U+25CB) as printed in many reports
    ['泉阳镇人民政府 2019年2月28日', 2019, 2, 28, 'arabic'],
    ['(2017年2月23日)', 2017, 2, 23, 'arabic'], // S37, a date under the title
    ['2024 年 1 月 20 日', 2024, 1, 20, 'arabic'],
  ])('%s → %i-%i-%i', (line, year, month, day, numerals) => {
    expect(parseDateLine(line)).toMatchObject({ year, month, day, numerals });
  });

  it.each([
    ['单位负责人 :赵登兴 审核人: 填报人: 刘成君'],
    ['联系电话 :18693617694             填报日期: 2017年3月7日'], // seed 003: the form date never counts
    ['填报日期:2017年3月7日'],
    ['填报日期 2017年3月7日'],
    ['填表时间 2017年3月7日'],
    ['截至2017年12月31日'], // seed 000: an as-of date
    ['本报告于2019年2月28日经镇党委会议审议通过。'], // a date inside a sentence
    ['统计期限自2018年1月1日起至2018年12月31日'],
    ['2019年2月30日'], // not a calendar date
    ['二〇一九年十三月一日'],
  ])('%s → not a signature date', (line) => {
    expect(parseDateLine(line)).toBeNull();
  });
});

describe('findSignatureDate: among the last non-chrome lines', () => {
  it('seed 004 → 2019-02-28 on the last line', () => {
    const text = all['004']!;
    const found = findSignatureDate(linesOf(text));
    expect(found?.date).toBe('2019-02-28');
    expect(text.slice(found!.range[0], found!.range[1])).toBe('2019年2月28日');
  });

  it('seed 003 → none: the only date at the end is the statistics table’s 填报日期', () => {
    expect(findSignatureDate(linesOf(all['003']!))).toBeNull();
  });

  it('a date further up than the last 5 lines is not a signature', () => {
    const lines = linesOf('某镇人民政府\n2019年2月28日\n附件:\n一\n二\n三\n四');
    expect(findSignatureDate(lines)).toBeNull();
    expect(findSignatureDate(lines, 7)?.date).toBe('2019-02-28');
  });
});

describe('deadlines (regulations-and-eras.md §6)', () => {
  it.each([
    [{ year: 2018, era: 'E1', issuerType: 'department', issuerLevel: 'county' }, 'any', '2019-03-31', 'REG2007-31'],
    [{ year: 2024, era: 'E3', issuerType: 'department', issuerLevel: 'provincial' }, 'department', '2025-01-31', 'REG2019-49-department'],
    [{ year: 2024, era: 'E3', issuerType: 'government', issuerLevel: 'county' }, 'government', '2025-03-31', 'REG2019-49-government'],
    [{ year: 2024, era: 'E3', issuerType: 'government', issuerLevel: 'township' }, 'township', '2025-03-31', 'township-default'],
    [{ year: 2024, era: 'E3', issuerType: 'other', issuerLevel: 'township' }, 'township', '2025-03-31', 'township-default'],
  ] as const)('%j → %s, %s', (input, category, date, basis) => {
    const c = issuerCategoryOf(input);
    expect(c).toBe(category);
    expect(deadlineOf(c!, input.year)).toMatchObject({ date, basis });
  });

  it('an unknown issuer type from 2019 has no category; E1 needs none', () => {
    expect(issuerCategoryOf({ year: 2022, era: 'E3', issuerType: null, issuerLevel: null })).toBeNull();
    expect(issuerCategoryOf({ year: 2016, era: 'E1', issuerType: null, issuerLevel: null })).toBe('any');
  });

  it('overrides: a local deadline; 02-29 in a common year is the last day of February', () => {
    expect(deadlineOf('department', 2024, { department: '02-28' })).toMatchObject({ date: '2025-02-28', basis: 'override', localRuleNeeded: false });
    expect(deadlineOf('township', 2024, { township: '02-29' }).date).toBe('2025-02-28');
    expect(deadlineOf('township', 2023, { township: '02-29' }).date).toBe('2024-02-29');
    expect(deadlineOf('township', 2024).localRuleNeeded).toBe(true);
  });

  it('daysBetween', () => {
    expect(daysBetween('2019-03-31', '2019-04-10')).toBe(10);
    expect(daysBetween('2025-01-31', '2025-01-20')).toBe(-11);
  });
});

describe('checkPublicationDeadline (pure)', () => {
  const base = { year: 2018, era: 'E1' as const, issuerType: 'government' as const, issuerLevel: 'township' as const, lines: linesOf(all['004']!) };

  it('seed 004: the signature date 2019-02-28 is an estimate, on time under E1', () => {
    const r = checkPublicationDeadline({ ...base, publishedAt: null });
    expect(r).toMatchObject({ status: 'onTime', date: '2019-02-28', source: 'signature', estimated: true, days: -31 });
  });

  it('a known date wins over the signature', () => {
    const r = checkPublicationDeadline({ ...base, publishedAt: { date: '2019-04-02', source: 'meta' } });
    expect(r).toMatchObject({ status: 'late', date: '2019-04-02', source: 'meta', estimated: false, days: 2 });
  });

  it('no date at all → inapplicable, never a guess', () => {
    const r = checkPublicationDeadline({ ...base, lines: linesOf(all['003']!), publishedAt: null });
    expect(r.status).toBe('inapplicable');
  });

  it('an unknown issuer type: on time by 31 January whatever the type; undecidable after it', () => {
    const lines = linesOf('2022年政府信息公开工作年度报告');
    const common = { year: 2022, era: 'E3' as const, issuerType: null, issuerLevel: null, lines };
    expect(checkPublicationDeadline({ ...common, publishedAt: { date: '2023-01-20', source: 'meta' } }).status).toBe('onTime');
    const r = checkPublicationDeadline({ ...common, publishedAt: { date: '2023-02-20', source: 'meta' } });
    expect(r.status).toBe('inapplicable');
    if (r.status === 'inapplicable') expect(r.reason).toMatch(/issuerType/);
  });
});

// ---------------------------------------------------------------------------
// The rule, end to end
// ---------------------------------------------------------------------------

describe('publication-deadline with a known publication date', () => {
  it('late (E1, meta.publishedAt) → error, pointing at the title', () => {
    const source = all['004']!;
    const r = auditWithRule(rule, { content: source, meta: { publishedAt: '2019-04-10' } });
    expect(outcomeOf(r, RULE).outcome).toBe('fail');
    const [f] = findingsOf(r, RULE);
    expect([f!.messageId, f!.severity]).toEqual(['late', 'error']);
    expect(f!.data).toMatchObject({ date: '2019-04-10', deadline: '2019-03-31', days: 10, basisKey: 'REG2007-31', estimated: false });
    expect(f!.message).toContain('逾期10天');
    expect(f!.message).toContain('第三十一条');
    expect(source.slice(f!.position.start.offset, f!.position.end.offset)).toBe('2018年政府信息公开年度报告');
  });

});

const SEED004 = all['004']!;
const LATE_SIGNATURE = SEED004.replace('2019年2月28日', '2019年4月15日');
const METADATA_LINE = '发布日期:2025-04-15\n' + HZQ2024;
const published = (content: string, publishedAt: string) => ({ content, meta: { publishedAt } });

new RuleTester().run(RULE, rule, {
  valid: [
    ...(['000', '001', '002'] as const).map((id) => ({
      name: `seed ${id} → inapplicable (no date in the text)`,
      input: all[id]!,
      outcome: 'inapplicable' as const,
      reason: /没有发布日期/,
    })),
    { name: 'seed 003 → inapplicable: 「填报日期: 2017年3月7日」 is not a publication date', input: all['003']!, outcome: 'inapplicable', reason: /填报日期不是发布日期/ },
    { name: 'seed 004 → pass: signature 2019-02-28 is on time under E1 (estimated)', input: SEED004 },
    { name: 'on time (E1, meta.publishedAt on the deadline) → pass', input: published(SEED004, '2019-03-31') },
    { name: '洪泽区 2024 (county government): 31 March → pass', input: published(HZQ2024, '2025-03-31') },
    { name: '上海市科委 2024 (department) late by default; a local override (02-28) passes it', input: published(KEWEI, '2025-02-10'), options: { deadlines: { department: '02-28' } } },
    { name: '上海市人民政府办公厅 2025 is a department: published 2026-01-30 → pass', input: published(SHANGHAI, '2026-01-30') },
    { name: 'township (seed 002, 2024) published 31 March → pass', input: published(all['002']!, '2025-03-31') },
    { name: 'an impossible calendar date in meta → inapplicable with the reason', input: published(all['002']!, '2025-02-30'), outcome: 'inapplicable', reason: /不是有效日期/ },
    {
      name: 'a signature dated inside the report year is not a publication date (stale copy?) → inapplicable',
      input: SEED004.replace('2019年2月28日', '2018年2月28日'),
      outcome: 'inapplicable',
      reason: /早于2018年度结束/,
    },
    { name: 'useSignatureDate: false → inapplicable for seed 004', input: SEED004, options: { useSignatureDate: false }, outcome: 'inapplicable' },
  ],
  invalid: [
    {
      name: '洪泽区 2024 (county government): 1 April → error',
      input: published(HZQ2024, '2025-04-01'),
      errors: [{ messageId: 'late', severity: 'error', data: { category: 'government', basisKey: 'REG2019-49-government', days: 1 } }],
    },
    {
      name: '上海市科委 2024 (department): 31 January strictly by default',
      input: published(KEWEI, '2025-02-10'),
      errors: [{ messageId: 'late', severity: 'error', data: { category: 'department', deadline: '2025-01-31', days: 10 }, message: /1月31日前/ }],
    },
    {
      name: 'a page metadata line 「发布日期:2025-04-15」 is a known date → error, pointing at that line',
      input: METADATA_LINE,
      errors: [{ messageId: 'late', severity: 'error', data: { source: 'metadata', date: '2025-04-15', days: 15 }, text: '发布日期:2025-04-15' }],
    },
    {
      name: 'township (seed 002, 2024): late against the assumed 31 March → warning 「需按地方规定核对」, not an error',
      input: published(all['002']!, '2025-04-02'),
      errors: [{ messageId: 'lateLocalRule', severity: 'warning', message: /需按地方规定核对/ }],
    },
    {
      name: 'township with a configured local deadline (20 February) → the local rule is confirmed: error',
      input: published(all['002']!, '2025-03-01'),
      options: { deadlines: { township: '02-20' } },
      errors: [{ messageId: 'late', severity: 'error', data: { basisKey: 'override', deadline: '2025-02-20', days: 9 } }],
    },
    {
      name: 'a publication date before the report year ends → warning dateBeforeYearEnd',
      input: published(all['002']!, '2024-06-01'),
      errors: [{ messageId: 'dateBeforeYearEnd', severity: 'warning', message: /2024年度结束/ }],
    },
    {
      name: 'a late signature date → warning lateEstimated (not an error), marked as an estimate, pointing at the date',
      input: LATE_SIGNATURE,
      errors: [{ messageId: 'lateEstimated', severity: 'warning', message: /估计/, data: { estimated: true, source: 'signature', days: 15 }, text: '2019年4月15日' }],
    },
    {
      name: 'Chinese numerals: 二〇一九年四月十五日 is read the same way',
      input: SEED004.replace('2019年2月28日', '二〇一九年四月十五日'),
      errors: [{ messageId: 'lateEstimated', data: { date: '2019-04-15' } }],
    },
    {
      name: 'English messages: late',
      input: published(KEWEI, '2025-02-10'),
      config: { locale: 'en' },
      errors: [{ messageId: 'late', message: /after the deadline 2025-01-31 \(10 days late\)/ }],
    },
    { name: 'English messages: an estimate', input: LATE_SIGNATURE, config: { locale: 'en' }, errors: [{ messageId: 'lateEstimated', message: /an estimate/ }] },
  ],
});

describe('publication-deadline: configuration and locales', () => {
  it('rejects a malformed deadline option', () => {
    expect(() => auditWithRule(rule, all['004']!, { options: { deadlines: { township: '2-20' } } })).toThrow(/invalid options/);
    expect(() => auditWithRule(rule, all['004']!, { options: { deadlines: { village: '02-20' } } })).toThrow(/invalid options/);
  });

  it('hostile input finishes', () => {
    for (const body of ['2020年2月28日\n'.repeat(100_000), '二'.repeat(1_000_000), ('年'.repeat(40) + '\n').repeat(20_000) + '发布日期:'.repeat(100_000)]) {
      const report = '2019年政府信息公开工作年度报告\n' + body;
      expectLinearCost(() => auditWithRule(rule, report), report.length);
    }
  });
});
