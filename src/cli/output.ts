/**
 * The output, written as the results come, in input order: a reorder buffer for results that arrive
 * before an earlier file's, the sink (a file or stdout) with its back-pressure, and one writer per
 * output format (HTML excepted: that page is built from every result at the end).
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import pkg from '../../package.json' with { type: 'json' };
import type { Auditor } from '../api';
import { csvHeader, csvInputErrorRows, csvRow, formatTextEnd, formatTextReport, sarifStream, toHtml, type InputError } from '../format/index';
import { isSkipped, ruleIdsOf, ruleIndex } from '../format/labels';
import type { AuditResult } from '../types';
import type { CliOptions } from './args';
import type { FileOutcome, FileTask } from './files';
import type { Progress } from './progress';

/** Results that may wait for an earlier file still being audited, per job. */
export const REORDER_WINDOW_PER_JOB = 4;

/** Passes outcomes on in task order (ids 0, 1, 2…), holding those that arrive before an earlier one. */
export class ReorderBuffer {
  private next = 0;
  private readonly held = new Map<number, { task: FileTask; outcome: FileOutcome }>();
  constructor(private readonly emit: (task: FileTask, outcome: FileOutcome) => void) {}

  /** How many outcomes have been passed on. */
  get emitted(): number {
    return this.next;
  }

  add(task: FileTask, outcome: FileOutcome): void {
    this.held.set(task.id, { task, outcome });
    for (let item = this.held.get(this.next); item; item = this.held.get(this.next)) {
      this.held.delete(this.next);
      this.next++;
      this.emit(item.task, item.outcome);
    }
  }
}

/** The output file or stdout, written piece by piece; `blocked` while the stream's buffer is full. */
export class Sink {
  blocked = false;
  failure: unknown;
  private drainWaiters: Array<() => void> = [];
  private drainListeners: Array<() => void> = [];

  private constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly toStdout: boolean,
    private readonly progress: Progress,
  ) {
    stream.on('drain', () => {
      this.blocked = false;
      const waiters = this.drainWaiters;
      this.drainWaiters = [];
      for (const w of waiters) w();
      for (const l of this.drainListeners) l();
    });
    if (!toStdout) stream.on('error', (e: unknown) => (this.failure ??= e));
  }

  /** Opens the output file (an error here is the output's: exit 2 before any audit), or stdout. */
  static async open(path: string | undefined, progress: Progress): Promise<Sink> {
    if (path === undefined) return new Sink(process.stdout, true, progress);
    const handle = await open(path, 'w');
    return new Sink(handle.createWriteStream({ encoding: 'utf8' }), false, progress);
  }

  write(text: string): void {
    if (text === '' || this.failure !== undefined) return;
    // Reports printed on the terminal the progress bar is drawn on: clear the bar first.
    if (this.toStdout) this.progress.clear();
    if (!this.stream.write(text)) this.blocked = true;
  }

  /** Resolves once the stream has room again. */
  drained(): Promise<void> {
    if (!this.blocked || this.failure !== undefined) return Promise.resolve();
    return new Promise((done) => this.drainWaiters.push(done));
  }

  onDrain(listener: () => void): void {
    this.drainListeners.push(listener);
  }

  /** Flushes (and closes a file); rejects with the stream's error. */
  async close(): Promise<void> {
    if (this.toStdout) {
      await new Promise<void>((done) => this.stream.write('', () => done()));
      return;
    }
    await new Promise<void>((done, reject) => {
      if (this.failure !== undefined) return reject(this.failure);
      this.stream.once('error', reject);
      this.stream.end(() => done());
    });
    // A file stream's end callback runs on 'finish'; wait for the file to be closed too.
    await new Promise<void>((done) => {
      const s = this.stream as NodeJS.WritableStream & { closed?: boolean };
      if (s.closed) done();
      else this.stream.once('close', () => done());
    });
  }
}

interface ReportWriter {
  /** One result, in input order; `index` counts the results written before it. */
  report(result: AuditResult, index: number): void;
  /** What follows the results: the files that could not be audited, the summary, the SARIF rules… */
  end(inputErrors: InputError[], counts: { reports: number; passed: number }): Promise<void>;
}

/** Writes each format as the results come (HTML excepted: the page is built from every result at the end). */
export async function reportWriter(
  options: CliOptions,
  auditor: Auditor,
  sink: Sink,
  env: { cwd: string; color: boolean; width: number | undefined },
): Promise<ReportWriter> {
  const locale = options.locale;
  const rules = auditor.rules;
  switch (options.format) {
    case 'json': {
      // The bytes of JSON.stringify(results, null, 2) + '\n', one element at a time.
      let any = false;
      return {
        report(result) {
          sink.write((any ? ',\n  ' : '[\n  ') + JSON.stringify(result, null, 2).replace(/\n/g, '\n  '));
          any = true;
        },
        async end() {
          sink.write(any ? '\n]\n' : '[]\n');
        },
      };
    }
    case 'jsonl':
      return {
        report(result) {
          sink.write(JSON.stringify(result) + '\n');
        },
        async end() {},
      };
    case 'csv': {
      // The rule columns are those of the first result (every result of one auditor has the same), as toCsv takes them.
      let ruleIds: string[] | undefined;
      const common = { locale, rules };
      if (options.output !== undefined) sink.write('\uFEFF');
      return {
        report(result, index) {
          if (ruleIds === undefined) {
            ruleIds = ruleIdsOf([result]);
            sink.write(csvHeader(ruleIds, common));
          }
          sink.write(csvRow(result, index, ruleIds, common));
        },
        async end(inputErrors) {
          if (ruleIds === undefined) {
            ruleIds = [];
            sink.write(csvHeader(ruleIds, common));
          }
          sink.write(csvInputErrorRows(ruleIds, { ...common, inputErrors }));
        },
      };
    }
    case 'sarif': {
      const sarif = sarifStream({ locale, rules, toolVersion: pkg.version, srcRoot: pathToFileURL(env.cwd + sep).href });
      // The artifacts (one per report) follow the results: they wait in a temporary file, not in memory.
      const spoolDir = await mkdtemp(join(tmpdir(), 'xxgk-audit-sarif-'));
      const spoolPath = join(spoolDir, 'artifacts.json');
      const spool = await open(spoolPath, 'w');
      let pending = Promise.resolve();
      sink.write(sarif.head());
      return {
        report(result) {
          sink.write(sarif.results(result));
          const artifact = sarif.artifact(result);
          pending = pending.then(() => spool.write(artifact).then(() => undefined));
        },
        async end(inputErrors) {
          try {
            await pending;
            await spool.close();
            sink.write(sarif.middle());
            for await (const chunk of createReadStream(spoolPath, { encoding: 'utf8' })) {
              sink.write(chunk as string);
              await sink.drained();
            }
            sink.write(sarif.tail(inputErrors));
          } finally {
            await rm(spoolDir, { recursive: true, force: true });
          }
        },
      };
    }
    case 'html': {
      // Known limit: the HTML page is built from every result at the end.
      const results: AuditResult[] = [];
      return {
        report(result) {
          results.push(result);
        },
        async end(inputErrors) {
          sink.write(toHtml(results, { locale, rules, inputErrors, generatedAt: new Date().toLocaleString(locale, { hour12: false }) }));
        },
      };
    }
    default: {
      const textOptions = { locale, rules, color: env.color, verbose: options.verbose, width: env.width };
      const index = ruleIndex(textOptions);
      return {
        report(result, i) {
          sink.write(formatTextReport(result, i, textOptions, index));
        },
        async end(inputErrors, counts) {
          const skipped = inputErrors.filter(isSkipped).length;
          sink.write(
            formatTextEnd(
              { reports: counts.reports, passed: counts.passed, failed: counts.reports - counts.passed, unreadable: inputErrors.length - skipped, skipped },
              { ...textOptions, inputErrors },
            ),
          );
        },
      };
    }
  }
}
