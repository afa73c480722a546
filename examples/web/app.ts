/**
 * The page's main thread: takes a dropped, picked or pasted report, sends it to the Web Worker (which
 * does all the library's work), and draws what comes back: the verdict and score, the findings grouped by
 * section, the items that need a human, the tables with wrong cells marked (the HTML report's markup), and
 * the report text with every finding highlighted in place.
 *
 * Works from a static host and from file://: the worker is started from a Blob URL of its bundle (embedded
 * here as a string at build time), and PDFium's WebAssembly is read from pdfium-wasm.js, a script in the
 * same folder that carries it in base64 (a file:// page may neither start a worker from a file nor fetch()).
 * Nothing is ever sent anywhere: the Content-Security-Policy in index.html forbids connections.
 */
import type { AuditResult, Finding, IssuerType, Locale } from '../../src/types';
import type { ExportFormat, FromWorker, Options, Source, ToWorker } from './protocol';

declare const __WORKER_SOURCE__: string;

/** Milliseconds after the last keystroke before the text is audited again. */
const TYPING_PAUSE = 150;

type Ui = Record<
  | 'title' | 'lead' | 'switchTo' | 'switchLang' | 'input' | 'drop' | 'pick' | 'paste' | 'pastePlaceholder' | 'options' | 'year'
  | 'yearAuto' | 'issuerType' | 'auto' | 'government' | 'department' | 'other' | 'publishedAt' | 'previous' | 'clearPrevious'
  | 'export' | 'print' | 'idle' | 'running' | 'reading' | 'loaded' | 'findings' | 'review' | 'tables' | 'text' | 'noFindings'
  | 'noReview' | 'noTables' | 'score' | 'incompleteRule' | 'crashed' | 'noText' | 'privacy' | 'legendText' | 'tookMs' | 'results',
  string
>;

const UI: Record<Locale, Ui> = {
  'zh-CN': {
    title: '政府信息公开工作年度报告自查',
    lead: '拖入或选择报告文件，或粘贴全文：逐项检查法定部分、统计期限、联系方式、改进措施和表格勾稽关系。',
    switchTo: 'English',
    switchLang: 'Switch to English',
    input: '报告',
    drop: '把报告文件拖到这里（PDF、DOCX、HTML、Markdown、文本）',
    pick: '选择文件',
    paste: '或粘贴、输入报告全文（停止输入后自动重新检查）',
    pastePlaceholder: '在此粘贴报告全文……',
    options: '选项',
    year: '报告年度',
    yearAuto: '自动识别',
    issuerType: '发布机关类型',
    auto: '自动识别',
    government: '人民政府',
    department: '政府部门',
    other: '其他',
    publishedAt: '公开日期',
    previous: '上一年度报告（用于跨年度检查）',
    clearPrevious: '清除上一年度报告',
    export: '导出结果',
    print: '打印',
    idle: '尚未载入报告。',
    running: '正在检查……',
    reading: '正在读取',
    loaded: '已载入',
    findings: '问题',
    review: '需要人工核对',
    tables: '统计表格',
    text: '报告原文（标出问题）',
    noFindings: '未发现问题。',
    noReview: '没有需要人工核对的事项。',
    noTables: '未识别到统计表格。',
    score: '得分',
    incompleteRule: '未能完成检查',
    crashed: '检查出错',
    noText: '（无文本）',
    privacy: '报告只在本机浏览器中检查，不会上传。',
    legendText: '标色文字：红色为错误，黄色为警告，蓝色为提示；鼠标悬停可看问题，点击问题清单中的条目可跳到原文。',
    tookMs: '检查用时',
    results: '检查结果',
  },
  en: {
    title: 'Annual report self-check (政府信息公开工作年度报告)',
    lead: 'Drop or pick a report file, or paste its text: statutory sections, statistics period, contact details, improvement measures and table identities are checked.',
    switchTo: '中文',
    switchLang: '切换到中文',
    input: 'Report',
    drop: 'Drop a report file here (PDF, DOCX, HTML, Markdown, text)',
    pick: 'Choose a file',
    paste: 'Or paste or type the report (checked again when you stop typing)',
    pastePlaceholder: 'Paste the report here…',
    options: 'Options',
    year: 'Report year',
    yearAuto: 'from the text',
    issuerType: 'Issuer type',
    auto: 'from the name',
    government: "People's government",
    department: 'Government department',
    other: 'Other',
    publishedAt: 'Publication date',
    previous: "Last year's report (for the cross-year checks)",
    clearPrevious: "Clear last year's report",
    export: 'Export',
    print: 'Print',
    idle: 'No report loaded yet.',
    running: 'Checking…',
    reading: 'Reading',
    loaded: 'Loaded',
    findings: 'Findings',
    review: 'Needs a human',
    tables: 'Tables',
    text: 'The report, findings marked',
    noFindings: 'No findings.',
    noReview: 'Nothing needs a human check.',
    noTables: 'No statistics table recognised.',
    score: 'score',
    incompleteRule: 'could not be checked',
    crashed: 'check failed',
    noText: '(no text)',
    privacy: 'The report is checked in this browser only; nothing is uploaded.',
    legendText: 'Marked text: red error, yellow warning, blue info; hover a mark to read it, click a finding to jump to it.',
    tookMs: 'checked in',
    results: 'Result',
  },
};

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

const state: {
  locale: Locale;
  source?: Source;
  previous?: Source;
  lastId: number;
  shownId: number;
  audits: number;
  wasm?: Promise<void>;
  reply?: Extract<FromWorker, { type: 'result' }>;
  exports: Map<number, (m: Extract<FromWorker, { type: 'export' }>) => void>;
  /** When the last keystroke came, and the audit it led to; `latency`: from that keystroke to the findings drawn. */
  keyAt: number;
  keyAudit: number;
  latency?: number;
  workerMs?: number;
} = { locale: 'zh-CN', lastId: 0, shownId: 0, audits: 0, exports: new Map(), keyAt: 0, keyAudit: -1 };

const worker = new Worker(URL.createObjectURL(new Blob([__WORKER_SOURCE__], { type: 'text/javascript' })));
const post = (message: ToWorker, transfer: Transferable[] = []) => worker.postMessage(message, transfer);

// ---------------------------------------------------------------------------
// PDFium's WebAssembly: from pdfium-wasm.js (a script, so it loads from file:// too), once.
// ---------------------------------------------------------------------------

function loadWasm(): Promise<void> {
  state.wasm ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = 'pdfium-wasm.js';
    script.onload = () => {
      const holder = globalThis as { __xxgkPdfiumWasm?: string };
      const base64 = holder.__xxgkPdfiumWasm;
      delete holder.__xxgkPdfiumWasm;
      script.remove();
      if (!base64) return reject(new Error('pdfium-wasm.js did not carry the WebAssembly'));
      post({ type: 'wasm', base64 });
      resolve();
    };
    script.onerror = () => reject(new Error('pdfium-wasm.js could not be loaded (it must sit beside index.html)'));
    document.head.append(script);
  }).catch((e: unknown) => {
    state.wasm = undefined;
    throw e;
  });
  return state.wasm;
}

function isPdf(source: Source | undefined): boolean {
  if (!source || source.kind !== 'file') return false;
  const b = source.bytes;
  return /\.pdf$/i.test(source.name) || (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46);
}

// ---------------------------------------------------------------------------
// Auditing
// ---------------------------------------------------------------------------

function options(): Options {
  const o: Options = { locale: state.locale };
  const year = Number($<HTMLInputElement>('opt-year').value);
  if (Number.isInteger(year) && year > 1990 && year < 2100) o.year = year;
  const type = $<HTMLSelectElement>('opt-issuer').value;
  if (type) o.issuerType = type as IssuerType;
  const date = $<HTMLInputElement>('opt-date').value;
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) o.publishedAt = date;
  return o;
}

async function run(): Promise<void> {
  const source = state.source;
  if (!source) return;
  const id = ++state.lastId;
  setStatus(UI[state.locale].running, 'running');
  try {
    if (isPdf(source) || isPdf(state.previous)) await loadWasm();
  } catch (e) {
    if (id === state.lastId) setStatus(e instanceof Error ? e.message : String(e), 'error');
    return;
  }
  // Bytes are copied (not transferred): the page keeps them to audit again when an option changes.
  post({ type: 'audit', id, source, previous: state.previous, options: options() });
}

let typingTimer: ReturnType<typeof setTimeout> | undefined;
function typed(): void {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => {
    const text = $<HTMLTextAreaElement>('paste').value;
    if (text.trim() === '') return;
    state.source = { kind: 'text', text };
    state.keyAudit = state.lastId + 1;
    void run();
  }, TYPING_PAUSE);
}

async function readFile(file: File): Promise<Source> {
  return { kind: 'file', name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

async function openFile(file: File): Promise<void> {
  setStatus(`${UI[state.locale].reading} ${file.name}…`, 'running');
  state.source = await readFile(file);
  $<HTMLTextAreaElement>('paste').value = '';
  $('source-name').textContent = `${UI[state.locale].loaded}${state.locale === 'en' ? ': ' : '：'}${file.name}`;
  await run();
}

worker.onmessage = (event: MessageEvent<FromWorker>) => {
  const m = event.data;
  if (m.type === 'export') {
    state.exports.get(m.id)?.(m);
    state.exports.delete(m.id);
    return;
  }
  document.documentElement.dataset.auditScope = m.scope;
  if (m.id !== state.lastId) return; // a newer audit is on its way
  state.audits++;
  if (m.type === 'error') {
    state.reply = undefined;
    clearResult();
    setStatus(m.message, 'error');
    document.body.dataset.audits = String(state.audits);
    return;
  }
  state.reply = m;
  state.shownId = m.id;
  draw(m);
  if (m.id === state.keyAudit) {
    void $('doc').offsetHeight; // the layout of what was drawn
    state.latency = performance.now() - state.keyAt;
    state.workerMs = m.ms;
  }
  setStatus(`${UI[state.locale].tookMs} ${Math.round(m.ms)} ms`, 'done');
  document.body.dataset.audits = String(state.audits);
};
worker.onerror = (e) => setStatus(e.message, 'error');

// ---------------------------------------------------------------------------
// Drawing
// ---------------------------------------------------------------------------

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

function setStatus(text: string, kind: 'idle' | 'running' | 'done' | 'error'): void {
  const s = $('status');
  s.textContent = text;
  s.className = `status ${kind}`;
  document.body.dataset.state = kind;
}

function clearResult(): void {
  for (const id of ['verdict', 'findings', 'review', 'tables', 'doc']) $(id).innerHTML = '';
  $('results').hidden = true;
  setExportsEnabled(false);
}

const RANK: Record<string, number> = { info: 0, warning: 1, error: 2 };

function draw(m: Extract<FromWorker, { type: 'result' }>): void {
  const ui = UI[state.locale];
  const r = m.result;
  const w = m.words;
  $('results').hidden = false;
  setExportsEnabled(true);

  // Verdict and score.
  const report = r.report;
  const facts = [report.title, report.issuer, report.year !== null ? String(report.year) : null, w.template[report.template]].filter(Boolean);
  $('verdict').innerHTML =
    `<div class="score ${r.passed ? 'pass' : 'fail'}" id="score"><span class="value">${r.score}</span><span class="unit">/ 100</span>` +
    `<span class="verdict-word">${esc(r.passed ? w.verdictPass : w.verdictFail)}</span></div>` +
    `<div class="facts">${facts.map((f) => `<span>${esc(String(f))}</span>`).join('')}</div>`;

  // Number findings as the HTML report numbers them, so the table captions' links find them.
  const number = new Map<number, number>();
  for (const g of m.groups) for (const i of g.findings) number.set(i, number.size + 1);
  const item = (i: number): string => {
    const f = r.findings[i]!;
    const k = number.get(i)!;
    return (
      `<li class="finding sev-${f.severity}" id="r1-f${k}" data-finding="${i}" data-rule="${esc(f.ruleId)}">` +
      `<span class="badge ${f.severity}">${esc(w.severity[f.severity] ?? f.severity)}</span> ` +
      `<button type="button" class="jump" data-jump="${i}">${esc(f.message)}</button>` +
      (m.values[i] ? `<div class="values">${esc(m.values[i]!)}</div>` : '') +
      `<div class="meta">${esc(m.places[i]!)} <code>${esc(f.ruleId)}</code></div></li>`
    );
  };

  // Findings the clerk must fix, grouped by section; apart, what needs a human (review findings, rules not completed).
  const fails: string[] = [];
  const reviews: number[] = [];
  for (const g of m.groups) {
    const own = g.findings.filter((i) => r.findings[i]!.kind !== 'review');
    for (const i of g.findings) if (r.findings[i]!.kind === 'review') reviews.push(i);
    if (own.length) fails.push(`<section class="finding-group"><h3>${esc(g.title)}</h3><ul class="findings">${own.map(item).join('')}</ul></section>`);
  }
  $('findings').innerHTML = fails.length ? fails.join('') : `<p class="ok">${esc(ui.noFindings)}</p>`;
  const incomplete = r.rules.filter((o) => o.outcome === 'incomplete');
  const review: string[] = [];
  for (const o of incomplete) {
    const crash = r.errors.find((e) => e.ruleId === o.ruleId);
    review.push(
      `<li class="rule-incomplete" data-rule="${esc(o.ruleId)}"><span class="badge review">${esc(w.outcome.incomplete ?? o.outcome)}</span> ` +
        `<code>${esc(o.ruleId)}</code> ${esc(crash ? `${ui.crashed}: ${crash.message}` : o.reason ?? ui.incompleteRule)}</li>`,
    );
  }
  $('review').innerHTML =
    reviews.length || review.length
      ? `<ul class="findings">${review.join('')}${reviews.map(item).join('')}</ul>`
      : `<p class="muted">${esc(ui.noReview)}</p>`;

  // Tables: the HTML report's own markup (wrong cells marked, expected values beside them).
  $('tables').innerHTML = m.tables || `<p class="muted">${esc(ui.noTables)}</p>`;
  // A table that scrolls sideways must be reachable by keyboard.
  for (const wrap of Array.from($('tables').querySelectorAll<HTMLElement>('.table-wrap'))) wrap.tabIndex = 0;

  drawText(m.text, r.findings, w);
}

/** The report text with each finding's range marked (overlaps split into segments; empty ranges as a point). */
function drawText(text: string, findings: Finding[], w: Extract<FromWorker, { type: 'result' }>['words']): void {
  const doc = $('doc');
  if (text === '') {
    doc.textContent = UI[state.locale].noText;
    return;
  }
  const cuts = new Set<number>([0, text.length]);
  const points = new Map<number, number[]>();
  findings.forEach((f, i) => {
    const s = Math.max(0, Math.min(text.length, f.position.start.offset));
    const e = Math.max(s, Math.min(text.length, f.position.end.offset));
    if (e === s) {
      const list = points.get(s) ?? [];
      list.push(i);
      points.set(s, list);
    } else {
      cuts.add(s);
      cuts.add(e);
    }
    cuts.add(s);
  });
  const bounds = [...cuts].sort((a, b) => a - b);
  // Findings covering each segment: a sweep over starts and ends.
  const starts = new Map<number, number[]>();
  const ends = new Map<number, number[]>();
  findings.forEach((f, i) => {
    const s = Math.max(0, Math.min(text.length, f.position.start.offset));
    const e = Math.max(s, Math.min(text.length, f.position.end.offset));
    if (e === s) return;
    (starts.get(s) ?? starts.set(s, []).get(s)!).push(i);
    (ends.get(e) ?? ends.set(e, []).get(e)!).push(i);
  });
  const open = new Set<number>();
  const out: string[] = [];
  const tip = (ids: number[]) => esc(ids.map((i) => `${w.severity[findings[i]!.severity] ?? ''}：${findings[i]!.message}`).join('\n'));
  for (let k = 0; k < bounds.length; k++) {
    const at = bounds[k]!;
    for (const i of ends.get(at) ?? []) open.delete(i);
    for (const i of starts.get(at) ?? []) open.add(i);
    const pts = points.get(at);
    if (pts) {
      const sev = pts.reduce((a, i) => (RANK[findings[i]!.severity]! > RANK[a]! ? findings[i]!.severity : a), 'info');
      out.push(`<mark class="point sev-${sev}" data-findings="${pts.join(' ')}" title="${tip(pts)}"></mark>`);
    }
    const next = bounds[k + 1];
    if (next === undefined) break;
    const piece = esc(text.slice(at, next));
    if (open.size === 0) {
      out.push(piece);
    } else {
      const ids = [...open];
      const sev = ids.reduce((a, i) => (RANK[findings[i]!.severity]! > RANK[a]! ? findings[i]!.severity : a), 'info');
      out.push(`<mark class="sev-${sev}" data-findings="${ids.join(' ')}" title="${tip(ids)}">${piece}</mark>`);
    }
  }
  doc.innerHTML = out.join('');
}

function jumpTo(i: number): void {
  // The first mark that carries the finding (a finding's range may be split where others overlap it).
  const mark = document.querySelector<HTMLElement>(`#doc mark[data-findings~="${i}"]`);
  if (!mark) return;
  mark.scrollIntoView({ block: 'center', behavior: 'auto' });
  mark.classList.remove('flash');
  void mark.offsetWidth; // restart the animation
  mark.classList.add('flash');
}

// ---------------------------------------------------------------------------
// Exports and print
// ---------------------------------------------------------------------------

function setExportsEnabled(on: boolean): void {
  for (const b of Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-export]'))) b.disabled = !on;
}

let exportCount = 0;

function exportAs(format: ExportFormat): Promise<string> {
  const id = ++exportCount;
  return new Promise((resolve) => {
    state.exports.set(id, (m) => {
      const url = URL.createObjectURL(new Blob([m.content], { type: m.mime }));
      const a = document.createElement('a');
      a.href = url;
      a.download = m.name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      resolve(m.name);
    });
    post({ type: 'export', id, format, locale: state.locale });
  });
}

// ---------------------------------------------------------------------------
// Words of the page, and the language switch
// ---------------------------------------------------------------------------

function applyWords(): void {
  const ui = UI[state.locale];
  document.documentElement.lang = state.locale;
  document.title = ui.title;
  for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-ui]'))) el.textContent = ui[el.dataset.ui as keyof Ui];
  $<HTMLTextAreaElement>('paste').placeholder = ui.pastePlaceholder;
  const lang = $<HTMLButtonElement>('lang');
  lang.textContent = ui.switchTo;
  lang.setAttribute('aria-label', ui.switchLang);
  lang.lang = state.locale === 'en' ? 'zh-CN' : 'en';
  if (!state.source) setStatus(ui.idle, 'idle');
}

// ---------------------------------------------------------------------------
// Wiring
// ---------------------------------------------------------------------------

function wire(): void {
  applyWords();
  clearResult();
  setStatus(UI[state.locale].idle, 'idle');

  $('lang').addEventListener('click', () => {
    state.locale = state.locale === 'en' ? 'zh-CN' : 'en';
    applyWords();
    void run();
  });
  $<HTMLInputElement>('file').addEventListener('change', (e) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (file) void openFile(file);
  });
  $<HTMLInputElement>('opt-previous').addEventListener('change', async (e) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    state.previous = file ? await readFile(file) : undefined;
    void run();
  });
  $('clear-previous').addEventListener('click', () => {
    $<HTMLInputElement>('opt-previous').value = '';
    state.previous = undefined;
    void run();
  });
  for (const id of ['opt-year', 'opt-issuer', 'opt-date']) $(id).addEventListener('change', () => void run());
  const paste = $<HTMLTextAreaElement>('paste');
  const edited = () => {
    state.keyAt = performance.now();
    $('source-name').textContent = '';
    typed();
  };
  // While an input method composes (pinyin being typed), wait for the characters it commits.
  paste.addEventListener('input', (e) => {
    if (!(e as InputEvent).isComposing) edited();
  });
  paste.addEventListener('compositionend', edited);

  // Drop anywhere on the page.
  const drop = $('drop');
  document.addEventListener('dragover', (e) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    drop.classList.add('over');
  });
  document.addEventListener('dragleave', (e) => {
    if (e.target === document.documentElement || e.target === drop) drop.classList.remove('over');
  });
  document.addEventListener('drop', (e) => {
    drop.classList.remove('over');
    const file = e.dataTransfer?.files[0];
    if (!file) return;
    e.preventDefault();
    void openFile(file);
  });

  // A finding's message jumps to its place in the text; a mark shows its finding in the list.
  document.addEventListener('click', (e) => {
    const target = e.target as HTMLElement;
    const jump = target.closest<HTMLElement>('[data-jump]');
    if (jump) return jumpTo(Number(jump.dataset.jump));
    const mark = target.closest<HTMLElement>('mark[data-findings]');
    if (mark) {
      const i = Number(mark.dataset.findings!.split(' ')[0]);
      const li = document.querySelector<HTMLElement>(`li[data-finding="${i}"]`);
      if (li) {
        li.scrollIntoView({ block: 'center' });
        li.classList.remove('flash');
        void li.offsetWidth;
        li.classList.add('flash');
      }
    }
  });

  for (const b of Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-export]'))) {
    b.addEventListener('click', () => void exportAs(b.dataset.export as ExportFormat));
  }
  $('print').addEventListener('click', () => window.print());
}

wire();

/** For tests and the bench: the last result the page drew, how many audits it has drawn. */
(globalThis as { xxgkPage?: unknown }).xxgkPage = {
  get result(): AuditResult | undefined {
    return state.reply?.result;
  },
  get audits(): number {
    return state.audits;
  },
  /** How many audits the page has asked the worker for (drawn or superseded). */
  get requested(): number {
    return state.lastId;
  },
  /** Milliseconds from the last keystroke to its findings drawn (the bench reads it), and the worker's share. */
  get latency(): { total?: number; worker?: number } {
    return { total: state.latency, worker: state.workerMs };
  },
  exportAs,
  severityRank: (f: Finding) => RANK[f.severity],
};
