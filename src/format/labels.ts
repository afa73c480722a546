/**
 * Words the formatters print around the findings (the findings' own messages are already in the
 * auditor's locale). Pure data and small helpers shared by the text, HTML, CSV and SARIF formatters.
 */
import type {
  AuditResult,
  Impact,
  Locale,
  Outcome,
  RuleMeta,
  SectionKey,
  Severity,
  TemplateKey,
} from '../types';
import { getRules } from '../api';

/** Rule metadata as `getRules()` and `createAuditor().rules` give it. */
export type RuleInfo = { id: string; meta: RuleMeta };

/** A file that could not be audited (not found, unreadable, not a report…). */
export interface InputError {
  /** The file as the user named it. */
  uri: string;
  /** What went wrong, in the user's language. */
  message: string;
  /** The AuditInputError code, when there is one: NOT_A_REPORT and EMPTY are listed apart from unreadable files. */
  code?: string;
}

/** Options every formatter accepts. */
export interface FormatOptions {
  /** Language of the words around the findings (zh-CN by default). */
  locale?: Locale;
  /** Rule metadata (descriptions, help links); by default the built-in rules (`getRules()`). */
  rules?: ReadonlyArray<RuleInfo>;
  /** Files that could not be audited; listed beside the results. */
  inputErrors?: ReadonlyArray<InputError>;
}

export interface Words {
  outcome: Record<Outcome, string>;
  severity: Record<Severity, string>;
  impact: Record<Impact, string>;
  template: Record<TemplateKey, string>;
  section: Record<SectionKey, string>;
  verdictPass: string;
  verdictFail: string;
  score: string;
  noTitle: string;
  noIssuer: string;
  noYear: string;
  year: (y: number) => string;
  line: (line: number, column: number) => string;
  /** A point's place with its page when it has one (PDF): 「第4页 第63行第10列」. */
  where: (point: { line: number; column: number; page?: number }) => string;
  page: (page: number) => string;
  pagesHeader: string;
  expected: string;
  actual: string;
  section_: string;
  snippet: string;
  file: string;
  title: string;
  issuer: string;
  yearHeader: string;
  templateHeader: string;
  result: string;
  findings: string;
  error: string;
  rule: string;
  description: string;
  ruleCrashed: (ruleId: string, message: string) => string;
  counts: (c: SeverityCounts) => string;
  belowMinScore: (min: number) => string;
  summary: (s: BatchSummary) => string;
  unreadable: string;
  passedRules: string;
  inapplicableRules: string;
  incompleteRules: string;
  reason: string;
  noFindings: string;
  notReportsHeading: (n: number) => string;
  colon: string;
  separator: string;
  values: Record<string, string>;
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export interface BatchSummary {
  reports: number;
  passed: number;
  failed: number;
  unreadable: number;
  /** Files that are not annual reports (or empty), skipped. */
  skipped: number;
}

const zh: Words = {
  outcome: { pass: '通过', fail: '未通过', incomplete: '未完成', inapplicable: '不适用' },
  severity: { error: '错误', warning: '警告', info: '提示' },
  impact: { critical: '关键', serious: '严重', moderate: '中等', minor: '轻微' },
  template: {
    REG2007: '2007年条例格式',
    TPL2019: '2019年版格式',
    TPL2021: '2021年版格式',
    unknown: '格式未识别',
  },
  section: {
    overview: '总体情况',
    proactive: '主动公开政府信息情况',
    requests: '收到和处理政府信息公开申请情况',
    fees: '收费及减免情况',
    'review-litigation': '政府信息公开行政复议、行政诉讼情况',
    problems: '存在的主要问题及改进情况',
    other: '其他需要报告的事项',
  },
  verdictPass: '通过',
  verdictFail: '未通过',
  score: '得分',
  noTitle: '（无标题）',
  noIssuer: '发布机关不详',
  noYear: '年份不详',
  year: (y) => `${y}年`,
  line: (line, column) => `第${line}行第${column}列`,
  where: (p) => (p.page ? `第${p.page}页 ` : '') + `第${p.line}行第${p.column}列`,
  page: (page) => `第${page}页`,
  pagesHeader: '问题所在页',
  expected: '应为',
  actual: '实为',
  section_: '所在部分',
  snippet: '原文',
  file: '文件',
  title: '标题',
  issuer: '发布机关',
  yearHeader: '年份',
  templateHeader: '格式',
  result: '结论',
  findings: '问题数',
  error: '错误信息',
  rule: '规则',
  description: '检查内容',
  ruleCrashed: (id, m) => `规则 ${id} 运行出错，结果不完整：${m}`,
  counts: (c) => `错误 ${c.error} 个，警告 ${c.warning} 个，提示 ${c.info} 个`,
  belowMinScore: (min) => `低于最低分 ${min}`,
  summary: (s) =>
    `共审核 ${s.reports} 份报告：${s.passed} 份通过，${s.failed} 份未通过` +
    (s.skipped > 0 ? `；${s.skipped} 个文件不是年度报告，未审核` : '') +
    (s.unreadable > 0 ? `；${s.unreadable} 个文件无法审核` : '') +
    '。',
  unreadable: '无法审核的文件',
  passedRules: '通过',
  inapplicableRules: '不适用',
  incompleteRules: '未完成',
  reason: '原因',
  noFindings: '未发现问题。',
  notReportsHeading: (n) => `以下 ${n} 个文件不是政府信息公开工作年度报告，未审核：`,
  colon: '：',
  separator: '；',
  values: {
    REG2007: '2007年条例格式',
    TPL2019: '2019年版格式',
    TPL2021: '2021年版格式',
    FULL: '完整的联系方式',
    PARTIAL: '不完整的联系方式',
    NONE: '无',
    EXPLICIT: '写明统计期限',
    IMPLICIT: '只写了起止时间',
    true: '是',
    false: '否',
  },
};

const en: Words = {
  outcome: { pass: 'pass', fail: 'fail', incomplete: 'incomplete', inapplicable: 'not applicable' },
  severity: { error: 'error', warning: 'warning', info: 'info' },
  impact: { critical: 'critical', serious: 'serious', moderate: 'moderate', minor: 'minor' },
  template: {
    REG2007: '2007 Regulations layout',
    TPL2019: '2019 template',
    TPL2021: '2021 template',
    unknown: 'layout not recognised',
  },
  section: {
    overview: 'Overview',
    proactive: 'Proactive disclosure',
    requests: 'Disclosure requests',
    fees: 'Fees and waivers',
    'review-litigation': 'Administrative review and litigation',
    problems: 'Problems and improvements',
    other: 'Other matters',
  },
  verdictPass: 'passed',
  verdictFail: 'failed',
  score: 'score',
  noTitle: '(no title)',
  noIssuer: 'issuer unknown',
  noYear: 'year unknown',
  year: (y) => String(y),
  line: (line, column) => `line ${line}, column ${column}`,
  where: (p) => (p.page ? `page ${p.page}, ` : '') + `line ${p.line}, column ${p.column}`,
  page: (page) => `page ${page}`,
  pagesHeader: 'finding pages',
  expected: 'expected',
  actual: 'actual',
  section_: 'section',
  snippet: 'text',
  file: 'file',
  title: 'title',
  issuer: 'issuer',
  yearHeader: 'year',
  templateHeader: 'template',
  result: 'result',
  findings: 'findings',
  error: 'error',
  rule: 'rule',
  description: 'checks',
  ruleCrashed: (id, m) => `rule ${id} crashed, its result is incomplete: ${m}`,
  counts: (c) => `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info} info`,
  belowMinScore: (min) => `below the minimum score ${min}`,
  summary: (s) =>
    `${plural(s.reports, 'report')} audited: ${s.passed} passed, ${s.failed} failed` +
    (s.skipped > 0 ? `; ${plural(s.skipped, 'file')} skipped (not ${s.skipped === 1 ? 'an annual report' : 'annual reports'})` : '') +
    (s.unreadable > 0 ? `; ${plural(s.unreadable, 'file')} could not be audited` : '') +
    '.',
  unreadable: 'Files that could not be audited',
  passedRules: 'passed',
  inapplicableRules: 'not applicable',
  incompleteRules: 'incomplete',
  reason: 'reason',
  noFindings: 'No findings.',
  notReportsHeading: (n) => `${n === 1 ? 'This file is' : `These ${n} files are`} not government information-disclosure annual reports and ${n === 1 ? 'was' : 'were'} not audited:`,
  colon: ': ',
  separator: '; ',
  values: {
    REG2007: '2007 Regulations layout',
    TPL2019: '2019 template',
    TPL2021: '2021 template',
    FULL: 'full contact details',
    PARTIAL: 'partial contact details',
    NONE: 'none',
    EXPLICIT: 'a stated statistics period',
    IMPLICIT: 'dates without the words 统计期限',
    true: 'yes',
    false: 'no',
  },
};

/** `1 report`, `2 reports`. */
export function plural(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : noun + 's'}`;
}

export function wordsFor(locale: Locale | undefined): Words {
  return locale === 'en' ? en : zh;
}

/** The one verdict: `result.passed`, computed once by the engine (no error finding, score ≥ minScore). */
export function reportPasses(result: AuditResult): boolean {
  return result.passed === true;
}

export function countSeverities(result: AuditResult): SeverityCounts {
  const c: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of result.findings) c[f.severity]++;
  return c;
}

export function summarize(results: ReadonlyArray<AuditResult>, options: FormatOptions): BatchSummary {
  const passed = results.filter((r) => reportPasses(r)).length;
  return {
    reports: results.length,
    passed,
    failed: results.length - passed,
    unreadable: (options.inputErrors ?? []).filter((e) => !isSkipped(e)).length,
    skipped: (options.inputErrors ?? []).filter(isSkipped).length,
  };
}

/** A file that is not a report (or is empty): listed apart, not counted as unreadable. */
export function isSkipped(e: InputError): boolean {
  return e.code === 'NOT_A_REPORT' || e.code === 'EMPTY';
}

/** Display width in terminal columns: East Asian wide characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000 ? 2 : 1;
  }
  return w;
}

/**
 * Expected and actual as a person reads them: internal values by their display label (TPL2021 →
 * 「2021年版格式」), and nothing at all when the two read the same (a pair that says 「应为 67467；实为 67467」
 * tells nothing).
 */
export function showPair(expected: unknown, actual: unknown, locale: Locale | undefined): { expected: string; actual: string } {
  const e = showValue(expected, locale);
  const a = showValue(actual, locale);
  if (e === a) return { expected: '', actual: '' };
  return { expected: e, actual: a };
}

/** Rule metadata by id: the given list, else the built-in rules. */
export function ruleIndex(options: FormatOptions): Map<string, RuleMeta> {
  const list = options.rules ?? getRules();
  return new Map(list.map((r) => [r.id, r.meta]));
}

/** The rule's description in the locale, or the id when the rule is unknown. */
export function describeRule(meta: RuleMeta | undefined, id: string, locale: Locale | undefined): string {
  if (!meta) return id;
  const d = meta.docs?.description;
  return (locale === 'en' ? d?.en : d?.['zh-CN']) || d?.['zh-CN'] || d?.en || id;
}

/** The file name or uri a result is shown under. */
export function displayName(result: AuditResult, index: number): string {
  return result.report.uri ?? `#${index + 1}`;
}

/** Shows a value of `expected`/`actual` (internal values by their label, numbers as is, arrays joined, objects as JSON). */
export function showValue(value: unknown, locale?: Locale): string {
  if (value === null || value === undefined) return '';
  const labels = wordsFor(locale).values;
  if (typeof value === 'string') return Object.hasOwn(labels, value) ? labels[value]! : value;
  if (typeof value === 'boolean') return labels[String(value)]!;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((v) => showValue(v, locale)).join(locale === 'en' ? ', ' : '、');
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** The rule ids of a batch in first-seen order (the order the auditor runs them). */
export function ruleIdsOf(results: ReadonlyArray<AuditResult>): string[] {
  const seen = new Set<string>();
  for (const r of results) for (const o of r.rules) seen.add(o.ruleId);
  for (const r of results) for (const f of r.findings) seen.add(f.ruleId);
  return [...seen];
}
