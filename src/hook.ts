/**
 * A publish hook a CMS can call as it is: give it the request body (bytes), its content type and
 * headers, and it answers with an HTTP status and a JSON body — the library's one verdict, the
 * score and the findings. It touches no network and no file system (no Node built-ins), so it fits
 * any server: Node's http, Express, Koa, a serverless function, a worker.
 *
 *   import { createPublishHook } from 'xxgk-audit';
 *   import { readPdf } from 'xxgk-audit/pdf';              // optional: accept PDF bodies
 *   const hook = createPublishHook({ readPdf, minScore: 60 });
 *   const { status, json } = await hook({ body, contentType: req.headers['content-type'], headers: req.headers });
 *
 *   200 { publish: true,  passed: true,  score, findings, … }   the report may be published
 *   422 { publish: false, passed: false, score, findings, … }   an error finding, or a score below minScore
 *   400 { error, code }   not a report that can be audited (bad JSON, binary junk, not a report, a corrupt DOCX…)
 *   413 { error, code }   the body is over maxBodyBytes (BODY_TOO_LARGE) or the report over maxInputSize
 *   415 { error, code }   a PDF body, and no readPdf was given (UNSUPPORTED_FORMAT)
 *   500 { error, code }   the hook itself failed (INTERNAL)
 *
 * The body is the report itself — text (UTF-8 or GB18030), HTML, Markdown, DOCX or PDF bytes; the
 * format comes from the content type, else from the bytes — or JSON `{ content, uri?, format?, meta? }`.
 * Messages are in Chinese unless the request asks for English (`locale`, or `Accept-Language: en`).
 */
import { createAuditor, type Auditor } from './api';
import { AuditInputError } from './errors';
import { describeError } from './format/errors';
import type { AuditConfig, AuditInput, AuditSource, FindingValue, Locale, PdfTextInput, Severity } from './types';

/** What the hook needs of an HTTP request. */
export interface PublishHookRequest {
  /** The request body as received. */
  body: Uint8Array;
  /** The Content-Type header (read from `headers` when absent). */
  contentType?: string;
  /** The request headers (names in any case): Content-Type, Content-Length and Accept-Language are read. */
  headers?: Readonly<Record<string, string | ReadonlyArray<string> | undefined>>;
  /** The language of the answer; otherwise from Accept-Language (English when it starts with en), else zh-CN. */
  locale?: Locale;
}

/** A finding as the hook answers it: where (line, column, page) and what. */
export interface PublishHookFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  page?: number;
  section?: string;
  expected?: FindingValue;
  actual?: FindingValue;
}

/** The answer to a report that was audited (status 200 or 422). */
export interface PublishHookVerdict {
  /** The library's one verdict, `result.passed`: publish exactly when it passed. */
  publish: boolean;
  passed: boolean;
  /** Why, for the person who pressed "publish". */
  reason: string;
  score: number;
  minScore: number;
  report: { uri?: string; title: string | null; issuer: string | null; year: number | null; template: string };
  counts: Record<Severity, number>;
  findings: PublishHookFinding[];
}

/** The answer to a request that could not be audited. */
export interface PublishHookError {
  error: string;
  /** Stable, to branch on: BAD_JSON, BODY_TOO_LARGE, INTERNAL, or an AuditInputError code. */
  code: string;
}

export interface PublishHookResponse {
  status: 200 | 400 | 413 | 415 | 422 | 500;
  json: PublishHookVerdict | PublishHookError;
}

export interface PublishHookOptions {
  /** Configuration of the auditor (rules, plugins, weights, minScore); validated once, when the hook is created. */
  config?: AuditConfig;
  /** Sets `config.minScore` (default 60): a report below it is not published even without errors. */
  minScore?: number;
  /** Largest body accepted, in bytes (default 20 MB); larger ones get 413 BODY_TOO_LARGE. */
  maxBodyBytes?: number;
  /** The PDF reader, `readPdf` from 'xxgk-audit/pdf', to accept PDF bodies (without it they get 415). */
  readPdf?: (bytes: Uint8Array) => Promise<PdfTextInput>;
}

export interface PublishHook {
  (request: PublishHookRequest): Promise<PublishHookResponse>;
  /** The body limit, for a server that stops reading a body once it is over (then answer with `tooLarge`). */
  readonly maxBodyBytes: number;
  /** The 413 answer, for a server that stopped reading a body over `maxBodyBytes` (or saw its Content-Length). */
  tooLarge(request?: Pick<PublishHookRequest, 'headers' | 'locale'>): PublishHookResponse;
}

const DEFAULT_MAX_BODY = 20 * 1024 * 1024;

const WORDS = {
  'zh-CN': {
    ok: '可以发布',
    blockedErrors: (n: number) => `有 ${n} 个错误，请修改后再发布`,
    blockedScore: (score: number, min: number) => `得分 ${score} 低于发布要求的 ${min} 分`,
    badJson: '请求体不是有效的 JSON，应为 { "content": "报告全文", "uri"?, "format"?, "meta"? }',
    notReport: '无法审核该内容',
    tooLarge: (max: number) => `请求体超过 ${max} 字节`,
    noPdfReader: '本服务未配置 PDF 读取（createPublishHook 的 readPdf 选项），请提供文本、HTML、Markdown 或 DOCX',
    internal: '审核服务出错',
  },
  en: {
    ok: 'may be published',
    blockedErrors: (n: number) => `${n} ${n === 1 ? 'error' : 'errors'} must be fixed before publishing`,
    blockedScore: (score: number, min: number) => `score ${score} is below the required ${min}`,
    badJson: 'the request body is not valid JSON; expected { "content": "the report", "uri"?, "format"?, "meta"? }',
    notReport: 'the content cannot be audited',
    tooLarge: (max: number) => `the request body is over ${max} bytes`,
    noPdfReader: 'this hook reads no PDF (the readPdf option of createPublishHook); send text, HTML, Markdown or DOCX',
    internal: 'the audit service failed',
  },
} as const;

function header(headers: PublishHookRequest['headers'], name: string): string | undefined {
  if (!headers) return undefined;
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() !== name) continue;
    const v = headers[key];
    return typeof v === 'string' ? v : v?.[0];
  }
  return undefined;
}

function localeOf(request: Pick<PublishHookRequest, 'headers' | 'locale'> | undefined): Locale {
  if (request?.locale === 'en' || request?.locale === 'zh-CN') return request.locale;
  return /^\s*en\b/i.test(header(request?.headers, 'accept-language') ?? '') ? 'en' : 'zh-CN';
}

function isPdf(type: string, body: Uint8Array): boolean {
  return type.startsWith('application/pdf') || (body[0] === 0x25 && body[1] === 0x50 && body[2] === 0x44 && body[3] === 0x46);
}

class Refusal {
  constructor(
    readonly status: PublishHookResponse['status'],
    readonly error: string,
    readonly code: string,
  ) {}
}

/** Creates the hook: one auditor per locale, its configuration validated now (AuditConfigError if wrong). */
export function createPublishHook(options: PublishHookOptions = {}): PublishHook {
  const config: AuditConfig = { ...options.config };
  if (options.minScore !== undefined) config.minScore = options.minScore;
  const minScore = config.minScore ?? 60;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const auditors: Record<Locale, Auditor> = {
    'zh-CN': createAuditor({ ...config, locale: 'zh-CN' }),
    en: createAuditor({ ...config, locale: 'en' }),
  };

  const tooLarge = (request?: Pick<PublishHookRequest, 'headers' | 'locale'>): PublishHookResponse => ({
    status: 413,
    json: { error: WORDS[localeOf(request)].tooLarge(maxBodyBytes), code: 'BODY_TOO_LARGE' },
  });

  /** The body as what `audit` takes. */
  async function inputOf(request: PublishHookRequest, locale: Locale): Promise<AuditSource> {
    const w = WORDS[locale];
    const type = (request.contentType ?? header(request.headers, 'content-type') ?? '').toLowerCase();
    const body = request.body;
    if (type.startsWith('application/json')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(new TextDecoder('utf-8').decode(body));
      } catch {
        throw new Refusal(400, w.badJson, 'BAD_JSON');
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Refusal(400, w.badJson, 'BAD_JSON');
      return parsed as AuditInput;
    }
    if (isPdf(type, body)) {
      if (!options.readPdf) throw new Refusal(415, w.noPdfReader, 'UNSUPPORTED_FORMAT');
      return options.readPdf(body);
    }
    const format = type.startsWith('text/markdown')
      ? 'markdown'
      : type.startsWith('text/html') || type.startsWith('application/xhtml')
        ? 'html'
        : undefined;
    const input: AuditInput = { content: body };
    if (format) input.format = format;
    return input;
  }

  async function handle(request: PublishHookRequest): Promise<PublishHookResponse> {
    const locale = localeOf(request);
    const w = WORDS[locale];
    try {
      const declared = Number(header(request.headers, 'content-length'));
      if (request.body.byteLength > maxBodyBytes || (Number.isFinite(declared) && declared > maxBodyBytes)) return tooLarge(request);
      let result;
      try {
        result = auditors[locale].audit(await inputOf(request, locale));
      } catch (e) {
        if (!(e instanceof AuditInputError)) throw e;
        const status = e.code === 'INPUT_TOO_LARGE' ? 413 : 400;
        throw new Refusal(status, `${w.notReport}${locale === 'en' ? ': ' : '：'}${describeError(e, locale)}`, e.code);
      }
      const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
      for (const f of result.findings) counts[f.severity]++;
      const publish = result.passed;
      const report: PublishHookVerdict['report'] = {
        title: result.report.title,
        issuer: result.report.issuer,
        year: result.report.year,
        template: result.report.template,
      };
      if (result.report.uri !== undefined) report.uri = result.report.uri;
      const verdict: PublishHookVerdict = {
        publish,
        passed: result.passed,
        reason: publish ? w.ok : counts.error > 0 ? w.blockedErrors(counts.error) : w.blockedScore(result.score, minScore),
        score: result.score,
        minScore,
        report,
        counts,
        findings: result.findings.map((f) => {
          const out: PublishHookFinding = {
            ruleId: f.ruleId,
            severity: f.severity,
            message: f.message,
            line: f.position.start.line,
            column: f.position.start.column,
          };
          if (f.position.start.page !== undefined) out.page = f.position.start.page;
          if (f.section?.title) out.section = f.section.title;
          if (f.expected !== undefined) out.expected = f.expected;
          if (f.actual !== undefined) out.actual = f.actual;
          return out;
        }),
      };
      return { status: publish ? 200 : 422, json: verdict };
    } catch (e) {
      if (e instanceof Refusal) return { status: e.status, json: { error: e.error, code: e.code } };
      return { status: 500, json: { error: w.internal, code: 'INTERNAL' } };
    }
  }

  return Object.assign(handle, { maxBodyBytes, tooLarge });
}
