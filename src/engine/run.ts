/**
 * Runs the rules over one model: one traversal of the tree for all rules, crashes contained, findings capped, outcomes and the score computed.
 */
import type { AuditResult, Finding, ReportModel, RuleError, RuleOutcome } from '../types';
import type { ResolvedConfig, ResolvedRule } from './config';
import { engineReasons } from './messages';
import { makeContext, type RuleRun } from './context';
import { outcomeOf, scoreOf, sortFindings, assignFingerprints, summaryOf } from './result';
import { guarded, dispatchOf, traverse } from './walk';

function appliesTo(resolved: ResolvedRule, model: ReportModel): boolean {
  const list = resolved.rule.meta.appliesTo;
  if (!list || list.length === 0) return true;
  return list.some((k) => k === model.era || k === model.template);
}

export function runRules(model: ReportModel, config: ResolvedConfig): AuditResult {
  const runs: RuleRun[] = [];
  const skipped: RuleRun[] = [];
  for (const resolved of config.rules) {
    const run: RuleRun = { resolved, visitors: {}, findings: [], dropped: 0, spent: 0 };
    if (!appliesTo(resolved, model)) {
      run.inapplicable = engineReasons[config.locale].notApplicable(model.template, model.era);
      skipped.push(run);
      continue;
    }
    const create = () => {
      run.visitors = resolved.rule.create(makeContext(run, model, config)) ?? {};
    };
    guarded(run, config.ruleTimeBudget, create, undefined, undefined);
    runs.push(run);
  }
  const dispatch = dispatchOf(runs);
  const below = [...dispatch.keys()].some((key) => key !== 'root' && key !== 'root:exit');
  traverse(model.tree, null, { dispatch, budget: config.ruleTimeBudget, seen: new Set(), below }, 0);

  const outcomes: RuleOutcome[] = [];
  const findings: Finding[] = [];
  const errors: RuleError[] = [];
  for (const run of [...runs, ...skipped]) {
    outcomes.push(outcomeOf(run, config.locale));
    if (run.crashed) errors.push(run.crashed);
    else findings.push(...run.findings);
  }
  outcomes.sort((a, b) => config.rules.findIndex((r) => r.id === a.ruleId) - config.rules.findIndex((r) => r.id === b.ruleId));
  sortFindings(findings);
  assignFingerprints(findings);
  const score = scoreOf(outcomes);
  return {
    score,
    // The one verdict every output shows (DESIGN.md): no error finding and a score of at least minScore.
    passed: !findings.some((f) => f.severity === 'error') && score >= config.minScore,
    report: summaryOf(model),
    rules: outcomes,
    findings,
    errors,
  };
}
