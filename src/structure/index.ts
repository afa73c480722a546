/**
 * structure/: from normalised text to the ReportModel and its mdast-compatible tree.
 */
import type { AuditMeta, IdentityCheck, Position, RecognisedTable, ReportFormat, ReportModel, SectionInfo, SectionKey, TextLine, TreeNode } from '../types';
import type { NormalizedText } from '../normalize/index';
import { extractBlocks, rowCells, type Block } from './blocks';
import { blankChrome, markChrome, splitLines } from './lines';
import { classifyHeading, headingCandidate, TABLE_ROW_LABEL, type HeadingCandidate } from './headings';
import { findIssuer, findTitle, findYear, isIssuerLine, issuerLevelOf, issuerTypeOf } from './identity';
import { detectTemplate, eraOf, expectedTemplateOf, fingerprint } from './template';
import { createPositionMapper } from './positions';
import { buildTree } from './tree';
import { evaluateRecognised, evaluateTable, loadTemplates, readTablesWithCoverage, toRecognisedTable } from './tables/index';
import type { TemplateSet } from './tables/templates';

export interface ModelInput {
  format: ReportFormat;
  uri?: string;
  meta: AuditMeta;
  source: string;
  /** Offsets of `source` where its pages begin, when known. */
  pageStarts?: number[];
  normalized: NormalizedText;
  /** The table templates to read tables with (compiled from the enabled plugins' templates). */
  templates: TemplateSet;
}

const VALUE_LINE = /^(?:[-+]?\d[\d,]*(?:\.\d+)?|[/\-—–]|无)?$/u;

interface Candidate extends HeadingCandidate {
  line: number;
}

export function buildModel(input: ModelInput): ReportModel {
  const { normalized, source } = input;
  const fullText = normalized.text;
  const lines = splitLines(fullText);
  const title = findTitle(lines);
  markChrome(lines, title && !title.inline ? title.firstLine : null, isIssuerLine);
  const text = blankChrome(fullText, lines);

  const candidates = headingCandidates(lines);
  const topLevel = acceptTopLevel(candidates, lines);
  const breaks = new Set(topLevel.map((c) => c.line));
  const blocks = extractBlocks(lines, { isBreak: (l) => breaks.has(l.index) });
  const inTable = new Set<number>();
  for (const b of blocks) if (b.type === 'table') for (const i of b.lines) inTable.add(i);
  const headings = candidates.filter((c) =>
    c.depth === 1 ? breaks.has(c.line) : !inTable.has(c.line) && c.title.length > 2 && !insideTable(lines, c.line),
  );
  const sections = buildSections(headings, lines, text.length);

  const { year: textYear, source: yearSource } = findYear(title, text);
  const year = input.meta.year ?? textYear;
  const issuer = input.meta.issuer ?? findIssuer(lines, title, text);
  const fp = fingerprint(text);
  const mapper = createPositionMapper(source, normalized.map, input.pageStarts);
  const { tables: read, printed } = readTablesWithCoverage(text, input.templates);
  const tables = read.map((t) => toRecognisedTable(t, mapper.positionOf));
  // The identities are checked once per table, on the tables as read, when a rule first asks (last
  // year's model, or a configuration without the table rules, never needs them).
  const readOf = new Map(tables.map((t, i) => [t, read[i]!]));
  const checks = new Map<RecognisedTable, IdentityCheck[]>();
  const identityChecks = (table: RecognisedTable): IdentityCheck[] => {
    let hit = checks.get(table);
    if (!hit) {
      const asRead = readOf.get(table);
      // A table that did not come from this model (made by hand in a test) is checked from its cells.
      hit = asRead ? evaluateTable(asRead, input.templates) : evaluateRecognised(table, input.templates).checks;
      checks.set(table, hit);
    }
    return hit;
  };

  const model: ReportModel = {
    format: input.format,
    uri: input.uri,
    meta: input.meta,
    source,
    text,
    fullText,
    lines,
    title: title ? { text: title.text, start: title.start, end: title.end } : null,
    year,
    yearSource: input.meta.year !== undefined ? 'meta' : yearSource,
    era: eraOf(year),
    template: detectTemplate(fp, year),
    expectedTemplate: expectedTemplateOf(year),
    fingerprint: fp,
    issuer,
    issuerType: input.meta.issuerType ?? issuerTypeOf(issuer),
    issuerLevel: issuerLevelOf(issuer),
    sections,
    tables,
    tableRanges: read.map((t): [number, number] => [t.start, t.end]),
    printedTables: printed,
    identityChecks,
    templates: loadTemplates(input.templates),
    tree: { type: 'root', children: [] },
    previous: null,
    publishedAt: publicationDate(input.meta, lines),
    pointAt: mapper.pointAt,
    positionOf: mapper.positionOf,
    sourceSlice: mapper.sourceSlice,
    textOffsetAt: mapper.textOffsetAt,
    sectionAt: (offset) => sectionAt(sections, offset),
    sectionsByKey: (key: SectionKey) => sections.filter((s) => s.key === key),
  };
  model.tree = buildTree(model, blocks, headings);
  return model;
}

const METADATA_DATE = /(发布日期|发布时间|发文日期|成文日期|信息时间|公开日期) {0,2}[:|]? {0,2}(\d{4})[-年/.](\d{1,2})[-月/.](\d{1,2})/u;

/** signals.md §5.2: external metadata first, then a page metadata line (never a 填报日期). */
function publicationDate(meta: AuditMeta, lines: TextLine[]): ReportModel['publishedAt'] {
  if (meta.publishedAt) return { date: meta.publishedAt.slice(0, 10), source: 'meta' };
  for (const line of lines) {
    const m = METADATA_DATE.exec(line.text);
    if (m) return { date: `${m[2]}-${m[3]!.padStart(2, '0')}-${m[4]!.padStart(2, '0')}`, source: 'metadata' };
  }
  return null;
}

function headingCandidates(lines: TextLine[]): Candidate[] {
  const out: Candidate[] = [];
  for (const line of lines) {
    if (line.chrome || line.text.trim().length === 0 || line.text.includes('\t')) continue;
    const c = headingCandidate(line.text);
    if (!c) continue;
    if (c.depth === 1 && c.ordinal !== null && rowCells(line)) continue; // "一、本年新收… 3 0 0 …"
    out.push({ ...c, line: line.index });
  }
  return out;
}

/**
 * Top-level headings. A numbered line that is a known table-row label (一、主动公开情况 in the old
 * statistics table, 四、结转下年度继续办理 in 表三) is a table row when it breaks the running 一、二、三
 * sequence, when a value follows it, or when it comes after an annex line; otherwise it is a heading.
 */
function acceptTopLevel(candidates: Candidate[], lines: TextLine[]): Candidate[] {
  const accepted: Candidate[] = [];
  let last = 0;
  let afterAnnex = false;
  for (const c of candidates) {
    if (c.depth !== 1) continue;
    if (c.ordinal === null) {
      accepted.push(c);
      afterAnnex = true;
      continue;
    }
    const title = c.title.replace(/\s+/gu, '');
    // A numbered fragment inside a table (「三、本法提供」 from a broken PDF→Markdown table) is not a heading
    // unless it continues the 一、二、三 sequence.
    if (c.ordinal !== last + 1 && insideTable(lines, c.line)) continue;
    if (TABLE_ROW_LABEL.test(title)) {
      const breaksSequence = c.ordinal !== last + 1;
      if (breaksSequence || afterAnnex || valueFollows(lines, c.line)) continue;
    }
    accepted.push(c);
    last = c.ordinal;
  }
  return accepted;
}

function nearbyRow(lines: TextLine[], from: number, step: 1 | -1): boolean {
  let seen = 0;
  for (let i = from + step; i >= 0 && i < lines.length && seen < 8; i += step) {
    const l = lines[i]!;
    if (l.text.trim().length === 0) continue;
    seen++;
    if (l.text.includes('\t') || rowCells(l)) return true;
  }
  return false;
}

function insideTable(lines: TextLine[], line: number): boolean {
  return nearbyRow(lines, line, -1) && nearbyRow(lines, line, 1);
}

function valueFollows(lines: TextLine[], from: number): boolean {
  for (let i = from + 1; i < lines.length && i <= from + 4; i++) {
    const t = lines[i]!.text.trim();
    if (t.length === 0) continue;
    return VALUE_LINE.test(t) && t.length > 0;
  }
  return false;
}

function buildSections(headings: Candidate[], lines: TextLine[], textLength: number): SectionInfo[] {
  const contentEnd = lastContentOffset(lines, textLength);
  const sections: SectionInfo[] = [];
  const stack: number[] = [];
  for (const h of headings) {
    const line = lines[h.line]!;
    while (stack.length > 0 && sections[stack[stack.length - 1]!]!.depth >= h.depth) {
      sections[stack.pop()!]!.end = line.start;
    }
    const { key, plan } = classifyHeading(h.title);
    const info: SectionInfo = {
      key,
      title: h.title,
      heading: line.text.trim(),
      depth: h.depth,
      ordinal: h.ordinal,
      headingStart: line.start + (line.text.length - line.text.trimStart().length),
      headingEnd: line.start + line.text.trimEnd().length,
      start: Math.min(line.end + 1, textLength),
      end: contentEnd,
      parent: stack.length > 0 ? stack[stack.length - 1]! : -1,
    };
    if (plan) info.plan = true;
    stack.push(sections.length);
    sections.push(info);
  }
  for (const s of sections) if (s.end < s.start) s.end = s.start;
  // The part numbered 一 before the statutory parts is the overview whatever it is called
  // (「一、组织领导方面」, 「一、健全组织、强化领导」; sections.md §1.2: 主要措施及成效, 政务公开工作开展情况…).
  const top = sections.filter((s) => s.depth === 1);
  const first = top[0];
  if (first && first.key === null && first.ordinal === 1 && top.slice(1).some((s) => s.key !== null && s.key !== 'overview')) {
    first.key = 'overview';
  }
  return sections;
}

/** End of the last non-chrome line: trailing portal chrome is outside every section. */
function lastContentOffset(lines: TextLine[], textLength: number): number {
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (!l.chrome && l.text.trim().length > 0) return l.end;
  }
  return textLength;
}

function sectionAt(sections: SectionInfo[], offset: number): SectionInfo | null {
  let best: SectionInfo | null = null;
  for (const s of sections) {
    if (offset >= s.headingStart && offset < Math.max(s.end, s.headingEnd)) {
      if (!best || s.depth >= best.depth) best = s;
    }
  }
  return best;
}

export type { Block, Position };
