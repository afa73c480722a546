/**
 * Every public type of xxgk-audit. The shapes here are a contract (see DESIGN.md, "Public API").
 */

// ---------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------

export type InputFormat = 'text' | 'markdown' | 'html' | 'xml' | 'docx';
export type ReportFormat = InputFormat | 'pdf';
export type IssuerType = 'government' | 'department' | 'other';

export interface AuditMeta {
  /** Report year; otherwise read from the title or text. */
  year?: number;
  /** ISO date (YYYY-MM-DD) the report went public, for the deadline rule. */
  publishedAt?: string;
  /** Otherwise inferred from the issuer name. */
  issuerType?: IssuerType;
  issuer?: string;
  /** Last year's report, for cross-year rules. */
  previous?: string | AuditInput | PdfTextInput;
}

export interface AuditInput {
  /** Uint8Array for docx, or for text/html in an unknown charset. */
  content: string | Uint8Array;
  /** Sniffed when absent. PDF is not read synchronously: `readPdf` from "xxgk-audit/pdf" gives a `PdfTextInput`. */
  format?: InputFormat;
  /** Shown in outputs, e.g. the file name. */
  uri?: string;
  meta?: AuditMeta;
  /**
   * Where each page of `content` (a string) begins, as offsets: `pageStarts[0]` is page 1's (0), and
   * so on, never decreasing. readPdf fills it; positions then carry the page.
   */
  pageStarts?: number[];
}

/** What `readPdf` ("xxgk-audit/pdf") returns: a PDF's extracted text, which `audit` reads as such. */
export interface PdfTextInput {
  /** The text layer, one line per paragraph, heading or table row (cells separated by TABs). */
  content: string;
  format: 'pdf';
  uri?: string;
  meta?: AuditMeta;
  /** Where each page of `content` begins (offsets); positions then carry the page. */
  pageStarts?: number[];
}

/** What `audit` takes: plain text, an AuditInput, or the result of `readPdf`. */
export type AuditSource = string | AuditInput | PdfTextInput;

// ---------------------------------------------------------------------------
// Positions (unist points: line and column from 1, offset from 0, UTF-16 code units)
// ---------------------------------------------------------------------------

export interface Point {
  line: number;
  column: number;
  offset: number;
  /** The page (from 1), when the input says where its pages begin (PDF; DOCX with explicit page breaks). */
  page?: number;
}

export interface Position {
  start: Point;
  end: Point;
}

// ---------------------------------------------------------------------------
// Report model (what structure/ recognised)
// ---------------------------------------------------------------------------

export type TemplateKey = 'REG2007' | 'TPL2019' | 'TPL2021' | 'unknown';
export type Era = 'E1' | 'E2' | 'E3';

/** Canonical section keys (spec/sections.md). */
export type SectionKey =
  | 'overview'
  | 'proactive'
  | 'requests'
  | 'fees'
  | 'review-litigation'
  | 'problems'
  | 'other';

export type IssuerLevel = 'national' | 'provincial' | 'prefecture' | 'county' | 'township';

/** A line of the normalised text. Offsets are into `ReportModel.text`. */
export interface TextLine {
  index: number;
  start: number;
  /** Exclusive, before the line break. */
  end: number;
  text: string;
  /** Web chrome (portal navigation, footer, ICP numbers…) or page furniture (「— 3 —」), kept out of `ReportModel.text`. */
  chrome: boolean;
}

/** A section found from a numbered or known heading. Offsets are into `ReportModel.text`. */
export interface SectionInfo {
  /** Canonical key, or null when the heading matches no statutory part. */
  key: SectionKey | null;
  /** Heading text without its ordinal, normalised. */
  title: string;
  /** The heading line as printed (normalised). */
  heading: string;
  /** 1 = 一、 2 = （一） 3 = 1、 */
  depth: number;
  /** The ordinal as a number (一 → 1), or null for an un-numbered heading. */
  ordinal: number | null;
  /** True for a forward-plan section (下一步工作安排, 关于YYYY年…), keyed as `problems`. */
  plan?: boolean;
  headingStart: number;
  headingEnd: number;
  /** Content range (after the heading line up to the next heading of the same or a higher level). */
  start: number;
  end: number;
  /** Index of the parent section in `sections`, or -1. */
  parent: number;
}

export type CellKind = 'number' | 'blank' | 'slash' | 'dash' | 'text';

export interface TableCell {
  /** Row key of the template. */
  row: string;
  /** Column key of the template. */
  column: string;
  /** Parsed value (blank, '/', '-' give null). */
  value: number | null;
  /** Cell text as printed, normalised. */
  text: string;
  kind: CellKind;
  /** A note printed inside the cell, e.g. 「其中修订 16 件」. */
  note?: string;
  /**
   * true when the row's numbers were printed run together (「220000022」) and this cell was
   * recovered by the table's identities (spec/presentations.md §2.1): exactly one split of the digit
   * run satisfied them. Those identities are then no independent evidence for the cell, and any
   * tables-reconcile finding resting on it says so. Absent for cells printed apart.
   */
  inferred?: boolean;
  position: Position;
}

export type TableId = 'T2' | 'T3' | 'T4' | 'STAT';

export interface RecognisedTable {
  id: TableId;
  /** The template definition used: e.g. 'TPL2021-T3'. */
  template: string;
  /** Chinese name, e.g. 「表三 收到和处理政府信息公开申请情况」. */
  name: string;
  rows: Array<{ key: string; label: string }>;
  columns: Array<{ key: string; label: string }>;
  cells: TableCell[];
  position: Position;
}

/** A template table the report prints (spec/presentations.md §2.2). Offsets are into `ReportModel.text`. */
export interface PrintedTable {
  id: TableId;
  /** The template definition, e.g. 'TPL2021-T3'. */
  template: string;
  /** Chinese name, e.g. 「表三 收到和处理政府信息公开申请情况」. */
  name: string;
  /** Value cells the template has. */
  cellsExpected: number;
  /** Cells read (numbers, blanks, '/', '-'). */
  cellsRead: number;
  start: number;
  end: number;
}

export interface ReportSummary {
  format: ReportFormat;
  uri?: string;
  year: number | null;
  template: TemplateKey;
  /** The template in force for the report year. */
  expectedTemplate: TemplateKey;
  era: Era | null;
  issuer: string | null;
  issuerType: IssuerType | null;
  issuerLevel: IssuerLevel | null;
  title: string | null;
  sections: Array<{ key: SectionKey | null; title: string; depth: number; position: Position }>;
  tables: RecognisedTable[];
  /** The extracted text, for docx and pdf input (positions point into it). */
  text?: string;
  /**
   * The charset the bytes were decoded from (utf-8, gb18030, utf-16le, utf-16be or a declared one),
   * when the report was given as bytes of text, Markdown, HTML or XML; absent for a string.
   */
  encoding?: string;
}

// ---------------------------------------------------------------------------
// Result
// ---------------------------------------------------------------------------

export type Severity = 'error' | 'warning' | 'info';
export type Impact = 'critical' | 'serious' | 'moderate' | 'minor';
export type Outcome = 'pass' | 'fail' | 'incomplete' | 'inapplicable';
export type FindingKind = 'fail' | 'review';
export type Locale = 'zh-CN' | 'en';

export interface Finding {
  ruleId: string;
  messageId: string;
  message: string;
  severity: Severity;
  impact: Impact;
  kind: FindingKind;
  position: Position;
  /** The source text at `position` (shortened to 80 characters). */
  snippet: string;
  /** The section the finding belongs to, when there is one. */
  section?: { key: SectionKey | null; title: string };
  data?: Record<string, unknown>;
  /** What the report should say (a number, a year, a date, a phrase, a label such as 'TPL2021'); absent when it would equal `actual`. */
  expected?: FindingValue;
  /** What the report says. */
  actual?: FindingValue;
  fingerprint: string;
}

/** A value of `expected`/`actual`: plain JSON, mostly a number or a string. */
export type FindingValue = string | number | boolean | null | FindingValue[] | { [key: string]: FindingValue };

export interface RuleOutcome {
  ruleId: string;
  outcome: Outcome;
  impact: Impact;
  severity: Severity;
  findingCount: number;
  weight: number;
  reason?: string;
}

export interface RuleError {
  ruleId: string;
  message: string;
  stack?: string;
}

export interface AuditResult {
  /** 0–100, one decimal: the weighted share of scored rules that pass. */
  score: number;
  /** The verdict: no finding of severity error and `score` ≥ `minScore` (config, default 60). Every output shows this. */
  passed: boolean;
  report: ReportSummary;
  rules: RuleOutcome[];
  findings: Finding[];
  errors: RuleError[];
}

// ---------------------------------------------------------------------------
// Rules and plugins
// ---------------------------------------------------------------------------

export interface MessageDefinition {
  /** Default severity of a finding with this message. */
  severity: Severity;
  /** 'fail' (default for error/warning) or 'review' (default for info). */
  kind?: FindingKind;
  /** The message per locale with {{placeholders}}; zh-CN is required. */
  text: { 'zh-CN': string; en?: string };
}

export interface RuleMeta {
  id: string;
  impact: Impact;
  docs: {
    description: { 'zh-CN': string; en: string };
    url?: string;
    /** What input the rule needs, in words (e.g. "meta.publishedAt"). */
    requires?: string;
  };
  messages: Record<string, MessageDefinition>;
  /** JSON Schema for the rule's options object (compiled once by ajv). */
  schema?: Record<string, unknown>;
  /** Default options, merged under the configured ones. */
  defaultOptions?: Record<string, unknown>;
  /** Eras or templates where the rule is meaningful; outside them it is inapplicable. */
  appliesTo?: Array<Era | TemplateKey>;
}

export interface ReportDescriptor {
  messageId: string;
  /** A tree node with a position. */
  node?: { position?: Position };
  /** A position in the caller's source. */
  position?: Position;
  /** A range [start, end) in `ReportModel.text` (normalised analysis text). */
  range?: [number, number];
  data?: Record<string, unknown>;
  expected?: unknown;
  actual?: unknown;
  /** Overrides the section the finding is attached to. */
  section?: { key: SectionKey | null; title: string };
}

export interface RuleContext {
  readonly ruleId: string;
  readonly model: ReportModel;
  readonly options: Record<string, unknown>;
  readonly locale: Locale;
  report(descriptor: ReportDescriptor): void;
  /** Marks the rule inapplicable for this report (the reason is shown). */
  inapplicable(reason: string): void;
  /**
   * Marks the rule incomplete: what it needs is present but could not be read, so a human must
   * look (the reason is shown; findings reported are kept). Never call it to hide a failure.
   */
  incomplete(reason: string): void;
}

export type Visitor = (node: TreeNode, parent: TreeNode | null) => void;
export type RuleVisitors = Partial<Record<string, Visitor | (() => void)>>;

export interface Rule {
  meta: RuleMeta;
  create(context: RuleContext): RuleVisitors | void;
}

export interface Plugin {
  name: string;
  rules: Record<string, Rule>;
  configs?: Record<string, AuditConfig>;
  /**
   * Table templates the plugin adds (each validated against schemas/template.schema.json when the
   * configuration is resolved); structure reads the tables of every enabled plugin's templates.
   */
  templates?: readonly TemplateDefinition[];
}

/** A configured severity: off, info, warning, error, or ESLint's 'warn' and 0 (off), 1 (warning), 2 (error). */
export type SeveritySetting = Severity | 'off' | 'warn' | 0 | 1 | 2;

export type RuleSetting =
  | SeveritySetting
  | [SeveritySetting, Record<string, unknown>?]
  | {
      severity?: SeveritySetting;
      options?: Record<string, unknown>;
      /** Per-message severity overrides. */
      messages?: Record<string, SeveritySetting>;
    };

export interface AuditConfig {
  locale?: Locale;
  /** Extra plugins; the built-in plugin is always loaded. */
  plugins?: readonly Plugin[];
  rules?: Record<string, RuleSetting>;
  /** Weight per impact (critical 10, serious 7, moderate 3, minor 1) or per rule id. */
  weights?: Partial<Record<Impact, number>> & Record<string, number>;
  /** Maximum findings one rule may report (default 200); the rest are counted, not listed. */
  maxFindingsPerRule?: number;
  /** Maximum input size in UTF-16 code units / bytes (default 20 MB). */
  maxInputSize?: number;
  /**
   * Milliseconds of work one rule may spend on a report (default 10,000). A rule over its budget is
   * not called again and its outcome is incomplete; synchronous code cannot be interrupted, so a
   * single call that never returns still hangs the audit.
   */
  ruleTimeBudget?: number;
  /** A report passes (`result.passed`) with no error finding and a score of at least this; default 60. */
  minScore?: number;
}

// ---------------------------------------------------------------------------
// The tree (mdast-compatible, with `section` nodes)
// ---------------------------------------------------------------------------

export interface TreeNode {
  type: string;
  position?: Position;
  children?: TreeNode[];
  value?: string;
  data?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface SectionNode extends TreeNode {
  type: 'section';
  depth: number;
  title: string;
  key: SectionKey | null;
  /** Index into `ReportModel.sections`. */
  index: number;
  children: TreeNode[];
}

// ---------------------------------------------------------------------------
// Table templates (schemas/template.schema.json; the built-in ones are rules/templates/*.json)
// ---------------------------------------------------------------------------

export type TableKind = 'T2' | 'T3' | 'T4' | 'STAT';
export type ValueType = 'count' | 'amount' | 'signed';

export interface ColumnDefinition {
  key: string;
  label: string;
  type: ValueType;
  /** Words of a cell note that name this column (「其中修订 16 件」 → 本年制发件数). */
  noteWords?: string[];
}

export interface RowDefinition {
  key: string;
  /** Verbatim label as printed in the template. */
  label: string;
  /** Label used in formulas and messages. */
  short?: string;
  /** Label forms to look for, best first (compacted before matching). */
  match: string[];
  parent: string | null;
  leaf: boolean;
  /** The template expects numbers in this row. */
  values: boolean;
  optional?: boolean;
  /** Columns of this row in printed order (default: all). */
  columns?: string[];
  type?: ValueType;
}

export interface CellRef {
  row: string;
  column: string;
  sign?: 1 | -1;
}

export type OperandDefinition =
  | CellRef
  | { rows: string[]; column: string; sign?: 1 | -1 }
  | { row: string; columns: string[]; sign?: 1 | -1 };

export interface SumIdentityDefinition {
  id: string;
  kind: IdentityKind;
  description: string;
  forEach?: { rows?: string[]; columns?: string[] };
  target: CellRef;
  op: IdentityOp;
  operands: OperandDefinition[];
  onlyIfTargetPresent?: boolean;
}

export interface CellCheckDefinition {
  id: string;
  kind: IdentityKind;
  description: string;
  check: 'cellType';
}

export type IdentityDefinition = SumIdentityDefinition | CellCheckDefinition;

export type ReadDefinition =
  | { mode: 'rows' }
  | { mode: 'flat'; after: string[]; order: Array<[string, string]> };

/** A table template: rows, columns and identities, as schemas/template.schema.json defines it. */
export interface TemplateDefinition {
  id: TableKind;
  /** e.g. 'TPL2021-T3'. */
  key: string;
  template: 'TPL2019' | 'TPL2021' | 'BOTH' | 'REG2007';
  name: string;
  variant?: string;
  markers: { start: string[]; strong?: string[] };
  read: ReadDefinition;
  columns: ColumnDefinition[];
  rows: RowDefinition[];
  identities: IdentityDefinition[];
}

/** How an identity is known: printed in the template (OFFICIAL), implied by its structure (STRUCTURAL), or inferred (INFERRED). */
export type IdentityKind = 'OFFICIAL' | 'STRUCTURAL' | 'INFERRED';
/** The comparison of an identity ('!=' flags a header row that repeats a sum). */
export type IdentityOp = '=' | '<=' | '>=' | '!=';

/** One identity (勾稽关系) of a recognised table, checked on the cells that were read. */
export interface IdentityCheck {
  identity: string;
  kind: IdentityKind;
  status: 'pass' | 'fail' | 'unchecked';
  /** The comparison: target op Σ operands ('!=' flags a header row that repeats a sum). */
  op: IdentityOp;
  /** zh */
  description: string;
  /** With Chinese row/column labels, e.g. 「（七）总计[自然人] = （一）予以公开[自然人] + …」. */
  formula: string;
  tableId: string;
  row: string;
  column: string;
  rowLabel: string;
  columnLabel: string;
  expected: number | null;
  actual: number | null;
  operands: Array<{ row: string; column: string; value: number | null }>;
  /** Operands (and target) that were blank, '/', '-' or not read. */
  blankOperands: number;
  /** Target cell range (offsets into the text given to readTables). */
  start: number;
  end: number;
}

export interface ReportModel {
  format: ReportFormat;
  uri?: string;
  meta: AuditMeta;
  /** The caller's source text (for docx/pdf: the extracted text). */
  source: string;
  /** Normalised analysis text: same line structure as `fullText`, chrome lines blanked to spaces. */
  text: string;
  /** Normalised text including chrome lines. */
  fullText: string;
  lines: TextLine[];
  title: { text: string; start: number; end: number } | null;
  year: number | null;
  yearSource: 'meta' | 'title' | 'period' | 'text' | null;
  era: Era | null;
  template: TemplateKey;
  expectedTemplate: TemplateKey;
  /** Template markers found (signals.md §6). */
  fingerprint: {
    tpl2021: string[];
    tpl2019: string[];
    shared: string[];
    stat: string[];
    e1: string[];
  };
  issuer: string | null;
  issuerType: IssuerType | null;
  issuerLevel: IssuerLevel | null;
  sections: SectionInfo[];
  tables: RecognisedTable[];
  /** Ranges [start, end) of `text` covered by the recognised tables, in the order of `tables`. */
  tableRanges: Array<[number, number]>;
  /**
   * Every template table the text prints (its heading or labels are there), read or not: how many
   * value cells its template has and how many were read. A table printed but not read in whole is
   * never a pass (spec/presentations.md §2.2).
   */
  printedTables: PrintedTable[];
  /**
   * The identity checks of one of `tables`, computed once when the model is built (treat them as
   * read-only). `start`/`end` of a check are offsets into `text`; report with the cells' positions.
   */
  identityChecks(table: RecognisedTable): readonly IdentityCheck[];
  /** The table templates the tables were read with (the built-in plugin's and any plugin's). */
  templates: readonly TemplateDefinition[];
  tree: TreeNode;
  /** The model of `meta.previous` (last year's report), when given; its own `previous` is null. */
  previous: ReportModel | null;
  /**
   * For a report given as bytes of text: the charset used and the ranges [start, end) of `source`
   * where decoding put replacement characters (U+FFFD) for bytes it could not read.
   */
  decoding?: { encoding: string; damaged: Array<[number, number]> };
  /** The publication date: `meta.publishedAt`, else a page metadata line (发布日期/发布时间…), else null. */
  publishedAt: { date: string; source: 'meta' | 'metadata' } | null;
  /** Maps an offset of `text` to a point in `source`. */
  pointAt(offset: number): Point;
  /** Maps a range of `text` to a position in `source`. */
  positionOf(start: number, end: number): Position;
  /** The offset of `text` where a source offset lands (the inverse of `pointAt`, by bisection). */
  textOffsetAt(sourceOffset: number): number;
  /** The source text of a range of `text`. */
  sourceSlice(start: number, end: number): string;
  /** The innermost section containing an offset of `text`, or null. */
  sectionAt(offset: number): SectionInfo | null;
  /** All sections with a key, in document order. */
  sectionsByKey(key: SectionKey): SectionInfo[];
}
