/**
 * The engine: `createAuditApi(basePlugin)` gives audit, createAuditor and getRules over a base
 * plugin. The engine knows no rule; src/api.ts hands it the built-in plugin.
 */
import type { AuditConfig, AuditResult, AuditSource, Plugin, ReportModel, Rule, RuleMeta } from '../types';
import { AuditInputError } from '../errors';
import { prepareInput, DEFAULT_MAX_INPUT_SIZE } from '../input/index';
import { normalize } from '../normalize/index';
import { reline } from '../structure/reline';
import { composeMaps, extract } from '../extract/index';
import { buildModel } from '../structure/index';
import { resolveConfig, type ResolvedConfig } from './config';
import { runRules } from './run';
import { assertLooksLikeReport, assertNotEmpty } from './report-check';
import { withAuditCache } from './cache';

export interface Auditor {
  /** Audits one report (string, AuditInput, or readPdf's result); synchronous and pure. */
  audit(input: AuditSource): AuditResult;
  /** The rules this auditor runs, after configuration. */
  readonly rules: ReadonlyArray<{ id: string; meta: RuleMeta }>;
}

function modelOf(input: unknown, config: ResolvedConfig, withPrevious: boolean): ReportModel {
  const maxSize = config.maxInputSize ?? DEFAULT_MAX_INPUT_SIZE;
  const prepared = prepareInput(input, maxSize);
  const extracted = extract(prepared);
  assertNotEmpty(extracted.text, prepared.uri);
  const normalized = reline(normalize(extracted.text), extracted.text);
  const model = buildModel({
    format: extracted.format,
    uri: prepared.uri,
    meta: prepared.meta,
    source: extracted.source,
    pageStarts: extracted.pageStarts,
    normalized: { text: normalized.text, map: composeMaps(normalized.map, extracted.map) },
    templates: config.templates,
  });
  assertLooksLikeReport(model);
  if (prepared.decoding) model.decoding = prepared.decoding;
  const previous = prepared.meta.previous;
  if (withPrevious && previous !== undefined) {
    try {
      // Last year's report: its own meta.previous is ignored (one level only).
      const prev = typeof previous === 'string' ? { content: previous } : { ...previous, meta: { ...(previous.meta ?? {}), previous: undefined } };
      model.previous = modelOf(prev, config, false);
    } catch (e) {
      if (e instanceof AuditInputError) throw new AuditInputError(`meta.previous: ${e.message}`, { uri: prepared.uri, code: e.code, params: e.params });
      throw e;
    }
  }
  return model;
}

function auditWith(config: ResolvedConfig, input: unknown): AuditResult {
  // One per-audit cache, opened before the model is built and the rules run, dropped after.
  return withAuditCache(() => runRules(modelOf(input, config, true), config));
}

export interface AuditApi {
  /** Audits one report. `config` objects are resolved once and cached by identity. */
  audit(input: AuditSource, config?: AuditConfig): AuditResult;
  /** Validates the configuration once (throws AuditConfigError) and returns a reusable auditor. */
  createAuditor(config?: AuditConfig): Auditor;
  /** The base plugin's rules (and any plugin rules given): id and metadata, in run order. */
  getRules(config?: AuditConfig): Array<{ id: string; meta: RuleMeta; rule: Rule }>;
}

/** The public functions over a base plugin (the built-in rules, for the package). */
export function createAuditApi(basePlugin: Plugin): AuditApi {
  function createAuditor(config?: AuditConfig): Auditor {
    const resolved = resolveConfig(config, basePlugin);
    return {
      audit: (input: AuditSource) => auditWith(resolved, input),
      rules: resolved.rules.map((r) => ({ id: r.id, meta: r.rule.meta })),
    };
  }

  const auditorCache = new WeakMap<object, Auditor>();
  let defaultAuditor: Auditor | null = null;

  function audit(input: AuditSource, config?: AuditConfig): AuditResult {
    if (config === undefined) {
      defaultAuditor ??= createAuditor();
      return defaultAuditor.audit(input);
    }
    if (config === null || typeof config !== 'object') return createAuditor(config).audit(input);
    let auditor = auditorCache.get(config);
    if (!auditor) {
      auditor = createAuditor(config);
      auditorCache.set(config, auditor);
    }
    return auditor.audit(input);
  }

  function getRules(config?: AuditConfig): Array<{ id: string; meta: RuleMeta; rule: Rule }> {
    const resolved = resolveConfig({ ...(config ?? {}), rules: {} }, basePlugin);
    return resolved.rules.map((r) => ({ id: r.id, meta: r.rule.meta, rule: r.rule }));
  }

  return { audit, createAuditor, getRules };
}
