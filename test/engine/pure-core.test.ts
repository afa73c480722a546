/**
 * The core (src/ and rules/, all but the command: src/cli.ts and src/cli/) imports no Node built-in, so the
 * library — the publish hook included — runs in a browser, a worker or any CMS (DESIGN.md).
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, sep } from 'node:path';
import { root } from '../helpers';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

describe('the core imports no Node built-in', () => {
  it('src/ (but the command) and rules/', () => {
    const command = (f: string) => f === join(root, 'src', 'cli.ts') || f.startsWith(join(root, 'src', 'cli') + sep);
    const core = [...files(join(root, 'src')), ...files(join(root, 'rules'))].filter((f) => !command(f));
    expect(core.map((f) => relative(root, f))).toContain(join('src', 'hook.ts'));
    const found: string[] = [];
    for (const file of core) {
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^import\s+)['"]([^'"]+)['"]/gm)) {
        if (builtins.has(m[1]!)) found.push(`${relative(root, file)}: ${m[1]}`);
      }
    }
    expect(found).toEqual([]);
  });
});
