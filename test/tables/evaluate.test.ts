/**
 * Evaluator semantics on tables built from real layouts: blank cells, subtotals, signed and
 * decimal columns, template variants.
 */
import { describe, expect, it } from '@jest/globals';
import { evaluateTable, readTables } from '../../src/structure/tables/index';
import { fixture, TEMPLATES } from '../helpers';
import { failing, norm, rowValues, tableOf, value } from './helpers';
import { pipeLayout, T3_GRID, T3_ROWS, tabLayout } from './layouts';

const seed002 = fixture('seeds/002_9ab6ef9a76a23be4.txt');

describe('blank cells', () => {
  // [S19] (Shanghai 2019): the 总计 column is left blank for every leaf row.
  const leafRows = new Set(T3_ROWS.map((_, i) => i).filter((i) => i >= 2 && i <= 22));
  const text = norm(
    tabLayout().replace(/^(.*\t)(\d+)(\t?)$/gmu, (line, head: string, last: string, tail: string) => {
      const i = T3_ROWS.findIndex(([, label]) => line.includes(label));
      return leafRows.has(i) ? `${head}${tail}` : `${head}${last}${tail}`;
    }),
  );
  const t3 = tableOf(readTables(text, TEMPLATES), 'T3');
  const checks = evaluateTable(t3, TEMPLATES);

  it('reads the blank 总计 cells as blank, not 0', () => {
    expect(rowValues(t3, 'public')).toEqual([201, 5, 0, 0, 0, 0, null]);
    expect(t3.cells.filter((c) => c.kind === 'blank')).toHaveLength(21);
    expect(value(t3, 'new', 'total')).toBe(1295);
  });

  it('T3-1 on a leaf row is unchecked; T3-3 still holds; nothing fails', () => {
    expect(checks.find((c) => c.identity === 'T3-1' && c.row === 'public')).toMatchObject({ status: 'unchecked', blankOperands: 1, expected: 206, actual: null });
    expect(checks.find((c) => c.identity === 'T3-2' && c.column === 'total')).toMatchObject({ status: 'unchecked', blankOperands: 21 });
    expect(checks.filter((c) => c.identity === 'T3-3').every((c) => c.status === 'pass')).toBe(true);
    expect(failing(checks)).toEqual([]);
  });
});

describe('subtotals in parent rows (T3-6)', () => {
  const subtotal = [19, 0, 0, 0, 1, 0, 20]; // Σ of the eight 不予公开 rows
  const withSubtotal = (values: number[]) =>
    norm(pipeLayout().replace('| （三）不予公开 | 1.属于国家秘密 |', `| | （三）不予公开 | ${values.join(' | ')} |\n| | 1.属于国家秘密 |`));

  it('a subtotal equal to its rows passes and is kept out of （七）总计', () => {
    const t3 = tableOf(readTables(withSubtotal(subtotal), TEMPLATES), 'T3');
    expect(rowValues(t3, 'refused')).toEqual(subtotal);
    const checks = evaluateTable(t3, TEMPLATES);
    expect(checks.filter((c) => c.identity === 'T3-6').map((c) => c.status)).toEqual(Array(7).fill('pass'));
    expect(failing(checks)).toEqual([]);
  });

  it('a wrong subtotal fails T3-6 only', () => {
    const checks = evaluateTable(tableOf(readTables(withSubtotal([19, 0, 0, 0, 1, 0, 21]), TEMPLATES), 'T3'), TEMPLATES);
    expect(failing(checks).map((c) => [c.identity, c.row, c.column, c.expected, c.actual])).toEqual([
      ['T3-1', 'refused', 'total', 20, 21],
      ['T3-6', 'refused', 'total', 20, 21],
    ]);
  });

  it('without subtotals, T3-6 is not evaluated at all', () => {
    expect(evaluateTable(tableOf(readTables(norm(pipeLayout()), TEMPLATES), 'T3'), TEMPLATES).some((c) => c.identity === 'T3-6')).toBe(false);
  });
});

describe('value types', () => {
  const tpl2019 = norm(
    [
      '二、主动公开政府信息情况',
      '第二十条第（一）项\t\t\t',
      '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量',
      '规章\t0\t0\t0',
      '规范性文件\t5\t5\t120',
      '第二十条第（五）项\t\t\t',
      '信息内容\t上一年项目数量\t本年增/减\t处理决定数量',
      '行政许可\t120\t-8\t3,500',
      '其他对外管理服务事项\t30\t2\t800',
      '第二十条第（六）项\t\t\t',
      '信息内容\t上一年项目数量\t本年增/减\t处理决定数量',
      '行政处罚\t50\t0\t90',
      '行政强制\t5\t-\t2',
      '第二十条第（八）项\t\t\t',
      '信息内容\t上一年项目数量\t本年增/减\t',
      '行政事业性收费\t3\t-1\t',
      '第二十条第（九）项\t\t\t',
      '信息内容\t采购项目数量\t采购总金额\t',
      '政府集中采购\t12\t251000元\t',
      '',
      '三、收到和处理政府信息公开申请情况',
    ].join('\n'),
  );

  it('TPL2019 表二: its own columns, negative 本年增/减 allowed, units and dashes kept', () => {
    const t2 = tableOf(readTables(tpl2019, TEMPLATES), 'T2');
    expect(t2.template).toBe('TPL2019-T2');
    expect(rowValues(t2, 'license')).toEqual([120, -8, 3500]);
    expect(rowValues(t2, 'fees')).toEqual([3, -1]);
    expect(t2.cells.find((c) => c.row === 'enforcement' && c.column === 'change')).toMatchObject({ kind: 'dash', value: null, text: '-' });
    expect(t2.cells.find((c) => c.row === 'procurement' && c.column === 'procAmount')).toMatchObject({ value: 251000, note: '元' });
    expect(t2.missingRows).toEqual([]);
    expect(failing(evaluateTable(t2, TEMPLATES))).toEqual([]);
  });

  it('a cell with a printed note keeps its number and the note (「22（其中修订 16 件）」)', () => {
    const t2 = tableOf(readTables(norm(seed002.replace('规章\t0\t0\t0', '规章\t22（其中修订 16 件）\t55（含自然失效 29 件）\t235')), TEMPLATES), 'T2');
    expect(t2.cells.filter((c) => c.row === 'rules').map((c) => [c.value, c.note ?? null])).toEqual([
      [22, '其中修订 16 件'],
      [55, '含自然失效 29 件'],
      [235, null],
    ]);
    expect(evaluateTable(t2, TEMPLATES).find((c) => c.identity === 'T2-2' && c.row === 'rules')).toMatchObject({ status: 'pass', actual: 22, expected: 290 });
  });

  it('a negative count fails T2-1; a decimal 万元 amount does not (TPL2021)', () => {
    const t2 = tableOf(readTables(norm(tpl2019.replace('处理决定数量\n行政处罚\t50\t0\t90', '处理决定数量\n行政处罚\t50\t0\t-90')), TEMPLATES), 'T2');
    expect(failing(evaluateTable(t2, TEMPLATES)).map((c) => [c.identity, c.row, c.column, c.actual])).toEqual([['T2-1', 'penalty', 'decisions', -90]]);
    const amount = tableOf(readTables(norm(seed002.replace('行政事业性收费\t0', '行政事业性收费\t7730.28')), TEMPLATES), 'T2');
    expect(value(amount, 'fees', 'feeAmount')).toBe(7730.28);
    expect(failing(evaluateTable(amount, TEMPLATES))).toEqual([]);
    const fraction = tableOf(readTables(norm(seed002.replace('行政许可\t0', '行政许可\t2.5')), TEMPLATES), 'T2');
    expect(failing(evaluateTable(fraction, TEMPLATES)).map((c) => [c.identity, c.row])).toEqual([['T2-1', 'license']]);
  });
});

describe('表三 variant by the rows present', () => {
  it('a single （六）其他处理 row reads as the TPL2019 layout (19 leaves)', () => {
    const lines = seed002.split('\n');
    const from = lines.findIndex((l) => l.includes('(六) 其他处理'));
    const single = [...lines.slice(0, from), '\t(六) 其他处理\t\t4\t0\t0\t0\t0\t0\t4', ...lines.slice(from + 3)].join('\n');
    const fixed = single.replace('(七) 总计\t\t0\t0\t0\t0\t0\t0\t0', '(七) 总计\t\t4\t0\t0\t0\t0\t0\t4');
    const t3 = tableOf(readTables(norm(fixed), TEMPLATES), 'T3');
    expect(t3.template).toBe('TPL2019-T3');
    expect(rowValues(t3, 'otherHandling')).toEqual([4, 0, 0, 0, 0, 0, 4]);
    const checks = evaluateTable(t3, TEMPLATES);
    // 一 + 二 = 0 but （七）= 4: the official identity fails, the structural sums hold.
    expect([...new Set(failing(checks).map((c) => c.identity))]).toEqual(['T3-3', 'T3-5']);
  });

  it('the three （六） sub-rows read as TPL2021 (21 leaves)', () => {
    expect(tableOf(readTables(norm(seed002), TEMPLATES), 'T3').template).toBe('TPL2021-T3');
  });
});

describe('grid used by the built layouts', () => {
  it('is consistent (T3_GRID rows sum, 一 + 二 = （七）+ 四)', () => {
    for (const row of T3_GRID) expect(row.slice(0, 6).reduce((a, b) => a + b, 0)).toBe(row[6]);
    for (let c = 0; c < 7; c++) expect(T3_GRID[0]![c]! + T3_GRID[1]![c]!).toBe(T3_GRID[23]![c]! + T3_GRID[24]![c]!);
  });
});

describe('recognition by labels, not position', () => {
  it('表四 is read after its header even when the narrative names 未经复议直接起诉 first', () => {
    const narrative = '一、总体情况\n\n全年发生行政复议1件；行政诉讼中未经复议直接起诉2件，复议后起诉1件，均在办理中。\n\n';
    const tables = readTables(norm(narrative + tabLayout()), TEMPLATES);
    const t4 = tableOf(tables, 'T4');
    expect(t4.readable).toBe(true);
    expect(rowValues(t4, 'review')).toEqual([72, 64, 178, 37, 351]);
    expect(tableOf(tables, 'T3').missingRows).toEqual([]);
  });

  it('tables in the order 表四, 表三 are both found', () => {
    const text = tabLayout();
    const at = text.indexOf('四、政府信息公开行政复议');
    const end = text.indexOf('五、存在的主要问题');
    const swapped = text.slice(at, end) + '\n' + text.slice(0, at) + text.slice(end);
    const tables = readTables(norm(swapped), TEMPLATES);
    expect(tables.map((t) => t.id)).toEqual(['T4', 'T3']);
    expect(tables.flatMap((t) => failing(evaluateTable(t, TEMPLATES)))).toEqual([]);
  });
});

describe('a grid with an extra column', () => {
  it('表三 with a 「法人或其他组织小计」 column (8 numbers a row) is refused, not misread', () => {
    const rows = T3_GRID.map((r) => [r[0]!, r.slice(1, 6).reduce((a, b) => a + b, 0), ...r.slice(1)]);
    const text = tabLayout(rows).replace('法人或其他组织\t', '法人或其他组织小计\t法人或其他组织\t');
    const t3 = tableOf(readTables(norm(text), TEMPLATES), 'T3');
    expect(t3.readable).toBe(false);
    expect(t3.cells).toEqual([]);
    expect(failing(evaluateTable(t3, TEMPLATES))).toEqual([]);
  });
});
