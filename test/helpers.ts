import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { expect } from '@jest/globals';
import { audit, AuditInputError, type AuditInput, type ReportFormat } from '../src/index';
import builtInTemplates from '../rules/templates/index';
import { compileTemplates } from '../src/structure/tables/index';
import { bestTime } from './timing';
export { bestTime };

const here = dirname(fileURLToPath(import.meta.url));
export const fixturesDir = join(here, 'fixtures');
/** The repository's root. */
export const root = join(here, '..');
/** tsx's loader as a URL, for child processes that run the TypeScript sources (`node --import`). */
export const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

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

let normalPerChar = 0;

/** What auditing the real seeds as text costs per character, measured now (best of `runs`). */
function measureNormal(runs: number): number {
  const text = Object.values(seeds()).join('\n');
  // Compiled code first: a reference measured on cold code would let a slow step pass.
  if (normalPerChar === 0) for (let i = 0; i < 10; i++) audit(text);
  normalPerChar = bestTime(() => audit(text), runs + 2) / text.length;
  return normalPerChar;
}

/** How many times an excess of cost is measured before it counts: a busy machine only adds time. */
export const COST_ATTEMPTS = 3;

/**
 * A cost ratio measured up to COST_ATTEMPTS times while it is over `limit`: `measure(attempt)` takes
 * more runs, and measures its reference again, on later attempts. The last ratio measured.
 */
export function retriedRatio(measure: (attempt: number) => number, limit: number): number {
  let ratio = Infinity;
  for (let attempt = 1; attempt <= COST_ATTEMPTS && ratio > limit; attempt++) ratio = measure(attempt);
  return ratio;
}

/**
 * Asserts that `work` on an input of `size` characters costs per character at most `factor` times
 * a normal audit of the real seeds, measured in the same process: no wall-clock limit, so a busy
 * machine slows both sides alike. An excess is measured again (more runs, the normal audit
 * measured again beside it) before it fails; a quadratic step costs hundreds of times the normal
 * report at the sizes the hostile-input tests use, on every attempt.
 */
export function expectLinearCost(work: () => void, size: number, factor = 20): void {
  const ratio = retriedRatio((attempt) => {
    const spent = bestTime(work, attempt);
    const reference = attempt === 1 && normalPerChar > 0 ? normalPerChar : measureNormal(attempt + 1);
    return spent / size / reference;
  }, factor);
  if (ratio > factor) {
    throw new Error(`${size} characters cost ${ratio.toFixed(1)}× a normal report per character (allowed: ${factor}×, ${COST_ATTEMPTS} attempts)`);
  }
}

/**
 * Audits hostile `input`: it gives a result of the `format` expected or is refused with an
 * AuditInputError, at a cost per character of `size` within what expectLinearCost allows.
 */
export function expectReturnsOrRefuses(input: AuditInput, format: ReportFormat, size: number): void {
  expectLinearCost(() => {
    try {
      expect(audit(input).report.format).toBe(format);
    } catch (e) {
      if (!(e instanceof AuditInputError)) throw e;
    }
  }, size);
}

/** The built-in table templates (the built-in plugin registers them), compiled as the engine does. */
export const TEMPLATE_DEFS = builtInTemplates;
export const TEMPLATES = compileTemplates(builtInTemplates);
