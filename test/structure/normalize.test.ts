import { describe, expect, it } from '@jest/globals';
// @ts-expect-error the dictionary modules ship without type declarations
import TSPhrases from 'opencc-js/dict/TSPhrases';
// @ts-expect-error the dictionary modules ship without type declarations
import TSCharacters from 'opencc-js/dict/TSCharacters';
import { conversionTriggers, normalize, PHRASE_ONLY_CHARACTERS } from '../../src/normalize/index';

type Entry = [string, string];
const entries = (dict: unknown): Entry[] =>
  typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ') as Entry) : (dict as Entry[]);

describe('traditional → simplified only where a character can change', () => {
  const triggers = conversionTriggers();
  const isTrigger = (ch: string) => triggers[ch.charCodeAt(0)] === 1;

  it('every character OpenCC t2cn changes is a trigger', () => {
    const changed = entries(TSCharacters).filter(([from, to]) => from !== to);
    expect(changed.length).toBeGreaterThan(3000);
    expect(changed.filter(([from]) => !isTrigger(from)).map(([from]) => from)).toEqual([]);
  });

  it('every phrase entry that changes text holds a trigger (so skipped lines are exactly those OpenCC leaves alone)', () => {
    const untriggered = entries(TSPhrases).filter(([from, to]) => from !== to && ![...from].some(isTrigger));
    expect(untriggered).toEqual([]);
    // The phrase-only list is needed: without it these phrases would be missed.
    expect([...PHRASE_ONLY_CHARACTERS].every((ch) => entries(TSPhrases).some(([f, t]) => f !== t && f.includes(ch)))).toBe(true);
  });

  it('converts traditional lines, leaves simplified lines untouched, keeps offsets', () => {
    const source = '二、主動公開政府資訊情況\n本机关答覆申请人\n联系电话:0517-1234';
    const { text, map } = normalize(source);
    expect(text).toBe('二、主动公开政府资讯情况\n本机关答复申请人\n联系电话:0517-1234');
    expect(map[text.indexOf('答复')]).toBe(source.indexOf('答覆'));
    expect(map[text.length]).toBe(source.length);
  });
});
