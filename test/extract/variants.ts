/**
 * Builds the same report as text, Markdown, HTML (rowspan/colspan) and DOCX (gridSpan/vMerge) from one
 * plain-text source laid out like seed 002 (paragraph lines; tables as tab rows, a spanned cell's text
 * in its first slot and the slots it covers empty).
 */
import { strToU8, zipSync } from 'fflate';

export interface Paragraph {
  kind: 'p';
  text: string;
}
export interface Grid {
  kind: 'table';
  rows: string[][];
}
export type Block = Paragraph | Grid;

/** Paragraph lines and tab-row tables (rows padded to the table's width). */
export function parseSource(text: string): Block[] {
  const blocks: Block[] = [];
  let table: string[][] | null = null;
  for (const line of text.split('\n')) {
    if (line.includes('\t')) {
      if (!table) {
        table = [];
        blocks.push({ kind: 'table', rows: table });
      }
      table.push(line.split('\t').map((c) => c.trim()));
      continue;
    }
    table = null;
    if (line.trim().length > 0) blocks.push({ kind: 'p', text: line.trim() });
  }
  for (const b of blocks) {
    if (b.kind !== 'table') continue;
    const width = Math.max(...b.rows.map((r) => r.length));
    for (const r of b.rows) while (r.length < width) r.push('');
  }
  return blocks;
}

/** A cell of the merged layout: where it starts and how far it spans. */
export interface Merged {
  row: number;
  col: number;
  text: string;
  colspan: number;
  rowspan: number;
}

/**
 * Infers merges the way a report's author would have drawn them: a filled cell followed by empty
 * slots spans them (colspan); a filled cell in the two label columns with empty slots below it spans
 * down (rowspan). Extracting the merged table with "text in the first slot, covered slots empty"
 * gives back the original rows.
 */
export function mergeGrid(rows: string[][]): { cells: Merged[]; owner: Array<Array<Merged | null>> } {
  const height = rows.length;
  const width = rows[0]!.length;
  const owner: Array<Array<Merged | null>> = rows.map((r) => r.map(() => null));
  const cells: Merged[] = [];
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      if (owner[r]![c]) continue;
      const text = rows[r]![c]!;
      let colspan = 1;
      if (text !== '') while (c + colspan < width && rows[r]![c + colspan] === '' && !owner[r]![c + colspan]) colspan++;
      let rowspan = 1;
      const emptyBelow = (rr: number): boolean => {
        for (let k = c; k < c + colspan; k++) if (rows[rr]![k] !== '' || owner[rr]![k]) return false;
        return true;
      };
      if (text !== '' && c < 2) while (r + rowspan < height && emptyBelow(r + rowspan)) rowspan++;
      const cell: Merged = { row: r, col: c, text, colspan, rowspan };
      cells.push(cell);
      for (let dr = 0; dr < rowspan; dr++) for (let dc = 0; dc < colspan; dc++) owner[r + dr]![c + dc] = cell;
    }
  }
  return { cells, owner };
}

export function toText(blocks: Block[]): string {
  return blocks.map((b) => (b.kind === 'p' ? b.text + '\n' : b.rows.map((r) => r.join('\t')).join('\n') + '\n')).join('\n');
}

function mdEscape(s: string): string {
  return s.replace(/[\\*_`[\]<>]/g, (c) => '\\' + c);
}

export function toMarkdown(blocks: Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'p') {
      const t = mdEscape(b.text);
      // Numbered section titles become headings; the title line a level-1 heading.
      if (/^[一二三四五六七八九十]+、/.test(b.text)) out.push('## ' + t);
      else if (out.length === 0) out.push('# ' + t);
      else out.push(t.replace(/^#/, '\\#'));
    } else {
      const cell = (s: string): string => mdEscape(s).replace(/\|/g, '\\|');
      const [head, ...rest] = b.rows;
      out.push(
        ['| ' + head!.map(cell).join(' | ') + ' |', '|' + head!.map(() => '---').join('|') + '|', ...rest.map((r) => '| ' + r.map(cell).join(' | ') + ' |')].join('\n'),
      );
    }
    out.push('');
  }
  return out.join('\n');
}

function htmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text with some characters written as references, as CMS editors emit them. */
function htmlText(s: string): string {
  return htmlEscape(s).replace(/、/g, '&#x3001;').replace(/ /g, '&nbsp;').replace(/“/g, '&ldquo;').replace(/”/g, '&rdquo;');
}

/** A CMS-style page: chrome in head, unclosed <p>, entities, unquoted attributes, rowspan/colspan. */
export function toHtml(blocks: Block[]): string {
  const out: string[] = [
    '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>年度报告</title>',
    '<style>td { border: 1px solid #000 } p > b { color: red }</style>',
    '<script>var s = "<p>not text</p>"; if (a < b && c > d) {}</script></head><body>',
    '<!-- 正文开始 <p>hidden</p> -->',
  ];
  let first = true;
  for (const b of blocks) {
    if (b.kind === 'p') {
      out.push(first ? `<h1 class=title>${htmlText(b.text)}</h1>` : `<p class=MsoNormal><span style="font-family:宋体">${htmlText(b.text)}</span>`);
      first = false;
      continue;
    }
    const { cells } = mergeGrid(b.rows);
    out.push('<table border=1 cellspacing=0><tbody>');
    for (let r = 0; r < b.rows.length; r++) {
      const tds = cells
        .filter((c) => c.row === r)
        .map((c) => `<td${c.colspan > 1 ? ` colspan=${c.colspan}` : ''}${c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}><p>${htmlText(c.text) || '&nbsp;'}</p></td>`);
      out.push(`<tr>${tds.join('')}`); // rows left unclosed, as in sloppy CMS markup
    }
    out.push('</tbody></table>');
  }
  out.push('</body></html>\n');
  return out.join('\n');
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function wParagraph(text: string): string {
  if (text === '') return '<w:p/>';
  // Two runs, as Word splits text at formatting changes.
  const cut = Math.ceil(text.length / 2);
  const run = (t: string) => (t ? `<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">${xmlEscape(t)}</w:t></w:r>` : '');
  return `<w:p><w:pPr><w:jc w:val="both"/></w:pPr>${run(text.slice(0, cut))}${run(text.slice(cut))}</w:p>`;
}

export function documentXml(blocks: Block[]): string {
  const body: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'p') {
      body.push(wParagraph(b.text));
      continue;
    }
    const { owner } = mergeGrid(b.rows);
    const width = b.rows[0]!.length;
    const rows: string[] = [];
    for (let r = 0; r < b.rows.length; r++) {
      const tcs: string[] = [];
      for (let c = 0; c < width; c++) {
        const cell = owner[r]![c]!;
        if (cell.col !== c) continue; // covered by a horizontal span
        const props: string[] = [];
        if (cell.colspan > 1) props.push(`<w:gridSpan w:val="${cell.colspan}"/>`);
        if (cell.rowspan > 1) props.push(cell.row === r ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>');
        const content = cell.row === r ? wParagraph(cell.text) : '<w:p/>';
        tcs.push(`<w:tc><w:tcPr><w:tcW w:w="800" w:type="dxa"/>${props.join('')}</w:tcPr>${content}</w:tc>`);
      }
      rows.push(`<w:tr>${tcs.join('')}</w:tr>`);
    }
    const grid = `<w:tblGrid>${'<w:gridCol w:w="800"/>'.repeat(width)}</w:tblGrid>`;
    body.push(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${grid}${rows.join('')}</w:tbl>`);
  }
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
    body.join('') +
    '<w:sectPr/></w:body></w:document>'
  );
}

/** A minimal DOCX package around a document.xml (and extra parts if given). */
export function docxPackage(document: string, extra: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(document),
  };
  for (const [name, text] of Object.entries(extra)) files[name] = strToU8(text);
  return zipSync(files, { level: 6 });
}

export function toDocx(blocks: Block[]): Uint8Array {
  return docxPackage(documentXml(blocks));
}
