/**
 * Every document, page and text page PDFium opens for readPdf is closed again: after good PDFs, damaged
 * ones, a PDF over maxPages and a scan. (Memory over 1,000 reads is a row of `npm run bench -- --pdf`.)
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPdf } from '../../src/pdf/index';
import { loadPdfium } from '../../src/pdf/pdfium';
import { fixturesDir } from '../helpers';
import { buildPdf, line } from './make-pdf';

const pairs = [
  ['FPDF_LoadMemDocument', 'FPDF_CloseDocument'],
  ['FPDF_LoadPage', 'FPDF_ClosePage'],
  ['FPDFText_LoadPage', 'FPDFText_ClosePage'],
] as const;

describe('PDFium handles', () => {
  it('are all closed, whatever the PDF', async () => {
    const p = (await loadPdfium()) as unknown as Record<string, (...args: number[]) => number>;
    const open = new Map<string, Set<number>>();
    const counts: Record<string, number> = {};
    const originals: Array<[string, unknown]> = [];
    for (const [load, close] of pairs) {
      const handles = new Set<number>();
      open.set(load, handles);
      const l = p[load]!;
      const c = p[close]!;
      originals.push([load, l], [close, c]);
      p[load] = (...args: number[]) => {
        const h = l(...args);
        if (h) handles.add(h);
        counts[load] = (counts[load] ?? 0) + 1;
        return h;
      };
      p[close] = (h: number) => {
        expect(handles.delete(h)).toBe(true);
        return c(h);
      };
    }
    try {
      const real = new Uint8Array(readFileSync(join(fixturesDir, 'pdf', 'kirogovcompare__hzq2023_working.pdf')));
      const attempts = [
        readPdf(real),
        readPdf(real, { maxPages: 2 }),
        readPdf(buildPdf([{ content: line(72, 700, 500, 700) }])),
        readPdf(new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...real.slice(200, 5000), ...new TextEncoder().encode('\n%%EOF\n')])),
      ];
      const outcomes = await Promise.allSettled(attempts);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'rejected']);
      // Each of the four reached PDFium; the good one and the scan had pages to open.
      expect(counts.FPDF_LoadMemDocument).toBe(4);
      expect(counts.FPDF_LoadPage).toBeGreaterThanOrEqual(6);
      for (const [load] of pairs) expect([load, [...open.get(load)!]]).toEqual([load, []]);
    } finally {
      for (const [name, fn] of originals) p[name] = fn as (...args: number[]) => number;
    }
  });
});


describe('PDFium failing', () => {
  it('a trap while reading is an AuditInputError (CORRUPT_PDF); the next read gets a new PDFium and succeeds', async () => {
    const real = new Uint8Array(readFileSync(join(fixturesDir, 'pdf', 'kirogovcompare__hzq2024_working.pdf')));
    const broken = (await loadPdfium()) as unknown as Record<string, unknown>;
    broken.FPDFText_CountChars = () => {
      throw new WebAssembly.RuntimeError('unreachable');
    };
    const err = await readPdf(real, { uri: 'trap.pdf' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'AuditInputError', code: 'CORRUPT_PDF', uri: 'trap.pdf' });
    expect((err as Error).message).toMatch(/PDFium failed \(unreachable\)/);
    const fresh = await loadPdfium();
    expect(fresh).not.toBe(broken);
    await expect(readPdf(real)).resolves.toMatchObject({ format: 'pdf' });
  });
});
