/**
 * One self-contained HTML page (inline CSS, no script, no external resource) that a clerk can read on
 * screen and print. Per report: the score and verdict, then the findings first, grouped by the part
 * of the report they are in, each linking to its place (the table cell it is about, else the part in
 * the outline); then the recognised tables with the cells of failing identities marked and the
 * expected value shown; the outline; and last the list of checks, folded away in `<details>`.
 * Chinese text uses the system's CJK fonts; at phone width only tables scroll sideways, each in its
 * own box; a print style starts each report on a page.
 *
 * A finding is drawn on a table cell when
 * - its `data` names the cell: `{ table: 'T3', cell: { row, column } }` or `{ table: 'T3', row, column }` with row
 *   and column keys (the cell whose value is wrong; the expected value is shown in it), and/or `data.cells: [{ table?, row, column }]`
 *   (the other cells of the failing identity, highlighted without a value); `data.tableId` may carry
 *   the table id when `data.table` is the printed name; or
 * - its position lies inside the cell's position (a rule that reports on the cell itself).
 */
import type { AuditResult, Finding, Locale, Position, RecognisedTable, RuleMeta, Severity, TableCell } from '../types';
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
  /** The group of findings not inside a numbered part (they link to the report's head). */
  wholeReport: string;
  page: (n: number) => string;
  rulesSummary: (total: number, failing: number) => string;
  /** Punctuation of the locale: 「（…）」 and 「；」 in Chinese, " (…)" and "; " in English. */
  paren: (text: string) => string;
  semicolon: string;
  space: string;
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
    wholeReport: '全文',
    page: (n) => `第${n}页`,
    rulesSummary: (total, failing) => `共 ${total} 项，${failing} 项未通过`,
    paren: (text) => `（${text}）`,
    semicolon: '；',
    space: '',
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
    wholeReport: 'The whole report',
    page: (n) => `p. ${n}`,
    rulesSummary: (total, failing) => `${total} ${total === 1 ? 'check' : 'checks'}, ${failing} failing`,
    paren: (text) => ` (${text})`,
    semicolon: '; ',
    space: ' ',
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
  // One line under the title: the batch's summary, then when it was made.
  const generated = options.generatedAt ? ` <span class="generated">${esc(p.generated)}${w.colon}${esc(options.generatedAt)}</span>` : '';
  body.push(`<p class="summary">${esc(w.summary(summary))}${generated}</p></header>`);

  if (results.length > 1 || (options.inputErrors?.length ?? 0) > 0) {
    body.push(`<section class="overview"><h2>${esc(p.overview)}</h2>`);
    body.push('<div class="table-wrap"><table class="grid overview-table"><thead><tr>');
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
    body.push('</tbody></table></div>');
    if (options.inputErrors?.length) {
      body.push(`<h3>${esc(w.unreadable)}</h3><ul class="unreadable">`);
      for (const e of options.inputErrors) body.push(`<li><code>${esc(e.uri)}</code>${w.colon}${esc(e.message)}</li>`);
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
  const id = `r${index + 1}`;
  const marks = cellMarks(result);
  const top = r.sections.filter((s) => s.depth === 1);
  const groups = groupBySection(result.findings, w, p);
  /** Findings are numbered as they are listed: by part, then position. */
  const numbers = new Map<Finding, number>();
  for (const g of groups) for (const f of g.findings) numbers.set(f, numbers.size + 1);
  const out: string[] = [];
  out.push(`<section class="report" id="report-${index + 1}">`);
  out.push(`<div class="report-head" id="${id}-head">`);
  out.push(`<div class="score ${ok ? 'pass' : 'fail'}"><span class="value">${result.score}</span><span class="unit">/ 100</span>`);
  out.push(`<span class="verdict">${esc(ok ? w.verdictPass : w.verdictFail)}</span></div>`);
  out.push(`<div class="head-text"><h2>${esc(r.title ?? w.noTitle)}</h2><dl class="facts">`);
  out.push(`<dt>${esc(w.file)}</dt><dd><code>${esc(displayName(result, index))}</code></dd>`);
  out.push(`<dt>${esc(w.issuer)}</dt><dd>${esc(r.issuer ?? w.noIssuer)}</dd>`);
  out.push(`<dt>${esc(w.yearHeader)}</dt><dd>${esc(r.year !== null ? w.year(r.year) : w.noYear)}</dd>`);
  const expected =
    r.expectedTemplate !== r.template && r.expectedTemplate !== 'unknown'
      ? esc(p.paren(`${p.expectedTemplate}${p.space}${w.template[r.expectedTemplate]}`))
      : '';
  out.push(`<dt>${esc(w.templateHeader)}</dt><dd>${esc(w.template[r.template])}${expected}</dd>`);
  out.push(`<dt>${esc(p.findings)}</dt><dd>${esc(w.counts(counts))}</dd>`);
  out.push('</dl></div></div>');

  // 1. The findings, first, grouped by the part of the report they are in, each linking to its place.
  out.push(`<h3>${esc(p.findings)}</h3>`);
  for (const e of result.errors) out.push(`<p class="crash">${esc(w.ruleCrashed(e.ruleId, e.message))}</p>`);
  if (result.findings.length === 0) {
    out.push(`<p class="pass">${esc(w.noFindings)}</p>`);
  } else {
    for (const group of groups) {
      out.push(`<section class="finding-group"><h4>${esc(group.title)}</h4><ol class="findings">`);
      for (const f of group.findings) {
        const k = numbers.get(f)!;
        const values = expectedActual(f, w);
        const place = placeOf(f, marks, top, id);
        const where = w.line(f.position.start.line, f.position.start.column) + (f.position.start.page ? ` · ${p.page(f.position.start.page)}` : '');
        out.push(
          `<li class="finding sev-${f.severity}" id="${id}-f${k}" value="${k}">` +
            `<span class="badge ${f.severity}">${esc(w.severity[f.severity])}</span> ` +
            `<span class="message">${esc(f.message)}</span>` +
            (values.length ? `<div class="values">${esc(values.join(p.semicolon))}</div>` : '') +
            `<div class="meta"><a class="where" href="#${place.anchor}" title="${esc(place.label)}">${esc(where)}</a>` +
            ` <span class="rule-id">${esc(f.ruleId)}</span></div>` +
            (f.snippet ? `<div class="snippet">${esc(f.snippet)}</div>` : '') +
            '</li>',
        );
      }
      out.push('</ol></section>');
    }
  }

  // 2. The recognised tables, failing cells marked with the values they should hold.
  out.push(`<h3>${esc(p.tables)}</h3>`);
  if (r.tables.length === 0) {
    out.push(`<p class="muted">${esc(p.noTables)}</p>`);
  } else {
    out.push(`<p class="muted legend">${esc(p.legend)}</p>`);
    for (const table of r.tables) out.push(tableHtml(table, marks, id, numbers, w, p));
  }

  // 3. The recognised structure: the places findings outside the tables link to.
  out.push(`<h3>${esc(p.sections)}</h3>`);
  if (top.length > 0) out.push('<ol class="sections">');
  top.forEach((s, n) => {
    const canonical = s.key ? `<span class="muted">${esc(p.paren(w.section[s.key]))}</span>` : '';
    out.push(
      `<li id="${id}-s${n + 1}">${esc(s.title)}${canonical} <span class="muted">${esc(w.line(s.position.start.line, s.position.start.column))}</span></li>`,
    );
  });
  if (top.length > 0) out.push('</ol>');
  else out.push(`<p class="muted">${esc(p.noSections)}</p>`);

  // 4. What each rule checked, folded away: a clerk needs it only to ask why.
  const failing = result.rules.filter((o) => o.outcome === 'fail').length;
  out.push(`<details class="rules"><summary>${esc(p.rules)}${esc(p.paren(p.rulesSummary(result.rules.length, failing)))}</summary>`);
  out.push('<div class="table-wrap"><table class="grid rules"><thead><tr>');
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
  out.push('</tbody></table></div></details>');
  out.push('</section>');
  return out.join('\n');
}

/**
 * The parts of one result's report that a page showing the report apart draws (examples/web): the findings
 * grouped and numbered as `toHtml` lists them (indices into `result.findings`; finding k, from 1, has the id
 * `${prefix}-f${k}`), and the recognised tables exactly as `toHtml` draws them (failing cells marked with the
 * expected values, linking to those ids).
 */
export function toHtmlParts(
  result: AuditResult,
  options: { locale?: Locale; prefix?: string } = {},
): { groups: Array<{ title: string; findings: number[] }>; tables: string } {
  const locale = options.locale === 'en' ? 'en' : 'zh-CN';
  const w = wordsFor(locale);
  const p = PAGE[locale];
  const id = options.prefix ?? 'r1';
  const groups = groupBySection(result.findings, w, p);
  const numbers = new Map<Finding, number>();
  for (const g of groups) for (const f of g.findings) numbers.set(f, numbers.size + 1);
  const index = new Map<Finding, number>(result.findings.map((f, i) => [f, i]));
  const marks = cellMarks(result);
  const tables = result.report.tables.map((t) => tableHtml(t, marks, id, numbers, w, p)).join('\n');
  return { groups: groups.map((g) => ({ title: g.title, findings: g.findings.map((f) => index.get(f)!) })), tables };
}

interface FindingGroup {
  title: string;
  findings: Finding[];
}

/** The findings by the part of the report they are in, parts in the order their first finding comes (findings are
 *  sorted by position, so this is the report's order). */
function groupBySection(findings: ReadonlyArray<Finding>, w: Words, p: PageWords): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    const title = f.section ? f.section.title || (f.section.key ? w.section[f.section.key] : '') : '';
    const key = title || '\u0000';
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { title: title || p.wholeReport, findings: [] }));
    g.findings.push(f);
  }
  return [...groups.values()];
}

/** Where a finding's link goes: the table cell it is about, else the part of the report it is in. */
function placeOf(
  f: Finding,
  marks: Marks,
  top: AuditResult['report']['sections'],
  id: string,
): { anchor: string; label: string } {
  for (const [key, m] of marks) {
    if (m.targets.includes(f)) return { anchor: `${id}-${cellAnchor(key)}`, label: key.split('\u0001').join(' ') };
  }
  for (const [key, m] of marks) {
    if (m.findings.includes(f)) return { anchor: `${id}-${cellAnchor(key)}`, label: key.split('\u0001').join(' ') };
  }
  let n = -1;
  top.forEach((s, i) => {
    if (s.position.start.offset <= f.position.start.offset) n = i;
  });
  return n >= 0 ? { anchor: `${id}-s${n + 1}`, label: top[n]!.title } : { anchor: `${id}-head`, label: '' };
}

interface CellMark {
  severity: Severity;
  findings: Finding[];
  /** The findings that name this cell as the one that is wrong (or point into it). */
  targets: Finding[];
  /** Expected values from findings that name this cell as the one that is wrong. */
  expected: string[];
}

type Marks = Map<string, CellMark>;

function cellKey(table: string, row: string, column: string): string {
  return `${table}\u0001${row}\u0001${column}`;
}

/** The id of a cell (after the report's prefix): `cell-T4__review__total`. */
function cellAnchor(key: string): string {
  return `cell-${key.split('\u0001').join('__').replace(/\s/g, '_')}`;
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
      m = { severity: f.severity, findings: [], targets: [], expected: [] };
      marks.set(key, m);
    }
    if (RANK[f.severity] > RANK[m.severity]) m.severity = f.severity;
    if (!m.findings.includes(f)) m.findings.push(f);
    if (target && !m.targets.includes(f)) m.targets.push(f);
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
    // The wrong cell: `data.cell` by row and column keys (tables-reconcile, whose row and column are the printed
    // labels), else `data.row` / `data.column` as keys.
    const cell = data.cell && typeof data.cell === 'object' ? (data.cell as Record<string, unknown>) : undefined;
    if (table && cell && typeof cell.row === 'string' && typeof cell.column === 'string') {
      mark(cellKey(table, cell.row, cell.column), f, true);
    } else if (table && typeof data.row === 'string' && typeof data.column === 'string') {
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

function tableHtml(table: RecognisedTable, marks: Marks, id: string, numbers: Map<Finding, number>, w: Words, p: PageWords): string {
  const cells = new Map<string, TableCell>();
  for (const c of table.cells) cells.set(`${c.row}\u0001${c.column}`, c);
  const out: string[] = [];
  out.push(`<figure class="report-figure"><div class="table-wrap"><table class="grid report-table" data-table="${esc(table.id)}">`);
  out.push(`<caption>${esc(table.name)}</caption><thead><tr><th></th>`);
  for (const col of table.columns) out.push(`<th>${esc(col.label)}</th>`);
  out.push('</tr></thead><tbody>');
  const tableFindings: Finding[] = [];
  for (const row of table.rows) {
    out.push(`<tr><th class="row-label">${esc(row.label)}</th>`);
    for (const col of table.columns) {
      const c = cells.get(`${row.key}\u0001${col.key}`);
      const key = cellKey(table.id, row.key, col.key);
      const m = marks.get(key);
      if (m) for (const f of m.findings) if (!tableFindings.includes(f)) tableFindings.push(f);
      const classes = ['cell', c ? `kind-${c.kind}` : 'absent', m ? `mark sev-${m.severity}` : ''].filter(Boolean).join(' ');
      const tip = m ? ` title="${esc(m.findings.map((f) => f.message).join('\n'))}"` : '';
      const text = c ? c.text : '';
      const note = c?.note ? `<span class="note">${esc(c.note)}</span>` : '';
      const expected = m && m.expected.length ? `<span class="expected">${esc(w.expected)} ${esc(m.expected.join(' / '))}</span>` : '';
      const anchor = m ? ` id="${esc(`${id}-${cellAnchor(key)}`)}"` : '';
      out.push(`<td${anchor} class="${classes}" data-row="${esc(row.key)}" data-column="${esc(col.key)}"${tip}><span class="value">${esc(text)}</span>${note}${expected}</td>`);
    }
    out.push('</tr>');
  }
  out.push('</tbody></table></div>');
  if (table.cells.length === 0) out.push(`<p class="muted">${esc(p.noCells)}</p>`);
  if (tableFindings.length > 0) {
    out.push(`<figcaption><strong>${esc(p.tableFindings)}</strong><ul>`);
    for (const f of tableFindings) {
      const values = expectedActual(f, w);
      const n = numbers.get(f);
      out.push(
        `<li class="sev-${f.severity}"><span class="badge ${f.severity}">${esc(w.severity[f.severity])}</span> ` +
          (n !== undefined ? `<a href="#${id}-f${n}">${esc(f.message)}</a>` : esc(f.message)) +
          (values.length ? esc(p.paren(values.join(p.semicolon))) : '') +
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

/**
 * Inline style. Chinese text in the fonts a reader's system has (no web font: the page stays one
 * file); at phone width nothing scrolls sideways but a table, inside its own scrolling box; printed,
 * each report starts a page and colours are kept.
 */
const CSS = `
:root { --err: #b3261e; --err-bg: #fde7e6; --warn: #8a5a00; --warn-bg: #fff3cd; --info: #0b5394; --info-bg: #e3effb;
  --ok: #1b6e20; --ok-bg: #e6f4e7; --line: #c8c8c8; --muted: #666; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 1100px; padding: 20px 24px; color: #1a1a1a; background: #fff;
  font: 15px/1.6 "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
    "WenQuanYi Micro Hei", sans-serif;
  overflow-wrap: anywhere; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 0 0 4px; }
h3 { font-size: 16px; margin: 18px 0 8px; padding-bottom: 2px; border-bottom: 2px solid #eee; }
h4 { font-size: 15px; margin: 12px 0 4px; color: #333; }
code { font-family: "Noto Sans Mono CJK SC", Menlo, Consolas, monospace; font-size: 13px; }
a { color: #0b5394; }
.muted { color: var(--muted); }
.summary { font-weight: bold; margin: 4px 0 0; }
.summary .generated { font-weight: normal; color: var(--muted); margin-left: 1em; white-space: nowrap; }
.page-head { border-bottom: 3px solid #333; margin-bottom: 12px; padding-bottom: 6px; }
.table-wrap { max-width: 100%; overflow-x: auto; -webkit-overflow-scrolling: touch; margin: 6px 0 10px; }
.table-wrap > table { margin: 0; }
table.grid { border-collapse: collapse; width: 100%; font-size: 14px; overflow-wrap: normal; }
table.grid th, table.grid td { border: 1px solid var(--line); padding: 3px 8px; vertical-align: top; text-align: left; }
table.grid thead th { background: #f3f3f3; white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.pass { color: var(--ok); font-weight: bold; }
.fail { color: var(--err); font-weight: bold; }
td.inapplicable, td.incomplete { color: var(--muted); }
.report { margin-top: 20px; padding-top: 10px; border-top: 3px solid #333; }
.report-head { display: flex; flex-wrap: wrap; gap: 8px 18px; align-items: flex-start; }
.head-text { flex: 1 1 260px; min-width: 0; }
.score { min-width: 96px; text-align: center; border: 3px solid; border-radius: 10px; padding: 4px 8px; }
.score.pass { border-color: var(--ok); background: var(--ok-bg); }
.score.fail { border-color: var(--err); background: var(--err-bg); }
.score .value { display: block; font-size: 30px; line-height: 1.1; }
.score .unit { display: block; font-size: 13px; color: var(--muted); font-weight: normal; }
.score .verdict { display: block; margin-top: 2px; }
dl.facts { display: flex; flex-wrap: wrap; gap: 0 6px; margin: 2px 0; font-size: 14px; }
dl.facts dt { color: var(--muted); }
dl.facts dt::after { content: "："; }
:lang(en) dl.facts dt::after { content: ":"; }
dl.facts dd { margin: 0 12px 0 0; }
dl.facts dt, dl.facts dd:not(:first-of-type) { white-space: nowrap; }
table.overview-table td:nth-child(n+4) { white-space: nowrap; }
table.overview-table td:nth-child(1) { overflow-wrap: anywhere; min-width: 10em; }
table.overview-table td:nth-child(2) { min-width: 12em; }
table.overview-table td:nth-child(3) { min-width: 6em; }
/* Wide tables keep their shape on a phone and scroll inside their box instead of squeezing a column to one character. */
table.overview-table, table.rules { min-width: 720px; }
table.report-table { min-width: 560px; }
.badge { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 12px; white-space: nowrap; border: 1px solid; }
.badge.error { color: var(--err); background: var(--err-bg); }
.badge.warning { color: var(--warn); background: var(--warn-bg); }
.badge.info { color: var(--info); background: var(--info-bg); }
.finding-group h4 { border-left: 4px solid #999; padding-left: 8px; }
ol.findings { margin: 0 0 6px; padding-left: 2.2em; }
li.finding { padding: 4px 0 6px; border-bottom: 1px solid #eee; }
li.finding:target { background: #fffbe6; }
li.finding .values { color: var(--err); font-weight: bold; margin-top: 2px; }
li.finding .meta { font-size: 13px; color: var(--muted); }
li.finding .rule-id { margin-left: 8px; }
li.finding .snippet { font-size: 13px; color: #444; background: #f7f7f7; padding: 1px 6px; margin-top: 2px; border-radius: 3px; }
.crash { color: var(--err); }
figure.report-figure { margin: 8px 0 16px; }
.report-table caption { caption-side: top; text-align: left; font-weight: bold; padding: 4px 0; }
.report-table td.cell { text-align: right; min-width: 3.2em; font-variant-numeric: tabular-nums; }
.report-table th.row-label { font-weight: normal; background: #fafafa; min-width: 10em; }
.report-table td.absent { background: repeating-linear-gradient(45deg, #fff, #fff 4px, #f2f2f2 4px, #f2f2f2 8px); }
.report-table td.kind-blank, .report-table td.kind-slash, .report-table td.kind-dash { color: var(--muted); }
.report-table td.mark { outline: 2px solid; outline-offset: -2px; font-weight: bold; }
.report-table td.sev-error { background: var(--err-bg); outline-color: var(--err); }
.report-table td.sev-warning { background: var(--warn-bg); outline-color: #d39e00; }
.report-table td.sev-info { background: var(--info-bg); outline-color: var(--info); }
.report-table td:target { box-shadow: inset 0 0 0 3px #333; }
.report-table .expected { display: block; font-size: 12px; color: var(--err); white-space: nowrap; }
.report-table .note { display: block; font-size: 11px; color: var(--muted); }
figcaption ul { margin: 4px 0; padding-left: 20px; }
ol.sections { margin: 4px 0; }
li:target { background: #fffbe6; }
details.rules { margin: 14px 0 4px; }
details.rules > summary { cursor: pointer; font-weight: bold; font-size: 15px; padding: 4px 0; }
table.rules td:nth-child(1), table.rules td:nth-child(3), table.rules td:nth-child(4), table.rules td:nth-child(5) { white-space: nowrap; }
table.rules td:nth-child(2) { min-width: 14em; }
table.rules td:nth-child(6) { min-width: 10em; }
ul.unreadable li { color: var(--err); }
@media (max-width: 600px) {
  body { padding: 12px; font-size: 15px; }
  h1 { font-size: 19px; }
  .score { min-width: 80px; }
  ol.findings { padding-left: 1.8em; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .report { break-before: page; border-top: none; }
  .report:first-of-type { break-before: auto; }
  li.finding, tr, .report-head { break-inside: avoid; }
  h2, h3, h4, caption { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  .table-wrap { overflow: visible; }
  table.grid { font-size: 9pt; }
  details.rules { display: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
@page { size: A4; margin: 15mm 12mm; }
`;

/** The page's style sheet, for pages that draw `toHtmlParts`. */
export { CSS as HTML_REPORT_CSS };
