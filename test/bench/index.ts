/**
 * `npm run bench`: speed and memory of the audit, measured in one run and printed as ratios
 * (issue #7). Never run by jest (no `.test.ts`); tests never assert times.
 *
 * 1. A full `audit` against `unified().use(remarkParse).parse()` on the same text, per seed
 *    (target ≤ 0.5×) and on a 1 MB document.
 * 2. Per format (text, html, docx, pdf): the share of the audit spent reading the format.
 * 3. Scaling: the 20× document against one copy (target ≤ 21×).
 * 4. Peak memory on the 1 MB document, in a child process (target ≤ 20× the input size); also in a
 *    warmed worker, and the heap a kept result holds (for information).
 * 5. 1,000 reports through the CLI on 2 worker threads (target < 10 s).
 * 6. PDF (issue #15): per corpus PDF, readPdf + audit in this process against a whole
 *    `pdftotext -layout` process on the same file, measured alternately (target ≤ 1.5×; skipped with
 *    a note when pdftotext is not installed); resident memory after 1,000 PDF reads against after 10,
 *    in a child process (target: within 50 MB); the CLI over 200 PDF copies on 2 worker threads.
 * 7. CLI memory over a batch (issue #15): peak resident memory of the whole CLI process (its worker
 *    threads included) over 10,000 text reports against over 100, `--format csv --jobs 2` (target:
 *    within 50 MB). `npm run bench -- --cli-memory` runs this section alone.
 * 8. The web page (issue #17, test/bench/web.ts): in headless Chromium, from the last keystroke to the
 *    updated findings on a 10,000-character report (target < 300 ms). `npm run bench -- --web` alone.
 *
 * Times are medians of interleaved runs after a warm-up, so load on the machine hits both sides
 * of a ratio alike.
 */
import { FORMAT_TABLE } from '../../src/extract/formats';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { writeHeapSnapshot } from 'node:v8';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { audit, createAuditor, getRules } from '../../src/index';
import { prepareInput, DEFAULT_MAX_INPUT_SIZE } from '../../src/input/index';
import { extract } from '../../src/extract/index';
import { readPdf } from '../../src/pdf/index';
import { parseSource, toDocx, toHtml } from '../extract/variants';
import { webBench } from './web';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const seedDir = join(root, 'test', 'fixtures', 'seeds');
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ name: f.slice(0, 3), text: readFileSync(join(seedDir, f), 'utf8') }));
const MB = 1024 * 1024;
const utf8Bytes = (s: string) => Buffer.byteLength(s, 'utf8');

const remark = unified().use(remarkParse);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/** Medians of interleaved timings of several functions, after `warm` untimed rounds. */
function timeTogether(fns: Array<() => unknown>, rounds: number, warm = Math.max(3, rounds >> 2)): number[] {
  for (let i = 0; i < warm; i++) for (const f of fns) f();
  const samples = fns.map(() => [] as number[]);
  for (let i = 0; i < rounds; i++) {
    fns.forEach((f, k) => {
      const t = performance.now();
      f();
      samples[k]!.push(performance.now() - t);
    });
  }
  return samples.map(median);
}

const rows: Array<[string, string, string, string]> = [];
function row(what: string, measured: string, target: string, ok: boolean | null): void {
  rows.push([what, measured, target, ok === null ? '' : ok ? 'ok' : 'MISSED']);
  console.log(`${what.padEnd(46)} ${measured.padEnd(30)} ${target.padEnd(10)} ${ok === null ? '' : ok ? 'ok' : 'MISSED'}`);
}
const ms = (x: number) => `${x.toFixed(2)} ms`;

function auditText(text: string) {
  return audit({ content: text, format: 'text' });
}

/** The same pipeline with every rule switched off: reading, normalising and recognising the report only. */
const modelOnly = createAuditor({ rules: Object.fromEntries(getRules().map((r) => [r.id, 'off'])) });
function modelText(text: string) {
  return modelOnly.audit({ content: text, format: 'text' });
}

/** The five seeds one after another, repeated until the text has at least `bytes` of UTF-8. */
function documentOf(bytes: number): { text: string; copies: number } {
  const unit = seeds.map((s) => s.text).join('\n\n');
  const copies = Math.ceil(bytes / utf8Bytes(unit));
  return { text: Array.from({ length: copies }, () => unit).join('\n\n'), copies };
}

async function main(): Promise<void> {
  if (process.argv[2] === '--memory-child') return memoryChild(Number(process.argv[3]), process.argv[4] as MemoryMode);
  if (process.argv[2] === '--pdf-memory-child') return pdfMemoryChild();
  console.log(`xxgk-audit bench · node ${process.version} · ${process.platform}/${process.arch}\n`);
  // `npm run bench -- --pdf`: section 6 only.
  if (process.argv[2] === '--pdf') {
    await pdfBench();
    return;
  }
  // `npm run bench -- --web`: section 8 only.
  if (process.argv[2] === '--web') {
    await webBench(root, row);
    return;
  }
  // `npm run bench -- --cli-memory`: section 7 only.
  if (process.argv[2] === '--cli-memory') {
    await cliMemoryBench();
    return;
  }

  // 1. Audit vs remark-parse per seed; beside it the same pipeline with every rule off (its floor).
  console.log('1. audit vs remark-parse on the same text (median of interleaved runs; in brackets: every rule off)');
  let sumAudit = 0;
  let sumModel = 0;
  let sumRemark = 0;
  for (const s of seeds) {
    const [a, m, r] = timeTogether([() => auditText(s.text), () => modelText(s.text), () => remark.parse(s.text)], 60);
    sumAudit += a!;
    sumModel += m!;
    sumRemark += r!;
    row(
      `  seed ${s.name} (${s.text.length} chars)`,
      `${ms(a!)} / ${ms(r!)} = ${(a! / r!).toFixed(2)}× (${(m! / r!).toFixed(2)}×)`,
      '≤ 0.5×',
      a! / r! <= 0.5,
    );
  }
  row(
    '  all seeds',
    `${ms(sumAudit)} / ${ms(sumRemark)} = ${(sumAudit / sumRemark).toFixed(2)}× (${(sumModel / sumRemark).toFixed(2)}×)`,
    '≤ 0.5×',
    sumAudit / sumRemark <= 0.5,
  );
  const big = documentOf(MB);
  const [bigAudit, bigRemark] = timeTogether([() => auditText(big.text), () => remark.parse(big.text)], 5, 1);
  row(
    `  1 MB document (${(utf8Bytes(big.text) / MB).toFixed(2)} MB)`,
    `${ms(bigAudit!)} / ${ms(bigRemark!)} = ${(bigAudit! / bigRemark!).toFixed(2)}×`,
    '≤ 0.5×',
    bigAudit! / bigRemark! <= 0.5,
  );

  // 2. Extraction share per format.
  console.log('\n2. reading the format, as a share of the whole audit');
  const source = seeds.find((s) => s.name === '002')!.text;
  const blocks = parseSource(source);
  const inputs: Array<[string, { content: string | Uint8Array; format: 'text' | 'html' | 'docx' }]> = [
    ['text', { content: source, format: 'text' }],
    ['html', { content: toHtml(blocks), format: 'html' }],
    ['docx', { content: toDocx(blocks), format: 'docx' }],
  ];
  for (const [name, input] of inputs) {
    const [ex, whole] = timeTogether([() => extract(prepareInput(input, FORMAT_TABLE, DEFAULT_MAX_INPUT_SIZE)), () => audit(input)], 60);
    row(`  ${name} (seed 002)`, `${ms(ex!)} of ${ms(whole!)} = ${((ex! / whole!) * 100).toFixed(0)}%`, '', null);
  }
  const pdfBytes = new Uint8Array(readFileSync(join(root, 'test', 'fixtures', 'pdf', 'kirogovcompare__hzq2024_working.pdf')));
  const pdfRead: number[] = [];
  const pdfAudit: number[] = [];
  for (let i = 0; i < 8; i++) {
    let t = performance.now();
    const input = await readPdf(pdfBytes.slice());
    const read = performance.now() - t;
    t = performance.now();
    audit(input);
    if (i >= 2) {
      pdfRead.push(read);
      pdfAudit.push(performance.now() - t);
    }
  }
  const pr = median(pdfRead);
  const pa = median(pdfAudit);
  row('  pdf (洪泽区 2024, readPdf + audit)', `${ms(pr)} of ${ms(pr + pa)} = ${((pr / (pr + pa)) * 100).toFixed(0)}%`, '', null);

  // 3. Scaling.
  console.log('\n3. scaling: 20 copies against one');
  const unit = documentOf(1).text;
  const twenty = Array.from({ length: 20 }, () => unit).join('\n\n');
  const [one, many] = timeTogether([() => auditText(unit), () => auditText(twenty)], 7, 2);
  row(`  20× (${(utf8Bytes(twenty) / MB).toFixed(2)} MB) vs 1×`, `${ms(many!)} / ${ms(one!)} = ${(many! / one!).toFixed(1)}×`, '≤ 21×', many! / one! <= 21);

  // 4. Peak memory, in a fresh process (the target; the median of five processes, as one process's
  // peak varies by several MB with when V8 collects), then in a warmed worker (also five) and what a kept
  // result holds.
  console.log('\n4. peak memory on the 1 MB document (fresh: median of 5 processes)');
  const peakRow = (what: string, m: { input: number; peak: number } | null, target = false) => {
    if (!m) return;
    const ratio = m.peak / m.input;
    row(what, `${(m.peak / MB).toFixed(1)} MB = ${ratio.toFixed(1)}×`, target ? '≤ 20×' : '', target ? ratio <= 20 : null);
  };
  const fresh = memoryRun('fresh', 5);
  peakRow(`  peak RSS growth / input (${((fresh?.input ?? 0) / MB).toFixed(2)} MB UTF-8)`, fresh, true);
  peakRow('  the same with every rule off', memoryRun('fresh-model', 5));
  peakRow('  the same after 100 seed audits (a warmed worker)', memoryRun('warm', 5));
  const kept = memoryRun('kept');
  if (kept) {
    row('  heap a kept result holds / input', `${(kept.peak / MB).toFixed(2)} MB = ${(kept.peak / kept.input).toFixed(2)}×`, '', null);
  }

  // 5. 1,000 reports through the CLI on 2 worker threads.
  console.log('\n5. 1,000 reports through the CLI, 2 worker threads');
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-bench-'));
  try {
    for (let i = 0; i < 1000; i++) {
      const s = seeds[i % seeds.length]!;
      writeFileSync(join(dir, `${String(i).padStart(4, '0')}-${s.name}.txt`), `${s.text}\n\n（第 ${i} 份）\n`);
    }
    const cli = join(root, 'dist', 'cli.js');
    const t = performance.now();
    const run = spawnSync(process.execPath, [cli, '--jobs', '2', '--format', 'json', '--no-progress', '-o', join(dir, 'out.json'), dir], {
      encoding: 'utf8',
    });
    const took = performance.now() - t;
    const results = (JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as unknown[]).length;
    row(`  ${results} reports (exit ${run.status})`, `${(took / 1000).toFixed(2)} s`, '< 10 s', took < 10_000 && results === 1000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  await pdfBench();
  await cliMemoryBench();
  await webBench(root, row);

  console.log('\nmeasured | value | target | \n---|---|---|---');
  for (const r of rows) console.log(`${r[0].trim()} | ${r[1]} | ${r[2]} | ${r[3]}`);
}

type MemoryMode = 'fresh' | 'fresh-model' | 'warm' | 'kept';

/**
 * A memory measurement in child processes of their own (the median peak of `runs` of them); null (and a
 * MISSED row) when one failed.
 */
function memoryRun(mode: MemoryMode, runs = 1): { input: number; peak: number } | null {
  const peaks: number[] = [];
  let input = 0;
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(
      process.execPath,
      [
        ...process.execArgv,
        '--expose-gc',
        // What a kept result holds is measured after the audit: no background optimisation job may still
        // hold the closures it compiles (and with them, for a moment, the last model).
        ...(mode === 'kept' ? ['--no-concurrent-recompilation'] : []),
        fileURLToPath(import.meta.url),
        '--memory-child',
        String(MB),
        mode,
      ],
      { encoding: 'utf8' },
    );
    let mem: { input?: unknown; peak?: unknown } = {};
    try {
      mem = JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as typeof mem;
    } catch {
      // reported below
    }
    if (typeof mem.input !== 'number' || typeof mem.peak !== 'number') {
      row(`  memory (${mode})`, `child failed: ${child.stderr.slice(0, 200)}`, '', false);
      return null;
    }
    input = mem.input;
    peaks.push(mem.peak);
  }
  return { input, peak: median(peaks) };
}

/**
 * Runs in a child process.
 * - fresh: RSS growth of one audit after auditing the five seeds once; fresh-model: the same with
 *   every rule off (reading, normalising and recognising the report only). maxRSS is the process's
 *   high-water mark, so this is an upper bound. It includes V8 growing its young generation to full
 *   size (16 MB more), which a process does once, the first time enough of its data survives.
 * - warm: the same after 100 seed audits, as in a CMS hook or a batch worker that has been running.
 * - kept: the heap one result still holds after an exact full collection (what a batch keeping
 *   results pays).
 */
/**
 * The heap after the collection a heap snapshot makes: unlike gc(), it finishes sweeping and clears
 * V8's caches, so what is left is what something still references.
 */
function exactHeapUsed(): number {
  rmSync(writeHeapSnapshot(join(tmpdir(), `xxgk-bench-${process.pid}.heapsnapshot`)), { force: true });
  return process.memoryUsage().heapUsed;
}

function memoryChild(bytes: number, mode: MemoryMode): void {
  const doc = documentOf(bytes).text;
  const exposed = (globalThis as { gc?: () => void }).gc;
  // Twice: a collection that starts during incremental marking leaves some garbage for the next.
  const gc = () => {
    exposed?.();
    exposed?.();
  };
  const run = mode === 'fresh-model' ? modelText : auditText;
  const warmUp = mode === 'warm' ? 100 : seeds.length;
  for (let i = 0; i < warmUp; i++) run(seeds[i % seeds.length]!.text);
  gc();
  if (mode === 'kept') {
    const before = exactHeapUsed();
    const result = auditText(doc);
    const held = exactHeapUsed() - before;
    console.log(JSON.stringify({ input: utf8Bytes(doc), peak: Math.max(0, held), findings: result.findings.length }));
    return;
  }
  const base = process.memoryUsage().rss;
  run(doc);
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ input: utf8Bytes(doc), peak: Math.max(0, peak - base) }));
}

const pdfDir = join(root, 'test', 'fixtures', 'pdf');
const pdfFiles = readdirSync(pdfDir)
  .filter((f) => f.endsWith('.pdf'))
  .sort();

/** Whether a command runs (exit 0) with these arguments. */
const runs = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;

async function pdfBench(): Promise<void> {
  console.log('\n6. PDF: readPdf + audit against pdftotext -layout (median of 15 alternating runs, after 20 untimed');
  console.log('   reads that let V8 compile the hot WebAssembly and JavaScript with its optimising tier)');
  const havePdftotext = runs('pdftotext', ['-v']);
  if (!havePdftotext) console.log('  (pdftotext not installed: apt-get install -y poppler-utils; the comparison rows are skipped)');
  for (const name of pdfFiles) {
    const file = join(pdfDir, name);
    const bytes = new Uint8Array(readFileSync(file));
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let i = 0; i < 20; i++) audit(await readPdf(bytes));
    for (let i = 0; i < 15; i++) {
      let t = performance.now();
      audit(await readPdf(bytes));
      const a = performance.now() - t;
      let b = 0;
      if (havePdftotext) {
        t = performance.now();
        spawnSync('pdftotext', ['-layout', file, '-'], { stdio: ['ignore', 'pipe', 'ignore'] });
        b = performance.now() - t;
      }
      ours.push(a);
      theirs.push(b);
    }
    const o = median(ours);
    if (!havePdftotext) {
      row(`  ${name.replace(/^.*__/, '')} readPdf + audit`, ms(o), '', null);
      continue;
    }
    const p = median(theirs);
    row(`  ${name.replace(/^.*__/, '')}`, `${ms(o)} / ${ms(p)} = ${(o / p).toFixed(2)}×`, '≤ 1.5×', o / p <= 1.5);
  }

  console.log('\n   resident memory over many PDF reads (one child process, hzq2024)');
  const child = spawnSync(process.execPath, [...process.execArgv, '--expose-gc', fileURLToPath(import.meta.url), '--pdf-memory-child'], {
    encoding: 'utf8',
  });
  try {
    const m = JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as { after10: number; after1000: number; heap10: number; heap1000: number; wasm: number };
    const grew = (m.after1000 - m.after10) / MB;
    row('  RSS after 1,000 reads − after 10', `${(m.after1000 / MB).toFixed(1)} − ${(m.after10 / MB).toFixed(1)} = ${grew.toFixed(1)} MB`, '≤ 50 MB', grew <= 50);
    row('  JS heap after 1,000 − after 10', `${((m.heap1000 - m.heap10) / MB).toFixed(1)} MB (WASM memory ${(m.wasm / MB).toFixed(0)} MB)`, '', null);
  } catch {
    row('  PDF memory', `child failed: ${child.stderr.slice(0, 200)}`, '', false);
  }

  console.log('\n   200 PDF copies through the CLI, 2 worker threads');
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-bench-pdf-'));
  try {
    for (let i = 0; i < 200; i++) copyFileSync(join(pdfDir, pdfFiles[i % pdfFiles.length]!), join(dir, `${String(i).padStart(3, '0')}.pdf`));
    const t = performance.now();
    const run = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), '--jobs', '2', '--format', 'json', '--no-progress', '-o', join(dir, 'out.json'), dir], {
      encoding: 'utf8',
    });
    const took = (performance.now() - t) / 1000;
    let results = 0;
    try {
      results = (JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as unknown[]).length;
    } catch {
      // reported below
    }
    row(`  ${results} PDFs (exit ${run.status})`, `${took.toFixed(2)} s = ${(results / took).toFixed(1)} files/s`, '', results === 200 ? null : false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Peak resident memory (bytes) of a command and everything it runs in its process (the CLI's worker
 * threads are threads of that process): GNU time's "Maximum resident set size" when /usr/bin/time is
 * there (apt-get install -y time), else VmHWM sampled from /proc every 20 ms until the process ends.
 */
async function peakRss(command: string, args: string[]): Promise<{ peak: number; status: number | null; seconds: number }> {
  const t = performance.now();
  if (existsSync('/usr/bin/time')) {
    const r = spawnSync('/usr/bin/time', ['-v', command, ...args], { encoding: 'utf8', maxBuffer: 64 * MB });
    const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1];
    const status = /Exit status: (\d+)/.exec(r.stderr)?.[1];
    return { peak: Number(kb ?? NaN) * 1024, status: status === undefined ? r.status : Number(status), seconds: (performance.now() - t) / 1000 };
  }
  const child = spawn(command, args, { stdio: 'ignore' });
  let peak = 0;
  const sample = () => {
    try {
      const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
      if (kb) peak = Math.max(peak, Number(kb) * 1024);
    } catch {
      // gone
    }
  };
  const timer = setInterval(sample, 20);
  const status = await new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  clearInterval(timer);
  return { peak: peak || NaN, status, seconds: (performance.now() - t) / 1000 };
}

/** Writes `n` text reports (the seeds in turn, each with a small edit so that no two are the same) into `dir`. */
function writeReports(dir: string, n: number): void {
  for (let i = 0; i < n; i++) {
    const s = seeds[i % seeds.length]!;
    const text = s.text.replace('年度报告', `年度报告（第 ${i} 份）`);
    writeFileSync(join(dir, `${String(i).padStart(5, '0')}-${s.name}.txt`), `${text}\n\n（本报告为第 ${i} 份副本。）\n`);
  }
}

async function cliMemoryBench(): Promise<void> {
  console.log('\n7. CLI peak memory over a batch: --format csv --jobs 2 (whole process, worker threads included)');
  const cli = join(root, 'dist', 'cli.js');
  const peaks: Record<number, number> = {};
  for (const n of [100, 10_000]) {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-bench-batch-'));
    try {
      const reports = join(dir, 'reports');
      mkdirSync(reports);
      writeReports(reports, n);
      const out = join(dir, 'out.csv');
      const r = await peakRss(process.execPath, [cli, '--format', 'csv', '--jobs', '2', '--no-progress', reports, '-o', out]);
      const rows = readFileSync(out, 'utf8').trimEnd().split('\r\n').length - 1;
      peaks[n] = r.peak;
      row(
        `  ${n.toLocaleString('en')} reports (exit ${r.status}, ${rows} rows)`,
        `${(r.peak / MB).toFixed(1)} MB in ${r.seconds.toFixed(1)} s`,
        '',
        rows === n ? null : false,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const grew = (peaks[10_000]! - peaks[100]!) / MB;
  row('  peak over 10,000 − peak over 100', `${grew.toFixed(1)} MB`, '≤ 50 MB', grew <= 50);
}

/** Runs in a child process: resident memory after 10 and after 1,000 reads of one PDF. */
async function pdfMemoryChild(): Promise<void> {
  const bytes = new Uint8Array(readFileSync(join(pdfDir, 'kirogovcompare__hzq2024_working.pdf')));
  const gc = () => {
    const exposed = (globalThis as { gc?: () => void }).gc;
    exposed?.();
    exposed?.();
  };
  let after10 = 0;
  let heap10 = 0;
  for (let i = 1; i <= 1000; i++) {
    await readPdf(bytes);
    if (i === 10) {
      gc();
      after10 = process.memoryUsage().rss;
      heap10 = process.memoryUsage().heapUsed;
    }
  }
  gc();
  const { loadPdfium } = await import('../../src/pdf/pdfium');
  const wasm = (await loadPdfium()).pdfium.HEAPU8.length;
  console.log(JSON.stringify({ after10, after1000: process.memoryUsage().rss, heap10, heap1000: process.memoryUsage().heapUsed, wasm }));
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
