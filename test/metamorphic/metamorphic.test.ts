/**
 * spec/presentations.md §5: the verdict belongs to the report, not to its presentation. For every
 * seed and every report of the real corpus (test/fixtures/real), each of the six transforms must
 * leave the template, the year, the section keys and the verdicts of the five core rules unchanged,
 * and every finding must still point at the same words (compare.ts says exactly what is compared).
 *
 * One allowance (issue #14): where joining lines with nothing runs a table's cells together,
 * tables-reconcile may turn `incomplete`; it never turns from pass to fail or back.
 *
 * known-gaps.json lists the report × transform pairs that do not hold yet, each with what differs.
 * The list may only shrink: a pair that holds now must come off it, and a pair not on it must hold.
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { audit, type AuditResult } from '../../src/index';
import { fixturesDir } from '../helpers';
import { compareUnder, type Difference } from './compare';
import { TRANSFORMS, type TransformName } from './transforms';
import knownGaps from './known-gaps.json' with { type: 'json' };

interface Report {
  name: string;
  text: string;
  format: 'text' | 'html';
}

function reports(): Report[] {
  const out: Report[] = [];
  const seeds = join(fixturesDir, 'seeds');
  for (const f of readdirSync(seeds).sort()) out.push({ name: f, text: readFileSync(join(seeds, f), 'utf8'), format: 'text' });
  const real = join(fixturesDir, 'real');
  for (const f of readdirSync(real).sort()) {
    if (!/^\d/.test(f)) continue;
    out.push({ name: f, text: readFileSync(join(real, f), 'utf8'), format: f.endsWith('.html') ? 'html' : 'text' });
  }
  return out;
}

const all = reports();

/**
 * Each report's own audit, made once and compared with its six transformed copies: audit() is
 * deterministic (test/robustness/fuzz.test.ts checks it), and auditing the original again for each
 * transform was 365 of the suite's 876 audits.
 */
const originals = new Map<string, AuditResult>();
function original(r: Report): AuditResult {
  let result = originals.get(r.name);
  if (!result) originals.set(r.name, (result = audit({ format: r.format, uri: r.name, content: r.text })));
  return result;
}
const known = knownGaps as Record<string, string>;
const summary = (d: Difference[]) => d.map((x) => `${x.what}: ${x.before} → ${x.after}`).join('; ');

describe('metamorphic transforms (presentations.md §5) on the seeds and the real corpus', () => {
  it('covers the five seeds and the 68 real reports', () => {
    expect(all.length).toBe(73);
  });

  it.each(TRANSFORMS)('%s: template, year, sections, core verdicts and finding positions hold', (name: TransformName) => {
    const broken: string[] = [];
    const closed: string[] = [];
    const allowances: string[] = [];
    for (const r of all) {
      const used: string[] = [];
      const d = compareUnder(name, r.text, { format: r.format, uri: r.name }, used, original(r));
      for (const u of used) allowances.push(`${r.name}: tables-reconcile ${u}`);
      const key = `${r.name}|${name}`;
      if (d.length > 0 && !(key in known)) broken.push(`${key}: ${summary(d).slice(0, 300)}`);
      if (d.length === 0 && key in known) closed.push(key);
    }
    if (allowances.length > 0) console.log(`${name}: the allowance was used for\n${allowances.join('\n')}`);
    expect(broken).toEqual([]);
    // A gap that is closed comes off known-gaps.json, so the list tells the truth.
    expect(closed).toEqual([]);
  });
});
