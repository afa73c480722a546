/**
 * Visual lines: runs grouped by their vertical position, ordered left to right, joined with nothing
 * (CJK), a space (a gap or a space item between them) or a TAB (a gap as wide as table columns).
 */
import { centreY, type TextRun } from './geometry';

/** A gap of at least this many font sizes between two runs of a line is a column break (TAB). */
const TAB_GAP = 2.5;
/** A gap of at least this many font sizes is a space. */
const SPACE_GAP = 0.3;

export interface VisualLine {
  runs: TextRun[];
  text: string;
  /** Top of the line's glyph boxes. */
  top: number;
  bottom: number;
  x0: number;
  x1: number;
  /** The most common font size of the line's characters. */
  size: number;
  /** Whether the line has a TAB (columns): it is never joined with its neighbours. */
  tabular: boolean;
}

const isAsciiWord = (ch: string | undefined): boolean => !!ch && /[A-Za-z0-9]/.test(ch);

/** Groups runs into visual lines, top to bottom. Space-only runs only mark spaces. */
export function groupLines(runs: TextRun[]): VisualLine[] {
  const sorted = [...runs].sort((a, b) => centreY(a) - centreY(b) || a.x - b.x);
  const groups: TextRun[][] = [];
  let cur: TextRun[] = [];
  let curY = 0;
  let curSize = 0;
  for (const run of sorted) {
    const y = centreY(run);
    if (cur.length && Math.abs(y - curY) <= Math.max(2, 0.45 * Math.min(curSize, run.size || curSize))) {
      cur.push(run);
      if (!run.space) {
        // Follow the line's centre as runs join (weighted towards the larger glyphs).
        const n = cur.filter((r) => !r.space).length;
        curY = (curY * (n - 1) + y) / n;
        curSize = Math.max(curSize, run.size);
      }
      continue;
    }
    if (cur.length) groups.push(cur);
    cur = [run];
    curY = y;
    curSize = run.size;
  }
  if (cur.length) groups.push(cur);
  const lines: VisualLine[] = [];
  for (const group of groups) {
    const line = makeLine(group);
    if (line) lines.push(line);
  }
  return lines;
}

function modeSize(runs: TextRun[]): number {
  const counts = new Map<number, number>();
  for (const r of runs) {
    const key = Math.round(r.size * 2) / 2;
    counts.set(key, (counts.get(key) ?? 0) + r.text.length);
  }
  let best = 0;
  let bestCount = -1;
  for (const [size, count] of counts) {
    if (count > bestCount || (count === bestCount && size > best)) {
      best = size;
      bestCount = count;
    }
  }
  return best;
}

function makeLine(group: TextRun[]): VisualLine | undefined {
  const runs = group.filter((r) => !r.space).sort((a, b) => a.x - b.x);
  if (!runs.length) return undefined;
  const spaces = group.filter((r) => r.space);
  let text = '';
  let tabular = false;
  let prev: TextRun | undefined;
  for (const run of runs) {
    const piece = run.text.replace(/\s+/g, ' ');
    if (prev) {
      const end = prev.x + prev.width;
      const gap = run.x - end;
      const size = Math.max(prev.size, run.size);
      if (gap >= TAB_GAP * size) {
        text = text.trimEnd() + '\t';
        tabular = true;
      } else if (
        gap >= SPACE_GAP * size ||
        spaces.some((s) => s.x >= end - 0.5 * size && s.x <= run.x + 0.1 * size) ||
        (gap > 0.1 * size && isAsciiWord(text[text.length - 1]) && isAsciiWord(piece[0]))
      ) {
        if (!text.endsWith(' ') && !piece.startsWith(' ')) text += ' ';
      }
    }
    text += piece;
    prev = run;
  }
  text = tightenTabs(text).trim();
  if (!text) return undefined;
  const size = modeSize(runs);
  return {
    runs,
    text,
    top: Math.min(...runs.map((r) => r.y - r.size)),
    bottom: Math.max(...runs.map((r) => r.y)),
    x0: runs[0]!.x,
    x1: Math.max(...runs.map((r) => r.x + r.width)),
    size,
    tabular,
  };
}

/**
 * `text` with the spaces around each tab removed, in linear time. (It was a global replace of
 * space-star, tab, space-star by a tab: that regex rescans a run of spaces not followed by a tab from
 * every position in it, quadratic on a hostile line.)
 */
export function tightenTabs(text: string): string {
  if (!text.includes('\t')) return text;
  const parts = text.split('\t');
  const last = parts.length - 1;
  for (let i = 0; i <= last; i++) {
    const part = parts[i]!;
    let start = 0;
    let end = part.length;
    if (i > 0) while (start < end && part.charCodeAt(start) === 0x20) start++;
    if (i < last) while (end > start && part.charCodeAt(end - 1) === 0x20) end--;
    parts[i] = part.slice(start, end);
  }
  return parts.join('\t');
}

/**
 * The text of one table cell: its visual lines top to bottom joined without a break (a wrapped
 * label becomes one label), spaces kept only between Latin letters or digits.
 */
export function joinCellText(runs: TextRun[]): string {
  if (!runs.length) return '';
  const lines = groupLines(runs);
  let out = '';
  for (const line of lines) {
    const text = line.text
      .replace(/\t/g, ' ')
      .replace(/(?<=[^A-Za-z0-9.,%]) +| +(?=[^A-Za-z0-9])/g, '')
      .trim();
    if (!text) continue;
    if (out && isAsciiWord(out[out.length - 1]) && isAsciiWord(text[0]) && !/^\d/.test(text)) out += ' ';
    out += text;
  }
  return out;
}
