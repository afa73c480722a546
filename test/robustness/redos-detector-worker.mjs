/**
 * redos-detector, run for test/robustness/redos.test.ts in a worker thread: plain JavaScript outside
 * jest's module sandbox. Inside the sandbox every access to a global (Map, Set, Math…) goes through
 * the vm context's global object, and the detector, which does little else, took 42 s of CPU there
 * for what takes 26 s here. Each message is one analysis: { id, pattern, options } in, { id, result }
 * (the verdict, and the detector's own account of an unsafe one) or { id, thrown } out.
 */
import { parentPort } from 'node:worker_threads';
import { isSafePattern, toFriendly } from 'redos-detector';

parentPort.on('message', ({ id, pattern, options }) => {
  let reply;
  try {
    const r = isSafePattern(pattern, options);
    reply = {
      id,
      result: {
        safe: r.safe,
        error: r.safe ? undefined : r.error,
        score: r.score,
        friendly: r.safe ? undefined : toFriendly(r, { resultsLimit: 2 }),
      },
    };
  } catch (e) {
    reply = { id, thrown: e instanceof Error ? e.message : String(e) };
  }
  // Each message is its own job: what the detector keeps through WeakRefs is released between them.
  parentPort.postMessage(reply);
});
