/**
 * What must not change under a metamorphic transform (spec/presentations.md §5): template, year,
 * section keys and the verdicts of the five core rules; and every finding of the original that is
 * still reported must point at the same words.
 */
import { audit } from '../../src/index';
import type { AuditInput, AuditResult } from '../../src/types';
import { transform, type TransformName } from './transforms';

export const CORE_RULES = ['required-sections', 'statistics-period', 'contact-info', 'tables-reconcile', 'improvement-measures'];

export interface Summary {
  template: string;
  year: number | null;
  sections: string;
  verdicts: Record<string, string>;
}

export function summarise(result: AuditResult): Summary {
  const keys = [...new Set(result.report.sections.map((s) => s.key).filter((k) => k !== null))].sort();
  const verdicts: Record<string, string> = {};
  for (const id of CORE_RULES) verdicts[id] = result.rules.find((r) => r.ruleId === id)?.outcome ?? 'off';
  return { template: result.report.template, year: result.report.year, sections: keys.join(','), verdicts };
}

export interface Difference {
  what: string;
  before: string;
  after: string;
}

/**
 * The differences between a report's audit and its transformed copy's. Where joining lines with
 * nothing leaves a table's cells ambiguous, tables-reconcile may turn `incomplete` (the one allowance
 * of issue #14): `allowance` collects those cases instead of reporting them. `original` is the
 * audit of `text` with `input`, if the caller has it already.
 */
export function compareUnder(
  name: TransformName,
  text: string,
  input: Omit<AuditInput, 'content'> = {},
  allowance: string[] = [],
  original?: AuditResult,
): Difference[] {
  // The original's audit, when the caller already has it (the same report under each transform).
  const before = original ?? audit({ ...input, content: text });
  const t = transform(name, text);
  const after = audit({ ...input, content: t.text });
  const a = summarise(before);
  const b = summarise(after);
  const out: Difference[] = [];
  if (a.template !== b.template) out.push({ what: 'template', before: a.template, after: b.template });
  if (a.year !== b.year) out.push({ what: 'year', before: String(a.year), after: String(b.year) });
  if (a.sections !== b.sections) out.push({ what: 'sections', before: a.sections, after: b.sections });
  for (const id of CORE_RULES) {
    if (a.verdicts[id] === b.verdicts[id]) continue;
    if (id === 'tables-reconcile' && name === 'join-nothing' && b.verdicts[id] === 'incomplete') {
      allowance.push(`${a.verdicts[id]} → incomplete`);
      continue;
    }
    out.push({ what: id, before: a.verdicts[id]!, after: b.verdicts[id]! });
  }
  // Findings on the same words: each finding of the original whose rule kept its verdict is found
  // again, at the forwarded position, with the same text under it.
  for (const f of before.findings) {
    if (!CORE_RULES.includes(f.ruleId) || a.verdicts[f.ruleId] !== b.verdicts[f.ruleId]) continue;
    const from = t.forward(f.position.start.offset);
    const words = text.slice(f.position.start.offset, f.position.end.offset).replace(/\s+/gu, '');
    // The same words: the finding starts near the same character and names the same text, a span of
    // it cut at a fixed length (a paragraph's opening words), or the same text with a neighbour that
    // the transform ran into it (an issuer's line rejoined to the title after it).
    const match = after.findings.find((g) => {
      if (g.ruleId !== f.ruleId || g.messageId !== f.messageId) return false;
      const got = t.text.slice(g.position.start.offset, g.position.end.offset).replace(/\s+/gu, '');
      if (Math.abs(g.position.start.offset - from) > 40) return false;
      return got === words || (Math.min(got.length, words.length) >= 8 && (got.includes(words) || words.includes(got) || got.slice(0, 12) === words.slice(0, 12)));
    });
    if (!match) out.push({ what: `finding ${f.ruleId}/${f.messageId}`, before: `${f.position.start.offset} «${words.slice(0, 30)}»`, after: 'not found on the same words' });
  }
  return out;
}
