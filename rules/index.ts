/**
 * The built-in plugin: the rules of xxgk-audit, written exactly as a third party would write theirs.
 */
import { definePlugin } from '../src/kit/index';
import type { AuditConfig, Plugin } from '../src/types';
import requiredSections from './required-sections';
import statisticsPeriod from './statistics-period';
import contactInfo from './contact-info';
import improvementMeasures from './improvement-measures';
import tablesReconcile from './tables-reconcile';
import templateVersion from './template-version';
import tableCells from './table-cells';
import narrativeConsistency from './narrative-consistency';
import publicationDeadline from './publication-deadline';
import governmentAccountability from './government-accountability';
import otherMatters from './other-matters';
import priorYearDuplication from './prior-year-duplication';
import structure from './structure';
import encoding from './encoding';
import templates from './templates/index';

const rules: Plugin['rules'] = {
  'required-sections': requiredSections,
  'statistics-period': statisticsPeriod,
  'contact-info': contactInfo,
  'improvement-measures': improvementMeasures,
  'tables-reconcile': tablesReconcile,
  'template-version': templateVersion,
  'table-cells': tableCells,
  'narrative-consistency': narrativeConsistency,
  'publication-deadline': publicationDeadline,
  'government-accountability': governmentAccountability,
  'other-matters': otherMatters,
  'prior-year-duplication': priorYearDuplication,
  'structure': structure,
  'encoding': encoding,
};

/** Every built-in rule at its default severities. */
const recommended: AuditConfig = { rules: {} };

const builtIn: Plugin = definePlugin({ name: 'xxgk-audit', rules, configs: { recommended }, templates });

export default builtIn;
