/**
 * prior-year-duplication — the report is not largely copied from last year's, and its figures carry over
 * from last year's (spec/defects.md CONTENT_DUPLICATED_FROM_PRIOR_YEAR, TABLE_IDENTITY_FAILED for the
 * cross-year identities; spec/tables.md T2-3, T3-7; spec/signals.md §5.4).
 *
 * With last year's report (`meta.previous` → `model.previous`):
 * - text: both narratives are normalised (tables and headings masked, year numbers removed, only CJK
 *   characters, letters and digits kept) and cut into character 5-gram shingles; the share of this year's
 *   shingles found in last year's (containment; Jaccard as an option) ≥ `errorThreshold` (0.90, the CASS
 *   「90%」 finding) is an error, ≥ `warningThreshold` (0.80) a warning. The problems section (五, with a
 *   separate plan section) is compared on its own: an identical problems section is the most telling;
 * - 表三 carry-over (T3-7, INFERRED): this year's 二「上年结转」 equals last year's 四「结转下年度继续办理」,
 *   column by column → warning, at this year's cell;
 * - 表二 stock and flow (T2-3, INFERRED, TPL2021): 现行有效件数(Y−1) + 本年制发件数(Y) − 本年废止件数(Y) =
 *   现行有效件数(Y) for 规章 and 行政规范性文件 → warning, at this year's 现行有效件数 cell;
 * - a table whose numbers are all the same as last year's, with at least `identicalMinNonZero` non-zero
 *   cells (all-zero tables are common for townships and are not flagged) → warning.
 * The two table identities are evaluated only when the years are consecutive (or unknown); the text and the
 * identical-table comparison run whatever the years.
 *
 * Without last year's report, the stale-year signal (signals.md §5.4) on the narrative: the most frequent
 * 「YYYY年」 below the report year (cited documents 《…》 and 〔YYYY〕 excluded; Y+1 in plans is normal), a
 * 「截至(Y−1)年12月31日」, or a sentence opening 「(Y−1)年，我镇…」 outside the problems/plan sections.
 * Inapplicable when there is neither last year's report nor a report year with years in the narrative.
 */
import { columnLabel, defineRule, findCell, firstLineRange, numberOption, rowLabel, TABLE_NAME, tableOf } from '../src/kit/index';
import type { ReportModel, RuleContext } from '../src/types';
import { messagesFor, inLocale } from './locales/index';
import { comparePriorYear, staleYears } from './detect/prior-year-duplication';

const RULE_ID = 'prior-year-duplication';

function percent(x: number): string {
  return (Math.floor(x * 1000) / 10).toFixed(1);
}

export default defineRule({
  meta: {
    id: RULE_ID,
    impact: 'serious',
    docs: {
      description: {
        'zh-CN': '报告不照搬上一年度报告（正文与“存在的主要问题”不雷同），上年结转与上年度结转下年度的数字、规范性文件现行有效件数前后衔接；没有上一年度报告时检查正文年份是否沿用往年',
        en: 'The report is not copied from last year’s (narrative and problems section), carry-overs and the stock of documents in force follow on from last year; without last year’s report, the narrative’s years are checked for a stale year',
      },
      requires:
        'meta.previous (last year’s report) for the duplication and cross-year table checks; otherwise the report year (model.year) and years in the narrative for the stale-year signal. Inapplicable when neither is available',
    },
    messages: messagesFor(RULE_ID, {
      duplicated: 'error',
      similar: 'warning',
      problemsDuplicated: 'error',
      problemsSimilar: 'warning',
      carryOver: 'warning',
      stockFlow: 'warning',
      identicalTable: 'warning',
      staleYear: 'warning',
      staleAsOf: 'warning',
      staleOpening: 'info',
    }),
    schema: {
      type: 'object',
      properties: {
        warningThreshold: { type: 'number', minimum: 0, maximum: 1, description: 'Share of repeated text for a warning' },
        errorThreshold: { type: 'number', minimum: 0, maximum: 1, description: 'Share of repeated text for an error (CASS: 90%)' },
        problemsWarningThreshold: { type: 'number', minimum: 0, maximum: 1 },
        problemsErrorThreshold: { type: 'number', minimum: 0, maximum: 1 },
        measure: { enum: ['containment', 'jaccard'], description: 'containment: share of this year’s shingles found last year; jaccard: intersection over union' },
        shingleSize: { type: 'integer', minimum: 2, maximum: 12 },
        minNarrativeChars: { type: 'integer', minimum: 0, maximum: 100000, description: 'Shorter narratives are not compared' },
        minProblemsChars: { type: 'integer', minimum: 0, maximum: 100000, description: 'Shorter problems sections are not compared' },
        identicalMinNonZero: { type: 'integer', minimum: 1, maximum: 100, description: 'Non-zero cells an identical table needs to be flagged' },
        stockFlowTolerance: { type: 'number', minimum: 0, maximum: 1000 },
        staleMinCount: { type: 'integer', minimum: 1, maximum: 100, description: 'Occurrences the stale most-frequent year needs' },
      },
      additionalProperties: false,
    },
    defaultOptions: {
      warningThreshold: 0.8,
      errorThreshold: 0.9,
      problemsWarningThreshold: 0.8,
      problemsErrorThreshold: 0.9,
      measure: 'containment',
      shingleSize: 5,
      minNarrativeChars: 200,
      minProblemsChars: 40,
      identicalMinNonZero: 3,
      stockFlowTolerance: 0,
      staleMinCount: 2,
    },
  },
  create(context) {
    return {
      'root:exit'() {
        const { model, options } = context;
        const previous = model.previous;
        if (!previous) {
          checkStaleYears(context.model, options, context);
          return;
        }
        const measure = options.measure === 'jaccard' ? 'jaccard' : 'containment';
        const warn = numberOption(options.warningThreshold, 0.8);
        const err = numberOption(options.errorThreshold, 0.9);
        const pWarn = numberOption(options.problemsWarningThreshold, 0.8);
        const pErr = numberOption(options.problemsErrorThreshold, 0.9);
        const previousYear = previous.year ?? (model.year !== null ? model.year - 1 : '上一');
        const headline: [number, number] = model.title ? [model.title.start, model.title.end] : firstLineRange(model.text);
        const result = comparePriorYear(model, previous, {
          shingleSize: Math.max(2, Math.round(numberOption(options.shingleSize, 5))),
          measure,
          minNarrativeChars: numberOption(options.minNarrativeChars, 200),
          minProblemsChars: numberOption(options.minProblemsChars, 40),
          stockFlowTolerance: numberOption(options.stockFlowTolerance, 0),
          identicalMinNonZero: Math.max(1, Math.round(numberOption(options.identicalMinNonZero, 3))),
        });

        if (result.narrative) {
          const { share, characters } = result.narrative;
          if (share >= warn || share >= err) {
            context.report({
              messageId: share >= err ? 'duplicated' : 'similar',
              range: headline,
              data: { share: percent(share), threshold: Math.round((share >= err ? err : warn) * 100), previousYear, measure, characters },
              expected: `< ${share >= err ? err : warn}`,
              actual: Math.round(share * 1000) / 1000,
            });
          }
        }
        if (result.problems) {
          const { share, range } = result.problems;
          if (share >= pWarn || share >= pErr) {
            context.report({
              messageId: share >= pErr ? 'problemsDuplicated' : 'problemsSimilar',
              range,
              data: { share: percent(share), threshold: Math.round((share >= pErr ? pErr : pWarn) * 100), previousYear, measure },
              expected: `< ${share >= pErr ? pErr : pWarn}`,
              actual: Math.round(share * 1000) / 1000,
            });
          }
        }
        for (const check of result.broken) {
          const cell = findCell(check.table, check.row, check.column);
          context.report({
            messageId: check.kind,
            position: cell?.position ?? check.table.position,
            data: {
              table: TABLE_NAME[check.table.id],
              row: rowLabel(check.table, check.row),
              column: columnLabel(check.table, check.column),
              previousRow: check.kind === 'carryOver' ? rowLabel(tableOf(previous.tables, 'T3')!, 'carryOver') : rowLabel(check.table, check.row),
              expected: check.expected,
              actual: check.actual,
              previousYear,
              identity: check.identity,
              ...check.detail,
            },
            expected: check.expected,
            actual: check.actual,
          });
        }
        for (const same of result.identical) {
          const table = same.table;
          context.report({
            messageId: 'identicalTable',
            position: table.position,
            data: { table: TABLE_NAME[table.id], tableName: table.name, cells: same.cells, nonZero: same.nonZero, previousYear },
          });
        }
      },
    };
  },
});

function checkStaleYears(model: ReportModel, options: Record<string, unknown>, context: RuleContext): void {
  if (model.year === null) {
    context.inapplicable(inLocale(context.locale, { 'zh-CN': '没有提供上一年度报告（meta.previous），也无法确定报告年度，不能检查是否照搬往年内容', en: 'no previous report was given (meta.previous) and the report year is unknown, so copying from earlier years cannot be checked' }));
    return;
  }
  const result = staleYears(model, model.year, { minCount: Math.max(1, Math.round(numberOption(options.staleMinCount, 2))) });
  if (result.counts.size === 0 && result.asOf.length === 0 && result.openings.length === 0) {
    context.inapplicable(inLocale(context.locale, { 'zh-CN': '没有提供上一年度报告（meta.previous），正文中也没有可核对的年份', en: 'no previous report was given (meta.previous), and the text has no years to check' }));
    return;
  }
  const year = model.year;
  if (result.mostFrequent) {
    const m = result.mostFrequent;
    context.report({
      messageId: 'staleYear',
      range: [m.start, m.end],
      data: { year, staleYear: m.year, staleCount: m.count, yearCount: m.reportYearCount },
      expected: year,
      actual: m.year,
    });
  }
  for (const a of result.asOf)
    context.report({ messageId: 'staleAsOf', range: [a.start, a.end], data: { year, excerpt: a.excerpt, staleYear: year - 1 }, expected: `${year}年12月31日`, actual: a.excerpt });
  for (const o of result.openings)
    context.report({ messageId: 'staleOpening', range: [o.start, o.end], data: { year, excerpt: o.excerpt, staleYear: year - 1 } });
}
