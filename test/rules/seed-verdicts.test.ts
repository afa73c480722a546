import { describe, expect, it } from '@jest/globals';
import { outcomeOf } from 'xxgk-audit/testing';
import { audit } from '../../src/index';
import { fixture, seeds } from '../helpers';

const all = seeds();
const outcome = (text: string, ruleId: string) => outcomeOf(audit(text), ruleId).outcome;

/** The verdicts of spec/defects.md §F for the five core rules, end to end with the built-in configuration. */
describe('seed verdicts of the five core rules', () => {
  it.each([
    ['statistics-period', { '000': 'fail', '001': 'pass', '002': 'fail', '003': 'fail', '004': 'pass' }],
    ['contact-info', { '000': 'pass', '001': 'fail', '002': 'fail', '003': 'fail', '004': 'fail' }],
    ['required-sections', { '001': 'fail', '002': 'pass' }],
    ['improvement-measures', { '001': 'fail', '003': 'pass', '004': 'pass' }],
    ['tables-reconcile', { '000': 'inapplicable', '001': 'inapplicable', '002': 'pass', '004': 'inapplicable' }],
  ])('%s', (ruleId, expected) => {
    for (const [id, verdict] of Object.entries(expected)) expect([id, outcome(all[id]!, ruleId)]).toEqual([id, verdict]);
  });

  it('tables-reconcile reads seed 003’s statistics table (applicable) and flags the double counting', () => {
    const result = audit(all['003']!);
    expect(outcomeOf(result, 'tables-reconcile').outcome).not.toBe('inapplicable');
    const stat = result.report.tables.find((t) => t.id === 'STAT')!;
    expect(stat.cells.filter((c) => c.value !== null).map((c) => c.value)).toEqual(
      expect.arrayContaining([67467, 15689, 7584, 8105, 51778, 32785, 14758, 4235]),
    );
    const doubleCount = result.findings.find((f) => f.ruleId === 'tables-reconcile' && /P-5/.test(f.message));
    expect(doubleCount?.severity).toBe('warning');
  });

  it('洪泽区 2023 (PDF text): exactly the two 表四 total findings, pointing at the printed 0', () => {
    const source = fixture('tables/kirogovcompare__hzq2023_working.layout.txt');
    const result = audit(source);
    const errors = result.findings.filter((f) => f.ruleId === 'tables-reconcile' && f.severity !== 'info');
    expect(errors.map((f) => [f.expected, f.actual])).toEqual([[11, 0], [5, 0]]);
    for (const f of errors) expect(source.slice(f.position.start.offset, f.position.end.offset)).toBe('0');
  });
});
