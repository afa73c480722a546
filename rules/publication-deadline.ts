/**
 * publication-deadline — the report went public by the deadline for its era and issuer type
 * (spec/defects.md LATE_PUBLICATION, spec/regulations-and-eras.md §6, spec/signals.md §5.2).
 *
 * Deadlines for report year Y (all overridable per issuer type with `deadlines: { <type>: 'MM-DD' }`):
 * - E1 (Y ≤ 2018), any administrative organ: (Y+1)-03-31 (REG2007 Art. 31);
 * - Y ≥ 2019, department of a government at county level or above (「…人民政府办公室」 included):
 *   (Y+1)-01-31, applied strictly by default (REG2019 Art. 49 ¶1; some localities let departments publish
 *   later — set `deadlines.department`);
 * - Y ≥ 2019, people's government at county level or above: (Y+1)-03-31 (Art. 49 ¶2);
 * - Y ≥ 2019, township government or sub-district office (issuerType 'other'): no national deadline
 *   (UNCONFIRMED). The default (Y+1)-03-31 is applied and a late report is a warning 「需按地方规定核对」;
 *   once `deadlines.township` is configured it is the local rule and a late report is an error.
 *
 * The publication date: `model.publishedAt` (meta.publishedAt, or a page metadata line 发布日期/发布时间…
 * parsed by the model). Failing that (option `useSignatureDate`), the signature date among the last 5
 * non-chrome lines (arabic or Chinese numerals, 二〇一九年二月二十八日) — never a statistics-table 填报日期,
 * never a date inside a sentence. A signature date is an ESTIMATE: a late one is a warning, not an error.
 * Without any date the rule is inapplicable: it never guesses.
 */
import { defineRule, firstLineRange, isoDate } from '../src/kit/index';
import { messagesFor } from './locales/index';
import {
  type PublicationDeadlineOptions,
  DEFAULT_OPTIONS,
  type Deadline,
  type DateSource,
  checkPublicationDeadline,
  metadataLineRange,
} from './detect/publication-deadline';

const RULE_ID = 'publication-deadline';

// ---------------------------------------------------------------------------
// Message data
// ---------------------------------------------------------------------------

const BASIS_ZH: Record<Deadline['basis'], string> = {
  'REG2007-31': '《政府信息公开条例》（2007年）第三十一条：各级行政机关应当于每年3月31日前公布本行政机关上一年度的年度报告',
  'REG2019-49-department': '《政府信息公开条例》（2019年修订）第四十九条：县级以上人民政府部门应当于每年1月31日前公布本部门上一年度的年度报告',
  'REG2019-49-government': '《政府信息公开条例》（2019年修订）第四十九条：县级以上地方人民政府应当于每年3月31日前公布本级政府上一年度的年度报告',
  'township-default': '乡镇人民政府、街道办事处没有全国统一期限，参照县级以上人民政府的次年3月31日，需按地方规定核对',
  override: '规则选项中设置的本地期限',
};
const BASIS_EN: Record<Deadline['basis'], string> = {
  'REG2007-31': 'REG2007 Art. 31: every administrative organ publishes its report on the previous year by 31 March',
  'REG2019-49-department': 'REG2019 Art. 49: departments of governments at county level and above publish by 31 January',
  'REG2019-49-government': 'REG2019 Art. 49: local people’s governments at county level and above publish by 31 March',
  'township-default': 'no national deadline for township governments and sub-district offices; 31 March of the next year is assumed — check the local rule',
  override: 'the local deadline set in the rule options',
};
const SOURCE_ZH: Record<DateSource, string> = {
  meta: '发布日期（调用方提供）',
  metadata: '发布日期（网页“发布日期”栏）',
  signature: '落款日期',
};
const SOURCE_EN: Record<DateSource, string> = {
  meta: 'publication date (supplied by the caller)',
  metadata: 'publication date (the page’s 发布日期 line)',
  signature: 'signature date',
};

const monthDaySchema = { type: 'string', pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' };

export default defineRule({
  meta: {
    id: RULE_ID,
    impact: 'serious',
    docs: {
      description: {
        'zh-CN':
          '年度报告按期公开：2018年度及以前各级行政机关为次年3月31日前；2019年度起县级以上人民政府部门为次年1月31日前，县级以上人民政府为次年3月31日前；乡镇人民政府、街道办事处无全国统一期限，默认参照次年3月31日并提示按地方规定核对。没有实际发布日期时，用报告末尾的落款日期估计（逾期只作警告）；统计表的填报日期不算。各类期限可在选项中按地方规定调整。',
        en:
          'The report was published on time: by 31 March of the next year for every organ up to report year 2018; from 2019 by 31 January for departments and by 31 March for people’s governments at county level and above; township governments and sub-district offices have no national deadline (31 March is assumed, flagged for a local check). Without a publication date the signature date is used as an estimate (late → warning only); a statistics-table 填报日期 never counts. Deadlines can be overridden per issuer type.',
      },
      requires:
        'the report year; a publication date (meta.publishedAt or a page 发布日期 line; else the signature date on the last lines, as an estimate); for report years from 2019 the issuer type (meta.issuerType or inferred from the issuer name). Inapplicable without a date.',
    },
    messages: messagesFor(RULE_ID, {
      late: 'error',
      lateLocalRule: 'warning',
      lateEstimated: 'warning',
      dateBeforeYearEnd: 'warning',
    }),
    schema: {
      type: 'object',
      properties: {
        deadlines: {
          type: 'object',
          properties: { e1: monthDaySchema, department: monthDaySchema, government: monthDaySchema, township: monthDaySchema },
          additionalProperties: false,
        },
        useSignatureDate: { type: 'boolean' },
        signatureLines: { type: 'integer', minimum: 1, maximum: 20 },
      },
      additionalProperties: false,
    },
    defaultOptions: { ...DEFAULT_OPTIONS },
  },
  create(context) {
    return {
      'root:exit'() {
        const model = context.model;
        const result = checkPublicationDeadline(
          {
            year: model.year,
            era: model.era,
            issuerType: model.issuerType,
            issuerLevel: model.issuerLevel,
            publishedAt: model.publishedAt,
            lines: model.lines,
          },
          context.options as Partial<PublicationDeadlineOptions>,
        );
        if (result.status === 'inapplicable') {
          context.inapplicable(context.locale === 'en' ? result.reasonEn : result.reason);
          return;
        }
        if (result.status === 'onTime') return;
        const range: [number, number] =
          result.signature?.range ??
          (result.source === 'metadata' ? metadataLineRange(model.lines) : null) ??
          (model.title ? [model.title.start, model.title.end] : firstLineRange(model.text));
        const year = model.year!;
        const common = {
          date: result.date,
          source: result.source,
          estimated: result.estimated,
          dateSource: SOURCE_ZH[result.source],
          dateSourceEn: SOURCE_EN[result.source],
          year,
        };
        if (result.status === 'beforeYearEnd') {
          context.report({ messageId: 'dateBeforeYearEnd', range, data: { ...common, yearEnd: isoDate(year, 12, 31) } });
          return;
        }
        const deadline = result.deadline!;
        const messageId = result.estimated ? 'lateEstimated' : deadline.localRuleNeeded ? 'lateLocalRule' : 'late';
        context.report({
          messageId,
          range,
          data: {
            ...common,
            deadline: deadline.date,
            days: result.days,
            category: deadline.category,
            basisKey: deadline.basis,
            basis: BASIS_ZH[deadline.basis],
            basisEn: BASIS_EN[deadline.basis],
            localRuleNeeded: deadline.localRuleNeeded,
          },
          expected: deadline.date,
          actual: result.date,
        });
      },
    };
  },
});
