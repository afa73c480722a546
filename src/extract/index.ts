/**
 * extract/: one extractor per format. Each turns the caller's content into an *extracted text* — the
 * report as lines, tables as tab-separated rows (spans resolved: a spanned cell repeated or left empty
 * as the extractor documents) — plus a map from every extracted character to an offset in the caller's
 * source. The text pipeline (normalisation, blocks, sections, template tables) then runs unchanged on
 * every format.
 */
import type { ReportFormat } from '../types';
import { AuditInputError } from '../errors';
import { assertLooksLikeText, decodeText, type PreparedInput } from '../input/index';
import { extractMarkdown } from './markdown';
import { extractHtml, extractXml } from './html';
import { extractDocx } from './docx';

export interface Extracted {
  /** The source positions point into: the caller's string (text, markdown, html, xml), or the extracted text (docx, pdf). */
  source: string;
  /** The extracted plain text. */
  text: string;
  /** `map[i]` = offset in `source` of `text[i]`; `map[text.length]` = `source.length`. Absent when text === source. */
  map?: Int32Array;
  format: ReportFormat;
  /** Offsets of `source` where its pages begin (PDF; DOCX with explicit page breaks), when known. */
  pageStarts?: number[];
}

export type Extractor = (content: string | Uint8Array, uri: string | undefined) => Extracted;

/** Extractors registered per format (text is built in). */
const extractors: Partial<Record<ReportFormat, Extractor>> = {
  text: (content, uri) => {
    const source = typeof content === 'string' ? content : decodeText(content);
    assertLooksLikeText(source, uri);
    return { source, text: source, format: 'text' };
  },
};

/** Registers the extractor of a format (used by the format modules). */
export function registerExtractor(format: ReportFormat, extractor: Extractor): void {
  extractors[format] = extractor;
}

registerExtractor('markdown', extractMarkdown);
registerExtractor('html', extractHtml);
registerExtractor('xml', extractXml);
registerExtractor('docx', extractDocx);

export function extract(input: PreparedInput): Extracted {
  const { format, content, uri } = input;
  if (format === 'pdf') {
    if (typeof content !== 'string') {
      throw new AuditInputError(
        'PDF needs the asynchronous reader: `const input = await readPdf(bytes)` from "xxgk-audit/pdf", then audit(input)',
        { uri, code: 'UNSUPPORTED_FORMAT' },
      );
    }
    const text = extractors.text!(content, uri);
    return input.pageStarts ? { ...text, format: 'pdf', pageStarts: input.pageStarts } : { ...text, format: 'pdf' };
  }
  const extractor = extractors[format];
  if (!extractor) {
    if (format === 'markdown') return { ...extractors.text!(content, uri), format: 'markdown' };
    throw new AuditInputError(
      `${format.toUpperCase()} input is not supported by this version yet; pass the report's text (format: 'text')`,
      { uri, code: 'UNSUPPORTED_FORMAT' },
    );
  }
  const extracted = extractor(content, uri);
  // A string the caller paged (e.g. a PDF's text from elsewhere) keeps the caller's pages.
  if (input.pageStarts && extracted.source === content && !extracted.pageStarts) extracted.pageStarts = input.pageStarts;
  return extracted;
}

/** Composes the normalisation map (normalised → extracted) with the extraction map (extracted → source), overwriting the first. */
export function composeMaps(normalizedMap: Int32Array, extractedMap: Int32Array | undefined): Int32Array {
  if (!extractedMap) return normalizedMap;
  // In place: the normalised map is not used on its own afterwards, and a big report's maps are
  // four bytes a character each.
  for (let i = 0; i < normalizedMap.length; i++) normalizedMap[i] = extractedMap[normalizedMap[i]!]!;
  return normalizedMap;
}
