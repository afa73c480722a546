/**
 * HTML and XML extractors: the page a CMS holds (or a generic XML document) → extracted text lines
 * with an exact source offset for every character.
 *
 * Why a hand-written tokenizer and not fast-xml-parser here: positions must point into the caller's
 * HTML, and fast-xml-parser reports no source offsets; it is also an XML parser, strict where real CMS
 * pages are sloppy (unclosed `<p>`/`<td>`, `<br>` without a slash, unquoted attributes, stray `<`,
 * `&nbsp;` without a DTD). What this extractor needs from the markup is small — text runs, entities,
 * block boundaries, table cells with their spans — so a single forward pass over the source gives it
 * with exact offsets. fast-xml-parser reads the DOCX parts (src/extract/docx/xml.ts), where no offsets are
 * needed and the XML is machine-written.
 *
 * Guarantees on hostile input: one forward pass; every search for a closing delimiter (`>`, a quote,
 * `-->`, `</script`) is memoised so no region is scanned twice; no recursion; table nesting is capped;
 * grids are bounded (output.ts). Entities: numeric references and the HTML5 named references (through
 * decode-named-character-reference); each expands to at most two characters, and DTD entity
 * declarations (`<!ENTITY …>` in a DOCTYPE internal subset) are skipped and never expanded.
 *
 * Text model (browser-like):
 * - block elements (`p`, `div`, `h1`–`h6`, `li`, `tr`…) and `<br>` end a line; inline ones do not;
 * - whitespace runs collapse to one space (`&nbsp;` counts as whitespace), except inside `<pre>`;
 *   a whitespace run containing a line break between two CJK characters is dropped (CSS Text 3
 *   segment-break rule), so hard-wrapped Chinese source text reads as it renders;
 * - `<script>`, `<style>`, `<title>`, `<template>`, `<svg>`… are skipped with their content;
 * - `ul > li` lines start with `- `, `ol > li` lines with `1. ` (as they render);
 * - tables become tab rows with spans resolved (see output.ts); a table used for page layout (a cell
 *   holding a nested table, a heading or many lines, or a single-cell box) is read as blocks instead.
 *
 * XML (format 'xml'): the same pass, on element local names (prefix stripped, case folded). Every
 * element boundary ends a line, except a few inline names (`b`, `i`, `em`, `span`, `emphasis`…), so a
 * generic XML document's text nodes come out in document order, one element per line. Elements named
 * `table` with `tr`/`row` rows and `td`/`th`/`entry`/`cell` cells are read as tables (`colspan`,
 * `rowspan`, DocBook `morerows`).
 */
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import type { Extracted } from './types';
import { decodeMarkup } from './charset';
import { LineSink, gridLines, joinCellLines, resolveSpans, type Run, type SpanCell } from './output';
import { escapeRegExp } from '../common/text';

export type MarkupMode = 'html' | 'xml';

/** A line of output and the source offset its `\n` maps to. */
export interface Block {
  run: Run;
  eol: number;
}

const HTML_BLOCK = new Set(
  (
    'address article aside blockquote body caption center dd details dialog dir div dl dt fieldset figcaption figure ' +
    'footer form frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html legend li main menu nav ol optgroup option p pre ' +
    'section summary ul tbody thead tfoot colgroup'
  ).split(' '),
);
/** Skipped with their content. */
const IGNORED = new Set(
  'script style title textarea xmp noscript noembed noframes iframe template svg math object select'.split(' '),
);
const XML_IGNORED = new Set(['script', 'style']);
const XML_INLINE = new Set(
  'a abbr b big code em emphasis font i link mark phrase q s small span strike strong sub sup u'.split(' '),
);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const MAX_TABLE_DEPTH = 32;
const MAX_LIST_DEPTH = 64;

interface CellBuild {
  lines: Block[];
  colspan: number;
  rowspan: number;
  at: number;
  /** The cell holds a nested table or a heading: the table is page layout. */
  layout: boolean;
}

interface RowBuild {
  cells: CellBuild[];
  at: number;
}

interface TableBuild {
  rows: RowBuild[];
  row: RowBuild | null;
  cell: CellBuild | null;
  at: number;
  /** Where the table's lines go (and text outside its cells, as browsers foster-parent it). */
  parent: Block[];
  parentCell: CellBuild | null;
}

interface ListBuild {
  ordered: boolean;
  count: number;
  name: string;
}

function isWide(c: number): boolean {
  return (
    (c >= 0x2e80 && c <= 0x30ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xff00 && c <= 0xffef)
  );
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c || c === 0xa0;
}

function isAsciiAlpha(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isAlnum(c: number): boolean {
  return isAsciiAlpha(c) || (c >= 0x30 && c <= 0x39);
}

const LEGACY_ENTITIES: Record<string, string> = { nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', copy: '©', reg: '®' };

/**
 * Decodes a character reference at `src[i] === '&'`. Returns the text and the end offset, or null
 * when it is a literal `&`. Looks at most 40 characters ahead.
 */
export function decodeEntityAt(src: string, i: number, end: number): { text: string; end: number } | null {
  let j = i + 1;
  if (src.charCodeAt(j) === 0x23 /* # */) {
    j++;
    const hex = src.charCodeAt(j) === 0x78 || src.charCodeAt(j) === 0x58;
    if (hex) j++;
    const digitsStart = j;
    let value = 0;
    while (j < end && j - digitsStart < 8) {
      const c = src.charCodeAt(j);
      let d: number;
      if (c >= 0x30 && c <= 0x39) d = c - 0x30;
      else if (hex && c >= 0x61 && c <= 0x66) d = c - 0x57;
      else if (hex && c >= 0x41 && c <= 0x46) d = c - 0x37;
      else break;
      value = value * (hex ? 16 : 10) + d;
      j++;
    }
    if (j === digitsStart) return null;
    if (src.charCodeAt(j) === 0x3b) j++;
    const ok = value > 0 && value <= 0x10ffff && !(value >= 0xd800 && value <= 0xdfff);
    return { text: ok ? String.fromCodePoint(value) : '\uFFFD', end: j };
  }
  const nameStart = j;
  while (j < end && j - nameStart < 40 && isAlnum(src.charCodeAt(j))) j++;
  if (j === nameStart || !isAsciiAlpha(src.charCodeAt(nameStart))) return null;
  const name = src.slice(nameStart, j);
  if (src.charCodeAt(j) === 0x3b) {
    const decoded = decodeNamedCharacterReference(name);
    if (typeof decoded === 'string' && decoded.length > 0 && decoded.length <= 2) return { text: decoded, end: j + 1 };
    return null;
  }
  const legacy = LEGACY_ENTITIES[name];
  if (legacy !== undefined && src.charCodeAt(j) !== 0x3d /* = */) return { text: legacy, end: j };
  return null;
}

/** indexOf with memory: no region of the source is scanned twice for the same needle. */
class Finder {
  private readonly memo = new Map<string, { from: number; at: number }>();
  constructor(
    private readonly src: string,
    private readonly end: number,
  ) {}

  find(needle: string, from: number): number {
    const m = this.memo.get(needle);
    if (m && m.from <= from && (m.at === -1 || m.at >= from)) return m.at;
    let at = this.src.indexOf(needle, from);
    if (at !== -1 && at + needle.length > this.end) at = -1;
    this.memo.set(needle, { from, at });
    return at;
  }

  /** Case-insensitive search for `</name` followed by a delimiter. */
  findCloseTag(name: string, from: number): number {
    const key = `</${name}`;
    const m = this.memo.get(key);
    if (m && m.from <= from && (m.at === -1 || m.at >= from)) return m.at;
    const re = new RegExp(`</${name}(?=[\\s/>]|$)`, 'gi');
    re.lastIndex = from;
    const hit = re.exec(this.src);
    const at = hit && hit.index < this.end ? hit.index : -1;
    this.memo.set(key, { from, at });
    return at;
  }
}

/**
 * Reads markup from `src[start, end)` into lines (blank lines separate tables from the text around
 * them). Used by the HTML and XML extractors, and by the Markdown one for raw HTML blocks.
 */
export function markupBlocks(src: string, start: number, end: number, mode: MarkupMode, uri?: string): Block[] {
  const xml = mode === 'xml';
  const finder = new Finder(src, end);
  const root: Block[] = [];
  let container: Block[] = root;
  let containerCell: CellBuild | null = null;
  const tables: TableBuild[] = [];
  let skippedTables = 0;
  const lists: ListBuild[] = [];
  let preDepth = 0;

  // The line being built.
  let parts: string[] = [];
  let offs: number[] = [];
  let pendingWs = -1;
  let pendingNl = false;
  let lastCode = 0;

  const push = (text: string, at: number): void => {
    parts.push(text);
    for (let k = 0; k < text.length; k++) offs.push(at);
  };

  const addChar = (text: string, at: number): void => {
    const code = text.charCodeAt(0);
    if (preDepth > 0) {
      if (code === 0x0a) {
        flush(at, true);
        return;
      }
      if (code === 0x0d) return;
      push(code === 0xa0 ? ' ' : text, at);
      lastCode = code;
      return;
    }
    if (text.length === 1 && isSpace(code)) {
      if (offs.length === 0) return;
      if (pendingWs < 0) pendingWs = at;
      if (code === 0x0a || code === 0x0d) pendingNl = true;
      return;
    }
    if (pendingWs >= 0) {
      if (!(pendingNl && isWide(lastCode) && isWide(code))) push(' ', pendingWs);
      pendingWs = -1;
      pendingNl = false;
    }
    push(text, at);
    lastCode = text.charCodeAt(text.length - 1);
  };

  /** Ends the current line (at offset `at`); `keepEmpty` keeps an empty line (`<br><br>`, `<pre>`). */
  const flush = (at: number, keepEmpty = false): void => {
    pendingWs = -1;
    pendingNl = false;
    if (offs.length === 0 && !keepEmpty) return;
    container.push({ run: { text: parts.join(''), offs }, eol: at });
    parts = [];
    offs = [];
    lastCode = 0;
  };

  const setContainer = (lines: Block[], cell: CellBuild | null): void => {
    container = lines;
    containerCell = cell;
  };

  const closeCell = (t: TableBuild, at: number): void => {
    if (!t.cell) return;
    flush(at);
    t.cell = null;
    setContainer(t.parent, t.parentCell);
  };

  const closeRow = (t: TableBuild, at: number): void => {
    closeCell(t, at);
    t.row = null;
  };

  const closeTable = (at: number): void => {
    const t = tables.pop()!;
    closeRow(t, at);
    flush(at);
    setContainer(t.parent, t.parentCell);
    const cells = t.rows.flatMap((r) => r.cells);
    const layout = cells.length === 1 || cells.some((c) => c.layout || c.lines.length > 12);
    const out = t.parent;
    if (layout) {
      // Page layout: the cells' lines, in reading order.
      for (const cell of cells) for (const line of cell.lines) out.push(line);
      if (t.parentCell) t.parentCell.layout = true;
      return;
    }
    const grid = resolveSpans(
      t.rows.map((r) => ({
        at: r.at,
        cells: r.cells.map((c): SpanCell => ({ run: joinCellLines(c.lines.map((l) => l.run)), colspan: c.colspan, rowspan: c.rowspan, at: c.at })),
      })),
      uri,
    ).filter((r) => r.slots.length > 0);
    if (grid.length === 0) return;
    out.push({ run: { text: '', offs: [] }, eol: t.at });
    for (const line of gridLines(grid, uri)) out.push(line);
    out.push({ run: { text: '', offs: [] }, eol: at });
    if (t.parentCell) t.parentCell.layout = true;
  };

  const openCell = (t: TableBuild, attrs: Attrs, at: number): void => {
    closeCell(t, at);
    if (!t.row) {
      t.row = { cells: [], at };
      t.rows.push(t.row);
    }
    flush(at);
    const cell: CellBuild = { lines: [], colspan: attrs.colspan, rowspan: attrs.rowspan, at, layout: false };
    t.row.cells.push(cell);
    t.cell = cell;
    setContainer(cell.lines, cell);
  };

  const local = (name: string): string => {
    const colon = name.lastIndexOf(':');
    const base = colon >= 0 ? name.slice(colon + 1) : name;
    return xml ? base.toLowerCase() : name.toLowerCase();
  };

  const isRowName = (n: string): boolean => n === 'tr' || (xml && n === 'row');
  const isCellName = (n: string): boolean => n === 'td' || n === 'th' || (xml && (n === 'entry' || n === 'cell'));
  const isBlock = (n: string): boolean => (xml ? !XML_INLINE.has(n) : HTML_BLOCK.has(n));

  const startTag = (rawName: string, attrs: Attrs, selfClosing: boolean, at: number, tagEnd: number): number => {
    const name = local(rawName);
    if ((xml ? XML_IGNORED : IGNORED).has(name) && !selfClosing) {
      const close = finder.findCloseTag(rawName.toLowerCase() === name ? name : escapeRegExp(rawName), tagEnd);
      if (close === -1) return tagEnd; // unclosed: skip the tag only, keep what follows
      const gt = finder.find('>', close);
      return gt === -1 ? end : gt + 1;
    }
    if (name === 'br') {
      flush(at, true);
      return tagEnd;
    }
    if (name === 'table') {
      if (tables.length >= MAX_TABLE_DEPTH) {
        skippedTables++;
        flush(at);
        return tagEnd;
      }
      flush(at);
      tables.push({ rows: [], row: null, cell: null, at, parent: container, parentCell: containerCell });
      return tagEnd;
    }
    const t = tables[tables.length - 1];
    if (t && isRowName(name)) {
      closeRow(t, at);
      t.row = { cells: [], at };
      t.rows.push(t.row);
      return tagEnd;
    }
    if (t && isCellName(name)) {
      openCell(t, attrs, at);
      return tagEnd;
    }
    if (!xml && (name === 'ul' || name === 'ol')) {
      flush(at);
      if (lists.length < MAX_LIST_DEPTH) lists.push({ ordered: name === 'ol', count: 0, name });
      return tagEnd;
    }
    if (name === 'pre') {
      flush(at);
      preDepth++;
      return tagEnd;
    }
    if (name === 'li' && !xml) {
      flush(at);
      const list = lists[lists.length - 1];
      if (list) {
        list.count++;
        const marker = list.ordered ? `${list.count}. ` : '- ';
        push(marker, at);
        lastCode = 0x20;
      }
      return tagEnd;
    }
    if (isBlock(name) || isRowName(name) || isCellName(name)) flush(at);
    return tagEnd;
  };

  const endTag = (rawName: string, at: number): void => {
    const name = local(rawName);
    if (name === 'table') {
      if (skippedTables > 0) {
        skippedTables--;
        flush(at);
      } else if (tables.length > 0) closeTable(at);
      return;
    }
    const t = tables[tables.length - 1];
    if (t && isRowName(name)) {
      closeRow(t, at);
      return;
    }
    if (t && isCellName(name)) {
      closeCell(t, at);
      return;
    }
    if (!xml && (name === 'ul' || name === 'ol')) {
      flush(at);
      for (let k = lists.length - 1; k >= Math.max(0, lists.length - 8); k--) {
        if (lists[k]!.name === name) {
          lists.length = k;
          break;
        }
      }
      return;
    }
    if (name === 'pre') {
      flush(at);
      if (preDepth > 0) preDepth--;
      return;
    }
    if (HEADINGS.has(name) && containerCell) containerCell.layout = true;
    if (isBlock(name) || isRowName(name) || isCellName(name)) flush(at);
  };

  let i = start;
  while (i < end) {
    const c = src.charCodeAt(i);
    if (c === 0x26 /* & */) {
      const ent = decodeEntityAt(src, i, end);
      if (ent) {
        if (ent.text.length === 2 && ent.text.charCodeAt(0) >= 0xd800 && ent.text.charCodeAt(0) <= 0xdbff) {
          push(ent.text, i); // a surrogate pair: both halves map to the reference
          lastCode = 0;
          pendingWs = -1;
        } else for (const ch of ent.text) addChar(ch, i);
        i = ent.end;
        continue;
      }
      addChar('&', i);
      i++;
      continue;
    }
    if (c !== 0x3c /* < */) {
      addChar(src[i]!, i);
      i++;
      continue;
    }
    // Markup.
    const c1 = src.charCodeAt(i + 1);
    if (c1 === 0x21 /* ! */) {
      if (src.startsWith('<!--', i)) {
        const close = finder.find('-->', i + 4);
        if (close !== -1) i = close + 3;
        else {
          const gt = finder.find('>', i + 4);
          i = gt === -1 ? end : gt + 1;
        }
        continue;
      }
      if (src.startsWith('<![CDATA[', i)) {
        const close = finder.find(']]>', i + 9);
        const stop = close === -1 ? end : close;
        for (let k = i + 9; k < stop; k++) addChar(src[k]!, k);
        i = close === -1 ? end : close + 3;
        continue;
      }
      // <!DOCTYPE …> (an internal subset in brackets is skipped whole: its entities are never expanded)
      const gt = finder.find('>', i + 2);
      const bracket = finder.find('[', i + 2);
      if (bracket !== -1 && (gt === -1 || bracket < gt) && /^<!doctype/i.test(src.slice(i, i + 9))) {
        const closeBracket = finder.find(']', bracket + 1);
        const after = closeBracket === -1 ? -1 : finder.find('>', closeBracket);
        i = after === -1 ? end : after + 1;
        continue;
      }
      i = gt === -1 ? end : gt + 1;
      continue;
    }
    if (c1 === 0x3f /* ? */) {
      const gt = finder.find('>', i + 2);
      i = gt === -1 ? end : gt + 1;
      continue;
    }
    if (c1 === 0x2f /* / */ && isAsciiAlpha(src.charCodeAt(i + 2))) {
      let j = i + 2;
      while (j < end && !isSpace(src.charCodeAt(j)) && src.charCodeAt(j) !== 0x3e && src.charCodeAt(j) !== 0x2f) j++;
      const name = src.slice(i + 2, Math.min(j, i + 2 + 64));
      const gt = finder.find('>', j);
      endTag(name, i);
      i = gt === -1 ? end : gt + 1;
      continue;
    }
    if (isAsciiAlpha(c1)) {
      const tag = readStartTag(src, i, end, finder);
      i = startTag(tag.name, tag.attrs, tag.selfClosing, i, tag.end);
      continue;
    }
    addChar('<', i);
    i++;
  }
  while (tables.length > 0) closeTable(end);
  flush(end);
  return root;
}


interface Attrs {
  colspan: number;
  rowspan: number;
}

/**
 * Reads a start tag at `src[i] === '<'` (a letter follows). Tolerant: unquoted values, a missing
 * closing quote (the value ends at the next `>`), a stray `<` (ends the tag before it), EOF.
 * Only the attributes the extractor uses are kept.
 */
function readStartTag(src: string, i: number, end: number, finder: Finder): { name: string; attrs: Attrs; selfClosing: boolean; end: number } {
  let j = i + 1;
  while (j < end) {
    const c = src.charCodeAt(j);
    if (isSpace(c) || c === 0x3e || c === 0x2f || c === 0x3c) break;
    j++;
  }
  const name = src.slice(i + 1, Math.min(j, i + 1 + 64));
  const attrs: Attrs = { colspan: 1, rowspan: 1 };
  let selfClosing = false;
  while (j < end) {
    let c = src.charCodeAt(j);
    if (isSpace(c)) {
      j++;
      continue;
    }
    if (c === 0x3e) return { name, attrs, selfClosing, end: j + 1 };
    if (c === 0x3c) return { name, attrs, selfClosing, end: j };
    if (c === 0x2f) {
      if (src.charCodeAt(j + 1) === 0x3e) return { name, attrs, selfClosing: true, end: j + 2 };
      j++;
      continue;
    }
    const nameStart = j;
    j++;
    while (j < end) {
      c = src.charCodeAt(j);
      if (isSpace(c) || c === 0x3d || c === 0x3e || c === 0x2f || c === 0x3c) break;
      j++;
    }
    const attrName = j - nameStart <= 16 ? src.slice(nameStart, j).toLowerCase() : '';
    while (j < end && isSpace(src.charCodeAt(j))) j++;
    if (src.charCodeAt(j) !== 0x3d) continue;
    j++;
    while (j < end && isSpace(src.charCodeAt(j))) j++;
    let valueStart = j;
    let valueEnd = j;
    const q = src.charCodeAt(j);
    if (q === 0x22 || q === 0x27) {
      const close = finder.find(q === 0x22 ? '"' : "'", j + 1);
      const gt = finder.find('>', j + 1);
      valueStart = j + 1;
      if (close !== -1) {
        valueEnd = close;
        j = close + 1;
      } else {
        valueEnd = gt === -1 ? end : gt;
        j = valueEnd;
      }
    } else {
      while (j < end) {
        c = src.charCodeAt(j);
        if (isSpace(c) || c === 0x3e) break;
        j++;
      }
      valueEnd = j;
    }
    if (attrName === 'colspan' || attrName === 'rowspan' || attrName === 'morerows') {
      const n = parseInt(src.slice(valueStart, Math.min(valueEnd, valueStart + 12)).trim(), 10);
      if (Number.isFinite(n) && n >= 0) {
        if (attrName === 'colspan') attrs.colspan = Math.max(1, n);
        else if (attrName === 'rowspan') attrs.rowspan = n;
        else attrs.rowspan = n + 1;
      }
    }
  }
  return { name, attrs, selfClosing, end };
}

function extractMarkup(content: string | Uint8Array, uri: string | undefined, mode: MarkupMode): Extracted {
  const source = typeof content === 'string' ? content : decodeMarkup(content);
  const sink = new LineSink();
  for (const block of markupBlocks(source, 0, source.length, mode, uri)) {
    if (block.run.text.length === 0) sink.blank(block.eol);
    else sink.line(block.run, block.eol);
  }
  const { text, map } = sink.finish(source.length);
  return { source, text, map, format: mode };
}

/** The HTML extractor (a CMS page or an HTML fragment; bytes decoded per charset.ts). */
export function extractHtml(content: string | Uint8Array, uri?: string): Extracted {
  return extractMarkup(content, uri, 'html');
}

/** The XML extractor (see the module comment). */
export function extractXml(content: string | Uint8Array, uri?: string): Extracted {
  return extractMarkup(content, uri, 'xml');
}
