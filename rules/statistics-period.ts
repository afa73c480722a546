/**
 * statistics-period — the report states the period its data cover (统计期限), and the period is the
 * report year (spec/signals.md §2, spec/defects.md STATISTICS_PERIOD_MISSING).
 *
 * Levels:
 * - EXPLICIT: a period keyword (统计期限, 统计时限 …) with a date range within `keywordWindow` characters;
 * - IMPLICIT: a date range with no keyword, within `implicitWindow` characters of 数据/统计/报告;
 * - NONE: anything else. An as-of date (截至…12月31日), a table subtitle (2016年度) or a 填报日期 is never
 *   a range, so it never counts.
 *
 * Matching runs on a compacted copy of the text (line wraps and spaces removed, paragraph breaks kept),
 * so a statement broken over lines by a PDF extraction is still found; offsets are mapped back.
 * Every regular expression of the detector (detect/statistics-period.ts) is linear: bounded repetition only,
 * no nested quantifiers.
 */
import { defineRule, firstLineRange, numberOption } from '../src/kit/index';
import { messagesFor } from './locales/index';
import { DEFAULT_EXTRA_KEYWORDS, type PeriodCandidate, findStatisticsPeriod, formatPeriod } from './detect/statistics-period';

const RULE_ID = 'statistics-period';

export default defineRule({
  meta: {
    id: RULE_ID,
    impact: 'moderate',
    docs: {
      description: {
        'zh-CN': '报告写明数据的统计期限（如“本年度报告中所列数据的统计期限为某年1月1日至12月31日”），且年份与报告年度一致',
        en: 'The report states the period its data cover (1 January to 31 December of the report year), in the report year',
      },
      requires:
        'report text only; the report year (model.year, from the title or meta.year) for the wrong-year check',
    },
    messages: messagesFor(RULE_ID, {
      missing: 'warning',
      wrongYear: 'warning',
      partial: 'info',
      implicit: 'info',
    }),
    schema: {
      type: 'object',
      properties: {
        extraKeywords: {
          type: 'array',
          items: { type: 'string', minLength: 2, maxLength: 20 },
          maxItems: 50,
          description: 'Period keywords added to the spec list (统计期限, 统计时限 …)',
        },
        keywordWindow: { type: 'integer', minimum: 0, maximum: 200 },
        implicitWindow: { type: 'integer', minimum: 0, maximum: 200 },
      },
      additionalProperties: false,
    },
    defaultOptions: {
      extraKeywords: [...DEFAULT_EXTRA_KEYWORDS],
      keywordWindow: 40,
      implicitWindow: 30,
    },
  },
  create(context) {
    return {
      'root:exit'() {
        const { model, options } = context;
        const extra = Array.isArray(options.extraKeywords)
          ? (options.extraKeywords as unknown[]).filter((k): k is string => typeof k === 'string')
          : DEFAULT_EXTRA_KEYWORDS;
        const result = findStatisticsPeriod(model.text, model.year, {
          extraKeywords: extra,
          keywordWindow: numberOption(options.keywordWindow, 40),
          implicitWindow: numberOption(options.implicitWindow, 30),
        });
        const year = model.year;
        const data = { level: result.level, year: year ?? 'XXXX', years: result.years };
        if (result.level === 'NONE' || !result.best) {
          const range: [number, number] = model.title ? [model.title.start, model.title.end] : firstLineRange(model.text);
          context.report({
            messageId: 'missing',
            range,
            data,
            expected: year !== null ? `${year}年1月1日至12月31日` : '1月1日至12月31日',
            actual: null,
          });
          return;
        }
        // Every wrong-year statement with a keyword is reported; an unkeyed one only when it is the best.
        const reported = new Set<PeriodCandidate>();
        for (const cand of result.candidates) {
          if (cand.validity === 'wrongYear' && (cand.level === 'EXPLICIT' || cand === result.best)) {
            reported.add(cand);
            context.report({
              messageId: 'wrongYear',
              range: [cand.start, cand.end],
              data: { ...data, period: formatPeriod(cand), actual: cand.years.join('、'), expected: year },
              expected: year,
              actual: cand.years,
            });
          }
        }
        const best = result.best;
        if (reported.has(best)) return;
        const period = formatPeriod(best);
        if (best.validity === 'partial') {
          context.report({
            messageId: 'partial',
            range: [best.start, best.end],
            data: { ...data, period },
            expected: year !== null ? `${year}年1月1日至12月31日` : '1月1日至12月31日',
            actual: period,
          });
        }
        if (best.level === 'IMPLICIT') {
          context.report({ messageId: 'implicit', range: [best.start, best.end], data: { ...data, period } });
        }
      },
    };
  },
});
