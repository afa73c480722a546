/**
 * Resolves and validates a configuration against the loaded plugins. Rule option schemas are compiled
 * once per rule object and cached.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import configSchema from '../../schemas/audit-config.schema.json' with { type: 'json' };
import { compileTemplates, type TemplateSet } from '../structure/tables/templates';
import type { AuditConfig, Impact, Locale, Plugin, Rule, RuleSetting, Severity, SeveritySetting, TemplateDefinition } from '../types';
import { AuditConfigError } from '../errors';

export const DEFAULT_WEIGHTS: Record<Impact, number> = { critical: 10, serious: 7, moderate: 3, minor: 1 };
export const DEFAULT_MAX_FINDINGS = 200;
/** The lowest score a report passes with (DESIGN.md: `passed`). */
export const DEFAULT_MIN_SCORE = 60;
/** Milliseconds of work one rule may spend on one report. */
export const DEFAULT_RULE_TIME_BUDGET = 10_000;

const ajv = new Ajv({ allErrors: true, useDefaults: false, strict: false });
const validateConfig = ajv.compile(configSchema);
const optionValidators = new WeakMap<Rule, ValidateFunction | null>();

export interface ResolvedRule {
  rule: Rule;
  id: string;
  /** Rule-level severity override for its error/warning messages. */
  severity?: Severity;
  /** Per-message severity overrides. */
  messages: Record<string, Severity | 'off'>;
  options: Record<string, unknown>;
  weight: number;
}

export interface ResolvedConfig {
  locale: Locale;
  rules: ResolvedRule[];
  maxFindingsPerRule: number;
  maxInputSize?: number;
  /** Milliseconds one rule may spend on a report. */
  ruleTimeBudget: number;
  /** A report passes with no error finding and a score of at least this. */
  minScore: number;
  /** The enabled plugins' table templates, compiled. */
  templates: TemplateSet;
}

const IMPACTS = new Set(['critical', 'serious', 'moderate', 'minor']);
const SEVERITIES = new Set(['error', 'warning', 'info']);

function checkRule(id: string, rule: Rule): void {
  const fail = (problem: string) => {
    throw new AuditConfigError(`rule "${id}": ${problem}`, { ruleId: id, code: 'BAD_PLUGIN' });
  };
  if (!rule || typeof rule !== 'object' || typeof rule.create !== 'function') fail('a rule is { meta, create(context) }');
  const meta = rule.meta;
  if (!meta || typeof meta !== 'object') fail('missing meta');
  if (meta.id !== id) fail(`meta.id is "${String(meta.id)}", expected "${id}"`);
  if (!IMPACTS.has(meta.impact)) fail(`meta.impact must be critical, serious, moderate or minor`);
  if (!meta.messages || Object.keys(meta.messages).length === 0) fail('meta.messages is empty');
  for (const [mid, def] of Object.entries(meta.messages)) {
    if (!def || !SEVERITIES.has(def.severity)) fail(`message "${mid}" needs a severity (error, warning or info)`);
    if (typeof def.text?.['zh-CN'] !== 'string') fail(`message "${mid}" needs a zh-CN text`);
  }
}

function optionValidator(rule: Rule): ValidateFunction | null {
  let v = optionValidators.get(rule);
  if (v === undefined) {
    try {
      v = rule.meta.schema ? ajv.compile(rule.meta.schema) : null;
    } catch (e) {
      throw new AuditConfigError(`rule "${rule.meta.id}": its options schema does not compile: ${(e as Error).message}`, {
        ruleId: rule.meta.id,
        code: 'BAD_PLUGIN',
      });
    }
    optionValidators.set(rule, v);
  }
  return v;
}

/** ESLint's spellings of a severity, as this library names them. */
const SEVERITY_ALIASES: Record<string, Severity | 'off'> = { warn: 'warning', '0': 'off', '1': 'warning', '2': 'error' };

function severityOf(setting: SeveritySetting | undefined): Severity | 'off' | undefined {
  if (setting === undefined) return undefined;
  return SEVERITY_ALIASES[String(setting)] ?? (setting as Severity | 'off');
}

function normaliseSetting(setting: RuleSetting): {
  severity?: Severity | 'off';
  options?: Record<string, unknown>;
  messages?: Record<string, Severity | 'off'>;
} {
  if (!Array.isArray(setting) && typeof setting === 'object') {
    const messages: Record<string, Severity | 'off'> = {};
    for (const [mid, sev] of Object.entries(setting.messages ?? {})) messages[mid] = severityOf(sev)!;
    return { severity: severityOf(setting.severity), options: setting.options, messages: setting.messages ? messages : undefined };
  }
  if (Array.isArray(setting)) return { severity: severityOf(setting[0]), options: setting[1] };
  return { severity: severityOf(setting) };
}

const SEVERITY_WORDS = ['off', 'info', 'warning', 'error'];
const SEVERITY_ALLOWED = [...SEVERITY_WORDS, 'warn', '0', '1', '2'];
const TOP_LEVEL = Object.keys((configSchema as { properties: Record<string, unknown> }).properties);

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** `/rules/contact-info/0` → `rules.contact-info[0]`, the way a person writes the property. */
function propertyOf(instancePath: string): string {
  const parts = instancePath.split('/').slice(1).map((p) => decodeURIComponent(p.replace(/~1/g, '/').replace(/~0/g, '~')));
  return parts.reduce((out, p) => (/^\d+$/.test(p) ? `${out}[${p}]` : out ? `${out}.${p}` : p), '');
}

/** One clear AuditConfigError from ajv's errors: the property, what is wrong, and what is allowed. */
function configSchemaError(errors: AjvError[]): AuditConfigError {
  const details = errors as unknown[];
  const extra = errors.find((e) => e.keyword === 'additionalProperties');
  if (extra && extra.instancePath === '') {
    const name = String(extra.params.additionalProperty);
    return new AuditConfigError(`unknown property "${name}" in the configuration; allowed: ${TOP_LEVEL.join(', ')}`, {
      code: 'BAD_CONFIG',
      property: name,
      allowed: TOP_LEVEL,
      details,
    });
  }
  const ruleMatch = /^\/rules\/([^/]+)/.exec(errors[0]?.instancePath ?? '');
  if (ruleMatch) {
    const ruleId = decodeURIComponent(ruleMatch[1]!);
    // An unknown key in the object form, else the deepest enum error under the rule (a bad severity).
    const unknownKey = errors.some((e) => e.keyword === 'additionalProperties');
    const enums = errors.filter((e) => e.keyword === 'enum' && e.instancePath.startsWith(`/rules/${ruleMatch[1]}`));
    const severityError = unknownKey ? undefined : enums.reduce<AjvError | undefined>((a, b) => (!a || b.instancePath.length > a.instancePath.length ? b : a), undefined);
    const where = severityError ? propertyOf(severityError.instancePath) : `rules.${ruleId}`;
    if (severityError || (!unknownKey && errors.every((e) => e.instancePath === `/rules/${ruleMatch[1]}`))) {
      return new AuditConfigError(
        `${where}: not a severity; allowed: ${SEVERITY_ALLOWED.join(', ')} (or [severity, options], or { severity, options, messages })`,
        { code: 'BAD_SEVERITY', ruleId, property: where, allowed: SEVERITY_ALLOWED, details },
      );
    }
    const deepest = errors.find((e) => e.keyword === 'additionalProperties') ?? errors.reduce((a, b) => (b.instancePath.length > a.instancePath.length ? b : a));
    const name = deepest.keyword === 'additionalProperties' ? String(deepest.params.additionalProperty) : undefined;
    return new AuditConfigError(
      name
        ? `${propertyOf(deepest.instancePath)}: unknown property "${name}"; allowed: severity, options, messages`
        : `${propertyOf(deepest.instancePath)}: ${deepest.message ?? 'invalid'}`,
      { code: 'BAD_CONFIG', ruleId, property: propertyOf(deepest.instancePath), details, allowed: name ? ['severity', 'options', 'messages'] : undefined },
    );
  }
  const first = errors[0]!;
  const property = propertyOf(first.instancePath) || '(root)';
  const allowed = Array.isArray(first.params.allowedValues) ? (first.params.allowedValues as unknown[]).map(String) : undefined;
  return new AuditConfigError(
    allowed ? `${property}: not an allowed value; allowed: ${allowed.join(', ')}` : `${property}: ${first.message ?? 'invalid'}`,
    { code: 'BAD_CONFIG', property, allowed, details },
  );
}

export function resolveConfig(config: AuditConfig | undefined, builtIn: Plugin): ResolvedConfig {
  const cfg = config ?? {};
  if (typeof cfg !== 'object' || cfg === null || Array.isArray(cfg)) {
    throw new AuditConfigError('config must be an object', { code: 'BAD_CONFIG' });
  }
  if (!validateConfig(cfg)) throw configSchemaError((validateConfig.errors ?? []) as AjvError[]);
  const plugins = [builtIn, ...(cfg.plugins ?? [])];
  const all = new Map<string, Rule>();
  for (const plugin of plugins) {
    if (!plugin || typeof plugin !== 'object' || typeof plugin.rules !== 'object') {
      throw new AuditConfigError('a plugin is { name, rules: { [id]: rule } }', { code: 'BAD_PLUGIN' });
    }
    for (const [id, rule] of Object.entries(plugin.rules)) {
      checkRule(id, rule);
      if (all.has(id) && all.get(id) !== rule) {
        throw new AuditConfigError(`rule "${id}" is defined twice (plugin "${plugin.name}")`, { ruleId: id, code: 'BAD_PLUGIN' });
      }
      all.set(id, rule);
    }
  }
  const settings = cfg.rules ?? {};
  for (const id of Object.keys(settings)) {
    if (!all.has(id)) {
      throw new AuditConfigError(`rules.${id}: unknown rule "${id}"; known rules: ${[...all.keys()].join(', ')}`, {
        ruleId: id,
        code: 'UNKNOWN_RULE',
        property: `rules.${id}`,
        allowed: [...all.keys()],
      });
    }
  }
  const rules: ResolvedRule[] = [];
  for (const [id, rule] of all) {
    const s = settings[id] !== undefined ? normaliseSetting(settings[id]!) : {};
    if (s.severity === 'off') continue;
    for (const mid of Object.keys(s.messages ?? {})) {
      if (!rule.meta.messages[mid]) {
        throw new AuditConfigError(`rules.${id}.messages: rule "${id}" has no message "${mid}"; its messages: ${Object.keys(rule.meta.messages).join(', ')}`, {
          ruleId: id,
          code: 'UNKNOWN_MESSAGE',
          property: `rules.${id}.messages.${mid}`,
          allowed: Object.keys(rule.meta.messages),
        });
      }
    }
    const options = { ...(rule.meta.defaultOptions ?? {}), ...(s.options ?? {}) };
    const validate = optionValidator(rule);
    if (validate && !validate(options)) {
      const e = validate.errors?.[0];
      throw new AuditConfigError(
        `rule "${id}": invalid options${e?.instancePath ? ` at ${e.instancePath}` : ''}: ${e?.message ?? 'invalid'}${
          Array.isArray(e?.params.allowedValues) ? ` (allowed: ${(e.params.allowedValues as unknown[]).join(', ')})` : ''
        }${e?.keyword === 'additionalProperties' ? ` ("${String(e.params.additionalProperty)}")` : ''}`,
        { ruleId: id, code: 'BAD_OPTIONS', property: `rules.${id}.options${propertyOf(e?.instancePath ?? '') ? '.' + propertyOf(e?.instancePath ?? '') : ''}`, details: validate.errors ?? [] },
      );
    }
    const weights = cfg.weights ?? {};
    const weight = weights[id] ?? weights[rule.meta.impact] ?? DEFAULT_WEIGHTS[rule.meta.impact];
    rules.push({ rule, id, severity: s.severity as Severity | undefined, messages: s.messages ?? {}, options, weight });
  }
  return {
    locale: cfg.locale ?? 'zh-CN',
    rules,
    maxFindingsPerRule: cfg.maxFindingsPerRule ?? DEFAULT_MAX_FINDINGS,
    maxInputSize: cfg.maxInputSize,
    ruleTimeBudget: cfg.ruleTimeBudget ?? DEFAULT_RULE_TIME_BUDGET,
    minScore: cfg.minScore ?? DEFAULT_MIN_SCORE,
    templates: templatesOf(plugins),
  };
}

/** The plugins' table templates, compiled (a single plugin's list is compiled once, whatever the configuration). */
function templatesOf(plugins: readonly Plugin[]): TemplateSet {
  const lists = plugins.map((p) => p.templates).filter((t): t is readonly TemplateDefinition[] => t !== undefined && t.length > 0);
  for (const [i, list] of lists.entries()) {
    if (!Array.isArray(list)) throw new AuditConfigError(`plugin "${plugins[i]?.name}": templates must be an array of template definitions`, { code: 'BAD_PLUGIN' });
  }
  try {
    return compileTemplates(lists.length === 1 ? lists[0]! : lists.flat());
  } catch (e) {
    throw new AuditConfigError(`plugin templates: ${(e as Error).message}`, { code: 'BAD_PLUGIN' });
  }
}
