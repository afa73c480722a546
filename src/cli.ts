/**
 * The `xxgk-audit` command: audits report files and folders and prints or writes the results as text,
 * JSON, SARIF, HTML or CSV. The only module of the library that touches the file system, the process
 * and threads; everything it prints about the reports comes from the pure formatters in format/.
 *
 * Exit codes: 0 every report passes (no error finding, score ≥ --min-score); 1 some report fails;
 * 2 a usage or input error (bad option or config, a file that is missing or cannot be audited). An
 * unreadable file is reported on stderr by name and the other files are still audited.
 *
 * Big batches (more than WORKER_THRESHOLD files on a machine with more than one core, or --jobs N) are
 * audited by worker threads running this same module; results keep the order of the input.
 *
 * Each report is written as its result comes (HTML excepted), so memory does not grow with the number of
 * files: a result that arrives before an earlier file's waits in a small reorder buffer, and no file is
 * handed to a worker while that buffer is full or the output is not keeping up.
 */
import { mkdtemp, open, readFile, readdir, realpath, rm, stat } from 'node:fs/promises';
import { createReadStream, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import pkg from '../package.json' with { type: 'json' };
import { createAuditor, type Auditor } from './api';
import { AuditConfigError, AuditInputError } from './errors';
import {
  csvHeader,
  csvInputErrorRows,
  csvRow,
  describeError,
  formatTextEnd,
  formatTextReport,
  sarifStream,
  toHtml,
  type InputError,
} from './format/index';
import { isSkipped, ruleIdsOf, ruleIndex } from './format/labels';
import type {
  AuditConfig,
  AuditInput,
  AuditMeta,
  AuditResult,
  IssuerType,
  Locale,
  Plugin,
  RuleSetting,
  Severity,
} from './types';

const FORMATS = ['text', 'json', 'jsonl', 'sarif', 'html', 'csv'] as const;
type OutputFormat = (typeof FORMATS)[number];
const SEVERITIES = ['off', 'info', 'warning', 'error', 'warn', '0', '1', '2'] as const;
const ISSUER_TYPES: IssuerType[] = ['government', 'department', 'other'];
/** Extensions picked up when walking a folder. */
const REPORT_EXTENSIONS = new Set(['.txt', '.md', '.html', '.htm', '.xml', '.docx', '.pdf']);
/** Worker threads are used for more files than this (when there is more than one core). */
const WORKER_THRESHOLD = 8;
const MAX_WORKERS = 8;
const DEFAULT_MAX_INPUT_SIZE = 20 * 1024 * 1024;

// ---------------------------------------------------------------------------
// Messages (zh-CN by default, English with --locale en)
// ---------------------------------------------------------------------------

const USAGE: Record<Locale, string> = {
  'zh-CN': `用法：xxgk-audit [选项] <文件|文件夹>...

审核政府信息公开工作年度报告（文件夹中递归查找 .txt .md .html .htm .xml .docx .pdf）。

选项：
  -f, --format <格式>        输出格式：text（默认）、json、jsonl（每行一个结果）、sarif、html、csv
  -o, --output <文件>        把结果写入文件（默认输出到标准输出）
      --locale <语言>        zh-CN（默认）或 en
      --rule <规则=级别>     设置规则级别：off、info、warning（或 warn）、error（也可用 0/1/2；可重复，也可用逗号分隔）
  -c, --config <文件.json>   配置文件（按 schemas/audit-config.schema.json 校验）
      --plugin <模块>        加载第三方规则插件（默认导出 definePlugin(...) 的模块，可重复）
      --year <年份>          报告年度（默认从标题和正文识别）
      --published-at <日期>  报告公开日期，YYYY-MM-DD（用于发布时限检查）
      --issuer-type <类型>   发布机关类型：government、department、other
      --previous <文件>      上一年度的报告（用于跨年度检查）
      --min-score <分数>     最低得分（0–100，默认 60），低于此分的报告判为未通过
  -j, --jobs <数量>          并行工作线程数（默认：文件多于 ${WORKER_THRESHOLD} 个且有多个核时自动使用）
      --color, --no-color    是否使用颜色（默认：终端上使用）
      --no-progress          不显示进度条
      --verbose              显示各规则的说明、原文摘录和处理细节
  -h, --help                 显示本帮助
  -v, --version              显示版本

退出码：0 全部通过；1 有报告未通过（有错误级问题或得分低于 --min-score）；2 用法或输入错误。
`,
  en: `Usage: xxgk-audit [options] <file|folder>...

Audits government information-disclosure annual reports (folders are searched recursively for
.txt .md .html .htm .xml .docx .pdf).

Options:
  -f, --format <format>      output format: text (default), json, jsonl (one result per line), sarif, html, csv
  -o, --output <file>        write the result to a file (default: standard output)
      --locale <locale>      zh-CN (default) or en
      --rule <id=level>      set a rule's level: off, info, warning (or warn), error, or ESLint's 0/1/2 (repeatable, or comma-separated)
  -c, --config <file.json>   configuration file (validated against schemas/audit-config.schema.json)
      --plugin <module>      load a third-party rule plugin (a module whose default export is definePlugin(...))
      --year <year>          report year (read from the title and text otherwise)
      --published-at <date>  date the report went public, YYYY-MM-DD (for the deadline rule)
      --issuer-type <type>   issuer type: government, department, other
      --previous <file>      last year's report (for cross-year rules)
      --min-score <score>    minimum score (0–100, default 60); a report below it fails
  -j, --jobs <n>             worker threads (default: used for more than ${WORKER_THRESHOLD} files on more than one core)
      --color, --no-color    colour the text output (default: on a terminal)
      --no-progress          no progress bar
      --verbose              rule descriptions, snippets and details of the run
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 every report passes; 1 some report fails (an error finding, or a score below --min-score);
2 usage or input error.
`,
};

interface Messages {
  locale: Locale;
  seeHelp: string;
  unknownOption: (o: string) => string;
  missingValue: (o: string) => string;
  badValue: (o: string, v: string, allowed: string) => string;
  noInput: string;
  notFound: string;
  noReports: string;
  notAFile: string;
  cannotAudit: (m: string) => string;
  cannotRead: (m: string) => string;
  tooLarge: (size: number, max: number) => string;
  pdfUnavailable: string;
  config: (file: string, m: string) => string;
  configJson: (file: string, m: string) => string;
  configError: (m: string) => string;
  plugin: (spec: string, m: string) => string;
  previous: (file: string, m: string) => string;
  output: (file: string, m: string) => string;
  internal: (m: string) => string;
  progress: string;
  workers: (n: number, files: number) => string;
  serial: (files: number) => string;
  written: (file: string) => string;
}

const MESSAGES: Record<Locale, Messages> = {
  'zh-CN': {
    locale: 'zh-CN',
    seeHelp: '运行 xxgk-audit --help 查看用法。',
    unknownOption: (o) => `未知选项 ${o}`,
    missingValue: (o) => `选项 ${o} 需要一个值`,
    badValue: (o, v, allowed) => `选项 ${o} 的值“${v}”无效，应为${allowed}`,
    noInput: '请指定要审核的文件或文件夹',
    notFound: '找不到该文件或文件夹',
    noReports: '文件夹是空的：其中没有可审核的文件（.txt .md .html .htm .xml .docx .pdf）',
    notAFile: '不是普通文件或文件夹',
    cannotAudit: (m) => `无法审核：${m}`,
    cannotRead: (m) => `无法读取：${m}`,
    tooLarge: (size, max) => `文件过大（${size} 字节，上限 ${max} 字节，见配置 maxInputSize）`,
    pdfUnavailable: '暂时无法读取 PDF 文件：本版本尚未提供 PDF 读取功能（readPdf）',
    config: (file, m) => `配置文件 ${file} 无效：${m}`,
    configJson: (file, m) => `配置文件 ${file} 不是有效的 JSON：${m}`,
    configError: (m) => `配置无效：${m}`,
    plugin: (spec, m) => `无法加载插件 ${spec}：${m}`,
    previous: (file, m) => `上一年度报告 ${file}：${m}`,
    output: (file, m) => `无法写入输出文件 ${file}：${m}`,
    internal: (m) => `审核时发生内部错误：${m}`,
    progress: '审核中',
    workers: (n, files) => `使用 ${n} 个工作线程审核 ${files} 个文件`,
    serial: (files) => `在主线程中审核 ${files} 个文件`,
    written: (file) => `结果已写入 ${file}`,
  },
  en: {
    locale: 'en',
    seeHelp: 'Run xxgk-audit --help for usage.',
    unknownOption: (o) => `unknown option ${o}`,
    missingValue: (o) => `option ${o} needs a value`,
    badValue: (o, v, allowed) => `invalid value "${v}" for ${o}; expected ${allowed}`,
    noInput: 'name the files or folders to audit',
    notFound: 'no such file or folder',
    noReports: 'the folder is empty: it holds no file to audit (.txt .md .html .htm .xml .docx .pdf)',
    notAFile: 'not a regular file or folder',
    cannotAudit: (m) => `cannot be audited: ${m}`,
    cannotRead: (m) => `cannot be read: ${m}`,
    tooLarge: (size, max) => `file too large (${size} bytes, the limit is ${max}, see config maxInputSize)`,
    pdfUnavailable: 'PDF files cannot be read yet: this version has no PDF reader (readPdf)',
    config: (file, m) => `config file ${file} is invalid: ${m}`,
    configJson: (file, m) => `config file ${file} is not valid JSON: ${m}`,
    configError: (m) => `invalid configuration: ${m}`,
    plugin: (spec, m) => `cannot load plugin ${spec}: ${m}`,
    previous: (file, m) => `previous report ${file}: ${m}`,
    output: (file, m) => `cannot write the output file ${file}: ${m}`,
    internal: (m) => `internal error while auditing: ${m}`,
    progress: 'auditing',
    workers: (n, files) => `auditing ${files} files with ${n} worker threads`,
    serial: (files) => `auditing ${files} files in the main thread`,
    written: (file) => `results written to ${file}`,
  },
};

/** A usage or input problem that ends the command with exit code 2 before any report is audited. */
class UsageError extends Error {}

// ---------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------

interface CliOptions {
  inputs: string[];
  format: OutputFormat;
  output?: string;
  locale: Locale;
  rules: Array<[string, Severity | 'off']>;
  config?: string;
  plugins: string[];
  year?: number;
  publishedAt?: string;
  issuerType?: IssuerType;
  previous?: string;
  minScore?: number;
  jobs?: number;
  color?: boolean;
  progress: boolean;
  verbose: boolean;
  help: boolean;
  version: boolean;
}

const VALUE_OPTIONS: Record<string, string> = {
  '-f': '--format',
  '--format': '--format',
  '-o': '--output',
  '--output': '--output',
  '--locale': '--locale',
  '--rule': '--rule',
  '-c': '--config',
  '--config': '--config',
  '--plugin': '--plugin',
  '--year': '--year',
  '--published-at': '--published-at',
  '--issuer-type': '--issuer-type',
  '--previous': '--previous',
  '--min-score': '--min-score',
  '-j': '--jobs',
  '--jobs': '--jobs',
};

const FLAG_OPTIONS = new Set(['--color', '--no-color', '--no-progress', '--verbose', '-h', '--help', '-v', '--version']);

/** The locale asked for, read before full parsing so that parse errors are already in that language. */
function sniffLocale(argv: string[]): Locale {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--locale=en' || (a === '--locale' && argv[i + 1] === 'en')) return 'en';
  }
  return 'zh-CN';
}

function parseArgs(argv: string[], m: Messages): CliOptions {
  const o: CliOptions = {
    inputs: [],
    format: 'text',
    locale: 'zh-CN',
    rules: [],
    plugins: [],
    progress: true,
    verbose: false,
    help: false,
    version: false,
  };
  const bad = (name: string, value: string, allowed: string) => new UsageError(m.badValue(name, value, allowed));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      o.inputs.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      o.inputs.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (FLAG_OPTIONS.has(flag)) {
      if (eq > 0) throw new UsageError(m.unknownOption(arg));
      if (flag === '--color') o.color = true;
      else if (flag === '--no-color') o.color = false;
      else if (flag === '--no-progress') o.progress = false;
      else if (flag === '--verbose') o.verbose = true;
      else if (flag === '-h' || flag === '--help') o.help = true;
      else o.version = true;
      continue;
    }
    const name = VALUE_OPTIONS[flag];
    if (!name) throw new UsageError(m.unknownOption(flag));
    let value: string;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-' && !/^-\d/.test(next))) {
        throw new UsageError(m.missingValue(flag));
      }
      value = next;
      i++;
    }
    switch (name) {
      case '--format':
        if (!(FORMATS as readonly string[]).includes(value)) throw bad(flag, value, FORMATS.join('|'));
        o.format = value as OutputFormat;
        break;
      case '--output':
        if (value.trim() === '') throw bad(flag, value, '<file>');
        o.output = value;
        break;
      case '--locale':
        if (value !== 'zh-CN' && value !== 'en') throw bad(flag, value, 'zh-CN|en');
        o.locale = value;
        break;
      case '--rule':
        for (const part of value.split(',')) {
          const match = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(part);
          if (!match || !(SEVERITIES as readonly string[]).includes(match[2]!)) {
            throw bad(flag, part, `<rule-id>=${SEVERITIES.join('|')}`);
          }
          const alias: Record<string, Severity | 'off'> = { warn: 'warning', '0': 'off', '1': 'warning', '2': 'error' };
          o.rules.push([match[1]!, alias[match[2]!] ?? (match[2] as Severity | 'off')]);
        }
        break;
      case '--config':
        o.config = value;
        break;
      case '--plugin':
        o.plugins.push(value);
        break;
      case '--year': {
        const year = Number(value);
        if (!/^\d{4}$/.test(value) || year < 2000 || year > 2100) throw bad(flag, value, '2000–2100');
        o.year = year;
        break;
      }
      case '--published-at':
        if (!isIsoDate(value)) throw bad(flag, value, 'YYYY-MM-DD');
        o.publishedAt = value;
        break;
      case '--issuer-type':
        if (!(ISSUER_TYPES as string[]).includes(value)) throw bad(flag, value, ISSUER_TYPES.join('|'));
        o.issuerType = value as IssuerType;
        break;
      case '--previous':
        o.previous = value;
        break;
      case '--min-score': {
        const score = Number(value);
        if (value.trim() === '' || !Number.isFinite(score) || score < 0 || score > 100) throw bad(flag, value, '0–100');
        o.minScore = score;
        break;
      }
      case '--jobs': {
        const jobs = Number(value);
        if (!/^\d+$/.test(value) || jobs < 1 || jobs > 64) throw bad(flag, value, '1–64');
        o.jobs = jobs;
        break;
      }
    }
  }
  return o;
}

function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const d = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return d.getUTCFullYear() === Number(match[1]) && d.getUTCMonth() === Number(match[2]) - 1 && d.getUTCDate() === Number(match[3]);
}

// ---------------------------------------------------------------------------
// Configuration and plugins
// ---------------------------------------------------------------------------

/** What a worker needs to rebuild the auditor: plain data only (plugins travel as module URLs). */
interface AuditSetup {
  config: AuditConfig;
  pluginUrls: string[];
  meta: AuditMeta;
  maxInputSize: number;
  locale: Locale;
}

/** The message of an error; a missing file in the user's language when `m` is given. */
function errorText(e: unknown, m?: Messages): string {
  if (e instanceof Error) {
    const code = (e as NodeJS.ErrnoException).code;
    if (m && code === 'ENOENT') return m.notFound;
    return e.message;
  }
  return String(e);
}

/** A module specifier for a plugin: paths against `base`, package names as they are. */
function pluginUrl(spec: string, base: string): string {
  if (spec.startsWith('file:')) return spec;
  const looksLikePath = spec.startsWith('.') || isAbsolute(spec) || existsSync(resolve(base, spec));
  if (looksLikePath) return pathToFileURL(resolve(base, spec)).href;
  try {
    return pathToFileURL(createRequire(join(base, 'noop.js')).resolve(spec)).href;
  } catch {
    return spec; // an ESM-only package: let import() resolve it
  }
}

async function importPlugin(url: string): Promise<Plugin> {
  const mod = (await import(url)) as Record<string, unknown>;
  let candidate: unknown = mod.default ?? mod.plugin;
  if (candidate && typeof candidate === 'object' && 'default' in candidate && !('rules' in candidate)) {
    candidate = (candidate as { default: unknown }).default;
  }
  if (!candidate || typeof candidate !== 'object' || typeof (candidate as Plugin).rules !== 'object') {
    throw new Error('the module has no default export made with definePlugin({ name, rules })');
  }
  return candidate as Plugin;
}

async function loadPlugins(urls: Array<{ spec: string; url: string }>, m: Messages): Promise<Plugin[]> {
  const out: Plugin[] = [];
  for (const { spec, url } of urls) {
    if (url.startsWith('file:') && !existsSync(fileURLToPath(url))) throw new UsageError(m.plugin(spec, m.notFound));
    try {
      out.push(await importPlugin(url));
    } catch (e) {
      throw new UsageError(m.plugin(spec, errorText(e, m)));
    }
  }
  return out;
}

function mergeSetting(existing: RuleSetting | undefined, severity: Severity | 'off'): RuleSetting {
  if (Array.isArray(existing)) return existing[1] ? [severity, existing[1]] : [severity];
  if (existing && typeof existing === 'object') return { ...existing, severity };
  return severity;
}

async function readConfig(file: string, m: Messages): Promise<{ config: AuditConfig; plugins: Array<{ spec: string; url: string }> }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError(m.config(file, errorText(e, m)));
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError(m.configJson(file, errorText(e)));
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new UsageError(m.config(file, 'expected a JSON object'));
  const { $schema: _schema, plugins, ...rest } = json as Record<string, unknown>;
  const specs: Array<{ spec: string; url: string }> = [];
  if (plugins !== undefined) {
    if (!Array.isArray(plugins) || !plugins.every((p) => typeof p === 'string')) {
      throw new UsageError(m.config(file, '"plugins" must be an array of module paths or package names'));
    }
    for (const spec of plugins as string[]) specs.push({ spec, url: pluginUrl(spec, dirname(resolve(file))) });
  }
  return { config: rest as AuditConfig, plugins: specs };
}

// ---------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------

interface FileTask {
  id: number;
  path: string;
  uri: string;
  /** Named on the command line (not found by walking a folder). */
  explicit: boolean;
}

type FileOutcome = { ok: true; result: AuditResult } | { ok: false; message: string; code?: string };

/** Codes of files that are not reports: listed apart, and in a folder scan not an error. */
const NOT_A_REPORT_CODES = new Set(['NOT_A_REPORT', 'EMPTY']);

/** The name a file is shown under: relative to the working directory when inside it, '/' separated. */
function uriOf(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  const shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  return sep === '\\' ? shown.replace(/\\/g, '/') : shown;
}

async function collectFiles(
  inputs: string[],
  cwd: string,
  m: Messages,
): Promise<{ files: FileTask[]; errors: InputError[]; emptyFolders: string[] }> {
  const files: FileTask[] = [];
  const errors: InputError[] = [];
  const emptyFolders: string[] = [];
  const seen = new Set<string>();
  const add = async (path: string, explicit: boolean) => {
    const real = await realpath(path).catch(() => path);
    if (seen.has(real)) return;
    seen.add(real);
    files.push({ id: files.length, path, uri: uriOf(path, cwd), explicit });
  };
  const walk = async (dir: string, visited: Set<string>): Promise<number> => {
    const real = await realpath(dir).catch(() => dir);
    if (visited.has(real)) return 0;
    visited.add(real);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      errors.push({ uri: uriOf(dir, cwd), message: m.cannotRead(errorText(e)) });
      return 0;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    let count = 0;
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const s = await stat(path).catch(() => null);
        isDir = !!s?.isDirectory();
        isFile = !!s?.isFile();
      }
      if (isDir) count += await walk(path, visited);
      else if (isFile && REPORT_EXTENSIONS.has(extname(entry.name).toLowerCase())) {
        await add(path, false);
        count++;
      }
    }
    return count;
  };
  for (const input of inputs) {
    const path = resolve(cwd, input);
    const s = await stat(path).catch((e: NodeJS.ErrnoException) => e);
    if (s instanceof Error) {
      errors.push({ uri: input, message: s.code === 'ENOENT' || s.code === 'ENOTDIR' ? m.notFound : m.cannotRead(errorText(s)) });
    } else if (s.isDirectory()) {
      // An empty folder is not an unreadable file: it is said once, on its own.
      if ((await walk(path, new Set())) === 0 && !errors.some((e) => e.uri === uriOf(path, cwd))) emptyFolders.push(input);
    } else if (s.isFile()) {
      await add(path, true);
    } else {
      errors.push({ uri: input, message: m.notAFile });
    }
  }
  return { files, errors, emptyFolders };
}

// ---------------------------------------------------------------------------
// PDF — THE single place where the PDF reader plugs in.
//
// `readPdf(bytes: Uint8Array): Promise<AuditInput>` is to live in src/pdf (the package's "xxgk-audit/pdf"
// entry, DESIGN.md "Public API"). Until it exists, .pdf files are reported as unreadable (exit 2 for
// that file, the others are still audited). The loader looks for it beside this module — src/pdf/index.ts
// when run from source (tsx), dist/pdf.js when built (a tsup entry `pdf: 'src/pdf/index.ts'`) — and then
// through the package's own "xxgk-audit/pdf" export. Once src/pdf exists, this function can simply become
//     const { readPdf } = await import('./pdf/index'); return readPdf;
// ---------------------------------------------------------------------------

type PdfReader = (bytes: Uint8Array) => Promise<AuditInput>;
let pdfReader: Promise<PdfReader | null> | undefined;

function loadPdfReader(): Promise<PdfReader | null> {
  pdfReader ??= (async () => {
    const here = new URL('.', import.meta.url);
    const candidates = ['./pdf/index.ts', './pdf/index.js', './pdf.js']
      .map((p) => new URL(p, here))
      .filter((u) => u.protocol === 'file:' && existsSync(fileURLToPath(u)))
      .map((u) => u.href);
    for (const specifier of [...candidates, 'xxgk-audit/pdf']) {
      try {
        const mod = (await import(specifier)) as { readPdf?: unknown; default?: { readPdf?: unknown } };
        const readPdf = mod.readPdf ?? mod.default?.readPdf;
        if (typeof readPdf === 'function') return readPdf as PdfReader;
      } catch {
        // not there (yet)
      }
    }
    return null;
  })();
  return pdfReader;
}

function isPdf(path: string, bytes: Uint8Array): boolean {
  return extname(path).toLowerCase() === '.pdf' || (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46);
}

/** Strips the `uri: ` prefix AuditInputError puts before its message (the CLI names the file itself). */
function inputErrorText(e: AuditInputError, uri: string): string {
  return e.message.startsWith(`${uri}: `) ? e.message.slice(uri.length + 2) : e.message;
}

/** An input error in the user's language when its code has words, else its own message. */
function localInputError(e: AuditInputError, uri: string, m: Messages): string {
  const local = describeError(e, m.locale);
  return local === e.message ? inputErrorText(e, uri) : local;
}

async function readInput(
  path: string,
  uri: string,
  maxSize: number,
  m: Messages,
): Promise<AuditInput | string | { message: string; code: string }> {
  let bytes: Uint8Array;
  try {
    const s = await stat(path);
    if (s.size > maxSize) return m.tooLarge(s.size, maxSize);
    bytes = new Uint8Array(await readFile(path));
  } catch (e) {
    return m.cannotRead(errorText(e, m));
  }
  if (isPdf(path, bytes)) {
    const readPdf = await loadPdfReader();
    if (!readPdf) return m.pdfUnavailable;
    try {
      return { ...(await readPdf(bytes)), uri };
    } catch (e) {
      if (e instanceof AuditInputError) return { message: m.cannotAudit(localInputError(e, uri, m)), code: e.code };
      return m.cannotAudit(errorText(e));
    }
  }
  return { content: bytes, uri };
}

interface AuditContext {
  auditor: Auditor;
  meta: AuditMeta;
  maxInputSize: number;
  m: Messages;
}

async function auditFile(task: FileTask, ctx: AuditContext): Promise<FileOutcome> {
  const input = await readInput(task.path, task.uri, ctx.maxInputSize, ctx.m);
  if (typeof input === 'string') return { ok: false, message: input };
  if (!('content' in input)) return { ok: false, ...input };
  try {
    const meta = { ...(input.meta ?? {}), ...ctx.meta };
    return { ok: true, result: ctx.auditor.audit({ ...input, meta } as AuditInput) };
  } catch (e) {
    if (e instanceof AuditInputError) {
      const message = NOT_A_REPORT_CODES.has(e.code) ? localInputError(e, task.uri, ctx.m) : ctx.m.cannotAudit(localInputError(e, task.uri, ctx.m));
      return { ok: false, message, code: e.code };
    }
    return { ok: false, message: ctx.m.internal(errorText(e)) };
  }
}

// ---------------------------------------------------------------------------
// Progress bar (stderr, only on a terminal)
// ---------------------------------------------------------------------------

class Progress {
  private done = 0;
  private shown = false;
  constructor(
    private readonly total: number,
    private readonly enabled: boolean,
    private readonly label: string,
  ) {}

  tick(name: string): void {
    this.done++;
    if (!this.enabled) return;
    const width = 24;
    const filled = Math.round((width * this.done) / this.total);
    const shortName = name.length > 40 ? '…' + name.slice(-39) : name;
    process.stderr.write(
      `\r\u001b[2K${this.label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${this.done}/${this.total} ${shortName}`,
    );
    this.shown = true;
  }

  /** Prints a line on stderr without tearing the bar. */
  log(line: string): void {
    if (this.shown) process.stderr.write('\r\u001b[2K');
    process.stderr.write(line + '\n');
    this.shown = false;
  }

  /** Clears the bar (before the report text goes to a terminal too); the next tick draws it again. */
  clear(): void {
    if (this.shown) process.stderr.write('\r\u001b[2K');
    this.shown = false;
  }

  finish(): void {
    this.clear();
  }
}

// ---------------------------------------------------------------------------
// Worker threads
// ---------------------------------------------------------------------------

interface WorkerInit {
  xxgkAuditWorker: true;
  setup: AuditSetup;
}

type WorkerReply = { type: 'result'; id: number; outcome: FileOutcome } | { type: 'fatal'; message: string };

function spawnWorker(init: WorkerInit): Worker {
  const self = import.meta.url;
  if (self.endsWith('.ts')) {
    // Running from source under tsx: register tsx in the worker before it loads this module.
    const tsxApi = import.meta.resolve('tsx/esm/api');
    const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(self)}); })`;
    return new Worker(boot, { eval: true, workerData: init });
  }
  return new Worker(new URL(self), { workerData: init });
}

/**
 * A worker collects its garbage after a file when its heap holds more than this. Left to itself, V8
 * lets the old generation of a busy worker grow with the models of past files (garbage promoted while a
 * file was being audited) and collects when its heuristics decide, so the peak memory of a batch kept
 * rising with its length (10,000 reports: 339 MB against 204 MB for 100). Measured on 10,000 text
 * reports, 2 workers: a threshold of 36 MB keeps the peak within 40 MB of a 100-report batch's at no
 * measurable cost in time (a collection after every 10th file did as well but took 2.7× as long).
 */
const COLLECT_ABOVE = 36 * 1024 * 1024;

/** Called after each file: a full collection when the heap holds more than COLLECT_ABOVE (a no-op where V8 will not give one). */
function heapKeeper(): () => void {
  let gc: (() => void) | undefined;
  try {
    setFlagsFromString('--expose-gc');
    const exposed = runInNewContext('gc') as unknown;
    if (typeof exposed === 'function') gc = exposed as () => void;
  } catch {
    // no collection on demand: V8 decides alone
  }
  let above = COLLECT_ABOVE;
  return () => {
    if (!gc || getHeapStatistics().used_heap_size <= above) return;
    gc();
    // What stays live (a plugin's caches…) is not collected again after every file.
    above = Math.max(COLLECT_ABOVE, getHeapStatistics().used_heap_size + COLLECT_ABOVE / 2);
  };
}

async function workerMain(): Promise<void> {
  const { setup } = workerData as WorkerInit;
  const port = parentPort!;
  const m = MESSAGES[setup.locale];
  let ctx: AuditContext;
  try {
    const plugins = await Promise.all(setup.pluginUrls.map(importPlugin));
    const auditor = createAuditor({ ...setup.config, plugins });
    ctx = { auditor, meta: setup.meta, maxInputSize: setup.maxInputSize, m };
  } catch (e) {
    port.postMessage({ type: 'fatal', message: errorText(e) } satisfies WorkerReply);
    return;
  }
  const collectIfBig = heapKeeper();
  port.on('message', (task: FileTask) => {
    auditFile(task, ctx)
      .then(
        (outcome) => port.postMessage({ type: 'result', id: task.id, outcome } satisfies WorkerReply),
        (e: unknown) =>
          port.postMessage({ type: 'result', id: task.id, outcome: { ok: false, message: m.internal(errorText(e)) } } satisfies WorkerReply),
      )
      .then(() => {
        collectIfBig();
      });
  });
}

/**
 * The files in input order, handed out one at a time. `request` holds a taker back while `ready()` is
 * false (the output is not keeping up, or too many results wait for an earlier one) and `wake` lets
 * the held takers try again, so that what waits in memory is bounded by the number of jobs in flight,
 * not by the number of files.
 */
class TaskQueue {
  private next = 0;
  private parked: Array<() => void> = [];
  constructor(
    private readonly tasks: ReadonlyArray<FileTask>,
    private readonly ready: () => boolean,
  ) {}

  get dispatched(): number {
    return this.next;
  }

  get empty(): boolean {
    return this.next >= this.tasks.length;
  }

  /** The next task now, whatever `ready` says (undefined when none is left). */
  take(): FileTask | undefined {
    return this.empty ? undefined : this.tasks[this.next++];
  }

  /** Gives `take` the next task (or undefined when none is left) as soon as `ready()`, unless `live()` is false by then. */
  request(take: (task: FileTask | undefined) => void, live: () => boolean): void {
    if (!live()) return;
    if (this.empty) return take(undefined);
    if (!this.ready()) {
      this.parked.push(() => this.request(take, live));
      return;
    }
    take(this.take());
  }

  wake(): void {
    const parked = this.parked;
    this.parked = [];
    for (const retry of parked) retry();
  }
}

/** Audits the files with `jobs` workers, handing each worker the next file when it is done. */
async function auditWithWorkers(
  queue: TaskQueue,
  jobs: number,
  setup: AuditSetup,
  onDone: (task: FileTask, outcome: FileOutcome) => void,
  fallback: AuditContext,
  drained: () => Promise<void>,
): Promise<void> {
  const init: WorkerInit = { xxgkAuditWorker: true, setup };
  let respawns = jobs * 2;
  await new Promise<void>((resolveAll) => {
    let live = 0;
    const finishIfIdle = () => {
      if (live === 0) {
        // No worker left (they failed to start): audit the rest in this thread.
        void (async () => {
          for (let t = queue.take(); t; t = queue.take()) {
            await drained();
            onDone(t, await auditFile(t, fallback));
          }
          resolveAll();
        })();
      }
    };
    const start = () => {
      const worker = spawnWorker(init);
      live++;
      let current: FileTask | undefined;
      let ended = false;
      const next = () => {
        current = undefined;
        queue.request(
          (task) => {
            current = task;
            if (task) worker.postMessage(task);
            else void worker.terminate();
          },
          () => !ended,
        );
      };
      const end = (failure?: string) => {
        if (ended) return;
        ended = true;
        live--;
        if (current && failure !== undefined) onDone(current, { ok: false, message: fallback.m.internal(failure) });
        current = undefined;
        if (failure !== undefined && !queue.empty && respawns-- > 0) start();
        finishIfIdle();
      };
      worker.on('message', (reply: WorkerReply) => {
        if (reply.type === 'fatal') {
          respawns = 0; // the same setup will fail again
          void worker.terminate();
          end(reply.message);
          return;
        }
        if (current && reply.id === current.id) onDone(current, reply.outcome);
        next();
      });
      worker.on('error', (e) => end(errorText(e)));
      worker.on('exit', (code) => end(code === 0 || current === undefined ? undefined : `worker exited with code ${code}`));
      next();
    };
    const count = Math.min(jobs, queue.empty ? 0 : jobs);
    for (let i = 0; i < count; i++) start();
    if (count === 0) resolveAll();
  });
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

function colorWanted(option: boolean | undefined, toTerminal: boolean): boolean {
  if (option !== undefined) return option;
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return toTerminal;
}

async function main(argv: string[]): Promise<number> {
  const cwd = process.cwd();
  let m = MESSAGES[sniffLocale(argv)];
  const fail = (line: string) => process.stderr.write(`xxgk-audit: ${line}\n`);

  let options: CliOptions;
  try {
    options = parseArgs(argv, m);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    fail(e.message);
    process.stderr.write(m.seeHelp + '\n');
    return 2;
  }
  m = MESSAGES[options.locale];
  if (options.help) {
    process.stdout.write(USAGE[options.locale]);
    return 0;
  }
  if (options.version) {
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  if (options.inputs.length === 0) {
    fail(m.noInput);
    process.stderr.write(USAGE[options.locale]);
    return 2;
  }

  // Configuration: file, then the command-line flags over it; validated once here.
  let auditor: Auditor;
  let setup: AuditSetup;
  try {
    const fromFile = options.config ? await readConfig(options.config, m) : { config: {} as AuditConfig, plugins: [] };
    const config: AuditConfig = { ...fromFile.config, locale: options.locale };
    if (options.minScore !== undefined) config.minScore = options.minScore;
    if (options.rules.length > 0) {
      const rules: Record<string, RuleSetting> = { ...(config.rules ?? {}) };
      for (const [id, severity] of options.rules) rules[id] = mergeSetting(rules[id], severity);
      config.rules = rules;
    }
    const pluginSpecs = [...fromFile.plugins, ...options.plugins.map((spec) => ({ spec, url: pluginUrl(spec, cwd) }))];
    const plugins = await loadPlugins(pluginSpecs, m);
    try {
      auditor = createAuditor({ ...config, plugins });
    } catch (e) {
      if (!(e instanceof AuditConfigError)) throw e;
      const said = describeError(e, options.locale);
      throw new UsageError(options.config ? m.config(options.config, said) : m.configError(said));
    }
    const meta: AuditMeta = {};
    if (options.year !== undefined) meta.year = options.year;
    if (options.publishedAt !== undefined) meta.publishedAt = options.publishedAt;
    if (options.issuerType !== undefined) meta.issuerType = options.issuerType;
    if (options.previous !== undefined) {
      const path = resolve(cwd, options.previous);
      const maxSize = config.maxInputSize ?? DEFAULT_MAX_INPUT_SIZE;
      const input = await readInput(path, uriOf(path, cwd), maxSize, m);
      if (typeof input === 'string') throw new UsageError(m.previous(options.previous, input));
      if (!('content' in input)) throw new UsageError(m.previous(options.previous, input.message));
      meta.previous = input as AuditInput;
    }
    setup = {
      config,
      pluginUrls: pluginSpecs.map((p) => p.url),
      meta,
      maxInputSize: config.maxInputSize ?? DEFAULT_MAX_INPUT_SIZE,
      locale: options.locale,
    };
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    fail(e.message);
    return 2;
  }

  const { files, errors: inputErrors, emptyFolders } = await collectFiles(options.inputs, cwd, m);
  const progress = new Progress(files.length, options.progress && !!process.stderr.isTTY && files.length > 1, m.progress);
  for (const e of inputErrors) progress.log(`xxgk-audit: ${e.uri}: ${e.message}`);
  for (const folder of emptyFolders) progress.log(`xxgk-audit: ${folder}: ${m.noReports}`);
  if (files.length === 0 && inputErrors.length === 0) return 2;

  // The output is opened before the audit and each report is written as it comes, in input order:
  // what is kept is a few counters, the files that could not be audited, and the results that wait for
  // an earlier file still in a worker (at most REORDER_WINDOW_PER_JOB per job).
  let sink: Sink;
  try {
    sink = await Sink.open(options.output === undefined ? undefined : resolve(cwd, options.output), progress);
  } catch (e) {
    fail(m.output(options.output!, errorText(e, m)));
    return 2;
  }
  const toTerminal = options.output === undefined && !!process.stdout.isTTY;
  const writer = await reportWriter(options, auditor, sink, {
    cwd,
    color: colorWanted(options.color, toTerminal),
    width: toTerminal ? process.stdout.columns : undefined,
  });

  const counts = { reports: 0, passed: 0 };
  /** Errors that make the exit code 2: not the non-reports a folder scan came across. */
  let hardErrors = inputErrors.length;
  const ordered = new ReorderBuffer((task: FileTask, outcome: FileOutcome) => {
    if (outcome.ok) {
      writer.report(outcome.result, counts.reports++);
      if (outcome.result.passed) counts.passed++;
    } else {
      const error: InputError = { uri: task.uri, message: outcome.message };
      if (outcome.code) error.code = outcome.code;
      inputErrors.push(error);
      if (task.explicit || !(outcome.code && NOT_A_REPORT_CODES.has(outcome.code))) hardErrors++;
    }
  });
  const cores = availableParallelism();
  const jobs = Math.min(files.length, options.jobs ?? (files.length > WORKER_THRESHOLD && cores > 1 ? Math.min(cores, MAX_WORKERS) : 1));
  const window = jobs * REORDER_WINDOW_PER_JOB;
  const queue: TaskQueue = new TaskQueue(files, (): boolean => queue.dispatched - ordered.emitted < window && !sink.blocked);
  sink.onDrain(() => queue.wake());
  const onDone = (task: FileTask, outcome: FileOutcome) => {
    // Files that are not reports are listed once, apart, with the results (not on stderr one by one).
    if (!outcome.ok && !(outcome.code && NOT_A_REPORT_CODES.has(outcome.code))) progress.log(`xxgk-audit: ${task.uri}: ${outcome.message}`);
    progress.tick(task.uri);
    ordered.add(task, outcome);
    queue.wake();
  };
  const ctx: AuditContext = { auditor, meta: setup.meta, maxInputSize: setup.maxInputSize, m };
  if (jobs > 1) {
    if (options.verbose) progress.log(m.workers(jobs, files.length));
    await auditWithWorkers(queue, jobs, setup, onDone, ctx, () => sink.drained());
  } else {
    if (options.verbose) progress.log(m.serial(files.length));
    const collectIfBig = heapKeeper();
    for (let task = queue.take(); task; task = queue.take()) {
      await sink.drained();
      onDone(task, await auditFile(task, ctx));
      collectIfBig();
    }
  }
  progress.finish();
  if (ordered.emitted < files.length) {
    // Cannot happen (every task gets an outcome); said rather than hung on.
    throw new Error(`${files.length - ordered.emitted} files got no result`);
  }

  const failure = await writer.end(inputErrors, counts).then(
    () => sink.close(),
    (e: unknown) => e,
  );
  if (failure !== undefined || sink.failure !== undefined) {
    fail(m.output(options.output ?? '-', errorText(failure ?? sink.failure, m)));
    return 2;
  }
  if (options.output !== undefined && (options.format !== 'text' || options.verbose)) process.stderr.write(m.written(options.output) + '\n');

  if (hardErrors > 0 || (counts.reports === 0 && emptyFolders.length > 0)) return 2;
  return counts.passed === counts.reports ? 0 : 1;
}

// ---------------------------------------------------------------------------
// Output, written as the results come
// ---------------------------------------------------------------------------

/** Results that may wait for an earlier file still being audited, per job. */
const REORDER_WINDOW_PER_JOB = 4;

/** Passes outcomes on in task order (ids 0, 1, 2…), holding those that arrive before an earlier one. */
class ReorderBuffer {
  private next = 0;
  private readonly held = new Map<number, { task: FileTask; outcome: FileOutcome }>();
  constructor(private readonly emit: (task: FileTask, outcome: FileOutcome) => void) {}

  /** How many outcomes have been passed on. */
  get emitted(): number {
    return this.next;
  }

  add(task: FileTask, outcome: FileOutcome): void {
    this.held.set(task.id, { task, outcome });
    for (let item = this.held.get(this.next); item; item = this.held.get(this.next)) {
      this.held.delete(this.next);
      this.next++;
      this.emit(item.task, item.outcome);
    }
  }
}

/** The output file or stdout, written piece by piece; `blocked` while the stream's buffer is full. */
class Sink {
  blocked = false;
  failure: unknown;
  private drainWaiters: Array<() => void> = [];
  private drainListeners: Array<() => void> = [];

  private constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly toStdout: boolean,
    private readonly progress: Progress,
  ) {
    stream.on('drain', () => {
      this.blocked = false;
      const waiters = this.drainWaiters;
      this.drainWaiters = [];
      for (const w of waiters) w();
      for (const l of this.drainListeners) l();
    });
    if (!toStdout) stream.on('error', (e: unknown) => (this.failure ??= e));
  }

  /** Opens the output file (an error here is the output's: exit 2 before any audit), or stdout. */
  static async open(path: string | undefined, progress: Progress): Promise<Sink> {
    if (path === undefined) return new Sink(process.stdout, true, progress);
    const handle = await open(path, 'w');
    return new Sink(handle.createWriteStream({ encoding: 'utf8' }), false, progress);
  }

  write(text: string): void {
    if (text === '' || this.failure !== undefined) return;
    // Reports printed on the terminal the progress bar is drawn on: clear the bar first.
    if (this.toStdout) this.progress.clear();
    if (!this.stream.write(text)) this.blocked = true;
  }

  /** Resolves once the stream has room again. */
  drained(): Promise<void> {
    if (!this.blocked || this.failure !== undefined) return Promise.resolve();
    return new Promise((done) => this.drainWaiters.push(done));
  }

  onDrain(listener: () => void): void {
    this.drainListeners.push(listener);
  }

  /** Flushes (and closes a file); rejects with the stream's error. */
  async close(): Promise<void> {
    if (this.toStdout) {
      await new Promise<void>((done) => this.stream.write('', () => done()));
      return;
    }
    await new Promise<void>((done, reject) => {
      if (this.failure !== undefined) return reject(this.failure);
      this.stream.once('error', reject);
      this.stream.end(() => done());
    });
    // A file stream's end callback runs on 'finish'; wait for the file to be closed too.
    await new Promise<void>((done) => {
      const s = this.stream as NodeJS.WritableStream & { closed?: boolean };
      if (s.closed) done();
      else this.stream.once('close', () => done());
    });
  }
}

interface ReportWriter {
  /** One result, in input order; `index` counts the results written before it. */
  report(result: AuditResult, index: number): void;
  /** What follows the results: the files that could not be audited, the summary, the SARIF rules… */
  end(inputErrors: InputError[], counts: { reports: number; passed: number }): Promise<void>;
}

/** Writes each format as the results come (HTML excepted: the page is built from every result at the end). */
async function reportWriter(
  options: CliOptions,
  auditor: Auditor,
  sink: Sink,
  env: { cwd: string; color: boolean; width: number | undefined },
): Promise<ReportWriter> {
  const locale = options.locale;
  const rules = auditor.rules;
  switch (options.format) {
    case 'json': {
      // The bytes of JSON.stringify(results, null, 2) + '\n', one element at a time.
      let any = false;
      return {
        report(result) {
          sink.write((any ? ',\n  ' : '[\n  ') + JSON.stringify(result, null, 2).replace(/\n/g, '\n  '));
          any = true;
        },
        async end() {
          sink.write(any ? '\n]\n' : '[]\n');
        },
      };
    }
    case 'jsonl':
      return {
        report(result) {
          sink.write(JSON.stringify(result) + '\n');
        },
        async end() {},
      };
    case 'csv': {
      // The rule columns are those of the first result (every result of one auditor has the same), as toCsv takes them.
      let ruleIds: string[] | undefined;
      const common = { locale, rules };
      if (options.output !== undefined) sink.write('\uFEFF');
      return {
        report(result, index) {
          if (ruleIds === undefined) {
            ruleIds = ruleIdsOf([result]);
            sink.write(csvHeader(ruleIds, common));
          }
          sink.write(csvRow(result, index, ruleIds, common));
        },
        async end(inputErrors) {
          if (ruleIds === undefined) {
            ruleIds = [];
            sink.write(csvHeader(ruleIds, common));
          }
          sink.write(csvInputErrorRows(ruleIds, { ...common, inputErrors }));
        },
      };
    }
    case 'sarif': {
      const sarif = sarifStream({ locale, rules, toolVersion: pkg.version, srcRoot: pathToFileURL(env.cwd + sep).href });
      // The artifacts (one per report) follow the results: they wait in a temporary file, not in memory.
      const spoolDir = await mkdtemp(join(tmpdir(), 'xxgk-audit-sarif-'));
      const spoolPath = join(spoolDir, 'artifacts.json');
      const spool = await open(spoolPath, 'w');
      let pending = Promise.resolve();
      sink.write(sarif.head());
      return {
        report(result) {
          sink.write(sarif.results(result));
          const artifact = sarif.artifact(result);
          pending = pending.then(() => spool.write(artifact).then(() => undefined));
        },
        async end(inputErrors) {
          try {
            await pending;
            await spool.close();
            sink.write(sarif.middle());
            for await (const chunk of createReadStream(spoolPath, { encoding: 'utf8' })) {
              sink.write(chunk as string);
              await sink.drained();
            }
            sink.write(sarif.tail(inputErrors));
          } finally {
            await rm(spoolDir, { recursive: true, force: true });
          }
        },
      };
    }
    case 'html': {
      // Known limit: the HTML page is built from every result at the end.
      const results: AuditResult[] = [];
      return {
        report(result) {
          results.push(result);
        },
        async end(inputErrors) {
          sink.write(toHtml(results, { locale, rules, inputErrors, generatedAt: new Date().toLocaleString(locale, { hour12: false }) }));
        },
      };
    }
    default: {
      const textOptions = { locale, rules, color: env.color, verbose: options.verbose, width: env.width };
      const index = ruleIndex(textOptions);
      return {
        report(result, i) {
          sink.write(formatTextReport(result, i, textOptions, index));
        },
        async end(inputErrors, counts) {
          const skipped = inputErrors.filter(isSkipped).length;
          sink.write(
            formatTextEnd(
              { reports: counts.reports, passed: counts.passed, failed: counts.reports - counts.passed, unreadable: inputErrors.length - skipped, skipped },
              { ...textOptions, inputErrors },
            ),
          );
        },
      };
    }
  }
}

if (isMainThread) {
  // A closed pipe (xxgk-audit … | head) is not an error of ours.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`xxgk-audit: ${MESSAGES[sniffLocale(process.argv)].internal(e instanceof Error ? (e.stack ?? e.message) : String(e))}\n`);
      process.exitCode = 2;
    },
  );
} else if ((workerData as Partial<WorkerInit> | null)?.xxgkAuditWorker) {
  void workerMain();
}
