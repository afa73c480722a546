import type { MessageDefinition, Severity, FindingKind } from '../../src/types';
import zhCN from './zh-CN';
import en from './en';

/**
 * Builds a rule's `meta.messages` from the locale files: each message id gets its default severity
 * (and optional kind) here and its texts from zh-CN.ts and en.ts.
 */
export function messagesFor(
  ruleId: string,
  severities: Record<string, Severity | { severity: Severity; kind: FindingKind }>,
): Record<string, MessageDefinition> {
  const out: Record<string, MessageDefinition> = {};
  for (const [id, s] of Object.entries(severities)) {
    const zh = zhCN[ruleId]?.[id];
    if (zh === undefined) throw new Error(`missing zh-CN message ${ruleId}/${id}`);
    const def = typeof s === 'string' ? { severity: s } : s;
    out[id] = { ...def, text: { 'zh-CN': zh, en: en[ruleId]?.[id] } };
  }
  return out;
}

/** The text in the audit's locale: a rule's reasons for `context.inapplicable` / `context.incomplete`. */
export function inLocale(locale: string, text: { 'zh-CN': string; en: string }): string {
  return locale === 'en' ? text.en : text['zh-CN'];
}
