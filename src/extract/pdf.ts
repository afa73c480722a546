/**
 * The PDF extractor of the core: the text layer `readPdf` ("xxgk-audit/pdf", src/pdf) read from a PDF,
 * taken as plain text with the pages it found. The bytes of a PDF are not read here: PDFium is
 * WebAssembly, loaded asynchronously, and audit() is synchronous.
 */
import { AuditInputError } from '../errors';
import type { Extracted } from './types';

export function extractPdfText(content: string | Uint8Array, uri: string | undefined): Extracted {
  if (typeof content !== 'string') {
    throw new AuditInputError(
      'PDF needs the asynchronous reader: `const input = await readPdf(bytes)` from "xxgk-audit/pdf", then audit(input)',
      { uri, code: 'UNSUPPORTED_FORMAT' },
    );
  }
  return { source: content, text: content, format: 'pdf' };
}
