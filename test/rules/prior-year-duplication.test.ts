import { describe, expect, it } from '@jest/globals';
import { auditWithRule, findingsOf, outcomeOf, type RuleTestSettings } from 'xxgk-audit/testing';
import type { AuditInput, Finding } from '../../src/types';
import rule from '../../rules/prior-year-duplication';
import { comparableText, shingles, similarity, staleYears } from '../../rules/detect/prior-year-duplication';
import { expectLinearCost, fixture, seeds } from '../helpers';

const RULE = 'prior-year-duplication';

const HZQ2023 = 'peers/kirogovcompare__hzq2023.txt';
const HZQ2024 = 'peers/kirogovcompare__hzq2024.txt';
const HZQ2023_LAYOUT = 'tables/kirogovcompare__hzq2023_working.layout.txt';
const HZQ2024_LAYOUT = 'tables/kirogovcompare__hzq2024_working.layout.txt';

function run(current: string, previous?: string, settings: RuleTestSettings = {}, meta: Record<string, unknown> = {}) {
  const input: AuditInput = { content: current, meta: { ...meta, ...(previous !== undefined ? { previous } : {}) } };
  const result = auditWithRule(rule, input, settings);
  expect(result.errors).toEqual([]);
  return { result, outcome: outcomeOf(result, RULE), findings: findingsOf(result, RULE) };
}

const sourceAt = (raw: string, f: Finding) => raw.slice(f.position.start.offset, f.position.end.offset);

// ---------------------------------------------------------------------------
// Pure functions
// ---------------------------------------------------------------------------

describe('comparableText and shingles', () => {
  it('removes years, punctuation and spaces; keeps other digits', () => {
    expect(comparableText('2024 年，我区主动公开政府信息 2428 条（2023年：1136条）。')).toBe('年我区主动公开政府信息2428条年1136条');
  });

  it('character 5-grams; similarity is containment of this year in last year, and Jaccard', () => {
    expect([...shingles('政府信息公开工作')]).toEqual(['政府信息公', '府信息公开', '信息公开工', '息公开工作']);
    const s = similarity('政府信息公开工作年度报告', '政府信息公开工作');
    expect(s.shared).toBe(4);
    expect(s.containment).toBeCloseTo(4 / 8);
    expect(s.jaccard).toBeCloseTo(4 / 8);
    expect(similarity('甲乙丙丁戊己', '庚辛壬癸子丑').containment).toBe(0);
  });
});

// ---------------------------------------------------------------------------
// 洪泽区 2023 → 2024
// ---------------------------------------------------------------------------

describe('洪泽区 2023 → 2024 (last year given as meta.previous)', () => {
  it('layout text: carry-over (2024 二 = 0 = 2023 四) and 表二 stock/flow (规范性文件 5 + 3 − 0 = 8) hold; text repeats about half → no finding', () => {
    const { outcome, findings } = run(fixture(HZQ2024_LAYOUT), fixture(HZQ2023_LAYOUT));
    expect(findings).toEqual([]);
    expect(outcome.outcome).toBe('pass');
  });

  it('plain pdftotext: no finding either (表三 is not readable there; 表二 stock/flow holds)', () => {
    const { outcome, findings } = run(fixture(HZQ2024), fixture(HZQ2023));
    expect(findings).toEqual([]);
    expect(outcome.outcome).toBe('pass');
  });

  it('the share of repeated text is configurable: at a 50% threshold (the reviewers’ practice) the 2024 report is flagged', () => {
    const cfg: RuleTestSettings = { severity: 'warning', options: { warningThreshold: 0.5, errorThreshold: 0.95 } };
    const { findings } = run(fixture(HZQ2024_LAYOUT), fixture(HZQ2023_LAYOUT), cfg);
    expect(findings.map((f) => [f.messageId, f.severity])).toEqual([['similar', 'warning']]);
    const share = Number((findings[0]!.data as { share: string }).share);
    expect(share).toBeGreaterThan(50);
    expect(share).toBeLessThan(60);
    expect(findings[0]!.message).toContain('本年度报告与2023年度报告大部分相同');
  });

  it('a mutated 表三 二 (自然人 2 instead of 0) breaks the carry-over: warning naming row, column, expected and actual, at the cell', () => {
    const raw = fixture(HZQ2024_LAYOUT);
    const line = raw.split('\n').find((l) => l.startsWith('二、上年结转政府信息公开申请数量'))!;
    const mutatedLine = line.replace(/(\s)0(\s)/u, '$12$2');
    expect(mutatedLine).not.toBe(line);
    const mutated = raw.replace(line, mutatedLine);
    const { findings } = run(mutated, fixture(HZQ2023_LAYOUT));
    const carry = findings.filter((f) => f.messageId === 'carryOver');
    expect(carry.map((f) => [f.severity, f.data?.row, f.data?.column, f.expected, f.actual])).toEqual([
      ['warning', '二、上年结转政府信息公开申请数量', '自然人', 0, 2],
    ]);
    expect(sourceAt(mutated, carry[0]!)).toBe('2');
    expect(carry[0]!.message).toBe(
      '表三“二、上年结转政府信息公开申请数量”的“自然人”列为2，但2023年度报告表三“四、结转下年度继续办理”同列为0。上年结转下年度办理的申请，应等于本年的上年结转数（T3-7，推断规则，非官方）。请核对',
    );
  });

  it('the cross-year identities need consecutive years: 2024 given as its own previous report is not checked for carry-over', () => {
    const raw = fixture(HZQ2024_LAYOUT);
    const line = raw.split('\n').find((l) => l.startsWith('二、上年结转政府信息公开申请数量'))!;
    const mutated = raw.replace(line, line.replace(/(\s)0(\s)/u, '$12$2'));
    const { findings } = run(mutated, raw);
    expect(findings.filter((f) => f.messageId === 'carryOver' || f.messageId === 'stockFlow')).toEqual([]);
    expect(findings.map((f) => f.messageId)).toContain('duplicated');
  });

  it('a mutated 表二 现行有效件数 (9 instead of 8) breaks the stock/flow: warning with 5 + 3 − 0 = 8, at the cell', () => {
    const raw = fixture(HZQ2024_LAYOUT);
    const line = raw.split('\n').find((l) => l.startsWith('行政规范性文件'))!;
    const mutated = raw.replace(line, line.replace(/8\s*$/u, '9'));
    const { findings } = run(mutated, fixture(HZQ2023_LAYOUT));
    expect(findings.map((f) => [f.messageId, f.severity, f.data?.row, f.expected, f.actual])).toEqual([
      ['stockFlow', 'warning', '行政规范性文件', 8, 9],
    ]);
    expect(findings[0]!.data).toMatchObject({ previous: 5, issued: 3, repealed: 0, identity: 'T2-3' });
    expect(sourceAt(mutated, findings[0]!)).toBe('9');
    expect(findings[0]!.message).toContain('按2023年度报告的现行有效件数5加本年制发3、减本年废止0，应为8');
  });
});

// ---------------------------------------------------------------------------
// Seeds
// ---------------------------------------------------------------------------

describe('seeds', () => {
  const all = seeds();

  it.each(['000', '002', '003', '004'])('seed %s compared with itself: duplication error, problems section duplicated too', (id) => {
    const raw = all[id]!;
    const { findings, outcome } = run(raw, raw);
    expect(outcome.outcome).toBe('fail');
    const byId = Object.fromEntries(findings.map((f) => [f.messageId, f]));
    expect(byId.duplicated?.severity).toBe('error');
    expect(byId.duplicated?.actual).toBe(1);
    expect(byId.problemsDuplicated?.severity).toBe('error');
    expect(byId.similar).toBeUndefined();
  });

  it('seed 003 with itself: its non-zero statistics table is identical → warning; seed 002’s all-zero tables are not flagged', () => {
    const s3 = run(all['003']!, all['003']!).findings.filter((f) => f.messageId === 'identicalTable');
    expect(s3.map((f) => [f.severity, f.data?.table])).toEqual([['warning', '政府信息公开情况统计表']]);
    expect(run(all['002']!, all['002']!).findings.filter((f) => f.messageId === 'identicalTable')).toEqual([]);
  });

  it('seed 001 (no problems section) with itself: the narrative duplication only', () => {
    const raw = all['001']!;
    expect(run(raw, raw).findings.map((f) => f.messageId)).toEqual(['duplicated']);
  });

  it('two different seeds: no duplication finding', () => {
    for (const [cur, prev] of [
      ['004', '000'],
      ['003', '001'],
      ['002', '004'],
    ] as const) {
      const { findings } = run(all[cur]!, all[prev]!);
      expect(findings.filter((f) => /duplicated|similar|Duplicated|Similar/u.test(f.messageId))).toEqual([]);
    }
  });

  it('without a previous report the seeds show no stale year: pass', () => {
    for (const id of ['000', '001', '002', '003', '004']) {
      const { outcome, findings } = run(all[id]!);
      expect(findings).toEqual([]);
      expect(outcome.outcome).toBe('pass');
    }
  });
});

// ---------------------------------------------------------------------------
// Stale years (no previous report)
// ---------------------------------------------------------------------------

describe('stale years without a previous report (signals.md §5.4)', () => {
  const all = seeds();

  it('seed 000 audited as a 2018 report: 2017 is the most frequent year, and 「截至2017年12月31日」 three times', () => {
    const raw = all['000']!;
    const { findings } = run(raw, undefined, {}, { year: 2018 });
    expect(findings.map((f) => [f.messageId, f.severity])).toEqual([
      ['staleYear', 'warning'],
      ['staleAsOf', 'warning'],
      ['staleAsOf', 'warning'],
      ['staleAsOf', 'warning'],
    ]);
    expect(findings[0]!.data).toMatchObject({ year: 2018, staleYear: 2017, yearCount: 0 });
    expect(sourceAt(raw, findings[1]!)).toBe('截至2017年12月31日');
    expect(findings[1]!.message).toBe('正文写“截至2017年12月31日”，是上一年度的日期；2018年度报告应写“截至2018年12月31日”。可能沿用了往年报告的文字');
  });

  it('「(Y−1)年，我镇…」 in the body is an info; the same year in the problems/plan section is not', () => {
    const body = '某镇2024年政府信息公开工作年度报告\n一、总体情况\n2023年，我镇主动公开政府信息120条。2024年，我镇持续推进政务公开。\n五、存在的主要问题及改进情况\n2023年，我镇存在的问题已整改。2025年将继续加强。\n';
    const { findings } = run(body);
    expect(findings.map((f) => [f.messageId, f.severity])).toEqual([['staleOpening', 'info']]);
    expect(sourceAt(body, findings[0]!)).toBe('2023年，我镇');
  });

  it('cited documents 《…》 and 〔YYYY〕 do not count as narrative years', () => {
    const text = '某县2017年政府信息公开工作年度报告\n一、概述\n根据《2016年政务公开工作要点》和《关于做好2016年度报告的通知》（〔2016〕1号），2017年我县推进公开。\n';
    const r = staleYears({ text, tableRanges: [], sections: [] }, 2017);
    expect([...r.counts.entries()]).toEqual([[2017, 2]]);
    expect(r.mostFrequent).toBeNull();
  });

  it('inapplicable without a previous report when there is no report year, or no year in the narrative', () => {
    const noYear = run('政府信息公开工作年度报告\n一、总体情况\n本机关认真做好政府信息公开工作。\n');
    expect(noYear.outcome.outcome).toBe('inapplicable');
    expect(noYear.findings).toEqual([]);
  });
});

describe('options, messages and hostile input', () => {
  it('en message', () => {
    const raw = seeds()['002']!;
    const { findings } = run(raw, raw, { config: { locale: 'en' } });
    expect(findings[0]!.message).toBe(
      'The report largely repeats the 2024 report: without years and tables, 100.0% of its text is the same as last year’s (error threshold 90%). Rewrite it for this year',
    );
  });

  it('bad options are rejected', () => {
    expect(() => auditWithRule(rule, 'x', { severity: 'warning', options: { warningThreshold: 2 } })).toThrow(/invalid options/);
  });

  it('finishes quickly on long repetitive input as current and previous report', () => {
    const hostile = ['2024年政府信息公开工作年度报告', '2023年'.repeat(20000), '截至2023年12月31日'.repeat(5000), '《'.repeat(20000), '甲'.repeat(100000)].join('\n');
    // Two reports' worth of text when the previous report is the same hostile text.
    expectLinearCost(() => run(hostile, hostile, {}, { year: 2024 }), 2 * hostile.length);
    expectLinearCost(() => run(hostile, undefined, {}, { year: 2024 }), hostile.length);
  });
});
