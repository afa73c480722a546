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
import { daysInMonth, defineRule, firstLineRange, isoDate, numberOption, parseDateLine, type DateLine } from '../src/kit/index';
import type { Era, IssuerLevel, IssuerType, TextLine } from '../src/types';
import { messagesFor } from './locales/index';

const RULE_ID = 'publication-deadline';

/** Who the deadline applies to. 'any': E1, every organ; 'township': township governments and sub-district offices. */
export type IssuerCategory = 'any' | 'department' | 'government' | 'township';

/** Default deadlines (month-day of year Y+1) per issuer category. */
export const DEFAULT_DEADLINES: Readonly<Record<'e1' | 'department' | 'government' | 'township', string>> = {
  e1: '03-31',
  department: '01-31',
  government: '03-31',
  township: '03-31',
};

export type DeadlineOverrides = Partial<Record<keyof typeof DEFAULT_DEADLINES, string>>;

export interface PublicationDeadlineOptions {
  /** Deadline overrides per issuer category, 'MM-DD' of the year after the report year. */
  deadlines: DeadlineOverrides;
  /** Use the signature date (an estimate) when no publication date is known (default true). */
  useSignatureDate: boolean;
  /** How many non-chrome lines at the end are searched for the signature date (default 5). */
  signatureLines: number;
}

export const DEFAULT_OPTIONS: PublicationDeadlineOptions = { deadlines: {}, useSignatureDate: true, signatureLines: 5 };

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/u;

export interface Deadline {
  category: IssuerCategory;
  /** ISO date. */
  date: string;
  /** Which rule sets it: the statute, the unconfirmed township default, or a configured override. */
  basis: 'REG2007-31' | 'REG2019-49-department' | 'REG2019-49-government' | 'township-default' | 'override';
  /** True when no national rule fixes the date (township default without a configured local rule). */
  localRuleNeeded: boolean;
}

export interface DeadlineInput {
  year: number;
  era: Era | null;
  issuerType: IssuerType | null;
  issuerLevel: IssuerLevel | null;
}

/** The issuer category of a report, or null when the issuer type is unknown (Y ≥ 2019). */
export function issuerCategoryOf(input: DeadlineInput): IssuerCategory | null {
  if (input.era === 'E1' || input.year <= 2018) return 'any';
  if (input.issuerType === 'department') return 'department';
  if (input.issuerType === 'other') return 'township';
  if (input.issuerType === 'government') return input.issuerLevel === 'township' ? 'township' : 'government';
  return null;
}

function monthDayDate(year: number, monthDay: string): string {
  const m = MONTH_DAY.exec(monthDay)!;
  const month = Number(m[1]);
  return isoDate(year, month, Math.min(Number(m[2]), daysInMonth(year, month)));
}

/** The deadline of a category for report year `year` (regulations-and-eras.md §6), with overrides. */
export function deadlineOf(category: IssuerCategory, year: number, overrides: DeadlineOverrides = {}): Deadline {
  const key = category === 'any' ? 'e1' : category;
  const override = overrides[key];
  if (typeof override === 'string' && MONTH_DAY.test(override)) {
    return { category, date: monthDayDate(year + 1, override), basis: 'override', localRuleNeeded: false };
  }
  const date = monthDayDate(year + 1, DEFAULT_DEADLINES[key]);
  switch (category) {
    case 'any':
      return { category, date, basis: 'REG2007-31', localRuleNeeded: false };
    case 'department':
      return { category, date, basis: 'REG2019-49-department', localRuleNeeded: false };
    case 'government':
      return { category, date, basis: 'REG2019-49-government', localRuleNeeded: false };
    default:
      return { category, date, basis: 'township-default', localRuleNeeded: true };
  }
}

// ---------------------------------------------------------------------------
// The publication date
// ---------------------------------------------------------------------------

export interface SignatureDate extends DateLine {
  /** ISO date. */
  date: string;
  /** Index of the line in `lines`. */
  line: number;
  /** Range of the date in the text the lines index. */
  range: [number, number];
}

/**
 * The signature date: a line that is just a date (optionally after the issuer's name) among the last
 * `maxLines` non-blank, non-chrome lines (signals.md §5.2 item 3). A form's 填报日期 or a date inside a
 * sentence never qualifies (see `parseDateLine`). The last such line wins.
 */
export function findSignatureDate(lines: readonly TextLine[], maxLines = 5): SignatureDate | null {
  let seen = 0;
  for (let i = lines.length - 1; i >= 0 && seen < maxLines; i--) {
    const line = lines[i]!;
    if (line.chrome || line.text.trim().length === 0) continue;
    seen++;
    const d = parseDateLine(line.text);
    if (d) {
      return { ...d, date: isoDate(d.year, d.month, d.day), line: i, range: [line.start + d.start, line.start + d.end] };
    }
  }
  return null;
}

function validIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}

/** Days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round(dayNumber(b) - dayNumber(a));
}

// ---------------------------------------------------------------------------
// The check
// ---------------------------------------------------------------------------

export type DateSource = 'meta' | 'metadata' | 'signature';

export interface PublicationDeadlineInput extends Omit<DeadlineInput, 'year'> {
  year: number | null;
  publishedAt: { date: string; source: 'meta' | 'metadata' } | null;
  lines: readonly TextLine[];
}

export type PublicationDeadlineResult =
  | { status: 'inapplicable'; reason: string; /** The reason in English. */ reasonEn: string; signature?: SignatureDate }
  | {
      status: 'onTime' | 'late' | 'beforeYearEnd';
      date: string;
      source: DateSource;
      /** True for a signature date (an estimate). */
      estimated: boolean;
      signature?: SignatureDate;
      /** Null only for an unknown issuer type published by the earliest deadline of all types. */
      deadline: Deadline | null;
      /** Days after the deadline (negative or zero when on time). */
      days: number;
    };

/** Decides whether the report was published by its deadline. Pure; offsets refer to the lines' text. */
export function checkPublicationDeadline(
  input: PublicationDeadlineInput,
  options: Partial<PublicationDeadlineOptions> = {},
): PublicationDeadlineResult {
  const opts = { ...DEFAULT_OPTIONS, ...options };
  const overrides = opts.deadlines ?? {};
  const { year } = input;
  if (year === null) return { status: 'inapplicable', reason: '无法确定报告年度，无法确定公开期限', reasonEn: 'the report year is unknown, so the deadline is unknown' };

  let date: string | null = null;
  let source: DateSource | null = null;
  let signature: SignatureDate | undefined;
  if (input.publishedAt) {
    if (validIsoDate(input.publishedAt.date)) {
      date = input.publishedAt.date;
      source = input.publishedAt.source;
    } else if (input.publishedAt.source === 'meta') {
      return {
        status: 'inapplicable',
        reason: `提供的发布日期“${input.publishedAt.date}”不是有效日期（应为YYYY-MM-DD）`,
        reasonEn: `the publication date given, "${input.publishedAt.date}", is not a valid date (YYYY-MM-DD)`,
      };
    }
  }
  if (date === null && opts.useSignatureDate) {
    const found = findSignatureDate(input.lines, Math.max(1, Math.floor(numberOption(opts.signatureLines, 5))));
    if (found) {
      if (found.date < isoDate(year + 1, 1, 1)) {
        return {
          status: 'inapplicable',
          reason: `报告末尾的落款日期${found.date}早于${year}年度结束，不能作为发布日期；请通过 meta.publishedAt 提供实际发布日期`,
          reasonEn: `the date signed at the end, ${found.date}, is before the end of ${year}, so it is not the publication date; give the real one in meta.publishedAt`,
          signature: found,
        };
      }
      signature = found;
      date = found.date;
      source = 'signature';
    }
  }
  if (date === null || source === null) {
    return {
      status: 'inapplicable',
      reason: '没有发布日期（meta.publishedAt、网页“发布日期”栏或报告末尾的落款日期），无法判断是否按时公开；统计表的填报日期不是发布日期',
      reasonEn:
        'no publication date (meta.publishedAt, a web page\'s "发布日期" field or the date signed at the end), so timeliness cannot be judged; the date a statistics form was filled in is not a publication date',
    };
  }
  const estimated = source === 'signature';
  const base = { date, source, estimated, ...(signature ? { signature } : {}) };
  if (date < isoDate(year + 1, 1, 1)) return { status: 'beforeYearEnd', ...base, deadline: null, days: 0 };

  const category = issuerCategoryOf({ year, era: input.era, issuerType: input.issuerType, issuerLevel: input.issuerLevel });
  if (category === null) {
    // Unknown issuer type: on time if published by the earliest deadline that could apply.
    const earliest = (['department', 'government', 'township'] as const)
      .map((c) => deadlineOf(c, year, overrides))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))[0]!;
    if (date <= earliest.date) return { status: 'onTime', ...base, deadline: null, days: daysBetween(earliest.date, date) };
    return {
      status: 'inapplicable',
      reason: `无法判断发布机关是政府部门还是人民政府（期限分别为次年1月31日和3月31日），发布日期${date}无法判断是否逾期；请通过 meta.issuerType 提供`,
      reasonEn: `whether the issuer is a department or a people's government is unknown (deadlines 31 January and 31 March), so whether ${date} is late cannot be judged; give meta.issuerType`,
    };
  }
  const deadline = deadlineOf(category, year, overrides);
  const days = daysBetween(deadline.date, date);
  return { status: days > 0 ? 'late' : 'onTime', ...base, deadline, days };
}

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

const METADATA_LINE = /(发布日期|发布时间|发文日期|成文日期|信息时间|公开日期) {0,2}[:|]? {0,2}\d{4}[-年/.]\d{1,2}[-月/.]\d{1,2}/u;

function metadataLineRange(lines: readonly TextLine[]): [number, number] | null {
  for (const line of lines) {
    const m = METADATA_LINE.exec(line.text);
    if (m) return [line.start + m.index, line.start + m.index + m[0].length];
  }
  return null;
}

// ---------------------------------------------------------------------------
// The rule
// ---------------------------------------------------------------------------

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
