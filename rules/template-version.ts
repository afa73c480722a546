/**
 * template-version — the report follows the template in force for its year (spec/signals.md §6,
 * spec/regulations-and-eras.md §4–5, spec/defects.md WRONG_TEMPLATE and TABLES_NOT_MACHINE_READABLE).
 *
 * Expected layout by report year Y: Y ≤ 2018 REG2007 (no tables required), Y ∈ {2019, 2020} TPL2019
 * (国办公开办函〔2019〕60号), Y ≥ 2021 TPL2021 (国办公开办函〔2021〕30号).
 *
 * Findings:
 * - `outdatedTemplate` (error): Y ≥ 2021 and a TPL2019 strong marker (本年新制作数量, 政府集中采购 …) and no
 *   TPL2021 one.
 * - `outdatedOtherHandling` (error): Y ≥ 2021, table 三 printed with the TPL2019 single-leaf 「（六）其他处理」 (its
 *   TPL2021 sub-rows 逾期不补正 / 逾期未按收费通知…缴纳费用 appear nowhere). defects.md lists this among the
 *   WRONG_TEMPLATE errors; signals.md §6 counts it as a supporting TPL2019 marker, so it is reported only when no
 *   strong TPL2019 marker already gave `outdatedTemplate` or `mixedTemplate`.
 * - `templateBeforeIssue` (warning): a template's strong markers in a report year before the template applied
 *   (TPL2021 for Y ≤ 2020, TPL2019 for Y ≤ 2018): mis-dated or republished.
 * - `mixedTemplate` (error): strong markers of both TPL2019 and TPL2021 (decided even without a report year).
 * - `e1Section` (error): Y ≥ 2019 with a REG2007-era section: a top-level 「收费及减免」 section, or a heading
 *   「依申请公开政府信息和不予公开政府信息」. `e1Subsection` (warning): 「收费及减免」 only as a sub-item, a
 *   partial deviation (defects.md, [S31]).
 * - `oldStatistics` (error): Y ≥ 2019 with rows of the pre-2019 统计表 (当面申请数, 申请办结数 …).
 * - `tablesNotMachineReadable` (warning): Y ≥ 2019, the section of table 二/三/四 has none of the table's labels
 *   and is empty (the next heading follows at once) or holds only image names (long digit strings, hashes,
 *   file names) — the table is probably an image; the arithmetic rules then cannot evaluate it.
 * - `tableMissing` (warning): the section holds narrative but not the table. `noTables` (error): Y ≥ 2019 and
 *   none of the three tables anywhere (and none of them unreadable).
 *
 * A marker counts only where it is printed as a label: in a recognised table, a tab or pipe row, or a line
 * without sentence punctuation — not inside a narrative sentence (「主动公开政府集中采购信息…」).
 *
 * Needs: the report year (model.year: title, statistics period, or meta.year). Without it only
 * `mixedTemplate` can be decided; otherwise the rule is inapplicable.
 *
 * Every regular expression here is linear: bounded windows, no nested quantifiers.
 */
import { defineRule, firstLineRange, lastAtMost, lineIndexAt, numberOption } from '../src/kit/index';
import { messagesFor, inLocale } from './locales/index';
import type { SectionInfo, SectionKey, TableId, TemplateKey, TextLine } from '../src/types';

const RULE_ID = 'template-version';

// ---------------------------------------------------------------------------
// Markers (signals.md §6, tables.md), in normalised form (half-width punctuation, no spaces)
// ---------------------------------------------------------------------------

export const TPL2021_MARKERS: readonly string[] = [
  '本年制发件数',
  '本年废止件数',
  '现行有效件数',
  '本年收费金额(单位:万元)',
  '申请人逾期未按收费通知要求缴纳费用',
];

export const TPL2019_MARKERS: readonly string[] = [
  '本年新制作数量',
  '本年新公开数量',
  '对外公开总数量',
  '其他对外管理服务事项',
  '第二十条第(九)项',
  '政府集中采购',
  '采购总金额',
];

/** Row labels of the pre-2019 《政府信息公开情况统计表》 that no TPL table has (tables.md §5.1). */
export const OLD_STATISTICS_LABELS: readonly string[] = [
  '政府信息公开情况统计表',
  '当面申请数',
  '传真申请数',
  '信函申请数',
  '申请办结数',
  '按时办结数',
  '延期办结数',
  '不同意公开答复数',
];

/** The TPL2021 sub-rows of table 三 （六）其他处理 (any one of them shows the split layout). */
const OTHER_HANDLING_SUBROWS: readonly string[] = ['逾期不补正', '逾期未按收费通知', '缴纳费用'];
const OTHER_HANDLING_ROW = '(六)其他处理';

/** Labels that show a template table is printed as text (tables.md §1–3). */
export const TABLE_LABELS: Record<'T2' | 'T3' | 'T4', readonly string[]> = {
  T2: ['第二十条第(一)项', '第二十条第(五)项', '第二十条第(六)项', '第二十条第(八)项', '本年制发件数', '本年新制作数量'],
  T3: ['本年新收政府信息公开申请数量', '上年结转政府信息公开申请数量', '结转下年度继续办理', '本列数据的勾稽关系', '本年度办理结果'],
  T4: ['未经复议直接起诉', '复议后起诉'],
};

const TABLE_NAMES: Record<'T2' | 'T3' | 'T4', string> = {
  T2: '表二“主动公开政府信息情况”',
  T3: '表三“收到和处理政府信息公开申请情况”',
  T4: '表四“政府信息公开行政复议、行政诉讼情况”',
};

const TABLE_SECTION: Record<'T2' | 'T3' | 'T4', { key: SectionKey; ordinal: number }> = {
  T2: { key: 'proactive', ordinal: 2 },
  T3: { key: 'requests', ordinal: 3 },
  T4: { key: 'review-litigation', ordinal: 4 },
};

export const TEMPLATE_NAMES: Record<'TPL2019' | 'TPL2021', string> = {
  TPL2019: '2019年版年度报告格式（国办公开办函〔2019〕60号）',
  TPL2021: '2021年版年度报告格式（国办公开办函〔2021〕30号）',
};

/** The first report year each template applies to (regulations-and-eras.md §4). */
const FIRST_YEAR: Record<'TPL2019' | 'TPL2021', number> = { TPL2019: 2019, TPL2021: 2021 };

export function expectedTemplateFor(year: number | null): TemplateKey {
  if (year === null) return 'unknown';
  if (year <= 2018) return 'REG2007';
  return year <= 2020 ? 'TPL2019' : 'TPL2021';
}

// ---------------------------------------------------------------------------
// Squeezed text: all whitespace and pipe characters removed, with a map back
// ---------------------------------------------------------------------------

export interface SqueezedText {
  text: string;
  map: Int32Array;
}

/** The text without whitespace and table pipes (labels broken over lines or cells are whole again). */
export function squeeze(text: string): SqueezedText {
  const n = text.length;
  const map = new Int32Array(n);
  let m = 0;
  let out = '';
  let run = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c === 0xa0 || c === 0x3000 || c === 0x7c /* | */) {
      if (run >= 0) out += text.slice(run, i);
      run = -1;
      continue;
    }
    if (run < 0) run = i;
    map[m++] = i;
  }
  if (run >= 0) out += text.slice(run);
  return { text: out, map: map.subarray(0, m) };
}

function originalOf(s: SqueezedText, start: number, end: number): [number, number] {
  if (s.map.length === 0) return [0, 0];
  const a = s.map[Math.min(start, s.map.length - 1)]!;
  const b = end > start ? s.map[Math.min(end - 1, s.map.length - 1)]! + 1 : a;
  return [a, b];
}

// ---------------------------------------------------------------------------
// Label-like occurrences
// ---------------------------------------------------------------------------

export interface LabelContext {
  text: string;
  lines: readonly Pick<TextLine, 'start' | 'end'>[];
  tableRanges: ReadonlyArray<readonly [number, number]>;
}

const SENTENCE_PUNCTUATION = /[。,;!?]/u;

/** True where an offset of the text lies in a table or on a label line (no sentence punctuation). */
export function isLabelPosition(ctx: LabelContext, offset: number): boolean {
  for (const [a, b] of ctx.tableRanges) if (offset >= a && offset < b) return true;
  if (ctx.lines.length === 0) return true;
  const line = ctx.lines[lineIndexAt(ctx.lines, offset)]!;
  const t = ctx.text.slice(line.start, line.end);
  if (t.includes('\t') || t.trimStart().startsWith('|')) return true;
  return !SENTENCE_PUNCTUATION.test(t);
}

export interface MarkerHit {
  marker: string;
  range: [number, number];
}

/** The first label-like occurrence of each marker (offsets into the text). */
export function findLabels(ctx: LabelContext, squeezed: SqueezedText, markers: readonly string[]): MarkerHit[] {
  const out: MarkerHit[] = [];
  for (const marker of markers) {
    let from = 0;
    let guard = 0;
    while (guard++ < 200) {
      const at = squeezed.text.indexOf(marker, from);
      if (at < 0) break;
      const range = originalOf(squeezed, at, at + marker.length);
      if (isLabelPosition(ctx, range[0])) {
        out.push({ marker, range });
        break;
      }
      from = at + 1;
    }
  }
  return out.sort((a, b) => a.range[0] - b.range[0]);
}

// ---------------------------------------------------------------------------
// Image-only sections (defects.md TABLES_NOT_MACHINE_READABLE)
// ---------------------------------------------------------------------------

const IMAGE_TOKENS: readonly RegExp[] = [
  /!\[[^\]\n]{0,200}\]\([^)\n]{0,500}\)/gu, // Markdown image
  /[A-Za-z0-9_.-]{1,120}\.(?:jpe?g|png|gif|bmp|webp|tiff?)\b/giu, // image file name
  /(?<![0-9A-Za-z])[0-9a-fA-F]{16,64}(?![0-9A-Za-z])/gu, // hash
  /(?<!\d)\d{10,20}(?!\d)/gu, // long digit string (timestamp file names)
  /\[?(?:图片|图像|image|img)\]?/giu,
];

const NOT_CONTENT = /[\s\p{P}\p{S}]/u;

export interface SectionBody {
  /** Characters left once whitespace and image tokens are removed. */
  residual: number;
  /** Image tokens found. */
  images: string[];
}

/** What a section body holds besides image names. */
export function sectionBody(body: string): SectionBody {
  const images: string[] = [];
  let rest = body;
  for (const re of IMAGE_TOKENS) {
    rest = rest.replace(re, (m) => {
      if (images.length < 5) images.push(m);
      return ' ';
    });
  }
  let residual = 0;
  for (const ch of rest) if (!NOT_CONTENT.test(ch)) residual++;
  return { residual, images };
}

// ---------------------------------------------------------------------------
// The check
// ---------------------------------------------------------------------------

export interface TemplateVersionInput extends LabelContext {
  year: number | null;
  sections: readonly SectionInfo[];
  tables: ReadonlyArray<{ id: TableId }>;
  title?: { start: number; end: number } | null;
}

export interface TemplateVersionOptions {
  /** Report the TPL2019 single-leaf 「（六）其他处理」 in a report for 2021 or later (default true). */
  checkOtherHandlingRow: boolean;
  /** Check tables 二/三/四 for reports from 2019 (default true). */
  checkTables: boolean;
  /** Characters (a caption) a section with image names may hold besides them and still count as image-only (default 20). */
  imageSectionMaxChars: number;
}

export const DEFAULT_OPTIONS: TemplateVersionOptions = {
  checkOtherHandlingRow: true,
  checkTables: true,
  imageSectionMaxChars: 20,
};

export interface TemplateFinding {
  messageId: string;
  range: [number, number];
  data: Record<string, unknown>;
  expected?: unknown;
  actual?: unknown;
}

export interface TemplateVersionResult {
  /** False when the report year is unknown and nothing could be decided without it. */
  applicable: boolean;
  expected: TemplateKey;
  markers: { tpl2021: MarkerHit[]; tpl2019: MarkerHit[]; oldStatistics: MarkerHit[] };
  /** Per table 二/三/四 (reports from 2019): present, unreadable, missing (with its section), or absent. */
  tables: Array<{ id: 'T2' | 'T3' | 'T4'; status: 'present' | 'unreadable' | 'missing' | 'absent'; section?: number }>;
  findings: TemplateFinding[];
}

const E1_FEES_HEADING = /收费.{0,6}减免|减免.{0,6}收费/u;
const E1_APPLY_HEADING = '依申请公开政府信息和不予公开政府信息';

function markerList(hits: MarkerHit[]): string[] {
  return hits.map((h) => h.marker);
}

function reportRange(input: TemplateVersionInput): [number, number] {
  return input.title ? [input.title.start, input.title.end] : firstLineRange(input.text);
}

/** Checks the layout against the template in force for the report year (see the file comment). */
export function checkTemplateVersion(
  input: TemplateVersionInput,
  options: Partial<TemplateVersionOptions> = {},
): TemplateVersionResult {
  const opts = { ...DEFAULT_OPTIONS, ...options };
  const squeezed = squeeze(input.text);
  const tpl2021 = findLabels(input, squeezed, TPL2021_MARKERS);
  const tpl2019 = findLabels(input, squeezed, TPL2019_MARKERS);
  const year = input.year;
  const expected = expectedTemplateFor(year);
  const findings: TemplateFinding[] = [];
  const result: TemplateVersionResult = {
    applicable: true,
    expected,
    markers: { tpl2021, tpl2019, oldStatistics: [] },
    tables: [],
    findings,
  };
  const yearText = year ?? '';
  const expectedName = expected === 'TPL2019' || expected === 'TPL2021' ? TEMPLATE_NAMES[expected] : '报告年度对应的年度报告格式';

  if (tpl2021.length > 0 && tpl2019.length > 0) {
    findings.push({
      messageId: 'mixedTemplate',
      range: tpl2019[0]!.range,
      data: { year: yearText, markers2021: markerList(tpl2021), markers2019: markerList(tpl2019), expectedName },
      expected,
      actual: 'MIXED',
    });
  }
  if (year === null) {
    result.applicable = findings.length > 0;
    return result;
  }

  const mixed = findings.length > 0;
  // Templates used before they applied.
  for (const [key, hits] of [['TPL2021', tpl2021], ['TPL2019', tpl2019]] as const) {
    if (hits.length === 0 || year >= FIRST_YEAR[key] || mixed) continue;
    findings.push({
      messageId: 'templateBeforeIssue',
      range: hits[0]!.range,
      data: { year, templateName: TEMPLATE_NAMES[key], markers: markerList(hits), firstYear: FIRST_YEAR[key] },
      expected,
      actual: key,
    });
  }
  if (year < 2019) return result;

  // An outdated template (Y ≥ 2021).
  if (year >= 2021 && tpl2019.length > 0 && !mixed) {
    findings.push({
      messageId: 'outdatedTemplate',
      range: tpl2019[0]!.range,
      data: { year, markers: markerList(tpl2019), expectedName },
      expected: 'TPL2021',
      actual: 'TPL2019',
    });
  }
  if (year >= 2021 && opts.checkOtherHandlingRow && tpl2019.length === 0) {
    const row = findLabels(input, squeezed, [OTHER_HANDLING_ROW]);
    const split = OTHER_HANDLING_SUBROWS.some((m) => squeezed.text.includes(m));
    if (row.length > 0 && !split) {
      findings.push({
        messageId: 'outdatedOtherHandling',
        range: row[0]!.range,
        data: { year, expectedName },
        expected: 'TPL2021',
        actual: 'TPL2019',
      });
    }
  }

  // REG2007-era sections and the old statistics table.
  for (const s of input.sections) {
    const heading = s.heading.replace(/\s+/gu, '');
    const isApply = heading.includes(E1_APPLY_HEADING);
    const isFees = E1_FEES_HEADING.test(s.title);
    if (!isApply && !isFees) continue;
    const top = s.parent < 0;
    // 「（一）信息处理费收费及减免情况」 under 六、其他需要报告的事项 is where TPL2021 puts the fee statement.
    if (!top && !isApply && topKey(input.sections, s) === 'other') continue;
    findings.push({
      messageId: top || isApply ? 'e1Section' : 'e1Subsection',
      range: [s.headingStart, s.headingEnd],
      data: { year, heading: s.heading, expectedName },
    });
  }
  const old = findLabels(input, squeezed, OLD_STATISTICS_LABELS);
  result.markers.oldStatistics = old;
  const statTable = input.tables.some((t) => t.id === 'STAT');
  if (old.length > 0 || statTable) {
    findings.push({
      messageId: 'oldStatistics',
      range: old.length > 0 ? old[0]!.range : reportRange(input),
      data: { year, labels: old.length > 0 ? markerList(old) : ['政府信息公开情况统计表'], expectedName },
      expected,
      actual: 'STAT',
    });
  }

  if (opts.checkTables) checkTables(input, squeezed, opts, result, expectedName);
  return result;
}

function topKey(sections: readonly SectionInfo[], s: SectionInfo): SectionKey | null {
  let cur = s;
  let guard = 0;
  while (cur.parent >= 0 && guard++ < 64) cur = sections[cur.parent]!;
  return cur.key;
}

function tableSection(sections: readonly SectionInfo[], id: 'T2' | 'T3' | 'T4'): number {
  const { key, ordinal } = TABLE_SECTION[id];
  let last = -1;
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i]!;
    if (s.parent >= 0 || s.key !== key) continue;
    if (s.ordinal === ordinal) return i;
    last = i;
  }
  return last;
}

function checkTables(
  input: TemplateVersionInput,
  squeezed: SqueezedText,
  opts: TemplateVersionOptions,
  result: TemplateVersionResult,
  expectedName: string,
): void {
  const recognised = new Set(input.tables.map((t) => t.id));
  const pending: TemplateFinding[] = [];
  for (const id of ['T2', 'T3', 'T4'] as const) {
    if (recognised.has(id) || findLabels(input, squeezed, TABLE_LABELS[id]).length > 0) {
      result.tables.push({ id, status: 'present' });
      continue;
    }
    const index = tableSection(input.sections, id);
    if (index < 0) {
      result.tables.push({ id, status: 'absent' });
      continue;
    }
    const s = input.sections[index]!;
    const body = sectionBody(input.text.slice(s.start, Math.max(s.start, s.end)));
    const data = { year: input.year, heading: s.heading, table: TABLE_NAMES[id], expectedName };
    // The next heading at once, or image names with at most a caption (「表二 主动公开政府信息情况」) beside them.
    const unreadable = body.images.length > 0 ? body.residual <= opts.imageSectionMaxChars : body.residual === 0;
    if (unreadable) {
      result.tables.push({ id, status: 'unreadable', section: index });
      const evidence = body.images.length > 0 ? `只有图片或文件名“${body.images.slice(0, 2).join('”“')}”` : '标题后紧接下一个标题';
      const evidenceEn = body.images.length > 0 ? `only image names such as “${body.images[0]}”` : 'the next heading follows at once';
      result.findings.push({
        messageId: 'tablesNotMachineReadable',
        range: [s.headingStart, s.headingEnd],
        data: { ...data, evidence, evidenceEn, images: body.images },
      });
    } else {
      result.tables.push({ id, status: 'missing', section: index });
      pending.push({ messageId: 'tableMissing', range: [s.headingStart, s.headingEnd], data });
    }
  }
  const none = result.tables.every((t) => t.status === 'missing' || t.status === 'absent');
  if (none) {
    result.findings.push({
      messageId: 'noTables',
      range: reportRange(input),
      data: { year: input.year, expectedName },
      expected: ['T2', 'T3', 'T4'],
      actual: [],
    });
  } else result.findings.push(...pending);
}

// ---------------------------------------------------------------------------
// The rule
// ---------------------------------------------------------------------------

export default defineRule({
  meta: {
    id: RULE_ID,
    impact: 'serious',
    docs: {
      description: {
        'zh-CN':
          '报告的结构和表格符合报告年度施行的格式：2021年度起用2021年版格式（国办公开办函〔2021〕30号），2019、2020年度用2019年版格式（〔2019〕60号），2018年度及以前按2007年《条例》编写、不要求表格；不混用新旧格式，不沿用旧的章节和统计表；表二、表三、表四以文字表格发布（图片表格无法核对）',
        en:
          'The layout follows the template in force for the report year: TPL2021 (国办公开办函〔2021〕30号) from 2021, TPL2019 (〔2019〕60号) for 2019–2020, REG2007 (no tables required) up to 2018; no mixing of templates, no REG2007-era sections or old statistics table after 2018; tables 二/三/四 published as text (image tables cannot be checked)',
      },
      requires:
        'the report year (model.year: from the title, the statistics period or meta.year); without it only a mixed TPL2019/TPL2021 table can be reported',
    },
    messages: messagesFor(RULE_ID, {
      outdatedTemplate: 'error',
      outdatedOtherHandling: 'error',
      templateBeforeIssue: 'warning',
      mixedTemplate: 'error',
      e1Section: 'error',
      e1Subsection: 'warning',
      oldStatistics: 'error',
      tablesNotMachineReadable: 'warning',
      tableMissing: 'warning',
      noTables: 'error',
    }),
    schema: {
      type: 'object',
      properties: {
        checkOtherHandlingRow: { type: 'boolean' },
        checkTables: { type: 'boolean' },
        imageSectionMaxChars: { type: 'integer', minimum: 0, maximum: 500 },
      },
      additionalProperties: false,
    },
    defaultOptions: { ...DEFAULT_OPTIONS },
  },
  create(context) {
    return {
      'root:exit'() {
        const { model } = context;
        const options = context.options as Partial<TemplateVersionOptions>;
        const result = checkTemplateVersion(
          {
            text: model.text,
            lines: model.lines,
            tableRanges: model.tableRanges,
            year: model.year,
            sections: model.sections,
            tables: model.tables,
            title: model.title,
          },
          {
            checkOtherHandlingRow: options.checkOtherHandlingRow ?? DEFAULT_OPTIONS.checkOtherHandlingRow,
            checkTables: options.checkTables ?? DEFAULT_OPTIONS.checkTables,
            imageSectionMaxChars: numberOption(options.imageSectionMaxChars, DEFAULT_OPTIONS.imageSectionMaxChars),
          },
        );
        if (!result.applicable) {
          context.inapplicable(inLocale(context.locale, { 'zh-CN': '未能确定报告年度（标题、统计期限中都没有年份，也未提供 meta.year），无法判断应当使用的年度报告格式', en: 'the report year is unknown (no year in the title or the statistics period, and no meta.year), so the template in force cannot be determined' }));
          return;
        }
        for (const f of result.findings) {
          context.report({ messageId: f.messageId, range: f.range, data: f.data, expected: f.expected, actual: f.actual });
        }
      },
    };
  },
});
