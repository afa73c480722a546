/**
 * xxgk-audit/testing: the rule tester passes a correct table and fails, with a message that says
 * what differs, on every kind of wrong expectation. The cases are collected with RuleTester.it set
 * to a collector, then run here one by one.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { definePlugin, defineRule, type AuditResult } from 'xxgk-audit';
import {
  auditWithRule,
  findingsOf,
  outcomeOf,
  RuleAssertionError,
  RuleTester,
  type InvalidCase,
  type RuleTests,
  type ValidCase,
} from 'xxgk-audit/testing';
import * as testingEntry from 'xxgk-audit/testing';

const TITLE = '某镇2024年政府信息公开工作年度报告';
const report = (body: string) => `${TITLE}\n一、总体情况\n${body}\n`;

/** Wants 「公开指南」 (a warning at the title); 「请人工核对」 gets an info; before 2008 it is inapplicable; 「崩溃」 makes it throw. */
const guide = defineRule({
  meta: {
    id: 'guide',
    impact: 'moderate',
    docs: { description: { 'zh-CN': '提及公开指南', en: 'Mentions the guide' } },
    messages: {
      missing: { severity: 'warning', text: { 'zh-CN': '未提及“{{phrase}}”', en: 'Does not mention "{{phrase}}"' } },
      check: { severity: 'info', text: { 'zh-CN': '请人工核对', en: 'Check by hand' } },
    },
    schema: { type: 'object', properties: { phrase: { type: 'string' } }, additionalProperties: false },
    defaultOptions: { phrase: '公开指南' },
  },
  create(context) {
    return {
      'root:exit'() {
        const { model } = context;
        if (model.year !== null && model.year < 2008) return context.inapplicable('before the Regulations');
        if (model.text.includes('崩溃')) throw new Error('boom');
        const phrase = context.options.phrase as string;
        if (!model.text.includes(phrase)) context.report({ messageId: 'missing', data: { phrase, n: [1, 2] }, expected: phrase, actual: null });
        const at = model.text.indexOf('请人工核对');
        if (at >= 0) context.report({ messageId: 'check', range: [at, at + 5] });
      },
    };
  },
});

interface Collected {
  name: string;
  fn: () => void;
}

/** The `it`s RuleTester declares for `tests`, with their describe path. */
function collect(tests: RuleTests, tester = new RuleTester()): Collected[] {
  const path: string[] = [];
  const cases: Collected[] = [];
  RuleTester.describe = (name, fn) => {
    path.push(name);
    fn();
    path.pop();
  };
  RuleTester.it = (name, fn) => void cases.push({ name: [...path, name].join(' › '), fn });
  tester.run('guide', guide, tests);
  return cases;
}

/** The message of the failure of the only case of `tests`, or null when it passes. */
function failureOf(tests: Partial<RuleTests>, tester?: RuleTester): string | null {
  const cases = collect({ valid: [], invalid: [], ...tests }, tester);
  expect(cases).toHaveLength(1);
  try {
    cases[0]!.fn();
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(RuleAssertionError);
    expect((e as Error).name).toBe('AssertionError');
    return (e as Error).message;
  }
}
const invalid = (c: InvalidCase) => failureOf({ invalid: [c] });
const valid = (c: string | ValidCase) => failureOf({ valid: [c] });

afterEach(() => {
  RuleTester.describe = null;
  RuleTester.it = null;
  RuleTester.itOnly = null;
});

describe('RuleTester: a correct table passes', () => {
  it('declares describe(rule) › valid/invalid with one it per case, named by name or input', () => {
    const cases = collect({
      valid: [report('已更新政府信息公开指南。'), { name: 'old', input: report('无'), meta: { year: 2006 }, outcome: 'inapplicable' }],
      invalid: [{ input: report('无'), errors: 1 }],
    });
    expect(cases.map((c) => c.name)).toEqual([
      `guide › valid › ${TITLE} 一、总体情况 已更新政府信息公开指南。`,
      'guide › valid › old',
      `guide › invalid › ${TITLE} 一、总体情况 无`,
    ]);
    for (const c of cases) c.fn();
  });

  it('checks every field given: messageId, severity, kind, message, data subset, expected/actual, position, snippet, text, section', () => {
    expect(
      invalid({
        input: report('无'),
        errors: [
          {
            messageId: 'missing',
            severity: 'warning',
            kind: 'fail',
            message: '未提及“公开指南”',
            data: { phrase: '公开指南', n: [1, 2] },
            expected: '公开指南',
            actual: null,
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: TITLE.length + 1,
            snippet: TITLE,
            text: /^某镇2024年/,
          },
        ],
      }),
    ).toBeNull();
  });

  it('options, severity, messages, meta, config (locale) and outcome/reason are applied', () => {
    expect(invalid({ input: report('指南'), options: { phrase: '指南X' }, errors: [{ messageId: 'missing', data: { phrase: '指南X' } }] })).toBeNull();
    expect(invalid({ input: report('无'), severity: 'error', errors: [{ messageId: 'missing', severity: 'error' }] })).toBeNull();
    expect(invalid({ input: report('无'), messages: { missing: 'info' }, outcome: 'pass', errors: [{ messageId: 'missing', severity: 'info', kind: 'review' }] })).toBeNull();
    expect(invalid({ input: report('无'), config: { locale: 'en' }, errors: [{ messageId: 'missing', message: /^Does not mention/ }] })).toBeNull();
    // A global RegExp matches from the start every time and keeps its lastIndex.
    const global = /公开指南/g;
    global.lastIndex = 3;
    expect(invalid({ input: report('无'), errors: [{ messageId: 'missing', message: global, data: { phrase: global } }] })).toBeNull();
    expect(valid({ input: report('无'), meta: { year: 2006 }, outcome: 'inapplicable', reason: /Regulations/g })).toBeNull();
    expect(global.lastIndex).toBe(3);
    expect(valid({ input: report('无'), meta: { year: 2006 }, outcome: 'inapplicable', reason: /Regulations/ })).toBeNull();
    expect(valid({ input: { content: report('无'), meta: { year: 2006 } }, outcome: 'inapplicable' })).toBeNull();
  });

  it('tester defaults apply to each case; a case overrides them', () => {
    const tester = new RuleTester({ config: { locale: 'en' }, options: { phrase: '无' } });
    expect(failureOf({ valid: [report('无')] }, tester)).toBeNull();
    expect(failureOf({ invalid: [{ input: report('无'), options: { phrase: '指南' }, errors: [{ messageId: 'missing', message: 'Does not mention "指南"' }] }] }, tester)).toBeNull();
  });

  it('only: true uses RuleTester.itOnly', () => {
    const only: string[] = [];
    RuleTester.itOnly = (name) => void only.push(name);
    const cases = collect({ valid: [{ input: report('公开指南'), name: 'solo', only: true }], invalid: [] });
    expect(only).toEqual(['solo']);
    expect(cases).toEqual([]);
  });
});

describe('RuleTester: a wrong expectation fails with what differs', () => {
  it('a wrong messageId (one the rule has)', () => {
    const m = invalid({ input: report('无 请人工核对'), errors: [{ messageId: 'missing' }, { messageId: 'missing' }], outcome: 'fail' });
    expect(m).toContain('invalid case 1 ("某镇2024年政府信息公开工作年度报告 一、总体情况 无 请人工核对") of rule "guide": finding 2 of 2: messageId differs');
    expect(m).toContain('  expected: "missing"\n  actual:   "check"');
    expect(m).toContain('the rule reported 2:\n  1. missing (warning) at 1:1 「某镇2024年政府信息公开工作年度报告」: 未提及“公开指南”\n  2. check (info) at 3:3 「请人工核对」: 请人工核对');
  });

  it('a messageId the rule does not have', () => {
    expect(invalid({ input: report('无'), errors: [{ messageId: 'absent' }] })).toMatch(/unknown messageId "absent"; the rule's messages: missing, check$/);
  });

  it('the error carries expected and actual for the framework’s diff', () => {
    const [c] = collect({ valid: [], invalid: [{ input: report('无'), errors: 2 }] });
    let error: unknown;
    try {
      c!.fn();
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ name: 'AssertionError', code: 'ERR_ASSERTION', generatedMessage: false, operator: 'deepStrictEqual', expected: 2, actual: ['missing'] });
    expect(invalid({ input: report('无'), errors: [{ messageId: 'missing', message: /x/ }] })).toContain('message differs');
  });

  it('a wrong count, as a number and as a list', () => {
    const m = invalid({ input: report('无'), errors: 2 });
    expect(m).toContain(': expected 2 findings, got 1\n  expected: 2\n  actual:   ["missing"]');
    expect(invalid({ input: report('公开指南 请人工核对'), errors: [{ messageId: 'check' }, { messageId: 'check' }] })).toContain(
      'expected 2 findings, got 1\n  expected: ["check","check"]\n  actual:   ["check"]',
    );
    expect(invalid({ input: report('无'), errors: 0 })).toMatch(/`errors` must be a positive count or a non-empty list/);
    expect(invalid({ input: report('无'), errors: [] })).toMatch(/`errors` must be a positive count or a non-empty list/);
  });

  it('a finding in a valid case', () => {
    const m = valid(report('无'));
    expect(m).toContain('valid case 1 ("某镇2024年政府信息公开工作年度报告 一、总体情况 无") of rule "guide": expected no finding, got 1');
    expect(m).toContain('the rule\'s outcome: fail');
    expect(m).toContain('1. missing (warning) at 1:1');
  });

  it('a wrong outcome, in a valid and in an invalid case', () => {
    expect(valid({ input: report('公开指南'), meta: { year: 2006 } })).toContain('outcome differs\n  expected: "pass"\n  actual:   "inapplicable"');
    expect(valid({ input: report('公开指南'), outcome: 'inapplicable' })).toContain('outcome differs\n  expected: "inapplicable"\n  actual:   "pass"');
    // Only an info finding: the rule passes, and an invalid case expects 'fail' unless told.
    expect(invalid({ input: report('公开指南 请人工核对'), errors: 1 })).toContain('outcome differs\n  expected: "fail"\n  actual:   "pass"');
    expect(valid({ input: report('公开指南'), meta: { year: 2006 }, outcome: 'inapplicable', reason: 'x' })).toContain(
      'outcome reason differs\n  expected: "x"\n  actual:   "before the Regulations"',
    );
  });

  it('each other field', () => {
    const one = (e: Record<string, unknown>) => invalid({ input: report('无'), errors: [{ messageId: 'missing', ...e }] });
    expect(one({ severity: 'error' })).toContain('finding 1 of 1: severity differs\n  expected: "error"\n  actual:   "warning"');
    expect(one({ kind: 'review' })).toContain('kind differs');
    expect(one({ message: /Does not/ })).toContain('message differs\n  expected: /Does not/\n  actual:   "未提及“公开指南”"');
    expect(one({ data: { phrase: '指南' } })).toContain('data (the keys given) differs\n  expected: {"phrase":"指南"}\n  actual:   {"phrase":"公开指南"}');
    expect(one({ data: { n: [1] } })).toContain('data (the keys given) differs\n  expected: {"n":[1]}\n  actual:   {"n":[1,2]}');
    expect(one({ data: { other: undefined, phrase: '公开指南' } })).toBeNull();
    expect(one({ expected: '指南' })).toContain('expected differs');
    expect(one({ actual: undefined })).toContain('actual differs\n  expected: undefined\n  actual:   null');
    expect(one({ line: 2 })).toContain('line differs\n  expected: 2\n  actual:   1');
    expect(one({ column: 2 })).toContain('column differs');
    expect(one({ endLine: 2 })).toContain('endLine differs');
    expect(one({ endColumn: 2 })).toContain('endColumn differs');
    expect(one({ snippet: '某镇' })).toContain('snippet differs');
    expect(one({ text: '某镇' })).toContain(`text differs\n  expected: "某镇"\n  actual:   "${TITLE}"`);
    expect(one({ section: 'overview' })).toContain('section differs\n  expected: "overview"\n  actual:   undefined');
  });

  it('a rule that throws fails the case, valid or invalid', () => {
    expect(valid(report('崩溃'))).toMatch(/: the rule threw: boom/);
    expect(invalid({ input: report('崩溃'), errors: 1 })).toMatch(/: the rule threw: boom/);
  });

  it('tests without tables, and an id that is not the rule\'s, are refused', () => {
    expect(() => new RuleTester().run('guide', guide, { valid: [] } as unknown as RuleTests)).toThrow(TypeError);
    expect(() => new RuleTester().run('other', guide, { valid: [], invalid: [] })).toThrow('RuleTester.run: "other" is not the rule\'s meta.id ("guide")');
  });
});

describe('RuleTester: the framework functions', () => {
  it('default to the global describe/it (jest here)', () => {
    const g = globalThis as unknown as { describe: unknown; it: unknown };
    expect(RuleTester.describe).toBe(g.describe);
    expect(RuleTester.it).toBe(g.it);
    expect(RuleTester.itOnly).toBe((g.it as { only: unknown }).only);
  });

  it('without globals, describe runs its block and it runs the case at once (a failure throws)', () => {
    const g = globalThis as unknown as Record<string, unknown>;
    const saved = { describe: g.describe, it: g.it };
    try {
      delete g.describe;
      delete g.it;
      expect(() => new RuleTester().run('guide', guide, { valid: [report('公开指南')], invalid: [{ input: report('无'), errors: 1 }] })).not.toThrow();
      expect(() => new RuleTester().run('guide', guide, { valid: [report('无')], invalid: [] })).toThrow(RuleAssertionError);
    } finally {
      Object.assign(g, saved);
    }
  });
});

describe('the helpers', () => {
  it('auditWithRule runs only the rule under test unless allRules; findingsOf and outcomeOf read the result', () => {
    const r: AuditResult = auditWithRule(guide, report('无'));
    expect(r.rules.map((o) => o.ruleId)).toEqual(['guide']);
    expect(findingsOf(r, 'guide').map((f) => f.messageId)).toEqual(['missing']);
    expect(outcomeOf(r, 'guide').outcome).toBe('fail');
    const all = auditWithRule(guide, report('无'), { allRules: true });
    expect(all.rules.length).toBeGreaterThan(10);
    expect(outcomeOf(all, 'guide').outcome).toBe('fail');
    expect(() => outcomeOf(r, 'contact-info')).toThrow('rule "contact-info" did not run (rules run: guide)');
  });

  it('auditWithRule applies options through the config (validated)', () => {
    const r = auditWithRule(guide, report('无'), { options: { phrase: '无' } });
    expect(outcomeOf(r, 'guide').outcome).toBe('pass');
    expect(() => auditWithRule(guide, report('无'), { options: { phrase: 1 } })).toThrow(/rule "guide": invalid options/);
  });

  it('the entry exports the tester, the helpers and the error class only', () => {
    expect(Object.keys(testingEntry).sort()).toEqual(['RuleAssertionError', 'RuleTester', 'auditWithRule', 'findingsOf', 'outcomeOf']);
  });
});

// The README's example ("Writing a rule" and "Testing a rule"), as written there: real jest tests.
const noDraftMark = defineRule({
  meta: {
    id: 'no-draft-mark',
    impact: 'minor',
    docs: { description: { 'zh-CN': '正式稿不应含“征求意见稿”字样', en: 'No draft mark in a published report' } },
    messages: { draft: { severity: 'warning', text: { 'zh-CN': '报告仍含“{{mark}}”', en: 'The report still says "{{mark}}"' } } },
  },
  create(context) {
    return {
      'root:exit'() {
        const i = context.model.text.indexOf('征求意见稿');
        if (i >= 0) context.report({ messageId: 'draft', range: [i, i + 5], data: { mark: '征求意见稿' } });
      },
    };
  },
});
const plugin = definePlugin({ name: 'my-rules', rules: { 'no-draft-mark': noDraftMark } });

new RuleTester().run('no-draft-mark', plugin.rules['no-draft-mark']!, {
  valid: [
    '某镇2024年政府信息公开工作年度报告\n一、总体情况\n本年度……',
    { name: 'a year given in meta', input: '某镇政府信息公开工作年度报告\n一、总体情况\n本年度……', meta: { year: 2024 } },
  ],
  invalid: [
    {
      name: 'a draft mark',
      input: '某镇2024年政府信息公开工作年度报告（征求意见稿）\n一、总体情况\n……',
      errors: [{ messageId: 'draft', severity: 'warning', data: { mark: '征求意见稿' }, line: 1, text: '征求意见稿' }],
    },
    {
      input: '某镇2024年政府信息公开工作年度报告\n一、总体情况\n（征求意见稿）',
      config: { locale: 'en' },
      errors: [{ messageId: 'draft', message: 'The report still says "征求意见稿"', line: 3 }],
    },
  ],
});
