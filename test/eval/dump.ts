/**
 * `tsx test/eval/dump.ts > dump.jsonl`: every result, fingerprints included, for every fixture,
 * example, corpus report and PDF, one JSON line per (file, configuration). Issue #13 re-layers the
 * code "with the same behaviour"; a dump before and a dump after must be identical, except for the
 * drifted helpers listed in CHANGELOG.md. Not a test: the corpus lives outside the package.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { audit } from '../../src/index';
import { readPdf } from '../../src/pdf/index';
import type { AuditConfig, AuditInput, AuditSource, InputFormat } from '../../src/types';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const roots = [join(root, 'test', 'fixtures'), join(root, 'examples', 'reports'), resolve(root, '..', 'shared', 'corpus')];
const FORMAT: Record<string, InputFormat> = { '.txt': 'text', '.md': 'markdown', '.html': 'html', '.htm': 'html', '.docx': 'docx' };

function walk(dir: string, out: string[]): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

const configs: Array<[string, AuditConfig | undefined]> = [
  ['default', undefined],
  ['en', { locale: 'en' }],
];

async function main(): Promise<void> {
  for (const file of roots.flatMap((r) => walk(r, []))) {
    const ext = extname(file).toLowerCase();
    const name = file.startsWith(root) ? relative(root, file) : relative(resolve(root, '..', 'shared'), file);
    let input: AuditSource;
    try {
      if (ext === '.pdf') input = await readPdf(readFileSync(file));
      else if (ext === '.docx') input = { format: 'docx', content: new Uint8Array(readFileSync(file)) } as AuditInput;
      else if (FORMAT[ext]) input = { format: FORMAT[ext], content: new Uint8Array(readFileSync(file)) } as AuditInput;
      else continue;
    } catch (e) {
      console.log(JSON.stringify({ file: name, read: String((e as Error).message), code: (e as { code?: string }).code }));
      continue;
    }
    for (const [label, config] of configs) {
      try {
        console.log(JSON.stringify({ file: name, config: label, result: audit(input, config) }));
      } catch (e) {
        console.log(JSON.stringify({ file: name, config: label, error: String((e as Error).message), code: (e as { code?: string }).code }));
      }
    }
  }
}
void main();
