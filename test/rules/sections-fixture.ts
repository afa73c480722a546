import type { SectionInfo, SectionKey } from '../../src/types';

/**
 * Hand-built sections over real text: each heading is looked up (in order) in the normalised text;
 * content runs to the next heading of the same or a higher level. Fixture construction, not a parser.
 */
export type H = [heading: string, key: SectionKey | null, depth?: number, plan?: boolean];
export function sectionsFrom(text: string, headings: H[]): SectionInfo[] {
  const out: SectionInfo[] = [];
  const stack: number[] = [];
  let from = 0;
  for (const [heading, key, depth = 1, plan] of headings) {
    const at = text.indexOf(heading, from);
    if (at < 0) throw new Error(`heading not in text: ${heading}`);
    const nl = text.indexOf('\n', at);
    const headingEnd = nl < 0 ? text.length : nl;
    while (stack.length > 0 && out[stack[stack.length - 1]!]!.depth >= depth) out[stack.pop()!]!.end = at;
    const ordinal = /^(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\) ?)/u.exec(heading);
    const s: SectionInfo = {
      key,
      title: heading.slice(ordinal?.[0].length ?? 0),
      heading,
      depth,
      ordinal: null,
      headingStart: at,
      headingEnd,
      start: Math.min(headingEnd + 1, text.length),
      end: text.length,
      parent: stack.length > 0 ? stack[stack.length - 1]! : -1,
    };
    if (plan) s.plan = true;
    out.push(s);
    stack.push(out.length - 1);
    from = headingEnd;
  }
  return out;
}
