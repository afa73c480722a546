/**
 * xxgk-audit/testing — a rule tester for plugin authors, after ESLint's RuleTester.
 *
 *   import { RuleTester } from 'xxgk-audit/testing';
 *   import rule from './my-rule';
 *
 *   new RuleTester().run('my-rule', rule, {
 *     valid: ['2024年…政府信息公开指南…'],
 *     invalid: [{ input: '2024年…', errors: [{ messageId: 'missing', line: 1 }] }],
 *   });
 *
 * Each case is one test of the host framework (`describe`/`it` from the globals, as jest and
 * vitest with `globals: true` provide; set `RuleTester.describe`/`RuleTester.it` for anything else,
 * such as node:test). The audit runs only the rule under test (the built-in rules are off unless
 * `allRules` is set). A failed case throws a {@link RuleAssertionError} that says what was
 * expected, what was found, and lists every finding of the rule.
 *
 * This module uses only the library's public API, imported by the package's name (no internals, no
 * Node built-ins), so it is exactly what a third party could write.
 */
import { createAuditor, definePlugin, getRules } from 'xxgk-audit';
import type {
  AuditConfig,
  AuditInput,
  AuditResult,
  AuditSource,
  Auditor,
  Finding,
  FindingKind,
  FindingValue,
  Outcome,
  Rule,
  RuleOutcome,
  RuleSetting,
  SectionKey,
  Severity,
  SeveritySetting,
} from 'xxgk-audit';

// ---------------------------------------------------------------------------
// Auditing with one rule
// ---------------------------------------------------------------------------

/** How the rule under test is configured for one audit. */
export interface RuleTestSettings {
  /** The rule's options (merged over its `meta.defaultOptions` by the engine, as in a config file). */
  options?: Record<string, unknown>;
  /** A configured severity for the rule, as in `rules: { id: severity }` (changes all but its info messages). */
  severity?: SeveritySetting;
  /** Per-message severities, as in `rules: { id: { messages } }`. */
  messages?: Record<string, SeveritySetting>;
  /**
   * The rest of the configuration: locale, weights, maxFindingsPerRule, more plugins… Its `rules`
   * entries are kept (an entry for the rule under test is replaced when `options`, `severity` or
   * `messages` is given).
   */
  config?: AuditConfig;
  /** Runs the built-in rules (and the other plugins' rules) too; by default only the rule under test runs. */
  allRules?: boolean;
}

const NO_CONFIG = {};
/** Auditors by rule, then by config object, then by the JSON of the other settings: a config is validated once. */
const auditors = new WeakMap<Rule, WeakMap<object, Map<string, Auditor>>>();

function configFor(ruleId: string, rule: Rule, settings: RuleTestSettings): AuditConfig {
  const base = settings.config ?? {};
  const plugins = [...(base.plugins ?? []), definePlugin({ name: `rule-tester:${ruleId}`, rules: { [ruleId]: rule } })];
  const rules: Record<string, RuleSetting> = { ...(base.rules ?? {}) };
  if (!settings.allRules) {
    for (const { id } of getRules({ plugins })) if (id !== ruleId && !(id in rules)) rules[id] = 'off';
  }
  if (settings.options !== undefined || settings.severity !== undefined || settings.messages !== undefined) {
    const setting: Exclude<RuleSetting, SeveritySetting | unknown[]> = {};
    if (settings.severity !== undefined) setting.severity = settings.severity;
    if (settings.options !== undefined) setting.options = settings.options;
    if (settings.messages !== undefined) setting.messages = settings.messages;
    rules[ruleId] = setting;
  }
  return { ...base, plugins, rules };
}

function auditorFor(ruleId: string, rule: Rule, settings: RuleTestSettings): Auditor {
  let key: string | null;
  try {
    key = JSON.stringify([ruleId, settings.options, settings.severity, settings.messages, settings.allRules === true]);
  } catch {
    key = null; // options that are not JSON: not cached
  }
  if (key === null) return createAuditor(configFor(ruleId, rule, settings));
  let byConfig = auditors.get(rule);
  if (!byConfig) auditors.set(rule, (byConfig = new WeakMap()));
  const configKey = settings.config ?? NO_CONFIG;
  let byKey = byConfig.get(configKey);
  if (!byKey) byConfig.set(configKey, (byKey = new Map()));
  let auditor = byKey.get(key);
  if (!auditor) byKey.set(key, (auditor = createAuditor(configFor(ruleId, rule, settings))));
  return auditor;
}

/**
 * Audits `input` with `rule` registered under its `meta.id` and, unless `settings.allRules`, every
 * other rule off. Throws what `audit` throws (AuditConfigError for a bad rule or bad options,
 * AuditInputError for input it refuses).
 */
export function auditWithRule(rule: Rule, input: AuditSource, settings: RuleTestSettings = {}): AuditResult {
  const ruleId = rule?.meta?.id;
  if (typeof ruleId !== 'string' || ruleId === '') throw new TypeError('auditWithRule: the rule has no meta.id');
  return auditorFor(ruleId, rule, settings).audit(input);
}

/** The findings of one rule in a result, in the order reported. */
export function findingsOf(result: AuditResult, ruleId: string): Finding[] {
  return result.findings.filter((f) => f.ruleId === ruleId);
}

/** The outcome entry of one rule in a result; throws when the rule did not run (off or not registered). */
export function outcomeOf(result: AuditResult, ruleId: string): RuleOutcome {
  const outcome = result.rules.find((o) => o.ruleId === ruleId);
  if (!outcome) {
    throw new Error(`rule "${ruleId}" did not run (rules run: ${result.rules.map((o) => o.ruleId).join(', ') || 'none'})`);
  }
  return outcome;
}

// ---------------------------------------------------------------------------
// The tester
// ---------------------------------------------------------------------------

/** A report as a case gives it: text, or an input object (format, uri, meta…). */
export type RuleTestInput = AuditSource;

interface CaseBase extends RuleTestSettings {
  /** The report. */
  input: RuleTestInput;
  /** Merged over the input's `meta` (publishedAt, year, issuerType, previous…). */
  meta?: AuditInput['meta'];
  /** The test's name; default the start of the input. */
  name?: string;
  /** The outcome's `reason` (for inapplicable and incomplete): equal to a string, or matching a RegExp. */
  reason?: string | RegExp;
  /** Runs only this case (the framework's `it.only`, `RuleTester.itOnly`). */
  only?: boolean;
}

/** A report on which the rule reports nothing. A string is `{ input: string }`. */
export interface ValidCase extends CaseBase {
  /** The rule's outcome; default 'pass'. */
  outcome?: 'pass' | 'inapplicable' | 'incomplete';
}

/** One finding an invalid case expects. Only the fields given are compared. */
export interface ExpectedFinding {
  messageId: string;
  severity?: Severity;
  kind?: FindingKind;
  /** The formatted message: equal to a string, or matching a RegExp. */
  message?: string | RegExp;
  /** A subset of `finding.data`: every key given must match (objects recursively, arrays element by element). */
  data?: Record<string, unknown>;
  /** `finding.expected`, deeply equal (`undefined` asserts it is absent). */
  expected?: FindingValue;
  /** `finding.actual`, deeply equal (`undefined` asserts it is absent). */
  actual?: FindingValue;
  /** Where the finding starts and ends (line and column from 1). */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** `finding.snippet` (the source at the position, shortened to 80 characters). */
  snippet?: string;
  /** The input's text from the finding's start offset to its end offset (text inputs only): equal, or matching a RegExp. */
  text?: string | RegExp;
  /** The key of the section the finding belongs to (`null`: a section without a key). */
  section?: SectionKey | null;
}

/** A report on which the rule reports the findings given (all of them, in order), or as many as given. */
export interface InvalidCase extends CaseBase {
  errors: number | ExpectedFinding[];
  /** The rule's outcome; default 'fail' (a rule that reports only info findings passes: say 'pass'). */
  outcome?: Outcome;
}

export interface RuleTests {
  valid: Array<string | ValidCase>;
  invalid: InvalidCase[];
}

/**
 * The failure of a case: shaped as node:assert's AssertionError (`code`, `expected`, `actual`,
 * `operator`, a message of its own), so test frameworks print the message and a diff.
 */
export class RuleAssertionError extends Error {
  readonly code = 'ERR_ASSERTION';
  readonly generatedMessage = false;
  /** 'deepStrictEqual', 'match' (a RegExp expected) or 'fail' (a mistake in the case itself). */
  readonly operator: string;
  readonly expected: unknown;
  readonly actual: unknown;
  constructor(message: string, details: { expected?: unknown; actual?: unknown } = {}) {
    super(message);
    this.name = 'AssertionError';
    this.expected = details.expected;
    this.actual = details.actual;
    this.operator = !('expected' in details) ? 'fail' : details.expected instanceof RegExp ? 'match' : 'deepStrictEqual';
  }
}

/** The framework functions the tester calls; any `describe(name, fn)`/`it(name, fn)` pair fits. */
export type DescribeFunction = (name: string, fn: () => void) => unknown;
export type ItFunction = (name: string, fn: () => void) => unknown;

const globals = globalThis as { describe?: unknown; it?: unknown };
const fromGlobal = <T>(f: unknown): T | null => (typeof f === 'function' ? (f as T) : null);
/** Without a framework: the block runs at once; a case throws at once. */
const runNow = (_name: string, fn: () => void): void => fn();

/**
 * Runs `valid`/`invalid` tables for one rule, one test per case.
 *
 * ```ts
 * new RuleTester({ config: { locale: 'en' } }).run('required-phrases', rule, {
 *   valid: [seed003, { input: seed002, options: { phrases: ['无'] } }],
 *   invalid: [{ input: seed002, errors: [{ messageId: 'missing', severity: 'warning', line: 3 }] }],
 * });
 * ```
 */
export class RuleTester {
  static #describe: DescribeFunction | null = null;
  static #it: ItFunction | null = null;
  static #itOnly: ItFunction | null = null;

  /** The framework's `describe`; default the global one, else a function that runs the block. Set `null` to reset. */
  static get describe(): DescribeFunction {
    return RuleTester.#describe ?? fromGlobal<DescribeFunction>(globals.describe) ?? runNow;
  }
  static set describe(fn: DescribeFunction | null) {
    RuleTester.#describe = fn;
  }
  /** The framework's `it`; default the global one, else a function that runs the case (and throws its failure). */
  static get it(): ItFunction {
    return RuleTester.#it ?? fromGlobal<ItFunction>(globals.it) ?? runNow;
  }
  static set it(fn: ItFunction | null) {
    RuleTester.#it = fn;
  }
  /** `it.only`, for cases with `only: true`; default the global `it.only`. */
  static get itOnly(): ItFunction {
    if (RuleTester.#itOnly) return RuleTester.#itOnly;
    const only = fromGlobal<ItFunction>((RuleTester.it as unknown as { only?: unknown }).only);
    if (only) return only;
    throw new Error('RuleTester: `only: true` needs it.only; set RuleTester.itOnly');
  }
  static set itOnly(fn: ItFunction | null) {
    RuleTester.#itOnly = fn;
  }

  readonly #defaults: RuleTestSettings;

  /** `defaults` apply to every case (a case's own settings win; its `config` is merged over the defaults'). */
  constructor(defaults: RuleTestSettings = {}) {
    this.#defaults = defaults;
  }

  /** Declares `describe(ruleId)` with one `it` per case. `ruleId` is the rule's `meta.id`. */
  run(ruleId: string, rule: Rule, tests: RuleTests): void {
    if (rule?.meta?.id !== ruleId) throw new TypeError(`RuleTester.run: "${ruleId}" is not the rule's meta.id (${JSON.stringify(rule?.meta?.id)})`);
    if (!tests || !Array.isArray(tests.valid) || !Array.isArray(tests.invalid)) {
      throw new TypeError('RuleTester.run: tests must be { valid: [...], invalid: [...] }');
    }
    RuleTester.describe(ruleId, () => {
      RuleTester.describe('valid', () => {
        tests.valid.forEach((c, i) => {
          const vc: ValidCase = typeof c === 'string' ? { input: c } : c;
          (vc.only ? RuleTester.itOnly : RuleTester.it)(nameOf(vc), () => this.#checkValid(ruleId, rule, vc, i));
        });
      });
      RuleTester.describe('invalid', () => {
        tests.invalid.forEach((c, i) => {
          (c.only ? RuleTester.itOnly : RuleTester.it)(nameOf(c), () => this.#checkInvalid(ruleId, rule, c, i));
        });
      });
    });
  }

  #audit(rule: Rule, c: CaseBase): AuditResult {
    const d = this.#defaults;
    const settings: RuleTestSettings = {
      options: c.options ?? d.options,
      severity: c.severity ?? d.severity,
      messages: c.messages ?? d.messages,
      allRules: c.allRules ?? d.allRules,
      config: d.config && c.config ? { ...d.config, ...c.config } : (c.config ?? d.config),
    };
    return auditWithRule(rule, withMeta(c.input, c.meta), settings);
  }

  #checkValid(ruleId: string, rule: Rule, c: ValidCase, index: number): void {
    const fail = failer(`valid case ${index + 1} (${JSON.stringify(nameOf(c))}) of rule "${ruleId}"`);
    const result = this.#audit(rule, c);
    const found = findingsOf(result, ruleId);
    const report = () => describeRun(result, ruleId, found);
    checkErrors(result, ruleId, fail);
    if (found.length > 0) {
      fail(`expected no finding, got ${found.length}`, { expected: [], actual: found.map(summary) }, report());
    }
    checkOutcome(result, ruleId, c.outcome ?? 'pass', c.reason, fail, report);
  }

  #checkInvalid(ruleId: string, rule: Rule, c: InvalidCase, index: number): void {
    const fail = failer(`invalid case ${index + 1} (${JSON.stringify(nameOf(c))}) of rule "${ruleId}"`);
    const expected = c.errors;
    const count = typeof expected === 'number' ? expected : Array.isArray(expected) ? expected.length : NaN;
    if (!Number.isInteger(count) || count < 1) {
      fail('`errors` must be a positive count or a non-empty list of expected findings (a case without findings is valid)');
    }
    if (Array.isArray(expected)) {
      for (const e of expected) {
        if (!e || typeof e.messageId !== 'string' || !Object.hasOwn(rule.meta.messages, e.messageId)) {
          fail(`unknown messageId ${JSON.stringify(e?.messageId)}; the rule's messages: ${Object.keys(rule.meta.messages).join(', ')}`);
        }
      }
    }
    const result = this.#audit(rule, c);
    const found = findingsOf(result, ruleId);
    const report = () => describeRun(result, ruleId, found);
    checkErrors(result, ruleId, fail);
    if (found.length !== count) {
      fail(
        `expected ${count} finding${count === 1 ? '' : 's'}, got ${found.length}`,
        { expected: Array.isArray(expected) ? expected.map((e) => e.messageId) : count, actual: found.map((f) => f.messageId) },
        report(),
      );
    }
    if (Array.isArray(expected)) {
      const source = sourceText(c.input);
      expected.forEach((e, i) => checkFinding(e, found[i]!, `finding ${i + 1} of ${count}`, source, fail, report));
    }
    checkOutcome(result, ruleId, c.outcome ?? 'fail', c.reason, fail, report);
  }
}

// ---------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------

type Fail = (problem: string, details?: { expected?: unknown; actual?: unknown }, report?: string) => never;

function failer(what: string): Fail {
  return (problem, details = {}, report) => {
    const lines = [`${what}: ${problem}`];
    if ('expected' in details || 'actual' in details) {
      lines.push(`  expected: ${show(details.expected)}`, `  actual:   ${show(details.actual)}`);
    }
    if (report) lines.push(report);
    throw new RuleAssertionError(lines.join('\n'), details);
  };
}

function checkErrors(result: AuditResult, ruleId: string, fail: Fail): void {
  const errors = result.errors.filter((e) => e.ruleId === ruleId);
  if (errors.length > 0) fail(`the rule threw: ${errors.map((e) => e.message).join('; ')}`, { expected: [], actual: errors.map((e) => e.message) });
}

function checkOutcome(result: AuditResult, ruleId: string, want: Outcome, reason: string | RegExp | undefined, fail: Fail, report: () => string): void {
  const outcome = outcomeOf(result, ruleId);
  if (outcome.outcome !== want) fail('outcome differs', { expected: want, actual: outcome.outcome }, report());
  if (reason !== undefined && !matchesText(outcome.reason, reason)) {
    fail('outcome reason differs', { expected: reason, actual: outcome.reason }, report());
  }
}

function checkFinding(e: ExpectedFinding, f: Finding, which: string, source: string | null, fail: Fail, report: () => string): void {
  const differs = (field: string, expected: unknown, actual: unknown) =>
    fail(`${which}: ${field} differs`, { expected, actual }, report());
  if (f.messageId !== e.messageId) differs('messageId', e.messageId, f.messageId);
  if (e.severity !== undefined && f.severity !== e.severity) differs('severity', e.severity, f.severity);
  if (e.kind !== undefined && f.kind !== e.kind) differs('kind', e.kind, f.kind);
  if (e.message !== undefined && !matchesText(f.message, e.message)) differs('message', e.message, f.message);
  if (e.data !== undefined && !matchesSubset(f.data ?? {}, e.data)) differs('data (the keys given)', e.data, pick(f.data ?? {}, e.data));
  if ('expected' in e && !deepEqual(f.expected, e.expected)) differs('expected', e.expected, f.expected);
  if ('actual' in e && !deepEqual(f.actual, e.actual)) differs('actual', e.actual, f.actual);
  const { start, end } = f.position;
  if (e.line !== undefined && start.line !== e.line) differs('line', e.line, start.line);
  if (e.column !== undefined && start.column !== e.column) differs('column', e.column, start.column);
  if (e.endLine !== undefined && end.line !== e.endLine) differs('endLine', e.endLine, end.line);
  if (e.endColumn !== undefined && end.column !== e.endColumn) differs('endColumn', e.endColumn, end.column);
  if (e.snippet !== undefined && f.snippet !== e.snippet) differs('snippet', e.snippet, f.snippet);
  if (e.text !== undefined) {
    if (source === null) fail(`${which}: \`text\` needs an input whose content is a string`);
    const text = source.slice(start.offset, end.offset);
    if (!matchesText(text, e.text)) differs('text', e.text, text);
  }
  if ('section' in e && (f.section?.key ?? undefined) !== e.section) differs('section', e.section, f.section?.key);
}

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

function withMeta(input: RuleTestInput, meta: AuditInput['meta'] | undefined): AuditSource {
  if (meta === undefined) return input;
  if (typeof input === 'string') return { content: input, meta };
  return { ...input, meta: { ...(input.meta ?? {}), ...meta } } as AuditSource;
}

function sourceText(input: RuleTestInput): string | null {
  if (typeof input === 'string') return input;
  return typeof input?.content === 'string' ? input.content : null;
}

function shorten(s: string, max = 60): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? one.slice(0, max - 1) + '…' : one;
}

function nameOf(c: CaseBase): string {
  if (c.name) return c.name;
  const input = c.input;
  if (typeof input === 'string') return shorten(input) || '(empty)';
  const text = typeof input?.content === 'string' ? shorten(input.content) : `${input?.content?.length ?? 0} bytes`;
  return input?.uri ? `${input.uri}: ${text}` : text;
}

function summary(f: Finding): string {
  const at = `${f.position.start.line}:${f.position.start.column}`;
  return `${f.messageId} (${f.severity}) at ${at} 「${shorten(f.snippet, 40)}」`;
}

function describeRun(result: AuditResult, ruleId: string, found: Finding[]): string {
  const outcome = result.rules.find((o) => o.ruleId === ruleId);
  const lines = [`the rule's outcome: ${outcome ? outcome.outcome + (outcome.reason ? ` (${outcome.reason})` : '') : 'none (did not run)'}`];
  lines.push(found.length === 0 ? 'the rule reported no finding' : `the rule reported ${found.length}:`);
  found.forEach((f, i) => lines.push(`  ${i + 1}. ${summary(f)}: ${f.message}`));
  return lines.join('\n');
}

function show(v: unknown): string {
  if (v instanceof RegExp) return String(v);
  if (v === undefined) return 'undefined';
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

function matchesText(actual: string | undefined, expected: string | RegExp): boolean {
  if (actual === undefined) return false;
  // search() starts at 0 whatever the flags and leaves lastIndex as it was (test() on a /g RegExp would not).
  return typeof expected === 'string' ? actual === expected : actual.search(expected) >= 0;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/** `expected` is a subset of `actual`: objects by the keys given, arrays of the same length element by element, RegExps match strings. */
function matchesSubset(actual: unknown, expected: unknown): boolean {
  if (expected instanceof RegExp) return typeof actual === 'string' && matchesText(actual, expected);
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((x, i) => matchesSubset(actual[i], x));
  if (isObject(expected)) return isObject(actual) && Object.keys(expected).every((k) => matchesSubset(actual[k], expected[k]));
  return deepEqual(actual, expected);
}

/** The keys of `actual` that `expected` names, for a diff of the same shape. */
function pick(actual: Record<string, unknown>, expected: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(expected).map((k) => [k, actual[k]]));
}

