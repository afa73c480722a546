/**
 * Empty input and text that is not an annual report (issue #16, problem 4): refused with
 * AuditInputError EMPTY or NOT_A_REPORT, while every seed and every real report of the corpus (most of
 * them 2,000-character excerpts, some mangled by the sites they came from) is still audited. Before,
 * an empty file scored 0 with three findings and an English README was audited as 「2023年, 2019年格式」.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { audit, AuditInputError } from '../../src/index';
import { fixturesDir } from '../helpers';

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof AuditInputError) return e.code;
    throw e;
  }
}

const bytes = (dir: string, f: string) => new Uint8Array(readFileSync(join(fixturesDir, dir, f)));

describe('what is a report', () => {
  it('audits every seed', () => {
    for (const f of readdirSync(join(fixturesDir, 'seeds'))) {
      expect([f, codeOf(() => audit({ content: bytes('seeds', f), uri: f }))]).toEqual([f, null]);
    }
  });

  it('audits all 68 real reports of the corpus, excerpts included', () => {
    // The folder also holds the corpus' README.md and labels.json beside the 68 reports.
    const files = readdirSync(join(fixturesDir, 'real'))
      .filter((f) => f !== 'README.md' && f !== 'labels.json')
      .sort();
    expect(files).toHaveLength(68);
    for (const f of files) expect([f, codeOf(() => audit({ content: bytes('real', f), uri: f }))]).toEqual([f, null]);
  });

  it('refuses plain non-reports: an English README, a news article, a budget report', () => {
    for (const f of ['README.md', 'news.txt', 'budget.txt']) {
      expect([f, codeOf(() => audit({ content: bytes('not-reports', f), uri: f }))]).toEqual([f, 'NOT_A_REPORT']);
    }
  });

  it('refuses empty input, white space and markup without text as EMPTY', () => {
    for (const input of ['', '  \n\t\n', { content: new Uint8Array(0), uri: 'empty.txt' }, { content: '<html><body><p> </p></body></html>', format: 'html' as const }]) {
      expect(codeOf(() => audit(input))).toBe('EMPTY');
    }
  });

  it('a very bad draft is still a report: one line naming the work is enough', () => {
    expect(codeOf(() => audit('2024年政府信息公开工作年度报告'))).toBeNull();
    expect(codeOf(() => audit('本机关全年主动公开政府信息12条。'))).toBeNull();
    expect(codeOf(() => audit('二、主动公开政府信息情况\n无'))).toBeNull();
  });

  it('every input error carries a stable code', () => {
    expect(codeOf(() => audit(123 as never))).toBe('BAD_INPUT');
    expect(codeOf(() => audit('x'.repeat(100), { maxInputSize: 10 }))).toBe('INPUT_TOO_LARGE');
    expect(codeOf(() => audit({ content: new Uint8Array(4000).fill(1) }))).toBe('BINARY');
    expect(codeOf(() => audit({ content: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) }))).toBe('CORRUPT_DOCX');
    expect(codeOf(() => audit({ content: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]), format: 'pdf' } as never))).toBe('UNSUPPORTED_FORMAT');
  });
});
