import { describe, expect, it } from '@jest/globals';
import { TEMPLATES } from '../helpers';
import { AuditConfigError, builtInPlugin, createAuditor, definePlugin } from '../../src/index';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { loadTemplates, type TemplateDefinition } from '../../src/structure/tables/index';
import { compactLabel } from '../../src/structure/tables/compact';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const schema = JSON.parse(readFileSync(join(root, 'schemas', 'template.schema.json'), 'utf8')) as object;
const files = readdirSync(join(root, 'rules', 'templates')).filter((f) => f.endsWith('.json'));
const defs = files.map((f) => JSON.parse(readFileSync(join(root, 'rules', 'templates', f), 'utf8')) as TemplateDefinition);
const validate = new Ajv({ allErrors: true }).compile(schema);

describe('template definitions', () => {
  it('has the six template tables, each valid against the schema', () => {
    expect(defs.map((d) => d.key).sort()).toEqual(['STAT', 'T4', 'TPL2019-T2', 'TPL2019-T3', 'TPL2021-T2', 'TPL2021-T3']);
    for (const d of defs) expect({ key: d.key, valid: validate(d), errors: validate.errors ?? null }).toEqual({ key: d.key, valid: true, errors: null });
  });

  it('the built-in plugin registers every file of rules/templates, validated', () => {
    expect(loadTemplates(TEMPLATES).map((d) => d.key).sort()).toEqual(defs.map((d) => d.key).sort());
    expect((builtInPlugin.templates ?? []).map((d) => d.key).sort()).toEqual(defs.map((d) => d.key).sort());
  });

  it('a plugin template is validated when the configuration is resolved', () => {
    const t4 = defs.find((d) => d.key === 'T4')!;
    const plugin = (templates: unknown[]) => definePlugin({ name: 'p', rules: {}, templates: templates as TemplateDefinition[] });
    const code = (fn: () => unknown) => {
      try {
        fn();
        return null;
      } catch (e) {
        return e instanceof AuditConfigError ? [e.code, e.message] : ['not a config error', String(e)];
      }
    };
    expect(code(() => createAuditor({ plugins: [plugin([{ ...t4, key: 'T4-LOCAL', rows: undefined }])] }))?.[0]).toBe('BAD_PLUGIN');
    expect(code(() => createAuditor({ plugins: [plugin([t4])] }))).toEqual(['BAD_PLUGIN', 'plugin templates: template T4 is defined twice']);
    expect(code(() => createAuditor({ plugins: [plugin([{ ...t4, key: 'T4-LOCAL', identities: [{ id: 'T4-99', kind: 'OFFICIAL', description: 'x', target: { row: 'nosuch', column: 'total' }, op: '=', operands: [{ row: 'nosuch', column: 'total' }] }] }])] }))).toEqual([
      'BAD_PLUGIN',
      'plugin templates: template T4-LOCAL: T4-99: unknown row nosuch; T4-99: unknown row nosuch',
    ]);
    expect(code(() => createAuditor({ plugins: [plugin([{ ...t4, key: 'T4-LOCAL' }])] }))).toBeNull();
  });

  it('the schema rejects malformed definitions', () => {
    const t3 = defs.find((d) => d.key === 'TPL2021-T3')!;
    const broken = [
      { ...t3, rows: undefined },
      { ...t3, id: 'T9' },
      { ...t3, identities: [{ id: 'T3-1', kind: 'MAYBE', description: 'x', target: { row: 'total', column: 'total' }, op: '=', operands: [{ row: 'new', column: 'total' }] }] },
      { ...t3, identities: [{ id: 'T3-1', kind: 'OFFICIAL', description: 'x', target: { row: 'total', column: 'total' }, op: '≈', operands: [{ row: 'new', column: 'total' }] }] },
      { ...t3, columns: [{ key: 'natural', label: '自然人', type: 'percent' }] },
    ];
    for (const b of broken) expect(validate(b)).toBe(false);
  });

  it('covers every identity of tables.md §1.3, §2.3, §3.2 and §5.2 that is not cross-year or narrative', () => {
    const ids = new Set(defs.flatMap((d) => d.identities.map((i) => i.id)));
    const expected = ['T2-1', 'T2-2', 'T3-1', 'T3-2', 'T3-3', 'T3-4', 'T3-5', 'T3-6', 'T4-1', 'T4-2', 'T4-3', 'T4-4'];
    for (let p = 1; p <= 13; p++) expected.push(`P-${p}`);
    for (const id of expected) expect(ids.has(id)).toBe(true);
    const kinds = Object.fromEntries(defs.flatMap((d) => d.identities.map((i) => [i.id, i.kind])));
    expect(kinds['T3-3']).toBe('OFFICIAL');
    expect(kinds['T3-1']).toBe('STRUCTURAL');
    expect(kinds['T2-2']).toBe('INFERRED');
    expect(kinds['P-9']).toBe('INFERRED');
  });

  it('T3-2 sums 21 leaf rows under TPL2021 and 19 under TPL2019 (tables.md §2.2)', () => {
    for (const [key, leaves, rows] of [['TPL2021-T3', 21, 25], ['TPL2019-T3', 19, 23]] as const) {
      const d = defs.find((x) => x.key === key)!;
      const t32 = d.identities.find((i) => i.id === 'T3-2')!;
      expect('operands' in t32 && 'rows' in t32.operands[0]! ? t32.operands[0].rows.length : 0).toBe(leaves);
      expect(d.rows.filter((r) => r.values).length).toBe(rows);
    }
  });

  it('each row pattern is found in its own label and in no other row label (except identical labels)', () => {
    for (const d of defs) {
      for (const r of d.rows) {
        const own = compactLabel(r.label);
        expect({ row: r.key, ok: own.includes(compactLabel(r.match[0]!)) }).toEqual({ row: r.key, ok: true });
        for (const p of r.match.map(compactLabel))
          for (const o of d.rows) {
            if (o === r || compactLabel(o.label) === own) continue;
            expect({ key: d.key, row: r.key, pattern: p, other: o.key, clash: compactLabel(o.label).includes(p) }).toMatchObject({ clash: false });
          }
      }
    }
  });
});
