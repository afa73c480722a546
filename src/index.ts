/**
 * xxgk-audit — audits 政府信息公开工作年度报告 (Chinese government information-disclosure annual reports).
 *
 *   import { audit } from 'xxgk-audit';
 *   const result = audit(reportText);
 */
export { audit, createAuditor, getRules } from './api';
export type { Auditor } from './api';
export { defineRule, definePlugin } from './engine/define';
export { AuditConfigError, AuditInputError } from './errors';
export { createPublishHook } from './hook';
export type {
  PublishHook,
  PublishHookError,
  PublishHookFinding,
  PublishHookOptions,
  PublishHookRequest,
  PublishHookResponse,
  PublishHookVerdict,
} from './hook';
export { builtInPlugin } from './api';
export * from './format/index';
export type * from './types';
