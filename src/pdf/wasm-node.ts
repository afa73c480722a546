/**
 * Node only: the bytes of `@embedpdf/pdfium/pdfium.wasm`, resolved from this module with createRequire
 * through the package's exports. Imported (dynamically) only when the caller passed no `wasm`, and it
 * reaches the Node built-ins at run time (`process.getBuiltinModule`, or an `import()` of `node:…` on
 * Node releases before 20.16), so a browser bundle of xxgk-audit/pdf needs no Node module. Outside
 * Node it returns undefined and the caller must pass `wasm`.
 */
type NodeProcess = { versions?: { node?: string }; getBuiltinModule?: (id: string) => unknown };

export async function nodeWasmBytes(): Promise<Uint8Array | undefined> {
  const proc = (globalThis as { process?: NodeProcess }).process;
  if (!proc?.versions?.node) return undefined;
  // ESM: this module's URL; the CJS build gets it from tsup's shim.
  const here = import.meta.url;
  if (!here) return undefined;
  const builtin = async <T>(id: string): Promise<T> =>
    (typeof proc.getBuiltinModule === 'function'
      ? proc.getBuiltinModule(id)
      : await import(/* webpackIgnore: true */ /* @vite-ignore */ `node:${id}`)) as T;
  const { createRequire } = await builtin<{ createRequire(from: string): { resolve(id: string): string } }>('module');
  const { readFileSync } = await builtin<{ readFileSync(path: string): Uint8Array }>('fs');
  return readFileSync(createRequire(here).resolve('@embedpdf/pdfium/pdfium.wasm'));
}
