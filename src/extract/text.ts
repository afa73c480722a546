/**
 * The plain-text extractor: the text is the source, line for line (bytes decoded per input/decode.ts).
 * Paragraphs and tables are recognised later, on the normalised lines (structure/blocks.ts).
 */
import { decodeBytes } from '../input/decode';
import type { Extracted } from './types';

export function extractText(content: string | Uint8Array): Extracted {
  const source = typeof content === 'string' ? content : decodeBytes(content).text;
  return { source, text: source, format: 'text' };
}
