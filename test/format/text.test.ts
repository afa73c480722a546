import { describe, expect, it } from '@jest/globals';
import { createAuditor, defineRule, definePlugin, formatText, formatTextEnd, formatTextReport, type AuditResult } from '../../src/index';
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

  it('one header line per report: verdict, score, counts, file', () => {
    const lines = formatText([r002], { rules: auditor.rules }).split('\n');
    expect(lines[0]).toMatch(
      new RegExp(`^(✔ 通过|✖ 未通过)  得分 ${r002.score}  错误 \\d+ 个，警告 \\d+ 个，提示 \\d+ 个  seeds/002\\.txt  2024年 · 2021年版格式$`),
    );
    expect(lines[0]!.startsWith(r002.passed ? '✔ 通过' : '✖ 未通过')).toBe(true);
  });

  it('one line per finding: file:line:col  level  message  rule-id, in the order of the source', () => {
    const text = formatText([r002], { rules: auditor.rules });
    const source = all['002']!;
    for (const h of ['一、总体情况', '六、其他需要报告的事项']) {
      const { line, column } = lineColumn(source, source.indexOf(h));
      expect(text).toContain(`\n  seeds/002.txt:${line}:${column}  警告  一级标题：${h.slice(2)}  probe-headings\n`);
    }
    const findingLines = text.split('\n').filter((l) => /^ {2}seeds\/002\.txt:\d+:\d+ {2}/.test(l));
    expect(findingLines).toHaveLength(r002.findings.length);
    const positions = findingLines.map((l) => /:(\d+):(\d+)/.exec(l)!).map((m) => Number(m[1]) * 1e4 + Number(m[2]));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    // Expected and actual on the next line; no snippet and no rule description without verbose.
    const info = text.split('\n').findIndex((l) => l.includes('提示  请核对“申请”'));
    expect(text.split('\n')[info + 1]).toBe('    应为 申请人；实为 申请');
    expect(text).not.toContain('测试：列出一级标题');
    expect(text).not.toContain('原文：');
  });

  it('with verbose: rule descriptions and snippets', () => {
    const text = formatText([r002], { rules: auditor.rules, verbose: true });
    expect(text).toContain('probe-headings  [未通过]  测试：列出一级标题');
    expect(text).toContain('应为 申请人；实为 申请；原文：「申请」');
  });

  it('shows the page when the position has one', () => {
    const f = { ...r002.findings[0]!, position: { start: { ...r002.findings[0]!.position.start, page: 3 }, end: r002.findings[0]!.position.end } };
    const text = formatText([{ ...r002, findings: [f] }], { rules: auditor.rules });
    expect(text).toMatch(/seeds\/002\.txt:\d+:\d+ \(p\.3\) {2}/);
  });

  it('wraps to the width given, CJK characters counting two columns', () => {
    const text = formatText([r003], { rules: auditor.rules, width: 80 });
    const widths = text.split('\n').map((l) => [...l].reduce((w, ch) => w + (/[\u2E80-\uFFEF]/u.test(ch) ? 2 : 1), 0));
    expect(Math.max(...widths.slice(1))).toBeLessThanOrEqual(80);
    expect(text.split('\n').some((l) => /^ {4}\S/.test(l))).toBe(true);
    // The five seeds as a person reads them: no line longer than the terminal.
    const unwrapped = formatText([r003], { rules: auditor.rules });
    expect(unwrapped.split('\n').length).toBeLessThan(text.split('\n').length);
  });

  it('never prints an expected/actual pair that reads the same, and labels internal values', () => {
    const f = r002.findings[0]!;
    const same = formatText([{ ...r002, findings: [{ ...f, expected: 67467, actual: 67467 }] }], { rules: auditor.rules });
    expect(same).not.toContain('应为 67467');
    const labelled = formatText([{ ...r002, findings: [{ ...f, expected: 'TPL2021', actual: 'TPL2019' }] }], { rules: auditor.rules });
    expect(labelled).toContain('应为 2021年版格式；实为 2019年版格式');
    const en = formatText([{ ...r002, findings: [{ ...f, expected: 'FULL', actual: 'NONE' }] }], { rules: auditor.rules, locale: 'en' });
    expect(en).toContain('expected full contact details; actual none');
  });

  it('uses no colour unless asked, and ANSI colours when asked', () => {
    expect(formatText([r002], { rules: auditor.rules })).not.toContain(ESC);
    const coloured = formatText([r002], { rules: auditor.rules, color: true });
    expect(coloured).toContain(`${ESC}33m警告${ESC}0m`);
    expect(coloured).toContain(`${ESC}1mseeds/002.txt${ESC}0m`);
  });

  it('ends with a summary; files that are not reports are listed apart from unreadable ones', () => {
    const text = formatText([r002, r003], {
      rules: auditor.rules,
      inputErrors: [
        { uri: 'a.pdf', message: 'PDF 文件已损坏' },
        { uri: 'README.md', message: '不是年度报告', code: 'NOT_A_REPORT' },
      ],
    });
    const passed = [r002, r003].filter((r) => r.passed).length;
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      `共审核 2 份报告：${passed} 份通过，${2 - passed} 份未通过；1 个文件不是年度报告，未审核；1 个文件无法审核。`,
    );
    expect(text).toContain('以下 1 个文件不是政府信息公开工作年度报告，未审核：\n  README.md  不是年度报告');
  });

  it('shows the one verdict of the result (result.passed), never its own', () => {
    const failing: AuditResult = { ...r002, passed: false, score: 90 };
    expect(formatText([failing], { rules: auditor.rules })).toMatch(/^✖ 未通过  得分 90/);
    const passing: AuditResult = { ...r002, passed: true, score: 61 };
    expect(formatText([passing], { rules: auditor.rules })).toMatch(/^✔ 通过  得分 61/);
  });

  it('speaks English with locale en, with plurals', () => {
    const enAuditor = createAuditor({ plugins: [plugin], locale: 'en' });
    const r = enAuditor.audit({ content: all['002']!, uri: 'seeds/002.txt' });
    const text = formatText([r], { rules: enAuditor.rules, locale: 'en' });
    expect(text).toContain('2021 template');
    expect(text).toContain('  warning  Heading: 总体情况  probe-headings');
    // The words around the findings are English (the findings quote the report, which is Chinese).
    expect(text.split('\n')[0]).not.toMatch(/[：；（）\u4e00-\u9fff]/u);
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/^1 report audited: [01] passed, [01] failed\.$/);
    expect(text).not.toContain(' infos');
  });
});

describe('formatTextReport and formatTextEnd', () => {
  it('joined, are what formatText prints (a writer can print each report as it comes)', () => {
    const auditor = createAuditor({ plugins: [plugin] });
    const results = Object.entries(all).map(([id, text]) => auditor.audit({ content: text, uri: `seeds/${id}.txt` }));
    const inputErrors = [
      { uri: 'x.docx', message: '无法读取' },
      { uri: 'README.md', message: '不是政府信息公开工作年度报告', code: 'NOT_A_REPORT' },
    ];
    const passed = results.filter((r) => r.passed).length;
    const summary = { reports: results.length, passed, failed: results.length - passed, unreadable: 1, skipped: 1 };
    for (const options of [
      { rules: auditor.rules, inputErrors },
      { rules: auditor.rules, inputErrors, locale: 'en' as const, color: true, verbose: true, width: 60 },
      { rules: auditor.rules, summary: false },
    ]) {
      const end = formatTextEnd(options.inputErrors ? summary : { ...summary, unreadable: 0, skipped: 0 }, options);
      expect(results.map((r, i) => formatTextReport(r, i, options)).join('') + end).toBe(formatText(results, options));
    }
  });
});
