import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import resultSchema from '../../schemas/audit-result.schema.json' with { type: 'json' };
import {
  audit,
  AuditConfigError,
  AuditInputError,
  createAuditor,
  defineRule,
  definePlugin,
  getRules,
  type AuditConfig,
  type AuditResult,
  type Rule,
  type RuleSetting,
} from '../../src/index';
import { lineColumn, seeds } from '../helpers';

const all = seeds();
const validate = new Ajv({ allErrors: true, strict: false }).compile(resultSchema);

/** A rule that reports every section heading and every paragraph containing 「公开」 (by range). */
const probe: Rule = defineRule({
  meta: {
    id: 'probe',
    impact: 'minor',
    docs: { description: { 'zh-CN': '测试', en: 'test probe' } },
    messages: {
      heading: { severity: 'warning', text: { 'zh-CN': '标题：{{title}}', en: 'Heading: {{title}}' } },
      word: { severity: 'info', text: { 'zh-CN': '出现“公开”' } },
    },
  },
  create(context) {
    return {
      'root:exit'() {
        for (const s of context.model.sections) {
          context.report({ messageId: 'heading', range: [s.headingStart, s.headingEnd], data: { title: s.title } });
        }
        const text = context.model.text;
        for (let i = text.indexOf('公开'); i >= 0; i = text.indexOf('公开', i + 2)) {
          context.report({ messageId: 'word', range: [i, i + 2] });
        }
      },
    };
  },
});

const crashing: Rule = defineRule({
  meta: {
    id: 'crashing',
    impact: 'serious',
    docs: { description: { 'zh-CN': '崩溃', en: 'crashes' } },
    messages: { never: { severity: 'error', text: { 'zh-CN': '不会出现' } } },
  },
  create() {
    return {
      section() {
        throw new Error('boom in a section visitor');
      },
    };
  },
});

const withOptions: Rule = defineRule({
  meta: {
    id: 'with-options',
    impact: 'moderate',
    docs: { description: { 'zh-CN': '选项', en: 'options' } },
    messages: { tooShort: { severity: 'error', text: { 'zh-CN': '报告少于{{min}}字', en: 'Fewer than {{min}} characters' } } },
    schema: {
      type: 'object',
      properties: { min: { type: 'integer', minimum: 1 } },
      additionalProperties: false,
    },
    defaultOptions: { min: 100 },
  },
  create(context) {
    return {
      'root:exit'() {
        const min = context.options.min as number;
        if (context.model.text.trim().length < min) context.report({ messageId: 'tooShort', data: { min } });
      },
    };
  },
});

const testPlugin = definePlugin({ name: 'test', rules: { probe, crashing, 'with-options': withOptions } });
const only = (extra: Record<string, RuleSetting> = {}): AuditConfig => {
  const rules: Record<string, RuleSetting> = {};
  for (const r of getRules()) rules[r.id] = 'off';
  return { plugins: [testPlugin], rules: { ...rules, ...extra } };
};

describe('AuditResult', () => {
  it.each(Object.keys(all))('seed %s: valid against schemas/audit-result.schema.json', (id) => {
    const result = audit(all[id]!, only());
    expect(validate(result)).toBe(true);
    const builtIn = audit(all[id]!);
    expect(validate(builtIn)).toBe(true);
    expect(validate.errors ?? null).toBeNull();
  });

  it('is deterministic: the same input gives the same JSON', () => {
    const config = only();
    expect(JSON.stringify(audit(all['003']!, config))).toBe(JSON.stringify(audit(all['003']!, config)));
  });

  it('sorts findings by position, then rule id', () => {
    const { findings } = audit(all['002']!, only());
    for (let i = 1; i < findings.length; i++) {
      const a = findings[i - 1]!;
      const b = findings[i]!;
      expect(a.position.start.offset < b.position.start.offset || (a.position.start.offset === b.position.start.offset && a.ruleId <= b.ruleId)).toBe(true);
    }
  });

  it('gives each finding a stable fingerprint that survives edits elsewhere', () => {
    const config = only();
    const before = audit(all['004']!, config);
    const after = audit('\n\n前言一段新增文字。\n' + all['004']!, config);
    const fp = (r: AuditResult) => new Set(r.findings.filter((f) => f.messageId === 'heading').map((f) => f.fingerprint));
    expect(fp(after)).toEqual(fp(before));
    expect(new Set(before.findings.map((f) => f.fingerprint)).size).toBe(before.findings.length);
  });
});

describe('positions point into the caller’s original string', () => {
  it.each(Object.keys(all))('seed %s: line/column agree with offset; the span covers the text named', (id) => {
    const source = all[id]!;
    const { findings } = audit(source, only());
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      for (const p of [f.position.start, f.position.end]) {
        expect({ line: p.line, column: p.column }).toEqual(lineColumn(source, p.offset));
      }
      if (f.messageId === 'word') {
        // traditional seeds: 「公開」 (or 「公(gong)開」 with pinyin noise) in the source
        const span = source.slice(f.position.start.offset, f.position.end.offset).replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)/g, '');
        expect(['公开', '公開']).toContain(span);
      }
      if (f.messageId === 'heading') {
        expect(source.slice(f.position.start.offset, f.position.end.offset).length).toBeGreaterThan(1);
      }
    }
  });

  it.each(Object.keys(all))('seed %s: the built-in rules’ findings too', (id) => {
    const source = all[id]!;
    for (const f of audit(source).findings) {
      expect({ line: f.position.start.line, column: f.position.start.column }).toEqual(lineColumn(source, f.position.start.offset));
      expect({ line: f.position.end.line, column: f.position.end.column }).toEqual(lineColumn(source, f.position.end.offset));
      expect(f.position.end.offset).toBeGreaterThanOrEqual(f.position.start.offset);
      expect(f.snippet.replace(/…$/, '')).toBe(
        source.slice(f.position.start.offset, f.position.end.offset).replace(/\s*\n\s*/g, ' ').slice(0, f.snippet.replace(/…$/, '').length),
      );
    }
  });

  it('finds the right place after removed pinyin noise (seed 000)', () => {
    const source = all['000']!;
    const { findings } = audit(source, only());
    const fees = findings.find((f) => f.messageId === 'heading' && f.data?.title === '政府信息公开收费及减免情况')!;
    expect(source.slice(fees.position.start.offset, fees.position.end.offset)).toBe('四、政府信息公開收費(fèi)及減免情況');
    expect(fees.section).toEqual({ key: 'fees', title: '政府信息公开收费及减免情况' });
  });
});

describe('rule isolation', () => {
  it('contains a rule that throws: recorded in errors, outcome incomplete, the audit goes on', () => {
    const result = audit(all['002']!, only());
    const crashed = result.rules.find((r) => r.ruleId === 'crashing')!;
    expect(crashed.outcome).toBe('incomplete');
    expect(result.errors).toEqual([expect.objectContaining({ ruleId: 'crashing', message: 'boom in a section visitor' })]);
    expect(result.rules.find((r) => r.ruleId === 'probe')!.outcome).toBe('fail');
  });

  it('contains a rule that throws in create()', () => {
    const bad = defineRule({ ...crashing, meta: { ...crashing.meta, id: 'bad-create' }, create() { throw new TypeError('no'); } });
    const result = audit(all['000']!, { plugins: [definePlugin({ name: 'x', rules: { 'bad-create': bad } })] });
    expect(result.rules.find((r) => r.ruleId === 'bad-create')!.outcome).toBe('incomplete');
    expect(result.errors[0]!.message).toBe('TypeError: no');
  });

  it('caps the findings of one rule and counts the rest', () => {
    const result = audit(all['001']!, { ...only(), maxFindingsPerRule: 5 });
    const probeOutcome = result.rules.find((r) => r.ruleId === 'probe')!;
    expect(result.findings.filter((f) => f.ruleId === 'probe')).toHaveLength(5);
    expect(probeOutcome.findingCount).toBeGreaterThan(5);
    expect(probeOutcome.reason).toMatch(/未列出/);
  });
});

describe('configuration', () => {
  it('switches a rule off and changes its severity', () => {
    const off = audit(all['002']!, only({ probe: 'off' }));
    expect(off.rules.some((r) => r.ruleId === 'probe')).toBe(false);
    const asError = audit(all['002']!, only({ probe: 'error' }));
    expect(asError.findings.filter((f) => f.messageId === 'heading').every((f) => f.severity === 'error')).toBe(true);
    expect(asError.findings.filter((f) => f.messageId === 'word').every((f) => f.severity === 'info')).toBe(true);
    expect(asError.passed).toBe(false);
  });

  it('changes one message’s severity', () => {
    const r = audit(all['002']!, only({ probe: { messages: { heading: 'info' } } }));
    expect(r.rules.find((o) => o.ruleId === 'probe')!.outcome).toBe('pass');
    expect(r.passed).toBe(true);
  });

  it('validates rule options against meta.schema (defaults merged)', () => {
    expect(audit('政务公开', only({ 'with-options': ['error', { min: 5 }] })).findings[0]!.message).toBe('报告少于5字');
    expect(audit('政务公开', only({ 'with-options': 'error' })).findings[0]!.message).toBe('报告少于100字');
    const run = () => createAuditor(only({ 'with-options': ['error', { min: 'ten' }] }));
    expect(run).toThrow(AuditConfigError);
    expect(run).toThrow(/with-options.*min/);
  });

  it.each([
    [{ rules: { 'no-such-rule': 'error' } }, /unknown rule "no-such-rule"/],
    [{ rules: { probe: 'fatal' } }, /probe/],
    [{ locale: 'fr' }, /locale/],
    [{ weights: { critical: -1 } }, /weights/],
  ])('bad config %j throws AuditConfigError naming the problem', (config, message) => {
    const run = () => createAuditor({ plugins: [testPlugin], ...(config as object) });
    expect(run).toThrow(AuditConfigError);
    expect(run).toThrow(message);
    try {
      run();
    } catch (e) {
      expect((e as Error).name).toBe('AuditConfigError');
    }
  });

  it('rejects a malformed rule, naming it', () => {
    const broken = { meta: { id: 'broken', impact: 'huge', docs: {}, messages: {} }, create() {} } as unknown as Rule;
    expect(() => createAuditor({ plugins: [{ name: 'p', rules: { broken } }] })).toThrow(/rule "broken"/);
  });

  it('messages in English on request', () => {
    const r = audit(all['002']!, { ...only(), locale: 'en' });
    expect(r.findings.find((f) => f.messageId === 'heading')!.message).toMatch(/^Heading: /);
    // falls back to zh-CN when a message has no English text
    expect(r.findings.find((f) => f.messageId === 'word')!.message).toBe('出现“公开”');
  });

  it('scores by weight: 100 × Σ w·[pass] / Σ w over pass/fail rules', () => {
    const r = audit(all['002']!, { ...only({ probe: 'warning', 'with-options': 'error' }), weights: { minor: 1, moderate: 3 } });
    // probe fails (weight 1), with-options passes (weight 3), crashing is incomplete (not scored)
    expect(r.score).toBe(75);
    const custom = audit(all['002']!, { ...only({ probe: 'warning', 'with-options': 'error' }), weights: { probe: 3, moderate: 1 } });
    expect(custom.score).toBe(25);
  });
});

describe('input errors', () => {
  it.each([[42], [null], [undefined], [{}], [{ content: 5 }], [{ content: 'x', format: 'rtf' }], [[1, 2]]])(
    'rejects %j with AuditInputError',
    (input) => {
      expect(() => audit(input as never)).toThrow(AuditInputError);
      try {
        audit(input as never);
      } catch (e) {
        expect((e as Error).name).toBe('AuditInputError');
        expect((e as Error).message.length).toBeGreaterThan(10);
      }
    },
  );

  it('rejects binary junk and over-size input with a clear message', () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(() => audit({ content: junk, format: 'text' })).toThrow(/does not look like text/);
    expect(() => audit('报告'.repeat(100), { maxInputSize: 50 })).toThrow(/over the limit/);
  });

  it('decodes GB18030 bytes', () => {
    // 「政府信息公开工作年度报告」 in GBK
    const gbk = new Uint8Array([0xd5, 0xfe, 0xb8, 0xae, 0xd0, 0xc5, 0xcf, 0xa2, 0xb9, 0xab, 0xbf, 0xaa, 0xb9, 0xa4, 0xd7, 0xf7, 0xc4, 0xea, 0xb6, 0xc8, 0xb1, 0xa8, 0xb8, 0xe6]);
    expect(audit({ content: gbk, format: 'text' }).report.title).toBe('政府信息公开工作年度报告');
  });
});

describe('meta', () => {
  it.each([
    [{ year: '2024' }, /meta\.year/],
    [{ year: 1999 }, /meta\.year/],
    [{ publishedAt: '24/3/2025' }, /meta\.publishedAt/],
    [{ issuerType: 'township' }, /meta\.issuerType/],
    [{ previous: 42 }, /meta\.previous/],
  ])('rejects bad meta %j with AuditInputError', (meta, message) => {
    expect(() => audit({ content: all['002']!, meta: meta as never })).toThrow(message);
    expect(() => audit({ content: all['002']!, meta: meta as never })).toThrow(AuditInputError);
  });

  it('reads last year’s report given as meta.previous (one level deep)', () => {
    const probePrevious = defineRule({
      meta: {
        id: 'probe-previous',
        impact: 'minor',
        docs: { description: { 'zh-CN': '上年报告', en: 'previous report' } },
        messages: { year: { severity: 'info', text: { 'zh-CN': '上年报告年度{{year}}' } } },
      },
      create(context) {
        return {
          'root:exit'() {
            const prev = context.model.previous;
            if (prev) context.report({ messageId: 'year', data: { year: prev.year, nested: prev.previous === null } });
          },
        };
      },
    });
    const config = { plugins: [definePlugin({ name: 'p', rules: { 'probe-previous': probePrevious } })] };
    const r = audit({ content: all['002']!, meta: { previous: { content: all['004']!, meta: { previous: all['000']! } } } }, config);
    expect(r.findings.find((f) => f.ruleId === 'probe-previous')!.data).toEqual({ year: 2018, nested: true });
    expect(audit(all['002']!, config).findings.some((f) => f.ruleId === 'probe-previous')).toBe(false);
  });

  it('takes the publication date from meta, else from a page metadata line', () => {
    const probeDate = defineRule({
      meta: {
        id: 'probe-date',
        impact: 'minor',
        docs: { description: { 'zh-CN': '发布日期', en: 'publication date' } },
        messages: { date: { severity: 'info', text: { 'zh-CN': '{{date}} {{source}}' } } },
      },
      create(context) {
        return { 'root:exit'() { if (context.model.publishedAt) context.report({ messageId: 'date', data: context.model.publishedAt }); } };
      },
    });
    const config = { plugins: [definePlugin({ name: 'd', rules: { 'probe-date': probeDate } })] };
    const page = '发布日期:2017-02-23  浏览次数:12\n' + all['000']!;
    expect(audit(page, config).findings.find((f) => f.ruleId === 'probe-date')!.message).toBe('2017-02-23 metadata');
    expect(audit({ content: page, meta: { publishedAt: '2018-03-01' } }, config).findings.find((f) => f.ruleId === 'probe-date')!.message).toBe('2018-03-01 meta');
    // a statistics-form 填报日期 is never a publication date (seed 003)
    expect(audit(all['003']!, config).findings.some((f) => f.ruleId === 'probe-date')).toBe(false);
  });
});
