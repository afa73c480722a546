/**
 * Label folding for table matching: labels are compared without whitespace, pipes, quotes and
 * colons, with list punctuation (、,，.．;；。) folded to '.', full-width parentheses folded to
 * half-width, and the zh-TW artefact 档案 read as 文件 (signals.md §1.2, tables.md §4).
 */

const DROP = -1;
const DOT = 0x2e;
/** Folded code of the characters that are not kept as they are. */
const SPECIAL = new Map<number, number>();
for (const ch of ' \t\n\r\u00a0\u3000|“”‘’"\'「」『』《》〈〉:：*#·-－—–_') SPECIAL.set(ch.charCodeAt(0), DROP);
for (const ch of '、,，.．;；。') SPECIAL.set(ch.charCodeAt(0), DOT);
SPECIAL.set('（'.charCodeAt(0), '('.charCodeAt(0));
SPECIAL.set('）'.charCodeAt(0), ')'.charCodeAt(0));

/** The folded code of one UTF-16 code unit, or -1 to drop it. */
export function foldLabelCode(code: number): number {
  if (code >= 0x4e00 && code <= 0x9fff) return code;
  if ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return code;
  return SPECIAL.get(code) ?? code;
}

/** Folds a whole label (used for template patterns). */
export function compactLabel(label: string): string {
  let out = '';
  for (let i = 0; i < label.length; i++) {
    const code = foldLabelCode(label.charCodeAt(i));
    if (code !== DROP) out += String.fromCharCode(code);
  }
  return foldVocabulary(out);
}

/** Same-length vocabulary folds applied after character folding. */
export function foldVocabulary(compact: string): string {
  return compact.includes('档案') ? compact.split('档案').join('文件') : compact;
}
