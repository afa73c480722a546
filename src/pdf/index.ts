/**
 * xxgk-audit/pdf: `readPdf` turns a PDF into the `PdfTextInput` that `audit` reads, with PDFium's
 * WebAssembly build. The entry exports readPdf, its options, limits and error codes only; the layout
 * internals stay inside (src/pdf/read.ts and the modules it uses).
 */
export { readPdf, DEFAULT_MAX_PAGES, DEFAULT_MAX_BYTES, PDF_ERROR_CODES, NO_TEXT_LAYER_MESSAGE, type ReadPdfOptions } from './read';
export type { PdfTextInput } from '../types';
export type { WasmSource } from './pdfium';
