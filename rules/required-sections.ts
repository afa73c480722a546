/**
 * required-sections — the statutory parts of the report's era are present (spec/sections.md,
 * spec/defects.md SECTION_MISSING / SECTION_MERGED, spec/regulations-and-eras.md §2.2, §3.2, §4, §5).
 *
 * Statutory items:
 * - E1 (report year ≤ 2018, REG2007 Art. 32): 主动公开 / 依申请公开和不予公开 / 收费及减免 / 复议诉讼 /
 *   存在的主要问题及改进情况 / 其他需要报告的事项. The overview (概述) is optional and never reported.
 * - E2/E3 (report year ≥ 2019, REG2019 Art. 50 and the TPL2019/TPL2021 outline): 一 总体情况 … 六 其他需要报告的事项.
 *
 * Each item is looked for, in this order:
 * 1. a heading whose canonical key (given by the section structure) is the item's key. A top-level
 *    heading, or a sub-heading under a heading of no key or of the same key, makes the item `present`;
 *    a sub-heading under another statutory section (e.g. （一）主要问题 inside 三、…复议… ) makes it
 *    `merged` into that section.
 * 2. under E2/E3, a recognised template table (表二/三/四) makes 二/三/四 `present` (sections.md §4 step 5).
 * 3. content (sections.md §4 step 4) for 主动公开, 依申请公开, 收费及减免 and 复议诉讼: a statement with a
 *    count, an amount, or a nil statement (未收到申请, 未收取费用, 未发生复议诉讼). A bare mention of the
 *    topic (「公布了…收费依据、收费标准」) is not a statement. Content makes the item `merged`. Headings,
 *    table lines and the intro sentence that lists the report's parts (「全文包括…六个部分」) are not
 *    content. Under E2/E3 the overview's own sub-aspects (（一）主动公开 （二）依申请公开) are part of 一 and
 *    never stand in for the table sections 二/三/四.
 * 4. otherwise the item is `missing`.
 *
 * Findings: `missing` (error) for a statutory item; `missingOther` (warning) for the E1 其他需要报告的事项,
 * which the law lists but practice often omits (UNCONFIRMED wording; option `requireOtherInE1`);
 * `merged` / `mergedUntitled` (info) when the content exists without its own heading.
 *
 * Position of a missing-section finding: the last sentence of the statutory section that should come
 * before it (where the missing part belongs and would be inserted; table rows are passed over, and
 * the section's heading stands in when it has no sentence), or the report title when the missing
 * part would be the first one. A zero-width point would give no snippet; the sentence that the new
 * part should follow is what a clerk needs to see, and it is the same words however the copy was
 * laid out (presentations.md §5). A merged finding points at the content found.
 *
 * Options: `requireOtherInE1` (default true), `attachmentCountsAsOther` (default true: under E1 an
 * attached statistics table, 「附件2」, counts as 其他需要报告的事项 — a variant seen in sections.md §1.2,
 * UNCONFIRMED), `contentFallback` (default true).
 *
 * Every regular expression of the detector (detect/required-sections.ts) is linear: bounded windows, no
 * nested quantifiers.
 */
import { defineRule, shorten } from '../src/kit/index';
import { messagesFor, inLocale } from './locales/index';
import { type RequiredSectionsOptions, DEFAULT_OPTIONS, checkRequiredSections } from './detect/required-sections';

const RULE_ID = 'required-sections';

export default defineRule({
  meta: {
    id: RULE_ID,
    impact: 'critical',
    docs: {
      description: {
        'zh-CN':
          '年度报告包含所属时期的全部法定内容：2018年及以前为《条例》（2007年）第三十二条的六项内容，2019年起为年度报告格式的六个部分（一 总体情况至六 其他需要报告的事项）。先按标题识别，再按正文内容识别（内容写在其他部分中视为合并）。缺失的部分定位在它应当所在的位置：前一个法定部分的最后一句，或报告标题。',
        en:
          'The report contains every statutory part of its era: the six REG2007 Art. 32 items for report years up to 2018, the six parts of the national template (一 总体情况 … 六 其他需要报告的事项) from 2019. Parts are found by heading, then by content (content inside another part counts as merged). A missing part is reported where it belongs: on the last sentence of the statutory part before it, or on the report title.',
      },
      requires: 'the report year (for the era) or a template fingerprint; the section structure',
    },
    messages: messagesFor(RULE_ID, {
      missing: 'error',
      missingOther: 'warning',
      merged: 'info',
      mergedUntitled: 'info',
    }),
    schema: {
      type: 'object',
      properties: {
        requireOtherInE1: { type: 'boolean' },
        attachmentCountsAsOther: { type: 'boolean' },
        contentFallback: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    defaultOptions: { ...DEFAULT_OPTIONS },
  },
  create(context) {
    return {
      'root:exit'() {
        const model = context.model;
        const options = context.options as Partial<RequiredSectionsOptions>;
        const result = checkRequiredSections(
          {
            text: model.text,
            sections: model.sections,
            era: model.era,
            template: model.template,
            tables: model.tables,
            title: model.title,
            tableRanges: model.tableRanges,
          },
          options,
        );
        if (!result) {
          context.inapplicable(
            inLocale(context.locale, {
              'zh-CN': '报告年度不详，也没有可辨认的年度报告格式，无法确定应有哪些法定部分',
              en: 'the report year is unknown and no template was recognised: the statutory parts cannot be determined',
            }),
          );
          return;
        }
        const requireOther = options.requireOtherInE1 ?? DEFAULT_OPTIONS.requireOtherInE1;
        for (const item of result.items) {
          const section = { key: item.key, title: item.heading };
          const data = { section: item.heading, key: item.key, item: item.id, era: result.era };
          if (item.status === 'missing') {
            const isE1Other = item.id === 'E1_OTHER';
            if (isE1Other && !requireOther) continue;
            context.report({
              messageId: isE1Other ? 'missingOther' : 'missing',
              range: item.anchor?.range,
              section,
              data: { ...data, after: item.anchor?.after ?? '' },
            });
          } else if (item.status === 'merged') {
            const excerpt = item.range ? shorten(model.text.slice(item.range[0], item.range[1]).trim(), 40) : '';
            context.report({
              messageId: item.foundIn ? 'merged' : 'mergedUntitled',
              range: item.range,
              data: { ...data, foundIn: item.foundIn?.title ?? '', via: item.via, excerpt },
            });
          }
        }
      },
    };
  },
});
