/**
 * Lines as the report meant them (spec/presentations.md §1): a crawler's copy with the whole body on
 * one line, or a PDF extraction with every number on a line of its own, is given back the line
 * breaks that the rest of the pipeline reads by. It runs between normalisation and structure.
 *
 * Two passes over the normalised text, each keeping the offset map exact:
 * 1. rejoin: a line that is only a number, or only a unit or punctuation fragment, belongs to its
 *    neighbours (「2023\n年\n1\n月」 → 「2023年1月」, 「邮编:\n734000」, a line broken after 《); a number
 *    among table cells stays a cell, and a tab-separated row broken at every number is a row again.
 * 2. split: inside a line, these start lines of their own — the title (「…年政府信息公开工作年度报告」);
 *    page metadata (「来源:… 时间:…」) and editor credits; the report's opening words after page
 *    chrome; numbered headings of statutory parts (「一、总体情况」, 「一 概述」, when the words after
 *    the numeral name a part and the character before it ends a sentence, a number or a label) and
 *    run-in aspect headings (「(一)主动公开方面。」); annex lines and the problems part's sub-headings;
 *    after a sentence, an enumerated item or a sentence opening with a year; the rows of a
 *    tab-separated table joined by spaces. A space that normalisation removed between two
 *    ideographs still counts as a separator (`removedSpaces`).
 *
 * A line break that replaces a space takes the space's place; an inserted one maps to the character
 * after it. All scans are linear: every loop moves forward, and look-arounds are bounded.
 */
import type { NormalizedText } from '../normalize/index';
import { codesToString } from '../normalize/index';
import { classifyHeading, TABLE_ROW_LABEL } from './headings';
import { isChromeLine } from './lines';

interface Edit {
  /** Offset in the input text. */
  at: number;
  /**
   * 'join': delete the line break at `at`; 'break': a line break before `at` (the space before it, if
   * any, becomes it); 'space': a space before `at` (one that normalisation removed).
   */
  kind: 'join' | 'break' | 'space';
}

const NL = 10;

/** Characters a number is followed by inside a sentence (units, date parts, measure words, punctuation). */
const UNITS = new Set(
  '年月日号时分秒条件个次份项人余万亿千百元%‰家期篇场天名位处批宗例页部台套户所座类张本册回起笔幅封栏幢楼层室栋弄巷村组届'.split(''),
);
/** Punctuation that continues the text it stands in (never a table cell by itself). */
const GLUE = new Set('.,。,、;:%)》”’"\'@_）】〕'.split(''));
const SENTENCE_END = new Set('。!?;'.split(''));
const OPENERS = new Set('《“(【〔'.split(''));

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isNumberLine(t: string): boolean {
  if (t.length === 0 || t.length > 16) return false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (!isDigitCode(c) && !(c === 46 && i > 0 && i < t.length - 1)) return false;
  }
  return true;
}

/** A line of one or two punctuation characters that glue to both neighbours (「.」 「%」 「,」 「)」). */
function isGlueLine(t: string): boolean {
  if (t.length === 0 || t.length > 2) return false;
  for (const ch of t) if (!GLUE.has(ch)) return false;
  return true;
}

/** Page chrome and metadata that a rejoined number must not be glued onto. */
const HEADING_FINAL = /(情况|概述|概况|事项|措施|打算|安排|计划|思路|问题|不足|说明|方面)$/u;
const CHROME_END = /(次数|点击数|浏览|日期|时间|来源|\||>)$/u;

interface Line {
  start: number;
  end: number;
  text: string;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === NL) {
      out.push({ start, end: i, text: text.slice(start, i) });
      start = i + 1;
    }
  }
  return out;
}

/** Pass 1: the line breaks around numbers and fragments that a PDF or flip-book extraction broke off. */
function rejoinEdits(text: string): Edit[] {
  const lines = linesOf(text);
  const join = new Uint8Array(lines.length); // join[i] = 1: delete the break after line i
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text.trim();
    if (t.length === 0) {
      // A line of tabs after a cell (a tab-separated row broken at every number) continues that row,
      // and goes on to the next line when that is the next cell (a number), not the next row's label.
      // (After anything else, a line of tabs is a row of its own: the blank value row of a blank table.)
      if (lines[i]!.text.includes('\t') && i > 0 && isNumberLine(lines[i - 1]!.text.trim())) {
        const nextT = i + 1 < lines.length ? lines[i + 1]!.text.trim() : '';
        const after = i + 2 < lines.length ? lines[i + 2]!.text.trim() : '';
        if (isNumberLine(nextT) && (GLUE.has(after[0] ?? '') || after[0] === '、')) {
          // An item number follows (「2」 + 「. 其他法律行政法规禁止公开」): the tabs open the next row.
          join[i] = 1;
        } else {
          join[i - 1] = 1;
          if (isNumberLine(nextT)) join[i] = 1;
        }
      }
      continue;
    }
    const prev = i > 0 ? lines[i - 1]!.text : null;
    const next = i + 1 < lines.length ? lines[i + 1]!.text : null;
    const nextT = next?.trim() ?? '';
    if (isNumberLine(t)) {
      // A number inside a sentence: the next line goes on with a unit or punctuation.
      const continues = next !== null && nextT.length > 0 && (UNITS.has(nextT[0]!) || GLUE.has(nextT[0]!)) && !isNumberLine(nextT);
      // A cell of a tab-separated row: it continues the row before it (「规章\t」 + 「0」). A row that
      // starts with a tab after it may be the next row (「0」 + 「\t(四) 无法提供\t」): only a line of
      // nothing but tabs glues them.
      const tabbed = prev !== null && prev.endsWith('\t');
      if (prev !== null && t.length <= 2 && /(附件|附表|表|第|图)$/u.test(prev.trimEnd())) {
        join[i - 1] = 1; // 「附件\n2」
        if (continues) join[i] = 1;
      } else if (prev !== null && prev.trimEnd().endsWith(':') && !prev.includes('\t')) {
        join[i - 1] = 1; // 「邮编:\n734000」: a labelled value
        if (continues) join[i] = 1;
      } else if (continues) {
        join[i] = 1;
        if (prev !== null && (joinsBefore(prev) || prev.endsWith('\t'))) join[i - 1] = 1;
      } else if (tabbed) {
        join[i - 1] = 1;
      }
      continue;
    }
    if (isGlueLine(t) && prev !== null && prev.trim().length > 0) {
      join[i - 1] = 1;
      if (next !== null && nextT.length > 0 && !isHeadingStart(nextT) && !SENTENCE_END.has(t[t.length - 1]!)) join[i] = 1;
      continue;
    }
    // A line broken right after an opening bracket (「…根据《\n中华人民共和国…」).
    if (OPENERS.has(t[t.length - 1]!) && next !== null && nextT.length > 0) {
      join[i] = 1;
      continue;
    }
  }
  const edits: Edit[] = [];
  for (let i = 0; i + 1 < lines.length; i++) if (join[i]) edits.push({ at: lines[i]!.end, kind: 'join' });
  return edits;
}

/** Whether a number at the start of the next line continues `prev` (not after a sentence, a heading or chrome). */
function joinsBefore(prev: string): boolean {
  const t = prev.trimEnd();
  if (t.length === 0 || prev.includes('\t')) return false;
  // Two numbers on lines of their own were never one run of digits.
  if (isNumberLine(t.trim())) return false;
  const last = t[t.length - 1]!;
  if (SENTENCE_END.has(last)) return false;
  if (CHROME_END.test(t)) return false;
  // A heading on its own line (「(三)政府信息管理情况」) ends there; 「六、关于」 + 「2017」 + 「年…」 does not.
  if (t.length <= 30 && isHeadingStart(t) && HEADING_FINAL.test(t)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Pass 2: splits inside lines
// ---------------------------------------------------------------------------------------------

const CN_NUMERAL = '一二三四五六七八九十';
/** Strong last words of a heading title (情况, 事项, 措施…). */
/** Words that join two parts of one heading title. */
const CONNECTORS = new Set(['及', '和', '与', '、', '暨']);
const TITLE_END = /(情况|概述|概况|事项|措施|打算|安排|计划|思路|问题|不足|说明|方面)/gu;
/** Characters after which a heading may start inside a line. */
const BEFORE_HEADING = new Set(' 。;:!?)】”"|>\t'.split(''));

function isHeadingStart(t: string): boolean {
  const c = t.charCodeAt(0);
  if (CN_NUMERAL.includes(t[0]!)) {
    let i = 1;
    while (i < t.length && i < 3 && CN_NUMERAL.includes(t[i]!)) i++;
    while (i < t.length && t[i] === ' ') i++;
    return '、.,'.includes(t[i] ?? 'x');
  }
  return c === 40 /* ( */ && CN_NUMERAL.includes(t[1] ?? 'x');
}

/**
 * A numbered top-level heading starting at `i` (「一、」…「十、」), or null: the numeral, then 、 . or
 * 、 after up to two spaces, then words naming a statutory part. Returns the end of its title.
 */
function headingAt(text: string, i: number, lineEnd: number, spaced: (k: number) => boolean): number | null {
  let j = i;
  while (j < lineEnd && j - i < 2 && CN_NUMERAL.includes(text[j]!)) j++;
  if (j === i) return null;
  let k = j;
  while (k < lineEnd && k - j < 2 && text.charCodeAt(k) === 32) k++;
  const sep = text[k];
  // 「一 概 述」: a numeral set apart by a space (kept, or removed by normalisation) instead of 、.
  const spacedOnly = sep !== '、' && sep !== '.' && sep !== ',';
  if (spacedOnly && !(k > j || spaced(j))) return null;
  if (!spacedOnly) k++;
  while (k < lineEnd && k - j < 5 && text.charCodeAt(k) === 32) k++;
  const c = text[k];
  if (c === undefined || CN_NUMERAL.includes(c) || isDigitCode(text.charCodeAt(k))) return null;
  const window = text.slice(k, Math.min(lineEnd, k + 40));
  const length = titleLength(window, (x) => spaced(k + x));
  // 「一、概述,(一)…,二、…」 is a table of contents, not a heading.
  if (window[length] === ',') return null;
  const title = window.slice(0, length);
  if (classifyHeading(title).key !== null) return k + length;
  if (spacedOnly) return null;
  // The part numbered 一 before the statutory parts is the overview, whatever its title
  // (「一、组织领导方面」): a short title that ends where the text goes on.
  if (text[i] === '一' && j === i + 1 && length >= 2 && length <= 15 && length < window.length) return k + length;
  return null;
}

/**
 * A numbered aspect heading starting at `i` (「(一)主动公开方面」, 「(二)依申请公开情况」): short, and
 * naming a statutory part or ending in a heading word. Returns the end of its title, or null.
 */
function aspectAt(text: string, i: number, spaced: (k: number) => boolean): number | null {
  let j = i + 1;
  while (j < text.length && j - i <= 2 && CN_NUMERAL.includes(text[j]!)) j++;
  if (text[j] !== ')') return null;
  let k = j + 1;
  while (k < text.length && k - j < 3 && text.charCodeAt(k) === 32) k++;
  const window = text.slice(k, Math.min(text.length, k + 30));
  if (window.length === 0) return null;
  const length = titleLength(window, (x) => spaced(k + x));
  const title = window.slice(0, length);
  if (length < 2 || length > 20) return null;
  // Where it stops matters: a full stop, a colon, a space or the line's end after a short title.
  const after = window[length];
  const ends = after === undefined || after === '。' || after === ':' || after === ' ' || spaced(k + length) || isDigitCode(window.charCodeAt(length));
  // Run straight into its text (「(二)依申请公开情况我局…」): only a title that ends in a heading word.
  if (!ends && !HEADING_FINAL.test(title)) return null;
  // A short title and a colon (「(三) 政府信息管理:」) is a heading whatever it names.
  if (classifyHeading(title).key === null && !HEADING_FINAL.test(title) && after !== ':') return null;
  return k + length;
}

/**
 * Length of a heading title at the start of `window` (which runs on into the body): up to the last
 * strong final word (情况, 措施…) before a hard stop (a space, sentence punctuation, 「(」, a digit,
 * an inline enumeration 「一是」), or up to the hard stop when there is none.
 */
function titleLength(window: string, spaced: (k: number) => boolean = () => false): number {
  let stop = window.length;
  for (let i = 1; i < window.length; i++) {
    const ch = window[i]!;
    const code = window.charCodeAt(i);
    // A removed space ends the title unless the title is letter-spaced (「总 体 情 况」, 「概 述」: a space
    // after a single character, or at every character).
    const letterSpaced = i === 1 || spaced(i - 1) || spaced(i + 1);
    if (ch === ' ' || (spaced(i) && !letterSpaced) || ch === '\t' || ch === '(' || ch === ',' || SENTENCE_END.has(ch) || ch === ':' || (isDigitCode(code) && !window.startsWith('关于'))) {
      stop = i;
      break;
    }
    if (CN_NUMERAL.includes(ch) && (window[i + 1] === '是' || window[i + 1] === '、')) {
      stop = i;
      break;
    }
  }
  // The first final word that is not joined to more title words (「问题及改进情况」 runs on to 情况).
  TITLE_END.lastIndex = 0;
  for (let m = TITLE_END.exec(window); m !== null && m.index + m[0].length <= stop; m = TITLE_END.exec(window)) {
    const end = m.index + m[0].length;
    if (!CONNECTORS.has(window[end] ?? '')) return end;
  }
  return stop === window.length ? Math.min(stop, 20) : stop;
}

/** The last character of an issuer's name before the year of a title (「焦虎镇2024年…」). */
const ISSUER_END = /(镇|乡|县|区|市|州|盟|旗|省|局|委|办|厅|站|所|队|院|中心|处|街道|司|部|政府|公司|会)$/u;
const TITLE_CORE = /(政府信息公开|政务公开|信息公开)/gu;
const TITLE_TAIL = /^[^。,;:\s]{0,12}?(年度报告|年报|工作报告)/u;

/**
 * The title inside a long line: 「[issuer]YYYY年[度]…政府信息公开…年度报告」 after a boundary
 * (the line start, a space, 「:」 「|」 「>」 or a sentence end), not inside a sentence.
 */
function titleIn(line: Line, spaced: (k: number) => boolean): [number, number] | null {
  TITLE_CORE.lastIndex = 0;
  const s = line.text;
  for (let m = TITLE_CORE.exec(s); m !== null; m = TITLE_CORE.exec(s)) {
    if (m.index > 400) break;
    const tail = TITLE_TAIL.exec(s.slice(m.index + m[0].length, m.index + m[0].length + 24));
    if (!tail) continue;
    const end = m.index + m[0].length + tail[0].length;
    // Start: the year before the core (with an issuer name before it when a boundary is near).
    const head = s.slice(Math.max(0, m.index - 30), m.index);
    let start = -1;
    for (let b = head.length - 1; b >= 0; b--) {
      if (BEFORE_HEADING.has(head[b]!) || head[b] === '\n') {
        start = m.index - head.length + b + 1;
        break;
      }
      if (spaced(m.index - head.length + b + 1)) {
        start = m.index - head.length + b + 1;
        break;
      }
    }
    if (start < 0) {
      const y = /\d{4}年度?/u.exec(head);
      if (y && y.index > 0 && !ISSUER_END.test(head.slice(0, y.index))) start = m.index - head.length + y.index;
      else if (m.index - head.length === 0) start = 0;
      else {
        // No boundary near: begin at the year (「…浏览次数:次2024年…」 keeps the chrome apart).
        const y = /\d{4}年度?/u.exec(head);
        if (!y) continue;
        start = m.index - head.length + y.index;
      }
    }
    const titleText = s.slice(start, end);
    // Inside a line, a title names its year and is not part of a sentence (「特向社会公布2013年度…年度报告。」).
    if (start > 0 && !/\d{4}/u.test(titleText)) continue;
    const after = s[end];
    if (after !== undefined && '如中的是已将于》”。,;编'.includes(after)) continue;
    if (/(公布|现将|编制|发布|印发|根据|关于|做好|将|了|的)$/u.test(s.slice(Math.max(0, start - 4), start))) continue;
    if (start > 0 && s[start - 1] === '《') continue;
    if (/(上一篇|下一篇|相关|附件|链接)\s{0,2}:?\s{0,2}$/u.test(s.slice(Math.max(0, start - 8), start))) continue;
    // A title line of its own (「焦虎镇 2024年…年度报告」) is left as it is.
    if (end === s.trimEnd().length && (start === 0 || s.length <= 60)) return null;
    return [line.start + start, line.start + end];
  }
  return null;
}

/** Page metadata keys that run into the body on a one-line page (presentations.md §3). */
const METADATA_KEY =
  /(来源|信息来源|时间|发布时间|发布日期|发文日期|成文日期|浏览次数|点击数|访问量|字号|作者|文号|索引号|发布机构|栏目|原文链接|标题)\s{0,2}:/gu;
/** An editor's credit appended to the page (「(责任编辑:郝焱)」): chrome wherever it stands. */
const CREDIT = /\(?(?:责任编辑|编辑|审核|校对)\s{0,2}:[^()。\n]{1,12}\)?/gu;
const DATE_VALUE = /^\s{0,2}\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s{0,2}\d{1,2}:\d{2}(?::\d{2})?)?/u;

/** A crawler's or CMS page's metadata line (「标题: …」): its title is not the report's title line. */
const METADATA_LINE = /^\s{0,4}(标题|题名|发布机构|栏目|原文链接|索引号|来源|信息来源|发布时间|发布日期)\s{0,2}[:|]/u;

function splitEdits(text: string, gap: Uint8Array): Edit[] {
  const edits: Edit[] = [];
  const lines = linesOf(text);
  let titleDone = false;
  for (const line of lines) {
    const s = line.text;
    if (s.length < 8) continue;
    /** A space (or line break) of the source stood before `k` of this line and normalisation removed it. */
    const spaced = (k: number) => gap[line.start + k] === 1;
    const boundary = (k: number) => k === 0 || BEFORE_HEADING.has(s[k - 1]!) || spaced(k);
    if (!titleDone && line.start > 3000) titleDone = true;
    if (!titleDone && !METADATA_LINE.test(s)) {
      const t = titleIn(line, spaced);
      if (t) {
        titleDone = true;
        if (t[0] > line.start) edits.push({ at: t[0], kind: 'break' });
        if (t[1] < line.end) edits.push({ at: t[1], kind: 'break' });
      } else if (/(年度报告|年报)/u.test(s.slice(0, 80))) titleDone = true;
    }
    // Metadata runs: each key starts a line; a date value ends one.
    if (s.length > 40) {
      METADATA_KEY.lastIndex = 0;
      let found = 0;
      for (let m = METADATA_KEY.exec(s); m !== null && m.index < 300; m = METADATA_KEY.exec(s)) {
        if (!boundary(m.index) && !(found > 0)) continue;
        found++;
        if (m.index > 0) edits.push({ at: line.start + m.index, kind: 'break' });
        const date = DATE_VALUE.exec(s.slice(m.index + m[0].length, m.index + m[0].length + 32));
        const valueEnd = date ? m.index + m[0].length + date[0].length : spaceAfter(s, m.index + m[0].length, spaced);
        if (valueEnd !== null && valueEnd < s.length) edits.push({ at: line.start + valueEnd, kind: 'break' });
      }
    }
    CREDIT.lastIndex = 0;
    for (let m = CREDIT.exec(s); m !== null; m = CREDIT.exec(s)) {
      if (!boundary(m.index)) continue;
      if (m.index > 0) edits.push({ at: line.start + m.index, kind: 'break' });
      if (m.index + m[0].length < s.length) edits.push({ at: line.start + m.index + m[0].length, kind: 'break' });
    }
    // A chrome line that runs into the report (「索引号 … 发文日期 2018-02-26 … 本报告根据…」): the
    // report starts a line of its own at its title or its opening words.
    if (s.length > 60 && line.start < 3000) {
      OPENING.lastIndex = 0;
      for (let m = OPENING.exec(s); m !== null && m.index < 3000; m = OPENING.exec(s)) {
        if (m.index === 0 || !boundary(m.index) && !/[\d一-龥]/u.test(s[m.index - 1]!)) continue;
        if (!isChromeLine(s.slice(Math.max(0, m.index - 200), m.index))) break;
        const cut = titleBefore(s, m.index) ?? m.index;
        edits.push({ at: line.start + cut, kind: 'break' });
        if (cut !== m.index) edits.push({ at: line.start + m.index, kind: 'break' });
        break;
      }
    }
    // Rows of a tab-separated table joined by spaces (「规章\t0\t0\t0 行政规范性文件\t0…」): a space
    // after a cell and before the next row's label, with tabs on both sides, was a line break.
    if (s.includes('\t')) {
      for (let i = 1; i < s.length; i++) {
        // A space in the text, or one that normalisation removed between two ideographs.
        const removed = spaced(i) && s[i] !== ' ';
        if ((s[i] !== ' ' || s[i - 1] === ' ') && !removed) continue;
        let k = i;
        while (k < s.length && s[k] === ' ') k++;
        if (k >= s.length) break;
        const a = s[i - 1]!;
        const b = s[k]!;
        const headerBefore = HEADER_END.test(s.slice(Math.max(0, i - 4), i));
        const cellBefore = isDigitCode(s.charCodeAt(i - 1)) || a === '\t' || a === '/' || a === '-' || (removed && headerBefore);
        const itemNumber = isDigitCode(s.charCodeAt(k)) && (s[k + 1] === '.' || s[k + 1] === '、') && !isDigitCode(s.charCodeAt(k + 2));
        const labelAfter = (!isDigitCode(s.charCodeAt(k)) && b !== '/' && b !== '-' && !(isDigitCode(s.charCodeAt(i - 1)) && UNITS.has(b))) || itemNumber;
        // …and a header row's last word before the first value (「…尚未审结\t总计 0\t0」).
        const valuesAfter = headerBefore && isDigitCode(s.charCodeAt(k)) && s[k + 1] === '\t';
        if (((cellBefore && labelAfter) || valuesAfter) && tabWithin(s, i, -12) && tabWithin(s, k, 40)) edits.push({ at: line.start + k, kind: 'break' });
        if (k > i) i = k - 1;
      }
    }
    // Unnumbered sub-headings of the problems part (「存在的问题」 「下一步工作计划」) between sentences.
    SUBHEADING_IN_LINE.lastIndex = 0;
    for (let m = SUBHEADING_IN_LINE.exec(s); m !== null; m = SUBHEADING_IN_LINE.exec(s)) {
      const end = m.index + m[0].length;
      // Not inside a letter-spaced heading (「六、工 作 存 在 的 主 要 问 题…」: a removed space at every character).
      if (spaced(m.index + 1) || spaced(end - 1)) continue;
      const before = m.index === 0 || SENTENCE_END.has(s[m.index - 1]!) || boundary(m.index);
      const after = end >= s.length || s[end] === ' ' || s[end] === ':' || spaced(end) || paragraphStart(s, end);
      if (!before || !after) continue;
      if (m.index > 0) edits.push({ at: line.start + m.index, kind: 'break' });
      const stop = s[end] === ':' ? end + 1 : end;
      if (stop < s.length) edits.push({ at: line.start + stop, kind: 'break' });
    }
    // An annex line (「附件2」, 「附表1:」) between a sentence and the annexed table.
    ANNEX_IN_LINE.lastIndex = 0;
    for (let m = ANNEX_IN_LINE.exec(s); m !== null; m = ANNEX_IN_LINE.exec(s)) {
      const end = m.index + m[0].length;
      const before = m.index === 0 || SENTENCE_END.has(s[m.index - 1]!) || s[m.index - 1] === ' ';
      const after = end < s.length && (s[end] === ' ' || s[end] === ':' || spaced(end));
      if (!before || !after) continue;
      if (m.index > 0) edits.push({ at: line.start + m.index, kind: 'break' });
      edits.push({ at: line.start + (s[end] === ':' ? end + 1 : end), kind: 'break' });
    }
    // Paragraphs: after a sentence, an enumerated item (「1、」 「(1)」 「(一)」) or a sentence opening
    // with a year (「2016年,我镇…」) starts a paragraph, whether or not the copy kept the line break.
    for (let i = 1; i < s.length; i++) {
      if (!SENTENCE_END.has(s[i - 1]!) && !(s[i - 1] === ' ' && SENTENCE_END.has(s[i - 2] ?? ''))) continue;
      let k = i;
      while (k < s.length && s[k] === ' ') k++;
      if (k < s.length && paragraphStart(s, k)) edits.push({ at: line.start + k, kind: 'break' });
    }
    // Numbered headings of statutory parts (一、…) and of their aspects ((一)…) inside the line.
    for (let i = 0; i < s.length; i++) {
      const ch = s[i]!;
      const level2 = ch === '(' && CN_NUMERAL.includes(s[i + 1] ?? 'x');
      if (!level2 && !CN_NUMERAL.includes(ch)) continue;
      if (!level2 && i > 0 && CN_NUMERAL.includes(s[i - 1]!)) continue;
      if (!boundary(i) && !isDigitCode(s.charCodeAt(i - 1))) continue;
      let end = level2 ? aspectAt(s, i, spaced) : headingAt(s, i, s.length, spaced);
      if (end === null) continue;
      // A numbered row label of a table (「一、本年新收…\t\t3\t1」) stays in its row.
      if (!level2 && TABLE_ROW_LABEL.test(s.slice(i, end).replace(/^[一二三四五六七八九十]{1,3}\s{0,2}[、.,]?\s{0,2}/u, '')) && valueAfter(s, end)) continue;
      if (isCellSeparator(s[end]) && i > 0 && isCellSeparator(s[i - 1])) continue;
      if (i > 0) edits.push({ at: line.start + i, kind: 'break' });
      if (!level2) {
        // 「一 概述」 whose space normalisation removed: the space comes back, so the heading reads as one.
        let j = i;
        while (j < s.length && CN_NUMERAL.includes(s[j]!)) j++;
        if (!'、., '.includes(s[j] ?? '') && spaced(j)) edits.push({ at: line.start + j, kind: 'space' });
      }
      // A run-in heading (「(一)主动公开方面。2022年…」) keeps its full stop or colon.
      if (s[end] === '。' || s[end] === ':') end++;
      let e = end;
      while (e < s.length && s[e] === ' ') e++;
      if (e < s.length) edits.push({ at: line.start + end, kind: 'break' });
      i = end - 1;
    }
  }
  return edits;
}

/** Words a report's opening sentence starts with (signals.md: the preamble). */
const OPENING = /(本报告|本年度报告|本年报|根据《|按照《|依据《|依照《)/gu;

/** Start of a title (「…YYYY年…政府信息公开…报告」) that ends right before `at`, or null. */
function titleBefore(s: string, at: number): number | null {
  const from = Math.max(0, at - 50);
  const head = s.slice(from, at).trimEnd();
  if (!head.endsWith('年度报告') && !head.endsWith('年报')) return null;
  // The year that opens the title: the last 「YYYY年」 with no break between it and the end.
  const y = /(\d{4})年度?[^\s。,:>\d]{0,30}$/u.exec(head.slice(Math.max(0, head.length - 40)));
  return y ? from + Math.max(0, head.length - 40) + y.index : null;
}

/** A cell value after a row label: separators, then a number that is not a date (「\t\t3\t1」, 「 0 0 0」). */
function valueAfter(s: string, from: number): boolean {
  let i = from;
  while (i < s.length && i - from < 8 && (s[i] === ' ' || isCellSeparator(s[i]))) i++;
  if (isCellSeparator(s[from])) return true;
  let j = i;
  while (j < s.length && j - i < 12 && isDigitCode(s.charCodeAt(j))) j++;
  return j > i && !'年月日'.includes(s[j] ?? '');
}

/** An item number (「1、」 「2.」 「(3)」 「(四)」 「第五,」) or a year opening a sentence (「2016年,」 「2016年我镇」). */
function paragraphStart(s: string, k: number): boolean {
  let j = k;
  while (j < s.length && j - k < 2 && isDigitCode(s.charCodeAt(j))) j++;
  if (j > k) {
    if (s[j] === '、' || (s[j] === '.' && !isDigitCode(s.charCodeAt(j + 1)))) return true;
    while (j < s.length && j - k < 4 && isDigitCode(s.charCodeAt(j))) j++;
    return j - k === 4 && s[j] === '年' && !isDigitCode(s.charCodeAt(j + 1)) && (s[j + 1] === ',' || /[我本全今共该]/u.test(s[j + 1] ?? '') || (s[j + 1] === '度' && s[j + 2] === ','));
  }
  // 「二、工作人员缺乏…」 and the bullet 「- 一、…」 after a sentence: an enumerated item (never 「一、二季度」).
  let b = s[k] === '-' && s[k + 1] === ' ' ? k + 2 : k;
  if (CN_NUMERAL.includes(s[b] ?? 'x')) {
    while (b < s.length && b - k < 4 && CN_NUMERAL.includes(s[b]!)) b++;
    if (s[b] === '、' && !CN_NUMERAL.includes(s[b + 1] ?? 'x') && !isDigitCode(s.charCodeAt(b + 1))) return true;
  }
  if (s[k] === '(' && (isDigitCode(s.charCodeAt(k + 1)) || CN_NUMERAL.includes(s[k + 1] ?? 'x'))) {
    let m = k + 1;
    while (m < s.length && m - k <= 3 && (isDigitCode(s.charCodeAt(m)) || CN_NUMERAL.includes(s[m]!))) m++;
    return s[m] === ')';
  }
  return false;
}

/** A tab within `span` characters of `from` (before it when `span` < 0). */
function tabWithin(s: string, from: number, span: number): boolean {
  const [a, b] = span < 0 ? [Math.max(0, from + span), from] : [from, Math.min(s.length, from + span)];
  for (let i = a; i < b; i++) if (s.charCodeAt(i) === 9) return true;
  return false;
}

/** The last header word of a table's header row (「现行有效件数」 + 「规章」: a row ends there). */
const HEADER_END = /(件数|数量|金额|总计|合计|情况|项目|内容|\)|万元)$/u;

/** The sub-headings a problems part is split by (headings.ts SUBHEADING, found inside a line). */
const SUBHEADING_IN_LINE =
  /(存在的?(?:主要)?问题(?:和困难)?|下一步工作(?:计划|安排|打算|思路)|下步工作(?:计划|打算)|改进措施|整改措施)/gu;

const ANNEX_IN_LINE = /(?:附件|附表) ?(?:\d{1,2}|[一二三四五六七八九十]{1,2})(?![\d一二三四五六七八九十])/gu;

const isCellSeparator = (ch: string | undefined) => ch === '\t' || ch === '|';

function spaceAfter(s: string, from: number, spaced: (k: number) => boolean): number | null {
  let i = from;
  while (i < s.length && s[i] === ' ') i++;
  const stop = Math.min(s.length, i + 30);
  for (i++; i < stop; i++) if (s[i] === ' ' || spaced(i)) return i;
  return null;
}

const isSpaceCode = (c: number) => c === 32 || c === 9 || c === 0x3000 || c === 0xa0;

/**
 * gap[i] = 1 where the source had a space between text[i - 1] and text[i] that normalisation removed
 * (a line break the first pass rejoined is not one).
 */
function removedSpaces(n: NormalizedText, source: string): Uint8Array {
  const gap = new Uint8Array(n.text.length + 1);
  for (let i = 1; i < n.text.length; i++) {
    const a = n.map[i - 1]!;
    const b = n.map[i]!;
    for (let k = a + 1; k < b && k < source.length; k++) {
      if (isSpaceCode(source.charCodeAt(k))) {
        gap[i] = 1;
        break;
      }
    }
  }
  return gap;
}

/** Applies edits (any order, duplicates allowed) to `n`, composing the offset map. */
function apply(n: NormalizedText, edits: Edit[]): NormalizedText {
  if (edits.length === 0) return n;
  const { text, map } = n;
  const joins = new Set<number>();
  const breaks = new Set<number>();
  const spaces = new Set<number>();
  for (const e of edits) (e.kind === 'join' ? joins : e.kind === 'space' ? spaces : breaks).add(e.at);
  // A break after a space turns the space into the break.
  const spaceBreaks = new Set<number>();
  for (const at of breaks) {
    if (at > 0 && text.charCodeAt(at - 1) === 32) {
      let s = at - 1;
      while (s > 0 && text.charCodeAt(s - 1) === 32) s--;
      spaceBreaks.add(s);
      breaks.delete(at);
    } else if (text.charCodeAt(at) === 32) {
      spaceBreaks.add(at);
      breaks.delete(at);
    } else if (at === 0 || text.charCodeAt(at - 1) === NL || text.charCodeAt(at) === NL) breaks.delete(at);
  }
  const out = new Uint16Array(text.length + breaks.size + spaces.size);
  const outMap = new Int32Array(text.length + breaks.size + spaces.size + 1);
  let k = 0;
  let surrogates = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (breaks.has(i)) {
      out[k] = NL;
      outMap[k] = map[i]!;
      k++;
    }
    if (spaces.has(i)) {
      out[k] = 32;
      outMap[k] = map[i]!;
      k++;
    }
    if (code === NL && joins.has(i)) {
      // 「2024\n 年」: the space a number was set apart by goes with the break (as normalisation drops it between a number and 年).
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) === 32) j++;
      if (j > i + 1 && i > 0 && isDigitCode(text.charCodeAt(i - 1)) && UNITS.has(text[j] ?? '')) i = j - 1;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) surrogates = true;
    out[k] = spaceBreaks.has(i) ? NL : code;
    outMap[k] = map[i]!;
    k++;
  }
  outMap[k] = map[text.length]!;
  return { text: codesToString(out, k, surrogates), map: outMap.subarray(0, k + 1) };
}

/** The normalised text with the line breaks of presentations.md §1 restored. */
export function reline(n: NormalizedText, source: string): NormalizedText {
  const joined = apply(n, rejoinEdits(n.text));
  return apply(joined, splitEdits(joined.text, removedSpaces(joined, source)));
}
