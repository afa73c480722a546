/**
 * The mdast-compatible tree: root → blocks and `section` nodes (each with its heading first), where
 * paragraphs, tables (tableRow/tableCell) and headings carry unist positions in the caller's source.
 */
import type { Position, ReportModel, SectionNode, TreeNode } from '../types';
import type { Block } from './blocks';
import type { HeadingCandidate } from './headings';

interface PlacedHeading extends HeadingCandidate {
  line: number;
}

type PositionOf = (start: number, end: number) => Position;

/**
 * A tree node whose `position` is computed from its offsets on first read: most positions are
 * never read (only those of findings), and computing them all cost time and memory on big reports.
 * `toJSON` keeps `JSON.stringify(tree)` complete.
 */
class Node implements TreeNode {
  [key: string]: unknown;
  type: string;
  #start: number;
  #end: number;
  #positionOf: PositionOf;
  #position: Position | undefined;

  constructor(type: string, start: number, end: number, positionOf: PositionOf) {
    this.type = type;
    this.#start = start;
    this.#end = end;
    this.#positionOf = positionOf;
  }

  get position(): Position {
    return (this.#position ??= this.#positionOf(this.#start, this.#end));
  }

  toJSON(): Record<string, unknown> {
    return { ...this, position: this.position };
  }
}

function node(type: string, start: number, end: number, model: ReportModel, fields: Record<string, unknown>): TreeNode {
  return Object.assign(new Node(type, start, end, model.positionOf), fields);
}

function textNode(model: ReportModel, start: number, end: number): TreeNode {
  return node('text', start, end, model, { value: model.text.slice(start, end) });
}

function blockNode(model: ReportModel, block: Block): TreeNode {
  if (block.type === 'table') {
    return node('table', block.start, block.end, model, {
      children: (block.rows ?? []).map((row) =>
        node('tableRow', row.start, row.end, model, {
          children: row.cells.map((cell) => node('tableCell', cell.start, cell.end, model, { children: [textNode(model, cell.start, cell.end)] })),
        }),
      ),
    });
  }
  const line = model.lines[block.lines[0]!]!;
  const lead = line.text.length - line.text.trimStart().length;
  const start = line.start + lead;
  const end = line.start + line.text.trimEnd().length;
  return node('paragraph', start, end, model, { children: [textNode(model, start, end)] });
}

/**
 * The root of the tree. Its children are built when first read: the built-in rules read the model,
 * not the tree, and a node for every table cell was a sixth of what auditing a big report allocated.
 */
export function buildTree(model: ReportModel, blocks: Block[], headings: PlacedHeading[]): TreeNode {
  const root: TreeNode = node('root', 0, model.text.length, model, {});
  let children: TreeNode[] | undefined;
  Object.defineProperty(root, 'children', {
    enumerable: true,
    configurable: true,
    get: () => (children ??= topLevel(model, blocks, headings)),
    set: (value: TreeNode[]) => {
      children = value;
    },
  });
  return root;
}

function topLevel(model: ReportModel, blocks: Block[], headings: PlacedHeading[]): TreeNode[] {
  const root = { type: 'root', children: [] as TreeNode[] } as TreeNode;
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
      const heading = node('heading', info.headingStart, info.headingEnd, model, {
        depth: info.depth,
        children: [textNode(model, info.headingStart, info.headingEnd)],
      });
      const section = node('section', info.headingStart, Math.max(info.end, info.headingEnd), model, {
        depth: info.depth,
        title: info.title,
        key: info.key,
        index: hIndex,
        children: [heading],
      }) as SectionNode;
      stack[stack.length - 1]!.children!.push(section);
      stack.push(section);
      sectionNodes.push(section);
      continue;
    }
    stack[stack.length - 1]!.children!.push(blockNode(model, block));
  }
  return root.children!;
}
