/**
 * Decoding damaged bytes (issue #16, problem 1): a real report with a few bad bytes is read as UTF-8
 * with U+FFFD in their place, an `encoding` finding names each damaged place, and the verdict and score
 * stay where the clean report's are. Before, one 0xFF byte made the whole file decode as GB18030 and
 * score 0 with no word about the encoding.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { audit } from '../../src/index';
import { decodeBytes, plausibility } from '../../src/input/decode';
import { fixturesDir } from '../helpers';

const seedDir = join(fixturesDir, 'seeds');
const seedFiles = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort();

/** A small deterministic PRNG (mulberry32): the same corruptions on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Corruption = (bytes: Uint8Array, random: () => number) => Uint8Array;

const at = (bytes: Uint8Array, random: () => number) => Math.floor(random() * bytes.length);

const CORRUPTIONS: Record<string, Corruption> = {
  'inserts a 0xFF byte': (b, r) => {
    const i = at(b, r);
    const out = new Uint8Array(b.length + 1);
    out.set(b.subarray(0, i));
    out[i] = 0xff;
    out.set(b.subarray(i), i + 1);
    return out;
  },
  'overwrites three bytes': (b, r) => {
    const out = b.slice();
    for (let k = 0; k < 3; k++) out[at(b, r)] = 0x80 + Math.floor(r() * 0x7f);
    return out;
  },
  'drops a byte': (b, r) => {
    const i = at(b, r);
    return new Uint8Array([...b.subarray(0, i), ...b.subarray(i + 1)]);
  },
  'ends in the middle of a character': (b) => {
    // A file cut after the first two bytes of a three-byte character (「加」 is E5 8A A0).
    return new Uint8Array([...b, 0xe5, 0x8a]);
  },
};

describe('decoding damaged bytes', () => {
  const clean = new Map<string, { bytes: Uint8Array; score: number; passed: boolean }>();
  for (const f of seedFiles) {
    const bytes = new Uint8Array(readFileSync(join(seedDir, f)));
    const r = audit({ content: bytes, uri: f });
    clean.set(f, { bytes, score: r.score, passed: r.passed });
  }

  it('reads clean UTF-8 seeds as UTF-8 with no encoding finding', () => {
    for (const f of seedFiles) {
      const r = audit({ content: clean.get(f)!.bytes, uri: f });
      expect(r.report.encoding).toBe('utf-8');
      expect(r.findings.filter((x) => x.ruleId === 'encoding')).toEqual([]);
      expect(r.rules.find((o) => o.ruleId === 'encoding')?.outcome).toBe('inapplicable');
      // The same score as the report given as a string.
      expect(r.score).toBe(audit(new TextDecoder().decode(clean.get(f)!.bytes)).score);
    }
  });

  for (const [name, corrupt] of Object.entries(CORRUPTIONS)) {
    it(`keeps verdict and score when a seed ${name} (fixed random positions)`, () => {
      let trial = 0;
      for (const f of seedFiles) {
        const base = clean.get(f)!;
        const trials = name.startsWith('ends') ? 1 : 4;
        for (let k = 0; k < trials; k++) {
          const random = rng(1000 * ++trial + 16);
          const bytes = corrupt(base.bytes, random);
          const r = audit({ content: bytes, uri: f });
          const where = `${f} trial ${k}`;
          expect([where, r.report.encoding]).toEqual([where, 'utf-8']);
          expect([where, r.passed]).toEqual([where, base.passed]);
          expect([where, Math.abs(r.score - base.score) <= 5]).toEqual([where, true]);
          const damaged = r.findings.filter((x) => x.ruleId === 'encoding');
          // Each damaged place is named, at a replacement character of the decoded text.
          const decoded = decodeBytes(bytes).text;
          const places = decoded.split('\uFFFD').length - 1;
          if (places > 0) expect([where, damaged.length > 0]).toEqual([where, true]);
          for (const d of damaged) expect(decoded.slice(d.position.start.offset, d.position.end.offset)).toMatch(/^\uFFFD/);
        }
      }
    });
  }

  it('seed 002 with one 0xFF byte: the finding says where, in the locale asked for', () => {
    const f = seedFiles.find((x) => x.startsWith('002'))!;
    const b = clean.get(f)!.bytes;
    const bad = new Uint8Array([...b.subarray(0, 500), 0xff, ...b.subarray(500)]);
    const zh = audit({ content: bad, uri: f });
    const finding = zh.findings.find((x) => x.ruleId === 'encoding')!;
    expect(finding.message).toContain('UTF-8');
    expect(finding.message).toMatch(/无法按UTF-8解码/);
    expect(finding.position.start.offset).toBe(new TextDecoder().decode(bad).indexOf('\uFFFD'));
    const en = audit({ content: bad, uri: f }, { locale: 'en' });
    expect(en.findings.find((x) => x.ruleId === 'encoding')!.message).toMatch(/^Bytes here cannot be decoded as UTF-8/);
    expect(zh.report.title).toBe(audit({ content: b }).report.title);
  });

  it('still reads GBK text as GB18030 (the plausible decoding wins, not the one without errors)', () => {
    // GB18030 bytes of 「政府信息公开工作年度报告」: decoded as UTF-8 they are nearly all U+FFFD.
    const gbk = new Uint8Array([0xd5, 0xfe, 0xb8, 0xae, 0xd0, 0xc5, 0xcf, 0xa2, 0xb9, 0xab, 0xbf, 0xaa, 0xb9, 0xa4, 0xd7, 0xf7, 0xc4, 0xea, 0xb6, 0xc8, 0xb1, 0xa8, 0xb8, 0xe6]);
    const d = decodeBytes(gbk);
    expect(d).toEqual({ text: '政府信息公开工作年度报告', encoding: 'gb18030', damaged: [] });
    expect(plausibility(d.text)).toBeGreaterThan(plausibility(new TextDecoder().decode(gbk)));
  });

  it('a string is not decoded: no encoding, the rule is inapplicable', () => {
    const r = audit(readFileSync(join(seedDir, seedFiles[0]!), 'utf8'));
    expect(r.report.encoding).toBeUndefined();
    expect(r.rules.find((o) => o.ruleId === 'encoding')?.outcome).toBe('inapplicable');
  });
});
