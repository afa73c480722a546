import { defineConfig, type Options } from 'tsup';

// ESM-only dependencies (unified ecosystem, the OpenCC dictionary modules): external in the ESM build, bundled into the CJS build so
// that require() consumers get working default exports (toolchain note P6).
const esmOnly = /^(opencc-js\/dict\/|unified|remark-|mdast-|micromark|unist-|vfile|bail|devlop|is-plain-obj|trough|decode-named-character-reference|character-entities)/;

const common: Options = { entry: { index: 'src/index.ts', 'kit/index': 'src/kit/index.ts' }, target: 'node20', platform: 'neutral', sourcemap: true, dts: true };

// The PDF reader ("xxgk-audit/pdf"), its own build. @embedpdf/pdfium (PDFium as WebAssembly) stays
// external: it is loaded with a dynamic import() on first use, which CommonJS can do too, and its
// .wasm is resolved from the installed package. The error classes come from the
// core entry through the package's own name, so `instanceof AuditInputError` holds across the two
// entries in both formats. `shims` gives the CJS build import.meta.url (used to find PDFium's .wasm).
const coreErrorsFromPackage: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'core-errors-from-package',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/errors$/ }, (args) =>
      /[\\/]src[\\/]pdf[\\/]/.test(args.importer) ? { path: 'xxgk-audit', external: true } : undefined,
    );
  },
};
const pdf: Options = {
  entry: { 'pdf/index': 'src/pdf/index.ts' },
  external: ['@embedpdf/pdfium', 'xxgk-audit'],
  esbuildPlugins: [coreErrorsFromPackage],
  target: 'node20',
  platform: 'neutral',
  sourcemap: true,
  dts: true,
};

// The rule tester ("xxgk-audit/testing"), its own build. It imports the public API by the package's
// own name, kept external (types included), so the rules and results it checks are those of the one
// installed core, and its .d.ts refers to the core's types instead of copying them.
const testing: Options = {
  entry: { 'testing/index': 'src/testing/index.ts' },
  external: ['xxgk-audit'],
  target: 'node20',
  platform: 'neutral',
  sourcemap: true,
  dts: true,
};

export default defineConfig([
  { ...common, format: ['esm'], clean: true },
  { ...common, format: ['cjs'], noExternal: [esmOnly] },
  { ...pdf, format: ['esm'] },
  { ...pdf, format: ['cjs'], shims: true },
  { ...testing, format: ['esm'] },
  { ...testing, format: ['cjs'] },
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
