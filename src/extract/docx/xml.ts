/**
 * The XML parts of a DOCX: fast-xml-parser (`XMLValidator` first, so a corrupt part is refused rather
 * than read leniently; then `XMLParser` with `preserveOrder`, namespace prefixes removed, entities left
 * alone and decoded here: only the five XML ones and numeric references, never DTD entities — a part
 * with a DOCTYPE is refused). Positions are not needed, so no tokenizer of our own. Plus the few
 * helpers that walk the parsed tree.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AuditInputError } from '../../errors';
import { decodeMarkup } from '../charset';

/** Deepest nesting of elements read. */
export const MAX_DEPTH = 256;

export type XNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: false,
  // No callbacks read the path, so it is not built as a string for every tag (same output, ~30% faster).
  jPath: false,
});

export function parseXml(bytes: Uint8Array, name: string, uri?: string): XNode[] {
  const xml = decodeMarkup(bytes);
  if (/<!DOCTYPE/i.test(xml.slice(0, 4096)) || xml.includes('<!ENTITY')) {
    throw new AuditInputError(`not a readable DOCX: ${name} declares a DTD, which Word never writes; refused`, { uri, code: 'CORRUPT_DOCX' });
  }
  // The parser itself is lenient (an unclosed element just ends at EOF); the validator is ~5× faster
  // than the parse and tells a corrupt part from a real one.
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new AuditInputError(
      `not a readable DOCX: ${name} is not well-formed XML (line ${line}, column ${col}: ${msg.replace(/\s+/g, ' ').slice(0, 120)})`,
      { uri, code: 'CORRUPT_DOCX' },
    );
  }
  try {
    const tree = parser.parse(xml) as XNode[];
    if (!Array.isArray(tree)) throw new Error('no elements');
    return tree;
  } catch (err) {
    throw new AuditInputError(`not a readable DOCX: ${name} could not be parsed (${err instanceof Error ? err.message : String(err)})`, { uri, code: 'CORRUPT_DOCX' });
  }
}

export function tagOf(n: XNode): string {
  for (const k in n) if (k !== ':@') return k;
  return '';
}

export function childrenOf(n: XNode): XNode[] {
  const v = n[tagOf(n)];
  return Array.isArray(v) ? (v as XNode[]) : [];
}

export function attr(n: XNode, name: string): string | undefined {
  const a = n[':@'] as Record<string, unknown> | undefined;
  const v = a?.['@_' + name];
  return typeof v === 'string' ? v : undefined;
}

export function child(n: XNode, tag: string): XNode | undefined {
  for (const c of childrenOf(n)) if (tagOf(c) === tag) return c;
  return undefined;
}

/** Follows a path of single children: `path(tc, 'tcPr', 'gridSpan')`. */
export function path(n: XNode | undefined, ...tags: string[]): XNode | undefined {
  let cur = n;
  for (const t of tags) {
    if (!cur) return undefined;
    cur = child(cur, t);
  }
  return cur;
}

/** Elements named `tag` anywhere under the nodes, in document order (bounded depth, no recursion limit issues). */
export function descendants(nodes: XNode[], tag: string): XNode[] {
  const out: XNode[] = [];
  const stack: Array<{ list: XNode[]; i: number }> = [{ list: nodes, i: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.i >= top.list.length) {
      stack.pop();
      continue;
    }
    const n = top.list[top.i++]!;
    const t = tagOf(n);
    if (t === tag) out.push(n);
    else if (t !== '#text' && stack.length < MAX_DEPTH) stack.push({ list: childrenOf(n), i: 0 });
  }
  return out;
}

const XML_ENTITY = /&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos);/g;

function decodeXmlText(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(XML_ENTITY, (m, e: string) => {
    switch (e) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
    }
    const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : '\uFFFD';
  });
}

export function textOf(n: XNode): string {
  let s = '';
  for (const c of childrenOf(n)) {
    const t = c['#text'];
    if (typeof t === 'string') s += t;
  }
  return decodeXmlText(s);
}
