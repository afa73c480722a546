/**
 * A publish hook as a CMS would embed it: Node's `http` (no framework) around the library's
 * `createPublishHook`, which does the work — reads the body (text, HTML, Markdown, DOCX, PDF or JSON
 * `{ content, uri?, format?, meta? }`), audits it, and answers with the one verdict, the score and
 * the findings:
 *
 *   200 { publish: true,  passed: true,  score, findings, … }   the report may be published
 *   422 { publish: false, passed: false, reason, score, findings, … }   an error finding, or a score below minScore
 *   400 { error, code }   not a report that can be audited (BAD_JSON, BINARY, NOT_A_REPORT, CORRUPT_DOCX, …)
 *   413 { error, code }   body too large (BODY_TOO_LARGE)
 *   404 / 405             wrong path, not POST (this file's part: the routing)
 *
 * Messages are Chinese unless the request asks for English (`?locale=en` or `Accept-Language: en`).
 * This file imports only the package, by its name: copy it into your CMS as it is.
 *
 *   npx tsx examples/cms-hook/server.ts            # listens on 127.0.0.1:8787 (PORT, HOST to change)
 *   curl -s --data-binary @report.pdf -H 'Content-Type: application/pdf' http://127.0.0.1:8787/audit
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import { createPublishHook, type Locale, type PublishHookOptions } from 'xxgk-audit';
import { readPdf } from 'xxgk-audit/pdf';

export interface PublishServerOptions extends Omit<PublishHookOptions, 'readPdf'> {
  /** The path the hook answers on (default /audit). */
  path?: string;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(json) });
  res.end(json);
}

/** The body, or null once it passes `max` bytes (the rest is drained without being kept). */
function readBody(req: IncomingMessage, max: number): Promise<Uint8Array | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > max) {
      req.resume();
      resolve(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.removeAllListeners('data');
        req.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

/** The HTTP handler: routing and body reading here, everything else in the library's hook. */
export function createPublishHandler(options: PublishServerOptions = {}): RequestListener {
  const { path = '/audit', ...hookOptions } = options;
  const hook = createPublishHook({ ...hookOptions, readPdf });
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://hook.local');
    const q = url.searchParams.get('locale');
    const request = { headers: req.headers, locale: q === 'en' || q === 'zh-CN' ? (q as Locale) : undefined };
    const en = request.locale === 'en' || (!request.locale && /^\s*en\b/i.test(req.headers['accept-language'] ?? ''));
    if (url.pathname !== path) return send(res, 404, { error: en ? 'no such path' : '没有这个地址', code: 'NOT_FOUND' });
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return send(res, 405, { error: en ? 'only POST is accepted' : '只接受 POST', code: 'METHOD_NOT_ALLOWED' });
    }
    readBody(req, hook.maxBodyBytes)
      .then(async (body) => {
        if (body === null) res.setHeader('Connection', 'close');
        const { status, json } = body === null ? hook.tooLarge(request) : await hook({ ...request, body });
        send(res, status, json);
      })
      .catch(() => {
        if (!res.headersSent) send(res, 500, { error: en ? 'the audit service failed' : '审核服务出错', code: 'INTERNAL' });
      });
  };
}

/** Starts the hook on `host:port` (port 0: any free port) and resolves once it listens. */
export function startPublishHook(port = 0, host = '127.0.0.1', options?: PublishServerOptions): Promise<Server> {
  const server = createServer(createPublishHandler(options));
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
