/**
 * input/: validate the caller's input, sniff its format and decode bytes to text.
 */
import type { AuditInput, AuditMeta, ReportFormat } from '../types';
import { AuditInputError } from '../errors';
import { decodeBytes, decodeMarkupBytes } from './decode';
import type { FormatTable } from './formats';

export { decodeBytes, decodeMarkupBytes, type Decoded } from './decode';

export interface PreparedInput {
  format: ReportFormat;
  /** The content as given (bytes are decoded by the extractor of the format). */
  content: string | Uint8Array;
  uri?: string;
  meta: AuditMeta;
  /** For text given as bytes: the charset it was decoded from and the places decoding replaced. */
  decoding?: { encoding: string; damaged: Array<[number, number]> };
  /** Offsets of `content` (a string) where its pages begin (AuditInput.pageStarts, checked). */
  pageStarts?: number[];
}

export const DEFAULT_MAX_INPUT_SIZE = 20 * 1024 * 1024;

/** Normalises `string | AuditInput` and checks its shape; never trusts the caller. */
export function toAuditInput(input: unknown, formats: FormatTable): AuditInput {
  if (typeof input === 'string') return { content: input };
  if (input instanceof Uint8Array) return { content: input };
  if (input === null || typeof input !== 'object') {
    throw new AuditInputError(
      `expected a string or an AuditInput object { content, format?, uri?, meta? }, got ${describe(input)}`,
      { code: 'BAD_INPUT' },
    );
  }
  const obj = input as Record<string, unknown>;
  const uri = typeof obj.uri === 'string' ? obj.uri : undefined;
  if (typeof obj.content !== 'string' && !(obj.content instanceof Uint8Array)) {
    throw new AuditInputError(`input.content must be a string or a Uint8Array, got ${describe(obj.content)}`, { uri, code: 'BAD_INPUT' });
  }
  if (obj.format !== undefined && (typeof obj.format !== 'string' || !formats.named(obj.format))) {
    throw new AuditInputError(
      `input.format must be one of ${formats.all.map((f) => f.name).join(', ')}; got ${describe(obj.format)}`,
      { uri, code: 'BAD_INPUT' },
    );
  }
  if (obj.uri !== undefined && typeof obj.uri !== 'string') {
    throw new AuditInputError(`input.uri must be a string, got ${describe(obj.uri)}`, { code: 'BAD_INPUT' });
  }
  if (obj.meta !== undefined && (obj.meta === null || typeof obj.meta !== 'object')) {
    throw new AuditInputError(`input.meta must be an object, got ${describe(obj.meta)}`, { uri, code: 'BAD_INPUT' });
  }
  if (obj.meta !== undefined) checkMeta(obj.meta as Record<string, unknown>, uri);
  if (obj.pageStarts !== undefined) checkPageStarts(obj.pageStarts, obj.content, uri);
  return obj as unknown as AuditInput;
}

const ISSUER_TYPES = new Set(['government', 'department', 'other']);

function checkMeta(meta: Record<string, unknown>, uri: string | undefined): void {
  const bad = (field: string, want: string, got: unknown) => {
    throw new AuditInputError(`input.meta.${field} must be ${want}, got ${describe(got)}`, { uri, code: 'BAD_INPUT' });
  };
  if (meta.year !== undefined && (!Number.isInteger(meta.year) || (meta.year as number) < 2000 || (meta.year as number) > 2100))
    bad('year', 'an integer year between 2000 and 2100', meta.year);
  if (meta.publishedAt !== undefined && (typeof meta.publishedAt !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(meta.publishedAt)))
    bad('publishedAt', 'an ISO date (YYYY-MM-DD)', meta.publishedAt);
  if (meta.issuerType !== undefined && !ISSUER_TYPES.has(meta.issuerType as string))
    bad('issuerType', 'government, department or other', meta.issuerType);
  if (meta.issuer !== undefined && typeof meta.issuer !== 'string') bad('issuer', 'a string', meta.issuer);
  if (meta.previous !== undefined && typeof meta.previous !== 'string' && (meta.previous === null || typeof meta.previous !== 'object'))
    bad('previous', 'a string or an AuditInput', meta.previous);
}

function checkPageStarts(starts: unknown, content: unknown, uri: string | undefined): void {
  const length = typeof content === 'string' ? content.length : -1;
  const ok =
    Array.isArray(starts) &&
    length >= 0 &&
    starts.every((o, i) => Number.isInteger(o) && o >= 0 && o <= length && (i === 0 ? o === 0 : o >= (starts[i - 1] as number)));
  if (!ok) {
    throw new AuditInputError(
      `input.pageStarts must be offsets into a string content, the first 0, never decreasing; got ${describe(starts)}`,
      { uri },
    );
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Uint8Array) return 'a Uint8Array';
  if (typeof value === 'string') return JSON.stringify(value.length > 20 ? value.slice(0, 20) + '…' : value);
  return typeof value;
}

/** Sniffs the format: explicit `format`, then the `uri` extension, then the content (the list is extract/formats.ts). */
export function sniffFormat(input: AuditInput, formats: FormatTable): ReportFormat {
  if (input.format) return input.format;
  const ext = input.uri?.toLowerCase().match(/\.([a-z]{2,8})$/)?.[1];
  const named = ext ? formats.ofExtension(ext) : undefined;
  if (named) return named.name;
  const content = input.content;
  if (content instanceof Uint8Array) {
    const magic = formats.ofBytes(content);
    if (magic) return magic.name;
    return sniffText(decodeText(content.subarray(0, 4096)), formats);
  }
  return sniffText(content.slice(0, 4096), formats);
}

function sniffText(head: string, formats: FormatTable): ReportFormat {
  return formats.ofText(head.replace(/^\uFEFF/, '').trimStart())?.name ?? 'text';
}

/**
 * Decodes bytes to text: BOM first (UTF-8 / UTF-16), then strict UTF-8, then the more plausible of
 * lossy UTF-8 and GB18030 (covers GBK and GB2312); see decode.ts.
 */
export function decodeText(bytes: Uint8Array, declared?: string): string {
  return decodeBytes(bytes, declared).text;
}

/** Validates the input, checks its size and sniffs its format. */
export function prepareInput(raw: unknown, formats: FormatTable, maxSize = DEFAULT_MAX_INPUT_SIZE): PreparedInput {
  const input = toAuditInput(raw, formats);
  const uri = input.uri;
  const size = typeof input.content === 'string' ? input.content.length : input.content.byteLength;
  if (size > maxSize) {
    throw new AuditInputError(`input is ${size} units long, over the limit of ${maxSize} (config.maxInputSize)`, {
      uri,
      code: 'INPUT_TOO_LARGE',
      params: { size, limit: maxSize },
    });
  }
  const format = sniffFormat(input, formats);
  const prepared: PreparedInput = { format, content: input.content, uri, meta: { ...(input.meta ?? {}) } };
  if (input.pageStarts !== undefined) prepared.pageStarts = input.pageStarts;
  const decode = formats.named(format)?.decode;
  if (input.content instanceof Uint8Array && decode) {
    // Decoded here, once, so that the charset and any damaged places reach the result.
    const decoded = decode === 'text' ? decodeBytes(input.content) : decodeMarkupBytes(input.content);
    prepared.content = decoded.text;
    prepared.decoding = { encoding: decoded.encoding, damaged: decoded.damaged };
  }
  return prepared;
}
