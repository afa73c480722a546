import { describe, expect, it } from '@jest/globals';
import { AuditConfigError, createAuditor, getRules } from '../../src/index';
import { auditWithRule, findingsOf, outcomeOf, RuleTester } from 'xxgk-audit/testing';
import { lineColumn, seeds } from '../../test/helpers';
import plugin, { requiredPhrases } from './index';

const all = seeds();
const RULE = 'required-phrases';
const MISSING = '报告未提及“政府信息公开指南”';

// The rule's valid/invalid tables, as a plugin author writes them with xxgk-audit/testing.
new RuleTester().run(RULE, requiredPhrases, {
  valid: [
    // Seed 003 names the 政府信息公开指南; seed 000 does so in traditional script (政府信息公開指南).
    { name: 'seed 003', input: { content: all['003']!, uri: '003.txt' } },
    { name: 'seed 000 (traditional script)', input: { content: all['000']!, uri: '000.txt' } },
    // A phrase broken over two lines, as PDF extraction leaves it.
    '某镇2024年政府信息公开工作年度报告\n一、总体情况\n本单位已更新政府信息\n公开指南。\n',
  ],
  invalid: [
    // Seeds that never mention it: a Chinese message, at the title when there is one.
    { name: 'seed 001 (no title)', input: { content: all['001']!, uri: '001.txt' }, errors: [{ messageId: 'missing', severity: 'warning', message: MISSING }] },
    ...(['002', '004'] as const).map((id) => ({
      name: `seed ${id}`,
      input: { content: all[id]!, uri: `${id}.txt` },
      errors: [{ messageId: 'missing', severity: 'warning' as const, message: MISSING, text: /年/ }],
    })),
    {
      name: 'English with locale en',
      input: all['004']!,
      config: { locale: 'en' },
      errors: [{ messageId: 'missing', message: 'The report does not mention "政府信息公开指南"' }],
    },
    {
      name: 'a check by hand (info, not scored as a failure) when the section is missing',
      input: all['004']!,
      severity: 'warning',
      options: { phrases: ['信息处理费'], section: 'other' },
      errors: [{ messageId: 'noSection', severity: 'info', kind: 'review' }],
      outcome: 'pass',
    },
  ],
});

describe('examples/custom-rule: a third-party plugin registered through definePlugin', () => {
  const auditor = createAuditor({ plugins: [plugin] });

  it('is registered beside the built-in rules and its metadata is listed by getRules', () => {
    expect(auditor.rules.map((r) => r.id)).toContain('required-phrases');
    const meta = getRules({ plugins: [plugin] }).find((r) => r.id === 'required-phrases')?.meta;
    expect(meta?.docs.description['zh-CN']).toContain('政府信息公开指南');
    expect(Object.keys(meta?.messages ?? {})).toEqual(['missing', 'missingInSection', 'noSection']);
  });

  it('passes the seeds that name the guide and fails the others with the built-in rules on too (the plugin as configured)', () => {
    expect(all['000']).toContain('政府信息公開指南'); // the raw text is traditional
    for (const id of ['000', '003']) expect(outcomeOf(auditor.audit({ content: all[id]!, uri: `${id}.txt` }), RULE).outcome).toBe('pass');
    for (const id of ['001', '002', '004']) {
      const r = auditor.audit({ content: all[id]!, uri: `${id}.txt` });
      expect(outcomeOf(r, RULE).outcome).toBe('fail');
      const [f, ...rest] = findingsOf(r, RULE);
      expect(rest).toEqual([]);
      expect(f?.impact).toBe('moderate');
    }
  });

  it('points at the title line of seed 002 (line 3 of the original file)', () => {
    const r = auditor.audit(all['002']!);
    const f = findingsOf(r, RULE)[0]!;
    const title = all['002']!.indexOf('焦虎镇 2024 年政府信息公开工作年度报告');
    expect(f.position.start).toEqual({ ...lineColumn(all['002']!, title), offset: title });
    expect(f.snippet).toBe('焦虎镇 2024 年政府信息公开工作年度报告');
  });

  it('takes its phrases and the section from options, and reports at that section heading', () => {
    const r = auditWithRule(requiredPhrases, all['002']!, { severity: 'warning', options: { phrases: ['信息处理费', '无'], section: 'other' } });
    // Section 六 of seed 002 says only 「无」: it mentions 无 but not the 信息处理费.
    expect(findingsOf(r, RULE).map((f) => f.message)).toEqual(['“其他需要报告的事项”部分未提及“信息处理费”']);
    const f = findingsOf(r, RULE)[0]!;
    const heading = all['002']!.indexOf('六、其他需要报告的事项');
    expect(f.position.start.offset).toBe(heading);
    expect(f.position.start.line).toBe(lineColumn(all['002']!, heading).line);
    expect(f.section).toEqual({ key: 'other', title: '其他需要报告的事项' });
  });

  it('raises its findings to errors when configured so, and the report then fails', () => {
    const r = auditWithRule(requiredPhrases, all['002']!, { severity: 'error' });
    expect(findingsOf(r, RULE)[0]?.severity).toBe('error');
    expect(r.passed).toBe(false);
  });

  it('validates its options against its schema', () => {
    const bad = (options: Record<string, unknown>) => () =>
      createAuditor({ plugins: [plugin], rules: { 'required-phrases': ['warning', options] } });
    expect(bad({ phrases: [] })).toThrow(AuditConfigError);
    expect(bad({ phrases: ['指南'], section: 'appendix' })).toThrow(/required-phrases/);
    expect(bad({ phrase: '指南' })).toThrow(AuditConfigError);
    expect(bad({ phrases: ['   '] })).toThrow(AuditConfigError);
    try {
      bad({ phrases: [] })();
    } catch (e) {
      expect((e as AuditConfigError).ruleId).toBe('required-phrases');
    }
  });

  it('defaults to the 政府信息公开指南', () => {
    expect(requiredPhrases.meta.defaultOptions).toEqual({ phrases: ['政府信息公开指南'] });
  });
});
