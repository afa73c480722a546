/**
 * The web page for clerks (examples/web, built into dist/web) in headless Chromium, opened from file:// and
 * over `xxgk-audit serve`:
 * - seed 002 dropped, the 洪泽区 2023 PDF dropped, the blank DOCX template picked: the verdict, score and
 *   findings the page shows are the library's (audited here in Node for comparison), the marked 表四 cells of
 *   the PDF show 应为 11 and 应为 5, and the blank template's review items are listed apart from its errors;
 * - a 10,000-character report pasted, then typed into: the findings are those of the final text once typing
 *   stops, and the audit ran in a DedicatedWorkerGlobalScope (off the main thread);
 * - the options (issuer type, publication date, last year's report), the English switch and the four exports;
 * - no console error, and no request but the page's own files (every request is intercepted: any other is
 *   aborted and fails the test), none to another host, and the CSP refuses a connection the page would try;
 * - axe-core finds no serious or critical violation at 1280 and 390 px; screenshots at both widths are saved
 *   to a temporary folder whose paths are printed.
 * The page is rebuilt from the sources first (examples/web/build.ts, about a second), so it is never stale;
 * the serve test runs dist/cli.js, which `npm run build` (run by `npm ci`) makes.
 *
 * Chromium must be installed (see test/format/html-browser.test.ts): without it this test fails and says so.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { audit, createAuditor, type AuditResult } from '../../src/index';
import { readPdf } from '../../src/pdf/index';
import { buildWeb } from '../../examples/web/build';
import { findChromium } from '../chromium';
import { fixturesDir, root } from '../helpers';
import { tenThousand } from './ten-thousand';

const SEED = join(fixturesDir, 'seeds', '002_9ab6ef9a76a23be4.txt');
const PDF = join(fixturesDir, 'pdf', 'kirogovcompare__hzq2023_working.pdf');
const DOCX = join(fixturesDir, 'formats', 'govnianbao__template_blank_gbgkbh2021-30.docx');
/** The files the page may load: its own, from its own folder. */
const OWN_FILES = new Set(['', 'index.html', 'app.js', 'style.css', 'report.css', 'pdfium-wasm.js']);

const chromium = findChromium();
const webDir = join(root, 'dist', 'web');
const shots = mkdtempSync(join(tmpdir(), 'xxgk-web-'));
let browser: Browser | undefined;

/** What went wrong on a page: console errors, uncaught errors, requests that were not the page's own files. */
interface Watch {
  errors: string[];
  foreign: string[];
  own: string[];
}

beforeAll(async () => {
  if (!chromium) return;
  await buildWeb(webDir);
  browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** Opens the page at `base` (a folder URL ending in '/'), every request intercepted: only the page's own files pass. */
async function open(base: string, width = 1280, height = 900): Promise<{ page: Page; watch: Watch }> {
  const page = await browser!.newPage();
  await page.setViewport({ width, height, deviceScaleFactor: 1 });
  const watch: Watch = { errors: [], foreign: [], own: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') watch.errors.push(m.text());
  });
  page.on('pageerror', (e) => watch.errors.push(String(e)));
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return void request.continue();
    if (url.startsWith(base) && OWN_FILES.has(url.slice(base.length))) {
      watch.own.push(url.slice(base.length));
      return void request.continue();
    }
    watch.foreign.push(url);
    void request.abort();
  });
  await page.goto(`${base}index.html`, { waitUntil: 'load' });
  return { page, watch };
}

async function audits(page: Page): Promise<number> {
  return page.evaluate(() => Number(document.body.dataset.audits ?? 0));
}

/** Waits until the page has drawn more than `before` audits and is not running one. */
async function settled(page: Page, before: number): Promise<void> {
  await page.waitForFunction((n) => Number(document.body.dataset.audits ?? 0) > n && document.body.dataset.state !== 'running', { timeout: 60_000 }, before);
}

/** Drops a file on the page as a browser does: a `drop` event carrying it in a DataTransfer. */
async function drop(page: Page, file: string, name: string): Promise<void> {
  const before = await audits(page);
  const base64 = readFileSync(file).toString('base64');
  await page.evaluate(
    (b64, fileName) => {
      const binary = atob(b64);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      const data = new DataTransfer();
      data.items.add(new File([bytes], fileName));
      const target = document.getElementById('drop')!;
      target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
      target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
    },
    base64,
    name,
  );
  await settled(page, before);
}

interface Shown {
  score: string;
  verdict: string;
  scope: string | undefined;
  result: AuditResult;
  failItems: number[];
  reviewItems: number[];
  marks: number[];
  t4: string[];
  status: string;
}

async function shown(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const nums = (sel: string) => Array.from(document.querySelectorAll<HTMLElement>(sel)).map((e) => Number(e.dataset.finding));
    return {
      score: document.querySelector('#score .value')?.textContent ?? '',
      verdict: document.querySelector('#score .verdict-word')?.textContent ?? '',
      scope: document.documentElement.dataset.auditScope,
      result: (globalThis as unknown as { xxgkPage: { result: AuditResult } }).xxgkPage.result,
      failItems: nums('#findings li[data-finding]'),
      reviewItems: nums('#review li[data-finding]'),
      marks: [...new Set(Array.from(document.querySelectorAll<HTMLElement>('#doc mark[data-findings]')).flatMap((m) => m.dataset.findings!.split(' ').map(Number)))],
      t4: Array.from(document.querySelectorAll('table.report-table[data-table="T4"] td.mark .expected')).map((e) => e.textContent ?? ''),
      status: document.getElementById('status')?.textContent ?? '',
    };
  });
}

/** What a page shows agrees with the library's own result for the same input. */
function expectSame(seen: Shown, expected: AuditResult): void {
  expect(seen.scope).toBe('[object DedicatedWorkerGlobalScope]');
  expect(seen.score).toBe(String(expected.score));
  expect(seen.verdict).toBe(expected.passed ? '通过' : '未通过');
  expect(seen.result.findings.map((f) => f.fingerprint)).toEqual(expected.findings.map((f) => f.fingerprint));
  expect(seen.result.findings.map((f) => f.message)).toEqual(expected.findings.map((f) => f.message));
  // Every finding is listed once, errors and warnings apart from what needs a human, and marked in the text.
  const all = expected.findings.map((_, i) => i);
  expect([...seen.failItems, ...seen.reviewItems].sort((a, b) => a - b)).toEqual(all);
  expect(seen.reviewItems.every((i) => expected.findings[i]!.kind === 'review')).toBe(true);
  expect(seen.failItems.every((i) => expected.findings[i]!.kind !== 'review')).toBe(true);
  expect([...seen.marks].sort((a, b) => a - b)).toEqual(all);
}

function expectClean(watch: Watch, expectedOwn: string[]): void {
  expect(watch.errors).toEqual([]);
  expect(watch.foreign).toEqual([]);
  expect([...new Set(watch.own)].sort()).toEqual([...expectedOwn].sort());
}

async function shoot(page: Page, name: string): Promise<void> {
  const path = join(shots, `${name}.png`);
  await page.screenshot({ path });
  process.stdout.write(`screenshot: ${path}\n`);
}

async function axe(page: Page): Promise<Array<{ id: string; impact: string; nodes: string[] }>> {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    const run = (globalThis as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run;
    // preload: false, or axe would fetch the style sheets itself, which the page's CSP (rightly) refuses.
    const r = await run(document, { resultTypes: ['violations'], preload: false });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
}

const withBrowser = chromium ? it : it.skip;

describe('the web page in headless Chromium', () => {
  it('has Chromium to run it (apt-get install -y chromium fonts-noto-cjk, or set CHROMIUM_PATH)', () => {
    if (!chromium) throw new Error('Chromium was not found (CHROMIUM_PATH, or chromium on the PATH): the web page cannot be tested.');
    expect(browser).toBeDefined();
  });

  withBrowser(
    'from file://: seed 002, the hzq2023 PDF and the blank DOCX give the library\'s verdicts and findings, the marked 表四 cells show 应为 11 and 应为 5; axe finds nothing serious; no foreign request, no console error',
    async () => {
      const base = pathToFileURL(webDir).href + '/';
      const { page, watch } = await open(base);
      // Before anything is loaded, the page is quiet: its own four files, no PDFium yet.
      expect([...new Set(watch.own)].sort()).toEqual(['app.js', 'index.html', 'report.css', 'style.css']);

      await drop(page, SEED, '002.txt');
      const seed = await shown(page);
      expectSame(seed, audit({ content: readFileSync(SEED), uri: '002.txt' }));

      await drop(page, PDF, 'hzq2023.pdf');
      const pdf = await shown(page);
      expectSame(pdf, audit(await readPdf(readFileSync(PDF), { uri: 'hzq2023.pdf' })));
      expect(pdf.t4.sort()).toEqual(['应为 11', '应为 5']);
      expect(pdf.result.findings.some((f) => f.position.start.page !== undefined)).toBe(true);
      await shoot(page, 'web-1280');
      expect(await axe(page)).toEqual([]);

      // The blank template, picked with the file input: three errors to fix, the unfilled tables for a human.
      const before = await audits(page);
      const input = await page.$('#file');
      await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(DOCX);
      await settled(page, before);
      const docx = await shown(page);
      const blank = audit({ content: new Uint8Array(readFileSync(DOCX)), uri: 'blank.docx' });
      expectSame(docx, blank);
      expect(docx.reviewItems.length).toBeGreaterThan(0);
      expect(docx.failItems.length).toBe(blank.findings.filter((f) => f.kind !== 'review').length);

      // Clicking a finding jumps to its mark in the text and flashes it.
      const jumped = await page.evaluate(() => {
        const button = document.querySelector<HTMLButtonElement>('#findings button.jump')!;
        const i = button.dataset.jump!;
        button.click();
        const mark = document.querySelector<HTMLElement>(`#doc mark[data-findings~="${i}"]`)!;
        const box = mark.getBoundingClientRect();
        const doc = document.getElementById('doc')!.getBoundingClientRect();
        return { flashing: mark.classList.contains('flash'), inDoc: box.top >= doc.top - 1 && box.bottom <= doc.bottom + 1, title: mark.title };
      });
      expect(jumped.flashing).toBe(true);
      expect(jumped.inDoc).toBe(true);
      expect(jumped.title.length).toBeGreaterThan(0);

      expectClean(watch, ['index.html', 'app.js', 'style.css', 'report.css', 'pdfium-wasm.js']);
      await page.close();
    },
    180_000,
  );

  withBrowser(
    'a pasted 10,000-character report, typed into: the findings follow the final text once typing stops, audited in the worker',
    async () => {
      const base = pathToFileURL(webDir).href + '/';
      const { page, watch } = await open(base);
      // Something that is not a report: the library's refusal, worded for people, and nothing drawn.
      const notReport = join(shots, 'shopping-list.txt');
      writeFileSync(notReport, 'apples, pears, bread\n');
      await drop(page, notReport, 'shopping-list.txt');
      expect(await page.evaluate(() => [document.body.dataset.state, document.getElementById('results')!.hidden])).toEqual(['error', true]);
      expect(await page.$eval('#status', (e) => e.textContent)).toMatch(/年度报告/);

      const text = tenThousand();
      expect(text.length).toBe(10_000);
      // Paste: the browser's own insertion, as Ctrl+V does.
      await page.focus('#paste');
      let before = await audits(page);
      await page.evaluate((t) => document.execCommand('insertText', false, t), text);
      await settled(page, before);
      const pasted = await shown(page);
      expectSame(pasted, audit(text));

      // Type at the end: a vague count that narrative-consistency names.
      before = await audits(page);
      const typed = '全年共收到申请92余件。';
      await page.keyboard.type(typed, { delay: 15 });
      await settled(page, before);
      // Wait out any audit still coming for the last keystrokes, then compare with the library on the final text.
      await page.waitForFunction(
        (t) => (globalThis as unknown as { xxgkPage: { result?: { findings: unknown[] } } }).xxgkPage.result !== undefined &&
          (document.getElementById('paste') as HTMLTextAreaElement).value.endsWith(t) && document.body.dataset.state === 'done',
        { timeout: 30_000 },
        typed,
      );
      await new Promise((r) => setTimeout(r, 600));
      const finalText = await page.$eval('#paste', (t) => (t as HTMLTextAreaElement).value);
      expect(finalText).toBe(text + typed);
      const after = await shown(page);
      const expected = audit(finalText);
      expectSame(after, expected);
      const added = expected.findings.filter((f) => !pasted.result.findings.some((g) => g.fingerprint === f.fingerprint));
      expect(added.map((f) => f.ruleId)).toContain('narrative-consistency');
      // Not one audit per keystroke: twelve edits within one task (no timer can run between them) give one audit.
      before = await audits(page);
      const requested = () => page.evaluate(() => (globalThis as unknown as { xxgkPage: { requested: number } }).xxgkPage.requested);
      const asked = await requested();
      await page.$eval('#paste', (t) => {
        const area = t as HTMLTextAreaElement;
        for (const ch of '本年度未收到行政复议申请。') {
          area.value += ch;
          area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: ch }));
        }
      });
      await settled(page, before);
      await new Promise((r) => setTimeout(r, 800));
      expect((await requested()) - asked).toBe(1);
      expect((await audits(page)) - before).toBe(1);
      expect((await shown(page)).result.findings.map((f) => f.fingerprint)).toEqual(
        audit(await page.$eval('#paste', (t) => (t as HTMLTextAreaElement).value)).findings.map((f) => f.fingerprint),
      );

      // Printed: the input side is left out, the findings and the text are kept.
      await page.emulateMediaType('print');
      expect(await page.evaluate(() => [getComputedStyle(document.querySelector('.input')!).display, getComputedStyle(document.getElementById('doc')!).display])).toEqual([
        'none',
        'block',
      ]);
      await page.emulateMediaType('screen');

      await page.setViewport({ width: 390, height: 844, deviceScaleFactor: 1 });
      await shoot(page, 'web-390');
      const layout = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, vw: document.documentElement.clientWidth }));
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.vw);
      expect(await axe(page)).toEqual([]);
      expectClean(watch, ['index.html', 'app.js', 'style.css', 'report.css']);
      await page.close();
    },
    180_000,
  );

  withBrowser(
    'npx xxgk-audit serve: prints its 127.0.0.1 address and serves the page; options, last year\'s report, English and the four exports work; the CSP refuses connections',
    async () => {
      const cli = join(root, 'dist', 'cli.js');
      if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build (npm ci runs it)');
      const server: ChildProcess = spawn(process.execPath, [cli, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
      try {
        const url = await new Promise<string>((resolve, reject) => {
          let out = '';
          const timer = setTimeout(() => reject(new Error(`no address printed: ${out}`)), 20_000);
          server.stdout!.on('data', (chunk: Buffer) => {
            out += chunk.toString();
            const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
            if (m) {
              clearTimeout(timer);
              resolve(m[0]);
            }
          });
          server.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
        });
        const response = await fetch(`${url}index.html`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-security-policy')).toContain("connect-src 'none'");
        const html = await response.text();
        expect(html).toContain('<script src="app.js" defer></script>');
        expect(html).toContain("connect-src 'none'");
        expect((await fetch(`${url}..%2f..%2fpackage.json`)).status).not.toBe(200);

        const { page, watch } = await open(url);
        await drop(page, SEED, '002.txt');
        const bytes = readFileSync(SEED);
        expectSame(await shown(page), audit({ content: bytes, uri: '002.txt' }));

        // The options reach meta: year, issuer type, publication date, and last year's report as meta.previous.
        let before = await audits(page);
        await page.select('#opt-issuer', 'department');
        await settled(page, before);
        before = await audits(page);
        await page.$eval('#opt-date', (el) => {
          (el as HTMLInputElement).value = '2025-06-30';
          el.dispatchEvent(new Event('change', { bubbles: true }));
        });
        await settled(page, before);
        before = await audits(page);
        const previous = await page.$('#opt-previous');
        await (previous as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(SEED);
        await settled(page, before);
        const meta = { issuerType: 'department' as const, publishedAt: '2025-06-30', previous: { content: new Uint8Array(bytes), uri: '002_9ab6ef9a76a23be4.txt' } };
        const withOptions = audit({ content: bytes, uri: '002.txt', meta });
        expectSame(await shown(page), withOptions);
        expect(withOptions.rules.find((r) => r.ruleId === 'prior-year-duplication')?.outcome).not.toBe('inapplicable');
        expect(withOptions.rules.find((r) => r.ruleId === 'publication-deadline')?.outcome).not.toBe('inapplicable');

        // English: the page's words and the findings' messages.
        before = await audits(page);
        await page.click('#lang');
        await settled(page, before);
        const english = await shown(page);
        const expectedEn = createAuditor({ locale: 'en' }).audit({ content: bytes, uri: '002.txt', meta });
        expect(await page.evaluate(() => [document.documentElement.lang, document.querySelector('h1')!.textContent])).toEqual([
          'en',
          'Annual report self-check (政府信息公开工作年度报告)',
        ]);
        expect(english.verdict).toBe(expectedEn.passed ? 'passed' : 'failed');
        expect(english.result.findings.map((f) => f.message)).toEqual(expectedEn.findings.map((f) => f.message));

        // Exports: the library's formatters, as downloads (the Blob each download is made of is read here).
        const exported = await page.evaluate(async () => {
          const blobs: Blob[] = [];
          const create = URL.createObjectURL.bind(URL);
          URL.createObjectURL = (b: Blob | MediaSource) => {
            blobs.push(b as Blob);
            return create(b);
          };
          const page = (globalThis as unknown as { xxgkPage: { exportAs(f: string): Promise<string> } }).xxgkPage;
          const out: Record<string, { name: string; text: string; type: string; head: number[] }> = {};
          for (const f of ['json', 'sarif', 'csv', 'html']) {
            const name = await page.exportAs(f);
            const blob = blobs[blobs.length - 1]!;
            out[f] = { name, text: await blob.text(), type: blob.type, head: Array.from(new Uint8Array(await blob.slice(0, 3).arrayBuffer())) };
          }
          return out;
        });
        expect(exported.json!.name).toBe('002.audit.json');
        expect((JSON.parse(exported.json!.text) as typeof expectedEn[]).map((r) => r.score)).toEqual([expectedEn.score]);
        expect(JSON.parse(exported.sarif!.text)).toMatchObject({ version: '2.1.0', runs: [{ results: expect.any(Array) }] });
        expect(exported.csv!.head).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, for Excel
        expect(exported.csv!.text).toContain('002.txt');
        expect(exported.html!.text).toMatch(/^<!DOCTYPE html>/);
        expect(exported.html!.text).toContain(expectedEn.findings[0]!.message.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
        expectClean(watch, ['index.html', 'app.js', 'style.css', 'report.css']);

        // The policy forbids connections: a fetch from the page, even to its own server, is refused.
        const refused = await page.evaluate(async (u) => {
          try {
            await fetch(u);
            return false;
          } catch {
            return true;
          }
        }, `${url}index.html`);
        expect(refused).toBe(true);
        await page.close();
      } finally {
        server.kill();
      }
    },
    120_000,
  );
});
