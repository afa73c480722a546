/**
 * contact-info — the report gives the public a way to ask about it: an intent phrase
 * (「如对本报告有疑问，请与…联系」) and contact channels with values (spec/signals.md §3,
 * spec/defects.md CONTACT_INFO_MISSING).
 *
 * Levels:
 * - FULL: an intent phrase (or a labelled contact block) and at least two distinct channels among
 *   {phone, e-mail, address, postcode} in report content;
 * - PARTIAL: one labelled channel, or an intent phrase naming a contact office without values;
 * - NONE: otherwise.
 *
 * Never counted (signals.md §3.3): web chrome (and a portal footer 「地址:…邮编:…」 beside chrome lines),
 * the sign-off of a statistics form (单位负责人/审核人/填报人/联系电话/填报日期), concept mentions without
 * values (「联系方法」, 「公布了监督电话」) and phone-like numbers without a 电话/传真 label within 8
 * characters or an intent phrase within 80 (numbers in tables and statistics).
 *
 * Matching runs on a compacted copy of the text (line wraps and spaces removed), so a contact sentence
 * broken over lines by a PDF extraction is still read; offsets are mapped back. Every regular
 * expression is linear: bounded repetition, no nested quantifiers.
 */
import { compactText, defineRule, firstLineRange, lastAtMost, lineIndexAt, numberOption, originalRange, splitLines, type CompactText } from '../src/kit/index';
import type { TextLine } from '../src/types';
import { messagesFor } from './locales/index';

const RULE_ID = 'contact-info';

export type ContactLevel = 'FULL' | 'PARTIAL' | 'NONE';
export type ChannelKind = 'phone' | 'mobile' | 'email' | 'postcode' | 'address' | 'fax';
export type ExclusionReason = 'chrome' | 'footer' | 'form-signoff' | 'no-label' | 'no-value';

export interface ContactChannel {
  kind: ChannelKind;
  /** The value as written (compacted), e.g. 「0580-4406225」, 「高亭镇人民路88号」. */
  value: string;
  /** Range of the value in the analysed text. */
  start: number;
  end: number;
  /** The label before the value (电话, 地址, 传真 …), or null. */
  label: string | null;
}

export interface ExcludedCandidate {
  kind: ChannelKind | 'intent' | 'mention';
  value: string;
  start: number;
  end: number;
  reason: ExclusionReason;
}

export interface ContactInfoResult {
  level: ContactLevel;
  /** Channels that count, in document order. */
  channels: ContactChannel[];
  /** Distinct kinds of the counted channels. */
  kinds: ChannelKind[];
  /** The first intent phrase in report content. */
  intent: { text: string; start: number; end: number; office: string | null } | null;
  /** Phone numbers found in a statistics-form sign-off (FORM_SIGNOFF_CONTACT). */
  formSignoff: ContactChannel[];
  excluded: ExcludedCandidate[];
  /** Range covering the intent phrase and the counted channels, or null. */
  range: [number, number] | null;
}

export interface ContactInfoOptions {
  /** A phone-like number counts only with a 电话/传真 label ending within this many characters before it (8). */
  labelWindow?: number;
  /** …or an intent phrase ending within this many characters before it (80). */
  intentWindow?: number;
  /** Distinct channels needed for FULL (2). */
  minChannelsForFull?: number;
}

// ---------------------------------------------------------------------------
// Patterns (run on the compacted text: no line wraps, spaces only between ASCII letters/digits)
// ---------------------------------------------------------------------------

const INTENT =
  /((?:如|若)?对(?:本|此|该)?(?:年度)?(?:报告|年报)(?:内容)?(?:有|存在)(?:任何)?(?:疑问|疑义|问题|意见)|如有(?:任何)?(?:疑问|疑义)|请(?:与|同)[^\n。]{1,40}?联系|请联系|(?:可|请)致电|联系方式[:：]|咨询电话|联系人[:：])/gu;
// The contact office named in an intent phrase: 「请与高亭镇政府党政办公室联系」, 「请联系三明市…办公室,」,
// 「可致电福州市晋安区人民政府信息公开办公室,」.
const OFFICE_IN_INTENT = /(?:请(?:与|同)([^\n。]{1,40}?)联系|(?:请联系|致电)([^\n。,;:(]{2,40}))/u;
const OFFICE_WORD = /(办公室|办公厅|政府办|办|局|委员会|委|中心|科|处|股|所|政府|部|组|站|室)/u;

// Landline with area code: 0580-4406225, 0578—2090823, (0563)3027267, 0517 87222589.
// Not part of a longer number, an e-mail address (「13912345678@qq.com」) or a URL.
const LANDLINE = /(?<![\d\-.\/=A-Za-z])\(?0\d{2,3}\)?[-—–― ]{0,2}\d{7,8}(?![\d@])/gu;
const MOBILE = /(?<![\d.\/=A-Za-z])1[3-9]\d{9}(?![\d@])/gu;
// A local number without area code, only right after a 电话/传真 label (signals.md §3.1, 「电话:83126452」).
const LOCAL_AFTER_LABEL = /(电话|传真)[^\d\n]{0,5}?(?<!\d)(\d{7,8})(?!\d)/gu;
// …or right after the contact sentence's 「请联系」 and the office's name (signals.md §3.3 item 4: an intent phrase
// within 80 characters; 「如对本报告有任何疑问,请联系:谷来镇党政综合办 83900796。」, 嵊州市谷来镇 2011).
const LOCAL_AFTER_INTENT = /(请联系|请致电|可致电|联系电话)[^\d\n。;]{0,30}?(?<!\d)(\d{7,8})(?!\d)/gu;
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}[@＠][A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,5}\.[A-Za-z]{2,24}(?![A-Za-z])/gu;
const POSTCODE = /(邮编|邮政编码)[:：]?(?<!\d)(\d{6})(?!\d)/gu;
const ADDRESS =
  /(?<!网站|网址|邮箱|邮件|主页)(办公地址|通讯地址|通信地址|联系地址|办公地点|地址)[:：]([^；;，,。)）\n]{4,60}?(?:号|室|楼|院|大厦|中心|政府))/gu;
// Labels that make a phone-like number a phone (signals.md §3.3 item 4).
const PHONE_LABEL = /(电话|传真|手机|热线|座机|联系方式|Tel|TEL|tel|Fax|FAX)/gu;
const EMAIL_LABEL = /(电子邮箱|电子信箱|电子邮件|邮箱|信箱|E-mail|e-mail|Email|email|EMAIL|E-MAIL)/gu;
// Concept mentions (recorded as excluded when no value follows).
const MENTION = /(联系方法|联系方式|联系电话|监督电话|公开电话|咨询电话|举报电话|投诉电话|办公地址|联系地址|电子邮箱|电子邮件|邮箱|电话|传真|地址|邮编)/gu;
// Anchors of a statistics-form sign-off.
const SIGNOFF_ANCHOR = /(单位负责人|审核人|填报人|填表人|制表人|统计人|填报日期|填表日期|报送日期)/gu;
const SIGNOFF_STRONG = /^(填报人|填表人|制表人|填报日期|填表日期)$/u;
// signals.md §1.4 chrome lines (a fallback: the report model already flags them).
const CHROME_LINE =
  /(ICP备|公安备案|网站标识码|Copyright|版权所有|All Rights Reserved|设为首页|加入收藏|网站地图|关闭窗口|【字体|字号:?\s{0,3}\[|视力保护色|扫一扫|二维码|订阅本站|手机版|您现在的位置|当前位置:|浏览次数|点击数|访问量|主办|承办|技术支持)/iu;
const FOOTER_CONTENT = /(地址|邮编|邮政编码|电话|传真)/u;

// ---------------------------------------------------------------------------
// Lines: chrome and portal footers
// ---------------------------------------------------------------------------


/**
 * Per line: 'chrome' (flagged, or matching the spec's chrome pattern), 'footer' (a contact line whose
 * nearest non-blank neighbours are chrome lines or the document edge, at least one of them chrome:
 * the portal footer 「地址:…邮编:…」), or null.
 */
function excludedLines(lines: TextLine[]): Array<'chrome' | 'footer' | null> {
  const out: Array<'chrome' | 'footer' | null> = lines.map((l) => {
    if (l.chrome) return 'chrome';
    const t = l.text.trim();
    return t.length > 0 && t.length <= 200 && CHROME_LINE.test(t) ? 'chrome' : null;
  });
  const nonBlank: number[] = [];
  for (let i = 0; i < lines.length; i++) if (lines[i]!.text.trim().length > 0) nonBlank.push(i);
  // Runs of consecutive footer-like lines (a footer may hold 地址 and 电话 on two lines); a run whose
  // neighbours are chrome lines or the document edge, at least one of them chrome, is a footer.
  // A line that asks readers to get in touch (「如对本报告有疑问，请与…联系」) is report content.
  let k = 0;
  while (k < nonBlank.length) {
    if (out[nonBlank[k]!] !== null || !isFooterLike(lines[nonBlank[k]!]!.text)) {
      k++;
      continue;
    }
    let q = k;
    while (q + 1 < nonBlank.length && out[nonBlank[q + 1]!] === null && isFooterLike(lines[nonBlank[q + 1]!]!.text)) q++;
    const prev = k > 0 ? out[nonBlank[k - 1]!] : undefined;
    const next = q + 1 < nonBlank.length ? out[nonBlank[q + 1]!] : undefined;
    const prevChrome = prev === 'chrome';
    const nextChrome = next === 'chrome';
    if ((prevChrome || k === 0) && (nextChrome || q + 1 === nonBlank.length) && (prevChrome || nextChrome)) {
      for (let j = k; j <= q; j++) out[nonBlank[j]!] = 'footer';
    }
    k = q + 1;
  }
  return out;
}

function isFooterLike(text: string): boolean {
  const t = text.trim();
  return t.length <= 120 && FOOTER_CONTENT.test(t) && !INTENT_SIMPLE.test(t);
}
const INTENT_SIMPLE = /(疑问|请与|联系方式:)/u;

// ---------------------------------------------------------------------------
// Detection
// ---------------------------------------------------------------------------

interface Raw {
  kind: ChannelKind;
  value: string;
  /** compact offsets */
  cs: number;
  ce: number;
  label: string | null;
  phoneLike: boolean;
}

/** Sign-off zones of statistics forms, as compact ranges. */
function signoffZones(s: string): Array<[number, number]> {
  const anchors: Array<{ start: number; end: number; text: string }> = [];
  for (const m of s.matchAll(SIGNOFF_ANCHOR)) anchors.push({ start: m.index!, end: m.index! + m[0].length, text: m[0] });
  const zones: Array<[number, number]> = [];
  let k = 0;
  while (k < anchors.length) {
    let j = k;
    while (j + 1 < anchors.length && anchors[j + 1]!.start - anchors[j]!.end <= 80) j++;
    const cluster = anchors.slice(k, j + 1);
    if (cluster.length >= 2 || cluster.some((a) => SIGNOFF_STRONG.test(a.text)))
      zones.push([Math.max(0, cluster[0]!.start - 12), Math.min(s.length, cluster[cluster.length - 1]!.end + 48)]);
    k = j + 1;
  }
  return zones;
}

/** True when `pos` lies in one of the sorted, possibly overlapping zones (binary search). */
function inZones(zones: Array<[number, number]>, pos: number): boolean {
  // The last zone starting at or before pos; zones are built in order, so their ends are increasing too.
  let lo = 0;
  let hi = zones.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (zones[mid]![0] <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let i = found; i >= 0 && i >= found - 1; i--) if (pos < zones[i]![1]) return true;
  return false;
}

/** Index of the last item whose `key` is <= pos in a list sorted by key, or -1. */
function lastAtOrBefore<T>(items: readonly T[], key: (t: T) => number, pos: number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]!) <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The nearest match of a global `re` ending at most `window` characters before `pos`. */
function labelBefore(re: RegExp, s: string, pos: number, window: number): { text: string; index: number } | null {
  const from = Math.max(0, pos - window - 8);
  let found: { text: string; index: number } | null = null;
  for (const m of s.slice(from, pos).matchAll(re)) {
    const index = from + m.index!;
    if (pos - (index + m[0].length) <= window) found = { text: m[0], index };
  }
  return found;
}

const FAX_LABEL = /^(传真|Fax|FAX)$/u;
const PHONE_BEFORE_FAX = /(电话|Tel|TEL|tel)[、/(\s]{0,2}$/u;

function rawChannels(s: string): Raw[] {
  const out: Raw[] = [];
  const taken = new Set<number>();
  for (const m of s.matchAll(LANDLINE)) {
    out.push({ kind: 'phone', value: m[0], cs: m.index!, ce: m.index! + m[0].length, label: null, phoneLike: true });
    for (let i = m.index!; i < m.index! + m[0].length; i++) taken.add(i);
  }
  for (const m of s.matchAll(MOBILE)) {
    if (taken.has(m.index!)) continue;
    out.push({ kind: 'mobile', value: m[0], cs: m.index!, ce: m.index! + m[0].length, label: null, phoneLike: true });
    for (let i = m.index!; i < m.index! + m[0].length; i++) taken.add(i);
  }
  for (const m of s.matchAll(LOCAL_AFTER_LABEL)) {
    const value = m[2]!;
    const cs = m.index! + m[0].length - value.length;
    if (taken.has(cs)) continue;
    out.push({ kind: 'phone', value, cs, ce: cs + value.length, label: m[1]!, phoneLike: true });
  }
  for (const m of s.matchAll(LOCAL_AFTER_INTENT)) {
    const value = m[2]!;
    const cs = m.index! + m[0].length - value.length;
    if (taken.has(cs) || out.some((o) => o.cs === cs)) continue;
    out.push({ kind: 'phone', value, cs, ce: cs + value.length, label: null, phoneLike: true });
  }
  for (const m of s.matchAll(EMAIL))
    out.push({ kind: 'email', value: m[0], cs: m.index!, ce: m.index! + m[0].length, label: null, phoneLike: false });
  for (const m of s.matchAll(POSTCODE)) {
    const cs = m.index! + m[0].length - 6;
    out.push({ kind: 'postcode', value: m[2]!, cs, ce: cs + 6, label: m[1]!, phoneLike: false });
  }
  for (const m of s.matchAll(ADDRESS)) {
    const value = m[2]!;
    const cs = m.index! + m[0].length - value.length;
    out.push({ kind: 'address', value, cs, ce: cs + value.length, label: m[1]!, phoneLike: false });
  }
  return out.sort((a, b) => a.cs - b.cs || a.ce - b.ce);
}

/**
 * Finds the contact details in `text` (normalised text: `normalize(raw).text`, `model.text` or
 * `model.fullText`). `lines` are the lines of `text` with their chrome flags (`model.lines`); when
 * omitted, lines are split here and chrome is recognised by the spec's pattern only. Offsets in the
 * result are into `text`.
 */
export function findContactInfo(
  text: string,
  lines?: readonly TextLine[] | null,
  options: ContactInfoOptions = {},
): ContactInfoResult {
  const labelWindow = options.labelWindow ?? 8;
  const intentWindow = options.intentWindow ?? 80;
  const minChannels = Math.max(1, options.minChannelsForFull ?? 2);
  const textLines = lines && lines.length > 0 ? [...lines] : splitLines(text);
  const lineExclusion = excludedLines(textLines);
  const c: CompactText = compactText(text);
  const s = c.text;
  const exclusionAt = (cs: number): 'chrome' | 'footer' | null => {
    if (c.text.length === 0) return null;
    const offset = c.offsetAt(cs);
    return lineExclusion[lineIndexAt(textLines, offset)] ?? null;
  };
  const toRange = (cs: number, ce: number) => originalRange(c, cs, ce);

  const excluded: ExcludedCandidate[] = [];
  // Intent phrases in report content (compact ranges).
  const intents: Array<{ cs: number; ce: number; text: string }> = [];
  for (const m of s.matchAll(INTENT)) {
    const cs = m.index!;
    const ce = cs + m[0].length;
    const where = exclusionAt(cs);
    if (where) {
      const [start, end] = toRange(cs, ce);
      excluded.push({ kind: 'intent', value: m[0], start, end, reason: where });
      continue;
    }
    intents.push({ cs, ce, text: m[0] });
  }
  // Intent phrases do not overlap and are in order: the one starting last at or before pos decides.
  const intentBefore = (pos: number): boolean => {
    const i = intents[lastAtOrBefore(intents, (x) => x.cs, pos)];
    return i !== undefined && (pos < i.ce || pos - i.ce <= intentWindow);
  };
  const insideIntent = (pos: number): boolean => {
    const i = intents[lastAtOrBefore(intents, (x) => x.cs, pos)];
    return i !== undefined && pos < i.ce;
  };

  const zones = signoffZones(s);
  const channels: ContactChannel[] = [];
  const formSignoff: ContactChannel[] = [];
  const counted: Raw[] = [];
  for (const raw of rawChannels(s)) {
    const [start, end] = toRange(raw.cs, raw.ce);
    const where = exclusionAt(raw.cs);
    if (where) {
      excluded.push({ kind: raw.kind, value: raw.value, start, end, reason: where });
      continue;
    }
    if (inZones(zones, raw.cs)) {
      excluded.push({ kind: raw.kind, value: raw.value, start, end, reason: 'form-signoff' });
      if (raw.phoneLike) formSignoff.push({ kind: raw.kind, value: raw.value, start, end, label: raw.label });
      continue;
    }
    let label = raw.label;
    if (raw.kind === 'email') label = labelBefore(EMAIL_LABEL, s, raw.cs, labelWindow)?.text ?? null;
    if (raw.phoneLike) {
      const found = labelBefore(PHONE_LABEL, s, raw.cs, labelWindow);
      label = found?.text ?? raw.label;
      if (label === null && !intentBefore(raw.cs)) {
        excluded.push({ kind: raw.kind, value: raw.value, start, end, reason: 'no-label' });
        continue;
      }
      counted.push({ ...raw, label });
      // 「传真:…」 is a fax; 「电话、传真:」, 「电话(传真):」 and 「电话/传真:」 give one number for both.
      const fax = found !== null && FAX_LABEL.test(found.text);
      const phone = !fax || PHONE_BEFORE_FAX.test(s.slice(Math.max(0, found.index - 4), found.index));
      if (phone) channels.push({ kind: raw.kind, value: raw.value, start, end, label });
      if (fax) channels.push({ kind: 'fax', value: raw.value, start, end, label });
    } else {
      counted.push({ ...raw, label });
      channels.push({ kind: raw.kind, value: raw.value, start, end, label });
    }
  }

  // Concept mentions without a value (「联系方法」, 「公布了监督电话」), for the record.
  let mentions = 0;
  for (const m of s.matchAll(MENTION)) {
    if (mentions >= 20) break;
    const cs = m.index!;
    const ce = cs + m[0].length;
    if (exclusionAt(cs) || inZones(zones, cs)) continue;
    const hasValue = rawChannelsNear(counted, ce, 24) || insideIntent(cs);
    if (hasValue) continue;
    const [start, end] = toRange(cs, ce);
    excluded.push({ kind: 'mention', value: m[0], start, end, reason: 'no-value' });
    mentions++;
  }

  const kindsSet = new Set<ChannelKind>();
  for (const ch of channels) kindsSet.add(ch.kind);
  const kinds = [...kindsSet];
  // Phone, mobile and fax are one channel class for FULL.
  const classes = new Set(kinds.map((k) => (k === 'mobile' || k === 'fax' ? 'phone' : k)));
  const labelled = counted.filter((r) => r.label !== null).length;

  let intent: ContactInfoResult['intent'] = null;
  const firstIntent = intents[0];
  let officeIntent: (typeof intents)[number] | null = null;
  let office: string | null = null;
  for (const i of intents) {
    // The office follows 「请联系」/「致电」, so read a little past the phrase.
    const m = OFFICE_IN_INTENT.exec(s.slice(i.cs, i.ce + 40));
    const name = m ? (m[1] ?? m[2] ?? '') : '';
    if (m && m.index === 0 && OFFICE_WORD.test(name)) {
      officeIntent = i;
      office = name;
      break;
    }
  }
  const chosenIntent = officeIntent ?? firstIntent ?? null;
  if (chosenIntent) {
    const [start, end] = toRange(chosenIntent.cs, chosenIntent.ce);
    intent = { text: chosenIntent.text, start, end, office };
  }

  let level: ContactLevel = 'NONE';
  if (classes.size >= minChannels && (intents.length > 0 || labelled >= 2)) level = 'FULL';
  else if (channels.length > 0 || officeIntent) level = 'PARTIAL';

  let range: [number, number] | null = null;
  if (level !== 'NONE') {
    const points: Array<[number, number]> = channels.map((ch) => [ch.start, ch.end]);
    if (intent && (level === 'PARTIAL' ? channels.length === 0 : true)) points.push([intent.start, intent.end]);
    if (points.length > 0) {
      // The first contact block: from the first point to the last point within 300 characters of it.
      points.sort((a, b) => a[0] - b[0]);
      const first = points[0]!;
      let endAt = first[1];
      for (const p of points) if (p[0] - first[0] <= 300) endAt = Math.max(endAt, p[1]);
      range = [first[0], endAt];
    }
  }
  return { level, channels, kinds, intent, formSignoff, excluded, range };
}

/** A counted channel (sorted by start) starting within `window` characters after `pos`. */
function rawChannelsNear(counted: Raw[], pos: number, window: number): boolean {
  const next = counted[lastAtOrBefore(counted, (r) => r.cs, pos - 1) + 1];
  return next !== undefined && next.cs - pos <= window;
}

// ---------------------------------------------------------------------------
// The rule
// ---------------------------------------------------------------------------

const CHANNEL_LABELS: Record<'zh-CN' | 'en', Record<ChannelKind | 'office', string>> = {
  'zh-CN': {
    phone: '电话',
    mobile: '手机',
    email: '电子邮箱',
    postcode: '邮编',
    address: '地址',
    fax: '传真',
    office: '联系机构（没有电话、地址等具体联系方式）',
  },
  en: {
    phone: 'a phone number',
    mobile: 'a mobile number',
    email: 'an e-mail address',
    postcode: 'a postcode',
    address: 'an address',
    fax: 'a fax number',
    office: 'a contact office (no phone, address or other details)',
  },
};


export default defineRule({
  meta: {
    id: RULE_ID,
    impact: 'moderate',
    docs: {
      description: {
        'zh-CN': '报告向公众提供联系方式（如“如对本报告有疑问，请与…联系（地址、邮编、电话、电子邮箱）”），网站页脚和统计表落款中的电话不算',
        en: 'The report gives the public contact details (an office with address, postcode, phone or e-mail); website chrome and the statistics-form sign-off do not count',
      },
      requires: 'report text only (model.fullText with the chrome flags of model.lines)',
    },
    messages: messagesFor(RULE_ID, {
      missing: 'warning',
      partial: 'info',
      formSignoff: 'info',
    }),
    schema: {
      type: 'object',
      properties: {
        labelWindow: { type: 'integer', minimum: 0, maximum: 40 },
        intentWindow: { type: 'integer', minimum: 0, maximum: 400 },
        minChannelsForFull: { type: 'integer', minimum: 1, maximum: 4 },
      },
      additionalProperties: false,
    },
    defaultOptions: { labelWindow: 8, intentWindow: 80, minChannelsForFull: 2 },
  },
  create(context) {
    return {
      'root:exit'() {
        const { model, options } = context;
        // fullText keeps the chrome lines so they can be listed as excluded; they never count.
        const text = model.fullText && model.fullText.length === model.text.length ? model.fullText : model.text;
        const result = findContactInfo(text, model.lines, {
          labelWindow: numberOption(options.labelWindow, 8),
          intentWindow: numberOption(options.intentWindow, 80),
          minChannelsForFull: numberOption(options.minChannelsForFull, 2),
        });
        const labels = CHANNEL_LABELS[context.locale === 'en' ? 'en' : 'zh-CN'];
        const sep = context.locale === 'en' ? ', ' : '、';
        const channelList =
          result.kinds.length > 0 ? result.kinds.map((k) => labels[k]).join(sep) : labels.office;
        const data = { level: result.level, channels: result.kinds, channelList };
        if (result.level === 'NONE') {
          const range: [number, number] = model.title ? [model.title.start, model.title.end] : firstLineRange(model.text);
          context.report({
            messageId: 'missing',
            range,
            data,
            expected: 'FULL',
            actual: 'NONE',
          });
        } else if (result.level === 'PARTIAL') {
          context.report({
            messageId: 'partial',
            range: result.range ?? (model.title ? [model.title.start, model.title.end] : firstLineRange(model.text)),
            data,
            expected: 'FULL',
            actual: 'PARTIAL',
          });
        }
        // A sign-off number that is not also published in the report content.
        const published = new Set(result.channels.map((ch) => ch.value.replace(/\D/gu, '')));
        const seen = new Set<string>();
        for (const ch of result.formSignoff) {
          const digits = ch.value.replace(/\D/gu, '');
          if (published.has(digits) || seen.has(digits)) continue;
          seen.add(digits);
          context.report({
            messageId: 'formSignoff',
            range: [ch.start, ch.end],
            data: { ...data, number: ch.value },
          });
        }
      },
    };
  },
});
