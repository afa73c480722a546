/**
 * Test order: the long suites first, so that on two workers the short ones fill in around them and the
 * run ends when the last long suite does (jest's own order needs a cache of earlier runs, which a fresh
 * clone or CI does not have). Then the rest, the larger files first.
 */
const { statSync } = require('node:fs');

/**
 * Suites that take tens of seconds (measured on 2 cores, CPU of the suite and of the processes it
 * starts), the longest first.
 */
const LONG = [
  'test/cli/cli.test.ts',
  'test/robustness/hostile.test.ts',
  'test/robustness/fuzz.test.ts',
  'test/robustness/redos.test.ts',
  'test/format/html-browser.test.ts',
  'test/robustness/retention.test.ts',
  'test/web/page.test.ts',
  'test/extract/docx.test.ts',
  'test/extract/html.test.ts',
  'test/rules/government-accountability.test.ts',
];

function rank(path) {
  const normalised = path.split('\\').join('/');
  const i = LONG.findIndex((suffix) => normalised.endsWith(suffix));
  return i < 0 ? LONG.length : i;
}

function size(path) {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

class LongFirstSequencer {
  sort(tests) {
    return [...tests].sort((a, b) => rank(a.path) - rank(b.path) || size(b.path) - size(a.path) || (a.path < b.path ? -1 : 1));
  }

  shard(tests, { shardIndex, shardCount }) {
    const sorted = [...tests].sort((a, b) => (a.path < b.path ? -1 : 1));
    return sorted.filter((_, i) => i % shardCount === shardIndex - 1);
  }

  cacheResults() {}
}

module.exports = LongFirstSequencer;
