/**
 * DOCX extractor: a Word file → the report's text (paragraphs and tables), which becomes the source
 * positions point into (`result.report.text`).
 *
 * The parts: zip.ts reads the archive safely (zip bombs, corrupt or encrypted entries refused),
 * xml.ts parses a part (no DTD, validated first), numbering.ts renders Word's automatic numbering,
 * document.ts turns the body into text. Here: the relationships that name the main document, its
 * styles and its numbering. Not read: page headers and footers, footnotes, comments, and `w:altChunk`
 * parts (imported HTML/RTF chunks). A main part that is missing or not XML is refused (CORRUPT_DOCX).
 */
import { AuditInputError } from '../../errors';
import type { Extracted } from '../types';
import { bodyText, takePageMarks, type Context } from './document';
import { Numberer, readNumbering, readStyles } from './numbering';
import { attr, childrenOf, descendants, parseXml } from './xml';
import { ZipReader } from './zip';

export { MAX_DECOMPRESSED } from './zip';

/** Resolves a relationship target against the folder of the part that refers to it. */
function resolveTarget(folder: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (folder ? folder.split('/') : []).concat(target.split('/'));
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function relationships(zip: ZipReader, name: string, uri?: string): Array<{ type: string; target: string }> {
  const bytes = zip.read(name);
  if (!bytes) return [];
  return descendants(parseXml(bytes, name, uri), 'Relationship').map((r) => ({ type: attr(r, 'Type') ?? '', target: attr(r, 'Target') ?? '' }));
}

export function extractDocx(content: string | Uint8Array, uri?: string): Extracted {
  if (typeof content === 'string') {
    throw new AuditInputError('DOCX input must be given as bytes (a Uint8Array), not a string', { uri, code: 'BAD_INPUT' });
  }
  const zip = new ZipReader(content, uri);
  zip.checkDeclared(['_rels/.rels']);
  const main =
    relationships(zip, '_rels/.rels', uri).find((r) => /\/officeDocument$/.test(r.type))?.target.replace(/^\//, '') ??
    'word/document.xml';
  const mainPart = zip.has(main) ? main : 'word/document.xml';
  if (!zip.has(mainPart)) {
    throw new AuditInputError(
      `not a readable DOCX: the ZIP archive has no ${mainPart}, so it is not a Word document`,
      { uri, code: 'CORRUPT_DOCX' },
    );
  }
  const folder = mainPart.includes('/') ? mainPart.slice(0, mainPart.lastIndexOf('/')) : '';
  const relsName = `${folder ? folder + '/' : ''}_rels/${mainPart.slice(folder.length ? folder.length + 1 : 0)}.rels`;
  zip.checkDeclared([relsName]);
  const rels = relationships(zip, relsName, uri);
  const partOf = (kind: string, fallback: string): string => {
    const rel = rels.find((r) => r.type.endsWith('/' + kind));
    return rel ? resolveTarget(folder, rel.target) : resolveTarget(folder, fallback);
  };
  const stylesPart = partOf('styles', 'styles.xml');
  const numberingPart = partOf('numbering', 'numbering.xml');
  zip.checkDeclared([mainPart, stylesPart, numberingPart]);
  const stylesBytes = zip.read(stylesPart);
  const numberingBytes = zip.read(numberingPart);
  const documentBytes = zip.read(mainPart)!;
  const styles = readStyles(stylesBytes ? parseXml(stylesBytes, stylesPart, uri) : null);
  const numbering = readNumbering(numberingBytes ? parseXml(numberingBytes, numberingPart, uri) : null);
  const tree = parseXml(documentBytes, mainPart, uri);
  const body = descendants(tree, 'body')[0];
  if (!body) throw new AuditInputError(`not a readable DOCX: ${mainPart} has no w:body`, { uri, code: 'CORRUPT_DOCX' });
  const ctx: Context = { numberer: new Numberer(numbering, styles), uri };
  const { text, pageStarts } = takePageMarks(bodyText(childrenOf(body), ctx));
  return pageStarts ? { source: text, text, format: 'docx', pageStarts } : { source: text, text, format: 'docx' };
}
