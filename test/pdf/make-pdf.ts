/**
 * Writes small PDFs for the tests: pages of hand-written content streams, two fonts — F1 Helvetica
 * (ASCII) and F2 STSong-Light through the predefined CMap UniGB-UCS2-H (Chinese, not embedded, as
 * many government PDFs do; PDFium has the CMap built in) — and a correct xref table.
 */

export interface PageSpec {
  /** The content stream (PDF operators). */
  content: string;
  width?: number;
  height?: number;
  /** The page's /Rotate (degrees clockwise). */
  rotate?: number;
}

/** A Chinese string as the hex string of its UCS-2 codes, for `<…> Tj` with font F2. */
export const cjk = (text: string): string =>
  '<' + [...text].map((ch) => ch.codePointAt(0)!.toString(16).padStart(4, '0').toUpperCase()).join('') + '>';

/** Shows `text` at (x, y) (PDF space, y up) in F2 (Chinese) or F1 (ASCII) at `size`. */
export function show(text: string, x: number, y: number, size = 12): string {
  const ascii = /^[\x20-\x7e]*$/.test(text);
  const operand = ascii ? `(${text.replace(/[()\\]/g, (c) => '\\' + c)})` : cjk(text);
  return `BT /${ascii ? 'F1' : 'F2'} ${size} Tf ${x} ${y} Td ${operand} Tj ET\n`;
}

/** A stroked line. */
export const line = (x0: number, y0: number, x1: number, y1: number): string => `${x0} ${y0} m ${x1} ${y1} l S\n`;

export function buildPdf(pages: PageSpec[]): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add('');
  const pagesObj = add('');
  const helvetica = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const descriptor = add(
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  );
  const cidFont = add(
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor ${descriptor} 0 R /DW 1000 >>`,
  );
  const song = add(`<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [${cidFont} 0 R] >>`);
  const kids: number[] = [];
  for (const page of pages) {
    const stream = add(`<< /Length ${page.content.length} >>\nstream\n${page.content}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${page.width ?? 595} ${page.height ?? 842}]${page.rotate ? ` /Rotate ${page.rotate}` : ''} /Contents ${stream} 0 R /Resources << /Font << /F1 ${helvetica} 0 R /F2 ${song} 0 R >> >> >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // Everything above is ASCII, so string length = byte length.
  return new TextEncoder().encode(out);
}
