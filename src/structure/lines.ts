/**
 * Lines of the normalised text and web-chrome detection (spec/signals.md §1.4).
 */
import type { TextLine } from '../types';

/** signals.md §1.4: a line matching any of these is portal chrome, not report content. */
const CHROME =
  /(ICP备|公安备案|网站标识码|Copyright|版权所有|All Rights Reserved|设为首页|加入收藏|网站地图|关闭窗口|【字体|字号:?\s{0,3}\[|视力保护色|扫一扫|二维码|订阅本站|手机版|您现在的位置|当前位置:|浏览次数|点击数|访问量|主办:?|承办|技术支持|分享到|网络视听许可证|索引号|主题分类|责任编辑)/iu;
/** Metadata lines of a CMS page (publication date, source) — chrome, but kept for the date. */
const METADATA = /^(发布日期|发布时间|发文日期|成文日期|信息来源|来源:|作者:|文号|有效性|标题:|栏目:|原文链接|原文地址|发布机构:|=+ {0,2}正文 {0,2}=+$)/u;
const FOOTER_ADDRESS = /^地址:.{2,60}(邮编|邮政编码)/u;

export function splitLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      lines.push({ index: lines.length, start, end: i, text: text.slice(start, i), chrome: false });
      start = i + 1;
    }
  }
  return lines;
}

/** Page furniture of PDF-derived text: 「- 4 -」, 「— 5 —」, 「第 3 页」, 「3/12」. */
const PAGE_NUMBER = /^(?:[-—–]\s{0,3}\d{1,4}\s{0,3}[-—–]|第\s{0,2}\d{1,4}\s{0,2}页(?:\s{0,2}[,/]?\s{0,2}共\s{0,2}\d{1,4}\s{0,2}页)?|\d{1,4}\s{0,2}\/\s{0,2}\d{1,4})$/u;

export function isPageNumberLine(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}

/** Web chrome (signals.md §1.4) or page furniture: kept out of the analysed text. */
export function isChromeLine(text: string): boolean {
  const t = text.trim();
  if (t.length === 0) return false;
  return CHROME.test(t) || METADATA.test(t) || PAGE_NUMBER.test(t) || isBreadcrumb(t);
}

/** 「首页 > 政务公开 > 政府信息公开年报」, or a piece of it broken onto its own line (「>」). */
function isBreadcrumb(t: string): boolean {
  if (t.length > 80 || !t.includes('>')) return false;
  let segment = 0;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    if (ch === '>') segment = 0;
    else if (ch === '。' || ch === ';' || ch === ',' || ++segment > 20) return false;
  }
  return true;
}

/**
 * Marks chrome lines: lines matching the chrome patterns; lines before the title that are not the
 * issuer's name; and a portal footer block (an address/postcode line next to chrome lines at the end).
 */
export function markChrome(lines: TextLine[], titleLine: number | null, isIssuerLine: (t: string) => boolean): void {
  for (const line of lines) if (isChromeLine(line.text)) line.chrome = true;
  if (titleLine !== null) {
    for (let i = 0; i < titleLine; i++) {
      const t = lines[i]!.text.trim();
      if (t.length > 0 && !isIssuerLine(t)) lines[i]!.chrome = true;
    }
  }
  // A footer: from the first chrome line in the last part of the document, every line after it that is
  // chrome-like or a footer address is chrome; contiguous (blank lines allowed) with other chrome lines.
  const nonBlank = lines.filter((l) => l.text.trim().length > 0);
  for (let k = nonBlank.length - 1; k >= 0; k--) {
    const line = nonBlank[k]!;
    if (line.chrome) continue;
    const prev = nonBlank[k - 1];
    const next = nonBlank[k + 1];
    const besideChrome = (prev?.chrome ?? false) || (next?.chrome ?? false);
    if (besideChrome && FOOTER_ADDRESS.test(line.text.trim())) {
      line.chrome = true;
      continue;
    }
    if (besideChrome && (next?.chrome ?? false) && line.text.trim().length <= 40 && !/[。;]/.test(line.text)) {
      // a short line squeezed between footer lines (e.g. 「中共… 主办」 variants)
      if (k >= nonBlank.length - 8 && nonBlank.slice(k + 1).every((l) => l.chrome)) {
        if (CHROME_NEIGHBOUR.test(line.text)) line.chrome = true;
      }
    }
  }
}

const CHROME_NEIGHBOUR = /(主办|承办|邮编|电话:|地址:)/u;

/** The text with chrome lines blanked to spaces (same length, same line breaks). */
export function blankChrome(text: string, lines: TextLine[]): string {
  let out = '';
  let last = 0;
  for (const line of lines) {
    if (!line.chrome) continue;
    out += text.slice(last, line.start) + ' '.repeat(line.end - line.start);
    last = line.end;
  }
  return out + text.slice(last);
}
