import { describe, expect, it } from '@jest/globals';
import { createAuditor, defineRule, definePlugin, formatText, type AuditResult } from '../../src/index';
import { lineColumn, seeds } from '../helpers';

const all = seeds();

/** Reports every top-level heading (warning) and, for 「申请」, one info finding. */
const probe = defineRule({
  meta: {
    id: 'probe-headings',
    impact: 'serious',
    docs: { description: { 'zh-CN': '测试：列出一级标题', en: 'Test: lists the top-level headings' } },
    messages: {
      heading: { severity: 'warning', text: { 'zh-CN': '一级标题：{{title}}', en: 'Heading: {{title}}' } },
      word: { severity: 'info', text: { 'zh-CN': '请核对“申请”', en: 'Check "申请"' } },
    },
  },
  create(context) {
    return {
      'root:exit'() {
        for (const s of context.model.sections.filter((x) => x.depth === 1)) {
          context.report({ messageId: 'heading', range: [s.headingStart, s.headingEnd], data: { title: s.title } });
        }
        const i = context.model.text.indexOf('申请');
        if (i >= 0) context.report({ messageId: 'word', range: [i, i + 2], expected: '申请人', actual: '申请' });
      },
    };
  },
});
const plugin = definePlugin({ name: 'probe', rules: { 'probe-headings': probe } });
const ESC = '\u001b[';

describe('formatText', () => {
  const auditor = createAuditor({ plugins: [plugin] });
  const r002 = auditor.audit({ content: all['002']!, uri: 'seeds/002.txt' });
  const r003 = auditor.audit({ content: all['003']!, uri: 'seeds/003.txt' });

  it('prints the file, what was recognised, the score and the verdict', () => {
    const text = formatText([r002], { rules: auditor.rules });
    const lines = text.split('\n');
    expect(lines[0]).toBe('seeds/002.txt');
    expect(lines[1]).toBe('  焦虎镇 2024年政府信息公开工作年度报告 | 焦虎镇 | 2024年 | 2021年格式（国办公开办函〔2021〕30号）');
    expect(lines[2]).toMatch(new RegExp(`^  得分 ${r002.score} / 100  (通过|未通过)  错误 \\d+ 个，警告 \\d+ 个，提示 \\d+ 个$`));
  });

  it('lists each finding as file:line:column under its rule, in the order of the source', () => {
    const text = formatText([r002], { rules: auditor.rules });
    const source = all['002']!;
    // The probe rule's block: from its heading to the blank line that ends it.
    const lines = text.split('\n');
    const head = lines.findIndex((l) => /^  [✖⚠ℹ] probe-headings  测试：列出一级标题/.test(l));
    expect(head).toBeGreaterThan(0);
    const end = lines.indexOf('', head);
    const block = lines.slice(head + 1, end).join('\n');
    expect(block.split('\n').filter((l) => /^ {4}\S/.test(l))).toHaveLength(
      r002.findings.filter((f) => f.ruleId === 'probe-headings').length,
    );
    const headings = ['一、总体情况', '六、其他需要报告的事项'];
    for (const h of headings) {
      const offset = source.indexOf(h);
      const { line, column } = lineColumn(source, offset);
      expect(block).toContain(`    seeds/002.txt:${line}:${column}  警告  一级标题：${h.slice(2)}`);
    }
    // The info finding shows its section, the expected and actual values and the source text.
    const infoLine = block.split('\n').findIndex((l) => l.includes('提示  请核对“申请”'));
    expect(infoLine).toBeGreaterThan(0);
    expect(block.split('\n')[infoLine + 1]).toMatch(/^ {6}所在部分：.+；应为 申请人；实为 申请；原文：「申请」$/);
    const positions = [...block.matchAll(/seeds\/002\.txt:(\d+):(\d+)/g)].map((m) => Number(m[1]) * 1e4 + Number(m[2]));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('groups by rule: each rule heading once, followed only by its own findings', () => {
    const text = formatText([r003], { rules: auditor.rules });
    for (const rule of r003.rules.filter((o) => o.findingCount > 0)) {
      const heads = text.split('\n').filter((l) => new RegExp(`^  [✖⚠ℹ] ${rule.ruleId}  `).test(l));
      expect(heads).toHaveLength(1);
    }
    const findingLines = text.split('\n').filter((l) => /^ {4}seeds\/003\.txt:\d+:\d+ {2}/.test(l));
    expect(findingLines).toHaveLength(r003.findings.length);
  });

  it('uses no colour unless asked, and ANSI colours when asked', () => {
    expect(formatText([r002], { rules: auditor.rules })).not.toContain(ESC);
    const coloured = formatText([r002], { rules: auditor.rules, color: true });
    expect(coloured).toContain(`${ESC}33m警告${ESC}0m`);
    expect(coloured).toContain(`${ESC}1mseeds/002.txt${ESC}0m`);
  });

  it('ends with a summary of the batch that counts unreadable files', () => {
    const text = formatText([r002, r003], {
      rules: auditor.rules,
      inputErrors: [{ uri: 'a.pdf', message: '暂时无法读取 PDF 文件' }],
    });
    const passed = [r002, r003].filter((r) => r.passed).length;
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      `共审核 2 份报告：${passed} 份通过，${2 - passed} 份未通过；1 个文件无法审核。`,
    );
  });

  it('fails a report below the minimum score and says why', () => {
    const passing: AuditResult = { ...r002, passed: true, score: 40 };
    const text = formatText([passing], { rules: auditor.rules, minScore: 60 });
    expect(text).toContain('得分 40 / 100  未通过（低于最低分 60）');
    expect(text).toContain('共审核 1 份报告：0 份通过，1 份未通过。');
  });

  it('speaks English with locale en (the findings are already in the auditor locale)', () => {
    const enAuditor = createAuditor({ plugins: [plugin], locale: 'en' });
    const r = enAuditor.audit({ content: all['002']!, uri: 'seeds/002.txt' });
    const text = formatText([r], { rules: enAuditor.rules, locale: 'en' });
    expect(text).toContain('2021 template');
    expect(text).toContain('warning  Heading: 总体情况');
    expect(text).toContain('probe-headings  Test: lists the top-level headings');
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/^1 reports audited: [01] passed, [01] failed\.$/);
  });

  it('says so when a report has no findings', () => {
    const clean: AuditResult = { ...r002, findings: [], rules: r002.rules.map((o) => ({ ...o, outcome: 'pass', findingCount: 0 })) };
    const text = formatText([clean], { rules: auditor.rules });
    expect(text).toContain('  未发现问题。');
    expect(text).toContain(`  通过：${clean.rules.map((o) => o.ruleId).join('、')}`);
  });
});
