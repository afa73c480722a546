/**
 * Bench section 8 (issue #17): the web page in headless Chromium (the same browser the tests use), opened
 * from dist/web as a file. A 10,000-character report is pasted, then one character is typed at a time; the
 * page measures from the keystroke (its `input` event) to the findings of the new text drawn and laid out
 * (the debounce, the audit in the worker, the message back and the drawing). Median of 15 keystrokes after
 * 3 untimed ones; target under 300 ms. Printed only, never asserted.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { tenThousand } from '../web/ten-thousand';
import { findChromium } from '../chromium';

type Row = (what: string, measured: string, target: string, ok: boolean | null) => void;

const TARGET_MS = 300;

export async function webBench(root: string, row: Row): Promise<void> {
  console.log('\n8. the web page (dist/web, from file://) in headless Chromium: last keystroke to updated findings, 10,000 characters');
  const chromium = findChromium();
  const index = join(root, 'dist', 'web', 'index.html');
  if (!chromium || !existsSync(index)) {
    row('  keystroke → findings', chromium ? 'dist/web missing (npm run build)' : 'Chromium not found', `< ${TARGET_MS} ms`, false);
    return;
  }
  const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(pathToFileURL(index).href, { waitUntil: 'load' });
    const audits = () => page.evaluate(() => Number(document.body.dataset.audits ?? 0));
    const settle = async (before: number) =>
      page.waitForFunction((n) => Number(document.body.dataset.audits ?? 0) > n && document.body.dataset.state === 'done', { timeout: 60_000 }, before);
    await page.focus('#paste');
    let before = await audits();
    await page.evaluate((t) => document.execCommand('insertText', false, t), tenThousand());
    await settle(before);
    const totals: number[] = [];
    const workers: number[] = [];
    const letters = '本年度共收到申请件数准确无误共计十八件';
    for (let i = 0; i < 18; i++) {
      before = await audits();
      await page.keyboard.type(letters[i % letters.length]!);
      await settle(before);
      const { total, worker } = await page.evaluate(
        () => (globalThis as unknown as { xxgkPage: { latency: { total?: number; worker?: number } } }).xxgkPage.latency,
      );
      if (i >= 3 && total !== undefined && worker !== undefined) {
        totals.push(total);
        workers.push(worker);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
    const total = median(totals);
    row(
      '  keystroke → findings drawn (median of 15)',
      `${total.toFixed(0)} ms = ${(total / TARGET_MS).toFixed(2)}× target`,
      `< ${TARGET_MS} ms`,
      total < TARGET_MS,
    );
    row('    of which: pause after typing', '150 ms (TYPING_PAUSE)', '', null);
    row('    of which: reading + audit in the worker', `${median(workers).toFixed(0)} ms`, '', null);
  } finally {
    await browser.close();
  }
}
