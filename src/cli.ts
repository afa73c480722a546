/**
 * The `xxgk-audit` command: audits report files and folders and prints or writes the results as text,
 * JSON, SARIF, HTML or CSV. The only module of the library that touches the file system, the process
 * and threads; everything it prints about the reports comes from the pure formatters in format/.
 *
 * Exit codes: 0 every report passes (no error finding, score ≥ --min-score); 1 some report fails;
 * 2 a usage or input error (bad option or config, a file that is missing or cannot be audited). An
 * unreadable file is reported on stderr by name and the other files are still audited.
 *
 * Big batches (more than WORKER_THRESHOLD files on a machine with more than one core, or --jobs N) are
 * audited by worker threads running this same file (cli/workers.ts); results keep the order of the input.
 *
 * Each report is written as its result comes (HTML excepted), so memory does not grow with the number of
 * files: a result that arrives before an earlier file's waits in a small reorder buffer, and no file is
 * handed to a worker while that buffer is full or the output is not keeping up.
 *
 * The parts, in src/cli/: messages.ts (what it says, in both languages), args.ts (options and help),
 * config.ts (config file, flags and plugins), files.ts (finding, reading and auditing files), pdf.ts
 * (the PDF reader, loaded on the first PDF), progress.ts, workers.ts and output.ts (written as the
 * results come). This file is the entry: main, and the start of a worker thread.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import process from 'node:process';
import { isMainThread, workerData } from 'node:worker_threads';
import pkg from '../package.json' with { type: 'json' };
import type { Auditor } from './api';
import type { InputError } from './format/index';
import { MAX_WORKERS, parseArgs, sniffLocale, USAGE, WORKER_THRESHOLD, type CliOptions } from './cli/args';
import { configure, type AuditSetup } from './cli/config';
import { auditFile, collectFiles, NOT_A_REPORT_CODES, type AuditContext, type FileOutcome, type FileTask } from './cli/files';
import { errorText, MESSAGES, UsageError } from './cli/messages';
import { REORDER_WINDOW_PER_JOB, ReorderBuffer, reportWriter, Sink } from './cli/output';
import { Progress } from './cli/progress';
import { auditWithWorkers, heapKeeper, isAuditWorker, TaskQueue, workerMain } from './cli/workers';

function colorWanted(option: boolean | undefined, toTerminal: boolean): boolean {
  if (option !== undefined) return option;
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return toTerminal;
}

async function main(argv: string[]): Promise<number> {
  const cwd = process.cwd();
  let m = MESSAGES[sniffLocale(argv)];
  const fail = (line: string) => process.stderr.write(`xxgk-audit: ${line}\n`);

  let options: CliOptions;
  try {
    options = parseArgs(argv, m);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    fail(e.message);
    process.stderr.write(m.seeHelp + '\n');
    return 2;
  }
  m = MESSAGES[options.locale];
  if (options.help) {
    process.stdout.write(USAGE[options.locale]);
    return 0;
  }
  if (options.version) {
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  if (options.inputs.length === 0) {
    fail(m.noInput);
    process.stderr.write(USAGE[options.locale]);
    return 2;
  }

  // Configuration: file, then the command-line flags over it; validated once here.
  let auditor: Auditor;
  let setup: AuditSetup;
  try {
    ({ auditor, setup } = await configure(options, cwd, m));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    fail(e.message);
    return 2;
  }

  const { files, errors: inputErrors, emptyFolders } = await collectFiles(options.inputs, cwd, m);
  const progress = new Progress(files.length, options.progress && !!process.stderr.isTTY && files.length > 1, m.progress);
  for (const e of inputErrors) progress.log(`xxgk-audit: ${e.uri}: ${e.message}`);
  for (const folder of emptyFolders) progress.log(`xxgk-audit: ${folder}: ${m.noReports}`);
  if (files.length === 0 && inputErrors.length === 0) return 2;

  // The output is opened before the audit and each report is written as it comes, in input order:
  // what is kept is a few counters, the files that could not be audited, and the results that wait for
  // an earlier file still in a worker (at most REORDER_WINDOW_PER_JOB per job).
  let sink: Sink;
  try {
    sink = await Sink.open(options.output === undefined ? undefined : resolve(cwd, options.output), progress);
  } catch (e) {
    fail(m.output(options.output!, errorText(e, m)));
    return 2;
  }
  const toTerminal = options.output === undefined && !!process.stdout.isTTY;
  const writer = await reportWriter(options, auditor, sink, {
    cwd,
    color: colorWanted(options.color, toTerminal),
    width: toTerminal ? process.stdout.columns : undefined,
  });

  const counts = { reports: 0, passed: 0 };
  /** Errors that make the exit code 2: not the non-reports a folder scan came across. */
  let hardErrors = inputErrors.length;
  const ordered = new ReorderBuffer((task: FileTask, outcome: FileOutcome) => {
    if (outcome.ok) {
      writer.report(outcome.result, counts.reports++);
      if (outcome.result.passed) counts.passed++;
    } else {
      const error: InputError = { uri: task.uri, message: outcome.message };
      if (outcome.code) error.code = outcome.code;
      inputErrors.push(error);
      if (task.explicit || !(outcome.code && NOT_A_REPORT_CODES.has(outcome.code))) hardErrors++;
    }
  });
  const cores = availableParallelism();
  const jobs = Math.min(files.length, options.jobs ?? (files.length > WORKER_THRESHOLD && cores > 1 ? Math.min(cores, MAX_WORKERS) : 1));
  const window = jobs * REORDER_WINDOW_PER_JOB;
  const queue: TaskQueue = new TaskQueue(files, (): boolean => queue.dispatched - ordered.emitted < window && !sink.blocked);
  sink.onDrain(() => queue.wake());
  const onDone = (task: FileTask, outcome: FileOutcome) => {
    // Files that are not reports are listed once, apart, with the results (not on stderr one by one).
    if (!outcome.ok && !(outcome.code && NOT_A_REPORT_CODES.has(outcome.code))) progress.log(`xxgk-audit: ${task.uri}: ${outcome.message}`);
    progress.tick(task.uri);
    ordered.add(task, outcome);
    queue.wake();
  };
  const ctx: AuditContext = { auditor, meta: setup.meta, maxInputSize: setup.maxInputSize, m };
  if (jobs > 1) {
    if (options.verbose) progress.log(m.workers(jobs, files.length));
    await auditWithWorkers(queue, jobs, setup, onDone, ctx, () => sink.drained());
  } else {
    if (options.verbose) progress.log(m.serial(files.length));
    const collectIfBig = heapKeeper();
    for (let task = queue.take(); task; task = queue.take()) {
      await sink.drained();
      onDone(task, await auditFile(task, ctx));
      collectIfBig();
    }
  }
  progress.finish();
  if (ordered.emitted < files.length) {
    // Cannot happen (every task gets an outcome); said rather than hung on.
    throw new Error(`${files.length - ordered.emitted} files got no result`);
  }

  const failure = await writer.end(inputErrors, counts).then(
    () => sink.close(),
    (e: unknown) => e,
  );
  if (failure !== undefined || sink.failure !== undefined) {
    fail(m.output(options.output ?? '-', errorText(failure ?? sink.failure, m)));
    return 2;
  }
  if (options.output !== undefined && (options.format !== 'text' || options.verbose)) process.stderr.write(m.written(options.output) + '\n');

  if (hardErrors > 0 || (counts.reports === 0 && emptyFolders.length > 0)) return 2;
  return counts.passed === counts.reports ? 0 : 1;
}

if (isMainThread && process.argv[2] === 'serve') {
  // `xxgk-audit serve`: the web page on 127.0.0.1 (src/cli/serve.ts); it runs until stopped.
  void import('./cli/serve').then(async ({ serveCommand }) => {
    const outcome = await serveCommand(process.argv.slice(3));
    if (typeof outcome === 'number') process.exitCode = outcome;
  });
} else if (isMainThread) {
  // A closed pipe (xxgk-audit … | head) is not an error of ours.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`xxgk-audit: ${MESSAGES[sniffLocale(process.argv)].internal(e instanceof Error ? (e.stack ?? e.message) : String(e))}\n`);
      process.exitCode = 2;
    },
  );
} else if (isAuditWorker(workerData)) {
  void workerMain();
}
