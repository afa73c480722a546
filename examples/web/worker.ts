/**
 * The page's Web Worker: reads the report (PDFium for PDF), audits it, and formats exports. The page
 * builds it from a Blob URL of this bundle (examples/web/build.ts embeds it in app.js), because Chromium
 * refuses `new Worker('file://…')` from a page opened as a file. PDFium's WebAssembly arrives as a
 * message (the page reads it from pdfium-wasm.js, a script that carries it in base64, since a file://
 * page may not fetch()).
 */
import { AuditInputError, createAuditor, type Auditor, describeError, getRules, toCsv, toHtml, toSarif } from '../../src/index';
import { toHtmlParts } from '../../src/format/html';
import { showValue, wordsFor } from '../../src/format/labels';
import { readPdf } from '../../src/pdf/index';
import type { AuditInput, AuditMeta, AuditResult, AuditSource, Locale, PdfTextInput } from '../../src/types';
import type { ExportFormat, FromWorker, Options, Source, ToWorker } from './protocol';

declare const __XXGK_VERSION__: string;

interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: { data: ToWorker }) => void) | null;
}
const scope = self as unknown as WorkerScope;
const scopeName = Object.prototype.toString.call(self);

let wasm: Uint8Array | undefined;
/** One auditor per language (its schemas and rules are compiled once). */
const auditors = new Map<Locale, Auditor>();
let last: AuditResult | undefined;

function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function isPdf(source: Source): boolean {
  if (source.kind !== 'file') return false;
  const b = source.bytes;
  return /\.pdf$/i.test(source.name) || (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46);
}

async function toInput(source: Source): Promise<AuditInput | PdfTextInput | string> {
  if (source.kind === 'text') return source.text;
  if (isPdf(source)) {
    if (!wasm) throw new Error('PDFium was not loaded');
    return readPdf(source.bytes, { uri: source.name, wasm });
  }
  return { content: source.bytes, uri: source.name };
}

/** The text the result's positions point into. */
function displayText(source: Source, input: AuditSource, result: AuditResult): string {
  if (typeof result.report.text === 'string') return result.report.text;
  if (typeof input === 'string') return input;
  if (typeof input.content === 'string') return input.content;
  const encoding = result.report.encoding ?? 'utf-8';
  try {
    return new TextDecoder(encoding).decode(input.content);
  } catch {
    return new TextDecoder('utf-8').decode(source.kind === 'file' ? source.bytes : new Uint8Array());
  }
}

async function runAudit(id: number, source: Source, previous: Source | undefined, options: Options): Promise<FromWorker> {
  const started = performance.now();
  const input = await toInput(source);
  const meta: AuditMeta = {};
  if (options.year) meta.year = options.year;
  if (options.issuerType) meta.issuerType = options.issuerType;
  if (options.publishedAt) meta.publishedAt = options.publishedAt;
  if (previous) meta.previous = await toInput(previous);
  const auditable: AuditSource = typeof input === 'string' ? { content: input, format: 'text', meta } : { ...input, meta: { ...input.meta, ...meta } };
  let auditor = auditors.get(options.locale);
  if (!auditor) auditors.set(options.locale, (auditor = createAuditor({ locale: options.locale })));
  const result = auditor.audit(auditable);
  last = result;
  const parts = toHtmlParts(result, { locale: options.locale, prefix: 'r1' });
  const w = wordsFor(options.locale);
  const separator = options.locale === 'en' ? '; ' : '；';
  const values = result.findings.map((f) => {
    const out: string[] = [];
    const expected = showValue(f.expected, options.locale);
    const actual = showValue(f.actual, options.locale);
    if (expected !== '') out.push(`${w.expected} ${expected}`);
    if (actual !== '') out.push(`${w.actual} ${actual}`);
    return out.join(separator);
  });
  return {
    type: 'result',
    id,
    scope: scopeName,
    ms: performance.now() - started,
    result,
    text: displayText(source, input, result),
    groups: parts.groups,
    tables: parts.tables,
    places: result.findings.map((f) => w.where(f.position.start)),
    values,
    words: { severity: w.severity, outcome: w.outcome, template: w.template, verdictPass: w.verdictPass, verdictFail: w.verdictFail },
  };
}

function exportResult(id: number, format: ExportFormat, locale: Locale): FromWorker {
  const results = last ? [last] : [];
  const base = (last?.report.uri ?? 'report').replace(/\.[^./\\]*$/, '').replace(/^.*[/\\]/, '') || 'report';
  switch (format) {
    case 'json':
      return { type: 'export', id, name: `${base}.audit.json`, mime: 'application/json', content: JSON.stringify(results, null, 2) };
    case 'sarif': {
      const log = toSarif(results, { rules: getRules(), toolVersion: __XXGK_VERSION__, locale });
      return { type: 'export', id, name: `${base}.sarif`, mime: 'application/sarif+json', content: JSON.stringify(log, null, 2) };
    }
    case 'csv':
      return { type: 'export', id, name: `${base}.audit.csv`, mime: 'text/csv;charset=utf-8', content: toCsv(results, { bom: true, locale }) };
    case 'html':
      return { type: 'export', id, name: `${base}.audit.html`, mime: 'text/html;charset=utf-8', content: toHtml(results, { locale }) };
  }
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'wasm') {
    wasm = fromBase64(message.base64);
    return;
  }
  if (message.type === 'export') {
    scope.postMessage(exportResult(message.id, message.format, message.locale));
    return;
  }
  runAudit(message.id, message.source, message.previous, message.options).then(
    (reply) => scope.postMessage(reply),
    (e: unknown) => {
      const code = e instanceof AuditInputError ? e.code : 'INTERNAL';
      const text = e instanceof AuditInputError ? describeError(e, message.options.locale) : e instanceof Error ? e.message : String(e);
      scope.postMessage({ type: 'error', id: message.id, scope: scopeName, code, message: text });
    },
  );
};
