/**
 * The format registry (src/extract/formats.ts) is the one list of input formats. JSON schemas cannot
 * read it, so their enums are checked against it here: a format added to the registry and not to a
 * schema (or the other way round) fails this test. (types.ts's unions are checked by the compiler, in
 * formats.ts.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { FORMATS, SEARCHED_EXTENSIONS, formatOfBytes, formatOfExtension, isBinaryFormat } from '../../src/extract/formats';
import { sniffFormat as sniff } from '../../src/input/index';
import { FORMAT_TABLE } from '../../src/extract/formats';
const sniffFormat = (input: Parameters<typeof sniff>[0]) => sniff(input, FORMAT_TABLE);
import { root } from '../helpers';

const names = FORMATS.map((f) => f.name);
const sorted = (xs: readonly string[]) => [...xs].sort();

function schema(name: string): Record<string, any> {
  return JSON.parse(readFileSync(join(root, 'schemas', name), 'utf8'));
}

describe('the format registry', () => {
  it('names each format once', () => {
    expect(new Set(names).size).toBe(names.length);
    const extensions = FORMATS.flatMap((f) => [...f.extensions, ...('aliases' in f ? f.aliases : [])]);
    expect(new Set(extensions).size).toBe(extensions.length);
  });

  it('is the enum of input.format in audit-input.schema.json', () => {
    expect(sorted(schema('audit-input.schema.json').properties.format.enum)).toEqual(sorted(names));
  });

  it('is the enum of report.format in audit-result.schema.json', () => {
    const result = schema('audit-result.schema.json');
    const found: string[][] = [];
    const visit = (node: unknown, key?: string): void => {
      if (!node || typeof node !== 'object') return;
      const enumOf = (node as { enum?: unknown }).enum;
      if (key === 'format' && Array.isArray(enumOf)) found.push(enumOf as string[]);
      for (const [k, v] of Object.entries(node)) visit(v, k);
    };
    visit(result);
    expect(found).toHaveLength(1);
    expect(sorted(found[0]!)).toEqual(sorted(names));
  });

  it('drives sniffing: every extension, alias and magic number', () => {
    for (const f of FORMATS) {
      for (const e of [...f.extensions, ...('aliases' in f ? f.aliases : [])]) {
        expect(formatOfExtension(e)?.name).toBe(f.name);
        expect(sniffFormat({ content: '', uri: `dir/report.${e.toUpperCase()}` })).toBe(f.name);
      }
      if ('magic' in f) {
        const bytes = new Uint8Array([...f.magic, 0, 0, 0]);
        expect(formatOfBytes(bytes)?.name).toBe(f.name);
        expect(sniffFormat({ content: bytes })).toBe(f.name);
      }
    }
    expect(SEARCHED_EXTENSIONS).toEqual(['.txt', '.md', '.html', '.htm', '.xml', '.docx', '.pdf']);
  });

  it('says which formats are binary (positions into the extracted text)', () => {
    expect(names.filter(isBinaryFormat)).toEqual(['docx', 'pdf']);
    expect(isBinaryFormat('no-such-format')).toBe(false);
  });
});
