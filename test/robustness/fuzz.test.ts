/**
 * Property-based fuzzing of audit() (issue #7): real reports mutated with hostile junk, broken HTML
 * around them, random and mutated bytes (DOCX, PDF). For every input, audit() either returns a result
 * that validates against schemas/audit-result.schema.json — positions in bounds and consistent,
 * no built-in rule crashed, the same JSON on a second run — or throws AuditInputError with a
 * message; never anything else.
 *
 * Seeds are fixed so a failure is reproducible: fast-check prints the seed, the path and the
 * shrunk counterexample. FUZZ_RUNS=<n> multiplies the run counts for a longer local session.
 * Cases fuzzing found are kept at the end as named regression tests.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { Ajv } from 'ajv';
import resultSchema from '../../schemas/audit-result.schema.json' with { type: 'json' };
import { audit, AuditInputError, type AuditInput, type AuditResult, type AuditSource, type PdfTextInput, type Position } from '../../src/index';
import { fixturesDir, lineColumn } from '../helpers';

const validate = new Ajv({ allErrors: true, strict: false }).compile(resultSchema);
const scale = Math.max(1, Number(process.env.FUZZ_RUNS ?? 1) || 1);
const runs = (n: number) => Math.round(n * scale);

const read = (dir: string, pattern: RegExp): string[] =>
  readdirSync(join(fixturesDir, dir))
    .filter((f) => pattern.test(f))
    .sort()
    .map((f) => readFileSync(join(fixturesDir, dir, f), 'utf8'));

/** The real reports the mutations start from. */
const corpus = [...read('seeds', /\.txt$/), ...read('peers', /\.(md|txt)$/)];
const docxFixtures = readdirSync(join(fixturesDir, 'formats'))
  .filter((f) => f.endsWith('.docx'))
  .sort()
  .map((f) => new Uint8Array(readFileSync(join(fixturesDir, 'formats', f))));
const pdfFixtures = readdirSync(join(fixturesDir, 'pdf'))
  .filter((f) => f.endsWith('.pdf'))
  .sort()
  .map((f) => new Uint8Array(readFileSync(join(fixturesDir, 'pdf', f))));

// -------------------------------------------------------------------------------------------------
// The property

/**
 * lineColumn (test/helpers.ts) for many offsets into one string: the same answers (a test below checks
 * that) from the offsets at which lines start, found once, instead of splitting the text before each
 * of the hundreds of positions a result has.
 */
function lineColumnsOf(source: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    // The last line start at or before the offset (a newline at offset - 1 starts a line at offset).
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

function checkPositions(
  position: Position,
  source: string | null,
  bound: number,
  what: string,
  at: ((offset: number) => { line: number; column: number }) | null,
): void {
  const { start, end } = position;
  for (const p of [start, end]) {
    if (!(p.offset >= 0 && p.offset <= bound)) throw new Error(`${what}: offset ${p.offset} outside [0, ${bound}]`);
    if (source !== null && at !== null) {
      const lc = at(p.offset);
      if (lc.line !== p.line || lc.column !== p.column) {
        throw new Error(`${what}: offset ${p.offset} is ${lc.line}:${lc.column}, the point says ${p.line}:${p.column}`);
      }
    }
  }
  if (start.offset > end.offset) throw new Error(`${what}: start ${start.offset} > end ${end.offset}`);
}

/** The string positions point into, when the test can know it; else null (bytes read as text). */
function sourceOf(input: AuditSource & object, result: AuditResult): string | null {
  if (result.report.text !== undefined) return result.report.text;
  return typeof input.content === 'string' ? input.content : null;
}

/**
 * audit(input) returns a valid, deterministic result or refuses with AuditInputError. Returns what
 * happened, for the statistics; throws (failing the property) otherwise.
 */
function auditsOrRefuses(input: AuditInput | PdfTextInput): { result?: AuditResult; refusal?: AuditInputError } {
  let first: AuditResult;
  try {
    first = audit(input);
  } catch (e) {
    if (!(e instanceof AuditInputError)) throw e;
    if (typeof e.message !== 'string' || e.message.trim().length === 0) throw new Error('AuditInputError without a message');
    let again: unknown;
    try {
      audit(input);
    } catch (e2) {
      again = e2;
    }
    if (!(again instanceof AuditInputError) || again.message !== e.message) throw new Error(`refused once (${e.message}), not twice`);
    return { refusal: e };
  }
  if (!validate(first)) throw new Error(`result fails the schema: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
  if (first.errors.length > 0) throw new Error(`a built-in rule crashed: ${JSON.stringify(first.errors)}`);
  const second = audit(input);
  if (JSON.stringify(first) !== JSON.stringify(second)) throw new Error('two runs gave different JSON');
  const source = sourceOf(input, first);
  // Decoded bytes are never longer (in UTF-16 units) than the bytes.
  const bound = source !== null ? source.length : (input.content as Uint8Array).length;
  const at = source !== null ? lineColumnsOf(source) : null;
  for (const f of first.findings) checkPositions(f.position, source, bound, `finding ${f.ruleId}/${f.messageId}`, at);
  for (const s of first.report.sections) checkPositions(s.position, source, bound, `section ${s.key}`, at);
  for (const t of first.report.tables) {
    checkPositions(t.position, source, bound, `table ${t.id}`, at);
    for (const c of t.cells) checkPositions(c.position, source, bound, `cell ${t.id} ${c.row}/${c.column}`, at);
  }
  return { result: first };
}

// -------------------------------------------------------------------------------------------------
// Mutations

const JUNK = [
  '\uD800', '\uDC00', '\uDBFF', '\uDFFF', '\uDC00\uD800', '𠀀', '𪚥', '😀', '👨‍👩‍👧', '🇨🇳', '\u0301',
  '\u200F', '\u202E', '\u200E', '\u202D', '\u2066', '\u200B', '\u00AD', '\uFEFF', '\u3000', '\u00A0', '\uFFFD', '\uFFFF',
  '\r', '\r\n', '\n\n\n', '\u2028', '\u0085', '\f', '\v',
  '（', '）', '【', '】', '(', ')', '〔', '〕', '《', '》', '「', '」', '“', '”',
  '一、', '（二）', '(三)', '四、', '十一、', '1.', '2．', '（1）', '一是', '第一条', '一、总体情况', '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项',
  '表一', '表二', '（表三）', '本年新收政府信息公开申请数量', '上年结转政府信息公开申请数量', '予以公开', '总计', '维持', '纠正', '结果',
  '2024年', '二〇二三年', '2020年1月1日至12月31日', '联系电话：0371-12345678', '邮编：450000', '信息处理费', '无', '/', '-', '—', '——',
  '１２３', '０', '-5', '3.5', '1,234', '1e9', 'NaN', 'Infinity', '９９９９９９９９９９',
  '#', '# 一、总体情况', '|', '||', '| --- | --- |', '|:-|', '```', '> ', '* ', '- ', '<p>', '&amp;', '&#x4E00;',
  '政府信息公開', '乾隆', 'Yī、', '{{title}}', '$&', '$1', '\\', '__proto__', 'constructor', 'toString',
];

const controlChar = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));
const digitRun = fc.tuple(fc.integer({ min: 1, max: 5000 }), fc.constantFrom('9', '0', '1', '９')).map(([n, d]) => d.repeat(n));
const cellText = fc.oneof(
  fc.constantFrom('', ' ', '0', '3', '12', '/', '-', '合计', '总计', '予以公开', '申请人数', '自然人', '法人或其他组织', '商业企业', '维持', '其他'),
  fc.integer({ min: -10, max: 100_000 }).map(String),
  digitRun,
);
const halfRow = fc
  .tuple(fc.array(cellText, { maxLength: 12 }), fc.constantFrom('\t', '|', ' | ', '\t\t', '　'), fc.boolean())
  .map(([cells, sep, newline]) => (newline ? '\n' : '') + cells.join(sep) + (sep.includes('|') ? ' |' : ''));
const repeated = fc
  .tuple(fc.constantFrom('（', '【', '(', '一、', '\t', '|', '\n', ' ', '表', '年', '0', '\uD800'), fc.integer({ min: 2, max: 3000 }))
  .map(([s, n]) => s.repeat(n));
const junk = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...JUNK) },
  { weight: 2, arbitrary: controlChar },
  { weight: 1, arbitrary: digitRun },
  { weight: 2, arbitrary: halfRow },
  { weight: 1, arbitrary: repeated },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number; to: number }
  | { kind: 'swap'; a: number; b: number };

const at = fc.nat();
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('insert' as const), at, text: junk }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 3000 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at, length: fc.integer({ min: 1, max: 3000 }), to: at }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('swap' as const), a: at, b: at }) },
);
const mutations = fc.array(mutation, { minLength: 1, maxLength: 10 });

function mutate(text: string, list: Mutation[]): string {
  let s = text;
  for (const m of list) {
    const p = (n: number) => n % (s.length + 1);
    switch (m.kind) {
      case 'insert': {
        const i = p(m.at);
        s = s.slice(0, i) + m.text + s.slice(i);
        break;
      }
      case 'delete': {
        const i = p(m.at);
        s = s.slice(0, i) + s.slice(i + m.length);
        break;
      }
      case 'duplicate': {
        const i = p(m.at);
        const piece = s.slice(i, i + m.length);
        const j = p(m.to);
        s = s.slice(0, j) + piece + s.slice(j);
        break;
      }
      case 'swap': {
        const lines = s.split('\n');
        const a = m.a % lines.length;
        const b = m.b % lines.length;
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
        s = lines.join('\n');
        break;
      }
    }
  }
  return s;
}

const mutatedReport = fc.tuple(fc.constantFrom(...corpus), mutations).map(([text, list]) => mutate(text, list));

// HTML around the text: tables from tab rows, then tag and entity junk at random offsets.
const HTML_JUNK = [
  '<table>', '</table>', '<tr>', '</tr>', '<td>', '</td>', '<th>', '<tbody>', '<thead>', '<caption>', '<colgroup><col span="1000">',
  '<td rowspan="99999">', '<td colspan="99999">', '<td rowspan="0">', '<td colspan="-1">', '<td colspan="1e9">',
  '<td rowspan=65535 colspan=1000>', "<th colspan='abc'>", '<td rowspan="3" colspan="3">', '<td rowspan=" 2 ">',
  '&amp;&#x;&#99999999;', '&#xD800;', '&#0;', '&#x110000;', '&nbsp', '&nbsp;', '&notanentity;', '&', '&#', '&#x', '&;', '&lol;',
  '<', '>', '</', '<!--', '-->', '<!---->', '<script>', '</script>', '<style>', '<![CDATA[', ']]>', '<![if !supportLists]>', '<![endif]>',
  '<!DOCTYPE html [<!ENTITY x "&x;&x;&x;">]>', '<!ENTITY lol "lol">', '<?xml version="1.0"?>', '<?php ?>',
  '<br>', '<br/>', '<p', '<p class="x>', '<p>', '</p>', '<div>', '</div>', '<h1>', '</h2>', '<h3>一、总体情况</h3>',
  '<ul><li>', '<ol><li>', '</li>', '<pre>', '</pre>', '<meta charset="gbk">', '<meta charset="x-unknown">', '<title>', '<svg>',
  '<o:p></o:p>', '<span style="mso-list:Ignore">', '<a href="javascript:alert(1)">', '<img src=x onerror=alert(1)>',
  '<table><tr><td><table><tr><td>', '</td></tr></table></td></tr></table>',
];
const htmlJunk = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...HTML_JUNK) }, { weight: 2, arbitrary: junk });

function htmlize(text: string, openTables: boolean): string {
  const out: string[] = [];
  let inTable = false;
  for (const line of text.split('\n')) {
    if (line.includes('\t')) {
      if (!inTable) out.push('<table border="1">');
      inTable = true;
      out.push('<tr><td>' + line.split('\t').join('</td><td>') + '</td></tr>');
    } else {
      if (inTable && !openTables) out.push('</table>');
      inTable = false;
      out.push(line.trim() ? `<p>${line}</p>` : '');
    }
  }
  return out.join('\n');
}

const brokenHtml = fc
  .tuple(
    fc.constantFrom(...corpus),
    mutations,
    fc.boolean(),
    fc.array(fc.record({ kind: fc.constant('insert' as const), at, text: htmlJunk }), { minLength: 1, maxLength: 15 }),
    fc.constantFrom('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>', '<html><body>', '<div class="content">', ''),
  )
  .map(([text, list, open, tags, head]) => mutate(head + htmlize(mutate(text, list), open), tags));

// Bytes: a random flip, overwrite, cut, insertion or copied range.
type ByteMutation =
  | { kind: 'flip'; at: number; mask: number }
  | { kind: 'set'; at: number; bytes: Uint8Array }
  | { kind: 'cut'; at: number; length: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'copy'; from: number; to: number; length: number };

const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('flip' as const), at, mask: fc.integer({ min: 1, max: 255 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('set' as const), at, bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cut' as const), at, length: fc.integer({ min: 1, max: 4096 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('copy' as const), from: at, to: at, length: fc.integer({ min: 1, max: 4096 }) }) },
);

/** The bytes of `parts` one after another (spreading a PDF's megabyte into an array cost seconds). */
function concatBytes(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function mutateBytes(bytes: Uint8Array, list: ByteMutation[]): Uint8Array {
  let b = bytes.slice();
  for (const m of list) {
    if (b.length === 0) break;
    switch (m.kind) {
      case 'flip': {
        const i = m.at % b.length;
        b[i] = b[i]! ^ m.mask;
        break;
      }
      case 'set':
        b.set(m.bytes.subarray(0, b.length - (m.at % b.length)), m.at % b.length);
        break;
      case 'cut': {
        const i = m.at % b.length;
        b = concatBytes(b.subarray(0, i), b.subarray(i + m.length));
        break;
      }
      case 'truncate':
        b = b.slice(0, m.at % b.length);
        break;
      case 'copy': {
        const piece = b.slice(m.from % b.length, (m.from % b.length) + m.length);
        const j = m.to % b.length;
        b = concatBytes(b.subarray(0, j), piece, b.subarray(j));
        break;
      }
    }
  }
  return b;
}

const byteMutations = fc.array(byteMutation, { minLength: 1, maxLength: 6 });

// -------------------------------------------------------------------------------------------------
// Properties

/** Counts outcomes, so a property that only ever refuses is noticed. */
function tally() {
  const counts = { results: 0, refusals: 0 };
  return {
    counts,
    check(input: AuditInput) {
      const r = auditsOrRefuses(input);
      if (r.result) counts.results++;
      else counts.refusals++;
      return r;
    },
  };
}

/** Strings from `text` in each of `formats` (undefined: sniffed) audit or are refused, and most audit. */
function assertMostlyAudited(text: fc.Arbitrary<string>, formats: Array<AuditInput['format']>, seed: number, numRuns: number): void {
  const t = tally();
  fc.assert(
    fc.property(text, fc.constantFrom(...formats), (content, format) => {
      t.check(format ? { content, format } : { content });
    }),
    { seed, numRuns: runs(numRuns) },
  );
  expect(t.counts.results).toBeGreaterThan(t.counts.refusals);
}

describe('fuzz: mutated real reports', () => {
  it('as text, markdown or sniffed: a valid deterministic result, or AuditInputError', () => {
    assertMostlyAudited(mutatedReport, ['text', 'markdown', undefined], 20260701, 220);
  });

  it('as UTF-8, UTF-16 or damaged bytes', () => {
    const t = tally();
    const encode = (s: string, how: number): Uint8Array => {
      const utf8 = new TextEncoder().encode(s);
      if (how === 0) return utf8;
      if (how === 1) return new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
      const out = new Uint8Array(2 + s.length * 2);
      out.set([0xff, 0xfe]);
      for (let i = 0; i < s.length; i++) (out[2 + 2 * i] = s.charCodeAt(i) & 0xff), (out[3 + 2 * i] = s.charCodeAt(i) >> 8);
      return out;
    };
    fc.assert(
      fc.property(
        mutatedReport,
        fc.integer({ min: 0, max: 2 }),
        fc.array(byteMutation, { maxLength: 4 }),
        fc.constantFrom('text', 'markdown', 'html', undefined),
        (text, how, damage, format) => {
          const content = mutateBytes(encode(text, how), damage);
          t.check(format ? { content, format } : { content });
        },
      ),
      { seed: 20260702, numRuns: runs(80) },
    );
    expect(t.counts.results).toBeGreaterThan(0);
  });
});

describe('fuzz: broken HTML around mutated reports', () => {
  it('html, xml or sniffed: a valid deterministic result, or AuditInputError', () => {
    assertMostlyAudited(brokenHtml, ['html', 'xml', undefined], 20260703, 150);
  });
});

describe('fuzz: bytes', () => {
  it('random bytes, in every format', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 4096 }),
        fc.constantFrom('text', 'markdown', 'html', 'xml', 'docx', undefined),
        fc.constantFrom(undefined, 'r.docx', 'r.pdf', 'r.html', 'r.bin'),
        (content, format, uri) => {
          const r = auditsOrRefuses({ content, ...(format ? { format } : {}), ...(uri ? { uri } : {}) });
          if (r.refusal && uri) expect(r.refusal.uri).toBe(uri);
        },
      ),
      { seed: 20260704, numRuns: runs(150) },
    );
  });

  it('mutated DOCX files', () => {
    const t = tally();
    fc.assert(
      fc.property(
        fc.constantFrom(...docxFixtures),
        byteMutations,
        fc.constantFrom(undefined, 'r.docx'),
        (docx, list, uri) => {
          t.check({ content: mutateBytes(docx, list), ...(uri ? { uri } : {}) });
        },
      ),
      { seed: 20260705, numRuns: runs(120) },
    );
    expect(t.counts.results).toBeGreaterThan(0);
  });

  it('mutated PDF files: the sync audit refuses and points at xxgk-audit/pdf', () => {
    fc.assert(
      fc.property(fc.constantFrom(...pdfFixtures), byteMutations, fc.constantFrom(undefined, 'r.pdf'), (pdf, list, uri) => {
        const content = mutateBytes(pdf, list);
        const r = auditsOrRefuses({ content, ...(uri ? { uri } : {}) });
        const looksPdf = content[0] === 0x25 && content[1] === 0x50 && content[2] === 0x44 && content[3] === 0x46;
        if (uri || looksPdf) {
          expect(r.refusal?.message).toMatch(/xxgk-audit\/pdf/);
        }
      }),
      { seed: 20260706, numRuns: runs(60) },
    );
  });
});

describe('the checker itself', () => {
  it('lineColumnsOf gives what lineColumn gives, at every offset', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '\n', '\r', '政'), maxLength: 40 }), (text) => {
        const at = lineColumnsOf(text);
        for (let offset = 0; offset <= text.length; offset++) expect(at(offset)).toEqual(lineColumn(text, offset));
      }),
      { seed: 20260708, numRuns: 300 },
    );
  });
});

describe('cases fuzzing found', () => {
  it('unclosed, nested tables: nested tables are flattened out of source order, positions stay ordered', () => {
    // Seed 20260703 found this: the outer table's cell text is emitted after the inner tables, so the
    // extracted text stepped back in the source and 表三 got start 2526 > end 2083.
    const seed = corpus.find((t) => t.includes('焦虎镇'))!;
    // No table is closed, and a line break inside 表二's last row opens a second table inside the
    // first, all inside an unclosed outer table.
    const content = '<table>' + htmlize(seed.replace('行政事业性收费\t', '行政事业性收费\n\t'), true);
    const { result } = auditsOrRefuses({ content, format: 'html' });
    expect(result!.report.tables.map((t) => t.id).sort()).toEqual(['T2', 'T3', 'T4']);
    const t3 = result!.report.tables.find((t) => t.id === 'T3')!;
    const slice = content.slice(t3.position.start.offset, t3.position.end.offset);
    expect(slice).toContain('本年新收政府信息公开申请数量');
    expect(slice).toContain('结转下年度继续办理');
  });
});

describe('fuzz: readPdf (xxgk-audit/pdf)', () => {
  it('mutated PDF files: readPdf gives input audit() takes, or AuditInputError; never another error', async () => {
    const { readPdf } = await import('../../src/pdf/index');
    const t = { results: 0, refusals: 0 };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...pdfFixtures), byteMutations, async (pdf, list) => {
        let input: AuditSource;
        try {
          input = await readPdf(mutateBytes(pdf, list), { uri: 'r.pdf' });
        } catch (e) {
          if (!(e instanceof AuditInputError)) throw e;
          expect(e.message.trim()).not.toBe('');
          expect(e.uri).toBe('r.pdf');
          t.refusals++;
          return;
        }
        auditsOrRefuses(input);
        t.results++;
      }),
      { seed: 20260707, numRuns: runs(25) },
    );
    // Most single-byte damage leaves a PDF readable (PDFium recovers broken xref tables).
    expect(t.results).toBeGreaterThan(0);
  }, 120_000);
});
