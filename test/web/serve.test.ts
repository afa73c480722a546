/**
 * `xxgk-audit serve` (src/cli/serve.ts) without a browser: the static server serves its folder and nothing
 * outside it, only GET and HEAD, with the page's CSP; the command names it in --help and refuses bad options.
 * (test/web/page.test.ts loads the page it serves in Chromium.)
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type RunningServer } from '../../src/cli/serve';
import { root } from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'xxgk-serve-'));
const site = join(dir, 'site');
let running: RunningServer;

beforeAll(async () => {
  mkdirSync(site);
  writeFileSync(join(site, 'index.html'), '<!DOCTYPE html><title>t</title>');
  writeFileSync(join(site, 'app.js'), 'void 0;');
  writeFileSync(join(dir, 'secret.txt'), 'not to be served');
  running = await serve({ root: site, port: 0 });
});

afterAll(async () => {
  await running?.close();
});

describe('xxgk-audit serve', () => {
  it('listens on 127.0.0.1 and serves index.html for /, with the CSP that forbids connections', async () => {
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const r = await fetch(running.url);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(r.headers.get('content-security-policy')).toContain("connect-src 'none'");
    expect(await r.text()).toContain('<title>t</title>');
    const js = await fetch(`${running.url}app.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await fetch(`${running.url}app.js`, { method: 'HEAD' })).status).toBe(200);
  });

  it('serves nothing outside its folder, no missing file, and only GET and HEAD', async () => {
    for (const path of ['..%2fsecret.txt', '%2e%2e/secret.txt', '..%5csecret.txt', 'nothing.js']) {
      const r = await fetch(`${running.url}${path}`);
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(await r.text()).not.toContain('not to be served');
    }
    expect((await fetch(running.url, { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('refuses a folder without a page', async () => {
    await expect(serve({ root: dir, port: 0 })).rejects.toThrow(/no web page/);
  });

  const cli = join(root, 'dist', 'cli.js');
  it('is named in --help, has its own --help, and refuses a bad port (exit 2)', () => {
    if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build (npm ci runs it)');
    expect(spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' }).stdout).toContain('xxgk-audit serve [--port <端口>]');
    expect(spawnSync(process.execPath, [cli, '--locale', 'en', '--help'], { encoding: 'utf8' }).stdout).toContain('xxgk-audit serve [--port <port>]');
    const help = spawnSync(process.execPath, [cli, 'serve', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^用法：xxgk-audit serve/);
    const bad = spawnSync(process.execPath, [cli, 'serve', '--port', 'abc'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--port abc');
  });
});
