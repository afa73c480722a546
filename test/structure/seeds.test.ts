import { describe, expect, it } from '@jest/globals';
import { audit, defineRule, definePlugin, type ReportModel, type TreeNode } from '../../src/index';
import { seeds } from '../helpers';

const all = seeds();
const topLevel = (id: string) =>
  audit(all[id]!).report.sections.filter((s) => s.depth === 1).map((s) => s.key);

describe('report model from the real seed reports', () => {
  it.each([
    ['000', 2017, 'REG2007', 'E1'],
    ['001', 2016, 'REG2007', 'E1'],
    ['002', 2024, 'TPL2021', 'E3'],
    ['003', 2016, 'REG2007', 'E1'],
    ['004', 2018, 'REG2007', 'E1'],
  ])('seed %s: year %i, template %s', (id, year, template, era) => {
    const { report } = audit(all[id]!);
    expect(report.year).toBe(year);
    expect(report.template).toBe(template);
    expect(report.era).toBe(era);
  });

  it('seed 000 (traditional script, pinyin noise): the six Art. 32 parts it has, no 其他', () => {
    expect(topLevel('000')).toEqual(['overview', 'proactive', 'requests', 'fees', 'review-litigation', 'problems']);
  });

  it('seed 001: no statutory headings at all', () => {
    expect(topLevel('001')).toEqual([]);
  });

  it('seed 002: the six TPL2021 sections in order', () => {
    expect(topLevel('002')).toEqual(['overview', 'proactive', 'requests', 'review-litigation', 'problems', 'other']);
  });

  it('seed 003: 一 to 六 with the plan section, and the statistics table as 附件2; table rows are not headings', () => {
    const { report } = audit(all['003']!);
    const top = report.sections.filter((s) => s.depth === 1);
    expect(top.map((s) => s.key)).toEqual([
      'overview', 'proactive', 'requests', 'review-litigation', 'problems', 'problems', 'other',
    ]);
    expect(top.map((s) => s.title)).toContain('关于2017年政府信息公开工作');
    // 「一、主动公开情况」 etc. inside the statistics table must not become sections
    expect(report.sections.some((s) => s.title === '主动公开情况' || s.title === '依申请公开情况')).toBe(false);
  });

  it('seed 004: five body sections; the forward plan keyed as problems', () => {
    expect(topLevel('004')).toEqual(['overview', 'proactive', 'requests', 'problems', 'problems']);
  });

  it('issuers and their types', () => {
    const r = (id: string) => audit(all[id]!).report;
    expect([r('000').issuer, r('000').issuerType]).toEqual(['高亭镇人民政府', 'government']);
    expect([r('002').issuer, r('002').issuerType, r('002').issuerLevel]).toEqual(['焦虎镇', 'government', 'township']);
    expect([r('003').issuer, r('003').issuerLevel]).toEqual(['高台县', 'county']);
    expect(r('004').issuer).toBe('泉阳镇人民政府');
    expect(r('001').issuer).toBe('城关镇');
  });

  it('meta overrides what the text says', () => {
    const { report } = audit({ content: all['002']!, meta: { year: 2023, issuer: '某市教育局' } });
    expect(report.year).toBe(2023);
    expect(report.issuerType).toBe('department');
  });

  it('section positions point at the heading in the original (traditional) text', () => {
    const source = all['000']!;
    const { report } = audit(source);
    const fees = report.sections.find((s) => s.key === 'fees')!;
    expect(source.slice(fees.position.start.offset, fees.position.end.offset)).toBe('四、政府信息公開收費(fèi)及減免情況');
  });
});

/** The model a rule sees, read at root:exit (after the walk). */
function modelOf(text: string): ReportModel {
  let model: ReportModel | undefined;
  const probe = defineRule({
    meta: {
      id: 'probe-model',
      impact: 'minor',
      docs: { description: { 'zh-CN': '读取模型', en: 'reads the model' } },
      messages: { m: { severity: 'info', text: { 'zh-CN': '无', en: 'none' } } },
    },
    create: (context) => ({
      'root:exit'() {
        model = context.model;
      },
    }),
  });
  audit(text, { plugins: [definePlugin({ name: 'probe', rules: { 'probe-model': probe } })] });
  return model!;
}

function nodesOf(node: TreeNode, type: string, out: TreeNode[] = []): TreeNode[] {
  if (node.type === type) out.push(node);
  for (const child of node.children ?? []) nodesOf(child, type, out);
  return out;
}

describe('the tree, built when first read', () => {
  const source = all['002']!;
  const model = modelOf(source);

  it('has the sections, each with its heading first, and the tables with rows and cells', () => {
    const sections = nodesOf(model.tree, 'section');
    expect(sections.map((s) => s.key).filter((k) => k !== null).slice(0, 3)).toEqual(['overview', 'proactive', 'requests']);
    for (const s of sections) expect(s.children![0]!.type).toBe('heading');
    const cells = nodesOf(model.tree, 'tableCell');
    expect(nodesOf(model.tree, 'table').length).toBeGreaterThanOrEqual(3);
    expect(cells.length).toBeGreaterThan(100);
    // Each cell points at its own text in the caller’s source (up to the normalisation of widths and spaces).
    const squeeze = (s: string) => s.normalize('NFKC').replace(/\s+/gu, '');
    for (const cell of cells) {
      const { start, end } = cell.position!;
      expect(squeeze(source.slice(start.offset, end.offset))).toBe(squeeze(String(cell.children![0]!.value)));
    }
  });

  it('reads the same children every time, serialises them, and takes a replacement', () => {
    expect(model.tree.children).toBe(model.tree.children);
    const json = JSON.parse(JSON.stringify(model.tree)) as TreeNode;
    expect(nodesOf(json, 'tableCell').length).toBe(nodesOf(model.tree, 'tableCell').length);
    expect(json.position).toEqual(model.tree.position);
    const other = modelOf(source);
    other.tree.children = [];
    expect(other.tree.children).toEqual([]);
    expect(Object.keys(other.tree)).toContain('children');
  });
});
