import { describe, expect, it } from '@jest/globals';
import { auditWithRule, findingsOf, outcomeOf } from 'xxgk-audit/testing';
import type { AuditInput, AuditResult, Finding } from '../../src/types';
import { normalize } from '../../src/normalize/index';
import rule from '../../rules/structure';
import { checkStructure, chineseOrdinal, findIntroPromise } from '../../rules/detect/structure';
import { expectLinearCost, fixture, seeds } from '../helpers';

const RULE = 'structure';
const all = seeds();

const ids = (r: AuditResult) => findingsOf(r, RULE).map((f) => `${f.messageId}:${f.severity}`);
const byId = (r: AuditResult, id: string) => findingsOf(r, RULE).filter((f) => f.messageId === id);
const at = (source: string, f: Finding) => source.slice(f.position.start.offset, f.position.end.offset);
const md = (file: string): AuditInput => ({ content: fixture(file), format: 'markdown' });

describe('the seeds (defects.md §F)', () => {
  it('seed 004: the intro promises 六个部分 (incl. separate 收费 and 复议诉讼), the body has five → introMismatch (warning)', () => {
    const source = all['004']!;
    const r = auditWithRule(rule, source);
    const [f] = byId(r, 'introMismatch');
    expect(f).toBeDefined();
    expect(f!.severity).toBe('warning');
    expect(f!.data).toMatchObject({ promised: '六', promisedCount: 6, actual: 5 });
    expect(f!.data!.missing).toEqual(['“收费及减免情况”', '“行政复议、行政诉讼情况”']);
    expect([f!.expected, f!.actual]).toEqual([6, 5]);
    expect(at(source, f!)).toMatch(/^全文包括工作开展情况.*六个部分$/u);
    expect(outcomeOf(r, RULE).outcome).toBe('fail');
  });

  it('seed 004: 「(一)」「(二) 」 then 「（三）」「（四）」 — mixed parentheses (info), found in the source although the analysed text is folded', () => {
    const source = all['004']!;
    const r = auditWithRule(rule, source);
    const [f] = byId(r, 'mixedParentheses');
    expect(f!.severity).toBe('info');
    expect(f!.data).toMatchObject({ half: 2, full: 4 });
    expect(at(source, f!).startsWith('(一)统一认识')).toBe(true);
    expect(r.report.sections.filter((s) => s.depth === 2).every((s) => !s.title.includes('（'))).toBe(true);
  });

  it('seed 000: the intro lists six parts counting 基本概况 but not 其他, the body has those six → no mismatch; nothing else', () => {
    const r = auditWithRule(rule, all['000']!);
    expect(findingsOf(r, RULE)).toEqual([]);
    expect(outcomeOf(r, RULE).outcome).toBe('pass');
  });

  it('seed 001 has no title line (the text opens with a sentence) → missingTitle (info) only', () => {
    const r = auditWithRule(rule, all['001']!);
    expect(ids(r)).toEqual(['missingTitle:info']);
    expect(outcomeOf(r, RULE).outcome).toBe('pass');
  });

  it.each(['002', '003'])('seed %s: numbering, title and parentheses in order → pass without findings', (id) => {
    const r = auditWithRule(rule, all[id]!);
    expect(findingsOf(r, RULE)).toEqual([]);
    expect(outcomeOf(r, RULE).outcome).toBe('pass');
  });
});

describe('the peer reports', () => {
  it('上海市科委 2024: two numbering systems (一…六 work areas, then 一、二、三、五 statutory parts) → numbering findings', () => {
    const r = auditWithRule(rule, md('peers/kirogovcompare__kewei-2024-source.md'));
    expect(ids(r).sort()).toEqual(
      ['gap:warning', 'introMismatch:warning', 'overviewPromoted:warning', 'restart:warning', 'shifted:warning'].sort(),
    );
    expect(byId(r, 'restart')[0]!.data).toMatchObject({ heading: '一、主动公开政府信息情况', previous: '六、政府信息公开平台建设' });
    expect(byId(r, 'gap')[0]!.data).toMatchObject({ heading: '五、其他需要报告的事项', missing: ['四'] });
    expect(byId(r, 'overviewPromoted')[0]!.data!.headings).toEqual([
      '“三、主动公开工作情况”',
      '“四、政府信息公开申请情况”',
      '“五、政府信息管理”',
      '“六、政府信息公开平台建设”',
    ]);
    const shifted = byId(r, 'shifted')[0]!;
    expect(shifted.data).toMatchObject({ count: 4, offset: 1 });
    expect([shifted.expected, shifted.actual]).toEqual([[2, 3, 4, 6], [1, 2, 3, 5]]);
    // 「…其他需要报告的事项等六\n部分」: the count broken over two lines is still read.
    expect(byId(r, 'introMismatch')[0]!.data).toMatchObject({ promisedCount: 6, actual: 10, missing: ['“存在的主要问题及改进情况”'] });
  });

  it('上海市人民政府办公厅 2025: this extraction has no 「五、」 heading (its 问题 items sit after 表四) → gap; title and intro fine', () => {
    const r = auditWithRule(rule, md('peers/kirogovcompare__shanghai-office-2025-source.md'));
    expect(ids(r)).toEqual(['gap:warning']);
    expect(byId(r, 'gap')[0]!.data).toMatchObject({ heading: '六、其他需要报告的事项', expected: '五' });
  });

  it.each([
    ['洪泽区 2023', 'peers/kirogovcompare__hzq2023.txt'],
    ['洪泽区 2024', 'peers/kirogovcompare__hzq2024.txt'],
    ['淮安市 2024', 'peers/govnianbao__huaian2024.txt'],
  ])('%s: 一…六 in template order, table row labels read as headings are not mixed parentheses → pass', (_name, file) => {
    const r = auditWithRule(rule, fixture(file));
    expect(findingsOf(r, RULE)).toEqual([]);
  });
});

describe('numbering (sections.md §3.1)', () => {
  it('a restart in an E1 report (seed 004 with 「一、下一步工作安排」 after 「四、」) → restart', () => {
    const text = all['004']!.replace('五、下一步工作安排', '一、下一步工作安排');
    const r = auditWithRule(rule, text);
    const [f] = byId(r, 'restart');
    expect(f!.data).toMatchObject({ heading: '一、下一步工作安排', previous: '四、存在的主要问题', expected: '五' });
    expect(at(text, f!)).toBe('一、下一步工作安排');
  });

  it('the titles of 五 and 六 swapped (seed 002): each ordinal mismatches its part → two mismatch warnings, no shift', () => {
    const text = all['002']!
      .replace('五、存在的主要问题及改进情况', '五、其他需要报告的事项')
      .replace('六、其他需要报告的事项', '六、存在的主要问题及改进情况');
    const r = auditWithRule(rule, text);
    const mismatches = byId(r, 'mismatch');
    expect(mismatches.map((f) => [f.data!.heading, f.data!.expected, f.data!.actual])).toEqual([
      ['五、其他需要报告的事项', '六', '五'],
      ['六、存在的主要问题及改进情况', '五', '六'],
    ]);
    expect(byId(r, 'shifted')).toEqual([]);
    expect(at(text, mismatches[0]!)).toBe('五、其他需要报告的事项');
  });

  it('seed 002 in template order: no mismatch, no shift', () => {
    expect(byId(auditWithRule(rule, all['002']!), 'mismatch').concat(byId(auditWithRule(rule, all['002']!), 'shifted'))).toEqual([]);
  });

  it('the template checks need the era: without a report year only restarts and gaps are checked', () => {
    const text = '政府信息公开工作年度报告\n\n一、总体情况\n\n本机关认真贯彻落实。\n\n三、政府信息管理\n\n加强管理。\n';
    const r = auditWithRule(rule, text);
    expect(r.report.year).toBeNull();
    expect(ids(r)).toEqual(['gap:warning']);
    expect(ids(auditWithRule(rule, { content: text, meta: { year: 2023 } })).sort()).toEqual(['gap:warning', 'overviewPromoted:warning']);
  });

  it('numbering: false switches the numbering checks off', () => {
    const r = auditWithRule(rule, md('peers/kirogovcompare__kewei-2024-source.md'), { severity: 'warning', options: { numbering: false } });
    expect(ids(r)).toEqual(['introMismatch:warning']);
  });
});

describe('title (WRONG_TITLE)', () => {
  const retitle = (title: string) => all['002']!.replace('焦虎镇 2024 年政府信息公开工作年度报告', title);

  it('「…政府信息公开工作报告」 (no 年度报告) → wrongTitle (warning)', () => {
    const text = retitle('焦虎镇 2024 年政府信息公开工作报告');
    const r = auditWithRule(rule, text);
    expect(ids(r)).toEqual(['wrongTitle:warning']);
    expect(at(text, findingsOf(r, RULE)[0]!)).toBe('焦虎镇 2024 年政府信息公开工作报告');
  });

  it('a cover letter first (「关于报送…的报告」) → transmittal (warning)', () => {
    const text = `关于报送焦虎镇2024年政府信息公开工作年度报告的报告\n\n${all['002']!}`;
    const r = auditWithRule(rule, text);
    expect(ids(r)).toEqual(['transmittal:warning']);
    expect(findingsOf(r, RULE)[0]!.data!.line).toBe('关于报送焦虎镇2024年政府信息公开工作年度报告的报告');
  });

  it('「…政务公开工作年报」 ([S31]) → informalTitle (info): acceptable, noted', () => {
    const r = auditWithRule(rule, retitle('焦虎镇 2024 年政务公开工作年报'));
    expect(ids(r)).toEqual(['informalTitle:info']);
    expect(findingsOf(r, RULE)[0]!.message).toContain('年报');
    expect(outcomeOf(r, RULE).outcome).toBe('pass');
  });

  it('the seeds’ titles (「2018年政府信息公开年度报告」, 「高台县2016年政府信息公开工作年度报告」) are fine', () => {
    for (const id of ['002', '003', '004']) expect(byId(auditWithRule(rule, all[id]!), 'wrongTitle').concat(byId(auditWithRule(rule, all[id]!), 'informalTitle'))).toEqual([]);
  });
});

describe('pure functions', () => {
  it('chineseOrdinal', () => {
    expect([1, 4, 10, 11, 20, 23].map(chineseOrdinal)).toEqual(['一', '四', '十', '十一', '二十', '二十三']);
  });

  it('findIntroPromise: 「本报告由…共六个部分组成」 (seed 000, after normalisation), and 「部分公开」 is never a count', () => {
    const text = normalize(all['000']!).text;
    const p = findIntroPromise(text, 0, text.indexOf('一、政府信息公开工作的基本概况'));
    expect(p).toMatchObject({ count: 6, written: '六' });
    expect(p!.keys.sort()).toEqual(['fees', 'overview', 'proactive', 'problems', 'requests', 'review-litigation'].sort());
    expect(findIntroPromise('本报告中,予以公开3件,共2部分公开。', 0, 30)).toBeNull();
  });

  it('checkStructure without sourceSlice skips the parentheses check', () => {
    const text = '2020年政府信息公开工作年度报告\n一、总体情况\n(一)主动公开\n（二）依申请公开\n';
    const head = (h: string) => {
      const a = text.indexOf(h);
      return { headingStart: a, headingEnd: a + h.length, start: a + h.length + 1 };
    };
    const sections = [
      { key: 'overview' as const, title: '总体情况', heading: '一、总体情况', depth: 1, ordinal: 1, ...head('一、总体情况'), end: text.length, parent: -1 },
      { key: 'proactive' as const, title: '主动公开', heading: '(一)主动公开', depth: 2, ordinal: 1, ...head('(一)主动公开'), end: text.indexOf('（二）'), parent: 0 },
      { key: 'requests' as const, title: '依申请公开', heading: '（二）依申请公开', depth: 2, ordinal: 2, ...head('（二）依申请公开'), end: text.length, parent: 0 },
    ];
    const input = { text, sections, era: 'E2' as const, title: { text: '2020年政府信息公开工作年度报告', start: 0, end: 18 }, lines: [] };
    expect(checkStructure(input)).toEqual([]);
    const withSource = checkStructure({ ...input, sourceSlice: (a: number, b: number) => text.slice(a, b) });
    expect(withSource.map((f) => f.messageId)).toEqual(['mixedParentheses']);
  });
});

describe('inputs and applicability', () => {
  it('an empty text is not audited: AuditInputError EMPTY', () => {
    expect(() => auditWithRule(rule, '   \n  ')).toThrow(expect.objectContaining({ code: 'EMPTY' }));
  });

  it('docs say what it needs', () => {
    expect(rule.meta.docs.requires).toMatch(/text/);
    expect(rule.meta.docs.requires).toMatch(/era/);
  });
});

describe('messages', () => {
  it('every message is filled in both locales (no {{placeholder}} left)', () => {
    const retitle = (title: string) => all['002']!.replace('焦虎镇 2024 年政府信息公开工作年度报告', title);
    const inputs: Array<string | AuditInput> = [
      all['004']!,
      all['001']!,
      md('peers/kirogovcompare__kewei-2024-source.md'),
      all['002']!.replace('五、存在的主要问题及改进情况', '五、其他需要报告的事项').replace('六、其他需要报告的事项', '六、存在的主要问题及改进情况'),
      retitle('焦虎镇 2024 年政府信息公开工作报告'),
      retitle('焦虎镇 2024 年政务公开工作年报'),
      `关于报送焦虎镇2024年政府信息公开工作年度报告的报告\n\n${all['002']!}`,
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
  it('finishes on many headings, long lists before 「部分」 and long cover-letter lines', () => {
    const hostile = [
      '关于报送' + '报'.repeat(50000),
      '现将' + '将'.repeat(50000),
      '全文包括' + '、'.repeat(50000) + '六个部分',
      '本报告' + '部分'.repeat(20000),
      ...Array.from({ length: 3000 }, (_, i) => `${chineseOrdinal((i % 9) + 1)}、主动公开\n(一)x\n（二）y`),
    ].join('\n');
    expectLinearCost(() => auditWithRule(rule, { content: hostile, meta: { year: 2022 } }), hostile.length);
  });
});
