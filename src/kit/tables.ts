/**
 * Table helpers for rules (part of the kit).
 */
import type { IdentityCheck, RecognisedTable, ReportModel, TemplateDefinition } from '../types';
import { compileTemplates, evaluateRecognised } from '../structure/tables/index';

/**
 * The identity checks of a recognised table. A rule reads `context.model.identityChecks(table)`,
 * computed once when the model was built; this computes them for a table made by hand, with the
 * given templates (for example `model.templates`).
 */
export function checkIdentities(table: RecognisedTable, templates: readonly TemplateDefinition[]): readonly IdentityCheck[] {
  return evaluateRecognised(table, compileTemplates(templates)).checks;
}

/** The definition of a table's template (`RecognisedTable.template`, e.g. 'TPL2021-T3') among the model's templates. */
export function templateOf(model: Pick<ReportModel, 'templates'>, key: string): TemplateDefinition | undefined {
  return model.templates.find((t) => t.key === key);
}
