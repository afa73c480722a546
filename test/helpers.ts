import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
export const fixturesDir = join(here, 'fixtures');

export function fixture(relative: string): string {
  return readFileSync(join(fixturesDir, relative), 'utf8');
}

/** The five seed reports, keyed by their number ('000'…'004'). */
export function seeds(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(join(fixturesDir, 'seeds')).sort()) out[f.slice(0, 3)] = fixture(`seeds/${f}`);
  return out;
}

/** Line/column of an offset in a string, computed independently of the library. */
export function lineColumn(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column };
}
