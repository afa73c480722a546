/**
 * The PDFium engine (`@embedpdf/pdfium`, PDFium compiled to WebAssembly): one instance per process (per
 * JS realm), loaded on first use. The `.wasm` comes from the caller (`wasm`: bytes or a URL), or in
 * Node from the installed package (wasm-node.ts).
 */

/** Where the PDFium `.wasm` comes from: its bytes, or a URL to fetch it from. */
export type WasmSource = Uint8Array | ArrayBuffer | URL | string;

/** The PDFium C functions used here (by their C names), and the raw module for its heap. */
export interface Pdfium {
  pdfium: {
    HEAPU8: Uint8Array;
    wasmExports: { malloc(size: number): number; free(ptr: number): void };
  };
  PDFiumExt_Init(): void;
  FPDF_GetLastError(): number;
  FPDF_LoadMemDocument(buffer: number, size: number, password: string): number;
  FPDF_CloseDocument(doc: number): void;
  FPDF_GetPageCount(doc: number): number;
  FPDF_LoadPage(doc: number, index: number): number;
  FPDF_ClosePage(page: number): void;
  FPDF_GetPageWidthF(page: number): number;
  FPDF_GetPageHeightF(page: number): number;
  FPDFPage_GetRotation(page: number): number;
  FPDF_GetPageBoundingBox(page: number, rect: number): boolean;
  FPDFText_LoadPage(page: number): number;
  FPDFText_ClosePage(textPage: number): void;
  FPDFText_CountChars(textPage: number): number;
  FPDFText_GetUnicode(textPage: number, index: number): number;
  FPDFText_IsGenerated(textPage: number, index: number): number;
  FPDFText_GetFontSize(textPage: number, index: number): number;
  FPDFText_GetCharBox(textPage: number, index: number, left: number, right: number, bottom: number, top: number): boolean;
  FPDFText_GetLooseCharBox(textPage: number, index: number, rect: number): boolean;
  FPDFText_GetCharOrigin(textPage: number, index: number, x: number, y: number): boolean;
  FPDFText_GetMatrix(textPage: number, index: number, matrix: number): boolean;
  FPDFPage_CountObjects(page: number): number;
  FPDFPage_GetObject(page: number, index: number): number;
  FPDFFormObj_CountObjects(form: number): number;
  FPDFFormObj_GetObject(form: number, index: number): number;
  FPDFPageObj_GetType(obj: number): number;
  FPDFPageObj_GetMatrix(obj: number, matrix: number): boolean;
  FPDFPath_GetDrawMode(path: number, fillMode: number, stroke: number): boolean;
  FPDFPath_CountSegments(path: number): number;
  FPDFPath_GetPathSegment(path: number, index: number): number;
  FPDFPathSegment_GetPoint(segment: number, x: number, y: number): boolean;
  FPDFPathSegment_GetType(segment: number): number;
  FPDFPathSegment_GetClose(segment: number): boolean;
}

/** FPDF_GetLastError codes. */
export const FPDF_ERR = { UNKNOWN: 1, FILE: 2, FORMAT: 3, PASSWORD: 4, SECURITY: 5, PAGE: 6 } as const;

let engine: Promise<Pdfium> | undefined;
let current: Pdfium | undefined;

/** Drops `instance` if it is the process's PDFium: the next loadPdfium makes a new one. */
export function resetPdfium(instance: Pdfium): void {
  if (current === instance) {
    current = undefined;
    engine = undefined;
  }
}

async function wasmBytes(source: WasmSource | undefined): Promise<Uint8Array> {
  if (source instanceof Uint8Array) return source;
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  if (source !== undefined) {
    const response = await fetch(source);
    if (!response.ok) throw new Error(`fetching ${String(source)} gave HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }
  // Node: from the installed package (the browser path never loads this module).
  const { nodeWasmBytes } = await import('./wasm-node');
  const bytes = await nodeWasmBytes();
  if (bytes) return bytes;
  throw new Error(
    'outside Node, pass the PDFium WebAssembly file as option `wasm` (its URL or bytes; it is @embedpdf/pdfium/dist/pdfium.wasm)',
  );
}

/** Functions that take a string: only through the wrapper, which copies the string into the heap. */
const STRING_ARGUMENTS = new Set(['FPDF_LoadMemDocument']);

/**
 * The wrapper with its number-only functions replaced by the WebAssembly exports themselves: the
 * wrapper (Emscripten's cwrap) costs more per call than the call does, and a page takes thousands of
 * calls (tenfold on the per-character reads, measured).
 */
function direct(module: Pdfium): Pdfium {
  const exports = module.pdfium.wasmExports as unknown as Record<string, unknown>;
  const out = Object.create(module) as Record<string, unknown>;
  for (const name of Object.keys(module)) {
    if (name === 'pdfium' || STRING_ARGUMENTS.has(name)) continue;
    if (typeof exports[name] === 'function') out[name] = exports[name];
  }
  return out as unknown as Pdfium;
}

/**
 * The process's PDFium instance, loaded on first call (`wasm` matters only then). A failed load is
 * not cached, so a later call can try again (with another `wasm`).
 */
export function loadPdfium(wasm?: WasmSource): Promise<Pdfium> {
  engine ??= (async () => {
    const [{ init }, wasmBinary] = await Promise.all([import('@embedpdf/pdfium'), wasmBytes(wasm)]);
    // The module keeps wasmBinary only to compile it; an ArrayBuffer is what Emscripten expects.
    const binary = wasmBinary.buffer.slice(wasmBinary.byteOffset, wasmBinary.byteOffset + wasmBinary.byteLength) as ArrayBuffer;
    const module = (await init({ wasmBinary: binary })) as unknown as Pdfium;
    module.PDFiumExt_Init();
    current = direct(module);
    return current;
  })().catch((err: unknown) => {
    engine = undefined;
    const message = err instanceof Error ? err.message : String(err);
    throw new Error(`xxgk-audit/pdf could not load PDFium (@embedpdf/pdfium): ${message}`);
  });
  return engine;
}
