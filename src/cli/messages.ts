/**
 * What the command says, in zh-CN (the default) or English (--locale en): its own messages, and the
 * error a usage or input problem ends it with.
 */
import type { Locale } from '../types';
import { SEARCHED_EXTENSIONS } from '../extract/formats';

/** The extensions searched for in folders, as the messages list them. */
const EXTENSIONS = SEARCHED_EXTENSIONS.join(' ');

export interface Messages {
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

export const MESSAGES: Record<Locale, Messages> = {
  'zh-CN': {
    locale: 'zh-CN',
    seeHelp: '运行 xxgk-audit --help 查看用法。',
    unknownOption: (o) => `未知选项 ${o}`,
    missingValue: (o) => `选项 ${o} 需要一个值`,
    badValue: (o, v, allowed) => `选项 ${o} 的值“${v}”无效，应为${allowed}`,
    noInput: '请指定要审核的文件或文件夹',
    notFound: '找不到该文件或文件夹',
    noReports: `文件夹是空的：其中没有可审核的文件（${EXTENSIONS}）`,
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
    noReports: `the folder is empty: it holds no file to audit (${EXTENSIONS})`,
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
export class UsageError extends Error {}

/** The message of an error; a missing file in the user's language when `m` is given. */
export function errorText(e: unknown, m?: Messages): string {
  if (e instanceof Error) {
    const code = (e as NodeJS.ErrnoException).code;
    if (m && code === 'ENOENT') return m.notFound;
    return e.message;
  }
  return String(e);
}
