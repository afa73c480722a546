/**
 * Charset of markup given as bytes (HTML, XML, Markdown): decoded by input/decode.ts, which also
 * records the charset used and every damaged place. Kept here for the extractors that decode bytes
 * handed to them directly.
 */
import { decodeMarkupBytes } from '../input/decode';

export { declaredCharset } from '../input/decode';

/** Decodes markup bytes: BOM, declared charset, strict UTF-8, then the more plausible of UTF-8 and GB18030. */
export function decodeMarkup(bytes: Uint8Array): string {
  return decodeMarkupBytes(bytes).text;
}
