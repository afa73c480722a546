/**
 * Import boundaries (issue #13): the pipeline's layers import only from the layers before them,
 * the public types and the kit; the engine imports no rule; a built-in rule imports nothing under
 * src/ but the kit and the public types (so a third party could write it); and there is no import
 * cycle, type imports included. The imports are read with the TypeScript compiler, not a regex.
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name.endsWith('.ts')) out.push(relative(root, path));
  }
  return out;
}

/** Every module specifier of a file: imports and re-exports (type-only too) and dynamic import(). */
export function specifiers(source: string, file = 'x.ts'): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      out.push(node.arguments[0].text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      out.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** A relative specifier resolved to a file of the repository (null for packages and Node built-ins). */
function resolveSpecifier(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = join(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(join(root, candidate)) && statSync(join(root, candidate)).isFile()) return candidate.split('\\').join('/');
  }
  throw new Error(`${from}: cannot resolve ${spec}`);
}

const files = [...walk(join(root, 'src')), ...walk(join(root, 'rules'))].sort();
const graph = new Map<string, string[]>();
for (const file of files) {
  const targets = specifiers(readFileSync(join(root, file), 'utf8'), file)
    .map((s) => resolveSpecifier(file, s))
    .filter((t): t is string => t !== null);
  graph.set(file, [...new Set(targets)]);
}

/**
 * The layers, in order: a file may import from its own layer and the layers before it. Shared by
 * all: the public types and the error classes.
 */
const LAYERS: Array<[string, RegExp]> = [
  ['shared', /^src\/(types|errors)\.ts$/],
  ['input', /^src\/input\//],
  ['extract', /^src\/extract\//],
  ['normalize', /^src\/normalize\//],
  ['structure', /^src\/structure\//],
  ['engine', /^src\/engine\//],
  ['kit', /^src\/kit\//],
  ['rules', /^rules\//],
  ['api', /^src\/api\.ts$/],
  ['format', /^src\/format\//],
  ['hook', /^src\/hook\.ts$/],
  ['pdf', /^src\/pdf\//],
  ['entry', /^src\/(index\.ts|testing\/)/],
  ['cli', /^src\/cli(\.ts|\/)/],
];

function layerOf(file: string): number {
  const i = LAYERS.findIndex(([, re]) => re.test(file));
  return i;
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function cycles(g: Map<string, string[]>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const out: string[][] = [];
  const strong = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of g.get(v) ?? []) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || (g.get(v) ?? []).includes(v)) out.push(comp.sort());
    }
  };
  for (const v of g.keys()) if (!idx.has(v)) strong(v);
  return out;
}

describe('import boundaries', () => {
  it('reads imports, re-exports, type imports and dynamic imports', () => {
    const src = "import a from './a';\nimport type { B } from '../b';\nexport { c } from './c';\nexport type * from './d';\nconst e = await import('./e');\ntype F = import('./f').F;\n// import g from './g';\n";
    expect(specifiers(src)).toEqual(['./a', '../b', './c', './d', './e', './f']);
  });

  it('finds the files of every layer', () => {
    expect(files.length).toBeGreaterThan(50);
    const unplaced = files.filter((f) => layerOf(f) < 0);
    expect(unplaced).toEqual([]);
  });

  it('has no import cycle, type imports included', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('a cycle is found when there is one', () => {
    const g = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
    expect(cycles(g)).toEqual([['a', 'b', 'c']]);
  });

  it('each layer imports only from itself and the layers before it', () => {
    const wrong: string[] = [];
    for (const [file, targets] of graph) {
      for (const t of targets) {
        // schemas/ (JSON Schemas) sit beside the layers (layer -1); rules/templates/*.json are in the rules layer.
        if (layerOf(t) > layerOf(file)) wrong.push(`${file} → ${t}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the engine imports no rule', () => {
    const wrong = [...graph].filter(([f]) => f.startsWith('src/engine/')).flatMap(([f, ts]) => ts.filter((t) => t.startsWith('rules/')).map((t) => `${f} → ${t}`));
    expect(wrong).toEqual([]);
  });

  it('a built-in rule imports nothing under src/ but the kit and the public types', () => {
    const allowed = new Set(['src/kit/index.ts', 'src/types.ts']);
    const wrong = [...graph]
      .filter(([f]) => f.startsWith('rules/'))
      .flatMap(([f, ts]) => ts.filter((t) => t.startsWith('src/') && !allowed.has(t)).map((t) => `${f} → ${t}`));
    expect(wrong).toEqual([]);
  });
});
