import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../helpers';
// @ts-expect-error the dictionary modules ship without type declarations
import TSPhrases from 'opencc-js/dict/TSPhrases';
// @ts-expect-error the dictionary modules ship without type declarations
import TSCharacters from 'opencc-js/dict/TSCharacters';
import { Converter } from 'opencc-js/t2cn';
import { normalize } from '../../src/normalize/index';
import { t2s } from '../../src/normalize/t2s';

const opencc = Converter({ from: 't', to: 'cn' }) as (s: string) => string;
const keys = (dict: string) => dict.split('|').map((e) => e.split(' ')[0]!);
const fixtures = fixturesDir;
const texts = ['seeds', 'peers'].flatMap((d) =>
  readdirSync(join(fixtures, d))
    .filter((f) => /\.(txt|md)$/.test(f))
    .map((f) => readFileSync(join(fixtures, d, f), 'utf8')),
);

describe('t2s: OpenCC t2cn with flat tables', () => {
  it('gives what opencc-js gives on every real report in the fixtures', () => {
    expect(texts.length).toBeGreaterThan(8);
    for (const text of texts) expect(t2s(text)).toBe(opencc(text));
  });

  it('gives what opencc-js gives on every dictionary key, alone and run together (longest match first)', () => {
    const all = [...keys(TSPhrases as string), ...keys(TSCharacters as string)];
    expect(all.length).toBeGreaterThan(3500);
    for (const k of all) expect(t2s(k)).toBe(opencc(k));
    const joined = all.join('');
    expect(t2s(joined)).toBe(opencc(joined));
    const spaced = all.join('的');
    expect(t2s(spaced)).toBe(opencc(spaced));
  });

  it('keeps an ideographic description sequence whole and handles astral characters and lone surrogates', () => {
    for (const s of ['⿰女子與⿱艹⿰氵去國', '𠀀開𡘙會\uD800關\uDC00', '⿰', '⿰開']) expect(t2s(s)).toBe(opencc(s));
  });
});

describe('normalize', () => {
  it('converts traditional script and keeps offsets', () => {
    const source = '二、主動公開政府資訊情況\n本机关答覆申请人\n联系电话:0517-1234';
    const { text, map } = normalize(source);
    expect(text).toBe('二、主动公开政府资讯情况\n本机关答复申请人\n联系电话:0517-1234');
    expect(map[text.indexOf('答复')]).toBe(source.indexOf('答覆'));
    expect(map[text.length]).toBe(source.length);
  });

  it('keeps one character per character when a phrase entry would change the length', () => {
    const lengthChanging = (TSPhrases as string)
      .split('|')
      .map((e) => e.split(' ') as [string, string])
      .find(([from, to]) => from.length !== to.length);
    expect(lengthChanging).toBeDefined();
    const source = `第一行\n${lengthChanging![0]}開\n第三行`;
    const { text, map } = normalize(source);
    expect(text.length).toBe(source.length);
    expect(text.endsWith('开\n第三行')).toBe(true);
    expect(map[text.length - 1]).toBe(source.length - 1);
  });
});

describe('Kangxi radicals and CJK compatibility ideographs (spec/presentations.md §2.3)', () => {
  it('folds them to the unified ideographs, one to one, offsets kept', () => {
    // ⼀ U+2F00, ⼈ U+2F08, ⾏ U+2F8F, ⽤ U+2F64; 﨎 U+FA0E is its own unified ideograph and stays.
    const source = '（六）其他处理 1.申请⼈⽆正当理由 ⾏政复议\n第⼀项 ⽤于 﨎 㐀';
    const { text, map } = normalize(source);
    expect(text).toBe('(六)其他处理 1.申请人无正当理由行政复议\n第一项用于﨎㐀');
    expect(map[text.indexOf('人')]).toBe(source.indexOf('⼈'));
    expect(map[text.indexOf('行')]).toBe(source.indexOf('⾏'));
    expect(map[text.indexOf('一')]).toBe(source.indexOf('⼀'));
    expect(map[text.length]).toBe(source.length);
  });

  it('folds every code point of the three blocks as NFKC does, and nothing else', () => {
    const ranges: Array<[number, number]> = [
      [0x2f00, 0x2fdf],
      [0xf900, 0xfaff],
      [0x2f800, 0x2fa1f],
    ];
    for (const [from, to] of ranges) {
      for (let cp = from; cp <= to; cp++) {
        const ch = String.fromCodePoint(cp);
        const nfkc = ch.normalize('NFKC');
        const { text, map } = normalize(`表${ch}三`);
        // t2s may then simplify the unified ideograph (e.g. 樂 → 乐): compare after it.
        expect(text).toBe(normalize(`表${nfkc}三`).text);
        expect(map[text.length - 1]).toBe(1 + ch.length);
        expect(map[1]).toBe(1);
      }
    }
  });

  it('a supplement ideograph (two code units) maps both of its output units to its own offset', () => {
    const source = `前\u{2F800}后`; // U+2F800 → U+4E3D 丽
    const { text, map } = normalize(source);
    expect(text).toBe('前丽后');
    expect(Array.from(map)).toEqual([0, 1, 3, 4]);
  });
});

describe('a report written with Kangxi radicals audits as the same report', () => {
  it('same verdicts and findings; every finding points at the same place in the caller’s text', async () => {
    const { audit } = await import('../../src/index');
    const plain = readFileSync(join(fixturesDir, 'peers', 'kirogovcompare__hzq2023.txt'), 'utf8');
    const kangxi = plain.replace(/[一人行用无]/g, (ch) => ({ 一: '⼀', 人: '⼈', 行: '⾏', 用: '⽤', 无: '⽆' })[ch]!);
    expect(kangxi).not.toBe(plain);
    expect(kangxi.length).toBe(plain.length);
    const a = audit({ content: plain, format: 'text' });
    const b = audit({ content: kangxi, format: 'text' });
    expect(b.rules.map((r) => [r.ruleId, r.outcome])).toEqual(a.rules.map((r) => [r.ruleId, r.outcome]));
    expect(b.findings.map((f) => [f.ruleId, f.message])).toEqual(a.findings.map((f) => [f.ruleId, f.message]));
    expect(b.findings.length).toBeGreaterThan(0);
    b.findings.forEach((f, i) => expect(f.position).toEqual(a.findings[i]!.position));
    expect(JSON.stringify(b.report.tables)).toBe(JSON.stringify(a.report.tables));
  });
});
