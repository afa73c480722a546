/**
 * table-cells — what each cell of the recognised tables holds (spec/tables.md §1.3, §2.3 T3-4, §4, §5;
 * spec/defects.md TABLE_BLANK_CELLS).
 *
 * Division of labour with `tables-reconcile`: that rule reports identities (sums, the printed 勾稽关系, and
 * the non-negative-integer cell type of 表二/三/四, which their templates declare as an identity); this rule
 * reports the content of single cells and never an identity:
 * - `blankCells` (info): cells the template expects a number in that are blank, 「/」, 「-」, 「无」 or text,
 *   grouped by block of the table (「三、依申请公开情况」 整块空白 in seed 003). Header rows (一、主动公开情况,
 *   二、回应解读情况 … of the old statistics table; （三）不予公开 … of 表三) are expected blank and never reported.
 * - `blankTotal` (warning): a blank total (总计, or a parent row) whose parts hold numbers, so that an OFFICIAL or
 *   STRUCTURAL identity (T3-1, T3-2, T3-3, T4-1…3) cannot be checked ([S19]: 总计 blank for every leaf row).
 * - `cellNote` (info): a note printed inside a cell, 「22（其中修订 16 件）」 (上海市人民政府办公厅 2025): the number
 *   is read as 22 and the note kept; the note belongs under the table.
 * - `unitConflict` (warning): a cell of a 万元 column written in 元 (「5000元」).
 * - `implausibleAmount` (warning): a 万元 amount above the limit for the issuer's level (tables.md T2-5: a township
 *   reporting 316441 万元 ≈ 31.6亿元 probably entered 元). Heuristic: the limits are options.
 * - `invalidNumber` (error): a negative or fractional count in a table whose template declares no cell-type
 *   identity (the pre-2019 statistics table); for 表二/三/四 `tables-reconcile` reports it.
 *
 * Needs: recognised tables with cells (model.tables); the issuer level (model.issuerLevel) for the amount limit
 * (without it the `unknownLevelLimit` applies).
 */
import { UNIT_WORDS, checkIdentities, defineRule, listSome, type TemplateDefinition } from '../src/kit/index';
import { messagesFor, inLocale } from './locales/index';
import type { IdentityCheck, IssuerLevel, Position, RecognisedTable, ReportModel, TableCell } from '../src/types';

const RULE_ID = 'table-cells';

export type AmountLimits = Record<IssuerLevel, number>;

export interface TableCellsOptions {
  /** Upper bound of a plausible 万元 amount by issuer level (tables.md T2-5; heuristic). */
  amountLimits: AmountLimits;
  /** The bound when the issuer level is unknown. */
  unknownLevelLimit: number;
  /** Report notes printed inside cells (info). */
  reportNotes: boolean;
  /** Report a blank total whose parts are filled as a warning (false: as one of the blank cells, info). */
  upgradeBlankTotals: boolean;
  /** Row labels listed in a message before 「等」. */
  maxRowsListed: number;
}

/** 万元: a township 5000万元, a county 10亿元, a prefecture 100亿元, a province 1000亿元, the centre 1万亿元. */
export const DEFAULT_AMOUNT_LIMITS: AmountLimits = {
  township: 5000,
  county: 100000,
  prefecture: 1000000,
  provincial: 10000000,
  national: 100000000,
};

export const DEFAULT_OPTIONS: TableCellsOptions = {
  amountLimits: { ...DEFAULT_AMOUNT_LIMITS },
  unknownLevelLimit: DEFAULT_AMOUNT_LIMITS.provincial,
  reportNotes: true,
  upgradeBlankTotals: true,
  maxRowsListed: 6,
};

const LEVEL_ZH: Record<IssuerLevel, string> = {
  national: '国家级',
  provincial: '省级',
  prefecture: '地市级',
  county: '县级',
  township: '乡镇（街道）级',
};

const KIND_ZH: Record<TableCell['kind'], string> = { blank: '空白', slash: '“/”', dash: '“-”或“无”', text: '文字', number: '数字' };
const KIND_EN: Record<TableCell['kind'], string> = { blank: 'blank', slash: '“/”', dash: '“-” or “无”', text: 'text', number: 'number' };

// ---------------------------------------------------------------------------
// Template facts
// ---------------------------------------------------------------------------

interface TemplateFacts {
  def: TemplateDefinition;
  rowIndex: Map<string, number>;
  /** Rows whose cells should hold a number (not a header row). */
  valueRows: Set<string>;
  /** Top-level ancestor of each row. */
  block: Map<string, string>;
  /** The template declares the non-negative-integer cell check (tables-reconcile reports it). */
  hasCellTypeCheck: boolean;
  rowLabels: Map<string, string>;
  rowTypes: Map<string, 'count' | 'amount' | 'signed'>;
  columnLabels: Map<string, string>;
  columnTypes: Map<string, 'count' | 'amount' | 'signed'>;
}

const factsCache = new WeakMap<TemplateDefinition, TemplateFacts>();

function templateFacts(templates: readonly TemplateDefinition[], key: string): TemplateFacts | undefined {
  const def = templates.find((t) => t.key === key);
  if (!def) return undefined;
  let facts = factsCache.get(def);
  if (!facts) factsCache.set(def, (facts = buildFacts(def)));
  return facts;
}

function buildFacts(def: TemplateDefinition): TemplateFacts {
  // A non-leaf row holds a value when an identity reads it: as an unconditional target, or as an operand
  // of a sum or a bound ('!=' only flags a header row that repeats a sum, tables.md P-5).
  const referenced = new Set<string>();
  let hasCellTypeCheck = false;
  for (const identity of def.identities) {
    if ('check' in identity) {
      hasCellTypeCheck ||= identity.check === 'cellType';
      continue;
    }
    const rows = identity.forEach?.rows;
    const bind = (r: string) => (r === '$' && rows ? rows : [r]);
    if (!identity.onlyIfTargetPresent) for (const r of bind(identity.target.row)) referenced.add(r);
    if (identity.op === '!=') continue;
    for (const o of identity.operands) {
      if ('rows' in o) for (const r of o.rows) bind(r).forEach((x) => referenced.add(x));
      else bind(o.row).forEach((x) => referenced.add(x));
    }
  }
  const byKey = new Map(def.rows.map((r) => [r.key, r]));
  const valueRows = new Set<string>();
  const block = new Map<string, string>();
  for (const r of def.rows) {
    if (r.values && (r.leaf || referenced.has(r.key))) valueRows.add(r.key);
    let top = r;
    let guard = 0;
    while (top.parent !== null && byKey.has(top.parent) && guard++ < 16) top = byKey.get(top.parent)!;
    block.set(r.key, top.key);
  }
  return {
    def,
    rowIndex: new Map(def.rows.map((r, i) => [r.key, i])),
    valueRows,
    block,
    hasCellTypeCheck,
    rowLabels: new Map(def.rows.map((r) => [r.key, (r.short ?? r.label).replace(/\s+/gu, '')])),
    rowTypes: new Map(def.rows.flatMap((r) => (r.type ? [[r.key, r.type] as const] : []))),
    columnLabels: new Map(def.columns.map((c) => [c.key, c.label])),
    columnTypes: new Map(def.columns.flatMap((c) => (c.type ? [[c.key, c.type] as const] : []))),
  };
}

function rowLabel(facts: TemplateFacts, key: string): string {
  return facts.rowLabels.get(key) ?? key.replace(/\s+/gu, '');
}

function columnLabel(facts: TemplateFacts, key: string): string {
  return facts.columnLabels.get(key) ?? key;
}

function cellLabel(facts: TemplateFacts, cell: { row: string; column: string }): string {
  return facts.def.columns.length === 1 ? rowLabel(facts, cell.row) : `${rowLabel(facts, cell.row)}[${columnLabel(facts, cell.column)}]`;
}

function typeOf(facts: TemplateFacts, row: string, column: string): 'count' | 'amount' | 'signed' {
  return facts.rowTypes.get(row) ?? facts.columnTypes.get(column) ?? 'count';
}

/** The unit of a cell when the template fixes it: 万元 for TPL2021 本年收费金额 and the old table's 七 and 八（四）. */
export function unitOf(facts: TemplateFacts, row: string, column: string): '万元' | null {
  if (columnLabel(facts, column).includes('万元')) return '万元';
  if (facts.def.id === 'STAT' && typeOf(facts, row, column) === 'amount') return '万元';
  return null;
}

// ---------------------------------------------------------------------------
// The check
// ---------------------------------------------------------------------------

export interface CellFinding {
  messageId: 'blankCells' | 'blankTotal' | 'cellNote' | 'unitConflict' | 'implausibleAmount' | 'invalidNumber';
  /** The cells concerned, in table order (the finding spans the first to the last). */
  cells: TableCell[];
  data: Record<string, unknown>;
  expected?: unknown;
  actual?: unknown;
}

function formatAmount(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 10000) / 10000);
}

export interface TableCellsContext {
  /** The issuer's level, for the amount limit (null: `unknownLevelLimit`). */
  issuerLevel: IssuerLevel | null;
  /**
   * The caller's source (`ReportModel.source`). A blank cell whose source holds text was page furniture blanked
   * out of the analysis text (「-2-」 between a label and a value printed before it, raw PDF text): a reading
   * artefact, not a blank cell of the report, so it is left out.
   */
  source?: string;
  /** The table templates (`ReportModel.templates`). */
  templates: readonly TemplateDefinition[];
  /** The identity checks of a table (`ReportModel.identityChecks`); by default computed from the table's cells. */
  identityChecks?: (table: RecognisedTable) => readonly IdentityCheck[];
}

/** True for a blank cell read where the source shows printed text (see `TableCellsContext.source`). */
export function isBlankArtifact(cell: TableCell, source: string | undefined): boolean {
  if (source === undefined || cell.kind !== 'blank') return false;
  return source.slice(cell.position.start.offset, cell.position.end.offset).trim().length > 0;
}

/** Cell-level findings of one recognised table (see the file comment). */
export function checkTableCells(
  table: RecognisedTable,
  ctx: TableCellsContext,
  options: Partial<TableCellsOptions> = {},
): CellFinding[] {
  const issuerLevel = ctx.issuerLevel;
  const opts: TableCellsOptions = { ...DEFAULT_OPTIONS, ...options, amountLimits: { ...DEFAULT_AMOUNT_LIMITS, ...options.amountLimits } };
  const facts = templateFacts(ctx.templates, table.template);
  if (!facts) return [];
  const out: CellFinding[] = [];
  const base = { table: table.name, tableId: table.id, template: table.template };
  const ordered = table.cells.filter((c) => !isBlankArtifact(c, ctx.source)).sort(
    (a, b) => (facts.rowIndex.get(a.row) ?? 0) - (facts.rowIndex.get(b.row) ?? 0) || a.position.start.offset - b.position.start.offset,
  );

  // Numbers: cell type (old table only), notes, units, plausibility.
  const limit = issuerLevel ? opts.amountLimits[issuerLevel] : opts.unknownLevelLimit;
  for (const cell of ordered) {
    if (cell.kind !== 'number' || cell.value === null) continue;
    const label = cellLabel(facts, cell);
    const type = typeOf(facts, cell.row, cell.column);
    const unit = unitOf(facts, cell.row, cell.column);
    const data = (extra: Record<string, unknown>) => ({ ...base, cell: label, row: rowLabel(facts, cell.row), column: columnLabel(facts, cell.column), value: cell.value, ...extra });
    if (!facts.hasCellTypeCheck && type !== 'signed' && (cell.value < 0 || (type === 'count' && !Number.isInteger(cell.value)))) {
      const rule = type === 'amount' ? '非负数' : '非负整数';
      out.push({
        messageId: 'invalidNumber',
        cells: [cell],
        data: data({ rule, ruleEn: type === 'amount' ? 'a non-negative number' : 'a non-negative whole number' }),
        expected: rule,
        actual: cell.value,
      });
      continue;
    }
    const note = cell.note?.trim();
    if (note && unit === '万元' && note === '元') {
      out.push({
        messageId: 'unitConflict',
        cells: [cell],
        data: data({ converted: formatAmount(cell.value / 10000) }),
        expected: cell.value / 10000,
        actual: cell.text,
      });
      continue;
    }
    if (note && opts.reportNotes && !UNIT_WORDS.has(note)) {
      out.push({ messageId: 'cellNote', cells: [cell], data: data({ note }), actual: cell.text });
    }
    if (unit === '万元' && cell.value > limit) {
      out.push({
        messageId: 'implausibleAmount',
        cells: [cell],
        data: data({
          limit,
          level: issuerLevel ? LEVEL_ZH[issuerLevel] : '级别未知的',
          levelEn: issuerLevel ?? 'unknown-level',
          yi: formatAmount(cell.value / 10000),
        }),
        expected: `≤ ${limit}`,
        actual: cell.value,
      });
    }
  }

  // Blank totals whose parts are filled (an OFFICIAL or STRUCTURAL identity becomes uncheckable).
  const nonNumeric = ordered.filter((c) => c.kind !== 'number' && facts.valueRows.has(c.row));
  const blankTotals = new Set<TableCell>();
  if (opts.upgradeBlankTotals && nonNumeric.length > 0) {
    const byRef = new Map(nonNumeric.map((c) => [`${c.row}\u0000${c.column}`, c]));
    for (const check of ctx.identityChecks?.(table) ?? checkIdentities(table, ctx.templates)) {
      if (check.status !== 'unchecked' || check.actual !== null || check.kind === 'INFERRED' || check.op !== '=') continue;
      if (!check.operands.some((o) => o.value !== null)) continue;
      const cell = byRef.get(`${check.row}\u0000${check.column}`);
      if (cell) blankTotals.add(cell);
    }
  }
  if (blankTotals.size > 0) {
    const cells = ordered.filter((c) => blankTotals.has(c));
    out.push({
      messageId: 'blankTotal',
      cells,
      data: { ...base, count: cells.length, cells: listSome(cells.map((c) => cellLabel(facts, c)), opts.maxRowsListed) },
      expected: 'number',
      actual: cells.map((c) => c.text),
    });
  }

  // Other non-numeric cells, one finding per block of the table.
  const blocks = new Map<string, TableCell[]>();
  for (const c of nonNumeric) {
    if (blankTotals.has(c)) continue;
    const b = facts.block.get(c.row) ?? c.row;
    let list = blocks.get(b);
    if (!list) blocks.set(b, (list = []));
    list.push(c);
  }
  for (const [block, cells] of blocks) {
    const expectedCells = ordered.filter((c) => (facts.block.get(c.row) ?? c.row) === block && facts.valueRows.has(c.row)).length;
    const kinds = [...new Set(cells.map((c) => c.kind))];
    const rows = [...new Set(cells.map((c) => rowLabel(facts, c.row)))];
    const whole = cells.length === expectedCells && cells.length > 1;
    out.push({
      messageId: 'blankCells',
      cells,
      data: {
        ...base,
        block: rowLabel(facts, block),
        count: cells.length,
        whole,
        extent: whole ? '整块未填写' : `有${cells.length}个单元格未填数字`,
        extentEn: whole ? 'is entirely unfilled' : `has ${cells.length} cell(s) without a number`,
        kinds: kinds.map((k) => KIND_ZH[k]),
        kindsEn: kinds.map((k) => KIND_EN[k]).join(', '),
        rows: listSome(rows, opts.maxRowsListed),
      },
      expected: 'number',
      actual: cells.map((c) => c.text),
    });
  }
  return out;
}

/** The source position covering the cells of a finding (first to last). */
export function positionOfCells(cells: readonly TableCell[], fallback: Position): Position {
  if (cells.length === 0) return fallback;
  let start = cells[0]!.position.start;
  let end = cells[0]!.position.end;
  for (const c of cells) {
    if (c.position.start.offset < start.offset) start = c.position.start;
    if (c.position.end.offset > end.offset) end = c.position.end;
  }
  return { start, end };
}

/**
 * A blank cell shows nothing: the finding starts at its row label instead — the start of the cell's line,
 * or, when the cell is alone on its line (one cell per line), the previous non-blank line.
 */
export function fromRowLabel(model: Pick<ReportModel, 'text' | 'textOffsetAt' | 'pointAt'>, position: Position): Position {
  const text = model.text;
  const at = Math.min(model.textOffsetAt(position.start.offset), text.length);
  let lineStart = text.lastIndexOf('\n', at - 1) + 1;
  if (text.slice(lineStart, at).trim().length === 0) {
    let guard = 0;
    while (lineStart > 0 && guard++ < 4) {
      const prevStart = text.lastIndexOf('\n', lineStart - 2) + 1;
      const prev = text.slice(prevStart, lineStart - 1).trim();
      if (prev.length > 0 && !UNIT_WORDS.has(prev) && !prev.startsWith('单位')) {
        lineStart = prevStart;
        break;
      }
      lineStart = prevStart;
    }
  }
  while (lineStart < at && /\s/u.test(text[lineStart]!)) lineStart++;
  if (text.slice(lineStart, at).trim().length === 0) return position;
  return { start: model.pointAt(lineStart), end: position.end };
}

// ---------------------------------------------------------------------------
// The rule
// ---------------------------------------------------------------------------

const LEVELS: IssuerLevel[] = ['township', 'county', 'prefecture', 'provincial', 'national'];

export default defineRule({
  meta: {
    id: RULE_ID,
    impact: 'moderate',
    docs: {
      description: {
        'zh-CN':
          '统计表每个应填数字的单元格都填了数字：空白、“/”“-”“无”无法区分0和未填写（合计栏空白而各项有数时为警告）；单元格内的附注、与“万元”不符的单位、明显超出发布机关级别的金额（可能把“元”当成了“万元”）都会指出',
        en:
          'Every cell that takes a number holds one: blank, “/”, “-” and “无” cannot be told from zero (a warning when a total is blank while its parts are filled); notes inside cells, units that contradict 万元, and 万元 amounts implausible for the issuer’s level (probably entered in 元) are reported',
      },
      requires:
        'recognised template tables with cells (model.tables); the issuer level (model.issuerLevel) for the amount limit, otherwise the unknown-level limit',
    },
    messages: messagesFor(RULE_ID, {
      blankCells: 'info',
      blankTotal: 'warning',
      cellNote: 'info',
      unitConflict: 'warning',
      implausibleAmount: 'warning',
      invalidNumber: 'error',
    }),
    schema: {
      type: 'object',
      properties: {
        amountLimits: {
          type: 'object',
          properties: Object.fromEntries(LEVELS.map((l) => [l, { type: 'number', exclusiveMinimum: 0 }])),
          additionalProperties: false,
        },
        unknownLevelLimit: { type: 'number', exclusiveMinimum: 0 },
        reportNotes: { type: 'boolean' },
        upgradeBlankTotals: { type: 'boolean' },
        maxRowsListed: { type: 'integer', minimum: 1, maximum: 50 },
      },
      additionalProperties: false,
    },
    defaultOptions: { ...DEFAULT_OPTIONS, amountLimits: { ...DEFAULT_AMOUNT_LIMITS } },
  },
  create(context) {
    return {
      'root:exit'() {
        const { model } = context;
        const tables = model.tables;
        if (tables.length === 0) {
          context.inapplicable(inLocale(context.locale, { 'zh-CN': '报告中没有识别出统计表（表二、表三、表四或政府信息公开情况统计表），无从检查单元格', en: 'no statistics table (tables 2, 3, 4 or the pre-2019 statistics table) was recognised: no cells to check' }));
          return;
        }
        if (tables.every((t) => t.cells.length === 0)) {
          context.inapplicable(inLocale(context.locale, { 'zh-CN': '识别出统计表的位置，但没有读取到任何单元格（表格版式无法逐行读取），无从检查单元格', en: 'a statistics table was found but none of its cells could be read (its layout could not be read row by row): no cells to check' }));
          return;
        }
        const options = context.options as Partial<TableCellsOptions>;
        for (const table of tables) {
          for (const f of checkTableCells(table, { issuerLevel: model.issuerLevel, source: model.source, templates: model.templates, identityChecks: model.identityChecks }, options)) {
            const position = positionOfCells(f.cells, table.position);
            context.report({
              messageId: f.messageId,
              position: f.messageId === 'blankCells' || f.messageId === 'blankTotal' ? fromRowLabel(model, position) : position,
              data: { ...f.data, cellRefs: f.cells.map((c) => ({ row: c.row, column: c.column })) },
              expected: f.expected,
              actual: f.actual,
            });
          }
        }
      },
    };
  },
});
