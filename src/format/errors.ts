/**
 * The library's errors in the reader's language, by their stable `code` (the messages the errors carry
 * are English, for developers). Used by the command line and the publish hook; a CMS can do the same.
 */
import { AuditConfigError, AuditInputError } from '../errors';
import type { Locale } from '../types';
import { FORMATS, listOfFormats } from '../extract/formats';

type Params = Record<string, string | number | undefined>;

/** Every format, as a list in a sentence of each locale. */
const FORMAT_LIST: Record<Locale, string> = {
  'zh-CN': listOfFormats(FORMATS.map((f) => f.label['zh-CN']), 'zh-CN'),
  en: listOfFormats(FORMATS.map((f) => f.label.en), 'en'),
};

const INPUT: Record<Locale, Record<string, (p: Params) => string>> = {
  'zh-CN': {
    BAD_INPUT: () => '输入格式不正确：应为字符串或 { content, format?, uri?, meta? }',
    INPUT_TOO_LARGE: (p) => (p.size !== undefined ? `文件过大（${p.size}，上限 ${p.limit}，见配置 maxInputSize）` : '文件过大'),
    BINARY: (p) => `内容不是文字（${p.percent ?? '大量'}% 为控制字符或无法解码的字节）：请提供${FORMAT_LIST['zh-CN']}格式的报告`,
    EMPTY: () => '文件没有任何文字',
    NOT_A_REPORT: () => '不是政府信息公开工作年度报告：没有报告标题、法定部分、统计表，也没有提到政府信息公开',
    CORRUPT_DOCX: () => '不是可读取的 DOCX 文件（文件已损坏或不是 Word 文档）',
    CORRUPT_PDF: () => 'PDF 文件已损坏或不是 PDF',
    ENCRYPTED_PDF: () => 'PDF 有密码保护，无法读取：请提供未加密的 PDF 或文本',
    NO_TEXT_LAYER: () => 'PDF 没有文本层（可能是扫描件），请提供可复制文字的 PDF 或文本',
    UNSUPPORTED_FORMAT: () => '不支持的格式（PDF 需先用 xxgk-audit/pdf 的 readPdf 读取）',
    TOO_COMPLEX: () => '文件结构过于复杂（表格或嵌套超出上限），无法安全读取',
  },
  en: {
    BAD_INPUT: () => 'wrong input: expected a string or { content, format?, uri?, meta? }',
    INPUT_TOO_LARGE: (p) => (p.size !== undefined ? `too large (${p.size}, the limit is ${p.limit}, see config maxInputSize)` : 'too large'),
    BINARY: (p) => `not text (${p.percent ?? 'many'}% control characters or undecodable bytes): give the report as ${FORMAT_LIST.en}`,
    EMPTY: () => 'the file holds no text',
    NOT_A_REPORT: () => 'not a government information-disclosure annual report: no report title, no statutory part, no template table, no mention of 政府信息公开',
    CORRUPT_DOCX: () => 'not a readable DOCX (damaged, or not a Word document)',
    CORRUPT_PDF: () => 'the PDF is damaged or not a PDF',
    ENCRYPTED_PDF: () => 'the PDF is password-protected: give an unencrypted PDF, or the text',
    NO_TEXT_LAYER: () => 'the PDF has no text layer (probably a scan): give a PDF with selectable text, or the text',
    UNSUPPORTED_FORMAT: () => 'unsupported format (read a PDF with readPdf from xxgk-audit/pdf first)',
    TOO_COMPLEX: () => 'the file is too complex to read safely (tables or nesting over the limit)',
  },
};

const CONFIG: Record<Locale, Record<string, (e: AuditConfigError) => string>> = {
  'zh-CN': {
    BAD_CONFIG: (e) =>
      e.allowed ? `配置项 ${e.property ?? ''} 无效，可用的值：${e.allowed.join('、')}` : `配置项 ${e.property ?? ''} 的值无效${schemaRuleZh(e.details)}`,
    UNKNOWN_RULE: (e) => `没有名为“${e.ruleId ?? ''}”的规则（${e.property ?? ''}）；可用的规则：${(e.allowed ?? []).join('、')}`,
    BAD_SEVERITY: (e) => `${e.property ?? ''} 的级别无效，可用的级别：${(e.allowed ?? []).join('、')}`,
    BAD_OPTIONS: (e) => `规则 ${e.ruleId ?? ''} 的选项无效（${e.property ?? ''}）：${e.message}`,
    UNKNOWN_MESSAGE: (e) => `规则 ${e.ruleId ?? ''} 没有这条消息（${e.property ?? ''}）；可用的消息：${(e.allowed ?? []).join('、')}`,
    BAD_PLUGIN: (e) => `插件或规则定义有误：${e.message}`,
  },
  en: {
    BAD_CONFIG: (e) => (e.allowed ? `${e.property ?? 'the configuration'}: not allowed; allowed: ${e.allowed.join(', ')}` : e.message),
    UNKNOWN_RULE: (e) => `no rule named "${e.ruleId ?? ''}" (${e.property ?? ''}); known rules: ${(e.allowed ?? []).join(', ')}`,
    BAD_SEVERITY: (e) => `${e.property ?? ''}: not a severity; allowed: ${(e.allowed ?? []).join(', ')}`,
    BAD_OPTIONS: (e) => e.message,
    UNKNOWN_MESSAGE: (e) => e.message,
    BAD_PLUGIN: (e) => e.message,
  },
};

const TYPE_ZH: Record<string, string> = { integer: '整数', number: '数字', string: '字符串', object: '对象', array: '数组', boolean: '布尔值' };

/** What ajv's first error asks for, in Chinese (「：应为整数」, 「：应不小于 1」). */
function schemaRuleZh(details: unknown[] | undefined): string {
  const first = details?.[0] as { keyword?: string; params?: Record<string, unknown> } | undefined;
  const p = first?.params ?? {};
  switch (first?.keyword) {
    case 'type':
      return `：应为${TYPE_ZH[String(p.type)] ?? String(p.type)}`;
    case 'minimum':
      return `：应不小于 ${String(p.limit)}`;
    case 'maximum':
      return `：应不大于 ${String(p.limit)}`;
    case 'exclusiveMinimum':
      return `：应大于 ${String(p.limit)}`;
    default:
      return '';
  }
}

/** Says an AuditInputError or AuditConfigError in the locale, by its code; other errors by their message. */
export function describeError(error: unknown, locale: Locale = 'zh-CN'): string {
  const l: Locale = locale === 'en' ? 'en' : 'zh-CN';
  if (error instanceof AuditInputError) {
    const say = INPUT[l][error.code];
    return say ? say(error.params ?? {}) : error.message;
  }
  if (error instanceof AuditConfigError) {
    const say = CONFIG[l][error.code];
    return say ? say(error) : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
