/**
 * The configuration of a run: the config file, the command-line flags over it, the plugins (loaded
 * here, and by module URL in each worker), validated once by building the auditor.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createAuditor, type Auditor } from '../api';
import { AuditConfigError } from '../errors';
import { describeError } from '../format/index';
import { DEFAULT_MAX_INPUT_SIZE } from '../input/index';
import type { AuditConfig, AuditInput, AuditMeta, Locale, Plugin, RuleSetting, Severity } from '../types';
import type { CliOptions } from './args';
import { readInput, uriOf } from './files';
import { errorText, UsageError, type Messages } from './messages';

/** What a worker needs to rebuild the auditor: plain data only (plugins travel as module URLs). */
export interface AuditSetup {
  config: AuditConfig;
  pluginUrls: string[];
  meta: AuditMeta;
  maxInputSize: number;
  locale: Locale;
}

/** A module specifier for a plugin: paths against `base`, package names as they are. */
function pluginUrl(spec: string, base: string): string {
  if (spec.startsWith('file:')) return spec;
  const looksLikePath = spec.startsWith('.') || isAbsolute(spec) || existsSync(resolve(base, spec));
  if (looksLikePath) return pathToFileURL(resolve(base, spec)).href;
  try {
    return pathToFileURL(createRequire(join(base, 'noop.js')).resolve(spec)).href;
  } catch {
    return spec; // an ESM-only package: let import() resolve it
  }
}

export async function importPlugin(url: string): Promise<Plugin> {
  const mod = (await import(url)) as Record<string, unknown>;
  let candidate: unknown = mod.default ?? mod.plugin;
  if (candidate && typeof candidate === 'object' && 'default' in candidate && !('rules' in candidate)) {
    candidate = (candidate as { default: unknown }).default;
  }
  if (!candidate || typeof candidate !== 'object' || typeof (candidate as Plugin).rules !== 'object') {
    throw new Error('the module has no default export made with definePlugin({ name, rules })');
  }
  return candidate as Plugin;
}

async function loadPlugins(urls: Array<{ spec: string; url: string }>, m: Messages): Promise<Plugin[]> {
  const out: Plugin[] = [];
  for (const { spec, url } of urls) {
    if (url.startsWith('file:') && !existsSync(fileURLToPath(url))) throw new UsageError(m.plugin(spec, m.notFound));
    try {
      out.push(await importPlugin(url));
    } catch (e) {
      throw new UsageError(m.plugin(spec, errorText(e, m)));
    }
  }
  return out;
}

function mergeSetting(existing: RuleSetting | undefined, severity: Severity | 'off'): RuleSetting {
  if (Array.isArray(existing)) return existing[1] ? [severity, existing[1]] : [severity];
  if (existing && typeof existing === 'object') return { ...existing, severity };
  return severity;
}

async function readConfig(file: string, m: Messages): Promise<{ config: AuditConfig; plugins: Array<{ spec: string; url: string }> }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError(m.config(file, errorText(e, m)));
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError(m.configJson(file, errorText(e)));
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new UsageError(m.config(file, 'expected a JSON object'));
  const { $schema: _schema, plugins, ...rest } = json as Record<string, unknown>;
  const specs: Array<{ spec: string; url: string }> = [];
  if (plugins !== undefined) {
    if (!Array.isArray(plugins) || !plugins.every((p) => typeof p === 'string')) {
      throw new UsageError(m.config(file, '"plugins" must be an array of module paths or package names'));
    }
    for (const spec of plugins as string[]) specs.push({ spec, url: pluginUrl(spec, dirname(resolve(file))) });
  }
  return { config: rest as AuditConfig, plugins: specs };
}

/** The auditor, and the setup the workers rebuild it from; a UsageError when the configuration is wrong. */
export async function configure(options: CliOptions, cwd: string, m: Messages): Promise<{ auditor: Auditor; setup: AuditSetup }> {
  let auditor: Auditor;
  const fromFile = options.config ? await readConfig(options.config, m) : { config: {} as AuditConfig, plugins: [] };
  const config: AuditConfig = { ...fromFile.config, locale: options.locale };
  if (options.minScore !== undefined) config.minScore = options.minScore;
  if (options.rules.length > 0) {
    const rules: Record<string, RuleSetting> = { ...(config.rules ?? {}) };
    for (const [id, severity] of options.rules) rules[id] = mergeSetting(rules[id], severity);
    config.rules = rules;
  }
  const pluginSpecs = [...fromFile.plugins, ...options.plugins.map((spec) => ({ spec, url: pluginUrl(spec, cwd) }))];
  const plugins = await loadPlugins(pluginSpecs, m);
  try {
    auditor = createAuditor({ ...config, plugins });
  } catch (e) {
    if (!(e instanceof AuditConfigError)) throw e;
    const said = describeError(e, options.locale);
    throw new UsageError(options.config ? m.config(options.config, said) : m.configError(said));
  }
  const meta: AuditMeta = {};
  if (options.year !== undefined) meta.year = options.year;
  if (options.publishedAt !== undefined) meta.publishedAt = options.publishedAt;
  if (options.issuerType !== undefined) meta.issuerType = options.issuerType;
  if (options.previous !== undefined) {
    const path = resolve(cwd, options.previous);
    const maxSize = config.maxInputSize ?? DEFAULT_MAX_INPUT_SIZE;
    const input = await readInput(path, uriOf(path, cwd), maxSize, m);
    if (typeof input === 'string') throw new UsageError(m.previous(options.previous, input));
    if (!('content' in input)) throw new UsageError(m.previous(options.previous, input.message));
    meta.previous = input as AuditInput;
  }
  const setup: AuditSetup = {
    config,
    pluginUrls: pluginSpecs.map((p) => p.url),
    meta,
    maxInputSize: config.maxInputSize ?? DEFAULT_MAX_INPUT_SIZE,
    locale: options.locale,
  };
  return { auditor, setup };
}
