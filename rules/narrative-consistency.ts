/**
 * narrative-consistency — the counts written in the narrative agree with the tables
 * (spec/defects.md NARRATIVE_TABLE_MISMATCH, PLACEHOLDER_OR_VAGUE_NUMBER, SCOPE_CONFUSION;
 * spec/tables.md §2.3 N-checks, T4-5, P-14; spec/signals.md §7).
 *
 * What it reads:
 * - counts 「N件/条/次…」 in the narrative (the text outside the recognised tables), each with a
 *   category taken from its left context — the nearest category word after the sentence start and after
 *   the previous count: 申请/收到/受理 → 表三 一[总计]; 上年结转 → 二; 办结/答复 → （七）总计; 结转下年度 → 四;
 *   予以公开 → （一）; 部分公开 → （二）; 予以公开及部分公开 → （一）+（二）; 不予公开 → Σ（三）; 无法提供 → Σ（四）;
 *   不予处理 → Σ（五）; 其他处理 → Σ（六）; 行政复议 / 行政诉讼 (and their 维持/纠正/其他结果/尚未审结) → 表四;
 *   规章 / 规范性文件 with a verb (公开/制发/印发 → 本年制发件数; 废止; 现行有效) → 表二; in the pre-2019 statistics
 *   table also 主动公开 → （一）主动公开政府信息数 and 信息处理费/收费 → 七. A count after 其中/含/包括 that names no
 *   category of its own, or a total after 「等」, is a part of something else and is not compared;
 * - a percentage written right after a count (「208 件（17.46%）」) is recomputed on the 办结 base (（七）总计;
 *   also accepted: 一 + 二, or 一), to the decimals printed;
 * - statements without digits: 「未收到…申请」 requires 一[总计] = 0; 「未发生…复议/诉讼」 requires the 表四
 *   totals = 0; 「未被…纠错」 requires 结果纠正 = 0; 「均获维持」 requires 纠正 = 其他 = 尚未审结 = 0 (T4-5);
 * - without any table: approximate counts (「92余条」, 「755多条」, 「若干件」), placeholders (a measure word with no
 *   number: 「主动公开信息  条」; template blanks 「XX」「××」「＿＿」), and reconsideration/litigation counts whose
 *   sentence does not restrict them to disclosure cases (SCOPE_CONFUSION, info).
 *
 * Every mismatch is a warning (the narrative may count a different scope): when the sentence names a scope
 * (「区政府办代表区政府」, 「本机关」, 「全市」…) the finding says so (`scopeMismatch`). A count equal to the
 * statistics table's （一）+（二） is the narrative side of P-14 double counting (`doubleCounted`; the
 * table-side P-5 is reported by tables-reconcile).
 *
 * Inapplicable when the report has no recognised table with numbers AND none of the table-free checks
 * (vague numbers, placeholders, review scope) finds anything.
 *
 * Matching runs on a compacted copy of the narrative (line wraps and spaces removed), so a sentence broken
 * over lines by a PDF extraction is still read; offsets map back to `model.text`. Every regular expression
 * of the detector (detect/narrative-consistency.ts) is linear: bounded repetition only, no nested
 * quantifiers.
 */
import { defineRule, numberOption } from '../src/kit/index';
import { messagesFor, inLocale } from './locales/index';
import { checkNarrative } from './detect/narrative-consistency';

const RULE_ID = 'narrative-consistency';

export default defineRule({
  meta: {
    id: RULE_ID,
    impact: 'moderate',
    docs: {
      description: {
        'zh-CN': '正文中的数字与统计表一致（申请数、办理结果、复议诉讼、主动公开条数、百分比），不写约数和未填的占位符',
        en: 'Counts and percentages in the narrative agree with the tables; no approximate counts or unfilled placeholders',
      },
      requires:
        'recognised tables (model.tables) for the comparisons; the narrative text alone for vague numbers, placeholders and the review-scope note. Inapplicable when there is no table and none of those is found',
    },
    messages: messagesFor(RULE_ID, {
      mismatch: 'warning',
      scopeMismatch: 'warning',
      doubleCounted: 'warning',
      percentage: 'warning',
      zeroClaim: 'warning',
      allUpheld: 'warning',
      vague: 'warning',
      placeholder: 'warning',
      reviewScope: 'info',
    }),
    schema: {
      type: 'object',
      properties: {
        window: { type: 'integer', minimum: 4, maximum: 80, description: 'Characters of left context searched for the category word' },
        compareT2: { type: 'boolean', description: 'Compare 规章/规范性文件 counts with table 二 (not among the spec N-checks)' },
        approximate: { enum: ['disclosure', 'all', 'off'], description: 'Approximate counts (余/多): only in sentences about disclosure, all, or not reported' },
        percentTolerance: { type: 'number', minimum: 0, maximum: 5, description: 'Extra percentage points accepted beyond rounding' },
        reviewScope: { type: 'boolean', description: 'Note reconsideration/litigation counts not restricted to disclosure cases (SCOPE_CONFUSION, UNCONFIRMED)' },
      },
      additionalProperties: false,
    },
    defaultOptions: { window: 30, compareT2: true, approximate: 'disclosure', percentTolerance: 0, reviewScope: true },
  },
  create(context) {
    return {
      'root:exit'() {
        const { model, options } = context;
        const result = checkNarrative(model, {
          window: numberOption(options.window, 30),
          compareT2: options.compareT2 !== false,
          approximate: options.approximate === 'all' || options.approximate === 'off' ? options.approximate : 'disclosure',
          percentTolerance: numberOption(options.percentTolerance, 0),
          reviewScope: options.reviewScope !== false,
        });
        if (!result.tables && result.findings.length === 0) {
          context.inapplicable(inLocale(context.locale, { 'zh-CN': '报告中没有识别出可读取数字的统计表，无法核对正文数字；正文中也没有约数、占位符或未限定口径的复议诉讼数字', en: 'no statistics table with readable numbers was recognised, so the numbers in the text cannot be checked; the text has no approximate counts, placeholders or unqualified review/litigation counts either' }));
          return;
        }
        for (const f of result.findings)
          context.report({ messageId: f.messageId, range: f.range, data: f.data, expected: f.expected, actual: f.actual });
      },
    };
  },
});
