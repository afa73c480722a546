/**
 * The input formats: one entry each, the only list of them. Input sniffing (input/index.ts), the
 * extraction (index.ts), the result's `report.text`, SARIF's char offsets, the command's help and the
 * extensions it searches folders for, and the messages naming the formats all read it.
 *
 * Adding a format: its extractor in a file of its own (text.ts is the smallest to copy), one entry
 * here, and the name in the `ReportFormat` union of types.ts (and `InputFormat` when audit() reads it
 * synchronously) and in the two schemas' enums — the compiler and test/extract/formats-registry.test.ts
 * fail until those agree with this list.
 */
import type { InputFormat, Locale, ReportFormat } from '../types';
import type { Extractor } from './types';
import { formatTable, type FormatInfo } from '../input/formats';
import { extractText } from './text';
import { extractMarkdown } from './markdown';
import { extractHtml, extractXml } from './html';
import { extractDocx } from './docx/index';
import { extractPdfText } from './pdf';

export interface FormatSpec extends FormatInfo {
  readonly extract: Extractor;
}

const same = (name: string): Record<Locale, string> => ({ 'zh-CN': name, en: name });

const XML_DECLARATION = /^<\?xml[\s]/i;
const HTML_ELEMENT = /<html[\s>]/i;

/** The formats, in the order the command's help lists them. */
export const FORMATS = [
  { name: 'text', label: { 'zh-CN': '文本', en: 'text' }, extensions: ['txt'], aliases: ['text'], decode: 'text', text: true, extract: extractText },
  {
    name: 'markdown',
    label: same('Markdown'),
    extensions: ['md'],
    aliases: ['markdown'],
    // Not when it reads as markup: an HTML page may hold a line starting with "# ".
    sniff: (head) => !isMarkup(head) && (/^#{1,6} /m.test(head) || /^\|.*\|\s*\n\|[-:| ]+\|/m.test(head)),
    decode: 'markup',
    text: true,
    extract: extractMarkdown,
  },
  { name: 'html', label: same('HTML'), extensions: ['html', 'htm'], aliases: ['xhtml'], sniff: isHtml, decode: 'markup', text: true, extract: extractHtml },
  {
    name: 'xml',
    label: same('XML'),
    extensions: ['xml'],
    sniff: (head) => XML_DECLARATION.test(head) && !HTML_ELEMENT.test(head),
    decode: 'markup',
    text: true,
    extract: extractXml,
  },
  { name: 'docx', label: same('DOCX'), extensions: ['docx'], magic: [0x50, 0x4b, 0x03, 0x04], binary: true, extract: extractDocx },
  {
    name: 'pdf',
    label: same('PDF'),
    extensions: ['pdf'],
    magic: [0x25, 0x50, 0x44, 0x46],
    text: true,
    binary: true,
    readFirstWith: 'xxgk-audit/pdf',
    extract: extractPdfText,
  },
] as const satisfies readonly FormatSpec[];

function isHtml(head: string): boolean {
  // An XML declaration is HTML only around an <html> element.
  if (XML_DECLARATION.test(head)) return HTML_ELEMENT.test(head);
  if (/^<!doctype html|^<html[\s>]/i.test(head)) return true;
  return /<(?:p|div|table|body|h[1-6])[\s>]/i.test(head) && /<\/(?:p|div|table|td|body|h[1-6])>/i.test(head);
}

function isMarkup(head: string): boolean {
  return isHtml(head) || XML_DECLARATION.test(head);
}

// The list and the public unions name the same formats (a compile error otherwise).
type Registered = (typeof FORMATS)[number];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const reportFormatsAgree: Same<Registered['name'], ReportFormat> = true;
const inputFormatsAgree: Same<Exclude<Registered, { readFirstWith: string }>['name'], InputFormat> = true;
void reportFormatsAgree;
void inputFormatsAgree;

/** Lookups over FORMATS (input/ sniffs and decodes with it; the engine hands it over). */
export const FORMAT_TABLE = formatTable<FormatSpec>(FORMATS);

/** The format of that name, if there is one. */
export const formatNamed = FORMAT_TABLE.named;
/** The format a file extension (lower case, no dot) names, if any. */
export const formatOfExtension = FORMAT_TABLE.ofExtension;
/** The format whose magic number the bytes start with, if any. */
export const formatOfBytes = FORMAT_TABLE.ofBytes;

/** Whether the caller's file is not text, so positions point into the extracted text (see FormatSpec.binary). */
export function isBinaryFormat(name: string): boolean {
  return formatNamed(name)?.binary === true;
}

/** The extensions searched for in folders, with their dot: `.txt`, `.md`… */
export const SEARCHED_EXTENSIONS: readonly string[] = FORMATS.flatMap((f) => f.extensions.map((e) => `.${e}`));

/** Names as a list in a sentence of that locale: 「文本、HTML 或 PDF」, "text, HTML or PDF". */
export function listOfFormats(names: readonly string[], locale: Locale): string {
  if (names.length <= 1) return names.join('');
  const head = names.slice(0, -1).join(locale === 'zh-CN' ? '、' : ', ');
  return `${head}${locale === 'zh-CN' ? ' 或 ' : ' or '}${names[names.length - 1]}`;
}
