/**
 * improvement-measures — the problems part names concrete problems and concrete measures
 * (spec/signals.md §4, spec/defects.md PROBLEMS_SECTION_EMPTY_OR_GENERIC).
 *
 * 1. Material (§4.1): the sections keyed `problems` (「存在的主要问题及改进情况」) together with the forward-plan
 *    sections keyed `problems` + `plan` (「下一步工作安排」, 「关于2017年政府信息公开工作」), wherever they are.
 *    When there is no top-level problems section, problems sub-headings inside other sections count
 *    (「（一）主要问题 （二）改进情况」 placed under 三 or 四). When there is none at all, the closing paragraph
 *    of the report counts if it speaks of problems or plans (「…找出差距,认真谋划,全力抓好2017年度…工作」).
 *    Table lines, annexes and a trailing signature are not material.
 * 2. Split (§4.2): sub-headings decide where they exist (「（一）存在的问题」 → problems, 「（二）下一步工作打算」 →
 *    measures, 「…存在问题的改进情况」 → measures). Inside a mixed part, sentences before the first problem
 *    cue are introduction, the first sentence with a problem cue opens the problem part, and a sentence
 *    that opens with a transition (「针对存在问题,下一步,将…」, 「今后」, 「2017年,我县将…」) opens the measure part.
 * 3. Items (§4.3): enumerators 一是/二是, (一), 1、/1./(1), line-initial 一、 and 「- 一、」 bullets, 第一/第二.
 *    The first enumeration style of a part gives its item count (a restarted list adds its items);
 *    a part without enumerators is one item when it has at least 20 characters. A part that alternates
 *    with the other (「一是…不及时。下一步将…。二是…较少。下一步将…」) counts each stretch without
 *    enumerators as one item.
 * 4. Concreteness anchors (§4.4) in the measure part: numbers and dates, 每季度/定期 + action, named
 *    instruments (《…》, quoted names), named systems and channels (电子监察系统, 政务公开网站, 微博/微信,
 *    绩效考核), responsible actors (由…负责, 牵头, 分管领导), and references to last year's problems.
 *    Distinct anchors are counted.
 * 5. Boilerplate share (§4.5): the share of measure characters in clauses that consist of a boilerplate
 *    phrase (加大…力度, 提升…水平, 确保…取得新成效…) and carry no anchor.
 * 6. Class (§4.6): EMPTY (no material; 「无」; under 60 characters; no problem and no measure item; or a
 *    single sentence of intent without any problem; closing-paragraph material naming no problem) →
 *    `empty` / `noMaterial` (error). GENERIC (no anchor, fewer than 1 anchor per 2 measure items,
 *    boilerplate ≥ 60 %, or a single measure item) → `generic` (warning).
 *    SUBSTANTIVE: ≥ 1 problem item, ≥ 2 measure items, ≥ 1 anchor and none of the GENERIC conditions.
 *    Problems without measures → `problemsWithoutMeasures` (warning, instead of `generic`); measures
 *    without problems → `measuresWithoutProblems` (info, plus `generic` when the measures are generic).
 *
 * Relation to required-sections: required-sections reports that the heading 「存在的主要问题及改进情况」 is
 * missing (structure); this rule scores what the report says about problems and measures (substance). A
 * report with no problems heading but a closing sentence of intent gets `empty` here, about that sentence.
 * Only when there is no material at all do both rules report the same absence; this rule then uses its
 * own message id `noMaterial`, so a configuration that wants one finding can turn it off
 * (`messages: { noMaterial: 'off' }`) and the rule still fails on an empty or generic part.
 *
 * Every regular expression of the detector (detect/improvement-measures.ts) is linear: bounded repetition
 * only, no nested quantifiers.
 */
import { defineRule } from '../src/kit/index';
import { messagesFor } from './locales/index';
import { type ImprovementOptions, DEFAULT_OPTIONS, classifyImprovementMeasures } from './detect/improvement-measures';

const RULE_ID = 'improvement-measures';

function span(ranges: ReadonlyArray<[number, number]>): [number, number] | undefined {
  if (ranges.length === 0) return undefined;
  return [ranges[0]![0], ranges[ranges.length - 1]![1]];
}

export default defineRule({
  meta: {
    id: RULE_ID,
    impact: 'serious',
    docs: {
      description: {
        'zh-CN':
          '“存在的主要问题及改进情况”（含“下一步工作安排”等计划部分）列出了具体问题和具体改进措施：按“一是/（一）/1、”等序号计数问题和措施，统计措施中的具体抓手（时间、数字、制度或平台名称、责任主体、对上年问题的整改），并计算套话比例。内容为空或只有一句表态为“空缺”，缺少具体抓手或套话过多为“笼统”。',
        en:
          'The problems part (with any forward-plan part such as 下一步工作安排) names concrete problems and concrete measures: items are counted by their enumerators (一是, （一）, 1、…), measures are checked for concreteness anchors (dates and numbers, named systems or instruments, responsible units, follow-up of last year\'s problems) and for the share of boilerplate. An empty part or a single sentence of intent is EMPTY; measures without anchors or mostly boilerplate are GENERIC.',
      },
      requires: 'the section structure (problems and plan sections)',
    },
    messages: messagesFor(RULE_ID, {
      empty: 'error',
      noMaterial: 'error',
      generic: 'warning',
      problemsWithoutMeasures: 'warning',
      measuresWithoutProblems: 'info',
    }),
    schema: {
      type: 'object',
      properties: {
        minBodyLength: { type: 'integer', minimum: 0 },
        minPartLength: { type: 'integer', minimum: 0 },
        boilerplateShare: { type: 'number', minimum: 0, maximum: 1 },
        anchorsPerMeasure: { type: 'number', minimum: 0 },
        minMeasureItems: { type: 'integer', minimum: 1 },
      },
      additionalProperties: false,
    },
    defaultOptions: { ...DEFAULT_OPTIONS },
  },
  create(context) {
    return {
      'root:exit'() {
        const model = context.model;
        const a = classifyImprovementMeasures(
          model.text,
          model.sections,
          context.options as Partial<ImprovementOptions>,
          model.tableRanges,
        );
        const data = {
          problems: a.problemItems,
          measures: a.measureItems,
          anchors: a.anchors.length,
          anchorList: a.anchors.slice(0, 6).map((x) => x.text),
          boilerplate: Math.round(a.boilerplateShare * 100),
          length: a.bodyLength,
          class: a.class,
          source: a.source,
        };
        if (a.class === 'EMPTY') {
          if (a.emptyReason === 'no-material') {
            context.report({ messageId: 'noMaterial', data: { ...data, reason: a.emptyReason } });
          } else {
            context.report({ messageId: 'empty', range: a.heading ?? undefined, data: { ...data, reason: a.emptyReason } });
          }
          return;
        }
        if (a.problemItems > 0 && a.measureItems === 0) {
          context.report({ messageId: 'problemsWithoutMeasures', range: span(a.problemRanges) ?? a.heading ?? undefined, data });
          return;
        }
        if (a.problemItems === 0) {
          const at = a.source === 'closing' ? span(a.measureRanges) : (a.heading ?? span(a.measureRanges));
          context.report({ messageId: 'measuresWithoutProblems', range: at, data });
        }
        if (a.class === 'GENERIC' && a.genericReasons.some((r) => r !== 'no-problems')) {
          context.report({
            messageId: 'generic',
            range: span(a.measureRanges) ?? a.heading ?? undefined,
            data: { ...data, reasons: a.genericReasons },
          });
        }
      },
    };
  },
});
