/**
 * The six metamorphic transforms of spec/presentations.md §5. Each returns the transformed text and
 * a function that maps an offset of the original text to the offset of the same character in the
 * transformed one (so a test can check that a finding still points at the same words).
 */
import { audit } from '../../src/index';
import type { AuditResult } from '../../src/types';

export interface Transformed {
  text: string;
  /** Offset in the transformed text of the original character at `offset` (−1 when it was removed). */
  forward(offset: number): number;
}

export type TransformName = 'join-space' | 'join-nothing' | 'digits-own-line' | 'crawler-header' | 'crlf' | 'letter-spaced-headings';

export const TRANSFORMS: TransformName[] = [
  'join-space',
  'join-nothing',
  'digits-own-line',
  'crawler-header',
  'crlf',
  'letter-spaced-headings',
];

/**
 * Rewrites `text` character by character: `edit(i)` returns the replacement of text[i] ('' deletes
 * it) and `before(i)` what is inserted before it. The offset map follows every edit.
 */
function rewrite(text: string, edit: (i: number) => string | null, before: (i: number) => string = () => ''): Transformed {
  const parts: string[] = [];
  const map = new Int32Array(text.length + 1);
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const pre = before(i);
    parts.push(pre);
    length += pre.length;
    const replaced = edit(i);
    const out = replaced ?? text[i]!;
    map[i] = out.length === 0 ? -1 : length;
    parts.push(out);
    length += out.length;
  }
  map[text.length] = length;
  return { text: parts.join(''), forward: (o) => map[o] ?? -1 };
}

const isIdeograph = (c: string | undefined) => c !== undefined && /\p{Script=Han}/u.test(c);
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** Offsets where the recognised top-level section headings stand in `text` (from an audit of it). */
export function headingRanges(text: string, result: AuditResult = audit(text)): Array<[number, number]> {
  return result.report.sections
    .filter((s) => s.depth === 1)
    .map((s) => [s.position.start.offset, s.position.end.offset] as [number, number]);
}

export const CRAWLER_HEADER =
  '标题: 政府信息公开工作年度报告\n发布时间: 2024-01-20 09:30\n文号: \n发布机构: 办公室\n栏目: 政府信息公开年报\n原文链接: http://www.example.gov.cn/art/2024/1/20/art_1.html\n==== 正文 ====\n';

export function transform(name: TransformName, text: string): Transformed {
  switch (name) {
    case 'join-space':
      return rewrite(text, (i) => (text[i] === '\n' ? ' ' : text[i] === '\r' ? '' : null));
    case 'join-nothing':
      return rewrite(text, (i) => (text[i] === '\n' || text[i] === '\r' ? '' : null));
    case 'digits-own-line':
      return rewrite(
        text,
        (i) => null,
        (i) => {
          const starts = isDigit(text[i]) && !isDigit(text[i - 1]);
          const ends = !isDigit(text[i]) && isDigit(text[i - 1]);
          if ((starts || ends) && i > 0 && text[i - 1] !== '\n' && text[i] !== '\n') return '\n';
          return '';
        },
      );
    case 'crawler-header': {
      const t = rewrite(text, () => null, (i) => (i === 0 ? CRAWLER_HEADER : ''));
      return text.length === 0 ? { text: CRAWLER_HEADER, forward: () => CRAWLER_HEADER.length } : t;
    }
    case 'crlf':
      return rewrite(text, (i) => (text[i] === '\n' && text[i - 1] !== '\r' ? '\r\n' : null));
    case 'letter-spaced-headings': {
      const inside = new Uint8Array(text.length);
      for (const [a, b] of headingRanges(text)) for (let i = a + 1; i < b; i++) inside[i] = 1;
      // Letter-spacing as typesetting does it: a space between two ideographs (「概 述」), numerals included.
      return rewrite(text, () => null, (i) => (inside[i] && isIdeograph(text[i]) && isIdeograph(text[i - 1]) ? ' ' : ''));
    }
  }
}
