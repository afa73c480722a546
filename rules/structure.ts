/**
 * structure — numbering, the parts the intro promises, and the title (spec/sections.md §3, §3.1;
 * spec/defects.md NUMBERING_ERROR, INTRO_BODY_MISMATCH, WRONG_TITLE).
 *
 * Numbering (top-level sections 一、二、三…; warnings):
 * - `restart`: an ordinal not above the previous one (a second 「一、」 after 「六、」, a repeated 「二、」).
 * - `gap`: an ordinal skipped (「三、」 then 「五、」).
 * - `overviewPromoted` (E2/E3): the TPL2021 aspects of 一、总体情况 (主动公开 / 依申请公开 / 政府信息管理 /
 *   平台建设 / 监督保障) numbered as top-level sections — 政府信息管理, 平台建设, 监督保障 anywhere at top level;
 *   主动公开 / 依申请公开 when the statutory section of the same kind follows after a restart.
 * - `shifted` (E2/E3): the statutory sections numbered consistently one (or more) off the template
 *   (一、主动公开… 二、…申请… 三、…复议… 五、其他…).
 * - `mismatch` (E2/E3): one section whose ordinal does not match its content (「四、」 carrying the applications);
 *   the content is the heading's key, or the template table the section holds.
 * - `mixedParentheses` (info): half-width 「(一)」 and full-width 「（一）」 mixed in second-level headings. The analysed
 *   text is normalised (（ → (), so the headings are compared in the caller's source (`model.sourceSlice`).
 *
 * Intro (`introMismatch`, warning): the intro promises N parts (「全文包括…六个部分」, 「本报告由…共六个部分组成」,
 * 「…等六部分」) and the body has M ≠ N numbered top-level sections, or a part the intro names has no top-level
 * section of its kind ([seed 004]: six parts promised incl. 收费 and 复议诉讼; five sections).
 *
 * Title: `wrongTitle` (warning) — the title line does not call the document a 年度报告/年报 (「…工作报告」);
 * `transmittal` (warning) — the first lines are a cover letter (「关于报送…的报告」, 「现将…报送」);
 * `informalTitle` (info) — 「…年报」 instead of 「年度报告」, or no 「信息公开」 in the title (「…政务公开工作年报」);
 * `missingTitle` (info) — no title line at all (the text starts with a sentence).
 *
 * Needs: the report text (sections and title come from it); the era (model.era, from the report year) for the
 * template-numbering checks, which are skipped without it. Inapplicable only for an empty text.
 *
 * Every regular expression of the detector (detect/structure.ts) is linear: bounded windows, no nested
 * quantifiers.
 */
import { defineRule } from '../src/kit/index';
import { messagesFor, inLocale } from './locales/index';
import { type StructureOptions, DEFAULT_OPTIONS, checkStructure } from './detect/structure';

const RULE_ID = 'structure';

export default defineRule({
  meta: {
    id: RULE_ID,
    impact: 'moderate',
    docs: {
      description: {
        'zh-CN':
          '报告结构规范：一级标题序号连续、不重复（总体情况的分项不应编为一级标题，法定部分的序号与年度报告格式一致），二级标题括号半角全角统一，引言所说的“共×个部分”与正文一致，标题写明“政府信息公开工作年度报告”而不是工作报告或报送函',
        en:
          'The structure is orderly: top-level ordinals run without restarts or gaps (overview aspects are not top-level sections; statutory parts carry their template numbers), second-level parentheses are of one width, the parts the intro announces match the body, and the title names a 政府信息公开工作年度报告 rather than a work report or a cover letter',
      },
      requires:
        'report text only (sections and title come from it); the report year (model.era) for the checks against the template numbering, which are skipped without it',
    },
    messages: messagesFor(RULE_ID, {
      restart: 'warning',
      gap: 'warning',
      overviewPromoted: 'warning',
      shifted: 'warning',
      mismatch: 'warning',
      mixedParentheses: 'info',
      introMismatch: 'warning',
      wrongTitle: 'warning',
      transmittal: 'warning',
      informalTitle: 'info',
      missingTitle: 'info',
    }),
    schema: {
      type: 'object',
      properties: {
        numbering: { type: 'boolean' },
        parentheses: { type: 'boolean' },
        intro: { type: 'boolean' },
        title: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    defaultOptions: { ...DEFAULT_OPTIONS },
  },
  create(context) {
    return {
      'root:exit'() {
        const { model } = context;
        if (model.text.trim().length === 0) {
          context.inapplicable(inLocale(context.locale, { 'zh-CN': '报告正文为空，无从检查结构', en: 'the report text is empty: there is no structure to check' }));
          return;
        }
        const findings = checkStructure(
          {
            text: model.text,
            sections: model.sections,
            era: model.era,
            title: model.title,
            lines: model.lines,
            tables: model.tables,
            tableRanges: model.tableRanges,
            sourceSlice: model.sourceSlice,
          },
          context.options as Partial<StructureOptions>,
        );
        for (const f of findings) {
          context.report({ messageId: f.messageId, range: f.range, data: f.data, expected: f.expected, actual: f.actual });
        }
      },
    };
  },
});
