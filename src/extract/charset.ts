/**
 * Charset of markup given as bytes (HTML, XML, Markdown): a byte-order mark first, then the charset
 * the document declares in its first bytes (`<meta charset>`, `<meta http-equiv=Content-Type
 * content="…; charset=…">`, `<?xml … encoding="…"?>`), then strict UTF-8, then GB18030 (which covers
 * GBK and GB2312). A declared charset that is plainly wrong yields to UTF-8 — CMS pages often keep a
 * stale declaration: a multi-byte one (GBK, Big5…) when it decodes with replacement characters while
 * the bytes are valid UTF-8; a single-byte one (iso-8859-1, windows-1252…) whenever the bytes are
 * valid UTF-8. A UTF-16 declaration in ASCII-readable bytes is ignored (as browsers do).
 */
import { decodeText } from '../input/index';

/** How far into the bytes a declaration is looked for (the HTML spec prescans 1024 bytes). */
const PRESCAN = 4096;

const META_CHARSET = /<meta\b[^>]{0,512}?\bcharset\s*=\s*(?:["']\s*)?([A-Za-z0-9_.:-]{1,40})/i;
const XML_ENCODING = /^\s*<\?xml\b[^>]{0,200}?\bencoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})["']/i;

/** The charset declared in the first bytes of a markup document, lower-cased; undefined when none. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  // latin1 maps every byte to one character, so ASCII declarations read the same in any charset that
  // matters here (UTF-8, GBK/GB18030, Big5 are ASCII-compatible).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN));
  const m = XML_ENCODING.exec(head) ?? META_CHARSET.exec(head);
  return m ? m[1]!.toLowerCase() : undefined;
}

function hasBom(bytes: Uint8Array): boolean {
  return (
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff)
  );
}

/** UTF-8 labels, and UTF-16 ones: a UTF-16 declaration readable as ASCII is wrong (HTML treats it as UTF-8). */
function isUtf8Label(label: string): boolean {
  return label === 'utf-8' || label === 'utf8' || label === 'unicode-1-1-utf-8' || label.startsWith('utf-16') || label === 'unicode';
}

const SINGLE_BYTE = /^(iso-?8859|iso_8859|latin|l[1-9]$|windows-125|cp125|x-cp125|us-ascii|ascii|ansi_x3|koi8|macintosh|x-mac|ibm|cp8)/;

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Decodes markup bytes: BOM, declared charset, strict UTF-8, GB18030 (see the module comment). */
export function decodeMarkup(bytes: Uint8Array): string {
  if (hasBom(bytes)) return decodeText(bytes);
  const declared = declaredCharset(bytes);
  if (declared && !isUtf8Label(declared)) {
    // GB2312 and GBK pages routinely use characters only GB18030 has; decode them all as GB18030.
    const label = /^(gb2312|gbk|gb18030|x-gbk|cp936|ms936|windows-936|csgb2312|chinese|iso-ir-58|euc-cn)$/.test(declared)
      ? 'gb18030'
      : declared;
    let decoder: TextDecoder | null = null;
    try {
      decoder = new TextDecoder(label);
    } catch {
      decoder = null; // an unknown label: fall back to sniffing
    }
    if (decoder) {
      // A single-byte declaration never fails to decode, so it cannot reveal itself as wrong: bytes that
      // are valid UTF-8 are read as UTF-8 (a Chinese report under a stale iso-8859-1/windows-1252 label).
      if (SINGLE_BYTE.test(label)) {
        const utf8 = strictUtf8(bytes);
        if (utf8 !== null) return utf8;
      }
      const text = decoder.decode(bytes);
      if (!text.includes('\uFFFD')) return text;
      return strictUtf8(bytes) ?? text;
    }
  }
  return decodeText(bytes);
}
