/**
 * `npm run example` prints what the command prints: the library's text formatter (formatText), not a
 * layout of its own (issue #16: it printed 「得分 score 50 / 100 （无错误）」 and 「table-cells 通过 (8)」).
 */
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { audit, formatText } from 'xxgk-audit';
import { root, tsxLoader } from '../../test/helpers';

const reports = join(root, 'examples', 'reports');

describe('examples/audit-file (npm run example)', () => {
  it('prints the sample reports exactly as formatText does, with the one verdict', () => {
    const run = spawnSync(process.execPath, ['--import', tsxLoader, join(root, 'examples', 'audit-file', 'index.ts')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const files = readdirSync(reports).filter((f) => f.endsWith('.txt')).sort();
    const expected = formatText(files.map((f) => audit({ content: readFileSync(join(reports, f)), uri: f })));
    expect(run.stdout).toBe(expected);
    expect(run.stdout).not.toMatch(/score|（无错误）|通过 \(\d+\)/);
  }, 60_000);
});
