/**
 * template-version — the report follows the template in force for its year (spec/signals.md §6,
 * spec/regulations-and-eras.md §4–5, spec/defects.md WRONG_TEMPLATE and TABLES_NOT_MACHINE_READABLE).
 *
 * Expected layout by report year Y: Y ≤ 2018 REG2007 (no tables required), Y ∈ {2019, 2020} TPL2019
 * (国办公开办函〔2019〕60号), Y ≥ 2021 TPL2021 (国办公开办函〔2021〕30号).
 *
 * Findings:
 * - `outdatedTemplate` (error): Y ≥ 2021 and a TPL2019 strong marker (本年新制作数量, 政府集中采购 …) and no
 *   TPL2021 one.
 * - `outdatedOtherHandling` (error): Y ≥ 2021, table 三 printed with the TPL2019 single-leaf 「（六）其他处理」 (its
 *   TPL2021 sub-rows 逾期不补正 / 逾期未按收费通知…缴纳费用 appear nowhere). defects.md lists this among the
 *   WRONG_TEMPLATE errors; signals.md §6 counts it as a supporting TPL2019 marker, so it is reported only when no
 *   strong TPL2019 marker already gave `outdatedTemplate` or `mixedTemplate`.
 * - `templateBeforeIssue` (warning): a template's strong markers in a report year before the template applied
 *   (TPL2021 for Y ≤ 2020, TPL2019 for Y ≤ 2018): mis-dated or republished.
 * - `mixedTemplate` (error): strong markers of both TPL2019 and TPL2021 (decided even without a report year).
 * - `e1Section` (error): Y ≥ 2019 with a REG2007-era section: a top-level 「收费及减免」 section, or a heading
 *   「依申请公开政府信息和不予公开政府信息」. `e1Subsection` (warning): 「收费及减免」 only as a sub-item, a
 *   partial deviation (defects.md, [S31]).
 * - `oldStatistics` (error): Y ≥ 2019 with rows of the pre-2019 统计表 (当面申请数, 申请办结数 …).
 * - `tablesNotMachineReadable` (warning): Y ≥ 2019, the section of table 二/三/四 has none of the table's labels
 *   and is empty (the next heading follows at once) or holds only image names (long digit strings, hashes,
 *   file names) — the table is probably an image; the arithmetic rules then cannot evaluate it.
 * - `tableMissing` (warning): the section holds narrative but not the table. `noTables` (error): Y ≥ 2019 and
 *   none of the three tables anywhere (and none of them unreadable).
 *
 * A marker counts only where it is printed as a label: in a recognised table, a tab or pipe row, or a line
 * without sentence punctuation — not inside a narrative sentence (「主动公开政府集中采购信息…」).
 *
 * Needs: the report year (model.year: title, statistics period, or meta.year). Without it only
 * `mixedTemplate` can be decided; otherwise the rule is inapplicable.
 *
 * Every regular expression of the detector (detect/template-version.ts) is linear: bounded windows, no nested
 * quantifiers.
 */
import { defineRule, numberOption } from '../src/kit/index';
import { messagesFor, inLocale } from './locales/index';
import { type TemplateVersionOptions, DEFAULT_OPTIONS, checkTemplateVersion } from './detect/template-version';

const RULE_ID = 'template-version';

export default defineRule({
  meta: {
    id: RULE_ID,
    impact: 'serious',
    docs: {
      description: {
        'zh-CN':
          '报告的结构和表格符合报告年度施行的格式：2021年度起用2021年版格式（国办公开办函〔2021〕30号），2019、2020年度用2019年版格式（〔2019〕60号），2018年度及以前按2007年《条例》编写、不要求表格；不混用新旧格式，不沿用旧的章节和统计表；表二、表三、表四以文字表格发布（图片表格无法核对）',
        en:
          'The layout follows the template in force for the report year: TPL2021 (国办公开办函〔2021〕30号) from 2021, TPL2019 (〔2019〕60号) for 2019–2020, REG2007 (no tables required) up to 2018; no mixing of templates, no REG2007-era sections or old statistics table after 2018; tables 二/三/四 published as text (image tables cannot be checked)',
      },
      requires:
        'the report year (model.year: from the title, the statistics period or meta.year); without it only a mixed TPL2019/TPL2021 table can be reported',
    },
    messages: messagesFor(RULE_ID, {
      outdatedTemplate: 'error',
      outdatedOtherHandling: 'error',
      templateBeforeIssue: 'warning',
      mixedTemplate: 'error',
      e1Section: 'error',
      e1Subsection: 'warning',
      oldStatistics: 'error',
      tablesNotMachineReadable: 'warning',
      tableMissing: 'warning',
      noTables: 'error',
    }),
    schema: {
      type: 'object',
      properties: {
        checkOtherHandlingRow: { type: 'boolean' },
        checkTables: { type: 'boolean' },
        imageSectionMaxChars: { type: 'integer', minimum: 0, maximum: 500 },
      },
      additionalProperties: false,
    },
    defaultOptions: { ...DEFAULT_OPTIONS },
  },
  create(context) {
    return {
      'root:exit'() {
        const { model } = context;
        const options = context.options as Partial<TemplateVersionOptions>;
        const result = checkTemplateVersion(
          {
            text: model.text,
            lines: model.lines,
            tableRanges: model.tableRanges,
            year: model.year,
            sections: model.sections,
            tables: model.tables,
            title: model.title,
          },
          {
            checkOtherHandlingRow: options.checkOtherHandlingRow ?? DEFAULT_OPTIONS.checkOtherHandlingRow,
            checkTables: options.checkTables ?? DEFAULT_OPTIONS.checkTables,
            imageSectionMaxChars: numberOption(options.imageSectionMaxChars, DEFAULT_OPTIONS.imageSectionMaxChars),
          },
        );
        if (!result.applicable) {
          context.inapplicable(inLocale(context.locale, { 'zh-CN': '未能确定报告年度（标题、统计期限中都没有年份，也未提供 meta.year），无法判断应当使用的年度报告格式', en: 'the report year is unknown (no year in the title or the statistics period, and no meta.year), so the template in force cannot be determined' }));
          return;
        }
        for (const f of result.findings) {
          context.report({ messageId: f.messageId, range: f.range, data: f.data, expected: f.expected, actual: f.actual });
        }
      },
    };
  },
});
