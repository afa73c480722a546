/**
 * The kit (`xxgk-audit/kit`): what a rule author gets, and the engine's per-audit cache behind it.
 */
import { describe, expect, it } from '@jest/globals';
import { audit, builtInPlugin } from '../../src/index';
import * as kit from '../../src/kit/index';
import type { AuditConfig, RecognisedTable } from '../../src/types';
import { seeds } from '../helpers';

const SEED002 = seeds()['002']!;

/** A third-party rule that compacts the report text twice and keeps what it got. */
function probe() {
  const seen: kit.CompactText[] = [];
  let checks: readonly unknown[] = [];
  let templates = 0;
  const rule = kit.defineRule({
    meta: { id: 'probe', impact: 'minor', docs: { description: { 'zh-CN': '探针', en: 'probe' } }, messages: { x: { severity: 'info', text: { 'zh-CN': 'x', en: 'x' } } } },
    create(context) {
      return {
        'root:exit'() {
          seen.push(kit.compactText(context.model.text), kit.compactText(context.model.text));
          const t3 = kit.tableOf(context.model.tables, 'T3');
          if (t3) checks = context.model.identityChecks(t3);
          templates = context.model.templates.length;
        },
      };
    },
  });
  const config: AuditConfig = { plugins: [kit.definePlugin({ name: 'probe', rules: { probe: rule } })] };
  return { seen, config, checks: () => checks, templates: () => templates };
}

describe('the kit', () => {
  it('compactText is computed once per audit and not kept after it', () => {
    const p = probe();
    audit(SEED002, p.config);
    audit(SEED002, p.config);
    expect(p.seen).toHaveLength(4);
    expect(p.seen[0]).toBe(p.seen[1]);
    expect(p.seen[2]).toBe(p.seen[3]);
    // A second audit of the same text computes afresh: the first audit's cache was dropped.
    expect(p.seen[2]).not.toBe(p.seen[0]);
    expect(p.seen[2]!.text).toBe(p.seen[0]!.text);
  });

  it('outside an audit there is no cache: each call computes', () => {
    const a = kit.compactText('一、 总体情况\n\n本 机关');
    const b = kit.compactText('一、 总体情况\n\n本 机关');
    expect(a).not.toBe(b);
    expect(a.text).toBe('一、总体情况\n本机关');
    expect(kit.originalRange(a, 7, 10)).toEqual([9, 13]);
  });

  it('a rule reads the identity checks and the templates from the model', () => {
    const p = probe();
    audit(SEED002, p.config);
    expect(p.templates()).toBe(6);
    expect(p.checks().length).toBeGreaterThan(10);
  });

  it('checkIdentities checks a table made by hand as the model does', () => {
    const p = probe();
    const result = audit(SEED002, p.config);
    const t3 = result.report.tables.find((t) => t.id === 'T3') as RecognisedTable;
    const byHand = kit.checkIdentities(t3, builtInPlugin.templates ?? []);
    const strip = (cs: readonly unknown[]) => cs.map((c) => { const { start: _s, end: _e, ...rest } = c as { start: number; end: number }; return rest; });
    expect(byHand.length).toBeGreaterThan(10);
    expect(strip(byHand)).toEqual(strip(p.checks()));
    expect(kit.templateOf({ templates: builtInPlugin.templates ?? [] }, t3.template)?.id).toBe('T3');
  });
});
