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
