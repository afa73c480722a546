/**
 * Rule isolation (issue #7): a plugin rule that throws anything, returns junk from create(), reports
 * junk, floods findings, mutates the tree or burns time cannot take the audit down or change what
 * the built-in rules find. Every result still validates against the result schema.
 */
import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import resultSchema from '../../schemas/audit-result.schema.json' with { type: 'json' };
import { audit, defineRule, definePlugin, type AuditConfig, type AuditResult, type Rule, type RuleVisitors } from '../../src/index';
import { seeds } from '../helpers';

const all = seeds();
const report = all['002']!;
const validate = new Ajv({ allErrors: true, strict: false }).compile(resultSchema);

function hostile(id: string, create: Rule['create']): Rule {
  return defineRule({
    meta: {
      id,
      impact: 'minor',
      docs: { description: { 'zh-CN': '恶意规则', en: 'hostile rule' } },
      messages: { hit: { severity: 'warning', text: { 'zh-CN': '命中 {{n}}', en: 'hit {{n}}' } } },
    },
    create,
  });
}

function withRules(...rules: Rule[]): AuditConfig {
  return { plugins: [definePlugin({ name: 'hostile', rules: Object.fromEntries(rules.map((r) => [r.meta.id, r])) })] };
}

/** The built-in rules' part of a result: what a hostile plugin must not change. */
function builtIn(r: AuditResult, hostileIds: string[]) {
  return {
    findings: r.findings.filter((f) => !hostileIds.includes(f.ruleId)),
    rules: r.rules.filter((o) => !hostileIds.includes(o.ruleId)),
    report: r.report,
  };
}

const baseline = audit(report);

function auditWith(...rules: Rule[]): AuditResult {
  const result = audit(report, withRules(...rules));
  expect(validate(result)).toBe(true);
  expect(builtIn(result, rules.map((r) => r.meta.id))).toEqual(builtIn(baseline, []));
  return result;
}

function outcome(result: AuditResult, id: string) {
  return result.rules.find((o) => o.ruleId === id)!;
}

describe('a rule that throws is recorded, and the others run', () => {
  const unprintable = {
    toString() {
      throw new Error('no printing me');
    },
  };
  const badMessage = new Error('x');
  Object.defineProperty(badMessage, 'message', {
    get() {
      throw new Error('getter');
    },
  });
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();

  it.each<[string, unknown, RegExp]>([
    ['a TypeError', new TypeError('bad'), /^TypeError: bad$/],
    ['a string', 'just a string', /^just a string$/],
    ['a number', 42, /^42$/],
    ['null', null, /^null$/],
    ['undefined', undefined, /^undefined$/],
    ['a symbol', Symbol('s'), /^Symbol\(s\)$/],
    ['an object whose toString throws', unprintable, /cannot be printed/],
    ['an Error whose message getter throws', badMessage, /cannot be printed/],
    ['a revoked proxy', revoked.proxy, /cannot be printed/],
    ['a very long message', new Error('长'.repeat(100_000)), /^长+…$/],
  ])('%s, thrown from create(), a visitor or root:exit', (_, thrown, message) => {
    const places: Array<[string, Rule['create']]> = [
      ['in-create', () => {
        throw thrown;
      }],
      ['in-visitor', () => ({
        paragraph() {
          throw thrown;
        },
      })],
      ['in-exit', () => ({
        'root:exit'() {
          throw thrown;
        },
      })],
    ];
    const rules = places.map(([id, create]) => hostile(id, create));
    const result = auditWith(...rules);
    for (const r of rules) {
      expect(outcome(result, r.meta.id)).toMatchObject({ outcome: 'incomplete', findingCount: 0 });
      const error = result.errors.find((e) => e.ruleId === r.meta.id)!;
      expect(error.message).toMatch(message);
      expect(error.message.length).toBeLessThanOrEqual(500);
    }
  });

  it('visitors create() returns that throw when read (a proxy, a getter)', () => {
    const trap = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('ownKeys trap');
        },
      },
    );
    const getter = {
      get paragraph() {
        throw new Error('getter trap');
      },
    };
    const result = auditWith(
      hostile('proxy', () => trap as RuleVisitors),
      hostile('getter', () => getter as unknown as RuleVisitors),
      hostile('number', () => 7 as unknown as RuleVisitors),
    );
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { ruleId: 'proxy', message: 'ownKeys trap' },
        { ruleId: 'getter', message: 'getter trap' },
      ]),
    );
    expect(outcome(result, 'number').outcome).toBe('pass');
  });
});

describe('what a rule reports is checked', () => {
  it.each<[string, Record<string, unknown>, RegExp]>([
    ['a position past the end', { position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 1e9 } } }, /invalid position/],
    ['a position that ends before it starts', { position: { start: { line: 1, column: 9, offset: 8 }, end: { line: 1, column: 1, offset: 0 } } }, /invalid position/],
    ['a position of NaN', { position: { start: { line: 1, column: 1, offset: NaN }, end: { line: 1, column: 1, offset: 0 } } }, /invalid position/],
    ['a position that is a string', { position: 'here' }, /invalid position/],
    ['a range of negative numbers', { range: [-5, 3] }, /invalid range/],
    ['a range past the text', { range: [0, 1e9] }, /invalid range/],
    ['a range of strings', { range: ['0', '3'] }, /invalid range/],
    ['a section that is not one of the tree', { section: { key: 'nope', title: 3 } }, /invalid section/],
    ['an unknown message id', { messageId: 'nope' }, /unknown messageId "nope"/],
    ['data that is not an object', { data: 'text' }, /data that is not an object/],
    ['data whose toJSON gives a string', { data: { n: 1, toJSON: () => 'text' } }, /data that is not an object/],
  ])('%s: the rule is stopped with a message naming the problem', (_, descriptor, message) => {
    const rule = hostile('junk', (context) => ({
      'root:exit'() {
        context.report({ messageId: 'hit', data: { n: 1 }, ...descriptor } as never);
      },
    }));
    const result = auditWith(rule);
    expect(outcome(result, 'junk').outcome).toBe('incomplete');
    expect(result.errors[0]!.message).toMatch(message);
  });

  it('cyclic, huge and unprintable data become plain JSON', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const deep: unknown[] = [];
    let at = deep;
    for (let i = 0; i < 100_000; i++) at.push((at = []));
    const rule = hostile('data', (context) => ({
      'root:exit'() {
        context.report({ messageId: 'hit', range: [0, 1], data: { n: 1, cyclic } });
        context.report({ messageId: 'hit', range: [0, 1], data: { n: 2, big: 10n as unknown as number, f: () => 1, u: undefined } });
        context.report({ messageId: 'hit', range: [0, 1], data: { n: 3 }, expected: deep, actual: { toJSON: () => Infinity } });
      },
    }));
    const result = auditWith(rule);
    const [one, two, three] = result.findings.filter((f) => f.ruleId === 'data');
    expect(one!.data).toEqual({ n: 1, cyclic: { a: 1, self: '[circular]' } });
    expect(two!.data).toEqual({ n: 2 });
    expect(JSON.stringify(three!.expected)).toMatch(/^(\[){64}"\[too deep\]"(\]){64}$/);
    expect(three!.actual).toBeNull();
    expect(() => JSON.stringify(result)).not.toThrow();
  });
});

describe('a rule that floods, mutates or burns time', () => {
  it('100,000 findings: the first maxFindingsPerRule are listed, the rest counted', () => {
    const rule = hostile('flood', (context) => ({
      'root:exit'() {
        for (let i = 0; i < 100_000; i++) context.report({ messageId: 'hit', range: [0, 1], data: { n: i } });
      },
    }));
    const result = auditWith(rule);
    expect(result.findings.filter((f) => f.ruleId === 'flood')).toHaveLength(200);
    expect(outcome(result, 'flood')).toMatchObject({ outcome: 'fail', findingCount: 100_000 });
    expect(outcome(result, 'flood').reason).toMatch(/另有 99800 个问题未列出/);
  });

  it('adding, removing and replacing nodes during the walk neither loops nor strays', () => {
    let visits = 0;
    const rule = hostile('mutator', () => ({
      paragraph(node, parent) {
        visits++;
        parent?.children?.push({ type: 'paragraph', children: [] } as never);
        parent?.children?.splice(0, 1);
        if (parent?.children) parent.children[0] = undefined as never;
        (node as { type: string }).type = 'heading';
      },
    }));
    // The model is shared: a mutating plugin can change what later rules see, but the walk ends
    // and visits each node the tree had when the walk reached it once.
    const result = audit(report, withRules(rule));
    expect(validate(result)).toBe(true);
    const paragraphs = countNodes('paragraph');
    expect(visits).toBeGreaterThan(0);
    expect(visits).toBeLessThanOrEqual(paragraphs);
  });

  it('linking nodes into cycles, chains of new nodes or non-arrays neither loops nor overflows the stack', () => {
    let visits = 0;
    const rule = hostile('linker', () => {
      // A chain of new nodes far deeper than the stack allows recursion.
      const head: { type: string; children: unknown[] } = { type: 'paragraph', children: [] };
      let chain = head;
      for (let i = 0; i < 50_000; i++) chain = chain.children[0] = { type: 'text', children: [] } as typeof head;
      return {
        paragraph(node, parent) {
          visits++;
          // Every later sibling leads back to the parent and down the chain.
          for (const sibling of parent?.children ?? []) {
            if (sibling !== node) (sibling as { children?: unknown }).children = [parent, head];
          }
        },
        tableRow(node) {
          (node as { children?: unknown }).children = 42;
        },
      };
    });
    const result = audit(report, withRules(rule));
    expect(validate(result)).toBe(true);
    expect(visits).toBeGreaterThan(0);
    expect(outcome(result, 'linker').outcome).toBe('pass');
  });

  it('a rule over its time budget is stopped and recorded; the others finish', () => {
    let calls = 0;
    const rule = hostile('slow', () => ({
      paragraph() {
        calls++;
        const until = performance.now() + 50;
        while (performance.now() < until) {
          // Burn time, as a rule walking the whole tree at every node would.
        }
      },
    }));
    // The budget binds every rule: wide enough that the built-in rules stay within it on a busy machine (at 20 ms
    // they did not, under a load of 10 on 2 cores), five calls of the slow rule's visitor.
    const result = audit(report, { ...withRules(rule), ruleTimeBudget: 250 });
    expect(validate(result)).toBe(true);
    expect(outcome(result, 'slow').outcome).toBe('incomplete');
    expect(result.errors[0]!.message).toMatch(/over its time budget of 250 ms \(ruleTimeBudget\)/);
    expect(calls).toBeLessThan(10);
    expect(builtIn(result, ['slow'])).toEqual(builtIn(baseline, []));
  });

  it('ruleTimeBudget is validated', () => {
    expect(() => audit(report, { ruleTimeBudget: 0 })).toThrow(/ruleTimeBudget/);
    expect(() => audit(report, { ruleTimeBudget: 'x' as never })).toThrow(/ruleTimeBudget/);
  });
});

/** How many nodes of a type the walk visits when no rule interferes. */
function countNodes(type: string): number {
  let n = 0;
  const rule = hostile('count', () => ({
    [type]() {
      n++;
    },
  }));
  audit(report, withRules(rule));
  return n;
}

describe('the walk', () => {
  /** Every node of the model's tree in document order, enter and exit, read straight from the tree. */
  function expectedVisits(tree: { type: string; children?: unknown[] }): string[] {
    const out: string[] = [];
    (function walk(node: { type: string; children?: unknown[] }) {
      out.push(node.type);
      for (const child of node.children ?? []) walk(child as { type: string; children?: unknown[] });
      out.push(`${node.type}:exit`);
    })(tree);
    return out;
  }

  it('reaches every node, enter and exit, when a rule visits nodes below the root', () => {
    const types = ['root', 'section', 'heading', 'paragraph', 'table', 'tableRow', 'tableCell', 'text'];
    const seen: string[] = [];
    let tree: { type: string; children?: unknown[] } | undefined;
    const visitors: RuleVisitors = {};
    for (const type of types) {
      visitors[type] = (node) => {
        if (type === 'root') tree = node as typeof tree;
        seen.push(type);
      };
      visitors[`${type}:exit`] = () => seen.push(`${type}:exit`);
    }
    auditWith(hostile('walker', () => visitors));
    expect(tree).toBeDefined();
    const expected = expectedVisits(tree!);
    expect(expected.filter((t) => t === 'tableCell').length).toBeGreaterThan(50);
    expect(seen).toEqual(expected);
  });

  it('calls root and root:exit once when no rule visits anything else', () => {
    const calls: string[] = [];
    auditWith(hostile('root-only', () => ({ root: () => calls.push('root'), 'root:exit': () => calls.push('root:exit') })));
    expect(calls).toEqual(['root', 'root:exit']);
  });
});
