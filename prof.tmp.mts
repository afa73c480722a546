import { readFileSync } from 'node:fs';
import { loadPdfium } from './src/pdf/pdfium.ts';
import { readPageContent } from './src/pdf/content.ts';
import { renderText } from './src/pdf/layout.ts';
import { readPdf } from './src/pdf/index.ts';
import { audit } from './src/index.ts';
const p = await loadPdfium();
for (const f of process.argv.slice(2)) {
  const bytes = readFileSync(f);
  const times: Record<string, number[]> = { pages: [], render: [], audit: [], total: [] };
  for (let i = 0; i < 8; i++) {
    let t = performance.now();
    const buf = p.pdfium.wasmExports.malloc(bytes.length); p.pdfium.HEAPU8.set(bytes, buf);
    const doc = p.FPDF_LoadMemDocument(buf, bytes.length, '');
    const scratch = { ptr: p.pdfium.wasmExports.malloc(128) };
    const pages = []; for (let k = 0; k < p.FPDF_GetPageCount(doc); k++) pages.push(readPageContent(p, doc, k, scratch));
    p.FPDF_CloseDocument(doc); p.pdfium.wasmExports.free(buf); p.pdfium.wasmExports.free(scratch.ptr);
    times.pages.push(performance.now() - t); t = performance.now();
    const text = renderText(pages);
    times.render.push(performance.now() - t); t = performance.now();
    audit({ content: text, format: 'pdf' });
    times.audit.push(performance.now() - t); t = performance.now();
    audit(await readPdf(bytes));
    times.total.push(performance.now() - t);
  }
  const med = (a: number[]) => a.sort((x, y) => x - y)[a.length >> 1]!.toFixed(1);
  console.log(f.split('/').pop(), Object.entries(times).map(([k, v]) => `${k} ${med(v)}`).join('  '));
}
