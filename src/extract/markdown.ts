/**
 * Markdown extractor: unified + remark-parse + remark-gfm (GFM pipe tables) → extracted text lines,
 * each character mapped to its offset in the caller's Markdown.
 *
 * - A heading becomes its text on one line. A heading without a Chinese ordinal (一、 （一） 1. 第一部分…)
 *   keeps its `#` markers as a prefix (`## 表二：…`, mapped to the heading's start), which the heading
 *   detector downstream strips; a numbered one is its text alone.
 * - A paragraph keeps its source line breaks (PDF-derived Markdown is hard-wrapped, and a numbered
 *   heading line often has no blank line after it); emphasis, links and escapes are resolved.
 * - A list item keeps its marker (`- `, `1. `), so its text is not taken for a numbered heading.
 * - A GFM table becomes one tab row per table row (the row's own cells, not padded), with a blank
 *   line before and after. GFM has no spans. Broken extractions are passed through as rows (header
 *   rows of fragments, lines without pipes that GFM takes into the table), except stray `|---|`
 *   delimiter rows, which GFM would read as cells of dashes; the template-table reader downstream
 *   works from the tab rows.
 * - Raw HTML blocks (a `<table>` pasted into Markdown) go through the HTML reader (html.ts), with
 *   offsets into the same source.
 *
 * Text node values are aligned to the source (escapes, character references, continuation-line
 * indentation) so every extracted character points at the source character it came from.
 *
 * micromark's cost grows faster than linearly on some hostile shapes (thousands of nested `>`,
 * a single GFM row of thousands of cells, tens of thousands of emphasis markers); such input, and
 * Markdown over 2 MB, is read as plain text instead (which the text pipeline also handles), so the
 * audit never hangs.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Nodes, PhrasingContent, Root, RootContent, Table } from 'mdast';
import type { Extracted } from './types';
import { decodeMarkup } from './charset';
import { decodeEntityAt, markupBlocks } from './html';
import { LineSink, gridLines, trimRun, type Run, type Slot } from './output';

const processor = unified().use(remarkParse).use(remarkGfm);

/** A Chinese ordinal at the start of a heading: 一、 （一） (1) 1. 1、 第一部分 第一章. */
const CHINESE_ORDINAL = /^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．,，:：]|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|\d{1,2}\s*[、.．](?!\d)|第[一二三四五六七八九十\d]{1,3}[部分章节条项])/u;

const MAX_MARKDOWN = 2_000_000;
const MAX_DEPTH = 64;

/** Lines over which micromark's cost per line (tens of microseconds) outweighs the text. */
const MAX_LINES = 50_000;

/** List markers nested on one line (`- - - x`, `1. 1. x`) past which micromark's cost explodes. */
const MAX_MARKERS = 16;

const isBlank = (c: number) => c === 0x20 || c === 0x09;

/**
 * The container prefix of the line starting at `i`: indentation and `>` counted as `leading`, list
 * markers followed by a blank as `markers`. Returns where the prefix ends.
 */
function containerPrefix(source: string, i: number): { end: number; leading: number; markers: number } {
  let leading = 0;
  let markers = 0;
  const n = source.length;
  while (i < n) {
    const c = source.charCodeAt(i);
    if (isBlank(c) || c === 0x3e /* > */) {
      leading++;
      i++;
    } else if ((c === 0x2d || c === 0x2b || c === 0x2a) /* - + * */ && isBlank(source.charCodeAt(i + 1))) {
      markers++;
      i++;
    } else if (c >= 0x30 && c <= 0x39) {
      let j = i;
      while (j < n && j - i < 9 && source.charCodeAt(j) >= 0x30 && source.charCodeAt(j) <= 0x39) j++;
      const d = source.charCodeAt(j);
      if ((d === 0x2e || d === 0x29) /* . ) */ && isBlank(source.charCodeAt(j + 1))) {
        markers++;
        i = j + 1;
      } else break;
    } else break;
  }
  return { end: i, leading, markers };
}

/**
 * Shapes on which micromark would be slow; such input is read as plain text. Measured on
 * remark-parse 11: list markers nested on one line cost cubic time, deep indentation and `>` nesting
 * quadratic time, a paragraph of emphasis markers (`*`, `_`, GFM `~`) quadratic time, and every line
 * some tens of microseconds.
 */
export function isPathologicalMarkdown(source: string): boolean {
  if (source.length > MAX_MARKDOWN) return true;
  let emphasis = 0;
  let brackets = 0;
  let pipeLines = 0;
  let pipesInLine = 0;
  let lines = 1;
  let atLineStart = true;
  for (let i = 0; i < source.length; i++) {
    if (atLineStart) {
      atLineStart = false;
      const prefix = containerPrefix(source, i);
      if (prefix.leading > MAX_DEPTH || prefix.markers > MAX_MARKERS) return true;
      if (prefix.end >= source.length) break;
      // Markers in the prefix are counted below like any character.
    }
    const c = source.charCodeAt(i);
    if (c === 0x0a) {
      if (pipesInLine > 0) pipeLines++;
      if (++lines > MAX_LINES) return true;
      pipesInLine = 0;
      atLineStart = true;
      continue;
    }
    if (c === 0x2a || c === 0x5f || c === 0x7e) emphasis++;
    else if (c === 0x5b) brackets++;
    else if (c === 0x7c && ++pipesInLine > 2000) return true;
  }
  if (pipesInLine > 0) pipeLines++;
  return emphasis > 5000 || brackets > 10000 || pipeLines > 3000;
}

/** Maps the characters of `value` (a node's value) to offsets in `src[start, end)`. */
function align(value: string, src: string, start: number, end: number): number[] {
  const offs = new Array<number>(value.length);
  const last = Math.max(start, Math.min(end, src.length) - 1);
  let p = start;
  for (let k = 0; k < value.length; k++) {
    const ch = value.charCodeAt(k);
    if (p < end && src.charCodeAt(p) === ch) {
      offs[k] = p++;
      continue;
    }
    if (p < end && src.charCodeAt(p) === 0x5c /* \ */ && src.charCodeAt(p + 1) === ch) {
      offs[k] = p;
      p += 2;
      continue;
    }
    if (p < end && src.charCodeAt(p) === 0x26 /* & */) {
      const ent = decodeEntityAt(src, p, end);
      if (ent && value.startsWith(ent.text, k)) {
        for (let e = 0; e < ent.text.length; e++) offs[k + e] = p;
        k += ent.text.length - 1;
        p = ent.end;
        continue;
      }
    }
    // Skipped source characters (indentation of a continuation line, `\r`): look a little ahead.
    const limit = Math.min(end, p + 64);
    let q = p;
    while (q < limit && src.charCodeAt(q) !== ch) q++;
    if (q < limit) {
      offs[k] = q;
      p = q + 1;
    } else offs[k] = Math.min(p, last);
  }
  return offs;
}

class RunBuilder {
  parts: string[] = [];
  offs: number[] = [];
  add(text: string, offs: number[]): void {
    this.parts.push(text);
    for (const o of offs) this.offs.push(o);
  }
  addAt(text: string, at: number): void {
    this.parts.push(text);
    for (let k = 0; k < text.length; k++) this.offs.push(at);
  }
  run(): Run {
    return { text: this.parts.join(''), offs: this.offs };
  }
}

interface Emit {
  line(run: Run, eol: number): void;
  blank(at: number): void;
}

function startOf(node: { position?: { start: { offset?: number } } }, base: number): number {
  return (node.position?.start.offset ?? 0) + base;
}

function endOf(node: { position?: { end: { offset?: number } } }, base: number): number {
  return (node.position?.end.offset ?? 0) + base;
}

/** Phrasing content → text with offsets. */
function inline(nodes: PhrasingContent[], src: string, base: number, out: RunBuilder, depth: number): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'inlineCode': {
        const s = startOf(node, base);
        out.add(node.value, align(node.value, src, s, endOf(node, base)));
        break;
      }
      case 'break':
        out.addAt('\n', startOf(node, base));
        break;
      case 'html':
        if (/^<br\b/i.test(node.value)) out.addAt('\n', startOf(node, base));
        break;
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        break;
      default:
        if ('children' in node && depth < MAX_DEPTH) inline(node.children as PhrasingContent[], src, base, out, depth + 1);
    }
  }
}

/** A row of `---` cells: a delimiter row a broken extraction left inside a table (GFM reads it as data). */
function isDelimiterRow(slots: Slot[]): boolean {
  let dashes = 0;
  for (const s of slots) {
    const t = s.run?.text ?? '';
    if (/^:?-+:?$/.test(t)) dashes++;
    else if (t !== '') return false;
  }
  return dashes >= 2;
}

function tableLines(node: Table, src: string, base: number, emit: Emit): void {
  const rows = node.children.map((row) => ({
    at: startOf(row, base),
    slots: row.children.map((cell): Slot => {
      const b = new RunBuilder();
      inline(cell.children, src, base, b, 0);
      const run = trimRun(b.run(), true);
      return { run: { text: run.text.replace(/[\t\n\r]/g, ' '), offs: run.offs }, at: startOf(cell, base) };
    }),
  })).filter((row) => !isDelimiterRow(row.slots));
  emit.blank(startOf(node, base));
  for (const line of gridLines(rows, undefined, false)) emit.line(line.run, line.eol);
  emit.blank(endOf(node, base));
}

function blocks(nodes: Array<RootContent | Nodes>, src: string, base: number, emit: Emit, depth: number, uri?: string): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'heading': {
        const b = new RunBuilder();
        inline(node.children, src, base, b, 0);
        const run = b.run();
        if (!CHINESE_ORDINAL.test(run.text)) {
          const prefix = '#'.repeat(node.depth) + ' ';
          const at = startOf(node, base);
          emit.line({ text: prefix + run.text, offs: [...prefix].map(() => at).concat(run.offs) }, endOf(node, base));
        } else emit.line(run, endOf(node, base));
        emit.blank(endOf(node, base));
        break;
      }
      case 'paragraph': {
        const b = new RunBuilder();
        inline(node.children, src, base, b, 0);
        emit.line(b.run(), endOf(node, base));
        emit.blank(endOf(node, base));
        break;
      }
      case 'table':
        tableLines(node, src, base, emit);
        break;
      case 'list': {
        for (const item of node.children) {
          const first = item.children[0];
          const itemStart = startOf(item, base);
          // The item's marker as written (`- `, `1. `, `- [ ] `), on its first line.
          let marker = first ? src.slice(itemStart, startOf(first, base)) : src.slice(itemStart, endOf(item, base));
          const nl = marker.search(/[\r\n]/);
          if (nl >= 0) marker = marker.slice(0, nl);
          marker = marker.trimEnd().slice(0, 16) + ' ';
          let pending: Run | null = { text: marker, offs: [...marker].map((_, k) => itemStart + Math.min(k, marker.length - 2)) };
          const itemEmit: Emit = {
            line(run, eol) {
              if (pending) {
                run = { text: pending.text + run.text, offs: pending.offs.concat(run.offs) };
                pending = null;
              }
              emit.line(run, eol);
            },
            blank(at) {
              // A tight list keeps its items on consecutive lines.
              if (!pending && node.spread) emit.blank(at);
            },
          };
          if (depth < MAX_DEPTH) blocks(item.children, src, base, itemEmit, depth + 1, uri);
          if (pending) emit.line(pending, endOf(item, base));
        }
        emit.blank(endOf(node, base));
        break;
      }
      case 'code': {
        const s = startOf(node, base);
        const e = endOf(node, base);
        // The value starts after the opening fence line (if any).
        let from = s;
        if (/^\s{0,3}(```|~~~)/.test(src.slice(s, s + 8))) {
          const nl = src.indexOf('\n', s);
          from = nl === -1 || nl > e ? e : nl + 1;
        }
        emit.line({ text: node.value, offs: align(node.value, src, from, e) }, e);
        emit.blank(e);
        break;
      }
      case 'html': {
        for (const line of markupBlocks(src, startOf(node, base), endOf(node, base), 'html', uri)) {
          if (line.run.text.length === 0) emit.blank(line.eol);
          else emit.line(line.run, line.eol);
        }
        emit.blank(endOf(node, base));
        break;
      }
      case 'thematicBreak':
      case 'definition':
        break;
      default:
        if ('children' in node && depth < MAX_DEPTH) blocks(node.children as RootContent[], src, base, emit, depth + 1, uri);
    }
  }
}

/** Plain-text reading of Markdown micromark should not parse (see the module comment). */
function asText(source: string): Extracted {
  return { source, text: source, format: 'markdown' };
}

export function extractMarkdown(content: string | Uint8Array, uri?: string): Extracted {
  const source = typeof content === 'string' ? content : decodeMarkup(content);
  if (isPathologicalMarkdown(source)) return asText(source);
  // micromark drops a leading BOM and counts offsets from after it.
  const base = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  let tree: Root;
  try {
    tree = processor.parse(base ? source.slice(1) : source) as Root;
  } catch {
    return asText(source); // e.g. a stack overflow on nesting the guard did not foresee
  }
  const sink = new LineSink();
  const emit: Emit = {
    line: (run, eol) => sink.line(run, eol),
    blank: (at) => sink.blank(at),
  };
  blocks(tree.children, source, base, emit, 0, uri);
  const { text, map } = sink.finish(source.length);
  return { source, text, map, format: 'markdown' };
}
