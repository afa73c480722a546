/**
 * Resolves and validates a configuration against the loaded plugins. Rule option schemas are compiled
 * once per rule object and cached.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import configSchema from '../../schemas/audit-config.schema.json' with { type: 'json' };
import type { AuditConfig, Impact, Locale, Plugin, Rule, RuleSetting, Severity } from '../types';
import { AuditConfigError } from '../errors';

export const DEFAULT_WEIGHTS: Record<Impact, number> = { critical: 10, serious: 7, moderate: 3, minor: 1 };
export const DEFAULT_MAX_FINDINGS = 200;
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
}

const IMPACTS = new Set(['critical', 'serious', 'moderate', 'minor']);
const SEVERITIES = new Set(['error', 'warning', 'info']);

function checkRule(id: string, rule: Rule): void {
  const fail = (problem: string) => {
    throw new AuditConfigError(`rule "${id}": ${problem}`, { ruleId: id });
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
      });
    }
    optionValidators.set(rule, v);
  }
  return v;
}

function normaliseSetting(setting: RuleSetting): {
  severity?: Severity | 'off';
  options?: Record<string, unknown>;
  messages?: Record<string, Severity | 'off'>;
} {
  if (typeof setting === 'string') return { severity: setting };
  if (Array.isArray(setting)) return { severity: setting[0], options: setting[1] };
  return setting;
}

export function resolveConfig(config: AuditConfig | undefined, builtIn: Plugin): ResolvedConfig {
  const cfg = config ?? {};
  if (typeof cfg !== 'object' || cfg === null || Array.isArray(cfg)) {
    throw new AuditConfigError('config must be an object');
  }
  if (!validateConfig(cfg)) {
    const first = validateConfig.errors?.[0];
    const where = first?.instancePath || '(root)';
    const ruleId = /^\/rules\/([^/]+)/.exec(where)?.[1];
    throw new AuditConfigError(
      `invalid config at ${where}: ${first?.message ?? 'invalid'}${ruleId ? ` (rule "${decodeURIComponent(ruleId)}")` : ''}`,
      { ruleId: ruleId ? decodeURIComponent(ruleId) : undefined, details: validateConfig.errors ?? [] },
    );
  }
  const plugins = [builtIn, ...(cfg.plugins ?? [])];
  const all = new Map<string, Rule>();
  for (const plugin of plugins) {
    if (!plugin || typeof plugin !== 'object' || typeof plugin.rules !== 'object') {
      throw new AuditConfigError('a plugin is { name, rules: { [id]: rule } }');
    }
    for (const [id, rule] of Object.entries(plugin.rules)) {
      checkRule(id, rule);
      if (all.has(id) && all.get(id) !== rule) {
        throw new AuditConfigError(`rule "${id}" is defined twice (plugin "${plugin.name}")`, { ruleId: id });
      }
      all.set(id, rule);
    }
  }
  const settings = cfg.rules ?? {};
  for (const id of Object.keys(settings)) {
    if (!all.has(id)) {
      throw new AuditConfigError(`unknown rule "${id}"; known rules: ${[...all.keys()].join(', ')}`, { ruleId: id });
    }
  }
  const rules: ResolvedRule[] = [];
  for (const [id, rule] of all) {
    const s = settings[id] !== undefined ? normaliseSetting(settings[id]!) : {};
    if (s.severity === 'off') continue;
    for (const mid of Object.keys(s.messages ?? {})) {
      if (!rule.meta.messages[mid]) {
        throw new AuditConfigError(`rule "${id}" has no message "${mid}"; its messages: ${Object.keys(rule.meta.messages).join(', ')}`, {
          ruleId: id,
        });
      }
    }
    const options = { ...(rule.meta.defaultOptions ?? {}), ...(s.options ?? {}) };
    const validate = optionValidator(rule);
    if (validate && !validate(options)) {
      const e = validate.errors?.[0];
      throw new AuditConfigError(
        `rule "${id}": invalid options${e?.instancePath ? ` at ${e.instancePath}` : ''}: ${e?.message ?? 'invalid'}`,
        { ruleId: id, details: validate.errors ?? [] },
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
  };
}
