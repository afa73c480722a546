/**
 * PDFs of other producers (test/fixtures/producers/README.md): Chromium's print-to-PDF of an HTML
 * report and LibreOffice's export of a DOCX report, each made from a file committed beside it. The
 * LibreOffice tables have narrow label columns whose labels wrap over many lines, and 表三 breaks
 * across a page in both. A PDF must read the same cells as the file it was made from, and give the
 * same verdict.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { unzlibSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { audit } from '../../src/index';
import { readPdf } from '../../src/pdf/index';
import type { AuditResult, PdfTextInput } from '../../src/types';
import { fixturesDir } from '../helpers';
import { VARIANTS } from '../fixtures/producers/source';

const dir = join(fixturesDir, 'producers');
const PRODUCERS = [
  { producer: 'Chromium', source: 'html', pdf: 'chromium.pdf' },
  { producer: 'LibreOffice', source: 'docx', pdf: 'libreoffice.pdf' },
] as const;

const cases = VARIANTS.flatMap((v) => PRODUCERS.map((p) => ({ ...p, variant: v, name: `${v.name}.${p.pdf}` })));
const sources: Record<string, AuditResult> = {};
const pdfs: Record<string, AuditResult> = {};
const inputs: Record<string, PdfTextInput> = {};

beforeAll(async () => {
  for (const c of cases) {
    const file = join(dir, `${c.variant.name}.${c.source}`);
    const content = c.source === 'html' ? readFileSync(file, 'utf8') : new Uint8Array(readFileSync(file));
    sources[c.name] = audit({ content, uri: `${c.variant.name}.${c.source}` });
    inputs[c.name] = await readPdf(new Uint8Array(readFileSync(join(dir, c.name))), { uri: c.name });
    pdfs[c.name] = audit(inputs[c.name]!);
  }
});

const cellsOf = (r: AuditResult) => r.report.tables.map((t) => ({ id: t.id, cells: t.cells.map((c) => [c.row, c.column, c.value]) }));
const reconcile = (r: AuditResult) => r.rules.find((o) => o.ruleId === 'tables-reconcile')?.outcome;
const reconcileFindings = (r: AuditResult) =>
  r.findings.filter((f) => f.ruleId === 'tables-reconcile').map((f) => [f.data?.row, f.data?.column, f.expected, f.actual]);

describe.each(cases.map((c) => [c.name, c] as const))('%s', (name, c) => {
  it(`reads every cell of 表二, 表三 and 表四 as the ${c.source.toUpperCase()} it came from`, () => {
    const expected = cellsOf(sources[name]!);
    expect(expected.map((t) => t.id)).toEqual(['T2', 'T3', 'T4']);
    expect(expected.reduce((n, t) => n + t.cells.filter((x) => x[2] !== null).length, 0)).toBeGreaterThan(190);
    expect(cellsOf(pdfs[name]!)).toEqual(expected);
  });

  it('gives the same tables-reconcile verdict and findings, and the same rule outcomes', () => {
    const pdf = pdfs[name]!;
    expect(reconcile(pdf)).toBe(c.variant.change ? 'fail' : 'pass');
    expect(reconcileFindings(pdf)).toEqual(reconcileFindings(sources[name]!));
    expect(pdf.rules.map((r) => [r.ruleId, r.outcome])).toEqual(sources[name]!.rules.map((r) => [r.ruleId, r.outcome]));
  });

  it('names the page of each table', () => {
    const text = inputs[name]!.content as string;
    const page = (needle: string) => inputs[name]!.pageStarts!.filter((s) => s <= text.indexOf(needle)).length;
    // 表三 begins on one page and ends on a later one.
    expect(page('四、结转下年度继续办理')).toBeGreaterThan(page('一、本年新收政府信息公开申请数量'));
  });
});

describe('Kangxi radicals in Chromium’s ToUnicode maps (spec/presentations.md §2.3)', () => {
  /** The destination code points of every ToUnicode CMap in the file (its Flate streams that hold a CMap). */
  function toUnicodeTargets(pdf: Uint8Array): Set<number> {
    const latin1 = Array.from(pdf, (b) => String.fromCharCode(b)).join('');
    const out = new Set<number>();
    for (const m of latin1.matchAll(/\/Length (\d+)>>\s*stream\r?\n/g)) {
      const start = m.index + m[0].length;
      let text = '';
      try {
        text = new TextDecoder('latin1').decode(unzlibSync(pdf.subarray(start, start + Number(m[1]))));
      } catch {
        continue;
      }
      if (!text.includes('begincmap')) continue;
      for (const t of text.matchAll(/<[0-9A-F]+>\s*(?:<[0-9A-F]+>\s*)?<([0-9A-F]{4})>/g)) out.add(parseInt(t[1]!, 16));
    }
    return out;
  }

  it('the Chromium PDF maps 一 人 行 用 无 to ⼀ ⼈ ⾏ ⽤ ⽆; its text and cells read as the HTML’s all the same', () => {
    const name = 'report-a.chromium.pdf';
    const targets = toUnicodeTargets(new Uint8Array(readFileSync(join(dir, name))));
    for (const radical of [0x2f00, 0x2f08, 0x2f8f, 0x2f64, 0x2f46]) expect(targets.has(radical)).toBe(true);
    const text = inputs[name]!.content as string;
    expect(text).toContain('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请');
    expect(cellsOf(pdfs[name]!)).toEqual(cellsOf(sources[name]!));
  });
});

describe('the changed cell', () => {
  it.each(PRODUCERS.map((p) => [p.producer, `report-a-changed.${p.pdf}`]))('%s: every table finding involves the one changed cell, on its page', (_p, name) => {
    const pdf = pdfs[name]!;
    const findings = pdf.findings.filter((f) => f.ruleId === 'tables-reconcile');
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.data?.cells).toContainEqual({ row: 'refusedLaw', column: 'natural' });
      expect(f.position.start.page).toBeGreaterThanOrEqual(2);
    }
    // The consistent report of the same numbers passes.
    expect(reconcile(pdfs[name.replace('-changed', '')]!)).toBe('pass');
  });
});
