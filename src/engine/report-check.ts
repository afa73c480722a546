/**
 * Is this an annual report at all? Empty input and text that is plainly something else (a README, a
 * news article, a budget report) are refused with an AuditInputError (EMPTY, NOT_A_REPORT) instead of
 * being scored as a very bad report. The line is drawn low on purpose: a very bad draft is still a
 * report. Text is a report when it is Chinese prose and has at least one of
 * - a report title (「…年度报告」/「…年报」 in the first lines, as structure/ finds it);
 * - a statutory part by its heading (主动公开, 依申请公开, 复议诉讼, 收费, 问题及改进, 其他事项 — 总体情况 alone is too common);
 * - a recognised template table;
 * - a reference to the Regulations or the work it reports on (政府信息, 信息公开, 政务公开, 依申请公开, 《条例》).
 * Every seed and every file of the real corpus (many of them 2,000-character excerpts) passes.
 */
import type { ReportModel } from '../types';
import { AuditInputError } from '../errors';

const REFERENCE = /政府信息|信息公开|政务公开|依申请公开|《条例》/u;
const HAN = /\p{Script=Han}/gu;
const LATIN = /[A-Za-z]/g;

/** Throws EMPTY when the extracted text holds no letter or digit. */
export function assertNotEmpty(text: string, uri: string | undefined): void {
  if (!/[\p{L}\p{N}]/u.test(text)) {
    throw new AuditInputError('the input holds no text', { uri, code: 'EMPTY' });
  }
}

/** Share of Chinese among the words of a text: Han characters against Latin letters counted five to a word. */
function chineseShare(text: string): number {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const han = sample.match(HAN)?.length ?? 0;
  const latin = sample.match(LATIN)?.length ?? 0;
  return han / Math.max(1, han + latin / 5);
}

/** Throws NOT_A_REPORT for text that is not a government information-disclosure annual report. */
export function assertLooksLikeReport(model: ReportModel): void {
  const reasons = {
    title: model.title !== null,
    section: model.sections.some((s) => s.key !== null && s.key !== 'overview' && !s.plan),
    table: model.tables.length > 0,
    reference: REFERENCE.test(model.text),
  };
  const chinese = chineseShare(model.text) >= 0.3;
  if (chinese && (reasons.title || reasons.section || reasons.table || reasons.reference)) return;
  throw new AuditInputError(
    chinese
      ? 'this does not look like a government information-disclosure annual report: no report title, no statutory part, no template table and no reference to the Regulations on Open Government Information'
      : 'this does not look like a government information-disclosure annual report: the text is not in Chinese',
    { uri: model.uri, code: 'NOT_A_REPORT' },
  );
}
