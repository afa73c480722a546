/**
 * xxgk-audit/pdf — reads a PDF's text layer (with PDFium, compiled to WebAssembly) into an AuditInput
 * that `audit` accepts.
 *
 *   import { audit } from 'xxgk-audit';
 *   import { readPdf } from 'xxgk-audit/pdf';
 *   const result = audit(await readPdf(bytes, { uri: 'report.pdf' }));
 *
 * The extracted text has one line per paragraph, heading or table row; the cells of ruled tables are
 * separated by TABs (a merged cell's text sits in its first cell); page numbers and running
 * headers/footers are left out. Positions of findings point into this text (`result.report.text`)
 * and carry the page they are on.
 *
 * PDFium is loaded on first use, once per process. In Node its `.wasm` is found in the installed
 * package `@embedpdf/pdfium`; in a browser pass `wasm` (the URL the page serves
 * `@embedpdf/pdfium/dist/pdfium.wasm` from, or its bytes) on the first call.
 */
import type { AuditMeta, PdfTextInput } from '../types';
import { AuditInputError } from '../errors';
import { readPageContent, type Scratch } from './content';
import { renderPages } from './layout';
import type { PageContent } from './geometry';
import { FPDF_ERR, loadPdfium, resetPdfium, type Pdfium, type WasmSource } from './pdfium';

export interface ReadPdfOptions {
  /** Shown in outputs and error messages, e.g. the file name. */
  uri?: string;
  /** Passed through to the AuditInput. */
  meta?: AuditMeta;
  /** More pages than this are refused (AuditInputError, code INPUT_TOO_LARGE). Default 500. */
  maxPages?: number;
  /** Larger files than this many bytes are refused (AuditInputError, code INPUT_TOO_LARGE). Default 100 MB. */
  maxBytes?: number;
  /**
   * The PDFium WebAssembly file (`@embedpdf/pdfium/dist/pdfium.wasm`): its bytes, or a URL to fetch
   * it from. Needed in a browser, on the first call only (one instance serves the whole page); in
   * Node it is found in the installed package.
   */
  wasm?: WasmSource;
}

export const DEFAULT_MAX_PAGES = 500;
export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

/** The `code` of each AuditInputError that readPdf throws. */
export const PDF_ERROR_CODES = {
  /** Not a PDF, cut short, or damaged beyond reading. */
  CORRUPT: 'CORRUPT_PDF',
  /** Needs a password to open. */
  ENCRYPTED: 'ENCRYPTED_PDF',
  /** More bytes than `maxBytes` or more pages than `maxPages`. */
  TOO_LARGE: 'INPUT_TOO_LARGE',
  /** No text to read: a scan, or pages of pictures. */
  NO_TEXT: 'NO_TEXT_LAYER',
} as const;

/** What a PDF without a text layer gets told. */
export const NO_TEXT_LAYER_MESSAGE =
  'PDF 没有文本层（可能是扫描件），请提供可复制文字的 PDF 或文本 / the PDF has no text layer (probably a scan): provide a PDF with selectable text, or the text itself';

const PDF_HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const EOF_MARK = [0x25, 0x25, 0x45, 0x4f, 0x46]; // %%EOF

function indexOfBytes(bytes: Uint8Array, pattern: number[], from: number, to: number): number {
  outer: for (let i = Math.max(0, from); i <= Math.min(bytes.length, to) - pattern.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * Cheap checks before PDFium sees the bytes: a PDF header near the start, and the end marker within the
 * last 1024 bytes (where PDF readers look for it). A reader would otherwise rebuild a cut file from what
 * is left and return part of the report as if it were all of it.
 */
function checkEnvelope(bytes: Uint8Array, uri: string | undefined): void {
  if (bytes.length === 0) throw new AuditInputError('the PDF is empty (0 bytes) / PDF 文件为空', { uri, code: PDF_ERROR_CODES.CORRUPT });
  if (indexOfBytes(bytes, PDF_HEADER, 0, 1024) < 0) {
    throw new AuditInputError('not a PDF: no "%PDF-" header in the first 1024 bytes / 不是 PDF 文件（缺少 %PDF- 文件头）', { uri, code: PDF_ERROR_CODES.CORRUPT });
  }
  if (indexOfBytes(bytes, EOF_MARK, bytes.length - 1024, bytes.length) < 0) {
    throw new AuditInputError(
      'the PDF is truncated or damaged: no "%%EOF" marker at its end / PDF 文件不完整或已损坏（文件末尾缺少 %%EOF）',
      { uri, code: PDF_ERROR_CODES.CORRUPT },
    );
  }
}

const LOAD_ERRORS: Record<number, string> = {
  [FPDF_ERR.FILE]: 'file not found or could not be opened',
  [FPDF_ERR.FORMAT]: 'not a PDF or damaged',
  [FPDF_ERR.PAGE]: 'page not found or content error',
  [FPDF_ERR.UNKNOWN]: 'unknown error',
};

function loadError(p: Pdfium, uri: string | undefined): AuditInputError {
  const code = p.FPDF_GetLastError();
  if (code === FPDF_ERR.PASSWORD || code === FPDF_ERR.SECURITY) {
    return new AuditInputError('the PDF is password-protected / PDF 有密码保护，无法读取文字', { uri, code: PDF_ERROR_CODES.ENCRYPTED });
  }
  const why = LOAD_ERRORS[code] ?? `error ${code}`;
  return new AuditInputError(`the PDF is damaged or not a PDF (PDFium: ${why}) / PDF 文件已损坏，无法解析`, { uri, code: PDF_ERROR_CODES.CORRUPT });
}

/**
 * Reads every page's characters and rulings. The bytes are copied into the WASM heap for as long as
 * the document is open; the document, each page and text page, and every buffer are released before
 * this returns, whatever happens.
 */
async function readPages(bytes: Uint8Array, options: ReadPdfOptions): Promise<PageContent[]> {
  const { uri } = options;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  let p: Pdfium;
  try {
    p = await loadPdfium(options.wasm);
  } catch (err) {
    throw new AuditInputError(err instanceof Error ? err.message : String(err), { uri });
  }
  const { malloc, free } = p.pdfium.wasmExports;
  const buffer = malloc(bytes.length);
  if (!buffer) throw new AuditInputError(`the PDF (${bytes.length} bytes) does not fit in memory / PDF 文件过大`, { uri, code: PDF_ERROR_CODES.TOO_LARGE });
  const scratch: Scratch = { ptr: 0 };
  let doc = 0;
  try {
    p.pdfium.HEAPU8.set(bytes, buffer);
    doc = p.FPDF_LoadMemDocument(buffer, bytes.length, '');
    if (!doc) throw loadError(p, uri);
    const count = p.FPDF_GetPageCount(doc);
    if (count > maxPages) {
      throw new AuditInputError(`the PDF has ${count} pages, more than the limit of ${maxPages} (option maxPages) / PDF 页数 ${count} 超过上限 ${maxPages}`, {
        uri,
        code: PDF_ERROR_CODES.TOO_LARGE,
      });
    }
    if (count <= 0) throw new AuditInputError('the PDF has no pages / PDF 没有页面', { uri, code: PDF_ERROR_CODES.CORRUPT });
    scratch.ptr = malloc(128);
    const pages: PageContent[] = [];
    for (let i = 0; i < count; i++) pages.push(readPageContent(p, doc, i, scratch));
    return pages;
  } catch (err) {
    if (err instanceof AuditInputError) throw err;
    // PDFium itself failed (a WebAssembly trap, out of memory): this instance may be in any state, so
    // the next read gets a new one.
    resetPdfium(p);
    const message = err instanceof Error ? err.message : String(err);
    throw new AuditInputError(`the PDF could not be read: PDFium failed (${message}) / PDF 无法解析`, { uri, code: PDF_ERROR_CODES.CORRUPT });
  } finally {
    // After a trap these may throw in turn: the error above is the one to report.
    try {
      if (doc) p.FPDF_CloseDocument(doc);
      if (scratch.ptr) free(scratch.ptr);
      free(buffer);
    } catch {
      resetPdfium(p);
    }
  }
}

/**
 * The positioned pieces of every page (characters as runs, rulings), before layout: for tools and
 * tests that look at one page. Takes the same options as readPdf; none of its checks.
 */
export async function readPdfPages(bytes: Uint8Array, options: ReadPdfOptions = {}): Promise<PageContent[]> {
  return readPages(bytes, options);
}

/**
 * Reads a PDF's text layer into an AuditInput `{ content: <extracted text>, format: 'pdf', uri, meta }`.
 * Throws AuditInputError, its `code` one of PDF_ERROR_CODES, for bytes that are not a (complete) PDF
 * (CORRUPT_PDF), a password-protected PDF (ENCRYPTED_PDF), more than `maxBytes` bytes or `maxPages`
 * pages (INPUT_TOO_LARGE), and a PDF without a text layer, such as a scan (NO_TEXT_LAYER).
 */
export async function readPdf(bytes: Uint8Array | ArrayBuffer, options: ReadPdfOptions = {}): Promise<PdfTextInput> {
  const { uri, meta } = options;
  const data = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes;
  if (!(data instanceof Uint8Array)) {
    throw new AuditInputError('readPdf expects the PDF as a Uint8Array (or ArrayBuffer)', { uri });
  }
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  if (!Number.isInteger(maxPages) || maxPages < 1) {
    throw new AuditInputError(`option maxPages must be a positive integer, got ${String(options.maxPages)}`, { uri });
  }
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (data.length > maxBytes) {
    throw new AuditInputError(`the PDF is ${data.length} bytes, more than the limit of ${maxBytes} (option maxBytes) / PDF 文件过大`, {
      uri,
      code: PDF_ERROR_CODES.TOO_LARGE,
    });
  }
  checkEnvelope(data, uri);
  const pages = await readPages(data, options);
  const { text, pageStarts } = renderPages(pages);
  // Page numbers alone (a scan with a printed folio) are not a text layer either: it needs words.
  if (!/\p{L}/u.test(text)) throw new AuditInputError(NO_TEXT_LAYER_MESSAGE, { uri, code: PDF_ERROR_CODES.NO_TEXT });
  const input: PdfTextInput = { content: text, format: 'pdf', pageStarts };
  if (uri !== undefined) input.uri = uri;
  if (meta !== undefined) input.meta = meta;
  return input;
}

