/**
 * One language per output (issue #16): the reasons given for inapplicable and incomplete outcomes —
 * the built-in rules' and the engine's own (a rule that does not apply to the template, that crashed,
 * whose findings were capped) — are in the audit's locale. Quoted report text and identifiers a
 * developer types (meta.issuerType, required-sections) may appear in either.
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAuditor, defineRule, definePlugin, type AuditInput, type Locale } from '../../src/index';
import { fixturesDir, root, seeds } from '../helpers';

const all = seeds();
const real = readdirSync(join(fixturesDir, 'real'))
  .filter((f) => f.endsWith('.txt'))
  .sort();
const samples = readdirSync(join(root, 'examples', 'reports')).sort();

/** Inputs that between them make every built-in rule give a reason (checked below). */
function inputs(): Array<string | AuditInput> {
  return [
    ...Object.values(all),
    ...samples.map((f) => readFileSync(join(root, 'examples', 'reports', f), 'utf8')),
    // every fourth real report: all eras, issuer types and layouts, in a quarter of the time
    ...real.filter((_, i) => i % 4 === 0).map((f) => readFileSync(join(fixturesDir, 'real', f), 'utf8')),
    // no year anywhere, no tables
    '政府信息公开工作年度报告\n一、总体情况\n本机关依照《政府信息公开条例》做好政府信息公开工作。\n二、存在的主要问题及改进情况\n无。\n',
    // a department, a bad publication date, bytes
    { content: all['002']!, meta: { issuerType: 'department', publishedAt: '2025-02-30' } },
    { content: all['003']!, meta: { issuerType: 'other', publishedAt: '2024-01-01' } },
    { content: new TextEncoder().encode(all['001']!) },
  ];
}

const probeMessages = { hit: { severity: 'info' as const, text: { 'zh-CN': '命中', en: 'hit' } } };

/** A rule that applies to no template, one that crashes, one that reports more than the cap. */
const extra = definePlugin({
  name: 'probes',
  rules: {
    'never-applies': defineRule({
      meta: { id: 'never-applies', impact: 'minor', docs: { description: { 'zh-CN': '探针', en: 'probe' } }, messages: probeMessages, appliesTo: ['E1'] },
      create: () => ({}),
    }),
    crashes: defineRule({
      meta: { id: 'crashes', impact: 'minor', docs: { description: { 'zh-CN': '探针', en: 'probe' } }, messages: probeMessages },
      create() {
        throw new TypeError('boom');
      },
    }),
    floods: defineRule({
      meta: {
        id: 'floods',
        impact: 'minor',
        docs: { description: { 'zh-CN': '探针', en: 'probe' } },
        messages: probeMessages,
      },
      create: (context) => ({
        'root:exit'() {
          for (let i = 0; i < 3; i++) context.report({ messageId: 'hit', range: [0, 1] });
        },
      }),
    }),
  },
});

/** The reasons of every rule over every input, by rule id. */
function reasons(locale: Locale): Map<string, string[]> {
  const auditor = createAuditor({ locale, plugins: [extra], maxFindingsPerRule: 1 });
  const out = new Map<string, string[]>();
  for (const input of inputs()) {
    for (const r of auditor.audit(input).rules) {
      if (r.reason === undefined) continue;
      out.set(r.ruleId, [...(out.get(r.ruleId) ?? []), r.reason]);
    }
  }
  return out;
}

/** The reason without quoted text (report text, dates, error messages) and identifiers a developer types. */
function ownWords(reason: string): string {
  return reason
    .replace(/“[^”]*”|"[^"]*"|「[^」]*」/g, ' ')
    .replace(/\b(?:meta\.[A-Za-z]+|[a-z]+(?:-[a-z]+)+|maxFindingsPerRule|subDistrictOffices|YYYY-MM-DD|T[234]|STAT)\b/g, ' ');
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
/** Three English words in a row: a sentence, not an identifier. */
const ENGLISH_WORDS = /[A-Za-z]{2,}(?:[\s,;:()]+[A-Za-z]{2,}){2,}/;

describe('reasons are in the audit’s locale', () => {
  const en = reasons('en');
  const zh = reasons('zh-CN');

  it('the inputs make the rules and the engine give reasons of every kind', () => {
    for (const id of ['never-applies', 'crashes', 'floods', 'government-accountability', 'publication-deadline', 'prior-year-duplication', 'encoding']) {
      expect([id, en.has(id)]).toEqual([id, true]);
      expect([id, zh.has(id)]).toEqual([id, true]);
    }
  });

  it('en: no Chinese in any reason except quoted text', () => {
    for (const [id, list] of en) {
      for (const reason of list) expect({ id, reason, cjk: CJK.test(ownWords(reason)) }).toEqual({ id, reason, cjk: false });
    }
    expect(en.get('never-applies')![0]).toMatch(/^the rule does not apply to reports in the \d{4} template/);
    expect(en.get('crashes')![0]).toBe('the rule crashed and could not finish; check by hand (error: "TypeError: boom")');
    expect(en.get('floods')![0]).toBe('2 more findings not listed (maxFindingsPerRule)');
  });

  it('zh-CN: no English sentence in any reason', () => {
    for (const [id, list] of zh) {
      for (const reason of list) expect({ id, reason, english: ENGLISH_WORDS.test(ownWords(reason)) }).toEqual({ id, reason, english: false });
    }
    expect(zh.get('never-applies')![0]).toMatch(/^本规则不适用于\d{4}年版格式/);
    expect(zh.get('crashes')![0]).toBe('规则运行出错，未能完成检查，请人工核对（错误信息：“TypeError: boom”）');
    expect(zh.get('floods')![0]).toBe('另有 2 个问题未列出（超过 maxFindingsPerRule 上限）');
  });
});
