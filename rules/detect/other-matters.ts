/**
 * The detection of other-matters (the rule, ../other-matters.ts, says what is checked and reported):
 * pure functions of the report's text, sections and tables, with no rule context. Tests call them
 * directly.
 */
import { blankTables, compactText, numberOption, parseDateLine } from '../../src/kit/index';
import type { RecognisedTable, SectionInfo } from '../../src/types';

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
