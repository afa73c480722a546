/**
 * Hostile inputs (issue #7): runs of the characters the readers and rules look for — a million
 * 「（」, 「一、」 repeated, a line of 200,000 tab cells, a 1 MB digit run, 100,000 表三 rows — must
 * cost about as much per character as a normal report. Nothing here asserts a wall-clock time: each
 * case is compared with a normal report measured in the same process a moment before, and the
 * factor allowed is wide enough for a busy machine yet far below what a quadratic step costs at
 * these sizes (hundreds of times).
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { audit, AuditInputError } from '../../src/index';
import { seeds } from '../helpers';

/** Allowed cost per character relative to a normal report. */
const FACTOR = 10;

const normal = (() => {
  const one = Object.values(seeds()).join('\n');
  return one.repeat(Math.ceil(300_000 / one.length));
})();

function timeOf(content: string): number {
  const t0 = performance.now();
  try {
    audit({ content, format: 'text' });
  } catch (e) {
    if (!(e instanceof AuditInputError)) throw e;
  }
  return performance.now() - t0;
}

/** The least of a few runs: noise from other processes only ever adds time. */
function bestOf(content: string, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) best = Math.min(best, timeOf(content));
  return best;
}

let perChar = 0;

beforeAll(() => {
  timeOf(normal); // warm-up: compile the code paths
  perChar = bestOf(normal, 3) / normal.length;
});

const MILLION = 1_000_000;
const flat = () => normal.replace(/\n/g, ' ');

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
  ['a 1 MB single line of report text', (k) => flat().repeat(Math.ceil((MILLION * k) / flat().length)).slice(0, MILLION * k)],
  ['100,000 表三 header lines', (k) => '本年新收政府信息公开申请数量\t1\t2\t3\n'.repeat(100_000 * k)],
  ['50,000 表三 result rows', (k) => '（一）予以公开\t1\t2\t3\t4\t5\t6\t7\n'.repeat(50_000 * k)],
  ['300,000 unmatched 【 then 300,000 】', (k) => '【'.repeat(300_000 * k) + '】'.repeat(300_000 * k)],
  ['a million pipes', (k) => '|'.repeat(MILLION * k)],
  ['500,000 empty lines', (k) => '\n'.repeat(500_000 * k)],
  ['「2024年1月1日至」 repeated (period without an end)', (k) => '2024年1月1日至'.repeat(100_000 * k)],
  ['「联系电话：」 without numbers, repeated', (k) => '联系电话：'.repeat(200_000 * k)],
  ['「1%」 repeated', (k) => '1%'.repeat(300_000 * k)],
  ['lone surrogates', (k) => '\uD800'.repeat(300_000 * k)],
];

describe('hostile inputs cost about what a normal report costs per character', () => {
  it.each(cases)('%s', (_, make) => {
    // A fiftieth first: a quadratic step fails there in seconds instead of hanging at full size.
    for (const scale of [0.02, 1]) {
      const content = make(scale);
      const ratio = bestOf(content, 2) / content.length / perChar;
      // On failure the message says how far off it is, and at which size.
      expect({ length: content.length, ratio: Math.round(ratio * 100) / 100, within: ratio <= FACTOR }).toEqual({
        length: content.length,
        ratio: expect.any(Number),
        within: true,
      });
    }
  });
});
