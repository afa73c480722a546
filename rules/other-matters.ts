/**
 * other-matters — under the 2021 template (report years from 2021) section 六 「其他需要报告的事项」 is not
 * a bare 「无」 and reports the 信息处理费 (spec/defects.md OTHER_SECTION_EMPTY_2021; regulations-and-eras.md §4.4,
 * §4.5; tables.md T3-8). The blank 30号 template itself says of 六: 「（文字描述，收取信息处理费情况在此处报告。）」.
 *
 * - the body of 六 is empty, 「无」/「无。」, a bare nil statement (「本年度无其他需要报告的事项」) or under
 *   `minLength` (10) characters → error `empty`;
 * - the body never mentions the fee: 信息处理费, 信息公开处理费 (a real variant: 「本机关未收取信息公开处理费」),
 *   or 收费 / 收取…费用 / 缴费 / 免费 in the fee sense → warning `noFee`. 表二's 行政事业性收费 (本年收费金额，
 *   Art. 20(8) administrative fees) is a different concept: 「行政事业性收费」, 「收费金额」, 「收费项目」 never count.
 *   「收费事项」 does count (「未发生政府信息公开收费事项」 answers the fee question). The body is read with tables
 *   blanked, and a trailing signature (issuer name, date) is not part of it;
 * - T3-8 (soft): 表三 （六）2 「申请人逾期未按收费通知要求缴纳费用」 > 0 means fee notices were issued; when 六
 *   says nothing about the fee, the warning is `unpaidWithoutFee` instead of `noFee`;
 * - UNCONFIRMED sub-items seen in practice (工作要点, 人大代表建议/政协提案, 创新) → info `subItemsMissing`
 *   (option `subItems`, [] to switch off).
 * Before 2021 (no 信息处理费 existed) and E1 → inapplicable. A report without 六 is inapplicable here: the
 * missing section is `required-sections`' finding, not reported twice.
 */
import { defineRule, shorten } from '../src/kit/index';
import { messagesFor, inLocale } from './locales/index';
import { type SubItem, type OtherMattersOptions, DEFAULT_OPTIONS, checkOtherMatters } from './detect/other-matters';

const RULE_ID = 'other-matters';

const SUB_ITEM_ZH: Record<SubItem, string> = {
  workPoints: '落实上级年度政务公开工作要点情况',
  proposals: '人大代表建议和政协提案办理结果公开情况',
  innovation: '政务公开工作创新情况',
};
const SUB_ITEM_EN: Record<SubItem, string> = {
  workPoints: 'how the annual 政务公开工作要点 were carried out',
  proposals: 'publication of the handling of NPC deputies’ suggestions and CPPCC proposals',
  innovation: 'innovations in disclosure work',
};

export default defineRule({
  meta: {
    id: RULE_ID,
    impact: 'moderate',
    docs: {
      description: {
        'zh-CN':
          '2021年度起（2021年版年度报告格式），“六、其他需要报告的事项”不能只写“无”或少于10个字，并应说明信息处理费的收取情况（《政府信息公开信息处理费管理办法》；格式模板注明“收取信息处理费情况在此处报告”）。表二的“行政事业性收费”是另一回事，不能代替。表三“申请人逾期未按收费通知要求缴纳费用”大于0而六未说明收费情况的，提示补充。落实工作要点、建议提案办理结果公开、工作创新等实践中常见的内容缺少时作为提示。',
        en:
          'From report year 2021 (TPL2021), section 六 其他需要报告的事项 is not a bare 「无」 or under 10 characters, and states whether a 信息处理费 was charged (FEE2020; the template says the fee is reported here). Table 二’s 行政事业性收费 is a different concept and does not count. A non-zero 表三 （六）2 (fee notice not paid) with no fee statement in 六 is flagged. The sub-items seen in practice (工作要点, 建议提案, 创新) are info when absent.',
      },
      requires: 'the report year (2021 or later) and section 六 (其他需要报告的事项) found by its heading; 表三 for the fee-notice check',
    },
    messages: messagesFor(RULE_ID, {
      empty: 'error',
      noFee: 'warning',
      unpaidWithoutFee: 'warning',
      subItemsMissing: 'info',
    }),
    schema: {
      type: 'object',
      properties: {
        minLength: { type: 'integer', minimum: 0, maximum: 200 },
        subItems: { type: 'array', items: { enum: ['workPoints', 'proposals', 'innovation'] }, uniqueItems: true },
        checkUnpaid: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    defaultOptions: { ...DEFAULT_OPTIONS, subItems: [...DEFAULT_OPTIONS.subItems] },
  },
  create(context) {
    return {
      'root:exit'() {
        const model = context.model;
        if (model.year === null) {
          context.inapplicable(inLocale(context.locale, { 'zh-CN': '无法确定报告年度：信息处理费自2021年起收取，六的要求按2021年版格式判断', en: 'the report year is unknown: the information processing fee exists from 2021, and part 6 is judged by the 2021 template' }));
          return;
        }
        if (model.era === 'E1' || model.year < 2021) {
          context.inapplicable(inLocale(context.locale, { 'zh-CN': `${model.year}年度报告不适用2021年版年度报告格式，当时没有信息处理费（自2021年1月1日起收取）`, en: `a ${model.year} report does not follow the 2021 template; there was no information processing fee then (charged from 1 January 2021)` }));
          return;
        }
        const result = checkOtherMatters(
          { text: model.text, sections: model.sections, tableRanges: model.tableRanges, tables: model.tables },
          context.options as Partial<OtherMattersOptions>,
        );
        if (result.status === 'noSection') {
          context.inapplicable(inLocale(context.locale, { 'zh-CN': '报告中没有“其他需要报告的事项”部分；缺少这一部分由 required-sections 规则报告', en: 'the report has no part for other matters; required-sections reports that it is missing' }));
          return;
        }
        const { section, body } = result;
        const heading = section.heading;
        const headingRange: [number, number] = [section.headingStart, section.headingEnd];
        const data = { heading, body: shorten(body.text, 40), length: body.length, unpaid: result.unpaid };
        if (result.status === 'empty') {
          context.report({
            messageId: 'empty',
            range: [section.headingStart, Math.max(section.headingEnd, body.range[1])],
            data: { ...data, body: body.text.length > 0 ? shorten(body.text, 40) : '（空白）', bodyEn: body.text.length > 0 ? shorten(body.text, 40) : '(blank)' },
          });
          return;
        }
        if (result.status === 'noFee') context.report({ messageId: 'noFee', range: headingRange, data });
        if (result.status === 'unpaidWithoutFee') {
          context.report({ messageId: 'unpaidWithoutFee', range: headingRange, data: { ...data, count: result.unpaid } });
        }
        if (result.missingSubItems.length > 0) {
          context.report({
            messageId: 'subItemsMissing',
            range: headingRange,
            data: {
              ...data,
              items: result.missingSubItems,
              missing: result.missingSubItems.map((k) => SUB_ITEM_ZH[k]).join('、'),
              missingEn: result.missingSubItems.map((k) => SUB_ITEM_EN[k]).join('; '),
            },
          });
        }
      },
    };
  },
});
