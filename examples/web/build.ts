/**
 * Builds the web page (examples/web) into dist/web: run by tsup.config.ts after the library's build, so
 * `npm run build` (and `npm ci`, through `prepare`) makes it.
 *
 * - worker.ts and the whole library (PDF reader included) are bundled for the browser into one script,
 *   which is embedded as a string in app.js: the page starts its worker from a Blob URL of it, which works
 *   from file:// too (Chromium refuses `new Worker('file://…')`).
 * - PDFium's WebAssembly is written as pdfium-wasm.js, a script that carries it in base64: a <script> loads
 *   from file:// where fetch() may not.
 * - report.css is the HTML report's style sheet (the tables are drawn with its markup).
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HTML_REPORT_CSS } from '../../src/format/html';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

export async function buildWeb(outDir = join(root, 'dist', 'web')): Promise<void> {
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  mkdirSync(outDir, { recursive: true });
  const common = {
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'error',
    // PDFium's Emscripten glue reads import.meta.url to find its .wasm; the page hands it the bytes, so any URL will do
    // (nothing is fetched).
    define: { 'import.meta.url': '"https://xxgk-audit.invalid/"', __XXGK_VERSION__: JSON.stringify(version) },
  } as const;
  // 'worker': packages with a DOM build (decode-named-character-reference) give their worker-safe one.
  const worker = await build({ ...common, conditions: ['worker'], entryPoints: [join(here, 'worker.ts')] });
  const workerSource = worker.outputFiles[0]!.text;
  const app = await build({
    ...common,
    entryPoints: [join(here, 'app.ts')],
    define: { ...common.define, __WORKER_SOURCE__: JSON.stringify(workerSource) },
  });
  writeFileSync(join(outDir, 'app.js'), app.outputFiles[0]!.text);
  for (const file of ['index.html', 'style.css']) copyFileSync(join(here, file), join(outDir, file));
  writeFileSync(join(outDir, 'report.css'), HTML_REPORT_CSS.trim() + '\n');
  const wasm = readFileSync(createRequire(import.meta.url).resolve('@embedpdf/pdfium/pdfium.wasm'));
  writeFileSync(
    join(outDir, 'pdfium-wasm.js'),
    `/* PDFium (@embedpdf/pdfium, MIT; PDFium BSD-3-Clause) compiled to WebAssembly, in base64, for pages opened from file:// where fetch() is refused. */\nglobalThis.__xxgkPdfiumWasm=${JSON.stringify(Buffer.from(wasm).toString('base64'))};\n`,
  );
}

// `tsx examples/web/build.ts` (the second half of `npm run build`).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildWeb().catch((e: unknown) => {
    process.stderr.write(`building the web page failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  });
}
