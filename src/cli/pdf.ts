/**
 * PDF files: read with `readPdf` from the package's PDF reader ("xxgk-audit/pdf", src/pdf), loaded on
 * the first PDF. The loader looks for it beside the command — dist/pdf/index.js when built,
 * src/pdf/index.ts when run from source (tsx) — and then through the package's own "xxgk-audit/pdf"
 * export. When none loads, .pdf files are reported as unreadable (exit 2 for that file, the others are
 * still audited).
 */
import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatOfBytes, formatOfExtension } from '../extract/formats';
import type { AuditInput } from '../types';

export type PdfReader = (bytes: Uint8Array) => Promise<AuditInput>;
let pdfReader: Promise<PdfReader | null> | undefined;

export function loadPdfReader(): Promise<PdfReader | null> {
  pdfReader ??= (async () => {
    const here = new URL('.', import.meta.url);
    // src/pdf from src/cli/ (tsx), or beside dist/cli.js (the build bundles this module into it).
    const candidates = ['../pdf/index.ts', './pdf/index.js', './pdf.js']
      .map((p) => new URL(p, here))
      .filter((u) => u.protocol === 'file:' && existsSync(fileURLToPath(u)))
      .map((u) => u.href);
    for (const specifier of [...candidates, 'xxgk-audit/pdf']) {
      try {
        const mod = (await import(specifier)) as { readPdf?: unknown; default?: { readPdf?: unknown } };
        const readPdf = mod.readPdf ?? mod.default?.readPdf;
        if (typeof readPdf === 'function') return readPdf as PdfReader;
      } catch {
        // not there (yet)
      }
    }
    return null;
  })();
  return pdfReader;
}

export function isPdf(path: string, bytes: Uint8Array): boolean {
  return formatOfExtension(extname(path).toLowerCase().slice(1))?.name === 'pdf' || formatOfBytes(bytes)?.name === 'pdf';
}
