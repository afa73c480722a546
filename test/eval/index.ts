/**
 * `npm run eval [folder]`: accuracy on real labelled reports (issue #14). Not a test: it audits every
 * file named in `<folder>/labels.json` (default: test/fixtures/real, a copy of the real corpus) and prints, per field, how
 * often the library agrees with the expert's label, then every disagreement.
 *
 * Fields (a null label means "cannot tell from this text" and is left out of the counts):
 * - year, template: `result.report.year` / `.template`;
 * - statistics-period, contact: stated unless the rule reports its `missing` message (a rule that
 *   did not decide counts as a disagreement, shown as its outcome);
 * - sections: the set of canonical section keys recognised equals `sections_present`;
 * - improvement-measures: listed when the rule passes, not listed when it fails;
 * - tables-read: per labelled table, whether the library read any of its cells;
 * - tables-verdict: per report, tables-reconcile's outcome against the labels: fail where an
 *   identity is labelled broken; pass where they hold; incomplete where they hold on a table the
 *   excerpt prints only in part (a table not read in whole is never a pass, presentations.md §2.2).
 *
 * `--json` prints the rows as JSON instead; `--fields a,b` limits the disagreement list.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { audit } from '../../src/index';
import type { AuditResult, InputFormat } from '../../src/types';

interface TableLabel {
  id: string;
  read?: boolean;
  coverage?: string;
  identities_hold?: boolean | null;
}
interface Label {
  file: string;
  format: InputFormat;
  year: number | null;
  template: string;
  complete: boolean;
  statistics_period: { stated: boolean | null };
  contact: { stated: boolean | null };
  sections_present: string[];
  improvement_measures: { listed: boolean | null };
  tables: TableLabel[];
}

type Value = string | number | boolean | null;
interface Row {
  file: string;
  field: string;
  label: Value;
  said: Value;
  agree: boolean;
  detail?: string;
}

const FIELDS = [
  'year',
  'template',
  'statistics-period',
  'contact',
  'sections',
  'improvement-measures',
  'tables-read',
  'tables-verdict',
] as const;

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const json = args.includes('--json');
const fieldsArg = args.indexOf('--fields');
const only = fieldsArg >= 0 ? new Set((args[fieldsArg + 1] ?? '').split(',')) : null;
// Default: the copy of the real corpus kept with the tests (../shared/corpus/real is the same set).
const folder = resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--fields') ?? join(here, '..', 'fixtures', 'real'));

function ruleOf(result: AuditResult, id: string) {
  return result.rules.find((r) => r.ruleId === id);
}

/** stated / not stated from a rule whose `missing` message says "not stated"; null when it did not decide. */
function statedBy(result: AuditResult, id: string): boolean | null {
  const rule = ruleOf(result, id);
  if (!rule || rule.outcome === 'inapplicable' || rule.outcome === 'incomplete') return null;
  return !result.findings.some((f) => f.ruleId === id && f.messageId === 'missing');
}

function outcomeText(result: AuditResult, id: string): string {
  const rule = ruleOf(result, id);
  if (!rule) return 'off';
  const ids = [...new Set(result.findings.filter((f) => f.ruleId === id).map((f) => f.messageId))];
  return `${rule.outcome}${ids.length ? ` [${ids.join(',')}]` : ''}${rule.reason ? ` (${rule.reason})` : ''}`;
}

function evaluate(label: Label, result: AuditResult): Row[] {
  const rows: Row[] = [];
  const push = (field: string, l: Value, said: Value, detail?: string) =>
    rows.push({ file: label.file, field, label: l, said, agree: l === said, detail });
  const r = result.report;
  if (label.year !== null) push('year', label.year, r.year);
  push('template', label.template, r.template);
  if (label.statistics_period.stated !== null) {
    push('statistics-period', label.statistics_period.stated, statedBy(result, 'statistics-period'), outcomeText(result, 'statistics-period'));
  }
  if (label.contact.stated !== null) {
    push('contact', label.contact.stated, statedBy(result, 'contact-info'), outcomeText(result, 'contact-info'));
  }
  const found = [...new Set(r.sections.map((s) => s.key).filter((k) => k !== null))].sort();
  const want = [...new Set(label.sections_present)].sort();
  push('sections', want.join(','), found.join(','));
  if (label.improvement_measures.listed !== null) {
    const rule = ruleOf(result, 'improvement-measures');
    const said = rule?.outcome === 'pass' ? true : rule?.outcome === 'fail' ? false : null;
    push('improvement-measures', label.improvement_measures.listed, said, outcomeText(result, 'improvement-measures'));
  }
  for (const t of label.tables) {
    if (typeof t.read !== 'boolean') continue;
    const table = r.tables.find((x) => x.id === t.id);
    const read = table ? table.cells.filter((c) => c.value !== null).length : 0;
    const total = table ? table.cells.length : 0;
    push(`tables-read`, `${t.id}:${t.read}`, `${t.id}:${read > 0}`, `${read} numeric of ${total} cells read`);
  }
  const verdicts = label.tables.map((t) => t.identities_hold).filter((v): v is boolean => typeof v === 'boolean');
  if (verdicts.length > 0) {
    // A table the excerpt prints only in part cannot pass (presentations.md §2.2): where its printed
    // part holds, the right verdict is incomplete.
    const partial = label.tables.some((t) => /^partial/u.test(t.coverage ?? ''));
    const want = verdicts.every(Boolean) ? (partial ? 'incomplete' : 'pass') : 'fail';
    const rule = ruleOf(result, 'tables-reconcile');
    push('tables-verdict', want, rule?.outcome ?? 'off', outcomeText(result, 'tables-reconcile'));
  }
  return rows;
}

const labels = JSON.parse(readFileSync(join(folder, 'labels.json'), 'utf8')) as Label[];
const rows: Row[] = [];
const failures: string[] = [];
for (const label of labels) {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(join(folder, label.file));
  } catch (e) {
    failures.push(`${label.file}: cannot read (${(e as Error).message})`);
    continue;
  }
  try {
    const result = audit({ content: bytes, uri: label.file, format: label.format });
    rows.push(...evaluate(label, result));
  } catch (e) {
    failures.push(`${label.file}: ${(e as Error).name}: ${(e as Error).message}`);
  }
}

if (json) {
  process.stdout.write(`${JSON.stringify({ folder, rows, failures }, null, 1)}\n`);
} else {
  console.log(`accuracy on ${labels.length} labelled reports in ${folder}\n`);
  const width = Math.max(...FIELDS.map((f) => f.length));
  let minimum = 1;
  for (const field of FIELDS) {
    const of = rows.filter((x) => x.field === field);
    const agree = of.filter((x) => x.agree).length;
    const share = of.length ? agree / of.length : 1;
    minimum = Math.min(minimum, share);
    console.log(`${field.padEnd(width)}  ${share.toFixed(2)}  (${agree} of ${of.length})`);
  }
  console.log(`${'lowest'.padEnd(width)}  ${minimum.toFixed(2)}`);
  const wrong = rows.filter((x) => !x.agree && (!only || only.has(x.field)));
  if (wrong.length) console.log(`\ndisagreements (${wrong.length}): file, field, label, library`);
  for (const x of wrong) {
    console.log(`  ${x.file}  ${x.field}  label=${String(x.label)}  library=${String(x.said)}${x.detail ? `  ${x.detail}` : ''}`);
  }
  for (const f of failures) console.log(`  not audited: ${f}`);
}
