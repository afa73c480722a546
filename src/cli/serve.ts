/**
 * `xxgk-audit serve`: serves the web page (dist/web, built by `npm run build`) on 127.0.0.1 and prints its
 * address. A static server of one folder: GET and HEAD only, no directory listing, nothing outside the
 * folder, the page's Content-Security-Policy also sent as a header. The page needs nothing else: the audit
 * runs in the reader's browser.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ServeOptions {
  /** The folder to serve (default: the built page, dist/web). */
  root?: string;
  /** The port (default 8417; 0 picks a free one). When the port is taken, a free one is used. */
  port?: number;
  /** The address to listen on (default 127.0.0.1). */
  host?: string;
}

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 8417;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
};

const CSP =
  "default-src 'none'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; worker-src blob:; style-src 'self'; img-src 'self' data:; " +
  "font-src 'none'; connect-src 'none'; media-src 'none'; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The built page: dist/web beside the bundled command (dist/cli.js), or from the sources (src/cli/serve.ts). */
export function webRoot(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [join(here, 'web'), join(here, '..', '..', 'dist', 'web'), join(here, '..', 'web')]) {
    if (existsSync(join(candidate, 'index.html'))) return candidate;
  }
  return undefined;
}

/** Starts the server; resolves once it listens, with its address. */
export function serve(options: ServeOptions = {}): Promise<RunningServer> {
  const root = resolve(options.root ?? webRoot() ?? '');
  if (!existsSync(join(root, 'index.html'))) {
    return Promise.reject(new Error(`no web page at ${root} (run npm run build first)`));
  }
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    let body: Buffer;
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
      body = readFileSync(file);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      ...(file.endsWith('.html') ? { 'Content-Security-Policy': CSP } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  const listen = (port: number) =>
    new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(port, host, () => {
        server.off('error', fail);
        ok();
      });
    });
  const port = options.port ?? DEFAULT_PORT;
  return listen(port)
    .catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE' && port !== 0) return listen(0);
      throw e;
    })
    .then(() => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      const shown = host.includes(':') ? `[${host}]` : host;
      return {
        url: `http://${shown}:${actual}/`,
        server,
        close: () => new Promise<void>((done) => server.close(() => done())),
      };
    });
}

const WORDS = {
  'zh-CN': {
    usage: `用法：xxgk-audit serve [--port <端口>] [--host <地址>]

在本机启动审核页面（只在 127.0.0.1 上提供静态文件；报告在浏览器中检查，不会上传）。
  --port <端口>   端口（默认 ${DEFAULT_PORT}，被占用时自动换一个；0 表示任选）
  --host <地址>   监听地址（默认 127.0.0.1）
`,
    started: (url: string) => `审核页面：${url}\n在浏览器中打开上面的地址；按 Ctrl+C 停止。\n`,
    bad: (what: string) => `xxgk-audit serve：${what}\n`,
  },
  en: {
    usage: `Usage: xxgk-audit serve [--port <port>] [--host <address>]

Serves the audit page on this machine (static files on 127.0.0.1 only; reports are checked in the browser, never uploaded).
  --port <port>     port (default ${DEFAULT_PORT}, another one when it is taken; 0 picks any)
  --host <address>  address to listen on (default 127.0.0.1)
`,
    started: (url: string) => `The audit page: ${url}\nOpen it in a browser; Ctrl+C stops the server.\n`,
    bad: (what: string) => `xxgk-audit serve: ${what}\n`,
  },
} as const;

/** The `serve` subcommand: parses its arguments, starts the server and prints the address. Returns an exit code when it does not start. */
export async function serveCommand(argv: string[]): Promise<number | RunningServer> {
  const locale = argv.some((a, i) => a === '--locale=en' || (a === '--locale' && argv[i + 1] === 'en')) ? 'en' : 'zh-CN';
  const w = WORDS[locale];
  const options: ServeOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '-h' || flag === '--help') {
      process.stdout.write(w.usage);
      return 0;
    } else if (flag === '--port' || flag === '-p') {
      const v = value();
      const port = Number(v);
      if (!v || !Number.isInteger(port) || port < 0 || port > 65535) {
        process.stderr.write(w.bad(`--port ${v ?? ''}`) + w.usage);
        return 2;
      }
      options.port = port;
    } else if (flag === '--host') {
      const v = value();
      if (!v) {
        process.stderr.write(w.bad('--host') + w.usage);
        return 2;
      }
      options.host = v;
    } else if (flag === '--locale') {
      value();
    } else {
      process.stderr.write(w.bad(arg) + w.usage);
      return 2;
    }
  }
  try {
    const running = await serve(options);
    process.stdout.write(w.started(running.url));
    return running;
  } catch (e) {
    process.stderr.write(w.bad(e instanceof Error ? e.message : String(e)));
    return 2;
  }
}
