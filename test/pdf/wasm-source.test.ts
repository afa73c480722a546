/**
 * Where PDFium's .wasm comes from. Outside Node (no `process.getBuiltinModule`, as in a browser) the
 * caller must pass `wasm`; without it readPdf says so; with its bytes or a URL it reads. Each case runs
 * in a process of its own, since one PDFium instance serves a whole process.
 */
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixturesDir, root, tsxLoader } from '../helpers';

const wasmFile = createRequire(import.meta.url).resolve('@embedpdf/pdfium/pdfium.wasm');
const pdfFile = join(fixturesDir, 'pdf', 'kirogovcompare__hzq2024_working.pdf');

/**
 * Runs `body` as a module, src/pdf loaded, with `process` out of sight as in a browser (or, with
 * `oldNode`, only `process.getBuiltinModule`, as on Node before 20.16), and returns its last output line.
 */
function browserLike(body: string, oldNode = false): string {
  const script = `
    import { readFileSync } from 'node:fs';
    const pdf = new Uint8Array(readFileSync(${JSON.stringify(pdfFile)}));
    const wasmBytes = new Uint8Array(readFileSync(${JSON.stringify(wasmFile)}));
    const { readPdf } = await import(${JSON.stringify(pathToFileURL(join(root, 'src', 'pdf', 'index.ts')).href)});
    const log = console.log.bind(console);
    const proc = globalThis.process;
    if (${oldNode}) proc.getBuiltinModule = undefined;
    else Object.defineProperty(globalThis, 'process', { value: undefined, configurable: true, writable: true });
    try {
      ${body.replace(/console\.log/g, 'log')}
    } finally {
      Object.defineProperty(globalThis, 'process', { value: proc, configurable: true, writable: true });
    }
  `;
  const child = spawnSync(process.execPath, ['--import', tsxLoader, '--input-type=module', '-e', script], { encoding: 'utf8', cwd: root });
  return (child.stdout.trim().split('\n').pop() ?? '') + (child.status === 0 ? '' : ` [exit ${child.status}: ${child.stderr.slice(0, 300)}]`);
}

describe('the PDFium .wasm outside Node', () => {
  it('without `wasm`: an AuditInputError that says to pass it; then with its bytes the same process reads', () => {
    const out = browserLike(`
      const first = await readPdf(pdf).then(() => 'read', (e) => e.name + ': ' + e.message);
      const second = await readPdf(pdf, { wasm: wasmBytes });
      console.log(JSON.stringify([first, second.content.includes('政府信息公开')]));
    `);
    const [first, read] = JSON.parse(out) as [string, boolean];
    expect(first).toMatch(/^AuditInputError: .*pass the PDFium WebAssembly file as option `wasm`/);
    expect(read).toBe(true);
  });

  it('with a URL to fetch it from (a file: URL stands in for the page’s own)', () => {
    const out = browserLike(`
      globalThis.fetch = async (url) => new Response(readFileSync(new URL(String(url))));
      const input = await readPdf(pdf, { wasm: ${JSON.stringify(pathToFileURL(wasmFile).href)} });
      console.log(JSON.stringify(input.pageStarts.length));
    `);
    expect(out).toBe('5');
  });

  it('on a Node without process.getBuiltinModule the .wasm is still found in the installed package', () => {
    const out = browserLike(`console.log(JSON.stringify((await readPdf(pdf)).pageStarts.length));`, true);
    expect(out).toBe('5');
  });
});
