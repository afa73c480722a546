/**
 * contact-info — the report gives the public a way to ask about it: an intent phrase
 * (「如对本报告有疑问，请与…联系」) and contact channels with values (spec/signals.md §3,
 * spec/defects.md CONTACT_INFO_MISSING).
 *
 * Levels:
 * - FULL: an intent phrase (or a labelled contact block) and at least two distinct channels among
 *   {phone, e-mail, address, postcode} in report content;
 * - PARTIAL: one labelled channel, or an intent phrase naming a contact office without values;
 * - NONE: otherwise.
 *
 * Never counted (signals.md §3.3): web chrome (and a portal footer 「地址:…邮编:…」 beside chrome lines),
 * the sign-off of a statistics form (单位负责人/审核人/填报人/联系电话/填报日期), concept mentions without
 * values (「联系方法」, 「公布了监督电话」) and phone-like numbers without a 电话/传真 label within 8
 * characters or an intent phrase within 80 (numbers in tables and statistics).
 *
 * Matching runs on a compacted copy of the text (line wraps and spaces removed), so a contact sentence
 * broken over lines by a PDF extraction is still read; offsets are mapped back. Every regular
 * expression is linear: bounded repetition, no nested quantifiers.
 */
import { defineRule, firstLineRange, numberOption } from '../src/kit/index';
import { messagesFor } from './locales/index';
import { type ChannelKind, findContactInfo, unpublishedSignoffs } from './detect/contact-info';

const RULE_ID = 'contact-info';

const CHANNEL_LABELS: Record<'zh-CN' | 'en', Record<ChannelKind | 'office', string>> = {
  'zh-CN': {
    phone: '电话',
    mobile: '手机',
    email: '电子邮箱',
    postcode: '邮编',
    address: '地址',
    fax: '传真',
    office: '联系机构（没有电话、地址等具体联系方式）',
  },
  en: {
    phone: 'a phone number',
    mobile: 'a mobile number',
    email: 'an e-mail address',
    postcode: 'a postcode',
    address: 'an address',
    fax: 'a fax number',
    office: 'a contact office (no phone, address or other details)',
  },
};

export default defineRule({
  meta: {
    id: RULE_ID,
    impact: 'moderate',
    docs: {
      description: {
        'zh-CN': '报告向公众提供联系方式（如“如对本报告有疑问，请与…联系（地址、邮编、电话、电子邮箱）”），网站页脚和统计表落款中的电话不算',
        en: 'The report gives the public contact details (an office with address, postcode, phone or e-mail); website chrome and the statistics-form sign-off do not count',
      },
      requires: 'report text only (model.fullText with the chrome flags of model.lines)',
    },
    messages: messagesFor(RULE_ID, {
      missing: 'warning',
      partial: 'info',
      formSignoff: 'info',
    }),
    schema: {
      type: 'object',
      properties: {
        labelWindow: { type: 'integer', minimum: 0, maximum: 40 },
        intentWindow: { type: 'integer', minimum: 0, maximum: 400 },
        minChannelsForFull: { type: 'integer', minimum: 1, maximum: 4 },
      },
      additionalProperties: false,
    },
    defaultOptions: { labelWindow: 8, intentWindow: 80, minChannelsForFull: 2 },
  },
  create(context) {
    return {
      'root:exit'() {
        const { model, options } = context;
        // fullText keeps the chrome lines so they can be listed as excluded; they never count.
        const text = model.fullText && model.fullText.length === model.text.length ? model.fullText : model.text;
        const result = findContactInfo(text, model.lines, {
          labelWindow: numberOption(options.labelWindow, 8),
          intentWindow: numberOption(options.intentWindow, 80),
          minChannelsForFull: numberOption(options.minChannelsForFull, 2),
        });
        const labels = CHANNEL_LABELS[context.locale === 'en' ? 'en' : 'zh-CN'];
        const sep = context.locale === 'en' ? ', ' : '、';
        const channelList =
          result.kinds.length > 0 ? result.kinds.map((k) => labels[k]).join(sep) : labels.office;
        const data = { level: result.level, channels: result.kinds, channelList };
        if (result.level === 'NONE') {
          const range: [number, number] = model.title ? [model.title.start, model.title.end] : firstLineRange(model.text);
          context.report({
            messageId: 'missing',
            range,
            data,
            expected: 'FULL',
            actual: 'NONE',
          });
        } else if (result.level === 'PARTIAL') {
          context.report({
            messageId: 'partial',
            range: result.range ?? (model.title ? [model.title.start, model.title.end] : firstLineRange(model.text)),
            data,
            expected: 'FULL',
            actual: 'PARTIAL',
          });
        }
        for (const ch of unpublishedSignoffs(result)) {
          context.report({
            messageId: 'formSignoff',
            range: [ch.start, ch.end],
            data: { ...data, number: ch.value },
          });
        }
      },
    };
  },
});
