/**
 * encoding — the report's bytes decoded without damage. A report given as bytes that are UTF-8 except
 * for a few bad sequences (a byte lost in an upload, a file cut in the middle of a character) is read
 * as UTF-8 with U+FFFD in their place (input/decode.ts); this rule names each damaged place so that a
 * clerk checks the characters there. Without damage (or for a report given as a string, which was not
 * decoded) the rule is inapplicable, so that it changes no score but a damaged file's.
 */
import { defineRule } from '../src/kit/index';
import type { Position } from '../src/types';
import { messagesFor } from './locales/index';

const RULE_ID = 'encoding';

/** One pass over the source for all damaged places (they come sorted). */
function positionsOf(source: string, ranges: ReadonlyArray<[number, number]>): Position[] {
  const out: Position[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  const point = (offset: number) => {
    for (; i < offset; i++) {
      if (source.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    return { line, column: offset - lineStart + 1, offset };
  };
  for (const [start, end] of ranges) {
    const s = point(start);
    const e = point(end);
    out.push({ start: s, end: e });
  }
  return out;
}

export default defineRule({
  meta: {
    id: RULE_ID,
    impact: 'minor',
    docs: {
      description: {
        'zh-CN': '文件的字节能完整解码为文字：个别损坏的字节按 UTF-8 读出并以“�”标出，逐处列出以便核对',
        en: 'The file’s bytes decode to text without damage: a few damaged bytes are read as UTF-8, shown as “�” and each place is listed for checking',
      },
      requires: 'the report given as bytes (model.decoding)',
    },
    messages: messagesFor(RULE_ID, { damaged: 'warning' }),
  },
  create(context) {
    return {
      'root:exit'() {
        const { model } = context;
        const decoding = model.decoding;
        // Only damage is scored: a clean file and the same report given as a string score the same.
        if (!decoding || decoding.damaged.length === 0) {
          context.inapplicable(
            context.locale === 'en'
              ? decoding ? 'every byte decoded' : 'the report was given as text, not bytes'
              : decoding ? '所有字节均已正常解码' : '报告以文字而非字节提供，无需解码',
          );
          return;
        }
        const positions = positionsOf(model.source, decoding.damaged);
        positions.forEach((position, k) => {
          const [start, end] = decoding.damaged[k]!;
          context.report({
            messageId: 'damaged',
            position,
            data: { encoding: decoding.encoding.toUpperCase(), count: end - start },
          });
        });
      },
    };
  },
});
