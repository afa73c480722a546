/**
 * The xxgk-audit command, run as a child process the way a user runs it: arguments, files and folders,
 * exit codes, stdout and stderr. The command and the PDF reader are bundled from the sources once (with
 * esbuild, as the package build does), so that each of the ~60 runs starts in a fraction of a second
 * instead of compiling the sources again under tsx; runs that load a TypeScript plugin add tsx's loader.
 * The bundle takes in the dependencies too (all but PDFium, which finds its WebAssembly file next to its
 * own module): one file to compile instead of some 300 modules to resolve and load, which was half of
 * what each run and each worker thread cost. That the published build loads its dependencies from
 * node_modules is checked by .ci/run (both builds, ESM and CJS).
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import resultSchema from '../../schemas/audit-result.schema.json' with { type: 'json' };
import sarifSchema from '../../schemas/sarif-2.1.0.json' with { type: 'json' };
import { createAuditor, formatText, getRules, toCsv, toSarif, type AuditResult } from '../../src/index';
import pkg from '../../package.json' with { type: 'json' };
import { tsxLoader } from '../helpers';

jest.setTimeout(120_000);

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
/** Built in beforeAll: the command and its PDF reader, sharing one chunk for the error classes. */
const bundleDir = join(root, 'node_modules', '.cache', 'xxgk-cli-test');
const cli = join(bundleDir, 'cli.js');
const seedsDir = join(root, 'test', 'fixtures', 'seeds');
const seedFiles = readdirSync(seedsDir).sort();
const pdfFixture = join(root, 'test', 'fixtures', 'pdf', 'kirogovcompare__hzq2024_working.pdf');
/** The example plugin (examples/custom-rule), bundled with the command: plain JavaScript, as a published plugin is. */
const pluginPath = join(bundleDir, 'custom-rule.js');
const pdfReaderExists = existsSync(join(root, 'src', 'pdf', 'index.ts'));

const validateResult = new Ajv({ allErrors: true, strict: false }).compile(resultSchema);
const Ajv04 = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
const sarifAjv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(sarifAjv);
const validateSarif = sarifAjv.compile(sarifSchema);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], cwd = root): Run {
  const env = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  // A plugin given as TypeScript needs tsx's loader; nothing else does.
  const loader = args.some((a) => a.endsWith('.ts')) ? ['--import', tsxLoader] : [];
  const r = spawnSync(process.execPath, [...loader, cli, ...args], { cwd, env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(r: Run): AuditResult[] {
  return JSON.parse(r.stdout) as AuditResult[];
}

let tmp: string;
/** The built-in rules off: only the example plugin's rule decides, whatever the built-in rules become. */
let onlyPluginConfig: string;

beforeAll(async () => {
  const { build } = await import('esbuild');
  await build({
    entryPoints: {
      cli: join(root, 'src', 'cli.ts'),
      'pdf/index': join(root, 'src', 'pdf', 'index.ts'),
      'custom-rule': join(root, 'examples', 'custom-rule', 'index.ts'),
    },
    outdir: bundleDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['@embedpdf/pdfium'],
    // The CommonJS dependencies bundled into ES modules still call require() for Node's own modules.
    banner: { js: "import { createRequire as __xxgkCreateRequire } from 'node:module'; const require = __xxgkCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  tmp = mkdtempSync(join(tmpdir(), 'xxgk-cli-'));
  onlyPluginConfig = join(tmp, 'only-plugin.json');
  writeFileSync(
    onlyPluginConfig,
    JSON.stringify({
      $schema: '../schemas/audit-config.schema.json',
      plugins: [pluginPath],
      rules: Object.fromEntries(getRules().map((r) => [r.id, 'off'])),
      // The plugin's one rule fails with a warning (score 0): only error findings should fail a report here.
      minScore: 0,
    }),
  );
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

function folder(name: string, files: Record<string, string>): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const [target, source] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, target)), { recursive: true });
    copyFileSync(source, join(dir, target));
  }
  return dir;
}

const seedCopies = (prefix = '') => Object.fromEntries(seedFiles.map((f) => [`${prefix}${f}`, join(seedsDir, f)]));

describe('xxgk-audit: help, version and usage errors', () => {
  it('prints the usage in Chinese (and English with --locale en) and exits 0', () => {
    const zh = run(['--help']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^用法：xxgk-audit \[选项\] <文件\|文件夹>\.\.\./);
    expect(zh.stdout).toContain('-f, --format <格式>');
    expect(zh.stdout).toContain('jsonl（每行一个结果）');
    const en = run(['--locale', 'en', '-h']);
    expect(en.stdout).toMatch(/^Usage: xxgk-audit \[options\] <file\|folder>\.\.\./);
    expect(en.stdout).toContain('jsonl (one result per line)');
  });

  it('prints the package version', () => {
    const r = run(['--version']);
    expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it.each([
    [['--frobnicate', 'x.txt'], '未知选项 --frobnicate'],
    [['--format', 'xml', 'x.txt'], '选项 --format 的值“xml”无效，应为text|json|jsonl|sarif|html|csv'],
    [['--min-score', '120', 'x.txt'], '选项 --min-score 的值“120”无效'],
    [['--year', '20x4', 'x.txt'], '选项 --year 的值“20x4”无效'],
    [['--published-at', '2025-02-30', 'x.txt'], '选项 --published-at 的值“2025-02-30”无效，应为YYYY-MM-DD'],
    [['--rule', 'contact-info', 'x.txt'], '选项 --rule 的值“contact-info”无效'],
    [['--issuer-type', 'company', 'x.txt'], '选项 --issuer-type 的值“company”无效，应为government|department|other'],
    [['x.txt', '--output'], '选项 --output 需要一个值'],
    [[], '请指定要审核的文件或文件夹'],
  ])('%j is a usage error: exit 2 and a message on stderr', (args, message) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`xxgk-audit: ${message}`);
  });

  it('says it in English with --locale en', () => {
    const r = run(['--locale', 'en', '--format', 'yaml', 'x.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('xxgk-audit: invalid value "yaml" for --format; expected text|json|jsonl|sarif|html|csv');
  });
});

describe('xxgk-audit: files, folders and input errors', () => {
  it('audits a folder recursively into a JSON array of valid AuditResults, in path order', () => {
    const r = run(['--format', 'json', 'test/fixtures/seeds']);
    const results = json(r);
    expect(results.map((x) => x.report.uri)).toEqual(seedFiles.map((f) => `test/fixtures/seeds/${f}`));
    for (const result of results) expect(validateResult(result) ? [] : validateResult.errors).toEqual([]);
    expect(results.map((x) => x.report.year)).toEqual([2017, 2016, 2024, 2016, 2018]);
    // Exit 0 exactly when every report passes (no error finding; the minimum score is 0).
    expect(r.code).toBe(results.every((x) => x.passed) ? 0 : 1);
    expect(r.stderr).toBe('');
  });

  it('a folder of the seeds and a peer PDF: every report is audited, the PDF as its reader allows', () => {
    const dir = folder('with-pdf', { ...seedCopies(), 'peers/hzq2024.pdf': pdfFixture });
    const r = run(['--format', 'json', dir]);
    const results = json(r);
    if (pdfReaderExists) {
      // src/pdf/index.ts exports readPdf: the CLI uses it for .pdf files.
      expect(results).toHaveLength(6);
      expect(results.find((x) => x.report.uri?.endsWith('hzq2024.pdf'))?.report.format).toBe('pdf');
      expect(r.code).toBe(results.every((x) => x.passed) ? 0 : 1);
    } else {
      expect(results).toHaveLength(5);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`xxgk-audit: ${join(dir, 'peers', 'hzq2024.pdf')}: 暂时无法读取 PDF 文件`);
    }
  });

  it('reports each unreadable file by name, audits the rest and exits 2', () => {
    const dir = folder('mixed', seedCopies('reports/'));
    writeFileSync(join(dir, 'reports', 'legacy.docx'), Buffer.from('这不是一个 ZIP 文件，而是改了扩展名的文本'));
    writeFileSync(join(dir, 'reports', 'broken.docx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    writeFileSync(join(dir, 'reports', 'notes.json'), '{}'); // not a report extension: not picked up
    const r = run(['--format', 'json', 'mixed'], tmp);
    expect(r.code).toBe(2);
    expect(json(r).map((x) => x.report.uri)).toEqual(seedFiles.map((f) => `mixed/reports/${f}`));
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^xxgk-audit: mixed\/reports\/broken\.docx: 无法审核：.*DOCX/);
    expect(lines[1]).toMatch(/^xxgk-audit: mixed\/reports\/legacy\.docx: 无法审核：/);
  });

  it('names a missing file, exits 2, and still audits the file that exists', () => {
    const r = run(['--format', 'json', 'no/such-report.txt', `test/fixtures/seeds/${seedFiles[2]}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('xxgk-audit: no/such-report.txt: 找不到该文件或文件夹\n');
    expect(json(r).map((x) => x.report.uri)).toEqual([`test/fixtures/seeds/${seedFiles[2]}`]);
  });

  it('names a missing file in English with --locale en', () => {
    const r = run(['--locale', 'en', 'missing.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('xxgk-audit: missing.txt: no such file or folder');
  });

  it('an empty folder says so (not "1 file could not be audited"), exit 2', () => {
    mkdirSync(join(tmp, 'empty'), { recursive: true });
    const r = run(['empty'], tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('xxgk-audit: empty: 文件夹是空的：其中没有可审核的文件（.txt .md .html .htm .xml .docx .pdf）\n');
    expect(r.stdout).not.toContain('无法审核');
  });

  it('a folder scan lists the files that are not reports once, apart, and audits the rest', () => {
    folder('not-reports-scan', {
      'a.txt': join(seedsDir, seedFiles[2]!),
      'README.md': join(root, 'test', 'fixtures', 'not-reports', 'README.md'),
      'news.txt': join(root, 'test', 'fixtures', 'not-reports', 'news.txt'),
    });
    writeFileSync(join(tmp, 'not-reports-scan', 'empty.txt'), '');
    const r = run(['not-reports-scan'], tmp);
    expect(r.stderr).toBe('');
    expect(r.code).not.toBe(2);
    expect(r.stdout).toContain('以下 3 个文件不是政府信息公开工作年度报告，未审核：\n  not-reports-scan/README.md  不是政府信息公开工作年度报告');
    expect(r.stdout.match(/not-reports-scan\/README\.md/g)).toHaveLength(1);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^共审核 1 份报告：[01] 份通过，[01] 份未通过；3 个文件不是年度报告，未审核。$/);
    // Named on the command line, a non-report is an input error (exit 2).
    expect(run(['not-reports-scan/README.md'], tmp).code).toBe(2);
    const en = run(['--locale', 'en', 'not-reports-scan'], tmp);
    expect(en.stdout).toContain('These 3 files are not government information-disclosure annual reports and were not audited:');
    expect(en.stdout.trimEnd().split('\n').at(-1)).toMatch(/^1 report audited: [01] passed, [01] failed; 3 files skipped \(not annual reports\)\.$/);
  });
});

describe('xxgk-audit: configuration, rules, plugins and exit codes', () => {
  const seed = (id: string) => `test/fixtures/seeds/${seedFiles.find((f) => f.startsWith(id))}`;

  it('exit 1 when a report has an error finding, 0 when none has (the example plugin decides)', () => {
    // required-phrases: seeds 001, 002 and 004 never name the 政府信息公开指南; 000 and 003 do.
    const failing = run(['--config', onlyPluginConfig, '--rule', 'required-phrases=error', '--format', 'json', 'test/fixtures/seeds']);
    expect(failing.code).toBe(1);
    const results = json(failing);
    expect(results.map((x) => x.passed)).toEqual([true, false, false, true, false]);
    expect(results.flatMap((x) => x.findings.map((f) => f.ruleId))).toEqual(['required-phrases', 'required-phrases', 'required-phrases']);

    const warning = run(['--config', onlyPluginConfig, '--format', 'json', 'test/fixtures/seeds']);
    expect(warning.code).toBe(0);
    expect(json(warning).flatMap((x) => x.findings.map((f) => f.severity))).toEqual(['warning', 'warning', 'warning']);
  });

  it('--min-score fails a report whose score is lower, even without errors', () => {
    expect(run(['--config', onlyPluginConfig, '--min-score', '100', seed('002')]).code).toBe(1);
    expect(run(['--config', onlyPluginConfig, '--min-score', '100', seed('003')]).code).toBe(0);
  });

  it('--rule id=off switches a rule off; --plugin loads a plugin given on the command line', () => {
    const off = run(['--config', onlyPluginConfig, '--rule', 'required-phrases=off', '--format', 'json', seed('002')]);
    expect(off.code).toBe(0);
    expect(json(off)[0]!.rules).toEqual([]);
    const builtInOff = Object.fromEntries(getRules().map((r) => [r.id, 'off']));
    const config = join(tmp, 'builtins-off.json');
    writeFileSync(config, JSON.stringify({ rules: builtInOff }));
    const viaFlag = run(['--config', config, '--plugin', 'examples/custom-rule/index.ts', '--format', 'json', seed('002')]);
    expect(json(viaFlag)[0]!.findings.map((f) => f.message)).toEqual(['报告未提及“政府信息公开指南”']);
  });

  it('--locale en gives English messages', () => {
    const r = run(['--config', onlyPluginConfig, '--locale', 'en', '--format', 'json', seed('002')]);
    expect(json(r)[0]!.findings.map((f) => f.message)).toEqual(['The report does not mention "政府信息公开指南"']);
  });

  it('rejects a config file that is not JSON, fails its schema or names an unknown rule, naming the file', () => {
    const notJson = join(tmp, 'not-json.json');
    writeFileSync(notJson, '{ rules: ');
    const a = run(['--config', notJson, seed('002')]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain(`xxgk-audit: 配置文件 ${notJson} 不是有效的 JSON`);

    const badField = join(tmp, 'bad-field.json');
    writeFileSync(badField, JSON.stringify({ maxFindingsPerRule: 0 }));
    const b = run(['--config', badField, seed('002')]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain(`xxgk-audit: 配置文件 ${badField} 无效：配置项 maxFindingsPerRule 的值无效：应不小于 1`);

    const unknown = run(['--rule', 'no-such-rule=error', seed('002')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('xxgk-audit: 配置无效：没有名为“no-such-rule”的规则（rules.no-such-rule）；可用的规则：required-sections、');
    const unknownEn = run(['--locale', 'en', '--rule', 'no-such-rule=error', seed('002')]);
    expect(unknownEn.stderr).toContain('xxgk-audit: invalid configuration: no rule named "no-such-rule" (rules.no-such-rule); known rules: required-sections, ');

    const missing = run(['--config', 'nowhere.json', seed('002')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('xxgk-audit: 配置文件 nowhere.json 无效：找不到该文件或文件夹');

    const badPlugin = run(['--plugin', './no-plugin.js', seed('002')]);
    expect(badPlugin.code).toBe(2);
    expect(badPlugin.stderr).toContain('xxgk-audit: 无法加载插件 ./no-plugin.js：找不到该文件或文件夹');
  });

  it('passes --year, --published-at, --issuer-type and --previous to the audit', () => {
    const r = run([
      '--format', 'json', '--year', '2023', '--issuer-type', 'department', '--published-at', '2024-01-20',
      '--previous', seed('003'), seed('002'),
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).not.toBe(2);
    const [result] = json(r);
    expect(result!.report.year).toBe(2023);
    expect(result!.report.issuerType).toBe('department');
    const missingPrevious = run(['--previous', 'last-year.txt', seed('002')]);
    expect(missingPrevious.code).toBe(2);
    expect(missingPrevious.stderr).toContain('xxgk-audit: 上一年度报告 last-year.txt：无法读取：找不到该文件或文件夹');
  });
});

describe('xxgk-audit: output formats', () => {
  it('text: findings as file:line:column grouped by rule, no colour when piped, colour with --color', () => {
    const r = run(['--config', onlyPluginConfig, `test/fixtures/seeds/${seedFiles[2]}`]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stdout).toContain(`\n  test/fixtures/seeds/${seedFiles[2]}:3:1  警告  报告未提及“政府信息公开指南”  required-phrases\n`);
    expect(r.stdout).not.toContain('报告写明上级要求提及的事项');
    const verbose = run(['--config', onlyPluginConfig, '--verbose', `test/fixtures/seeds/${seedFiles[2]}`]);
    expect(verbose.stdout).toContain('required-phrases  [未通过]  报告写明上级要求提及的事项（如“政府信息公开指南”）');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('共审核 1 份报告：1 份通过，0 份未通过。');
    const coloured = run(['--config', onlyPluginConfig, '--color', `test/fixtures/seeds/${seedFiles[2]}`]);
    expect(coloured.stdout).toContain('\u001b[33m警告\u001b[0m');
  });

  it('sarif: validates against the SARIF 2.1.0 schema, with the unreadable PDF as a notification', () => {
    folder('sarif', { ...seedCopies(), 'hzq2024.pdf': pdfFixture });
    const r = run(['--config', onlyPluginConfig, '--format', 'sarif', 'sarif'], tmp);
    const log = JSON.parse(r.stdout);
    expect(validateSarif(log) ? [] : validateSarif.errors).toEqual([]);
    const run0 = log.runs[0];
    expect(run0.tool.driver.rules.map((x: { id: string }) => x.id)).toEqual(['required-phrases']);
    // 001, 002 and 004 lack the phrase; so does the PDF once it can be read
    expect(run0.results).toHaveLength(pdfReaderExists ? 4 : 3);
    expect(run0.results[0].locations[0].physicalLocation.artifactLocation).toMatchObject({
      uri: `sarif/${seedFiles[1]}`,
      uriBaseId: 'SRCROOT',
    });
    expect(run0.originalUriBaseIds.SRCROOT.uri).toBe(pathToFileURL(tmp + '/').href);
    if (!pdfReaderExists) {
      expect(r.code).toBe(2);
      expect(run0.invocations[0].toolExecutionNotifications[0].message.text).toMatch(/^sarif\/hzq2024\.pdf: 暂时无法读取 PDF 文件/);
    }
  });

  it('html --output: writes one page with every report, and says where on stderr', () => {
    const out = join(tmp, 'r.html');
    const r = run(['--config', onlyPluginConfig, '--format', 'html', '--output', out, 'test/fixtures/seeds']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`结果已写入 ${out}\n`);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.match(/<section class="report" id="report-\d">/g)).toHaveLength(5);
    expect(html).toContain('报告未提及“政府信息公开指南”');
  });

  it('csv: one row per report and one per unreadable file', () => {
    const r = run(['--config', onlyPluginConfig, '--format', 'csv', 'test/fixtures/seeds', 'nothing-here.txt']);
    expect(r.code).toBe(2);
    const rows = r.stdout.trimEnd().split('\r\n');
    expect(rows[0]).toBe('文件,标题,发布机关,年份,格式,得分,结论,错误,警告,提示,required-phrases,问题所在页,错误信息');
    expect(rows).toHaveLength(1 + 5 + 1);
    expect(rows[3]).toMatch(new RegExp(`^test/fixtures/seeds/${seedFiles[2]},焦虎镇 2024年政府信息公开工作年度报告,焦虎镇,2024,TPL2021,0,通过,0,1,0,未通过,,$`));
    expect(rows[6]).toBe('nothing-here.txt,,,,,,,,,,,,找不到该文件或文件夹');
  });

  it('--output into a folder that does not exist: exit 2 naming the output file', () => {
    const r = run(['--format', 'json', '--output', join(tmp, 'no', 'dir', 'r.json'), `test/fixtures/seeds/${seedFiles[0]}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`xxgk-audit: 无法写入输出文件 ${join(tmp, 'no', 'dir', 'r.json')}：找不到该文件或文件夹`);
  });
});

describe('xxgk-audit: each report written as it comes', () => {
  it('jsonl: one AuditResult per line, the same results as json, in the same order (its help line: the first test)', () => {
    const lines = run(['--format', 'jsonl', 'test/fixtures/seeds', 'nothing-here.txt']);
    const array = run(['--format', 'json', 'test/fixtures/seeds', 'nothing-here.txt']);
    expect(lines.code).toBe(2);
    expect(lines.stderr).toBe(array.stderr);
    expect(lines.stdout.endsWith('\n')).toBe(true);
    const results = lines.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as AuditResult);
    expect(results).toEqual(json(array));
    for (const result of results) expect(validateResult(result) ? [] : validateResult.errors).toEqual([]);
    const out = join(tmp, 'r.jsonl');
    const toFile = run(['--format', 'jsonl', '--output', out, 'test/fixtures/seeds']);
    expect(toFile.stderr).toBe(`结果已写入 ${out}\n`);
    expect(readFileSync(out, 'utf8')).toBe(lines.stdout);
  });

  it('json, csv, text and sarif written report by report are what the formatters give for all the results at once', () => {
    const dir = folder('streamed', { ...seedCopies('a/'), ...seedCopies('b/') });
    writeFileSync(join(dir, 'b', 'zz-bad.docx'), Buffer.from('not a zip at all'));
    const args = ['--jobs', '2', dir, 'nothing-here.txt'];
    const asJson = run(['--format', 'json', ...args]);
    expect(asJson.code).toBe(2);
    const results = json(asJson);
    expect(results).toHaveLength(10);
    expect(asJson.stdout).toBe(JSON.stringify(results, null, 2) + '\n');
    // The files that could not be audited, as the command names them (in input order: the command line first).
    const inputErrors = asJson.stderr
      .trimEnd()
      .split('\n')
      .map((l) => /^xxgk-audit: (\S+): (.*)$/.exec(l)!)
      .map(([, uri, message]) => ({ uri: uri!, message: message! }))
      .sort((a, b) => (a.uri === 'nothing-here.txt' ? -1 : b.uri === 'nothing-here.txt' ? 1 : 0));
    expect(inputErrors.map((e) => e.uri)).toEqual(['nothing-here.txt', join(dir, 'b', 'zz-bad.docx')]);
    const rules = createAuditor().rules;

    expect(run(['--format', 'csv', ...args]).stdout).toBe(toCsv(results, { rules, inputErrors }));
    const out = join(tmp, 'streamed.csv');
    run(['--format', 'csv', '--output', out, ...args]);
    expect(readFileSync(out, 'utf8')).toBe(toCsv(results, { rules, inputErrors, bom: true }));
    expect(run(['--locale', 'en', '--format', 'csv', `test/fixtures/seeds/${seedFiles[0]}`]).stdout).toBe(
      toCsv(json(run(['--locale', 'en', '--format', 'json', `test/fixtures/seeds/${seedFiles[0]}`])), { locale: 'en' }),
    );

    expect(run(args).stdout).toBe(formatText(results, { rules, inputErrors }));
    expect(run(['--verbose', ...args]).stdout).toBe(formatText(results, { rules, inputErrors, verbose: true }));

    const sarif = JSON.parse(run(['--format', 'sarif', ...args]).stdout);
    expect(validateSarif(sarif) ? [] : validateSarif.errors).toEqual([]);
    expect(sarif).toEqual(JSON.parse(JSON.stringify(toSarif(results, { rules, inputErrors, toolVersion: pkg.version, srcRoot: pathToFileURL(root + '/').href }))));
  });

  it('an empty result list is still a valid document in every format', () => {
    const args = ['nothing-here.txt'];
    expect(run(['--format', 'json', ...args]).stdout).toBe('[]\n');
    expect(run(['--format', 'jsonl', ...args]).stdout).toBe('');
    const sarif = JSON.parse(run(['--format', 'sarif', ...args]).stdout);
    expect(validateSarif(sarif) ? [] : validateSarif.errors).toEqual([]);
    expect(sarif.runs[0].results).toEqual([]);
    expect(run(['--format', 'csv', ...args]).stdout).toBe(toCsv([], { inputErrors: [{ uri: 'nothing-here.txt', message: '找不到该文件或文件夹' }] }));
  });

  it('keeps the input order when workers finish out of order (more files than the reorder buffer holds)', () => {
    // Big and small reports in turn, so that the worker with the small ones runs ahead of the other.
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`${String(i).padStart(2, '0')}.txt`] = join(seedsDir, seedFiles[i % 2 === 0 ? 3 : 2]!);
    const dir = folder('order', files);
    // Written to files: 30 results are more than spawnSync keeps of a child's stdout.
    const [single, threaded] = ['1', '2'].map((jobs) => {
      const out = join(tmp, `order-${jobs}.jsonl`);
      expect(run(['--jobs', jobs, '--format', 'jsonl', '--output', out, dir]).code).not.toBe(2);
      return readFileSync(out, 'utf8');
    });
    expect(threaded).toBe(single);
    expect(threaded!.trimEnd().split('\n').map((l) => (JSON.parse(l) as AuditResult).report.uri)).toEqual(
      Object.keys(files).map((f) => join(dir, f)),
    );
  });
});

describe('xxgk-audit: worker threads', () => {
  it('gives the same results with worker threads as in one thread, in input order, plugins included', () => {
    // 15 files: more than the threshold, so workers are used by default on a machine with several cores;
    // --jobs makes it explicit either way.
    const dir = folder('batch', { ...seedCopies('a/'), ...seedCopies('b/'), ...seedCopies('c/') });
    const args = ['--config', onlyPluginConfig, '--format', 'json', '--verbose', dir];
    const threaded = run(['--jobs', '3', ...args]);
    const single = run(['--jobs', '1', ...args]);
    expect(threaded.stderr).toBe('使用 3 个工作线程审核 15 个文件\n');
    expect(single.stderr).toBe('在主线程中审核 15 个文件\n');
    expect(threaded.code).toBe(0);
    expect(threaded.stdout).toBe(single.stdout);
    const results = json(threaded);
    expect(results.map((x) => x.report.uri)).toEqual(
      ['a', 'b', 'c'].flatMap((d) => seedFiles.map((f) => join(dir, d, f))),
    );
    expect(results.filter((x) => x.findings.some((f) => f.ruleId === 'required-phrases'))).toHaveLength(9);
  });

  it('reports an unreadable file from a worker like any other', () => {
    const dir = folder('batch-bad', { ...seedCopies('a/'), ...seedCopies('b/') });
    writeFileSync(join(dir, 'b', 'zz-bad.docx'), Buffer.from('not a zip at all'));
    const r = run(['--jobs', '2', '--format', 'json', 'batch-bad'], tmp);
    expect(r.code).toBe(2);
    expect(json(r)).toHaveLength(10);
    expect(r.stderr).toMatch(/^xxgk-audit: batch-bad\/b\/zz-bad\.docx: 无法审核：/);
  });
});
