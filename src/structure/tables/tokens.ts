/**
 * Linearises report text into a stream of tokens (label text, number, blank, '/', '-') with
 * offsets, whatever the layout: tab-separated cells, Markdown pipe rows, one cell per line, or
 * space-aligned PDF text. Page markers (「- 4 -」, 「— 5 —」) and Markdown separator rows are
 * skipped. A compact, whitespace-free copy of the label text is kept for label matching.
 */
import { codesToString } from '../../normalize/index';
import { foldLabelCode, foldVocabulary } from './compact';
import { parenNote, parseValue, UNIT_MAX, UNIT_WORDS, type ValueKind } from './values';
import { isInlineSpace } from '../../common/chars';

export type TokenKind = 'text' | ValueKind;

export interface Token {
  kind: TokenKind;
  text: string;
  value: number | null;
  note?: string;
  start: number;
  end: number;
  /** Line number (0-based) in the text. */
  line: number;
  /** An explicit cell of a tab or pipe row (its blanks are real cells). */
  cell: boolean;
  /** A unit word (万元, 人次…) that does not separate a label from its value. */
  unit?: boolean;
  /** A number cut out of a run of digits by the identities (infer.ts), not printed apart. */
  inferred?: boolean;
}

export interface TokenizedText {
  text: string;
  tokens: Token[];
  /** Label text of all text tokens, folded (compact.ts). */
  compact: string;
  /** Text offset of each compact character. */
  compactOffset: Int32Array;
  /** Token index of each compact character. */
  compactToken: Int32Array;
}

const DASHES = '-—–－―~';
const ORDINAL_NOTE = /^[一二三四五六七八九十0-9]{1,3}$/u;

/** 「- 4 -」, 「— 5 —」, 「-3-」, 「第 2 页」. */
export function isPageMarker(trimmed: string): boolean {
  if (trimmed.length === 0 || trimmed.length > 16) return false;
  let i = 0;
  let lead = 0;
  while (i < trimmed.length && (DASHES.includes(trimmed[i]!) || trimmed[i] === ' ')) {
    if (trimmed[i] !== ' ') lead++;
    i++;
  }
  const page = trimmed[i] === '第';
  if (page) i++;
  while (trimmed[i] === ' ') i++;
  const digitsStart = i;
  while (i < trimmed.length && trimmed[i]! >= '0' && trimmed[i]! <= '9') i++;
  if (i === digitsStart || i - digitsStart > 4) return false;
  while (trimmed[i] === ' ') i++;
  if (page) return trimmed[i] === '页';
  let trail = 0;
  while (i < trimmed.length && (DASHES.includes(trimmed[i]!) || trimmed[i] === ' ')) {
    if (trimmed[i] !== ' ') trail++;
    i++;
  }
  return i === trimmed.length && lead > 0 && trail > 0;
}

/** A Markdown table separator row: only |, -, : and spaces, with at least one '-'. */
function isSeparatorRow(trimmed: string): boolean {
  if (!trimmed.includes('-') || !trimmed.includes('|')) return false;
  for (const ch of trimmed) if (ch !== '|' && ch !== '-' && ch !== ':' && ch !== ' ') return false;
  return true;
}

class TokenSink {
  readonly tokens: Token[] = [];

  add(raw: string, start: number, line: number, cell: boolean): void {
    // Trim inside the cell, keeping offsets.
    let a = 0;
    let b = raw.length;
    while (a < b && isInlineSpace(raw.charCodeAt(a))) a++;
    while (b > a && isInlineSpace(raw.charCodeAt(b - 1))) b--;
    const text = raw.slice(a, b);
    const s = start + a;
    const e = start + b;
    if (text.length === 0) {
      if (cell) this.tokens.push({ kind: 'blank', text: '', value: null, start: s, end: e, line, cell });
      return;
    }
    const parsed = parseValue(text);
    if (parsed) {
      const token: Token = { kind: parsed.kind, text, value: parsed.value, start: s, end: e, line, cell };
      if (parsed.note !== undefined) token.note = parsed.note;
      this.tokens.push(token);
      return;
    }
    if (this.attachNote(text)) return;
    const token: Token = { kind: 'text', text, value: null, start: s, end: e, line, cell };
    if (text.length <= UNIT_MAX && (UNIT_WORDS.has(text) || text === '单位')) token.unit = true;
    this.tokens.push(token);
  }

  /** 「22」 followed by 「（其中修订 16 件）」: the parenthesised chunk is the number's note. */
  private attachNote(text: string): boolean {
    const last = text[text.length - 1];
    if (last !== ')' && last !== '）') return false;
    const note = parenNote(text);
    const prev = this.tokens[this.tokens.length - 1];
    if (note === null || ORDINAL_NOTE.test(note) || !prev || prev.kind !== 'number' || prev.note !== undefined) return false;
    prev.note = note;
    return true;
  }

  blankLine(start: number, end: number, line: number): void {
    this.tokens.push({ kind: 'blank', text: '', value: null, start, end, line, cell: false });
  }
}

function splitCells(sink: TokenSink, text: string, start: number, end: number, line: number, sep: string): void {
  let cellStart = start;
  const code = sep.charCodeAt(0);
  for (let i = start; i <= end; i++) {
    if (i === end || text.charCodeAt(i) === code) {
      sink.add(text.slice(cellStart, i), cellStart, line, true);
      cellStart = i + 1;
    }
  }
}

function splitPipeRow(sink: TokenSink, text: string, start: number, end: number, line: number): void {
  const first = text.indexOf('|', start);
  let last = text.lastIndexOf('|', end - 1);
  if (last === first) last = end;
  let cellStart = first + 1;
  for (let i = first + 1; i <= last; i++) {
    if (i === last || text.charCodeAt(i) === 0x7c) {
      sink.add(text.slice(cellStart, i), cellStart, line, true);
      cellStart = i + 1;
    }
  }
  if (last < end) sink.add(text.slice(last + 1, end), last + 1, line, false);
}

/**
 * Space-separated chunks; a parenthesised group stays one chunk unless a column gap (two or more
 * spaces) splits it, so 「部分公开（区分处理的, 只计这一情形）」 is one label.
 */
function splitChunks(sink: TokenSink, text: string, start: number, end: number, line: number): void {
  let i = start;
  while (i < end) {
    while (i < end && isInlineSpace(text.charCodeAt(i))) i++;
    if (i >= end) break;
    const chunkStart = i;
    let depth = 0;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (isInlineSpace(c)) {
        if (depth === 0 || (i + 1 < text.length && isInlineSpace(text.charCodeAt(i + 1)))) break;
      } else if (c === 0x28 /* ( */ || c === 0xff08 /* （ */) depth++;
      else if ((c === 0x29 || c === 0xff09) && depth > 0) depth--;
      i++;
    }
    sink.add(text.slice(chunkStart, i), chunkStart, line, false);
  }
}

function tokenizeLine(sink: TokenSink, text: string, start: number, end: number, line: number): void {
  const raw = text.slice(start, end);
  const trimmed = raw.trim();
  if (trimmed.length === 0) {
    if (raw.includes('\t')) splitCells(sink, text, start, end, line, '\t');
    else if (raw.length > 0) sink.blankLine(start, end, line);
    return;
  }
  if (isPageMarker(trimmed) || isSeparatorRow(trimmed)) return;
  if (trimmed[0] === '|') splitPipeRow(sink, text, start, end, line);
  else if (raw.includes('\t')) splitCells(sink, text, start, end, line, '\t');
  else splitChunks(sink, text, start, end, line);
}

function buildCompact(text: string, tokens: Token[]): Pick<TokenizedText, 'compact' | 'compactOffset' | 'compactToken'> {
  const codes = new Uint16Array(text.length);
  const offsets = new Int32Array(text.length);
  const owners = new Int32Array(text.length);
  let n = 0;
  for (let index = 0; index < tokens.length; index++) {
    const t = tokens[index]!;
    if (t.kind !== 'text') continue;
    for (let k = t.start; k < t.end; k++) {
      const folded = foldLabelCode(text.charCodeAt(k));
      if (folded < 0) continue;
      codes[n] = folded;
      offsets[n] = k;
      owners[n] = index;
      n++;
    }
  }
  return {
    compact: foldVocabulary(codesToString(codes, n, false)),
    compactOffset: offsets.subarray(0, n),
    compactToken: owners.subarray(0, n),
  };
}

/** Tokenises the whole text. */
export function tokenize(text: string): TokenizedText {
  const sink = new TokenSink();
  let line = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    tokenizeLine(sink, text, start, end, line);
    line++;
    start = end + 1;
  }
  return { text, tokens: sink.tokens, ...buildCompact(text, sink.tokens) };
}
