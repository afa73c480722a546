/**
 * Hostile inputs (issue #7): runs of the characters the readers and rules look for — a million
 * 「（」, 「一、」 repeated, a line of 200,000 tab cells, a 1 MB digit run, 100,000 表三 rows — must
 * cost about as much per character as a normal report. Nothing here asserts a wall-clock time: each
 * case is compared with a normal report measured in the same process a moment before, and the
 * factor allowed is wide enough for a busy machine yet far below what a quadratic step costs at
 * these sizes (hundreds of times).
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { COST_ATTEMPTS, fixture, root, seeds } from '../helpers';
import type { Format, Job, Reply } from './hostile-worker';

/** Allowed cost per character relative to a normal report. */
const FACTOR = 10;

/** `one` repeated to at least `length` characters. */
function atLeast(one: string, length: number): string {
  return one.repeat(Math.ceil(length / one.length));
}

const normal = atLeast(Object.values(seeds()).join('\n'), 300_000);

/** Normal reports of each format, about 300,000 characters. */
const normals: Record<Format, string> = {
  text: normal,
  markdown: atLeast(
    fixture('peers/kirogovcompare__kewei-2024-source.md') + '\n\n' + fixture('peers/kirogovcompare__shanghai-office-2025-source.md'),
    300_000,
  ),
  html: atLeast(
    Object.values(seeds())
      .join('\n')
      .split('\n')
      .map((line) => (line.includes('\t') ? `<table><tr><td>${line.split('\t').join('</td><td>')}</td></tr></table>` : `<p>${line}</p>`))
      .join('\n'),
    300_000,
  ),
};

/**
 * The audits are measured in a worker thread (hostile-worker.ts, bundled with the sources by esbuild
 * here): plain JavaScript outside jest's module sandbox, where they ran 1.2–1.4× slower. The inputs
 * are built here and handed over; the worker measures and answers with the ratio.
 */
let measurer: Worker;
const pending = new Map<number, (reply: Reply) => void>();
let lastId = 0;

function ask(request: Job): Promise<Reply> {
  const id = ++lastId;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    measurer.postMessage({ ...request, id });
  });
}

beforeAll(async () => {
  const { build } = await import('esbuild');
  const outfile = join(root, 'node_modules', '.cache', 'xxgk-hostile-test', 'hostile-worker.mjs');
  await build({
    entryPoints: [join(root, 'test', 'robustness', 'hostile-worker.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // The CommonJS dependencies bundled into an ES module still call require() for Node's own modules.
    banner: { js: "import { createRequire as __xxgkCreateRequire } from 'node:module'; const require = __xxgkCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  measurer = new Worker(outfile);
  measurer.on('message', (reply: Reply) => {
    const settle = pending.get(reply.id)!;
    pending.delete(reply.id);
    settle(reply);
  });
  measurer.on('error', (e) => {
    for (const settle of pending.values()) settle({ id: 0, thrown: `the measuring worker failed: ${e.message}` });
    pending.clear();
  });
  // Warm-up and the normal report's cost per character, for each format.
  for (const format of ['text', 'markdown', 'html'] as const) {
    const r = await ask({ kind: 'normal', format, content: normals[format] });
    if (r.thrown) throw new Error(r.thrown);
    expect(r.ratio).toBeGreaterThan(0);
  }
});

afterAll(async () => {
  await measurer?.terminate();
});

/**
 * Checks one case at a fiftieth of its size, then at full size: the audit may cost per character at
 * most FACTOR times a normal report, plus, for Markdown, what remark-parse itself spends on the text
 * (micromark spends tens of microseconds per line or emphasis marker; past the thresholds where that
 * adds up the reader falls back to plain text, and the full-size inputs are all past them).
 *
 * Another test suite running on the other core can slow one measurement several times over, so an
 * excess is measured again, with more runs and with the normal report measured again right beside
 * it; only an excess on every attempt fails. A quadratic step costs hundreds of times the normal
 * report at these sizes and fails on every attempt.
 */
async function checkCost(make: (scale: number) => string, format: Format): Promise<void> {
  // A fiftieth first: a quadratic step fails there in seconds instead of hanging at full size.
  for (const scale of [0.02, 1]) {
    const content = make(scale);
    const { ratio, parser, thrown } = await ask({ kind: 'check', format, content, scale, factor: FACTOR, attempts: COST_ATTEMPTS });
    if (thrown) throw new Error(thrown);
    if (!(ratio! <= FACTOR)) {
      throw new Error(
        `${content.length} characters cost ${ratio!.toFixed(1)}× a normal ${format} report per character (allowed: ${FACTOR}×, ${COST_ATTEMPTS} attempts)` +
          (parser ? ` besides twice the ${parser.toFixed(0)} ms remark-parse takes` : ''),
      );
    }
    expect(ratio).toBeLessThanOrEqual(FACTOR);
  }
}

const MILLION = 1_000_000;
const flat = normal.replace(/\n/g, ' ');

/** Each case builds its input at a scale: 1 is the size named, 0.02 a fiftieth of it. */
const cases: Array<[string, (scale: number) => string]> = [
  ['a million 「（」', (k) => '（'.repeat(MILLION * k)],
  ['a million 「(」 after a Han character (pinyin-annotation lookalike)', (k) => '政' + '('.repeat(MILLION * k)],
  ['「據(jù」 pinyin noise without its closing bracket, repeated', (k) => '據(jù'.repeat(200_000 * k)],
  ['「一、」 repeated 300,000 times', (k) => '一、'.repeat(300_000 * k)],
  ['「（一）」 repeated 200,000 times', (k) => '（一）'.repeat(200_000 * k)],
  ['a heading line repeated 100,000 times', (k) => '一、总体情况\n'.repeat(100_000 * k)],
  ['a line of 200,000 tab cells', (k) => '总计' + '\t1'.repeat(200_000 * k)],
  ['200,000 tabs', (k) => '\t'.repeat(200_000 * k)],
  ['a 1 MB digit run', (k) => '1'.repeat(MILLION * k)],
  ['a 1 MB run of full-width digits', (k) => '９'.repeat(MILLION * k)],
  ['a million spaces', (k) => ' '.repeat(MILLION * k)],
  ['digits separated by spaces (a space-aligned table row without end)', (k) => '1 '.repeat(500_000 * k)],
  ['a 1 MB single line of report text', (k) => atLeast(flat, MILLION * k).slice(0, MILLION * k)],
  ['100,000 表三 header lines', (k) => '本年新收政府信息公开申请数量\t1\t2\t3\n'.repeat(100_000 * k)],
  ['50,000 表三 result rows', (k) => '（一）予以公开\t1\t2\t3\t4\t5\t6\t7\n'.repeat(50_000 * k)],
  ['30,000 表三 rows whose cells ran together (60-digit runs to split by the identities)', (k) => '（一）予以公开123456789012345678901234567890123456789012345678901234567890\n'.repeat(30_000 * k)],
  ['300,000 unmatched 【 then 300,000 】', (k) => '【'.repeat(300_000 * k) + '】'.repeat(300_000 * k)],
  ['a million pipes', (k) => '|'.repeat(MILLION * k)],
  ['500,000 empty lines', (k) => '\n'.repeat(500_000 * k)],
  ['「2024年1月1日至」 repeated (period without an end)', (k) => '2024年1月1日至'.repeat(100_000 * k)],
  ['「联系电话：」 without numbers, repeated', (k) => '联系电话：'.repeat(200_000 * k)],
  ['「1%」 repeated', (k) => '1%'.repeat(300_000 * k)],
  ['lone surrogates', (k) => '\uD800'.repeat(300_000 * k)],
];

describe('hostile inputs cost about what a normal report costs per character', () => {
  it.each(cases)('%s', (_, make) => checkCost(make, 'text'));
});

/** Shapes remark-parse (micromark) takes superlinear time on; the reader falls back to plain text. */
const markdownCases: Array<[string, (scale: number) => string]> = [
  ['20,000 list markers nested on one line', (k) => '- '.repeat(20_000 * k) + '正文'],
  ['20,000 ordered-list markers nested on one line', (k) => '1. '.repeat(20_000 * k) + '正文'],
  ['a staircase of 1,000 nested list items', (k) => Array.from({ length: 1_000 * Math.sqrt(k) }, (_, i) => '  '.repeat(i) + '- 正文').join('\n')],
  ['100,000 nested quotes', (k) => '> '.repeat(100_000 * k) + '正文'],
  ['100,000 emphasis markers in one paragraph', (k) => '*政'.repeat(100_000 * k)],
  ['50,000 strikethrough markers in one paragraph', (k) => '~政'.repeat(50_000 * k)],
  ['100,000 one-character paragraphs', (k) => '政\n\n'.repeat(100_000 * k)],
  ['100,000 list items', (k) => '- 政\n'.repeat(100_000 * k)],
  ['a GFM table of 100,000 rows', (k) => '|事项|数量|\n|-|-|\n' + '|予以公开|1|\n'.repeat(100_000 * k)],
  ['a GFM row of 50,000 cells', (k) => '|' + '1|'.repeat(50_000 * k) + '\n|' + '-|'.repeat(50_000 * k)],
  ['100,000 link openers', (k) => '[政]('.repeat(100_000 * k)],
];

describe('hostile Markdown costs about what normal Markdown costs per character', () => {
  it.each(markdownCases)('%s', (_, make) => checkCost(make, 'markdown'));
});

const htmlCases: Array<[string, (scale: number) => string]> = [
  ['100,000 nested <div>', (k) => '<div>'.repeat(100_000 * k) + '正文' + '</div>'.repeat(100_000 * k)],
  ['20,000 nested unclosed tables', (k) => '<table><tr><td>'.repeat(20_000 * k) + '正文'],
  ['a row of 200,000 cells', (k) => '<table><tr>' + '<td>1</td>'.repeat(200_000 * k) + '</tr></table>'],
  ['a million 「<」', (k) => '<'.repeat(1_000_000 * k)],
  ['a million 「&」', (k) => '&'.repeat(1_000_000 * k)],
  ['200,000 character references', (k) => '&#x4E00;&nbsp;'.repeat(100_000 * k)],
  ['an unclosed comment', (k) => '<p>正文</p><!--' + '政'.repeat(1_000_000 * k)],
  ['one tag with 200,000 attributes', (k) => '<p ' + 'a=1 '.repeat(200_000 * k) + '>正文</p>'],
];

describe('hostile HTML costs about what normal HTML costs per character', () => {
  it.each(htmlCases)('%s', (_, make) => checkCost(make, 'html'));
});
