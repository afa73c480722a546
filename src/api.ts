/**
 * The package's audit functions: the engine over the built-in plugin. The engine imports no rule;
 * this is the one place where the two meet.
 */
import builtInPlugin from '../rules/index';
import { createAuditApi } from './engine/index';

const api = createAuditApi(builtInPlugin);

/** Audits one report (string, AuditInput, or readPdf's result); synchronous and pure. `config` objects are resolved once and cached by identity. */
export const audit = api.audit;
/** Validates the configuration once (throws AuditConfigError) and returns a reusable auditor. */
export const createAuditor = api.createAuditor;
/** The built-in rules (and any plugin rules given): id and metadata, in run order. */
export const getRules = api.getRules;
export { builtInPlugin };
export type { Auditor } from './engine/index';
