import { describe, expect, it } from '@jest/globals';
import { audit, AuditConfigError, createAuditor, getRules, type AuditConfig, type AuditResult } from '../../src/index';
import { lineColumn, seeds } from '../../test/helpers';
import plugin, { requiredPhrases } from './index';

const all = seeds();
const ours = (r: AuditResult) => r.findings.filter((f) => f.ruleId === 'required-phrases');
const outcome = (r: AuditResult) => r.rules.find((o) => o.ruleId === 'required-phrases')?.outcome;

describe('examples/custom-rule: a third-party plugin registered through definePlugin', () => {
  const auditor = createAuditor({ plugins: [plugin] });

  it('is registered beside the built-in rules and its metadata is listed by getRules', () => {
    expect(auditor.rules.map((r) => r.id)).toContain('required-phrases');
    const meta = getRules({ plugins: [plugin] }).find((r) => r.id === 'required-phrases')?.meta;
    expect(meta?.docs.description['zh-CN']).toContain('政府信息公开指南');
    expect(Object.keys(meta?.messages ?? {})).toEqual(['missing', 'missingInSection', 'noSection']);
  });

  it('passes seed 003, which names the 政府信息公开指南, and seed 000, which does so in traditional script', () => {
    expect(all['000']).toContain('政府信息公開指南'); // the raw text is traditional
    for (const id of ['000', '003']) {
      const r = auditor.audit({ content: all[id]!, uri: `${id}.txt` });
      expect(outcome(r)).toBe('pass');
      expect(ours(r)).toEqual([]);
    }
  });

  it.each(['001', '002', '004'])('fails seed %s, which never mentions it, with a Chinese message at the title', (id) => {
    const r = auditor.audit({ content: all[id]!, uri: `${id}.txt` });
    expect(outcome(r)).toBe('fail');
    const [f, ...rest] = ours(r);
    expect(rest).toEqual([]);
    expect(f?.message).toBe('报告未提及“政府信息公开指南”');
    expect(f?.severity).toBe('warning');
    expect(f?.impact).toBe('moderate');
    if (r.report.title) expect(all[id]!.slice(f!.position.start.offset, f!.position.end.offset)).toContain('年');
  });

  it('points at the title line of seed 002 (line 3 of the original file)', () => {
    const r = auditor.audit(all['002']!);
    const f = ours(r)[0]!;
    const title = all['002']!.indexOf('焦虎镇 2024 年政府信息公开工作年度报告');
    expect(f.position.start).toEqual({ ...lineColumn(all['002']!, title), offset: title });
    expect(f.snippet).toBe('焦虎镇 2024 年政府信息公开工作年度报告');
  });

  it('speaks English with locale en', () => {
    const r = createAuditor({ plugins: [plugin], locale: 'en' }).audit(all['004']!);
    expect(ours(r)[0]?.message).toBe('The report does not mention "政府信息公开指南"');
  });

  it('takes its phrases and the section from options, and reports at that section heading', () => {
    const config: AuditConfig = {
      plugins: [plugin],
      rules: { 'required-phrases': ['warning', { phrases: ['信息处理费', '无'], section: 'other' }] },
    };
    const r = audit(all['002']!, config);
    // Section 六 of seed 002 says only 「无」: it mentions 无 but not the 信息处理费.
    expect(ours(r).map((f) => f.message)).toEqual(['“其他需要报告的事项”部分未提及“信息处理费”']);
    const f = ours(r)[0]!;
    const heading = all['002']!.indexOf('六、其他需要报告的事项');
    expect(f.position.start.offset).toBe(heading);
    expect(f.position.start.line).toBe(lineColumn(all['002']!, heading).line);
    expect(f.section).toEqual({ key: 'other', title: '其他需要报告的事项' });
  });

  it('asks for a check by hand (info, not scored as a failure) when the section is missing', () => {
    const r = audit(all['004']!, {
      plugins: [plugin],
      rules: { 'required-phrases': ['warning', { phrases: ['信息处理费'], section: 'other' }] },
    });
    expect(ours(r).map((f) => [f.messageId, f.severity, f.kind])).toEqual([['noSection', 'info', 'review']]);
    expect(outcome(r)).toBe('pass');
  });

  it('raises its findings to errors when configured so, and the report then fails', () => {
    const r = audit(all['002']!, { plugins: [plugin], rules: { 'required-phrases': 'error' } });
    expect(ours(r)[0]?.severity).toBe('error');
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

  it('finds a phrase broken over two lines (as PDF extraction leaves it)', () => {
    const text = '某镇2024年政府信息公开工作年度报告\n一、总体情况\n本单位已更新政府信息\n公开指南。\n';
    const r = audit(text, { plugins: [plugin] });
    expect(ours(r)).toEqual([]);
    expect(requiredPhrases.meta.defaultOptions).toEqual({ phrases: ['政府信息公开指南'] });
  });
});
