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
