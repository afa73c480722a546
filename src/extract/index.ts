/**
 * extract/: one extractor per format (formats.ts lists them). Each turns the caller's content into an
 * *extracted text* — the report as lines, tables as tab-separated rows (spans resolved: a spanned cell
 * repeated or left empty as the extractor documents) — plus a map from every extracted character to an
 * offset in the caller's source. The text pipeline (normalisation, blocks, sections, template tables)
 * then runs unchanged on every format.
 */
import { AuditInputError } from '../errors';
import type { PreparedInput } from '../input/index';
import { FORMATS, formatNamed, listOfFormats } from './formats';
import type { Extracted } from './types';

export type { Extracted, Extractor } from './types';

/** The formats audit() reads, for the message refusing binary junk. */
const READABLE = listOfFormats(
  FORMATS.filter((f) => !('readFirstWith' in f)).map((f) => f.name),
  'en',
);

export function extract(input: PreparedInput): Extracted {
  const { format, content, uri } = input;
  const spec = formatNamed(format);
  if (!spec) {
    throw new AuditInputError(
      `${format.toUpperCase()} input is not supported by this version yet; pass the report's text (format: 'text')`,
      { uri, code: 'UNSUPPORTED_FORMAT' },
    );
  }
  if (spec.text && typeof content === 'string') assertLooksLikeText(content, uri);
  const extracted = spec.extract(content, uri);
  // A string the caller paged (e.g. a PDF's text from elsewhere) keeps the caller's pages.
  if (input.pageStarts && extracted.source === content && !extracted.pageStarts) extracted.pageStarts = input.pageStarts;
  return extracted;
}

/** Rejects content that is clearly not text (binary junk) before any parsing. */
function assertLooksLikeText(text: string, uri?: string): void {
  const sample = text.slice(0, 8192);
  if (sample.length === 0) return;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) control++;
  }
  if (control / sample.length > 0.1) {
    throw new AuditInputError(
      `the content does not look like text (${Math.round((100 * control) / sample.length)}% control or undecodable characters); pass a report as ${READABLE}`,
      { uri, code: 'BINARY', params: { percent: Math.round((100 * control) / sample.length) } },
    );
  }
}

/** Composes the normalisation map (normalised → extracted) with the extraction map (extracted → source), overwriting the first. */
export function composeMaps(normalizedMap: Int32Array, extractedMap: Int32Array | undefined): Int32Array {
  if (!extractedMap) return normalizedMap;
  // In place: the normalised map is not used on its own afterwards, and a big report's maps are
  // four bytes a character each.
  for (let i = 0; i < normalizedMap.length; i++) normalizedMap[i] = extractedMap[normalizedMap[i]!]!;
  return normalizedMap;
}
