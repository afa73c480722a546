/**
 * The body of a DOCX (`w:body`) → text: one line per paragraph (`w:p`), runs concatenated; `w:tab` → a
 * space, `w:br`/`w:cr` → a line break, deleted text (`w:del`, `w:moveFrom`) and field instructions left
 * out, hidden runs (`w:vanish`) left out, text boxes read after their paragraph. Automatic numbering
 * (numbering.ts) is rendered in front of the paragraph text. Tables (`w:tbl`) become tab rows with a
 * blank line before and after: `w:gridSpan` puts a cell's text in its first grid column and leaves
 * the columns it covers empty; `w:vMerge` keeps the text in the first row of the merge and leaves the
 * continuation cells empty; `w:gridBefore` leaves leading columns empty; a cell's paragraphs are
 * joined with spaces (see output.ts). Explicit page breaks give the pages.
 */
import { AuditInputError } from '../../errors';
import { gridLines, joinCellLines, type Run, type Slot } from '../output';
import type { Numberer } from './numbering';
import { attr, child, childrenOf, MAX_DEPTH, path, tagOf, textOf, type XNode } from './xml';

export interface Context {
  numberer: Numberer;
  uri?: string;
}

/**
 * Where an explicit page break (`w:br w:type="page"`, `w:pageBreakBefore`) starts a page: a mark in the
 * text while it is built, taken out at the end (U+FFFF is not an XML character, so no document text
 * holds it). Pages that Word lays out by itself are not known.
 */
const PAGE_MARK = '\uffff';

/** Takes the page marks out of the text: the text, and where each page begins in it (when it has breaks). */
export function takePageMarks(marked: string): { text: string; pageStarts?: number[] } {
  if (!marked.includes(PAGE_MARK)) return { text: marked };
  const parts = marked.split(PAGE_MARK);
  const pageStarts = [0];
  let at = 0;
  for (let i = 0; i < parts.length - 1; i++) {
    at += parts[i]!.length;
    // A break at the very start of the text does not begin a second page.
    if (at > 0) pageStarts.push(at);
  }
  return { text: parts.join(''), pageStarts };
}

/** Elements whose content is not part of the visible text. */
const SKIPPED = new Set([
  'pPr', 'rPr', 'tblPr', 'trPr', 'tcPr', 'sectPr', 'del', 'moveFrom', 'delText', 'instrText', 'delInstrText',
  'Fallback', 'fldData', 'commentReference', 'footnoteReference', 'endnoteReference', 'annotationRef',
  'proofErr', 'bookmarkStart', 'bookmarkEnd', 'lastRenderedPageBreak', 'sdtPr', 'sdtEndPr', 'tblGrid',
]);

const dummy = (text: string): Run => ({ text, offs: new Array<number>(text.length).fill(0) });

function isHidden(rPr: XNode | undefined): boolean {
  const v = path(rPr, 'vanish');
  if (!v) return false;
  const val = attr(v, 'val');
  return val !== 'false' && val !== '0' && val !== 'off';
}

/** The text of a paragraph (lines separated by `\n`), and text boxes' paragraphs after it. */
function paragraphText(p: XNode, ctx: Context, depth: number, after: string[]): string {
  const pPr = child(p, 'pPr');
  const breakBefore = path(pPr, 'pageBreakBefore');
  const newPage = breakBefore !== undefined && !['false', '0', 'off'].includes(attr(breakBefore, 'val') ?? '');
  let out = (newPage ? PAGE_MARK : '') + ctx.numberer.label(pPr);
  const walk = (nodes: XNode[], d: number): void => {
    if (d > MAX_DEPTH) throw new AuditInputError('not a readable DOCX: word/document.xml nests elements too deeply', { uri: ctx.uri, code: 'CORRUPT_DOCX' });
    for (const n of nodes) {
      const tag = tagOf(n);
      if (SKIPPED.has(tag)) continue;
      switch (tag) {
        case '#text':
          break;
        case 't':
          out += textOf(n);
          break;
        case 'tab':
        case 'ptab':
          out += ' ';
          break;
        case 'br':
        case 'cr':
          out += '\n';
          if (tag === 'br' && attr(n, 'type') === 'page') out += PAGE_MARK;
          break;
        case 'noBreakHyphen':
          out += '-';
          break;
        case 'r':
          if (!isHidden(child(n, 'rPr'))) walk(childrenOf(n), d + 1);
          break;
        case 'txbxContent':
          for (const c of childrenOf(n)) {
            if (tagOf(c) === 'p') after.push(paragraphText(c, ctx, d + 1, after));
            else if (tagOf(c) === 'tbl') for (const line of tableLines(c, ctx, d + 1)) after.push(line);
          }
          break;
        case 'p':
          after.push(paragraphText(n, ctx, d + 1, after));
          break;
        default:
          walk(childrenOf(n), d + 1);
      }
    }
  };
  walk(childrenOf(p), depth + 1);
  return out;
}

/** Lines of the cell: its paragraphs, nested tables' rows joined. */
function cellLines(tc: XNode, ctx: Context, depth: number): Run[] {
  const lines: Run[] = [];
  const visit = (nodes: XNode[], d: number): void => {
    if (d > MAX_DEPTH) throw new AuditInputError('not a readable DOCX: word/document.xml nests elements too deeply', { uri: ctx.uri, code: 'CORRUPT_DOCX' });
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'p') {
        const after: string[] = [];
        lines.push(dummy(paragraphText(n, ctx, d, after)));
        for (const a of after) lines.push(dummy(a));
      } else if (tag === 'tbl') {
        for (const line of tableLines(n, ctx, d + 1)) if (line.length > 0) lines.push(dummy(line.replace(/\t+/g, ' ')));
      } else if (tag === 'sdt' || tag === 'sdtContent' || tag === 'customXml' || tag === 'ins' || tag === 'moveTo') {
        visit(childrenOf(n), d + 1);
      }
    }
  };
  visit(childrenOf(tc), depth + 1);
  return lines;
}

/** Children with the given tag, looking through content controls and custom XML wrappers. */
function unwrap(nodes: XNode[], tag: string, depth = 0): XNode[] {
  const out: XNode[] = [];
  for (const n of nodes) {
    const t = tagOf(n);
    if (t === tag) out.push(n);
    else if ((t === 'sdt' || t === 'sdtContent' || t === 'customXml') && depth < 16) out.push(...unwrap(childrenOf(n), tag, depth + 1));
  }
  return out;
}

function intVal(n: XNode | undefined, fallback: number): number {
  const v = n ? Number(attr(n, 'val')) : NaN;
  return Number.isFinite(v) && v >= 0 ? Math.min(Math.floor(v), 1000) : fallback;
}

/** A table's rows as tab-separated lines (spans resolved, see the module comment). */
function tableLines(tbl: XNode, ctx: Context, depth: number): string[] {
  if (depth > MAX_DEPTH) throw new AuditInputError('not a readable DOCX: word/document.xml nests elements too deeply', { uri: ctx.uri, code: 'CORRUPT_DOCX' });
  const rows: Array<{ slots: Slot[]; at: number }> = [];
  for (const tr of unwrap(childrenOf(tbl), 'tr')) {
    const slots: Slot[] = [];
    const before = intVal(path(tr, 'trPr', 'gridBefore'), 0);
    for (let k = 0; k < before; k++) slots.push({ run: null, at: 0 });
    for (const tc of unwrap(childrenOf(tr), 'tc')) {
      const tcPr = child(tc, 'tcPr');
      const span = Math.max(1, intVal(path(tcPr, 'gridSpan'), 1));
      const vMerge = path(tcPr, 'vMerge');
      const hMerge = path(tcPr, 'hMerge');
      const continued = (vMerge !== undefined && attr(vMerge, 'val') !== 'restart') || (hMerge !== undefined && attr(hMerge, 'val') !== 'restart');
      const run = continued ? null : joinCellLines(cellLines(tc, ctx, depth));
      slots.push({ run, at: 0 });
      for (let k = 1; k < span; k++) slots.push({ run: null, at: 0 });
    }
    rows.push({ slots, at: 0 });
  }
  return gridLines(rows.filter((r) => r.slots.length > 0), ctx.uri).map((l) => l.run.text);
}

/** The text of the document body: paragraphs, and tables with a blank line around them. */
export function bodyText(body: XNode[], ctx: Context): string {
  const lines: string[] = [];
  let lastBlank = true;
  // A page break's mark moves to the start of the next line that is kept (blank lines collapse).
  let pageMark = false;
  // Empty paragraphs (Word's spacing) collapse into one blank line.
  const line = (s: string, row = false): void => {
    for (let part of s.split('\n')) {
      if (part.includes(PAGE_MARK)) {
        pageMark = true;
        part = part.split(PAGE_MARK).join('');
      }
      const empty = !row && part.trim().length === 0;
      if (empty && lastBlank) continue;
      lines.push((pageMark ? PAGE_MARK : '') + (empty ? '' : part));
      pageMark = false;
      lastBlank = empty;
    }
  };
  const blank = (): void => {
    if (!lastBlank) lines.push('');
    lastBlank = true;
  };
  const visit = (nodes: XNode[], d: number): void => {
    if (d > MAX_DEPTH) throw new AuditInputError('not a readable DOCX: word/document.xml nests elements too deeply', { uri: ctx.uri, code: 'CORRUPT_DOCX' });
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'p') {
        const after: string[] = [];
        line(paragraphText(n, ctx, d, after));
        for (const a of after) line(a);
      } else if (tag === 'tbl') {
        blank();
        for (const row of tableLines(n, ctx, d)) line(row, true);
        blank();
      } else if (tag === 'sdt' || tag === 'sdtContent' || tag === 'customXml' || tag === 'ins' || tag === 'moveTo') {
        visit(childrenOf(n), d + 1);
      }
    }
  };
  visit(body, 0);
  // Trailing line breaks dropped with a loop: /\n+$/ rescans a run of them from every position in it.
  const text = lines.join('\n');
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x0a) end--;
  return text.slice(0, end) + '\n';
}
