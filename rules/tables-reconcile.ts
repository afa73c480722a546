/**
 * tables-reconcile — the identities (勾稽关系) of the template tables hold (spec/tables.md §1.3,
 * §2.3, §3.2, §5.2): 表三's printed rule 一 + 二 = 三（七）+ 四, the row and column totals of 表三
 * and 表四, table 二's plausibility bound, and the inferred checks of the pre-2019 statistics table.
 *
 * The tables are those the model recognised (`model.tables`); the identities come from the
 * declarative template definitions (rules/templates/*.json) and are evaluated by one generic
 * evaluator. A check that fails only because of blank cells is reported as info, not as a failure.
 */
import { defineRule } from '../src/kit/index';
import type { IdentityCheck, MessageDefinition, Position, RecognisedTable, RuleContext } from '../src/types';
import { inLocale } from './locales/index';

const RULE_ID = 'tables-reconcile';

const KIND_ZH: Record<IdentityCheck['kind'], string> = { OFFICIAL: '表内注明的勾稽关系', STRUCTURAL: '表格结构关系', INFERRED: '推断的合理性关系' };
const KIND_EN: Record<IdentityCheck['kind'], string> = { OFFICIAL: 'the identity printed in the table', STRUCTURAL: 'a structural identity', INFERRED: 'an inferred plausibility check' };

const messages: Record<string, MessageDefinition> = {
  official: {
    severity: 'error',
    text: {
      'zh-CN': '「{{table}}」“{{row}}”行“{{column}}”列不符合表内注明的勾稽关系（{{identity}}）：{{formula}}。按其他单元格计算应为{{expected}}，表中为{{actual}}{{inferredNote}}',
      en: '{{table}}: row “{{row}}”, column “{{column}}” breaks the identity printed in the table ({{identity}}): {{formula}}. The other cells give {{expected}}; the table has {{actual}}{{inferredNoteEn}}',
    },
  },
  structural: {
    severity: 'error',
    text: {
      'zh-CN': '「{{table}}」“{{row}}”行“{{column}}”列与合计不符（{{identity}}）：{{formula}}。按各项计算应为{{expected}}，表中为{{actual}}{{inferredNote}}',
      en: '{{table}}: row “{{row}}”, column “{{column}}” does not match its parts ({{identity}}): {{formula}}. The parts give {{expected}}; the table has {{actual}}{{inferredNoteEn}}',
    },
  },
  inferred: {
    severity: 'warning',
    text: {
      'zh-CN': '「{{table}}」“{{row}}”行“{{column}}”列可能有误（{{identity}}，推断规则，非官方）：{{formula}}。另一侧合计为{{expected}}，该单元格为{{actual}}。{{description}}{{inferredNote}}',
      en: '{{table}}: row “{{row}}”, column “{{column}}” looks wrong ({{identity}}, an inferred check, not an official rule): {{formula}}. The other side is {{expected}}; the cell has {{actual}}{{inferredNoteEn}}',
    },
  },
  doubleCounting: {
    severity: 'warning',
    text: {
      'zh-CN': '「{{table}}」标题行“{{row}}”填写了{{actual}}，恰好等于其下各项之和（{{formula}}），属重复计算（{{identity}}）。同一批信息按条目和按渠道各计了一次，标题行不应填数{{inferredNote}}',
      en: '{{table}}: the header row “{{row}}” holds {{actual}}, exactly the sum of the rows under it ({{formula}}): the same items are counted twice ({{identity}}); a header row should carry no number{{inferredNoteEn}}',
    },
  },
  cellType: {
    severity: 'error',
    text: {
      'zh-CN': '「{{table}}」“{{row}}”行“{{column}}”列的数值{{actual}}不合规（{{identity}}）：{{formula}}{{inferredNote}}',
      en: '{{table}}: row “{{row}}”, column “{{column}}” holds {{actual}}, which is not allowed ({{identity}}): {{formula}}{{inferredNoteEn}}',
    },
  },
  unread: {
    severity: 'info',
    text: {
      'zh-CN': '「{{table}}」已印出，但只识别出部分单元格：应有{{expected}}个数值单元格，识别出{{read}}个。未识别的数字无法核对勾稽关系，请人工核对（或以可复制的文字表格发布）',
      en: '{{table}} is printed but only partly read: it has {{expected}} value cells and {{read}} were read. The identities of what was not read cannot be checked; a person must check them (or publish the table as copyable text)',
    },
  },
  blank: {
    severity: 'info',
    text: {
      'zh-CN': '「{{table}}」“{{row}}”行“{{column}}”列相关的单元格有{{blanks}}个空白或填“/”“-”，无法核对{{kindText}}（{{identity}}）：{{formula}}。按已填数值计算应为{{expected}}，表中为{{actual}}。没有发生的情况请填0{{inferredNote}}',
      en: '{{table}}: {{blanks}} cell(s) around row “{{row}}”, column “{{column}}” are blank, “/” or “-”, so {{kindTextEn}} ({{identity}}) cannot be checked: {{formula}}. The filled cells give {{expected}}; the table has {{actual}}. Write 0 where nothing happened{{inferredNoteEn}}',
    },
  },
};

const INFERRED_NOTE = '（该行数值由勾稽关系推断，非独立证据）';
const INFERRED_NOTE_EN = " (this row's values were inferred from the identities, so they are not independent evidence)";

/** A cell of the check was recovered from a run of digits by the identities (presentations.md §2.1). */
function restsOnInferred(table: RecognisedTable, check: IdentityCheck): boolean {
  const refs = [{ row: check.row, column: check.column }, ...check.operands];
  return refs.some((ref) => table.cells.some((c) => c.inferred && c.row === ref.row && c.column === ref.column));
}

function messageIdOf(check: IdentityCheck): string {
  if (check.op === '!=') return 'doubleCounting';
  if (check.operands.length === 0 && check.expected === null) return 'cellType';
  return check.kind === 'OFFICIAL' ? 'official' : check.kind === 'STRUCTURAL' ? 'structural' : 'inferred';
}

/** Cells of a check that are printed but blank, '/' or '-' (not cells that were never read). */
function blankCells(table: RecognisedTable, check: IdentityCheck): number {
  const refs = [{ row: check.row, column: check.column }, ...check.operands];
  let n = 0;
  for (const ref of refs) {
    const cell = table.cells.find((c) => c.row === ref.row && c.column === ref.column);
    if (cell && cell.value === null) n++;
  }
  return n;
}

function positionOf(recognised: RecognisedTable, check: IdentityCheck): Position {
  const cell = recognised.cells.find((c) => c.row === check.row && c.column === check.column);
  return cell?.position ?? recognised.position;
}

/** Reports a check that does not hold (or cannot be checked for blanks); true when it fails outright. */
function reportCheck(context: RuleContext, table: RecognisedTable, check: IdentityCheck): boolean {
  const blanks = check.status === 'unchecked' ? blankCells(table, check) : 0;
  if (check.status === 'pass' || (check.status === 'unchecked' && blanks === 0)) return false;
  const inferred = restsOnInferred(table, check);
  const data = {
    table: table.name,
    row: check.rowLabel,
    column: check.columnLabel,
    formula: check.formula,
    expected: check.expected ?? '—',
    actual: check.actual ?? '空白',
    identity: check.identity,
    kind: check.kind,
    kindText: KIND_ZH[check.kind],
    kindTextEn: KIND_EN[check.kind],
    description: check.description,
    blanks,
    tableId: table.id,
    template: table.template,
    /** The wrong cell and the other cells of the identity, by template keys (the HTML report highlights them). */
    cell: { row: check.row, column: check.column },
    cells: check.operands.map((o) => ({ row: o.row, column: o.column })),
    /** Some cell of the check was inferred from run-together digits: the identity is no independent evidence. */
    inferred,
    inferredNote: inferred ? INFERRED_NOTE : '',
    inferredNoteEn: inferred ? INFERRED_NOTE_EN : '',
  };
  const messageId = check.status === 'unchecked' ? 'blank' : messageIdOf(check);
  context.report({
    messageId,
    position: positionOf(table, check),
    data,
    expected: check.expected,
    actual: check.actual,
  });
  return messageId !== 'blank';
}

export default defineRule({
  meta: {
    id: RULE_ID,
    impact: 'serious',
    docs: {
      description: {
        'zh-CN': '统计表的勾稽关系成立：表三“第一项加第二项之和等于第三项加第四项之和”、各行各列合计、表四各项之和等于总计，以及表二和旧版统计表的合理性检查',
        en: 'The statistical tables reconcile: table 三’s printed identity (一 + 二 = 三（七）+ 四), row and column totals of tables 三 and 四, and plausibility checks on table 二 and the pre-2019 statistics table',
      },
      requires: 'recognised template tables (model.tables)',
    },
    messages,
  },
  create(context) {
    return {
      'root:exit'() {
        const { tables, printedTables } = context.model;
        // Printed tables whose cells were not all read (presentations.md §2.2): never a pass.
        const unread = (printedTables ?? []).filter((p) => p.cellsRead < p.cellsExpected);
        if (tables.length === 0 && unread.length === 0) {
          context.inapplicable(inLocale(context.locale, { 'zh-CN': '报告中没有识别出可读取的统计表（表二、表三、表四或政府信息公开情况统计表）', en: 'no readable statistics table (tables 2, 3, 4 or the pre-2019 statistics table) was recognised' }));
          return;
        }
        let failed = false;
        for (const recognised of tables) {
          for (const check of context.model.identityChecks(recognised)) failed = reportCheck(context, recognised, check) || failed;
        }
        for (const p of unread) {
          context.report({
            messageId: 'unread',
            range: [p.start, Math.max(p.end, p.start + 1)],
            data: { table: p.name, tableId: p.id, template: p.template, expected: p.cellsExpected, read: p.cellsRead },
            expected: p.cellsExpected,
            actual: p.cellsRead,
          });
        }
        if (unread.length > 0 && !failed) {
          const names = unread.map((p) => `${p.name}（${p.cellsRead}/${p.cellsExpected}）`).join('、');
          context.incomplete(
            context.locale === 'en'
              ? `printed but not fully read: ${unread.map((p) => `${p.id} (${p.cellsRead} of ${p.cellsExpected} cells)`).join(', ')}`
              : `表格已印出但未完全识别：${names}`,
          );
        }
      },
    };
  },
});
