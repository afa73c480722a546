/**
 * `npm run example`: audits the sample reports in examples/reports/ (or the files given as arguments)
 * and prints, per report, the score, the outcome of each rule and each finding with its line.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { audit, AuditInputError, type AuditResult } from '../../src/index';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const files = args.length > 0 ? args.map((a) => resolve(a)) : listReports(join(here, '..', 'reports'));

function listReports(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.(txt|md)$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

const OUTCOME: Record<string, string> = { pass: '通过', fail: '未通过', inapplicable: '不适用', incomplete: '未完成' };
const SEVERITY: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };

function print(file: string, result: AuditResult): void {
  const r = result.report;
  console.log(`\n${basename(file)}`);
  console.log(`  ${r.title ?? '(无标题)'} | ${r.issuer ?? '发布机关不详'} | ${r.year ?? '年份不详'}年 | ${r.template}`);
  console.log(`  得分 score ${result.score} / 100 ${result.passed ? '（无错误）' : '（有错误）'}`);
  for (const o of result.rules) {
    console.log(`  - ${o.ruleId.padEnd(22)} ${OUTCOME[o.outcome] ?? o.outcome}${o.findingCount ? ` (${o.findingCount})` : ''}${o.reason ? ` — ${o.reason}` : ''}`);
  }
  for (const f of result.findings) {
    const where = `${basename(file)}:${f.position.start.line}:${f.position.start.column}`;
    console.log(`    ${where} ${SEVERITY[f.severity]} [${f.ruleId}] ${f.message}`);
  }
}

let failed = 0;
for (const file of files) {
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) {
    console.error(`${file}: no such file`);
    failed++;
    continue;
  }
  try {
    print(file, audit({ content: readFileSync(file), uri: basename(file) }));
  } catch (e) {
    if (!(e instanceof AuditInputError)) throw e;
    console.error(e.message);
    failed++;
  }
}
process.exitCode = failed > 0 ? 2 : 0;
