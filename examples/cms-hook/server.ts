/**
 * A publish hook as a CMS would embed it: an HTTP handler (Node's `http`, no framework) that receives a
 * draft annual report, audits it, and answers
 *
 *   200 { publish: true,  score, findings, … }   the report may be published (warnings are listed)
 *   422 { publish: false, score, findings, … }   it must not be published: an error finding, or a score
 *                                                below `minScore`
 *   400 the body is not a report that can be audited (bad JSON, binary junk, an unsupported format)
 *   405 / 404 / 413 wrong method, wrong path, body too large
 *
 * The body is either the report itself (`Content-Type: text/plain` or `text/markdown`; the bytes are
 * decoded as UTF-8 or GB18030 by the library) or JSON `{ content, uri?, format?, meta? }`
 * (`Content-Type: application/json`). Responses are JSON in UTF-8; messages are Chinese unless the
 * request asks for English (`?locale=en` or `Accept-Language: en`).
 *
 *   npx tsx examples/cms-hook/server.ts            # listens on 127.0.0.1:8787 (PORT, HOST to change)
 *   curl -s --data-binary @examples/reports/jiaohu-town-2024.txt -H 'Content-Type: text/plain' \
 *        http://127.0.0.1:8787/audit
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import { AuditInputError, createAuditor, describeError, type AuditConfig, type AuditInput, type Auditor, type Locale, type PdfTextInput } from '../../src/index';
import { readPdf } from '../../src/pdf/index';

export interface PublishHookOptions {
  /** Configuration of the auditor (rules, plugins, weights); validated once, at start. */
  config?: AuditConfig;
  /** A report below this score must not be published (default: the library's, 60). Sets `config.minScore`: the hook
   *  answers with the library's one verdict, `result.passed`. */
  minScore?: number;
  /** Largest accepted body in bytes (default 20 MB). */
  maxBodyBytes?: number;
  /** The path the hook answers on (default /audit). */
  path?: string;
}

interface HookAnswer {
  publish: boolean;
  reason: string;
  score: number;
  passed: boolean;
  report: { uri?: string; title: string | null; issuer: string | null; year: number | null; template: string };
  counts: { error: number; warning: number; info: number };
  findings: Array<{
    ruleId: string;
    severity: string;
    message: string;
    line: number;
    column: number;
    section?: string;
    expected?: unknown;
    actual?: unknown;
  }>;
}

const WORDS = {
  'zh-CN': {
    ok: '可以发布',
    blockedErrors: (n: number) => `有 ${n} 个错误，请修改后再发布`,
    blockedScore: (score: number, min: number) => `得分 ${score} 低于发布要求的 ${min} 分`,
    badJson: '请求体不是有效的 JSON',
    notReport: '无法审核该内容',
    tooLarge: (max: number) => `请求体超过 ${max} 字节`,
    method: '只接受 POST',
    notFound: '没有这个地址',
    internal: '审核服务出错',
  },
  en: {
    ok: 'may be published',
    blockedErrors: (n: number) => `${n} errors must be fixed before publishing`,
    blockedScore: (score: number, min: number) => `score ${score} is below the required ${min}`,
    badJson: 'the request body is not valid JSON',
    notReport: 'the content cannot be audited',
    tooLarge: (max: number) => `the request body is over ${max} bytes`,
    method: 'only POST is accepted',
    notFound: 'no such path',
    internal: 'the audit service failed',
  },
} as const;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The AuditInputError code, for a CMS to branch on. */
    readonly code?: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(json) });
  res.end(json);
}

function localeOf(req: IncomingMessage, url: URL): Locale {
  const q = url.searchParams.get('locale');
  if (q === 'en' || q === 'zh-CN') return q;
  return /^en\b/i.test(req.headers['accept-language'] ?? '') ? 'en' : 'zh-CN';
}

function readBody(req: IncomingMessage, max: number, tooLarge: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > max) {
      reject(new HttpError(413, tooLarge));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        reject(new HttpError(413, tooLarge));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The body as an AuditInput: JSON `{ content, … }`, a PDF read by readPdf, or the report's bytes (text, HTML,
 *  Markdown, DOCX: the library sniffs them). */
async function toInput(req: IncomingMessage, body: Buffer, badJson: string): Promise<AuditInput | PdfTextInput> {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('application/json')) {
    try {
      return JSON.parse(body.toString('utf8')) as AuditInput;
    } catch {
      throw new HttpError(400, badJson);
    }
  }
  const bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (type.startsWith('application/pdf') || (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)) {
    return readPdf(bytes);
  }
  const format = type.startsWith('text/markdown') ? 'markdown' : type.startsWith('text/html') ? 'html' : undefined;
  const input: AuditInput = { content: bytes };
  if (format) input.format = format;
  return input;
}

/** The hook: one auditor per locale, created (and its configuration validated) once. */
export function createPublishHook(options: PublishHookOptions = {}): RequestListener {
  const config: AuditConfig = { ...options.config };
  if (options.minScore !== undefined) config.minScore = options.minScore;
  const maxBody = options.maxBodyBytes ?? 20 * 1024 * 1024;
  const path = options.path ?? '/audit';
  const auditors: Record<Locale, Auditor> = {
    'zh-CN': createAuditor({ ...config, locale: 'zh-CN' }),
    en: createAuditor({ ...config, locale: 'en' }),
  };

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://hook.local');
    const locale = localeOf(req, url);
    const w = WORDS[locale];
    const handle = async () => {
      if (url.pathname !== path) throw new HttpError(404, w.notFound);
      if (req.method !== 'POST') {
        res.setHeader('Allow', 'POST');
        throw new HttpError(405, w.method);
      }
      const body = await readBody(req, maxBody, w.tooLarge(maxBody));
      let result;
      try {
        result = auditors[locale].audit(await toInput(req, body, w.badJson));
      } catch (e) {
        if (e instanceof AuditInputError) throw new HttpError(400, `${w.notReport}: ${describeError(e, locale)}`, e.code);
        throw e;
      }
      const counts = { error: 0, warning: 0, info: 0 };
      for (const f of result.findings) counts[f.severity]++;
      // The library's one verdict: no error finding and a score of at least minScore.
      const publish = result.passed;
      const minScore = config.minScore ?? 60;
      const answer: HookAnswer = {
        publish,
        reason: publish ? w.ok : counts.error > 0 ? w.blockedErrors(counts.error) : w.blockedScore(result.score, minScore),
        score: result.score,
        passed: result.passed,
        report: {
          uri: result.report.uri,
          title: result.report.title,
          issuer: result.report.issuer,
          year: result.report.year,
          template: result.report.template,
        },
        counts,
        findings: result.findings.map((f) => ({
          ruleId: f.ruleId,
          severity: f.severity,
          message: f.message,
          line: f.position.start.line,
          column: f.position.start.column,
          section: f.section?.title,
          expected: f.expected,
          actual: f.actual,
        })),
      };
      send(res, publish ? 200 : 422, answer);
    };
    handle().catch((e: unknown) => {
      if (res.headersSent) return;
      if (e instanceof HttpError) send(res, e.status, e.code ? { error: e.message, code: e.code } : { error: e.message });
      else send(res, 500, { error: w.internal });
    });
  };
}

/** Starts the hook on `host:port` (port 0: any free port) and resolves once it listens. */
export function startPublishHook(port = 0, host = '127.0.0.1', options?: PublishHookOptions): Promise<Server> {
  const server = createServer(createPublishHook(options));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

// Run directly: `npx tsx examples/cms-hook/server.ts`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT ?? 8787);
  const host = process.env.HOST ?? '127.0.0.1';
  startPublishHook(port, host).then((server) => {
    const address = server.address();
    const where = typeof address === 'object' && address ? `${address.address}:${address.port}` : String(address);
    console.log(`xxgk-audit publish hook: POST http://${where}/audit`);
  });
}
