import { defineConfig, type Options } from 'tsup';

// ESM-only dependencies (unified ecosystem): external in the ESM build, bundled into the CJS build so
// that require() consumers get working default exports (toolchain note P6).
const esmOnly = /^(unified|remark-|mdast-|micromark|unist-|vfile|bail|devlop|is-plain-obj|trough|decode-named-character-reference|character-entities)/;

const common: Options = { entry: ['src/index.ts'], target: 'node20', platform: 'neutral', sourcemap: true, dts: true };

export default defineConfig([
  { ...common, format: ['esm'], clean: true },
  { ...common, format: ['cjs'], noExternal: [esmOnly] },
  // The command (bin xxgk-audit): ESM for Node, with a shebang; its worker threads run this same file.
  {
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    sourcemap: true,
    dts: false,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
