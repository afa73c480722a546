/**
 * xxgk-audit/pdf — reads a PDF's text layer (with pdfjs) into an AuditInput that `audit` accepts.
 *
 *   import { audit } from 'xxgk-audit';
 *   import { readPdf } from 'xxgk-audit/pdf';
 *   const result = audit(await readPdf(bytes, { uri: 'report.pdf' }));
 *
 * The extracted text has one line per paragraph, heading or table row; the cells of ruled tables are
 * separated by TABs (a merged cell's text sits in its first cell); page numbers and running
 * headers/footers are left out. Positions of findings point into this text (`result.report.text`).
 *
 * pdfjs-dist is loaded on first use with a dynamic import, so the CommonJS build works too. In Node
 * it runs without a worker thread; in a browser set `GlobalWorkerOptions.workerSrc` of pdfjs-dist
 * first, and pass `cMapUrl` for PDFs whose fonts use the predefined CJK CMaps.
 */
import type { AuditMeta, PdfTextInput } from '../types';
import { AuditInputError } from '../errors';
import { readPageContent, type Ops, type PdfjsPage } from './content';
import { renderText } from './layout';
import type { PageContent } from './geometry';

export interface ReadPdfOptions {
  /** Shown in outputs and error messages, e.g. the file name. */
  uri?: string;
  /** Passed through to the AuditInput. */
  meta?: AuditMeta;
  /** More pages than this are refused (AuditInputError). Default 500. */
  maxPages?: number;
  /**
   * Where pdfjs finds its CMap files (with a trailing slash): needed for PDFs whose Chinese fonts use
   * the predefined CMaps (UniGB-UCS2-H …). In Node it defaults to the `cmaps/` folder of pdfjs-dist.
   */
  cMapUrl?: string;
  /** Where pdfjs finds the standard font files (trailing slash). In Node defaults to pdfjs-dist's. */
  standardFontDataUrl?: string;
}

export const DEFAULT_MAX_PAGES = 500;

/** What a PDF without a text layer gets told. */
export const NO_TEXT_LAYER_MESSAGE =
  'PDF 没有文本层（可能是扫描件），请提供可复制文字的 PDF 或文本 / the PDF has no text layer (probably a scan): provide a PDF with selectable text, or the text itself';

interface PdfjsModule {
  getDocument(src: Record<string, unknown>): {
    promise: Promise<PdfjsDocument>;
    destroy(): Promise<void>;
  };
  OPS: Ops;
}

interface PdfjsDocument {
  numPages: number;
  getPage(n: number): Promise<PdfjsPage>;
}

let pdfjsPromise: Promise<PdfjsModule> | undefined;

/** Loads pdfjs-dist's legacy build (it runs in Node without DOM or worker). */
function loadPdfjs(): Promise<PdfjsModule> {
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs').then(
    (m) => m as unknown as PdfjsModule,
    (err: unknown) => {
      pdfjsPromise = undefined;
      throw new Error(`xxgk-audit/pdf needs the package pdfjs-dist (npm install pdfjs-dist): ${describeError(err)}`);
    },
  );
  return pdfjsPromise;
}

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
 * Cheap checks before pdfjs sees the bytes: a PDF header near the start, and the end marker within the
 * last 1024 bytes (where PDF readers look for it). pdfjs would otherwise rebuild a cut file from what
 * is left and return part of the report as if it were all of it.
 */
function checkEnvelope(bytes: Uint8Array, uri: string | undefined): void {
  if (bytes.length === 0) throw new AuditInputError('the PDF is empty (0 bytes) / PDF 文件为空', { uri });
  if (indexOfBytes(bytes, PDF_HEADER, 0, 1024) < 0) {
    throw new AuditInputError('not a PDF: no "%PDF-" header in the first 1024 bytes / 不是 PDF 文件（缺少 %PDF- 文件头）', { uri });
  }
  if (indexOfBytes(bytes, EOF_MARK, bytes.length - 1024, bytes.length) < 0) {
    throw new AuditInputError(
      'the PDF is truncated or damaged: no "%%EOF" marker at its end / PDF 文件不完整或已损坏（文件末尾缺少 %%EOF）',
      { uri },
    );
  }
}

/** Where pdfjs-dist's data folders are, in Node (undefined elsewhere). */
function pdfjsDataUrls(): { cMapUrl?: string; standardFontDataUrl?: string } {
  try {
    const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    if (typeof proc?.getBuiltinModule !== 'function') return {};
    const { createRequire } = proc.getBuiltinModule('module') as { createRequire(from: string): { resolve(id: string): string } };
    // ESM: this module's URL; the CJS build gets it from tsup's shim.
    const here = import.meta.url;
    if (!here) return {};
    const pkg = createRequire(here).resolve('pdfjs-dist/package.json');
    const dir = pkg.slice(0, -'package.json'.length).replace(/\\/g, '/');
    return { cMapUrl: `${dir}cmaps/`, standardFontDataUrl: `${dir}standard_fonts/` };
  } catch {
    return {};
  }
}

const describeError = (err: unknown): string => {
  const e = err as { name?: string; message?: string };
  return e?.message ? String(e.message) : String(err);
};

function wrapPdfjsError(err: unknown, uri: string | undefined): AuditInputError {
  if (err instanceof AuditInputError) return err;
  const name = (err as { name?: string })?.name;
  if (name === 'PasswordException') {
    return new AuditInputError('the PDF is password-protected / PDF 有密码保护，无法读取文字', { uri });
  }
  if (name === 'InvalidPDFException') {
    return new AuditInputError(`the PDF is damaged or not a PDF (${describeError(err)}) / PDF 文件已损坏，无法解析`, { uri });
  }
  return new AuditInputError(`cannot read the PDF: ${describeError(err)} / 无法读取该 PDF`, { uri });
}

/** Reads every page's text runs and rulings. */
async function readPages(bytes: Uint8Array, options: ReadPdfOptions): Promise<PageContent[]> {
  const { uri } = options;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    // pdfjs takes ownership of the buffer it is given: hand it a copy (also turns a Buffer into a plain Uint8Array).
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
    ...pdfjsDataUrls(),
    ...(options.cMapUrl ? { cMapUrl: options.cMapUrl } : {}),
    ...(options.standardFontDataUrl ? { standardFontDataUrl: options.standardFontDataUrl } : {}),
  });
  try {
    const doc = await task.promise;
    if (doc.numPages > maxPages) {
      throw new AuditInputError(`the PDF has ${doc.numPages} pages, more than the limit of ${maxPages} (option maxPages) / PDF 页数 ${doc.numPages} 超过上限 ${maxPages}`, { uri });
    }
    if (doc.numPages === 0) throw new AuditInputError('the PDF has no pages / PDF 没有页面', { uri });
    const pages: PageContent[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      pages.push(await readPageContent(await doc.getPage(n), n, pdfjs.OPS));
    }
    return pages;
  } catch (err) {
    throw wrapPdfjsError(err, uri);
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

/**
 * Reads a PDF's text layer into an AuditInput `{ content: <extracted text>, format: 'pdf', uri, meta }`.
 * Throws AuditInputError for bytes that are not a (complete) PDF, a password-protected PDF, more than
 * `maxPages` pages, and a PDF without a text layer (a scan).
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
  checkEnvelope(data, uri);
  const pages = await readPages(data, options);
  const text = renderText(pages);
  // Page numbers alone (a scan with a printed folio) are not a text layer either: it needs words.
  if (!/\p{L}/u.test(text)) throw new AuditInputError(NO_TEXT_LAYER_MESSAGE, { uri });
  const input: PdfTextInput = { content: text, format: 'pdf' };
  if (uri !== undefined) input.uri = uri;
  if (meta !== undefined) input.meta = meta;
  return input;
}

// The entry exports readPdf and its option and result types only; the layout internals stay inside.
export type { PdfTextInput } from '../types';
