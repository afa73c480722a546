/**
 * Jest transform for the TypeScript sources and tests: esbuild strips the types, file by file, into ES
 * modules with a source map. Nothing is type-checked here: `npm run typecheck` (tsc, run by .ci/run)
 * does that for src, rules, test and examples at once. ts-jest did the same job in transpile mode
 * (tsconfig has isolatedModules) at about 60 ms of CPU per file and worker, loading the TypeScript
 * compiler into every worker; esbuild takes about 1 ms (see CHANGELOG.md).
 *
 * What tsconfig.json asks of the emitted code is passed on: ES2022 class fields ([[Define]] semantics,
 * as tsc emits for target ES2022). Import attributes (`with { type: 'json' }`) and `import.meta` are
 * kept as written: the target is the Node that runs the tests.
 */
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { transformSync, version } = require('esbuild');

const self = readFileSync(__filename, 'utf8');
const target = `node${process.versions.node}`;

function transform(source, filename) {
  const { code, map } = transformSync(source, {
    loader: filename.endsWith('.tsx') ? 'tsx' : 'ts',
    format: 'esm',
    target,
    sourcefile: filename,
    sourcemap: 'external',
    sourcesContent: false,
    tsconfigRaw: { compilerOptions: { target: 'ES2022', useDefineForClassFields: true } },
  });
  return { code, map };
}

module.exports = {
  canInstrument: false,
  getCacheKey(source, filename, options) {
    return createHash('sha256')
      .update(self)
      .update(version)
      .update(target)
      .update(filename)
      .update(options.configString ?? '')
      .update(String(options.supportsStaticESM))
      .update(source)
      .digest('hex');
  },
  process(source, filename) {
    return transform(source, filename);
  },
};
