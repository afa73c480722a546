import type { Locale, MessageDefinition } from '../types';

function show(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(show).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Fills {{placeholders}} of a message in the locale (zh-CN when the locale has no text). */
export function formatMessage(def: MessageDefinition, locale: Locale, data: Record<string, unknown> | undefined): string {
  const template = (locale === 'en' ? def.text.en : undefined) ?? def.text['zh-CN'];
  return template.replace(/\{\{\s{0,4}([A-Za-z0-9_]{1,40})\s{0,4}\}\}/g, (_, name: string) =>
    data && name in data ? show(data[name]) : `{{${name}}}`,
  );
}

const TEMPLATE_NAMES: Record<Locale, Record<string, string>> = {
  'zh-CN': { REG2007: '2007年条例格式', TPL2019: '2019年版格式', TPL2021: '2021年版格式', unknown: '未识别的格式' },
  en: { REG2007: 'the 2007 Regulations layout', TPL2019: 'the 2019 template', TPL2021: 'the 2021 template', unknown: 'an unrecognised layout' },
};

const ERA_NAMES: Record<Locale, Record<string, string>> = {
  'zh-CN': { E1: '2007年《条例》时期', E2: '2019年《条例》、2019年版格式时期', E3: '2021年版格式时期' },
  en: { E1: 'the 2007 Regulations era', E2: 'the 2019 Regulations era (2019 template)', E3: 'the 2021 template era' },
};

/**
 * The engine's own reasons for an outcome (rules give theirs through `context.inapplicable` /
 * `context.incomplete`), in the audit's locale. A crash quotes the error's message as it is.
 */
export const engineReasons: Record<
  Locale,
  {
    notApplicable: (template: string, era: string | null) => string;
    crashed: (message: string) => string;
    dropped: (n: number) => string;
  }
> = {
  'zh-CN': {
    notApplicable: (template, era) =>
      `本规则不适用于${TEMPLATE_NAMES['zh-CN'][template] ?? template}${era ? `（${ERA_NAMES['zh-CN'][era] ?? era}）` : ''}的报告`,
    crashed: (message) => `规则运行出错，未能完成检查，请人工核对（错误信息：“${message}”）`,
    dropped: (n) => `另有 ${n} 个问题未列出（超过 maxFindingsPerRule 上限）`,
  },
  en: {
    notApplicable: (template, era) =>
      `the rule does not apply to reports in ${TEMPLATE_NAMES.en[template] ?? template}${era ? ` (${ERA_NAMES.en[era] ?? era})` : ''}`,
    crashed: (message) => `the rule crashed and could not finish; check by hand (error: "${message}")`,
    dropped: (n) => `${n} more ${n === 1 ? 'finding' : 'findings'} not listed (maxFindingsPerRule)`,
  },
};
