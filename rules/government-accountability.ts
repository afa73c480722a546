/**
 * government-accountability — a people's government's report states the RESULTS of work assessment,
 * public appraisal and accountability (工作考核、社会评议和责任追究结果情况), as REG2019 Art. 50(4) requires of
 * every level of government (spec/defects.md GOV_ACCOUNTABILITY_RESULTS_MISSING; regulations-and-eras.md §3.2,
 * §3.4, §4.2: TPL2021 puts it in 一/监督保障, a report that puts it in 五 still meets Art. 50).
 *
 * Applies to report years from 2019 and issuer type 'government' (any level, townships included).
 * Departments (「…人民政府办公室」 included) and E1 reports are inapplicable. A sub-district office
 * (issuerType 'other') is not a people's government and its duty is UNCONFIRMED: inapplicable by default,
 * checked with a warning when the option `subDistrictOffices` is 'warning'.
 *
 * Detection (the whole narrative, tables blanked; statements in 一/监督保障 and 五 are preferred as evidence,
 * and with `searchWholeReport: false` the only ones searched):
 * - assessment: 考核 / 考评 / 绩效考核 / 督查; public appraisal: 社会评议, 群众评议, 满意度测评, 第三方评估 …;
 *   accountability: 责任追究, 追究…责任, 问责, 追责;
 * - each mention is classified by its sentence: `future` (an intention: 将进一步…, 拟, 下一步, 今后, 加大…力度,
 *   the next year, or a plan section such as 下一步工作计划 — 「加大政务公开工作的考核力度，将其纳入年度绩效考核体系」
 *   is one), `nil` (未发生…责任追究, 无…问责, 责任追究情况：无), `system` (a system or mechanism only: 建立健全…
 *   责任追究制度, 纳入…考核 without a result) or `result`;
 * - the statutory label itself (「工作考核、社会评议和责任追究结果情况」 as a heading) is not a statement,
 *   unless a nil answer follows it (「…结果情况：无」).
 * The report passes with at least one accountability `result` or `nil` statement. Only `system` statements
 * (a stricter reading than the spec's "at least the term") → warning `systemOnly`; option
 * `acceptSystemStatements` turns that off. Nothing, or only future statements → error.
 * When accountability is stated but assessment or appraisal results are not → info `aspectsMissing`.
 */
import { defineRule, firstLineRange } from '../src/kit/index';
import { messagesFor, inLocale } from './locales/index';
import {
  type Aspect,
  type StatementKind,
  type AccountabilityStatement,
  type AccountabilityOptions,
  DEFAULT_OPTIONS,
  type AccountabilityResult,
  findAccountabilityStatements,
} from './detect/government-accountability';

const RULE_ID = 'government-accountability';

// ---------------------------------------------------------------------------
// Message data
// ---------------------------------------------------------------------------

const ASPECT_ZH: Record<Aspect, string> = { assessment: '工作考核', appraisal: '社会评议', accountability: '责任追究' };
const ASPECT_EN: Record<Aspect, string> = { assessment: 'work assessment', appraisal: 'public appraisal', accountability: 'accountability' };
const KIND_ZH: Record<StatementKind, string> = { result: '', nil: '', system: '（只有制度安排，没有结果）', future: '（今后的打算）' };
const KIND_EN: Record<StatementKind, string> = { result: '', nil: '', system: ' (a system, no result)', future: ' (an intention)' };

/** What the report does say, for the message: 「（报告只提到工作考核：“…”（只有制度，没有结果））」. */
function foundTexts(result: AccountabilityResult): { zh: string; en: string } {
  const found = (['assessment', 'appraisal', 'accountability'] as const)
    .map((a) => result.best[a])
    .filter((s): s is AccountabilityStatement => s !== null);
  if (found.length === 0) return { zh: '', en: '' };
  return {
    zh: `（报告只提到${found.map((s) => `${ASPECT_ZH[s.aspect]}：“${s.excerpt}”${KIND_ZH[s.kind]}`).join('；')}）`,
    en: ` (the report only mentions ${found.map((s) => `${ASPECT_EN[s.aspect]}: “${s.excerpt}”${KIND_EN[s.kind]}`).join('; ')})`,
  };
}

export default defineRule({
  meta: {
    id: RULE_ID,
    impact: 'serious',
    docs: {
      description: {
        'zh-CN':
          '人民政府（含乡镇人民政府）2019年度起的年度报告写明政府信息公开工作考核、社会评议和责任追究的结果情况（《政府信息公开条例》第五十条；格式要求写在“一、总体情况”的“监督保障”中，写在“五”中也可）。至少要有责任追究的结果或“未发生责任追究”的说明；“将……纳入考核”“加大考核力度”等今后的打算不算。政府部门和2018年度及以前的报告不适用；街道办事处是否适用尚无定论，默认不检查，可在选项中改为警告。',
        en:
          'From report year 2019 a people’s government’s report (townships included) states the results of work assessment, public appraisal and accountability for disclosure work (REG2019 Art. 50; TPL2021 puts them under 一/监督保障, 五 also meets the Regulations). At least an accountability result or an explicit nil statement is required; intentions such as 「将…纳入考核」 or 「加大考核力度」 do not count. Not applicable to departments or to reports up to 2018; sub-district offices are unconfirmed (skipped by default, optionally a warning).',
      },
      requires:
        'the report year (from 2019) and the issuer type (meta.issuerType, or inferred from the issuer name: …人民政府 / …镇 / …县 is a government); the narrative text and its sections',
    },
    messages: messagesFor(RULE_ID, {
      missing: 'error',
      futureOnly: 'error',
      systemOnly: 'warning',
      aspectsMissing: 'info',
      missingSubDistrict: 'warning',
    }),
    schema: {
      type: 'object',
      properties: {
        searchWholeReport: { type: 'boolean' },
        acceptSystemStatements: { type: 'boolean' },
        reportMissingAspects: { type: 'boolean' },
        subDistrictOffices: { enum: ['skip', 'warning'] },
      },
      additionalProperties: false,
    },
    defaultOptions: { ...DEFAULT_OPTIONS },
  },
  create(context) {
    return {
      'root:exit'() {
        const model = context.model;
        const options = { ...DEFAULT_OPTIONS, ...(context.options as Partial<AccountabilityOptions>) };
        if (model.year === null) {
          context.inapplicable(inLocale(context.locale, { 'zh-CN': '无法确定报告年度：《条例》第五十条的考核、评议、追究结果要求自2019年度报告起适用', en: 'the report year is unknown: Art. 50 of the Regulations requires assessment, public appraisal and accountability results from the 2019 reports on' }));
          return;
        }
        if (model.era === 'E1' || model.year < 2019) {
          context.inapplicable(inLocale(context.locale, { 'zh-CN': `${model.year}年度报告适用2007年《条例》，其第三十二条没有工作考核、社会评议和责任追究结果的要求`, en: `a ${model.year} report falls under the 2007 Regulations, whose Art. 32 asks for no assessment, appraisal or accountability results` }));
          return;
        }
        if (model.issuerType === null) {
          context.inapplicable(inLocale(context.locale, { 'zh-CN': '无法判断发布机关是否为人民政府；请通过 meta.issuerType 提供', en: 'whether the issuer is a people\'s government is unknown; give meta.issuerType' }));
          return;
        }
        if (model.issuerType === 'department') {
          context.inapplicable(inLocale(context.locale, { 'zh-CN': '发布机关是政府部门：《条例》第五十条只要求各级人民政府报告工作考核、社会评议和责任追究结果情况', en: 'the issuer is a government department: Art. 50 asks only people\'s governments for assessment, appraisal and accountability results' }));
          return;
        }
        const subDistrict = model.issuerType === 'other';
        if (subDistrict && options.subDistrictOffices !== 'warning') {
          context.inapplicable(inLocale(context.locale, { 'zh-CN': '发布机关不是人民政府（如街道办事处）：是否须报告工作考核、社会评议和责任追究结果尚无定论，默认不检查（选项 subDistrictOffices）', en: 'the issuer is not a people\'s government (e.g. a sub-district office): whether it must report these results is unsettled, so it is not checked by default (option subDistrictOffices)' }));
          return;
        }
        const result = findAccountabilityStatements(
          { text: model.text, sections: model.sections, tableRanges: model.tableRanges, year: model.year },
          options,
        );
        const issuer = model.issuer ?? (subDistrict ? '发布机关' : '本级人民政府');
        const anchor: [number, number] =
          result.anchor ?? (model.title ? [model.title.start, model.title.end] : firstLineRange(model.text));
        const overviewSection = { key: 'overview' as const, title: '总体情况' };
        const found = foundTexts(result);
        const baseData = {
          issuer,
          verdict: result.verdict,
          found: found.zh,
          foundEn: found.en,
          statements: result.statements.map((s) => ({ aspect: s.aspect, kind: s.kind, term: s.term, zone: s.zone, excerpt: s.excerpt })),
        };
        if (result.verdict === 'ok') {
          if (options.reportMissingAspects && result.missingAspects.length > 0) {
            const st = result.best.accountability!;
            context.report({
              messageId: 'aspectsMissing',
              range: st.sentence,
              data: {
                ...baseData,
                missing: result.missingAspects.map((a) => ASPECT_ZH[a]).join('、'),
                missingEn: result.missingAspects.map((a) => ASPECT_EN[a]).join(', '),
                excerpt: st.excerpt,
              },
            });
          }
          return;
        }
        if (subDistrict) {
          context.report({ messageId: 'missingSubDistrict', range: anchor, section: overviewSection, data: baseData });
          return;
        }
        if (result.verdict === 'systemOnly') {
          const st = result.best.accountability!;
          context.report({ messageId: 'systemOnly', range: st.sentence, data: { ...baseData, excerpt: st.excerpt } });
          return;
        }
        if (result.verdict === 'futureOnly') {
          const st = result.statements.find((s) => s.kind === 'future')!;
          context.report({
            messageId: 'futureOnly',
            range: st.sentence,
            data: { ...baseData, excerpt: st.excerpt, where: st.section || '正文' },
          });
          return;
        }
        context.report({ messageId: 'missing', range: anchor, section: overviewSection, data: baseData });
      },
    };
  },
});
