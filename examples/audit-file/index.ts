/**
 * `npm run example`: audits the sample reports in examples/reports/ (or the files given as arguments)
 * and prints them exactly as the `xxgk-audit` command does, with the library's text formatter
 * (`formatText`): per report one verdict line, then one line per finding.
 *
 * It imports the library by its package name, as your code would.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AuditInputError, audit, describeError, formatText, type AuditResult, type InputError } from 'xxgk-audit';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const files = args.length > 0 ? args.map((a) => resolve(a)) : listReports(join(here, '..', 'reports'));

function listReports(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.(txt|md)$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

const results: AuditResult[] = [];
const inputErrors: InputError[] = [];
for (const file of files) {
  const uri = basename(file);
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) {
    inputErrors.push({ uri, message: `${file}: 文件不存在` });
    continue;
  }
  try {
    results.push(audit({ content: readFileSync(file), uri }));
  } catch (e) {
    if (!(e instanceof AuditInputError)) throw e;
    inputErrors.push({ uri, message: describeError(e, 'zh-CN'), code: e.code });
  }
}

const terminal = !!process.stdout.isTTY;
process.stdout.write(formatText(results, { inputErrors, color: terminal, width: terminal ? process.stdout.columns : undefined }));
// 2 when a file could not be audited; a report that fails is what the example is there to show, not an error.
process.exitCode = inputErrors.some((e) => e.code !== 'NOT_A_REPORT' && e.code !== 'EMPTY') ? 2 : 0;
