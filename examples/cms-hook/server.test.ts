import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { audit, getRules, type AuditConfig } from '../../src/index';
import localRules from '../custom-rule/index';
import { seeds } from '../../test/helpers';
import { startPublishHook } from './server';
import { readPdf } from '../../src/pdf/index';
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
    expect(body.reason).toBe('1 errors must be fixed before publishing');
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
    expect(await bad.json()).toEqual({ error: '请求体不是有效的 JSON' });

    // A page that is not a report at all is refused as such (400, NOT_A_REPORT), not scored
    const html = await post(`${strictUrl}/audit`, '<html><body><p>报告</p></body></html>', 'text/html');
    expect(html.status).toBe(400);

    const junk = await post(`${strictUrl}/audit`, new Uint8Array(2000).fill(1), 'application/octet-stream');
    expect(junk.status).toBe(400);

    const get = await fetch(`${strictUrl}/audit`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await post(`${strictUrl}/other`, all['002']!)).status).toBe(404);

    const small = await start({ config: strict, maxBodyBytes: 1000 });
    const big = await post(`${small}/audit`, all['002']!);
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ error: '请求体超过 1000 字节' });
  });
});
