/**
 * What input/ needs to know of a format to sniff and decode it. The formats themselves are listed
 * once, in extract/formats.ts (each with its extractor); the engine hands that list to input/.
 */
import type { Locale, ReportFormat } from '../types';

export interface FormatInfo {
  readonly name: ReportFormat;
  /** The format's name in messages, per locale. */
  readonly label: Readonly<Record<Locale, string>>;
  /** File extensions (lower case, no dot) that name it: searched for in folders, listed in the command's help. */
  readonly extensions: readonly string[];
  /** Further extensions that name it in a `uri`, not searched for in folders. */
  readonly aliases?: readonly string[];
  /** The first bytes of content given as bytes that identify it. */
  readonly magic?: readonly number[];
  /**
   * Recognises it from the first 4096 characters of text content (BOM and leading white space
   * removed). The predicates exclude each other: the first that matches, in the order of the list, wins.
   */
  readonly sniff?: (head: string) => boolean;
  /** Content given as bytes is decoded to text by input/ first: 'text' by charset sniffing, 'markup' a declared charset first (input/decode.ts). */
  readonly decode?: 'text' | 'markup';
  /** Its content is text: content that is mostly control or undecodable characters is refused (BINARY) before the extractor runs. */
  readonly text?: boolean;
  /**
   * The caller's file is not text: positions point into the extracted text, which the result carries
   * (`report.text`), and SARIF gives lines and columns but no char offsets.
   */
  readonly binary?: boolean;
  /** audit() does not read it from bytes: the named entry reads it first (so it is a ReportFormat, not an InputFormat). */
  readonly readFirstWith?: string;
}

/** Lookups over a list of formats. */
export interface FormatTable<F extends FormatInfo = FormatInfo> {
  readonly all: readonly F[];
  /** The format of that name, if there is one. */
  named(name: string): F | undefined;
  /** The format a file extension (lower case, no dot) names, if any. */
  ofExtension(extension: string): F | undefined;
  /** The format whose magic number the bytes start with, if any. */
  ofBytes(bytes: Uint8Array): F | undefined;
  /** The format the beginning of a text reads as, if any (plain text otherwise). */
  ofText(head: string): F | undefined;
}

export function formatTable<F extends FormatInfo>(all: readonly F[]): FormatTable<F> {
  const byName = new Map<string, F>(all.map((f) => [f.name, f]));
  const byExtension = new Map<string, F>(all.flatMap((f) => [...f.extensions, ...(f.aliases ?? [])].map((e) => [e, f] as const)));
  return {
    all,
    named: (name) => byName.get(name),
    ofExtension: (extension) => byExtension.get(extension),
    ofBytes: (bytes) => all.find((f) => f.magic?.every((b, i) => bytes[i] === b)),
    ofText: (head) => all.find((f) => f.sniff?.(head)),
  };
}
