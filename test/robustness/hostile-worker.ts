/**
 * The measuring side of test/robustness/hostile.test.ts, run in a worker thread: plain JavaScript
 * outside jest's module sandbox, where every access to a global goes through the vm context and the
 * audits of million-character inputs ran 1.2–1.4× slower. The suite bundles this file with the
 * sources (esbuild, as test/cli/cli.test.ts bundles the command) and starts it once.
 *
 * Messages in: { id, kind: 'normal', format, content } sets and measures the normal report of a
 * format; { id, kind: 'check', format, content, scale } measures one hostile input against it.
 * Out: { id, ratio, parser } or { id, thrown }.
 */
import { parentPort } from 'node:worker_threads';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { audit, AuditInputError } from '../../src/index';
import { bestTime } from '../timing';

export type Format = 'text' | 'markdown' | 'html';

export type Job =
  | { kind: 'normal'; format: Format; content: string }
  | { kind: 'check'; format: Format; content: string; scale: number; factor: number; attempts: number };

export type Request = Job & { id: number };

export type Reply = { id: number; ratio?: number; parser?: number; thrown?: string };

const markdownParser = unified().use(remarkParse).use(remarkGfm);

const normals: Partial<Record<Format, string>> = {};
const perChar: Record<Format, number> = { text: 0, markdown: 0, html: 0 };

/** The least time of a few audits; a refusal (AuditInputError) counts like a result. */
function bestOf(content: string, runs: number, format: Format): number {
  return bestTime(() => {
    try {
      audit({ content, format });
    } catch (e) {
      if (!(e instanceof AuditInputError)) throw e;
    }
  }, runs);
}

/** The cost per character of the normal report of `format`, measured now. */
function measureNormal(format: Format, runs: number): number {
  const normal = normals[format]!;
  return bestOf(normal, runs, format) / normal.length;
}

/**
 * The cost ratio of one hostile input, as hostile.test.ts describes it: up to `attempts` attempts
 * (COST_ATTEMPTS) while it is over `factor`, each later one with more runs and the normal report measured again beside it.
 */
function check(content: string, format: Format, scale: number, factor: number, attempts: number): { ratio: number; parser: number } {
  let parser = 0;
  let ratio = Infinity;
  for (let attempt = 1; attempt <= attempts && ratio > factor; attempt++) {
    const runs = attempt;
    const reference = attempt === 1 ? perChar[format] : measureNormal(format, runs);
    const spent = bestOf(content, runs, format);
    parser = format === 'markdown' && scale < 1 ? bestTime(() => markdownParser.parse(content), runs) : 0;
    // remark-parse's time varies from run to run with JIT and GC state: allow it twice.
    ratio = (spent - 2 * parser) / content.length / reference;
  }
  return { ratio, parser };
}

parentPort!.on('message', (request: Request) => {
  let reply: Reply;
  try {
    if (request.kind === 'normal') {
      normals[request.format] = request.content;
      bestOf(request.content, 1, request.format); // warm-up: compile the code paths
      perChar[request.format] = measureNormal(request.format, 3);
      reply = { id: request.id, ratio: perChar[request.format] };
    } else {
      reply = { id: request.id, ...check(request.content, request.format, request.scale, request.factor, request.attempts) };
    }
  } catch (e) {
    reply = { id: request.id, thrown: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort!.postMessage(reply);
});
