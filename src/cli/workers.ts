/**
 * Worker threads for big batches: each worker rebuilds the auditor from the setup (plain data, plugins
 * as module URLs) and audits the files it is handed one at a time; the main thread hands out the next
 * file when a worker is done and while the output keeps up. A worker runs the command's entry file
 * (it starts workerMain there), so the built command needs no file of its own for them.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { createAuditor } from '../api';
import { importPlugin, type AuditSetup } from './config';
import { auditFile, type AuditContext, type FileOutcome, type FileTask } from './files';
import { errorText, MESSAGES } from './messages';

/**
 * The command's entry, which the workers run: when built, this module is bundled into it (dist/cli.js,
 * the `cli` entry of tsup.config.ts); from source (tsx), it is src/cli.ts beside this folder.
 */
const ENTRY = import.meta.url.endsWith('.ts') ? new URL('../cli.ts', import.meta.url).href : import.meta.url;

export interface WorkerInit {
  xxgkAuditWorker: true;
  setup: AuditSetup;
}

type WorkerReply = { type: 'result'; id: number; outcome: FileOutcome } | { type: 'fatal'; message: string };

function spawnWorker(init: WorkerInit): Worker {
  if (ENTRY.endsWith('.ts')) {
    // Running from source under tsx: register tsx in the worker before it loads the entry.
    const tsxApi = import.meta.resolve('tsx/esm/api');
    const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(ENTRY)}); })`;
    return new Worker(boot, { eval: true, workerData: init });
  }
  return new Worker(new URL(ENTRY), { workerData: init });
}

/**
 * A worker collects its garbage after a file when its heap holds more than this. Left to itself, V8
 * lets the old generation of a busy worker grow with the models of past files (garbage promoted while a
 * file was being audited) and collects when its heuristics decide, so the peak memory of a batch kept
 * rising with its length (10,000 reports: 339 MB against 204 MB for 100). Measured on 10,000 text
 * reports, 2 workers: a threshold of 36 MB keeps the peak within 40 MB of a 100-report batch's at no
 * measurable cost in time (a collection after every 10th file did as well but took 2.7× as long).
 */
const COLLECT_ABOVE = 36 * 1024 * 1024;

/** Called after each file: a full collection when the heap holds more than COLLECT_ABOVE (a no-op where V8 will not give one). */
export function heapKeeper(): () => void {
  let gc: (() => void) | undefined;
  try {
    setFlagsFromString('--expose-gc');
    const exposed = runInNewContext('gc') as unknown;
    if (typeof exposed === 'function') gc = exposed as () => void;
  } catch {
    // no collection on demand: V8 decides alone
  }
  let above = COLLECT_ABOVE;
  return () => {
    if (!gc || getHeapStatistics().used_heap_size <= above) return;
    gc();
    // What stays live (a plugin's caches…) is not collected again after every file.
    above = Math.max(COLLECT_ABOVE, getHeapStatistics().used_heap_size + COLLECT_ABOVE / 2);
  };
}

export async function workerMain(): Promise<void> {
  const { setup } = workerData as WorkerInit;
  const port = parentPort!;
  const m = MESSAGES[setup.locale];
  let ctx: AuditContext;
  try {
    const plugins = await Promise.all(setup.pluginUrls.map(importPlugin));
    const auditor = createAuditor({ ...setup.config, plugins });
    ctx = { auditor, meta: setup.meta, maxInputSize: setup.maxInputSize, m };
  } catch (e) {
    port.postMessage({ type: 'fatal', message: errorText(e) } satisfies WorkerReply);
    return;
  }
  const collectIfBig = heapKeeper();
  port.on('message', (task: FileTask) => {
    auditFile(task, ctx)
      .then(
        (outcome) => port.postMessage({ type: 'result', id: task.id, outcome } satisfies WorkerReply),
        (e: unknown) =>
          port.postMessage({ type: 'result', id: task.id, outcome: { ok: false, message: m.internal(errorText(e)) } } satisfies WorkerReply),
      )
      .then(() => {
        collectIfBig();
      });
  });
}

/**
 * The files in input order, handed out one at a time. `request` holds a taker back while `ready()` is
 * false (the output is not keeping up, or too many results wait for an earlier one) and `wake` lets
 * the held takers try again, so that what waits in memory is bounded by the number of jobs in flight,
 * not by the number of files.
 */
export class TaskQueue {
  private next = 0;
  private parked: Array<() => void> = [];
  constructor(
    private readonly tasks: ReadonlyArray<FileTask>,
    private readonly ready: () => boolean,
  ) {}

  get dispatched(): number {
    return this.next;
  }

  get empty(): boolean {
    return this.next >= this.tasks.length;
  }

  /** The next task now, whatever `ready` says (undefined when none is left). */
  take(): FileTask | undefined {
    return this.empty ? undefined : this.tasks[this.next++];
  }

  /** Gives `take` the next task (or undefined when none is left) as soon as `ready()`, unless `live()` is false by then. */
  request(take: (task: FileTask | undefined) => void, live: () => boolean): void {
    if (!live()) return;
    if (this.empty) return take(undefined);
    if (!this.ready()) {
      this.parked.push(() => this.request(take, live));
      return;
    }
    take(this.take());
  }

  wake(): void {
    const parked = this.parked;
    this.parked = [];
    for (const retry of parked) retry();
  }
}

/** Audits the files with `jobs` workers, handing each worker the next file when it is done. */
export async function auditWithWorkers(
  queue: TaskQueue,
  jobs: number,
  setup: AuditSetup,
  onDone: (task: FileTask, outcome: FileOutcome) => void,
  fallback: AuditContext,
  drained: () => Promise<void>,
): Promise<void> {
  const init: WorkerInit = { xxgkAuditWorker: true, setup };
  let respawns = jobs * 2;
  await new Promise<void>((resolveAll) => {
    let live = 0;
    const finishIfIdle = () => {
      if (live === 0) {
        // No worker left (they failed to start): audit the rest in this thread.
        void (async () => {
          for (let t = queue.take(); t; t = queue.take()) {
            await drained();
            onDone(t, await auditFile(t, fallback));
          }
          resolveAll();
        })();
      }
    };
    const start = () => {
      const worker = spawnWorker(init);
      live++;
      let current: FileTask | undefined;
      let ended = false;
      const next = () => {
        current = undefined;
        queue.request(
          (task) => {
            current = task;
            if (task) worker.postMessage(task);
            else void worker.terminate();
          },
          () => !ended,
        );
      };
      const end = (failure?: string) => {
        if (ended) return;
        ended = true;
        live--;
        if (current && failure !== undefined) onDone(current, { ok: false, message: fallback.m.internal(failure) });
        current = undefined;
        if (failure !== undefined && !queue.empty && respawns-- > 0) start();
        finishIfIdle();
      };
      worker.on('message', (reply: WorkerReply) => {
        if (reply.type === 'fatal') {
          respawns = 0; // the same setup will fail again
          void worker.terminate();
          end(reply.message);
          return;
        }
        if (current && reply.id === current.id) onDone(current, reply.outcome);
        next();
      });
      worker.on('error', (e) => end(errorText(e)));
      worker.on('exit', (code) => end(code === 0 || current === undefined ? undefined : `worker exited with code ${code}`));
      next();
    };
    const count = Math.min(jobs, queue.empty ? 0 : jobs);
    for (let i = 0; i < count; i++) start();
    if (count === 0) resolveAll();
  });
}

/** Whether this thread is one of the command's workers. */
export function isAuditWorker(data: unknown): boolean {
  return !!(data as Partial<WorkerInit> | null)?.xxgkAuditWorker;
}
