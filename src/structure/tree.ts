/**
 * The mdast-compatible tree: root → blocks and `section` nodes (each with its heading first), where
 * paragraphs, tables (tableRow/tableCell) and headings carry unist positions in the caller's source.
 */
import type { ReportModel, SectionNode, TreeNode } from '../types';
import type { Block } from '../extract/text';
import type { HeadingCandidate } from './headings';

interface PlacedHeading extends HeadingCandidate {
  line: number;
}

function textNode(model: ReportModel, start: number, end: number): TreeNode {
  return { type: 'text', value: model.text.slice(start, end), position: model.positionOf(start, end) };
}

function blockNode(model: ReportModel, block: Block): TreeNode {
  if (block.type === 'table') {
    return {
      type: 'table',
      position: model.positionOf(block.start, block.end),
      children: (block.rows ?? []).map((row) => ({
        type: 'tableRow',
        position: model.positionOf(row.start, row.end),
        children: row.cells.map((cell) => ({
          type: 'tableCell',
          position: model.positionOf(cell.start, cell.end),
          children: [textNode(model, cell.start, cell.end)],
        })),
      })),
    };
  }
  const line = model.lines[block.lines[0]!]!;
  const lead = line.text.length - line.text.trimStart().length;
  const start = line.start + lead;
  const end = line.start + line.text.trimEnd().length;
  return { type: 'paragraph', position: model.positionOf(start, end), children: [textNode(model, start, end)] };
}

export function buildTree(model: ReportModel, blocks: Block[], headings: PlacedHeading[]): TreeNode {
  const root: TreeNode = { type: 'root', children: [], position: model.positionOf(0, model.text.length) };
  const headingLines = new Map<number, number>();
  headings.forEach((h, i) => headingLines.set(h.line, i));
  const stack: TreeNode[] = [root];
  const sectionNodes: SectionNode[] = [];
  for (const block of blocks) {
    const firstLine = block.lines[0]!;
    const hIndex = block.type === 'paragraph' ? headingLines.get(firstLine) : undefined;
    if (hIndex !== undefined) {
      const info = model.sections[hIndex]!;
      while (stack.length > 1 && (stack[stack.length - 1] as SectionNode).depth >= info.depth) stack.pop();
      const heading: TreeNode = {
        type: 'heading',
        depth: info.depth,
        position: model.positionOf(info.headingStart, info.headingEnd),
        children: [textNode(model, info.headingStart, info.headingEnd)],
      };
      const node: SectionNode = {
        type: 'section',
        depth: info.depth,
        title: info.title,
        key: info.key,
        index: hIndex,
        children: [heading],
        position: model.positionOf(info.headingStart, Math.max(info.end, info.headingEnd)),
      };
      stack[stack.length - 1]!.children!.push(node);
      stack.push(node);
      sectionNodes.push(node);
      continue;
    }
    stack[stack.length - 1]!.children!.push(blockNode(model, block));
  }
  return root;
}
