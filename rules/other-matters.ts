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
import { blankTables, compactText, defineRule, numberOption, parseDateLine, shorten } from '../src/kit/index';
import type { RecognisedTable, SectionInfo } from '../src/types';
import { messagesFor, inLocale } from './locales/index';

const RULE_ID = 'other-matters';

export type SubItem = 'workPoints' | 'proposals' | 'innovation';

export interface OtherMattersOptions {
  /** Bodies with fewer letters/digits than this are empty (default 10). */
  minLength: number;
  /** UNCONFIRMED sub-items to look for (info when absent); [] switches the check off. */
  subItems: SubItem[];
  /** T3-8: a non-zero 表三 （六）2 with no fee statement in 六 (default true). */
  checkUnpaid: boolean;
}

export const DEFAULT_OPTIONS: OtherMattersOptions = {
  minLength: 10,
  subItems: ['workPoints', 'proposals', 'innovation'],
  checkUnpaid: true,
};

const ANNEX_TITLE = /^(附件|附表)/u;

/** Section 六: the last top-level section keyed 'other' that is not an annex (else any such section). */
export function findOtherSection(sections: readonly SectionInfo[]): SectionInfo | null {
  const candidates = sections.filter((s) => s.key === 'other' && !ANNEX_TITLE.test(s.title.trim()));
  const top = candidates.filter((s) => s.parent < 0);
  return top[top.length - 1] ?? candidates[candidates.length - 1] ?? null;
}

// ---------------------------------------------------------------------------
// The body of 六
// ---------------------------------------------------------------------------

const SIGNATORY = /^[\u4e00-\u9fff()（）]{2,30}(人民政府|政府|办公室|办公厅|委员会|办事处|局|委|中心|厅|院|署|镇|乡|街道|县|区|市)$/u;

export interface OtherBody {
  /** The body compacted (no spaces or line wraps), signature and tables removed. */
  text: string;
  /** Range of the body in the analysed text (trimmed; the heading's end when empty). */
  range: [number, number];
  /** Letters and digits in the body. */
  length: number;
}

/**
 * The body of a section: its text with tables blanked and a trailing signature (an issuer-name line, a
 * date line) cut off, compacted.
 */
export function otherBody(text: string, section: SectionInfo, tableRanges: ReadonlyArray<readonly [number, number]> = []): OtherBody {
  const start = section.start;
  let end = Math.max(start, Math.min(section.end, text.length));
  const blanked = blankTables(text, tableRanges);
  // Cut a trailing signature: up to 3 lines that are a date or a name.
  for (let k = 0; k < 3; k++) {
    let e = end;
    while (e > start && /\s/u.test(blanked[e - 1]!)) e--;
    let s = e;
    while (s > start && blanked.charCodeAt(s - 1) !== 10) s--;
    const line = blanked.slice(s, e).trim();
    if (line.length === 0 || !(parseDateLine(line) || SIGNATORY.test(line))) break;
    end = s;
  }
  let a = start;
  let b = end;
  while (a < b && /\s/u.test(blanked[a]!)) a++;
  while (b > a && /\s/u.test(blanked[b - 1]!)) b--;
  const compact = compactText(blanked.slice(a, b)).text.replace(/\n/gu, '');
  const length = (compact.match(/[\p{L}\p{N}]/gu) ?? []).length;
  return { text: compact, range: a < b ? [a, b] : [section.headingStart, section.headingEnd], length };
}

// ---------------------------------------------------------------------------
// Detection
// ---------------------------------------------------------------------------

/** A bare nil answer: 「无」, 「本年度无其他需要报告的事项」, 「暂无。」. */
const NIL_ONLY =
  /^(?:本年度|本年|今年|全年|\d{4}年度?|本机关|本单位|我[镇乡区县市局委办])?(?:无|没有|暂无|不存在)(?:其他|其它)?(?:需要|需)?(?:报告|说明)?的?(?:事项|情况|内容)?$/u;

/** The 信息处理费 by name (信息公开处理费 included). */
const FEE_NAME = /信息(?:公开)?处理费/u;
/** Fee-sense words; candidates, rejected when they are Art. 20(8) administrative fees (表二). */
const FEE_WORD = /收费|收取[^,。;!?]{0,10}?费|缴纳费用|缴费|免费/gu;
const ADMIN_FEE_BEFORE = /(事业性|涉企|行政)$/u;
const ADMIN_FEE_AFTER = /^(金额|目录|清单|公路|项目|站|单位:万元)/u;

/** True when the text mentions the 信息处理费 (by name, or 收费 in the fee sense — never 行政事业性收费). */
export function mentionsFee(compact: string): boolean {
  if (FEE_NAME.test(compact)) return true;
  FEE_WORD.lastIndex = 0;
  for (let m = FEE_WORD.exec(compact); m; m = FEE_WORD.exec(compact)) {
    const before = compact.slice(Math.max(0, m.index - 4), m.index);
    const after = compact.slice(m.index + m[0].length, m.index + m[0].length + 6);
    if (m[0] === '收费' && (ADMIN_FEE_BEFORE.test(before) || ADMIN_FEE_AFTER.test(after))) continue;
    return true;
  }
  return false;
}

const SUB_ITEMS: Record<SubItem, RegExp> = {
  workPoints: /工作要点/u,
  proposals: /人大代表建议|政协(?:委员)?提案|建议提案|建议和提案|建议、提案|议案提案|代表建议/u,
  innovation: /创新/u,
};

/** 表三 （六）2 「申请人逾期未按收费通知要求缴纳费用」: the total, else the sum of the row; null when unread. */
export function unpaidCount(tables: readonly RecognisedTable[]): number | null {
  const t3 = tables.find((t) => t.id === 'T3');
  if (!t3) return null;
  const cells = t3.cells.filter((c) => c.row === 'otherUnpaid');
  if (cells.length === 0) return null;
  const total = cells.find((c) => c.column === 'total');
  if (total && total.value !== null) return total.value;
  const values = cells.filter((c) => c.column !== 'total' && c.value !== null).map((c) => c.value!);
  return values.length > 0 ? values.reduce((a, b) => a + b, 0) : null;
}

export interface OtherMattersInput {
  text: string;
  sections: readonly SectionInfo[];
  tableRanges?: ReadonlyArray<readonly [number, number]>;
  tables?: readonly RecognisedTable[];
}

export type OtherMattersResult =
  | { status: 'noSection' }
  | {
      status: 'empty' | 'noFee' | 'unpaidWithoutFee' | 'ok';
      section: SectionInfo;
      body: OtherBody;
      /** 表三 （六）2, when read. */
      unpaid: number | null;
      /** Sub-items looked for and not found. */
      missingSubItems: SubItem[];
    };

/** Checks section 六 of a TPL2021 report (the caller decides applicability by year). */
export function checkOtherMatters(input: OtherMattersInput, options: Partial<OtherMattersOptions> = {}): OtherMattersResult {
  const opts = { ...DEFAULT_OPTIONS, ...options };
  const section = findOtherSection(input.sections);
  if (!section) return { status: 'noSection' };
  const body = otherBody(input.text, section, input.tableRanges);
  const unpaid = unpaidCount(input.tables ?? []);
  const bare = body.text.replace(/[^\p{L}\p{N}]/gu, '');
  const minLength = numberOption(opts.minLength, DEFAULT_OPTIONS.minLength);
  if (body.length < minLength || (bare.length <= 40 && NIL_ONLY.test(bare))) {
    return { status: 'empty', section, body, unpaid, missingSubItems: [] };
  }
  const missingSubItems = (opts.subItems ?? []).filter((k) => SUB_ITEMS[k] && !SUB_ITEMS[k].test(body.text));
  let status: 'noFee' | 'unpaidWithoutFee' | 'ok' = 'ok';
  if (!mentionsFee(body.text)) status = opts.checkUnpaid && unpaid !== null && unpaid > 0 ? 'unpaidWithoutFee' : 'noFee';
  return { status, section, body, unpaid, missingSubItems };
}

// ---------------------------------------------------------------------------
// The rule
// ---------------------------------------------------------------------------

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
