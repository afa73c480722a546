/**
 * One self-contained HTML page (inline CSS, no script, no external resource) that a clerk can read on
 * screen and print: a summary of the batch, then per report the score, a summary per rule, each
 * finding with the section it belongs to, and the recognised tables with the cells of failing
 * identities highlighted and the expected value shown.
 *
 * A finding is drawn on a table cell when
 * - its `data` names the cell: `{ table: 'T3', row, column }` with row and column keys (the cell whose
 *   value is wrong; the expected value is shown in it), and/or `data.cells: [{ table?, row, column }]`
 *   (the other cells of the failing identity, highlighted without a value); `data.tableId` may carry
 *   the table id when `data.table` is the printed name; or
 * - its position lies inside the cell's position (a rule that reports on the cell itself).
 */
import type { AuditResult, Finding, Position, RecognisedTable, RuleMeta, Severity, TableCell } from '../types';
import {
  countSeverities,
  describeRule,
  displayName,
  reportPasses,
  ruleIndex,
  showValue,
  summarize,
  wordsFor,
  type FormatOptions,
  type Words,
} from './labels';

export interface HtmlFormatOptions extends FormatOptions {
  /** The page title (default: 政府信息公开工作年度报告审核结果). */
  title?: string;
  /** Shown under the title, e.g. the time the audit ran (nothing by default, so output is reproducible). */
  generatedAt?: string;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

interface PageWords {
  pageTitle: string;
  overview: string;
  reportCount: string;
  tables: string;
  findings: string;
  rules: string;
  sections: string;
  noTables: string;
  noCells: string;
  noSections: string;
  tableFindings: string;
  impact: string;
  outcome: string;
  count: string;
  note: string;
  index: string;
  level: string;
  problem: string;
  where: string;
  expectedTemplate: string;
  legend: string;
  generated: string;
}

const PAGE: Record<'zh-CN' | 'en', PageWords> = {
  'zh-CN': {
    pageTitle: '政府信息公开工作年度报告审核结果',
    overview: '审核汇总',
    reportCount: '报告',
    tables: '识别的统计表格',
    findings: '问题清单',
    rules: '逐项检查结果',
    sections: '识别的报告结构',
    noTables: '未识别到统计表格。',
    noCells: '识别出本表，但未能读出其中的数值（版式无法逐行对齐），请人工核对。',
    noSections: '未识别到编号的部分标题。',
    tableFindings: '本表问题',
    impact: '重要性',
    outcome: '结果',
    count: '问题数',
    note: '说明',
    index: '序号',
    level: '级别',
    problem: '问题',
    where: '位置',
    expectedTemplate: '应采用',
    legend: '标色单元格：红色为错误，黄色为警告，蓝色为提示；单元格内“应为”是按勾稽关系算出的数值。',
    generated: '生成时间',
  },
  en: {
    pageTitle: 'Audit of government information-disclosure annual reports',
    overview: 'Summary',
    reportCount: 'report',
    tables: 'Recognised tables',
    findings: 'Findings',
    rules: 'Checks',
    sections: 'Recognised structure',
    noTables: 'No statistics table recognised.',
    noCells: 'The table was recognised but its values could not be read (the layout could not be aligned); check by hand.',
    noSections: 'No numbered section headings recognised.',
    tableFindings: 'Findings in this table',
    impact: 'impact',
    outcome: 'result',
    count: 'findings',
    note: 'note',
    index: '#',
    level: 'level',
    problem: 'finding',
    where: 'where',
    expectedTemplate: 'expected',
    legend: 'Coloured cells: red error, yellow warning, blue info; "expected" is the value the table identity requires.',
    generated: 'generated',
  },
};

/** Formats audit results as one self-contained HTML page (pure: returns the markup). */
export function toHtml(results: ReadonlyArray<AuditResult>, options: HtmlFormatOptions = {}): string {
  const locale = options.locale === 'en' ? 'en' : 'zh-CN';
  const w = wordsFor(locale);
  const p = PAGE[locale];
  const title = options.title ?? p.pageTitle;
  const summary = summarize(results, options);
  const body: string[] = [];

  body.push(`<header class="page-head"><h1>${esc(title)}</h1>`);
  if (options.generatedAt) body.push(`<p class="muted">${esc(p.generated)}：${esc(options.generatedAt)}</p>`);
  body.push(`<p class="summary">${esc(w.summary(summary))}</p></header>`);

  if (results.length > 1 || (options.inputErrors?.length ?? 0) > 0) {
    body.push(`<section class="overview"><h2>${esc(p.overview)}</h2>`);
    body.push('<table class="grid"><thead><tr>');
    for (const h of [w.file, w.title, w.issuer, w.yearHeader, w.templateHeader, w.score, w.result, w.findings]) {
      body.push(`<th>${esc(h)}</th>`);
    }
    body.push('</tr></thead><tbody>');
    results.forEach((r, i) => {
      const ok = reportPasses(r);
      body.push(
        `<tr><td><a href="#report-${i + 1}">${esc(displayName(r, i))}</a></td>` +
          `<td>${esc(r.report.title ?? w.noTitle)}</td><td>${esc(r.report.issuer ?? '')}</td>` +
          `<td>${r.report.year ?? ''}</td><td>${esc(w.template[r.report.template])}</td>` +
          `<td class="num">${r.score}</td><td class="${ok ? 'pass' : 'fail'}">${esc(ok ? w.verdictPass : w.verdictFail)}</td>` +
          `<td class="num">${r.findings.length}</td></tr>`,
      );
    });
    body.push('</tbody></table>');
    if (options.inputErrors?.length) {
      body.push(`<h3>${esc(w.unreadable)}</h3><ul class="unreadable">`);
      for (const e of options.inputErrors) body.push(`<li><code>${esc(e.uri)}</code>：${esc(e.message)}</li>`);
      body.push('</ul>');
    }
    body.push('</section>');
  }

  const rules = ruleIndex(options);
  results.forEach((result, i) => body.push(reportHtml(result, i, options, rules, w, p)));

  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="xxgk-audit">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}

function reportHtml(
  result: AuditResult,
  index: number,
  options: HtmlFormatOptions,
  rules: Map<string, RuleMeta>,
  w: Words,
  p: PageWords,
): string {
  const r = result.report;
  const ok = reportPasses(result);
  const counts = countSeverities(result);
  const out: string[] = [];
  out.push(`<section class="report" id="report-${index + 1}">`);
  out.push('<div class="report-head">');
  out.push(`<div class="score ${ok ? 'pass' : 'fail'}"><span class="value">${result.score}</span><span class="unit">/ 100</span>`);
  out.push(`<span class="verdict">${esc(ok ? w.verdictPass : w.verdictFail)}</span></div>`);
  out.push(`<div><h2>${esc(r.title ?? w.noTitle)}</h2><dl class="facts">`);
  out.push(`<dt>${esc(w.file)}</dt><dd><code>${esc(displayName(result, index))}</code></dd>`);
  out.push(`<dt>${esc(w.issuer)}</dt><dd>${esc(r.issuer ?? w.noIssuer)}</dd>`);
  out.push(`<dt>${esc(w.yearHeader)}</dt><dd>${esc(r.year !== null ? w.year(r.year) : w.noYear)}</dd>`);
  const expected =
    r.expectedTemplate !== r.template && r.expectedTemplate !== 'unknown'
      ? `（${esc(p.expectedTemplate)}${esc(w.template[r.expectedTemplate])}）`
      : '';
  out.push(`<dt>${esc(w.templateHeader)}</dt><dd>${esc(w.template[r.template])}${expected}</dd>`);
  out.push(`<dt>${esc(p.findings)}</dt><dd>${esc(w.counts(counts))}</dd>`);
  out.push('</dl></div></div>');

  // Summary per rule.
  out.push(`<h3>${esc(p.rules)}</h3><table class="grid rules"><thead><tr>`);
  for (const h of [w.rule, w.description, p.impact, p.outcome, p.count, p.note]) out.push(`<th>${esc(h)}</th>`);
  out.push('</tr></thead><tbody>');
  for (const o of result.rules) {
    const meta = rules.get(o.ruleId);
    out.push(
      `<tr class="outcome-${o.outcome}"><td><code>${esc(o.ruleId)}</code></td>` +
        `<td>${esc(describeRule(meta, o.ruleId, options.locale))}</td><td>${esc(w.impact[o.impact])}</td>` +
        `<td class="${o.outcome}">${esc(w.outcome[o.outcome])}</td><td class="num">${o.findingCount}</td>` +
        `<td>${esc(o.reason ?? '')}</td></tr>`,
    );
  }
  out.push('</tbody></table>');
  for (const e of result.errors) out.push(`<p class="crash">${esc(w.ruleCrashed(e.ruleId, e.message))}</p>`);

  // Findings.
  out.push(`<h3>${esc(p.findings)}</h3>`);
  if (result.findings.length === 0) {
    out.push(`<p class="pass">${esc(w.noFindings)}</p>`);
  } else {
    out.push('<table class="grid findings"><thead><tr>');
    for (const h of [p.index, p.level, p.problem, w.section_, p.where, w.snippet]) out.push(`<th>${esc(h)}</th>`);
    out.push('</tr></thead><tbody>');
    result.findings.forEach((f, k) => {
      const values = expectedActual(f, w);
      const section = f.section ? f.section.title || (f.section.key ? w.section[f.section.key] : '') : '';
      out.push(
        `<tr class="sev-${f.severity}"><td class="num">${k + 1}</td>` +
          `<td><span class="badge ${f.severity}">${esc(w.severity[f.severity])}</span></td>` +
          `<td>${esc(f.message)}${values.length ? `<div class="values">${esc(values.join('；'))}</div>` : ''}` +
          `<div class="rule-id">${esc(f.ruleId)}</div></td>` +
          `<td>${esc(section)}</td><td class="where">${esc(w.where(f.position.start))}</td>` +
          `<td class="snippet">${esc(f.snippet)}</td></tr>`,
      );
    });
    out.push('</tbody></table>');
  }

  // Recognised tables.
  out.push(`<h3>${esc(p.tables)}</h3>`);
  if (r.tables.length === 0) {
    out.push(`<p class="muted">${esc(p.noTables)}</p>`);
  } else {
    out.push(`<p class="muted legend">${esc(p.legend)}</p>`);
    const marks = cellMarks(result);
    for (const table of r.tables) out.push(tableHtml(table, marks, w, p));
  }

  // Recognised structure.
  const top = r.sections.filter((s) => s.depth === 1);
  out.push(`<h3>${esc(p.sections)}</h3>`);
  if (top.length === 0) {
    out.push(`<p class="muted">${esc(p.noSections)}</p>`);
  } else {
    out.push('<ol class="sections">');
    for (const s of top) {
      const canonical = s.key ? `<span class="muted">（${esc(w.section[s.key])}）</span>` : '';
      out.push(`<li>${esc(s.title)}${canonical} <span class="muted">${esc(w.where(s.position.start))}</span></li>`);
    }
    out.push('</ol>');
  }
  out.push('</section>');
  return out.join('\n');
}

interface CellMark {
  severity: Severity;
  findings: Finding[];
  /** Expected values from findings that name this cell as the one that is wrong. */
  expected: string[];
}

type Marks = Map<string, CellMark>;

function cellKey(table: string, row: string, column: string): string {
  return `${table}\u0001${row}\u0001${column}`;
}

function within(inner: Position, outer: Position): boolean {
  return inner.start.offset >= outer.start.offset && inner.end.offset <= outer.end.offset;
}

/** Which cells each finding is about (see the file comment). */
function cellMarks(result: AuditResult): Marks {
  const marks: Marks = new Map();
  const mark = (key: string, f: Finding, target: boolean) => {
    let m = marks.get(key);
    if (!m) {
      m = { severity: f.severity, findings: [], expected: [] };
      marks.set(key, m);
    }
    if (RANK[f.severity] > RANK[m.severity]) m.severity = f.severity;
    if (!m.findings.includes(f)) m.findings.push(f);
    if (target && f.expected !== undefined) {
      const v = showValue(f.expected);
      if (v !== '' && !m.expected.includes(v)) m.expected.push(v);
    }
  };
  const tables = result.report.tables;
  for (const f of result.findings) {
    const data = (f.data ?? {}) as Record<string, unknown>;
    // The table id: `tableId` (when `table` holds the printed name), else `table`.
    const table = typeof data.tableId === 'string' ? data.tableId : typeof data.table === 'string' ? data.table : undefined;
    if (table && typeof data.row === 'string' && typeof data.column === 'string') {
      mark(cellKey(table, data.row, data.column), f, true);
    }
    if (Array.isArray(data.cells)) {
      for (const c of data.cells as unknown[]) {
        if (!c || typeof c !== 'object') continue;
        const ref = c as Record<string, unknown>;
        const t = typeof ref.table === 'string' ? ref.table : table;
        if (t && typeof ref.row === 'string' && typeof ref.column === 'string') mark(cellKey(t, ref.row, ref.column), f, false);
      }
    }
    for (const t of tables) {
      if (!within(f.position, t.position)) continue;
      for (const c of t.cells) if (within(f.position, c.position)) mark(cellKey(t.id, c.row, c.column), f, true);
    }
  }
  return marks;
}

function tableHtml(table: RecognisedTable, marks: Marks, w: Words, p: PageWords): string {
  const cells = new Map<string, TableCell>();
  for (const c of table.cells) cells.set(`${c.row}\u0001${c.column}`, c);
  const out: string[] = [];
  out.push(`<figure class="table-wrap"><table class="grid report-table" data-table="${esc(table.id)}">`);
  out.push(`<caption>${esc(table.name)}</caption><thead><tr><th></th>`);
  for (const col of table.columns) out.push(`<th>${esc(col.label)}</th>`);
  out.push('</tr></thead><tbody>');
  const tableFindings: Finding[] = [];
  for (const row of table.rows) {
    out.push(`<tr><th class="row-label">${esc(row.label)}</th>`);
    for (const col of table.columns) {
      const c = cells.get(`${row.key}\u0001${col.key}`);
      const m = marks.get(cellKey(table.id, row.key, col.key));
      if (m) for (const f of m.findings) if (!tableFindings.includes(f)) tableFindings.push(f);
      const classes = ['cell', c ? `kind-${c.kind}` : 'absent', m ? `mark sev-${m.severity}` : ''].filter(Boolean).join(' ');
      const tip = m ? ` title="${esc(m.findings.map((f) => f.message).join('\n'))}"` : '';
      const text = c ? c.text : '';
      const note = c?.note ? `<span class="note">${esc(c.note)}</span>` : '';
      const expected = m && m.expected.length ? `<span class="expected">${esc(w.expected)} ${esc(m.expected.join(' / '))}</span>` : '';
      out.push(`<td class="${classes}" data-row="${esc(row.key)}" data-column="${esc(col.key)}"${tip}><span class="value">${esc(text)}</span>${note}${expected}</td>`);
    }
    out.push('</tr>');
  }
  out.push('</tbody></table>');
  if (table.cells.length === 0) out.push(`<p class="muted">${esc(p.noCells)}</p>`);
  if (tableFindings.length > 0) {
    out.push(`<figcaption><strong>${esc(p.tableFindings)}</strong><ul>`);
    for (const f of tableFindings) {
      const values = expectedActual(f, w);
      out.push(
        `<li class="sev-${f.severity}"><span class="badge ${f.severity}">${esc(w.severity[f.severity])}</span> ${esc(f.message)}` +
          (values.length ? `（${esc(values.join('；'))}）` : '') +
          '</li>',
      );
    }
    out.push('</ul></figcaption>');
  }
  out.push('</figure>');
  return out.join('');
}

/** 「应为 X」「实为 Y」 for a finding, leaving out empty values. */
function expectedActual(f: Finding, w: Words): string[] {
  const out: string[] = [];
  const expected = showValue(f.expected);
  const actual = showValue(f.actual);
  if (expected !== '') out.push(`${w.expected} ${expected}`);
  if (actual !== '') out.push(`${w.actual} ${actual}`);
  return out;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );
}

const CSS = `
:root { --err: #b3261e; --err-bg: #fde7e6; --warn: #8a5a00; --warn-bg: #fff3cd; --info: #0b5394; --info-bg: #e3effb;
  --ok: #1b6e20; --ok-bg: #e6f4e7; --line: #c8c8c8; --muted: #666; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 24px; color: #1a1a1a; background: #fff;
  font: 15px/1.6 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "SimSun", sans-serif; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 0 0 6px; }
h3 { font-size: 16px; margin: 22px 0 8px; padding-bottom: 2px; border-bottom: 2px solid #eee; }
code { font-family: "Noto Sans Mono CJK SC", Consolas, monospace; font-size: 13px; }
.muted { color: var(--muted); }
.summary { font-weight: bold; }
.page-head { border-bottom: 3px solid #333; margin-bottom: 16px; padding-bottom: 8px; }
table.grid { border-collapse: collapse; width: 100%; margin: 6px 0 10px; font-size: 14px; }
table.grid th, table.grid td { border: 1px solid var(--line); padding: 4px 8px; vertical-align: top; text-align: left; }
table.grid thead th { background: #f3f3f3; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.pass { color: var(--ok); font-weight: bold; }
.fail { color: var(--err); font-weight: bold; }
td.inapplicable, td.incomplete { color: var(--muted); }
.report { margin-top: 28px; padding-top: 12px; border-top: 3px solid #333; }
.report-head { display: flex; gap: 20px; align-items: flex-start; }
.score { min-width: 120px; text-align: center; border: 3px solid; border-radius: 10px; padding: 8px 10px; }
.score.pass { border-color: var(--ok); background: var(--ok-bg); }
.score.fail { border-color: var(--err); background: var(--err-bg); }
.score .value { display: block; font-size: 34px; line-height: 1.1; }
.score .unit { display: block; font-size: 13px; color: var(--muted); font-weight: normal; }
.score .verdict { display: block; margin-top: 4px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 4px 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.badge { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 12px; white-space: nowrap; border: 1px solid; }
.badge.error { color: var(--err); background: var(--err-bg); }
.badge.warning { color: var(--warn); background: var(--warn-bg); }
.badge.info { color: var(--info); background: var(--info-bg); }
table.rules td:nth-child(1), table.rules td:nth-child(3), table.rules td:nth-child(4), table.rules td:nth-child(5),
table.rules th { white-space: nowrap; }
table.rules td:nth-child(6) { min-width: 8em; }
.findings td:nth-child(2), .findings th { white-space: nowrap; }
.findings td:nth-child(4) { min-width: 7em; }
.findings .values { color: var(--err); font-weight: bold; margin-top: 2px; }
.findings .rule-id { color: var(--muted); font-size: 12px; }
.findings .where { white-space: nowrap; }
.findings .snippet { color: #444; font-size: 13px; }
.crash { color: var(--err); }
.table-wrap { margin: 10px 0 18px; overflow-x: auto; }
.report-table caption { caption-side: top; text-align: left; font-weight: bold; padding: 4px 0; }
.report-table td.cell { text-align: right; min-width: 3.2em; font-variant-numeric: tabular-nums; }
.report-table th.row-label { font-weight: normal; background: #fafafa; min-width: 12em; }
.report-table td.absent { background: repeating-linear-gradient(45deg, #fff, #fff 4px, #f2f2f2 4px, #f2f2f2 8px); }
.report-table td.kind-blank, .report-table td.kind-slash, .report-table td.kind-dash { color: var(--muted); }
.report-table td.mark { outline: 2px solid; outline-offset: -2px; font-weight: bold; }
.report-table td.sev-error { background: var(--err-bg); outline-color: var(--err); }
.report-table td.sev-warning { background: var(--warn-bg); outline-color: #d39e00; }
.report-table td.sev-info { background: var(--info-bg); outline-color: var(--info); }
.report-table .expected { display: block; font-size: 12px; color: var(--err); white-space: nowrap; }
.report-table .note { display: block; font-size: 11px; color: var(--muted); }
figcaption ul { margin: 4px 0; padding-left: 20px; }
ol.sections { margin: 4px 0; }
ul.unreadable li { color: var(--err); }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  .report { page-break-before: always; border-top: none; }
  .report:first-of-type { page-break-before: auto; }
  tr, .report-head, figure { page-break-inside: avoid; }
  h2, h3, caption { page-break-after: avoid; break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  .table-wrap { overflow: visible; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
@page { size: A4; margin: 15mm 12mm; }
`;
