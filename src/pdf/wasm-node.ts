/**
 * Node only: the bytes of `@embedpdf/pdfium/pdfium.wasm`, resolved from this module with createRequire
 * through the package's exports. The Node built-ins are reached through `process.getBuiltinModule` at
 * run time, never imported, so a browser bundle of xxgk-audit/pdf pulls in no Node module; there this
 * returns undefined and the caller must pass `wasm`.
 */
type Builtins = { getBuiltinModule?: (id: string) => unknown };

export function nodeWasmBytes(): Uint8Array | undefined {
  const proc = (globalThis as { process?: Builtins }).process;
  if (typeof proc?.getBuiltinModule !== 'function') return undefined;
  // ESM: this module's URL; the CJS build gets it from tsup's shim.
  const here = import.meta.url;
  if (!here) return undefined;
  const { createRequire } = proc.getBuiltinModule('module') as { createRequire(from: string): { resolve(id: string): string } };
  const { readFileSync } = proc.getBuiltinModule('fs') as { readFileSync(path: string): Uint8Array };
  return readFileSync(createRequire(here).resolve('@embedpdf/pdfium/pdfium.wasm'));
}
