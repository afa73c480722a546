import { describe, expect, it } from '@jest/globals';
import { createRequire } from 'node:module';
import sarifSchema from '../../schemas/sarif-2.1.0.json' with { type: 'json' };
import {
  createAuditor,
  defineRule,
  definePlugin,
  sarifStream,
  toSarif,
  type AuditResult,
  type SarifLog,
} from '../../src/index';
import { lineColumn, seeds } from '../helpers';

// The official SARIF 2.1.0 schema is draft-04 (ajv-draft-04); its one language pattern is not valid
// under the `u` flag, hence unicodeRegExp: false.
const require = createRequire(import.meta.url);
const Ajv04 = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(sarifSchema);

function expectValid(log: unknown): void {
  const ok = validateSarif(log);
  expect(ok ? [] : validateSarif.errors).toEqual([]);
}

const all = seeds();

/** Reports every top-level heading (warning), the first 「申请」 (info, a review) and, in a crash mode, throws. */
const probe = defineRule({
  meta: {
    id: 'probe-headings',
    impact: 'serious',
    docs: {
      description: { 'zh-CN': '测试：列出一级标题', en: 'Test: lists the top-level headings' },
      url: 'https://example.org/rules/probe-headings',
    },
    messages: {
      heading: { severity: 'warning', text: { 'zh-CN': '一级标题：{{title}}', en: 'Heading: {{title}}' } },
      word: { severity: 'info', text: { 'zh-CN': '请核对“申请”' } },
      never: { severity: 'error', text: { 'zh-CN': '不会出现' } },
    },
  },
  create(context) {
    return {
      'root:exit'() {
        for (const s of context.model.sections.filter((x) => x.depth === 1)) {
          context.report({ messageId: 'heading', range: [s.headingStart, s.headingEnd], data: { title: s.title } });
        }
        const i = context.model.text.indexOf('申请');
        if (i >= 0) context.report({ messageId: 'word', range: [i, i + 2] });
      },
    };
  },
});

const crashing = defineRule({
  meta: {
    id: 'probe-crash',
    impact: 'minor',
    docs: { description: { 'zh-CN': '测试：崩溃', en: 'Test: crashes' } },
    messages: { never: { severity: 'error', text: { 'zh-CN': '不会出现' } } },
  },
  create() {
    return {
      section() {
        throw new Error('boom');
      },
    };
  },
});

const plugin = definePlugin({ name: 'probe', rules: { 'probe-headings': probe, 'probe-crash': crashing } });
const auditor = createAuditor({ plugins: [plugin] });
const auditAs = (id: string, uri: string): AuditResult => auditor.audit({ content: all[id]!, uri });

describe('toSarif', () => {
  const results = [auditAs('002', 'test/fixtures/seeds/002.txt'), auditAs('003', 'test/fixtures/seeds/003.txt')];
  const log = toSarif(results, { rules: auditor.rules, toolVersion: '0.1.0', srcRoot: 'file:///work/main/' });
  const run = log.runs[0]!;

  it('validates against the official SARIF 2.1.0 schema', () => {
    expectValid(log);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(run.columnKind).toBe('utf16CodeUnits');
  });

  it('the validator is strict enough to reject a broken log', () => {
    const broken = JSON.parse(JSON.stringify(log)) as SarifLog;
    (broken.runs[0]!.results[0] as unknown as Record<string, unknown>).level = 'fatal';
    expect(validateSarif(broken)).toBe(false);
    expect(validateSarif({ version: '2.1.0' })).toBe(false);
  });

  it('lists every configured rule in tool.driver.rules with descriptions, help URI and default level', () => {
    const ids = run.tool.driver.rules.map((r) => r.id);
    expect(ids).toEqual(auditor.rules.map((r) => r.id));
    const rule = run.tool.driver.rules.find((r) => r.id === 'probe-headings')!;
    expect(rule.shortDescription.text).toBe('测试：列出一级标题');
    expect(rule.fullDescription.text).toContain('Test: lists the top-level headings');
    expect(rule.helpUri).toBe('https://example.org/rules/probe-headings');
    expect(rule.defaultConfiguration.level).toBe('error'); // its most severe message
    expect(run.tool.driver.rules.find((r) => r.id === 'probe-crash')!.helpUri).toBeUndefined();
    expect(run.tool.driver.version).toBe('0.1.0');
  });

  it('has one result per finding, pointing at the same place with the same fingerprint', () => {
    const findings = results.flatMap((r) => r.findings.map((f) => ({ f, uri: r.report.uri })));
    expect(run.results).toHaveLength(findings.length);
    run.results.forEach((res, k) => {
      const { f, uri } = findings[k]!;
      expect(res.ruleId).toBe(f.ruleId);
      expect(run.tool.driver.rules[res.ruleIndex]!.id).toBe(f.ruleId);
      expect(res.message.text).toBe(f.message);
      expect(res.partialFingerprints).toEqual({ 'xxgkAuditFingerprint/v1': f.fingerprint });
      const loc = res.locations[0]!.physicalLocation as {
        artifactLocation: { uri: string; uriBaseId: string; index: number };
        region: Record<string, unknown>;
      };
      expect(loc.artifactLocation).toMatchObject({ uri, uriBaseId: 'SRCROOT' });
      expect(run.artifacts[loc.artifactLocation.index]).toMatchObject({ location: { uri } });
      expect(loc.region).toEqual({
        startLine: f.position.start.line,
        startColumn: f.position.start.column,
        endLine: f.position.end.line,
        endColumn: f.position.end.column,
        charOffset: f.position.start.offset,
        charLength: f.position.end.offset - f.position.start.offset,
        ...(f.snippet ? { snippet: { text: f.snippet } } : {}),
      });
    });
  });

  it('places the heading 「六、其他需要报告的事项」 of seed 002 at its line and column in the original file', () => {
    const source = all['002']!;
    const offset = source.indexOf('六、其他需要报告的事项');
    const res = run.results.find((r) => r.message.text === '一级标题：其他需要报告的事项')!;
    const region = (res.locations[0]!.physicalLocation as { region: Record<string, number> }).region;
    expect(region.charOffset).toBe(offset);
    expect({ line: region.startLine, column: region.startColumn }).toEqual(lineColumn(source, offset));
    expect(source.slice(region.charOffset, region.charOffset! + region.charLength!)).toBe('六、其他需要报告的事项');
    expect(res.level).toBe('warning');
    expect(res.kind).toBe('fail');
  });

  it('maps severities to levels, and a finding for review to kind "review" with level "none"', () => {
    const review = run.results.find((r) => r.ruleId === 'probe-headings' && r.message.text === '请核对“申请”')!;
    expect(review.kind).toBe('review');
    expect(review.level).toBe('none');
    expect(review.properties.severity).toBe('info');
  });

  it('reports a crashed rule and an unreadable file as tool execution notifications', () => {
    const withErrors = toSarif(results, {
      rules: auditor.rules,
      inputErrors: [{ uri: 'reports/洪泽区 2024.pdf', message: '暂时无法读取 PDF 文件' }],
    });
    expectValid(withErrors);
    const inv = withErrors.runs[0]!.invocations[0]! as {
      executionSuccessful: boolean;
      toolExecutionNotifications: Array<Record<string, any>>;
    };
    expect(inv.executionSuccessful).toBe(false);
    const crashes = inv.toolExecutionNotifications.filter((n) => n.descriptor.id === 'rule-crashed');
    expect(crashes).toHaveLength(2); // one per report
    expect(crashes[0]!.associatedRule.id).toBe('probe-crash');
    expect(crashes[0]!.message.text).toContain('boom');
    const unreadable = inv.toolExecutionNotifications.find((n) => n.descriptor.id === 'input-unreadable')!;
    expect(unreadable.message.text).toBe('reports/洪泽区 2024.pdf: 暂时无法读取 PDF 文件');
    // A Chinese file name with a space is percent-encoded to stay a valid URI reference.
    expect(unreadable.locations[0].physicalLocation.artifactLocation.uri).toBe(
      'reports/%E6%B4%AA%E6%B3%BD%E5%8C%BA%202024.pdf',
    );
  });

  it('writes absolute paths as file: URIs and names the base when srcRoot is given', () => {
    const abs = toSarif([auditAs('002', '/srv/年报/002.txt')], { rules: auditor.rules });
    expectValid(abs);
    expect(abs.runs[0]!.artifacts[0]!.location).toEqual({ uri: 'file:///srv/%E5%B9%B4%E6%8A%A5/002.txt' });
    expect(abs.runs[0]!.originalUriBaseIds).toBeUndefined();
    expect(run.originalUriBaseIds).toEqual({ SRCROOT: { uri: 'file:///work/main/' } });
  });

  it('is valid for an empty batch and describes the built-in rules by default', () => {
    const empty = toSarif([]);
    expectValid(empty);
    expect(empty.runs[0]!.results).toEqual([]);
    expect(empty.runs[0]!.invocations[0]!.executionSuccessful).toBe(true);
  });

  it('uses English descriptions with locale en', () => {
    const en = toSarif(results, { rules: auditor.rules, locale: 'en' });
    expect(en.runs[0]!.tool.driver.rules.find((r) => r.id === 'probe-headings')!.shortDescription.text).toBe(
      'Test: lists the top-level headings',
    );
  });
});

describe('sarifStream', () => {
  /** The pieces in the order a writer joins them: head, per report its results (artifacts apart), middle, artifacts, tail. */
  function streamed(results: AuditResult[], options: Parameters<typeof sarifStream>[0]): string {
    const stream = sarifStream(options);
    let text = stream.head();
    let artifacts = '';
    for (const r of results) {
      text += stream.results(r);
      artifacts += stream.artifact(r);
    }
    return text + stream.middle() + artifacts + stream.tail();
  }
  const inputErrors = [{ uri: 'broken.docx', message: '无法审核' }];
  const options = { rules: auditor.rules, toolVersion: '0.1.0', srcRoot: 'file:///work/main/', inputErrors };

  it('joined, is the log toSarif builds for the same reports (rule crashes and unreadable files included), and valid', () => {
    const results = Object.keys(all).map((id) => auditAs(id, `test/fixtures/seeds/${id}.txt`));
    expect(results.some((r) => r.errors.length > 0)).toBe(true);
    const log = JSON.parse(streamed(results, options)) as SarifLog;
    expectValid(log);
    expect(log).toEqual(toSarif(results, options));
  });

  it('is valid JSON and SARIF for an empty batch, and without srcRoot', () => {
    const log = JSON.parse(streamed([], { rules: auditor.rules })) as SarifLog;
    expectValid(log);
    expect(log).toEqual(toSarif([], { rules: auditor.rules }));
  });
});
