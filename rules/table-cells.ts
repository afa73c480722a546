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
import { defineRule } from '../src/kit/index';
import { messagesFor, inLocale } from './locales/index';
import type { IssuerLevel } from '../src/types';
import {
  type TableCellsOptions,
  DEFAULT_AMOUNT_LIMITS,
  DEFAULT_OPTIONS,
  checkTableCells,
  positionOfCells,
  fromRowLabel,
} from './detect/table-cells';

const RULE_ID = 'table-cells';

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
