/**
 * Cells run together (spec/presentations.md §2.1). A page flattened without separators prints a
 * row's numbers as one digit run (22 | 0 | 0 | 0 | 0 | 0 | 22 → 「220000022」). The row's cell
 * count comes from the template; the splits of the run into that many non-negative integers (no
 * leading zero except a lone 0; spaces, tabs and pipes are cell boundaries; a minus sign starts a
 * signed cell) are enumerated, and only those for which the row's identities hold are kept. The
 * enumeration is pruned by the identities as it goes (a total whose parts are known is computed,
 * not enumerated) and stops at a budget, so hostile digit runs cost bounded work.
 */
import { sumBindings } from './evaluate';
import { cellType, type CompiledTemplate } from './templates';

/** One stretch of digits between separators; `negative` when a minus sign starts it. */
export interface RunChunk {
  digits: string;
  negative: boolean;
  /** Text offset of the first digit. */
  start: number;
}

/** A digit run found in the text: its chunks and its range (the sign included). */
export interface DigitRun {
  chunks: RunChunk[];
  start: number;
  end: number;
  /** Two of its chunks are apart by a tab or a pipe: explicit cells, each one cell. */
  cellSeparated: boolean;
}

/** A cell cut out of a run. */
export interface SplitCell {
  value: number;
  /** As printed, e.g. 「22」 or 「-12」. */
  text: string;
  start: number;
  end: number;
}

export interface SplitOutcome {
  /**
   * one: a single split holds; several: 2 to MAX_SPLITS hold (all in `splits`); many: more than
   * MAX_SPLITS (the first ones in `splits`); none: no split holds; budget: the work cap was reached.
   */
  status: 'one' | 'several' | 'many' | 'none' | 'budget';
  splits: SplitCell[][];
}

/** Work left for a table; each enumeration step spends one. */
export interface InferBudget {
  left: number;
}

/** Steps a table may spend on all its runs together, and one row at most. */
export const TABLE_BUDGET = 200_000;
export const ROW_BUDGET = 20_000;
/** Digits in one cell at most (values stay exact in a double). */
const MAX_DIGITS = 12;
/** Splits kept for a message; enumeration stops once more than this hold. */
export const MAX_SPLITS = 6;
/** Characters a run may span (longer runs are not a table row). */
const MAX_RUN = 400;

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isGap = (c: number) => c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000 || c === 0x7c; /* space, tab, nbsp, ideographic space, | */
const isMinus = (c: number) => c === 0x2d || c === 0x2212 || c === 0xff0d;

/** The run of digits, gaps and minus signs that starts at `from` (a digit or a minus sign before a digit), on one line. */
export function runAt(text: string, from: number, until = text.length): DigitRun | null {
  const chunks: RunChunk[] = [];
  let i = from;
  let end = from;
  const limit = Math.min(until, text.length, from + MAX_RUN);
  let cellSeparated = false;
  let cellGap = false;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (isGap(c)) {
      if (c === 0x09 || c === 0x7c) cellGap = true;
      i++;
      continue;
    }
    const negative = isMinus(c);
    const digitsAt = negative ? i + 1 : i;
    if (!isDigit(text.charCodeAt(digitsAt))) break;
    let j = digitsAt;
    while (j < limit && isDigit(text.charCodeAt(j))) j++;
    if (cellGap && chunks.length > 0) cellSeparated = true;
    cellGap = false;
    chunks.push({ digits: text.slice(digitsAt, j), negative, start: digitsAt });
    end = j;
    i = j;
  }
  if (chunks.length === 0 || i >= from + MAX_RUN) return null;
  return { chunks, start: chunks[0]!.negative ? chunks[0]!.start - 1 : chunks[0]!.start, end, cellSeparated };
}

/** A sum identity among the cells of a run, by cell index. */
export interface RunIdentity {
  target: number;
  operands: Array<{ index: number; sign: 1 | -1 }>;
}

/**
 * The identities of `t` (equalities, official or structural: not the inferred plausibility checks)
 * whose cells all lie among `cells`, by index into `cells`.
 */
export function runIdentities(t: CompiledTemplate, cells: Array<{ row: string; column: string }>): RunIdentity[] {
  const index = new Map<string, number>();
  cells.forEach((c, k) => index.set(`${c.row}\u0000${c.column}`, k));
  const out: RunIdentity[] = [];
  for (const { def, target, operands } of sumBindings(t)) {
    if (def.op !== '=' || def.kind === 'INFERRED' || def.onlyIfTargetPresent) continue;
    const ti = index.get(`${target.row}\u0000${target.column}`);
    if (ti === undefined) continue;
    const ops: RunIdentity['operands'] = [];
    for (const o of operands) {
      const oi = index.get(`${o.row}\u0000${o.column}`);
      if (oi === undefined) break;
      ops.push({ index: oi, sign: o.sign });
    }
    if (ops.length === operands.length && ops.length > 0) out.push({ target: ti, operands: ops });
  }
  return out;
}

/**
 * The splits of `run` into `signed.length` cells for which every identity holds. `signed[k]`: cell
 * k may be negative (its chunk then starts with a minus sign; other cells may not).
 */
export function splitRun(run: DigitRun, signed: boolean[], identities: RunIdentity[], budget: InferBudget): SplitOutcome {
  const n = signed.length;
  let digits = '';
  const offsets: number[] = [];
  const chunkEnd: number[] = [];
  const chunkStart = new Set<number>();
  const negativeAt = new Set<number>();
  for (const ch of run.chunks) {
    const at = digits.length;
    chunkStart.add(at);
    if (ch.negative) negativeAt.add(at);
    digits += ch.digits;
    for (let k = 0; k < ch.digits.length; k++) {
      offsets.push(ch.start + k);
      chunkEnd.push(digits.length);
    }
  }
  const length = digits.length;
  const out: SplitOutcome = { status: 'none', splits: [] };
  if (n === 0 || run.chunks.length > n || length < n || length > n * MAX_DIGITS) return out;
  // Chunk starts at or after each position (each needs a cell of its own).
  const startsFrom = new Int32Array(length + 1);
  for (let p = length - 1; p >= 0; p--) startsFrom[p] = startsFrom[p + 1]! + (chunkStart.has(p) ? 1 : 0);

  // Identities checked when their last cell is assigned; a target whose operands all come first is computed.
  const closing: RunIdentity[][] = Array.from({ length: n }, () => []);
  const forced: Array<RunIdentity | null> = new Array<RunIdentity | null>(n).fill(null);
  const bounded: RunIdentity[] = [];
  for (const id of identities) {
    const last = Math.max(id.target, ...id.operands.map((o) => o.index));
    if (id.operands.every((o) => o.index < id.target) && !forced[id.target]) forced[id.target] = id;
    else closing[last]!.push(id);
    if (id.operands.every((o) => o.sign > 0 && !signed[o.index]) && !signed[id.target]) bounded.push(id);
  }
  const values = new Float64Array(n);
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  let rowLeft = ROW_BUDGET;
  let stopped = false;

  const sum = (id: RunIdentity) => id.operands.reduce((s, o) => s + o.sign * values[o.index]!, 0);

  /** A bounded identity whose target comes later cannot fit the digits left. */
  const overflows = (k: number, pos: number) => {
    for (const id of bounded) {
      if (id.target <= k) continue;
      let s = 0;
      for (const o of id.operands) if (o.index <= k) s += values[o.index]!;
      // Every cell after k but the target takes at least one digit.
      const room = length - pos - (n - k - 2);
      if (String(s).length > room) return true;
    }
    return false;
  };

  const dfs = (k: number, pos: number): void => {
    if (stopped) return;
    if (--budget.left < 0 || --rowLeft < 0) {
      stopped = true;
      out.status = 'budget';
      return;
    }
    if (k === n) {
      if (pos !== length) return;
      if (out.splits.length >= MAX_SPLITS) {
        stopped = true;
        out.status = 'many';
        return;
      }
      out.splits.push(
        Array.from({ length: n }, (_, c) => {
          const negative = negativeAt.has(starts[c]!);
          const start = offsets[starts[c]!]! - (negative ? 1 : 0);
          const end = offsets[ends[c]! - 1]! + 1;
          return { value: values[c]!, text: (negative ? '-' : '') + digits.slice(starts[c]!, ends[c]!), start, end };
        }),
      );
      return;
    }
    const cellsLeft = n - k;
    if (length - pos < cellsLeft || startsFrom[pos + 1]! > cellsLeft - 1) return;
    const negative = negativeAt.has(pos);
    if (negative && !signed[k]) return;
    const sign = negative ? -1 : 1;
    const maxLength = Math.min(chunkEnd[pos]! - pos, MAX_DIGITS);
    const id = forced[k];
    const lengths: number[] = [];
    if (id) {
      const v = sum(id);
      if ((v < 0) !== negative && v !== 0) return;
      if (v === 0 && negative) return;
      const s = String(Math.abs(v));
      if (s.length <= maxLength && digits.startsWith(s, pos)) lengths.push(s.length);
    } else if (k === n - 1) {
      if (length - pos <= maxLength) lengths.push(length - pos);
    } else {
      for (let len = 1; len <= maxLength; len++) lengths.push(len);
    }
    for (const len of lengths) {
      if (len > 1 && digits.charCodeAt(pos) === 0x30) break;
      const end = pos + len;
      // A cell that stops inside a chunk leaves the rest of it to the next cell; one that ends a chunk hands over to the next chunk.
      if (k === n - 1 && end !== length) continue;
      values[k] = sign * Number(digits.slice(pos, end));
      starts[k] = pos;
      ends[k] = end;
      if (closing[k]!.some((c) => Math.abs(values[c.target]! - sum(c)) > 1e-9)) continue;
      if (overflows(k, end)) continue;
      dfs(k + 1, end);
      if (stopped) return;
    }
  };
  dfs(0, 0);
  if (out.status === 'none') out.status = out.splits.length === 0 ? 'none' : out.splits.length === 1 ? 'one' : 'several';
  return out;
}

/** Whether each cell may be negative (a 'signed' column such as 本年增/减). */
export function signedCells(t: CompiledTemplate, cells: Array<{ row: string; column: string }>): boolean[] {
  return cells.map((c) => cellType(t, c.row, c.column) === 'signed');
}

/** 「22|0|0|0|0|0|22」 */
export const splitText = (split: SplitCell[]) => split.map((c) => c.text).join('|');
