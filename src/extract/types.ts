/**
 * What an extractor gives: the report as lines, tables as tab-separated rows, and a map from every
 * extracted character to an offset in the source positions point into (see index.ts).
 */
import type { ReportFormat } from '../types';

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
