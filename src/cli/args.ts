/**
 * The command line: the help text, and the options parsed and checked (a bad one is a UsageError, in
 * the language asked for).
 */
import { SEARCHED_EXTENSIONS } from '../extract/formats';
import type { IssuerType, Locale, Severity } from '../types';
import { UsageError, type Messages } from './messages';

export const OUTPUT_FORMATS = ['text', 'json', 'jsonl', 'sarif', 'html', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
const SEVERITIES = ['off', 'info', 'warning', 'error', 'warn', '0', '1', '2'] as const;
const ISSUER_TYPES: IssuerType[] = ['government', 'department', 'other'];
/** Worker threads are used for more files than this (when there is more than one core). */
export const WORKER_THRESHOLD = 8;
export const MAX_WORKERS = 8;
/** The extensions searched for in folders, as the help lists them. */
const EXTENSIONS = SEARCHED_EXTENSIONS.join(' ');

export const USAGE: Record<Locale, string> = {
  'zh-CN': `用法：xxgk-audit [选项] <文件|文件夹>...

审核政府信息公开工作年度报告（文件夹中递归查找 ${EXTENSIONS}）。

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

xxgk-audit serve [--port <端口>]  在本机启动审核页面（浏览器中拖入或粘贴报告即可检查），并显示其地址。

退出码：0 全部通过；1 有报告未通过（有错误级问题或得分低于 --min-score）；2 用法或输入错误。
`,
  en: `Usage: xxgk-audit [options] <file|folder>...

Audits government information-disclosure annual reports (folders are searched recursively for
${EXTENSIONS}).

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

xxgk-audit serve [--port <port>]  serve the audit page (drop or paste a report in the browser) on 127.0.0.1 and print its address.

Exit codes: 0 every report passes; 1 some report fails (an error finding, or a score below --min-score);
2 usage or input error.
`,
};

export interface CliOptions {
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
export function sniffLocale(argv: string[]): Locale {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--locale=en' || (a === '--locale' && argv[i + 1] === 'en')) return 'en';
  }
  return 'zh-CN';
}

export function parseArgs(argv: string[], m: Messages): CliOptions {
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
        if (!(OUTPUT_FORMATS as readonly string[]).includes(value)) throw bad(flag, value, OUTPUT_FORMATS.join('|'));
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
