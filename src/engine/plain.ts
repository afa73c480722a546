/**
 * Keeping results plain: JSON-safe copies of what rules report, strings that share no memory with the report, printable errors.
 */

const MESSAGE_MAX = 500;

/** String(value), or a description when even that throws (a hostile toString, a revoked proxy). */
export function safeString(value: unknown): string {
  try {
    const s = String(value);
    return s.length > MESSAGE_MAX ? s.slice(0, MESSAGE_MAX - 1) + '…' : s;
  } catch {
    try {
      return `a thrown ${value === null ? 'null' : typeof value} that cannot be printed`;
    } catch {
      return 'a value that cannot be printed';
    }
  }
}

export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return String(a) === String(b);
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Nesting deeper than this is printed, not copied (no stack overflow on hostile data). */
const MAX_DEPTH = 64;

/**
 * Keeps results plain JSON (no undefined, no functions, no cycles), as JSON.stringify would, without
 * the round trip through a string. A cycle becomes '[circular]', nesting past MAX_DEPTH '[too deep]';
 * a value whose getters or toJSON throw is printed.
 */
export function toJson(value: unknown): unknown {
  try {
    return plain(value ?? null, []);
  } catch {
    return safeString(value);
  }
}

export function plain(value: unknown, stack: object[]): unknown {
  switch (typeof value) {
    case 'string':
      return own(value);
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'object':
      break;
    default:
      return undefined;
  }
  if (value === null) return null;
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return plain(toJSON.call(value), stack);
  if (stack.includes(value as object)) return '[circular]';
  if (stack.length >= MAX_DEPTH) return '[too deep]';
  stack.push(value as object);
  let out: unknown;
  if (Array.isArray(value)) {
    out = value.map((v) => plain(v, stack) ?? null);
  } else {
    const o: Record<string, unknown> = {};
    for (const key of Object.keys(value as object)) {
      const v = plain((value as Record<string, unknown>)[key], stack);
      if (v !== undefined) o[key] = v;
    }
    out = o;
  }
  stack.pop();
  return out;
}

/**
 * A copy of a string that shares no memory with the string it was cut from. V8 keeps a slice of 13
 * characters or more as a pointer into its parent, so an excerpt of a few words kept a whole
 * compacted report alive for as long as the result lived: a batch holding results held every text
 * it audited. Prepending a character makes V8 build a new flat string; the slice is of that.
 */
export function own(s: string): string {
  return s.length > 12 ? (' ' + s).slice(1) : s;
}
