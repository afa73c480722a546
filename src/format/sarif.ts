/**
 * SARIF 2.1.0 (OASIS): one run for a batch of reports. `tool.driver.rules` come from the rule metadata,
 * each finding is a result with its physical location (line/column in UTF-16 code units, as the
 * AuditResult positions are), rule crashes and unreadable files are tool execution notifications.
 * The output validates against the official schema (schemas/sarif-2.1.0.json).
 */
import type { AuditResult, Finding, RuleMeta, Severity } from '../types';
import { describeRule, ruleIdsOf, ruleIndex, wordsFor, type FormatOptions } from './labels';
import { isBinaryFormat } from '../extract/formats';

export interface SarifFormatOptions extends FormatOptions {
  /** The tool version shown in `tool.driver.version` (the CLI passes the package version). */
  toolVersion?: string;
  /**
   * The folder relative report uris are relative to, as an absolute `file:` URI ending in `/`
   * (e.g. the working directory). Becomes `originalUriBaseIds.SRCROOT`.
   */
  srcRoot?: string;
}

/** The SARIF log as plain JSON (the subset of SARIF 2.1.0 this tool writes). */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}

export interface SarifRun {
  tool: { driver: Record<string, unknown> & { name: string; rules: SarifRule[] } };
  invocations: Array<Record<string, unknown> & { executionSuccessful: boolean }>;
  originalUriBaseIds?: Record<string, { uri: string }>;
  artifacts: Array<Record<string, unknown>>;
  results: SarifResult[];
  columnKind: 'utf16CodeUnits';
  properties?: Record<string, unknown>;
}

export interface SarifRule {
  id: string;
  name?: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri?: string;
  help?: { text: string };
  defaultConfiguration: { level: SarifLevel; enabled: boolean };
  properties: Record<string, unknown>;
}

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  kind: 'fail' | 'review';
  level: SarifLevel;
  message: { text: string };
  locations: Array<{ physicalLocation: Record<string, unknown> }>;
  partialFingerprints: Record<string, string>;
  properties: Record<string, unknown>;
}

const SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://www.npmjs.com/package/xxgk-audit';
const FINGERPRINT_KEY = 'xxgkAuditFingerprint/v1';
const SRCROOT = 'SRCROOT';

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };
const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Builds a SARIF 2.1.0 log for audit results (pure: returns a JSON-ready object). */
export function toSarif(results: ReadonlyArray<AuditResult>, options: SarifFormatOptions = {}): SarifLog {
  const w = wordsFor(options.locale);
  const metas = ruleIndex(options);
  // Rules: every known rule (given or built-in), then any rule id only the results mention.
  const ids = [...metas.keys()];
  for (const id of ruleIdsOf(results)) if (!metas.has(id)) ids.push(id);
  const rules = ids.map((id) => sarifRule(id, metas.get(id), options));
  const ruleIndexOf = new Map(ids.map((id, i) => [id, i]));

  const artifacts: Array<Record<string, unknown>> = [];
  const artifactIndex = new Map<string, number>();
  const locate = (uri: string | undefined): Record<string, unknown> | undefined => {
    if (uri === undefined) return undefined;
    let index = artifactIndex.get(uri);
    if (index === undefined) {
      index = artifacts.length;
      artifactIndex.set(uri, index);
      artifacts.push({ location: artifactLocation(uri, options) });
    }
    return { ...artifactLocation(uri, options), index };
  };

  const sarifResults: SarifResult[] = [];
  const notifications: Array<Record<string, unknown>> = [];
  for (const result of results) {
    const location = locate(result.report.uri);
    if (location) {
      const artifact = artifacts[location.index as number]!;
      artifact.properties = artifactProperties(result);
    }
    for (const f of result.findings) {
      sarifResults.push(sarifResult(f, ruleIndexOf.get(f.ruleId) ?? -1, location, result));
    }
    for (const e of result.errors) {
      const n: Record<string, unknown> = {
        level: 'error',
        message: { text: w.ruleCrashed(e.ruleId, e.message) },
        descriptor: { id: 'rule-crashed' },
        associatedRule: { id: e.ruleId, index: ruleIndexOf.get(e.ruleId) ?? -1 },
      };
      if (location) n.locations = [{ physicalLocation: { artifactLocation: location } }];
      notifications.push(n);
    }
  }
  for (const e of options.inputErrors ?? []) notifications.push(inputErrorNotification(e, options));

  const driver = driverOf(rules, options);
  const run: SarifRun = {
    tool: { driver },
    invocations: [
      {
        executionSuccessful: notifications.length === 0,
        toolExecutionNotifications: notifications,
      },
    ],
    artifacts,
    results: sarifResults,
    columnKind: 'utf16CodeUnits',
  };
  if (options.srcRoot) run.originalUriBaseIds = { [SRCROOT]: { uri: withSlash(options.srcRoot) } };
  return { $schema: SCHEMA_URI, version: '2.1.0', runs: [run] };
}

/**
 * SARIF written piece by piece, for a batch too big to hold: the log up to its results (`head`), each
 * report's results as it comes (`results`) and its artifact (`artifact`, to be written between `middle`
 * and `tail`, in the same order), then the rules, invocation and notifications at the end (`tail`).
 * The pieces joined in that order are one SARIF 2.1.0 log holding what `toSarif` builds for the same
 * reports (its members in another order, pretty-printed the same way). It keeps only the rule index
 * and the rule crashes; a caller that cannot hold the artifacts either can spool them (the CLI writes
 * them to a temporary file). Reports are taken to be distinct files: each gets an artifact of its own.
 */
export interface SarifStream {
  /** The log up to the opening of `runs[0].results`. */
  head(): string;
  /** The results of one report (its findings), each with the comma before it when needed. */
  results(result: AuditResult): string;
  /** The artifact of the report last given to `results` ('' for a report without a uri). */
  artifact(result: AuditResult): string;
  /** Closes the results and opens the artifacts. */
  middle(): string;
  /** Closes the artifacts, then the invocation (with `options.inputErrors` and the rule crashes), the tool and the log. */
  tail(inputErrors?: SarifFormatOptions['inputErrors']): string;
}

const pretty = (value: unknown, depth: number): string => JSON.stringify(value, null, 2).replace(/\n/g, '\n' + '  '.repeat(depth));

export function sarifStream(options: SarifFormatOptions = {}): SarifStream {
  const w = wordsFor(options.locale);
  const metas = ruleIndex(options);
  const ids = [...metas.keys()];
  const ruleIndexOf = new Map(ids.map((id, i) => [id, i]));
  const indexOf = (id: string): number => {
    let i = ruleIndexOf.get(id);
    if (i === undefined) {
      i = ids.length;
      ids.push(id);
      ruleIndexOf.set(id, i);
    }
    return i;
  };
  const notifications: Array<Record<string, unknown>> = [];
  let resultCount = 0;
  let artifactCount = 0;
  let location: Record<string, unknown> | undefined;
  const item = (value: unknown, count: number) => `${count > 0 ? ',' : ''}\n        ${pretty(value, 4)}`;

  return {
    head() {
      const top = ['{', `  "$schema": ${JSON.stringify(SCHEMA_URI)},`, '  "version": "2.1.0",', '  "runs": [', '    {', '      "columnKind": "utf16CodeUnits",'];
      if (options.srcRoot) top.push(`      "originalUriBaseIds": ${pretty({ [SRCROOT]: { uri: withSlash(options.srcRoot) } }, 3)},`);
      return top.join('\n') + '\n      "results": [';
    },
    results(result) {
      location = result.report.uri === undefined ? undefined : { ...artifactLocation(result.report.uri, options), index: artifactCount };
      let out = '';
      for (const f of result.findings) out += item(sarifResult(f, indexOf(f.ruleId), location, result), resultCount++);
      for (const e of result.errors) {
        const n: Record<string, unknown> = {
          level: 'error',
          message: { text: w.ruleCrashed(e.ruleId, e.message) },
          descriptor: { id: 'rule-crashed' },
          associatedRule: { id: e.ruleId, index: indexOf(e.ruleId) },
        };
        if (location) n.locations = [{ physicalLocation: { artifactLocation: location } }];
        notifications.push(n);
      }
      return out;
    },
    artifact(result) {
      if (result.report.uri === undefined) return '';
      return item({ location: artifactLocation(result.report.uri, options), properties: artifactProperties(result) }, artifactCount++);
    },
    middle() {
      return `${resultCount > 0 ? '\n      ' : ''}],\n      "artifacts": [`;
    },
    tail(inputErrors = options.inputErrors) {
      for (const e of inputErrors ?? []) notifications.push(inputErrorNotification(e, options));
      const invocations = [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }];
      const tool = { driver: driverOf(ids.map((id) => sarifRule(id, metas.get(id), options)), options) };
      return (
        `${artifactCount > 0 ? '\n      ' : ''}],\n      "invocations": ${pretty(invocations, 3)},\n      "tool": ${pretty(tool, 3)}\n    }\n  ]\n}\n`
      );
    },
  };
}

function artifactProperties(result: AuditResult): Record<string, unknown> {
  return {
    score: result.score,
    passed: result.passed,
    format: result.report.format,
    year: result.report.year,
    template: result.report.template,
    issuer: result.report.issuer,
    title: result.report.title,
  };
}

function inputErrorNotification(e: { uri: string; message: string }, options: SarifFormatOptions): Record<string, unknown> {
  return {
    level: 'error',
    message: { text: `${e.uri}: ${e.message}` },
    descriptor: { id: 'input-unreadable' },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(e.uri, options) } }],
  };
}

function driverOf(rules: SarifRule[], options: SarifFormatOptions): SarifRun['tool']['driver'] {
  const driver: SarifRun['tool']['driver'] = {
    name: 'xxgk-audit',
    informationUri: INFORMATION_URI,
    rules,
  };
  if (options.toolVersion) {
    driver.version = options.toolVersion;
    if (/^\d+\.\d+\.\d+/.test(options.toolVersion)) driver.semanticVersion = options.toolVersion;
  }
  return driver;
}

function sarifRule(id: string, meta: RuleMeta | undefined, options: SarifFormatOptions): SarifRule {
  const locale = options.locale;
  const short = describeRule(meta, id, locale);
  const other = meta ? describeRule(meta, id, locale === 'en' ? 'zh-CN' : 'en') : '';
  const full = [short, other && other !== short ? other : '', meta?.docs.requires ? `(${meta.docs.requires})` : '']
    .filter(Boolean)
    .join(' — ');
  const rule: SarifRule = {
    id,
    shortDescription: { text: short },
    fullDescription: { text: full || id },
    defaultConfiguration: { level: defaultLevel(meta), enabled: true },
    properties: meta ? { impact: meta.impact, tags: ['xxgk-audit', meta.impact] } : {},
  };
  if (meta) {
    const lines = Object.entries(meta.messages).map(([mid, def]) => {
      const text = (locale === 'en' ? def.text.en : undefined) ?? def.text['zh-CN'];
      return `${mid} (${def.severity}): ${text}`;
    });
    if (lines.length > 0) rule.help = { text: lines.join('\n') };
    if (meta.appliesTo?.length) rule.properties.appliesTo = [...meta.appliesTo];
  }
  const url = meta?.docs.url;
  if (url && /^[a-z][a-z0-9+.-]*:\S+$/i.test(url)) rule.helpUri = url;
  return rule;
}

/** The highest severity among the rule's messages. */
function defaultLevel(meta: RuleMeta | undefined): SarifLevel {
  if (!meta) return 'warning';
  let max: Severity = 'info';
  for (const def of Object.values(meta.messages)) if (RANK[def.severity] > RANK[max]) max = def.severity;
  return LEVEL[max];
}

function sarifResult(
  f: Finding,
  ruleIndex: number,
  artifact: Record<string, unknown> | undefined,
  result: AuditResult,
): SarifResult {
  const { start, end } = f.position;
  const region: Record<string, unknown> = {
    startLine: start.line,
    startColumn: start.column,
    endLine: end.line,
    endColumn: end.column,
  };
  // Offsets point into the file's text for text formats; for binary ones (docx, pdf) they point into
  // the extracted text (report.text), not into the file's bytes, so no char offsets there.
  if (!isBinaryFormat(result.report.format)) {
    region.charOffset = start.offset;
    region.charLength = Math.max(0, end.offset - start.offset);
  }
  if (f.snippet) region.snippet = { text: f.snippet };
  // SARIF regions have no page: the page (PDF input) goes in the region's property bag.
  if (start.page) region.properties = end.page && end.page !== start.page ? { page: start.page, endPage: end.page } : { page: start.page };
  const physicalLocation: Record<string, unknown> = artifact ? { artifactLocation: artifact, region } : { region };

  const properties: Record<string, unknown> = { severity: f.severity, impact: f.impact, messageId: f.messageId };
  if (f.section) properties.section = f.section;
  if (f.expected !== undefined) properties.expected = f.expected;
  if (f.actual !== undefined) properties.actual = f.actual;
  if (f.data !== undefined) properties.data = f.data;

  return {
    ruleId: f.ruleId,
    ruleIndex,
    kind: f.kind,
    // SARIF: a result whose kind is not "fail" has level "none".
    level: f.kind === 'fail' ? LEVEL[f.severity] : 'none',
    message: { text: f.message },
    locations: [{ physicalLocation }],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    properties,
  };
}

/** A uri reference for a report: relative paths against SRCROOT, absolute paths as file: URIs. */
function artifactLocation(uri: string, options: SarifFormatOptions): Record<string, unknown> {
  if (/^[a-z][a-z0-9+.-]+:/i.test(uri) && !/^[a-z]:[\\/]/i.test(uri)) return { uri: uri.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c)) };
  const path = uri.replace(/\\/g, '/');
  if (path.startsWith('/')) return { uri: 'file://' + encodePath(path) };
  if (/^[a-z]:\//i.test(path)) return { uri: 'file:///' + path.slice(0, 2) + encodePath(path.slice(2)) };
  const out: Record<string, unknown> = { uri: encodePath(path) };
  if (options.srcRoot) out.uriBaseId = SRCROOT;
  return out;
}

function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function withSlash(uri: string): string {
  return uri.endsWith('/') ? uri : uri + '/';
}
