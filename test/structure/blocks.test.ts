import { describe, expect, it } from '@jest/globals';
import { normalize } from '../../src/normalize/index';
import { splitLines, markChrome } from '../../src/structure/lines';
import { extractBlocks, type Block } from '../../src/structure/blocks';
import { fixture } from '../helpers';

function tables(raw: string): Block[] {
  const lines = splitLines(normalize(raw).text);
  markChrome(lines, null, () => false);
  return extractBlocks(lines).filter((b) => b.type === 'table');
}

function rowStartingWith(blocks: Block[], label: string) {
  for (const b of blocks) for (const r of b.rows ?? []) if (r.cells[0]?.text.startsWith(label) || r.cells.some((c) => c.text.startsWith(label))) return r;
  return undefined;
}

const numbers = (cells: { text: string }[]) => cells.map((c) => c.text).filter((t) => /^\d+$/.test(t));

describe('tables in the text layouts real reports arrive in', () => {
  it('tab-separated with ragged leading cells (seed 002)', () => {
    const blocks = tables(fixture('seeds/002_9ab6ef9a76a23be4.txt'));
    const row = rowStartingWith(blocks, '一、本年新收政府信息公开申请数量')!;
    expect(row.cells[1]!.text).toBe(''); // the ragged empty cell is kept as a blank cell
    expect(numbers(row.cells)).toEqual(['0', '0', '0', '0', '0', '0', '0']);
    const other = rowStartingWith(blocks, '3. 其他')!;
    expect(numbers(other.cells)).toHaveLength(7);
  });

  it('Markdown pipe rows (上海 2025 extraction)', () => {
    const blocks = tables(fixture('peers/kirogovcompare__shanghai-office-2025-source.md'));
    const row = rowStartingWith(blocks, '一、本年新收政府信息公开申请数量')!;
    expect(numbers(row.cells)).toEqual(['1259', '36', '0', '0', '0', '0', '1295']);
  });

  it('space-aligned PDF text rows; page numbers are not rows', () => {
    const blocks = tables(fixture('peers/govnianbao__section3_raw_text.txt'));
    const row = rowStartingWith(blocks, '一、本年新收政府信息公开申请数量')!;
    expect(numbers(row.cells)).toEqual(['3001', '53', '0', '0', '61', '4', '3119']);
    expect(blocks.some((b) => b.rows!.some((r) => r.cells.map((c) => c.text).join(' ') === '- 4 -'))).toBe(false);
  });

  it('one cell per line, blank cells as whitespace-only lines (seed 003 statistics table)', () => {
    const blocks = tables(fixture('seeds/003_725222af666056f0.txt'));
    expect(blocks).toHaveLength(1);
    const rows = blocks[0]!.rows!;
    const first = rows.find((r) => r.cells[0]!.text === '一、主动公开情况')!;
    expect(first.cells.map((c) => c.text)).toEqual(['一、主动公开情况', '', '67467']);
    const webSite = rows.find((r) => r.cells[0]!.text === '2.政府网站公开政府信息数')!;
    expect(webSite.cells.at(-1)!.text).toBe('32785');
  });
});
