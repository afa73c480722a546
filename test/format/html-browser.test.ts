/**
 * The HTML report as a reader sees it: rendered by headless Chromium (the OS package, driven with
 * puppeteer-core) at 1280 and 390 px wide, screenshots saved to a temporary folder (their paths are
 * printed), and the page itself checked:
 * - the first finding shows in the first screen at 1280 px (findings come first);
 * - at 390 px nothing scrolls sideways but a table, inside its own scrolling box;
 * - the marked 表四 cells of the 洪泽区 2023 report show the values they should hold (应为 11, 应为 5);
 * - the list of checks is folded away in a closed <details>;
 * - Chinese text is drawn in a CJK font of the system, not boxes;
 * - printed, each report starts a page and the folded list is left out.
 *
 * Chromium must be installed (`apt-get install -y chromium fonts-noto-cjk`; .ci/run does it): without
 * it this test fails and says so, it never passes unchecked. CHROMIUM_PATH names another binary.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { audit, toHtml } from '../../src/index';
import { findChromium } from '../chromium';
import { fixturesDir } from '../helpers';

const TABLE_REPORT = 'tables/kirogovcompare__hzq2023_working.layout.txt';

function page(): string {
  const seeds = readdirSync(join(fixturesDir, 'seeds')).sort();
  const results = seeds.map((f) => audit({ content: readFileSync(join(fixturesDir, 'seeds', f)), uri: `seeds/${f}` }));
  results.push(audit({ content: readFileSync(join(fixturesDir, TABLE_REPORT)), uri: TABLE_REPORT }));
  return toHtml(results);
}

const chromium = findChromium();
const out = mkdtempSync(join(tmpdir(), 'xxgk-html-'));
let browser: Browser | undefined;
let url: string;

beforeAll(async () => {
  if (!chromium) return;
  const file = join(out, 'report.html');
  writeFileSync(file, page());
  url = pathToFileURL(file).href;
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    // As root (CI containers) Chromium needs --no-sandbox; the page is our own file.
    args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

async function open(width: number, height: number): Promise<Page> {
  const p = await browser!.newPage();
  await p.setViewport({ width, height, deviceScaleFactor: 1 });
  await p.goto(url, { waitUntil: 'load' });
  return p;
}

async function shoot(p: Page, name: string): Promise<void> {
  const viewport = join(out, `${name}.png`);
  const full = join(out, `${name}-full.png`);
  await p.screenshot({ path: viewport });
  await p.screenshot({ path: full, fullPage: true });
  process.stdout.write(`screenshots: ${viewport}\n             ${full}\n`);
}

describe('the HTML report in headless Chromium', () => {
  it('has Chromium to render it (apt-get install -y chromium fonts-noto-cjk, or set CHROMIUM_PATH)', () => {
    if (!chromium) {
      throw new Error(
        'Chromium was not found (CHROMIUM_PATH, or chromium on the PATH): the HTML report cannot be checked as a reader sees it. ' +
          'Install it with `apt-get install -y chromium fonts-noto-cjk` (.ci/run does this in CI).',
      );
    }
    expect(browser).toBeDefined();
  });

  const withBrowser = chromium ? it : it.skip;

  withBrowser('at 1280 px the first finding is in the first screen, the marked 表四 cells show 应为 11 and 应为 5, the checks are folded', async () => {
    const p = await open(1280, 800);
    await shoot(p, 'report-1280');
    const seen = await p.evaluate(() => {
      // The first finding's message: read without scrolling.
      const first = document.querySelector('li.finding .message')!.getBoundingClientRect();
      const t4 = Array.from(document.querySelectorAll('table.report-table[data-table="T4"] td.mark'))
        .map((td) => ({ text: td.querySelector('.expected')?.textContent ?? null, visible: td.getBoundingClientRect().width > 0 }))
        .filter((c) => c.text !== null);
      const details = Array.from(document.querySelectorAll('section.report')).map((report) => {
        const d = report.querySelector('details.rules') as HTMLDetailsElement | null;
        const rules = d?.querySelector('table.rules') as HTMLElement | null;
        return { details: !!d, open: d?.open ?? null, rulesInside: !!rules, rulesShown: rules ? rules.checkVisibility() : null };
      });
      const h1 = getComputedStyle(document.querySelector('h1')!).fontFamily;
      return { top: first.top, bottom: first.bottom, height: innerHeight, t4, details, h1 };
    });
    expect(seen.bottom).toBeLessThanOrEqual(seen.height);
    expect(seen.t4.map((c) => c.text).sort()).toEqual(['应为 11', '应为 5']);
    expect(seen.t4.every((c) => c.visible)).toBe(true);
    expect(seen.details).toHaveLength(6);
    for (const d of seen.details) expect(d).toEqual({ details: true, open: false, rulesInside: true, rulesShown: false });
    expect(seen.h1).toMatch(/^"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC"/);
    await p.close();
  }, 60_000);

  withBrowser('at 390 px nothing scrolls sideways but the tables, each inside its own scrolling box', async () => {
    const p = await open(390, 844);
    await shoot(p, 'report-390');
    const seen = await p.evaluate(() => {
      const vw = document.documentElement.clientWidth;
      // Elements reaching past the viewport that are not inside a table's scrolling box.
      const outside = Array.from(document.body.querySelectorAll('*'))
        .filter((e) => !e.closest('.table-wrap'))
        .filter((e) => e.getBoundingClientRect().right > vw + 0.5)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
      const wraps = Array.from(document.querySelectorAll('table.report-table')).map((t) => {
        const wrap = t.parentElement!;
        return { wrapped: wrap.classList.contains('table-wrap'), overflowX: getComputedStyle(wrap).overflowX, fits: wrap.getBoundingClientRect().right <= vw + 0.5 };
      });
      return { scrollWidth: document.documentElement.scrollWidth, vw, outside, wraps };
    });
    expect(seen.vw).toBe(390);
    expect(seen.scrollWidth).toBeLessThanOrEqual(390);
    expect(seen.outside).toEqual([]);
    expect(seen.wraps.length).toBeGreaterThan(0);
    for (const w of seen.wraps) expect(w).toEqual({ wrapped: true, overflowX: 'auto', fits: true });
    await p.close();
  }, 60_000);

  withBrowser('draws Chinese in a CJK font of the system (not boxes)', async () => {
    const p = await open(1280, 800);
    const session = await p.createCDPSession();
    await session.send('DOM.enable');
    await session.send('CSS.enable');
    const { root } = await session.send('DOM.getDocument');
    const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'h1' });
    const { fonts } = await session.send('CSS.getPlatformFontsForNode', { nodeId });
    const used = fonts.map((f) => f.familyName);
    expect(used.some((f) => /CJK|Han Sans|PingFang|YaHei|Hiragino|WenQuanYi/.test(f))).toBe(true);
    await p.close();
  }, 60_000);

  withBrowser('printed: each report starts a page, tables do not scroll and the folded checks are left out', async () => {
    const p = await open(1280, 800);
    await p.emulateMediaType('print');
    const seen = await p.evaluate(() => {
      const reports = Array.from(document.querySelectorAll('section.report')).map((r) => getComputedStyle(r).breakBefore);
      return {
        reports,
        wrap: getComputedStyle(document.querySelector('.table-wrap')!).overflowX,
        details: getComputedStyle(document.querySelector('details.rules')!).display,
      };
    });
    expect(seen.reports.slice(1).every((b) => b === 'page')).toBe(true);
    expect(seen.wrap).toBe('visible');
    expect(seen.details).toBe('none');
    const pdf = await p.pdf({ format: 'A4' });
    writeFileSync(join(out, 'report.pdf'), pdf);
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await p.close();
  }, 60_000);
});
