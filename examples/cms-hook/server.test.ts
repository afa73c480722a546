import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { audit, createPublishHook, getRules, type AuditConfig, type AuditInput } from 'xxgk-audit';
import { readPdf } from 'xxgk-audit/pdf';
import localRules from '../custom-rule/index';
import { seeds } from '../../test/helpers';
import { startPublishHook } from './server';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../../test/helpers';

const all = seeds();

/** Only the example plugin's rule, as an error: the outcome depends on nothing else. */
const strict: AuditConfig = {
  plugins: [localRules],
  rules: {
    ...Object.fromEntries(getRules().map((r) => [r.id, 'off' as const])),
    'required-phrases': 'error',
  },
};

const servers: Server[] = [];
async function start(options?: Parameters<typeof startPublishHook>[2]): Promise<string> {
  const server = await startPublishHook(0, '127.0.0.1', options);
  servers.push(server);
  const { address, port } = server.address() as AddressInfo;
  expect(address).toBe('127.0.0.1');
  return `http://127.0.0.1:${port}`;
}

type Body = NonNullable<Parameters<typeof fetch>[1]>['body'];

function post(url: string, body: string | Uint8Array, type = 'text/plain; charset=utf-8') {
  return fetch(url, { method: 'POST', body: body as Body, headers: { 'Content-Type': type } });
}

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((done) => s.close(done))));
});

describe('examples/cms-hook: a publish hook on a loopback port', () => {
  let strictUrl: string;
  beforeAll(async () => {
    strictUrl = await start({ config: strict });
  });

  it('answers 422 with the findings when the report must not be published (seed 002)', async () => {
    const res = await post(`${strictUrl}/audit`, all['002']!);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await res.json()) as Record<string, any>;
    expect(body.publish).toBe(false);
    expect(body.passed).toBe(false);
    expect(body.reason).toBe('有 1 个错误，请修改后再发布');
    expect(body.counts).toEqual({ error: 1, warning: 0, info: 0 });
    expect(body.findings).toEqual([
      { ruleId: 'required-phrases', severity: 'error', message: '报告未提及“政府信息公开指南”', line: 3, column: 1 },
    ]);
    expect(body.report).toMatchObject({ year: 2024, template: 'TPL2021', issuer: '焦虎镇' });
  });

  it('answers 200 when it may be published (seed 003 names the 政府信息公开指南)', async () => {
    const res = await post(`${strictUrl}/audit`, all['003']!);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, any>;
    expect(body).toMatchObject({ publish: true, passed: true, score: 100, reason: '可以发布', findings: [] });
  });

  it('takes JSON { content, uri, meta } and answers in English when asked', async () => {
    const res = await post(
      `${strictUrl}/audit?locale=en`,
      JSON.stringify({ content: all['004']!, uri: 'quanyang-2018.txt', meta: { year: 2018 } }),
      'application/json',
    );
    expect(res.status).toBe(422);
    const body = (await res.json()) as Record<string, any>;
    expect(body.report.uri).toBe('quanyang-2018.txt');
    expect(body.reason).toBe('1 error must be fixed before publishing');
    expect(body.findings[0].message).toBe('The report does not mention "政府信息公开指南"');
  });

  it('blocks a report below the minimum score even without errors', async () => {
    const url = await start({ config: { ...strict, rules: { ...strict.rules, 'required-phrases': 'warning' } }, minScore: 60 });
    const res = await post(`${url}/audit`, all['002']!);
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ publish: false, passed: false, score: 0, reason: '得分 0 低于发布要求的 60 分' });
    expect((await post(`${url}/audit`, all['003']!)).status).toBe(200);
  });

  it('with the built-in rules, the status follows audit(): 200 exactly when the report passes', async () => {
    const url = await start();
    for (const id of ['002', '003']) {
      const expected = audit(all[id]!);
      const res = await post(`${url}/audit`, all[id]!);
      const body = (await res.json()) as Record<string, any>;
      expect(res.status).toBe(expected.passed ? 200 : 422);
      expect(body.score).toBe(expected.score);
      expect(body.findings.map((f: { message: string }) => f.message)).toEqual(expected.findings.map((f) => f.message));
    }
  });

  it('takes a PDF body (read with readPdf) and a DOCX body, answering with the one verdict of audit()', async () => {
    const url = await start();
    const pdfBytes = new Uint8Array(readFileSync(join(root, 'test', 'fixtures', 'pdf', 'kirogovcompare__hzq2024_working.pdf')));
    const expected = audit(await readPdf(pdfBytes));
    const res = await post(`${url}/audit`, pdfBytes, 'application/pdf');
    const body = (await res.json()) as Record<string, any>;
    expect(res.status).toBe(expected.passed ? 200 : 422);
    expect([body.publish, body.passed, body.score]).toEqual([expected.passed, expected.passed, expected.score]);
    expect(body.findings.length).toBe(expected.findings.length);
    const docx = await post(`${url}/audit`, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'application/octet-stream');
    expect(docx.status).toBe(400);
    expect(await docx.json()).toMatchObject({ code: 'CORRUPT_DOCX' });
  }, 60_000);

  it('refuses what it cannot audit with 400, and wrong requests with 404, 405 and 413', async () => {
    const bad = await post(`${strictUrl}/audit`, '{"content":', 'application/json');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'BAD_JSON', error: expect.stringMatching(/^请求体不是有效的 JSON/) });

    // A page that is not a report at all is refused as such (400, NOT_A_REPORT), not scored
    const html = await post(`${strictUrl}/audit`, '<html><body><p>报告</p></body></html>', 'text/html');
    expect(html.status).toBe(400);
    expect(await html.json()).toMatchObject({ code: 'NOT_A_REPORT' });

    const junk = await post(`${strictUrl}/audit`, new Uint8Array(2000).fill(1), 'application/octet-stream');
    expect(junk.status).toBe(400);
    expect(await junk.json()).toMatchObject({ code: 'BINARY' });

    const get = await fetch(`${strictUrl}/audit`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await post(`${strictUrl}/other`, all['002']!)).status).toBe(404);

    const small = await start({ config: strict, maxBodyBytes: 1000 });
    const big = await post(`${small}/audit`, all['002']!);
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ error: '请求体超过 1000 字节', code: 'BODY_TOO_LARGE' });

    // Sent in chunks with no Content-Length: reading stops once the body passes the limit.
    const bytes = new TextEncoder().encode(all['002']!);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 512) controller.enqueue(bytes.subarray(i, i + 512));
        controller.close();
      },
    });
    const chunked = await fetch(`${small}/audit?locale=en`, {
      method: 'POST',
      body: stream as Body,
      headers: { 'Content-Type': 'text/plain' },
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await chunked.json()).toEqual({ error: 'the request body is over 1000 bytes', code: 'BODY_TOO_LARGE' });
  });

  it('takes text, HTML, Markdown, DOCX and PDF bodies, each answered with the verdict and score of audit()', async () => {
    const url = await start();
    const text = all['002']!;
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${text
      .split('\n')
      .map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
      .join('\n')}</body></html>`;
    const docx = new Uint8Array(readFileSync(join(root, 'test', 'fixtures', 'formats', 'govnianbao__template_blank_gbgkbh2021-30.docx')));
    const pdf = new Uint8Array(readFileSync(join(root, 'test', 'fixtures', 'pdf', 'kirogovcompare__hzq2023_working.pdf')));
    const cases: Array<[string, string | Uint8Array, string, () => Promise<AuditInput | Awaited<ReturnType<typeof readPdf>>>]> = [
      ['text', new TextEncoder().encode(text), 'text/plain', async () => ({ content: new TextEncoder().encode(text) })],
      ['html', html, 'text/html; charset=utf-8', async () => ({ content: html, format: 'html' })],
      ['markdown', text, 'text/markdown; charset=utf-8', async () => ({ content: new TextEncoder().encode(text), format: 'markdown' })],
      ['docx', docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', async () => ({ content: docx })],
      ['pdf', pdf, 'application/pdf', () => readPdf(pdf)],
    ];
    for (const [name, body, type, input] of cases) {
      const expected = audit(await input());
      const res = await post(`${url}/audit`, body, type);
      const answer = (await res.json()) as Record<string, any>;
      expect({ name, status: res.status, score: answer.score, publish: answer.publish, findings: answer.findings.length }).toEqual({
        name,
        status: expected.passed ? 200 : 422,
        score: expected.score,
        publish: expected.passed,
        findings: expected.findings.length,
      });
      expect(answer.minScore).toBe(60);
    }
  }, 90_000);
});

describe('createPublishHook, exported by the package: pure, no server needed', () => {
  it('answers a request-like object with a status and JSON', async () => {
    const hook = createPublishHook({ config: strict });
    const ok = await hook({ body: new TextEncoder().encode(all['003']!), contentType: 'text/plain' });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ publish: true, passed: true, score: 100, findings: [] });
    const en = await hook({ body: new TextEncoder().encode(all['002']!), headers: { 'Accept-Language': 'en-GB,en;q=0.9' } });
    expect(en).toMatchObject({ status: 422, json: { reason: '1 error must be fixed before publishing' } });
  });

  it('refuses a PDF body with 415 when it was given no PDF reader, and says how to give one', async () => {
    const hook = createPublishHook();
    const res = await hook({ body: new TextEncoder().encode('%PDF-1.7\n…'), contentType: 'application/octet-stream' });
    expect(res.status).toBe(415);
    expect(res.json).toMatchObject({ code: 'UNSUPPORTED_FORMAT', error: expect.stringContaining('readPdf') });
  });

  it('limits the body: 413 BODY_TOO_LARGE, also when only Content-Length says so', async () => {
    const hook = createPublishHook({ maxBodyBytes: 10 });
    expect(hook.maxBodyBytes).toBe(10);
    expect(await hook({ body: new Uint8Array(11) })).toEqual({ status: 413, json: { error: '请求体超过 10 字节', code: 'BODY_TOO_LARGE' } });
    expect((await hook({ body: new Uint8Array(1), headers: { 'content-length': '999' } })).status).toBe(413);
    expect(hook.tooLarge({ locale: 'en' })).toEqual({ status: 413, json: { error: 'the request body is over 10 bytes', code: 'BODY_TOO_LARGE' } });
  });

  it('the example server imports only the package, by its name, so a CMS can copy it', () => {
    const source = readFileSync(join(root, 'examples', 'cms-hook', 'server.ts'), 'utf8');
    const imports = [...source.matchAll(/^import [^;]*? from '([^']+)';/gms)].map((m) => m[1]);
    expect(imports.filter((m) => !m!.startsWith('node:'))).toEqual(['xxgk-audit', 'xxgk-audit/pdf']);
  });
});
