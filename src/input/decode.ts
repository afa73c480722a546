/**
 * Decoding bytes to text without losing the report to a few bad bytes.
 *
 * Text in a known form (a byte-order mark, a declared charset that decodes cleanly, strict UTF-8) is
 * decoded as it says. Otherwise both candidate decodings are made — UTF-8 with U+FFFD for each bad
 * sequence, and GB18030 (which covers GBK and GB2312) — and the more plausible text wins: the one
 * whose non-ASCII characters are more often the common characters and punctuation of Chinese text
 * (GB2312's first level, 3,755 characters, and its punctuation rows), each replacement character
 * counting against it. A UTF-8 report with one damaged byte keeps every other character; a GBK report
 * read as UTF-8 would be mostly replacement characters and stays GBK. The replacement characters of
 * the chosen decoding are returned as damaged places, for the `encoding` rule to name.
 */

export interface Decoded {
  text: string;
  /** The charset used, lower-case: utf-8, gb18030, utf-16le, utf-16be or a declared label. */
  encoding: string;
  /** Ranges [start, end) of `text` holding replacement characters that decoding put there. */
  damaged: Array<[number, number]>;
}

const REPLACEMENT = 0xfffd;

let commonChars: Set<number> | null = null;

/** GB2312 punctuation (rows A1, A3) and first-level characters (rows B0–D7): built once, from the decoder itself. */
function common(): Set<number> {
  if (commonChars) return commonChars;
  const set = new Set<number>();
  const decoder = new TextDecoder('gb18030');
  const pair = new Uint8Array(2);
  for (const lead of [0xa1, 0xa3, ...range(0xb0, 0xd7)]) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) {
      pair[0] = lead;
      pair[1] = trail;
      const c = decoder.decode(pair).charCodeAt(0);
      if (c !== REPLACEMENT) set.add(c);
    }
  }
  return (commonChars = set);
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

/** Plausibility of a decoded text as Chinese prose: common share of the non-ASCII characters, replacements weighing five times against. */
export function plausibility(text: string): number {
  const set = common();
  let nonAscii = 0;
  let good = 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (c === REPLACEMENT) bad++;
    else if (set.has(c)) good++;
  }
  if (nonAscii === 0) return 1;
  return (good - 5 * bad) / nonAscii;
}

/** Ranges of replacement characters in a text (runs merged). */
export function replacementRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = text.indexOf('\uFFFD');
  while (i >= 0) {
    let j = i + 1;
    while (j < text.length && text.charCodeAt(j) === REPLACEMENT) j++;
    const last = out[out.length - 1];
    // Runs a few characters apart are one damaged place (a cut multi-byte character and its neighbour).
    if (last && i - last[1] <= 2) last[1] = j;
    else out.push([i, j]);
    i = text.indexOf('\uFFFD', j);
  }
  return out;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** A decoding in a charset given by a BOM or a declaration: damage is what the decoder replaced. */
function known(bytes: Uint8Array, label: string): Decoded {
  const text = new TextDecoder(label).decode(bytes);
  return { text, encoding: label, damaged: replacementRanges(text) };
}

/** The more plausible of lossy UTF-8 and GB18030. */
function guess(bytes: Uint8Array): Decoded {
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  const gb = new TextDecoder('gb18030').decode(bytes);
  const pick = plausibility(utf8) >= plausibility(gb) ? { text: utf8, encoding: 'utf-8' } : { text: gb, encoding: 'gb18030' };
  return { ...pick, damaged: replacementRanges(pick.text) };
}

/**
 * Decodes bytes: BOM first (UTF-8 / UTF-16), then a declared GB charset, then strict UTF-8, then the
 * more plausible of lossy UTF-8 and GB18030.
 */
export function decodeBytes(bytes: Uint8Array, declared?: string): Decoded {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return known(bytes.subarray(3), 'utf-8');
  if (startsWith(bytes, [0xff, 0xfe])) return known(bytes.subarray(2), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return known(bytes.subarray(2), 'utf-16be');
  if (declared && /^(gb2312|gbk|gb18030)$/i.test(declared)) {
    const gb = known(bytes, 'gb18030');
    if (gb.damaged.length === 0) return gb;
    const other = guess(bytes);
    return other.damaged.length < gb.damaged.length ? other : gb;
  }
  const text = strictUtf8(bytes);
  if (text !== null) return { text, encoding: 'utf-8', damaged: [] };
  return guess(bytes);
}

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
const GB_LABEL = /^(gb2312|gbk|gb18030|x-gbk|cp936|ms936|windows-936|csgb2312|chinese|iso-ir-58|euc-cn)$/;

/**
 * Decodes markup bytes (HTML, XML, Markdown): a byte-order mark, then the charset the document declares
 * in its first bytes (`<meta charset>`, `<meta http-equiv=Content-Type content="…; charset=…">`,
 * `<?xml … encoding="…"?>`), then as `decodeBytes`. A declared charset that is plainly wrong yields to
 * UTF-8 — CMS pages often keep a stale declaration: a multi-byte one (GBK, Big5…) when it decodes with
 * replacement characters while the bytes are valid UTF-8; a single-byte one (iso-8859-1,
 * windows-1252…) whenever the bytes are valid UTF-8. A UTF-16 declaration in ASCII-readable bytes is
 * ignored (as browsers do).
 */
export function decodeMarkupBytes(bytes: Uint8Array): Decoded {
  if (hasBom(bytes)) return decodeBytes(bytes);
  const declared = declaredCharset(bytes);
  if (declared && !isUtf8Label(declared)) {
    // GB2312 and GBK pages routinely use characters only GB18030 has; decode them all as GB18030.
    const label = GB_LABEL.test(declared) ? 'gb18030' : declared;
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
        if (utf8 !== null) return { text: utf8, encoding: 'utf-8', damaged: [] };
      }
      const text = decoder.decode(bytes);
      if (!text.includes('\uFFFD')) return { text, encoding: decoder.encoding, damaged: [] };
      const utf8 = strictUtf8(bytes);
      if (utf8 !== null) return { text: utf8, encoding: 'utf-8', damaged: [] };
      if (label === 'gb18030') return decodeBytes(bytes, 'gb18030');
      return { text, encoding: decoder.encoding, damaged: replacementRanges(text) };
    }
  }
  return decodeBytes(bytes);
}
