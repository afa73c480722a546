/**
 * The per-audit cache (markdownlint's lib/cache.mjs, in spirit): the engine opens one before the
 * rules run and drops it when the audit ends, so what several rules compute from the same report
 * (compacted texts, the narrative with the tables masked) is computed once per audit and never
 * outlives it. Kit helpers read it through `auditSlot`; outside an audit (a helper called directly,
 * as tests do) there is no cache and they compute afresh.
 */

let current: Map<string, unknown> | null = null;

/** Runs `fn` with a fresh per-audit cache, dropped afterwards (nesting keeps the outer one). */
export function withAuditCache<T>(fn: () => T): T {
  const outer = current;
  current = new Map();
  try {
    return fn();
  } finally {
    current = outer;
  }
}

/**
 * The value of a named slot in the running audit's cache, created by `init` on first use; null
 * outside an audit.
 */
export function auditSlot<T>(name: string, init: () => T): T | null {
  if (current === null) return null;
  let slot = current.get(name) as T | undefined;
  if (slot === undefined) {
    slot = init();
    current.set(name, slot);
  }
  return slot;
}
