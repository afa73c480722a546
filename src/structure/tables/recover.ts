/**
 * Rows whose numbers ran together (spec/presentations.md §2.1), recovered by the identities:
 * a value row the reader could not fill, whose label is followed by one digit run with fewer
 * separators than the row has cells, is split by `splitRun`. One split that holds: its cells are
 * read and marked inferred. Several: the splits that also satisfy the column identities with the
 * rows already read are kept; one left is read, otherwise the row is not read and the table's
 * issues name the candidates. None: the row is not read.
 */
import type { Anchor, Region } from './anchors';
import type { Assignment } from './assign';
import { evaluateWith } from './evaluate';
import { runAt, runIdentities, signedCells, splitRun, splitText, type DigitRun, type InferBudget, type SplitCell, type SplitOutcome } from './infer';
import type { CompiledRow, CompiledTemplate } from './templates';
import type { Token, TokenizedText } from './tokens';
import type { ReadCell, ReadTable } from './types';

/** Characters after a label that its run may stand in. */
const SEGMENT = 400;

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000 || c === 0x0a || c === 0x0d;
const isMinus = (c: number) => c === 0x2d || c === 0x2212 || c === 0xff0d;
/** A Han character, a letter or a digit: what a word-internal number (「数据1」) follows. */
const isWordCode = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || isDigit(c);
const ORDINAL_MARKS = '.．、';
/** Characters of the next label's prefix: gaps, pipes, Markdown marks, ordinals (not Arabic digits). */
const NEXT_PREFIX = ' \t\u00a0\u3000\n\r|#*>一二三四五六七八九十（）().．、';

/** The Arabic ordinal a label starts with (「2.其他法律…」 → 「2」), or null. */
function ordinalOf(label: string): string | null {
  let i = 0;
  while (i < label.length && isDigit(label.charCodeAt(i))) i++;
  return i > 0 && i < label.length && ORDINAL_MARKS.includes(label[i]!) ? label.slice(0, i) : null;
}

/**
 * The digit run that ends the segment [from, to) of a row: after the label's tail, before the next
 * label (whose ordinal 「2.」 may have run into the digits). Null when the segment holds another
 * number outside parentheses, or the run is a decimal or grouped number.
 */
export function trailingRun(text: string, from: number, to: number, nextOrdinal: string | null): DigitRun | null {
  let end = to;
  // Back over what may stand between a row's numbers and the next label: gaps, Markdown marks and
  // the next label's ordinal (「### 二、」, 「（三）」, 「2.」).
  const skipBack = () => {
    while (end > from && NEXT_PREFIX.includes(text[end - 1]!)) end--;
  };
  skipBack();
  if (nextOrdinal && end > from && ORDINAL_MARKS.includes(text[end] ?? '') && text.slice(end - nextOrdinal.length, end) === nextOrdinal && end - nextOrdinal.length > from) {
    end -= nextOrdinal.length;
    skipBack();
  }
  if (end <= from || !isDigit(text.charCodeAt(end - 1))) return null;
  // Back over the run (digits, gaps, minus signs) on its line.
  let start = end;
  while (start > from) {
    const c = text.charCodeAt(start - 1);
    if (isDigit(c) || c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000 || c === 0x7c || isMinus(c)) start--;
    else break;
  }
  while (start < end && !isDigit(text.charCodeAt(start)) && !(isMinus(text.charCodeAt(start)) && isDigit(text.charCodeAt(start + 1)))) start++;
  const before = start > from ? text.charCodeAt(start - 1) : 0;
  if (before === 0x2e || before === 0x2c || before === 0xff0e) return null;
  // No other number in the segment: digits inside parentheses (「计1条」) or run into a word (「数据1」) are label text.
  let depth = 0;
  for (let i = from; i < start; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x28 || c === 0xff08) depth++;
    else if ((c === 0x29 || c === 0xff09) && depth > 0) depth--;
    else if (depth === 0 && isDigit(c) && !(i > from && isWordCode(text.charCodeAt(i - 1)))) return null;
  }
  const run = runAt(text, start, end);
  return run && run.end === end ? run : null;
}

/** A number token cut from a run: read like any cell, marked inferred. */
function inferredToken(cell: SplitCell, line: number): Token {
  return { kind: 'number', text: cell.text, value: cell.value, start: cell.start, end: cell.end, line, cell: false, inferred: true };
}

function runText(text: string, run: DigitRun): string {
  return text.slice(run.start, run.end);
}

/** Why a run was not read, in words (zh), with the candidates when there are several. */
export function unreadIssue(what: string, printed: string, outcome: SplitOutcome): string {
  if (outcome.splits.length > 1)
    return `${what}的数值连在一起（${printed}），按勾稽关系有多种拆分：${outcome.splits.map(splitText).join('；')}${outcome.status === 'several' ? '' : '等'}，无法确定，未读取`;
  if (outcome.status === 'budget') return `${what}的数值连在一起（${printed}），可能的拆分过多，未读取`;
  return `${what}的数值连在一起（${printed}），没有符合勾稽关系的拆分，未读取`;
}

export function inferredIssue(what: string, printed: string, split: SplitCell[]): string {
  return `${what}的数值连在一起（${printed}），已按勾稽关系拆分为${splitText(split)}（推断值，非独立证据）`;
}

interface Pending {
  row: CompiledRow;
  run: DigitRun;
  line: number;
  outcome: SplitOutcome;
}

const rowName = (row: CompiledRow) => `“${row.short ?? row.label}”行`;

/** Cells of the assignment plus `extra`, as a table the evaluator can check. */
function trialTable(t: CompiledTemplate, a: Assignment, extra: ReadCell[]): ReadTable {
  const cells: ReadCell[] = [...extra];
  for (const rv of a.values.values())
    rv.tokens.forEach((tok, k) => cells.push({ row: rv.row.key, column: rv.row.columnKeys[k]!, value: tok.kind === 'number' ? tok.value : null, text: tok.text, kind: tok.kind, start: tok.start, end: tok.end }));
  return { id: t.def.id, template: t.def.key, name: t.def.name, rows: [], columns: [], cells, start: 0, end: 0, missingRows: [], issues: [], readable: true };
}

/** The split breaks an official or structural equality with cells already read. */
function breaksColumns(t: CompiledTemplate, a: Assignment, row: CompiledRow, split: SplitCell[]): boolean {
  const extra: ReadCell[] = split.map((c, k) => ({ row: row.key, column: row.columnKeys[k]!, value: c.value, text: c.text, kind: 'number', start: c.start, end: c.end }));
  return evaluateWith(trialTable(t, a, extra), t).some(
    (check) => check.status === 'fail' && check.kind !== 'INFERRED' && check.op === '=' && (check.row === row.key || check.operands.some((o) => o.row === row.key)),
  );
}

/** The last row's segment ends with the line of the first number after its label. */
function lastRowEnd(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && !(isDigit(text.charCodeAt(i)) && !(i > from && isWordCode(text.charCodeAt(i - 1))))) i++;
  const eol = text.indexOf('\n', i);
  return eol < 0 || eol > to ? to : eol;
}

/**
 * Recovers the value rows of a row-mode table that the assignment left without numbers; returns
 * how many rows were found printed as a run (read or not).
 */
export function recoverRows(doc: TokenizedText, t: CompiledTemplate, anchors: Anchor[], region: Region, a: Assignment, budget: InferBudget): number {
  const inOrder = anchors.filter((x) => !x.displaced);
  const regionEnd = region.cEnd < doc.compact.length ? doc.compactOffset[region.cEnd]! : doc.text.length;
  const pending: Pending[] = [];
  inOrder.forEach((anchor, k) => {
    const row = anchor.row;
    const n = row.columnKeys.length;
    if (!row.values || n < 2 || a.values.has(row.key)) return;
    const from = doc.compactOffset[anchor.cEnd - 1]! + 1;
    const next = inOrder[k + 1];
    const to = next ? Math.min(doc.compactOffset[next.cStart]!, from + SEGMENT) : lastRowEnd(doc.text, from, Math.min(regionEnd, from + SEGMENT));
    const run = trailingRun(doc.text, from, to, next ? ordinalOf(next.row.label) : null);
    // As many separate numbers as cells (or more): not a run-together row, the reader's to judge.
    if (!run || run.chunks.length >= n || run.cellSeparated) return;
    const cells = row.columnKeys.map((column) => ({ row: row.key, column }));
    // Without an identity among its cells nothing constrains the split: the row is left unread.
    const identities = runIdentities(t, cells);
    if (identities.length === 0) return;
    const outcome = splitRun(run, signedCells(t, cells), identities, budget);
    pending.push({ row, run, line: doc.tokens[anchor.tokenEnd - 1]?.line ?? 0, outcome });
  });
  if (pending.length === 0) return 0;
  const take = (p: Pending, split: SplitCell[]) => {
    a.values.set(p.row.key, { row: p.row, tokens: split.map((c) => inferredToken(c, p.line)) });
    a.issues.push(inferredIssue(rowName(p.row), runText(doc.text, p.run), split));
  };
  for (const p of pending) if (p.outcome.status === 'one') take(p, p.outcome.splits[0]!);
  // The rows with several splits: keep those that agree with the columns read so far, until nothing changes.
  let open = pending.filter((p) => p.outcome.status === 'several');
  for (let changed = true; changed && open.length > 0; ) {
    changed = false;
    for (const p of open) {
      const kept = p.outcome.splits.filter((split) => !breaksColumns(t, a, p.row, split));
      if (kept.length === 1) {
        take(p, kept[0]!);
        changed = true;
      }
    }
    open = open.filter((p) => !a.values.has(p.row.key));
  }
  for (const p of pending) if (!a.values.has(p.row.key)) a.issues.push(unreadIssue(rowName(p.row), runText(doc.text, p.run), p.outcome));
  a.missing = a.missing.filter((key) => !a.values.has(key));
  return pending.length;
}
