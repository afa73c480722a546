/**
 * What a kept result costs (issue #7): a batch or a corpus study keeps thousands of results, so a
 * result must hold its own data, not the texts it was cut from. V8 keeps a slice of a string as a
 * pointer into the whole string, and a finding's excerpt used to keep the whole compacted report
 * alive. Measured with a full garbage collection, so the numbers are the heap, not timing.
 */
import { describe, expect, it } from '@jest/globals';
import v8 from 'node:v8';
import vm from 'node:vm';
import { audit } from '../../src/index';
import { seeds } from '../helpers';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('a kept result holds its own data', () => {
  it('costs less than 2.5 times its JSON, not the texts its strings were cut from', () => {
    const unit = Object.values(seeds()).join('\n\n');
    const documents = Array.from({ length: 6 }, (_, i) => Array.from({ length: 12 }, () => unit).join('\n\n') + `\n（第 ${i} 份）`);
    for (const s of Object.values(seeds())) audit(s); // compile and fill module-level tables first
    const before = heapAfterGc();
    const kept = documents.map((d) => audit(d));
    // Later audits push the big texts out of any cache a rule keeps between calls.
    for (const s of Object.values(seeds())) audit(s + '\n');
    const perResult = (heapAfterGc() - before) / kept.length;
    const json = JSON.stringify(kept[0]).length * 2; // bytes of its JSON as UTF-16
    expect(kept.every((r) => r.findings.length > 50)).toBe(true);
    // Measured here: 1.4× the JSON (object headers and pointers); when excerpts kept the compacted
    // texts alive it was 3.9× at this size, and grows with the report.
    expect(perResult).toBeLessThan(2.5 * json);
  });
});
