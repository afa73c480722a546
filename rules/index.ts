/**
 * The built-in plugin: the rules of xxgk-audit, written exactly as a third party would write theirs.
 */
import type { AuditConfig, Plugin } from '../src/types';
import { definePlugin } from '../src/engine/define';
import requiredSections from './required-sections';
import statisticsPeriod from './statistics-period';
import contactInfo from './contact-info';
import improvementMeasures from './improvement-measures';
import tablesReconcile from './tables-reconcile';

const rules: Plugin['rules'] = {
  'required-sections': requiredSections,
  'statistics-period': statisticsPeriod,
  'contact-info': contactInfo,
  'improvement-measures': improvementMeasures,
  'tables-reconcile': tablesReconcile,
};

/** Every built-in rule at its default severities. */
const recommended: AuditConfig = { rules: {} };

const builtIn: Plugin = definePlugin({ name: 'xxgk-audit', rules, configs: { recommended } });

export default builtIn;
