/**
 * Table helpers for rules (part of the kit).
 */
import type { IdentityCheck, RecognisedTable } from '../types';
import { evaluateRecognised, loadTemplates } from '../structure/tables/index';
import type { TemplateDefinition } from '../structure/tables/types';

/**
 * The identity checks of a recognised table. A rule reads `context.model.identityChecks(table)`,
 * computed once when the model was built; this computes them for a table made by hand.
 */
export function checkIdentities(table: RecognisedTable): readonly IdentityCheck[] {
  return evaluateRecognised(table).checks;
}

/** The table template definitions (rows, columns, identities), validated against schemas/template.schema.json. */
export function templateDefinitions(): TemplateDefinition[] {
  return loadTemplates();
}
