import { describe, expect, it } from '@jest/globals';
import { auditWithRule, findingsOf, outcomeOf } from 'xxgk-audit/testing';
import { audit } from '../../src/index';
import type { TextLine } from '../../src/types';
import { normalize } from '../../src/normalize/index';
import rule from '../../rules/contact-info';
import { findContactInfo, type ChannelKind } from '../../rules/detect/contact-info';
import { fixture, seeds } from '../helpers';

const RULE = 'contact-info';
const norm = (raw: string) => normalize(raw).text;
const find = (raw: string, lines?: TextLine[] | null, options?: Parameters<typeof findContactInfo>[2]) =>
  findContactInfo(norm(raw), lines, options);
const sorted = (kinds: ChannelKind[]) => [...kinds].sort();

// ---------------------------------------------------------------------------
// Pure detection on normalised text
// ---------------------------------------------------------------------------

describe('findContactInfo: the seeds (signals.md §3.4)', () => {
  const all = seeds();

  it('seed 000 → FULL: address with house number + phone after an intent phrase (traditional script)', () => {
    const text = norm(all['000']!);
    const r = findContactInfo(text);
    expect(r.level).toBe('FULL');
    expect(sorted(r.kinds)).toEqual(['address', 'phone']);
    expect(r.channels.map((c) => c.value)).toEqual(['高亭镇人民路88号', '0580-4406225']);
    expect(r.intent?.office).toBe('高亭镇政府党政办公室');
    for (const c of r.channels) expect(text.slice(c.start, c.end)).toBe(c.value);
    expect(r.formSignoff).toEqual([]);
  });

  it.each(['001', '002'])('seed %s → NONE', (id) => {
    const r = find(all[id]!);
    expect(r.level).toBe('NONE');
    expect(r.channels).toEqual([]);
  });

  it('seed 003 → NONE: the portal footer address/postcode and the form sign-off mobile do not count', () => {
    const text = norm(all['003']!);
    const r = findContactInfo(text);
    expect(r.level).toBe('NONE');
    expect(r.channels).toEqual([]);
    expect(r.formSignoff.map((c) => c.value)).toEqual(['18693617694']);
    const why = Object.fromEntries(r.excluded.filter((e) => e.kind !== 'mention').map((e) => [e.kind, e.reason]));
    expect(why).toEqual({ mobile: 'form-signoff', address: 'footer', postcode: 'footer' });
    // 「公布了监督电话」: a concept without a value.
    expect(r.excluded).toContainEqual(expect.objectContaining({ kind: 'mention', value: '监督电话', reason: 'no-value' }));
  });

  it('seed 003 with the chrome flags of the report model: the footer is chrome', () => {
    const text = norm(all['003']!);
    const lines = linesOf(text, (t) => /主办|Copyright|ICP备|设为首页|关闭窗口|^地址:.*邮编/u.test(t));
    const r = findContactInfo(text, lines);
    expect(r.level).toBe('NONE');
    expect(r.excluded.filter((e) => e.kind === 'address' || e.kind === 'postcode').map((e) => e.reason)).toEqual([
      'chrome',
      'chrome',
    ]);
  });

  it('seed 004 → NONE: 「办公地址、办公时间、联系方法」 and 「镇政务公开电话」 are concept mentions', () => {
    const r = find(all['004']!);
    expect(r.level).toBe('NONE');
    expect(r.excluded.map((e) => [e.kind, e.value, e.reason])).toEqual([
      ['mention', '办公地址', 'no-value'],
      ['mention', '联系方法', 'no-value'],
      ['mention', '公开电话', 'no-value'],
    ]);
  });
});

describe('findContactInfo: the peer reports (real PDF text, lines wrapped by the extraction)', () => {
  it('洪泽区 2023 → FULL with address, postcode, phone and e-mail (「电 子 邮 箱 ：\\nhzzwgk@126.com」)', () => {
    const r = find(fixture('peers/hzq2023-intro.txt'));
    expect(r.level).toBe('FULL');
    expect(sorted(r.kinds)).toEqual(['address', 'email', 'phone', 'postcode']);
    expect(r.channels.map((c) => c.value)).toEqual(['淮安市洪泽区洪泽湖大道90号', '223100', '0517-87222589', 'hzzwgk@126.com']);
  });

  it('洪泽区 2024 → FULL without e-mail', () => {
    const r = find(fixture('peers/hzq2024-intro.txt'));
    expect(r.level).toBe('FULL');
    expect(sorted(r.kinds)).toEqual(['address', 'phone', 'postcode']);
  });

  it('淮安市 2024 → FULL (address and e-mail label broken over lines: 「淮\\n安市翔宇南道 1 号」, 「电\\n子邮箱」)', () => {
    const r = find(fixture('peers/huaian2024-intro.txt'));
    expect(r.level).toBe('FULL');
    expect(r.channels.map((c) => c.value)).toEqual(['淮安市翔宇南道1号', '223001', '0517-83605210', 'hazwgkc@163.com']);
    expect(r.channels.find((c) => c.kind === 'email')?.label).toBe('电子邮箱');
  });

  it.each([
    ['洪泽区 2023', 'peers/kirogovcompare__hzq2023.txt', ['address', 'email', 'phone', 'postcode']],
    ['洪泽区 2024', 'peers/kirogovcompare__hzq2024.txt', ['address', 'phone', 'postcode']],
    ['淮安市 2024', 'peers/govnianbao__huaian2024.txt', ['address', 'email', 'phone', 'postcode']],
  ])('%s whole report (tables included) → FULL, nothing else counted', (_name, file, kinds) => {
    const r = find(fixture(file));
    expect(r.level).toBe('FULL');
    expect(sorted(r.kinds)).toEqual(kinds);
    expect(r.excluded.filter((e) => e.kind !== 'mention')).toEqual([]);
  });

  it.each([
    ['上海市科委 2024 (a website only)', 'peers/kirogovcompare__kewei-2024-source.md'],
    ['上海市人民政府办公厅 2025 (a website only)', 'peers/kirogovcompare__shanghai-office-2025-source.md'],
  ])('%s → NONE', (_name, file) => {
    expect(find(fixture(file)).level).toBe('NONE');
  });
});

describe('findContactInfo: the channels of signals.md §3.1 (values quoted from real reports)', () => {
  const intro = '如对本报告有任何疑问,请与本机关办公室联系';
  it.each([
    ['S32 address, postcode, phone', `${intro}(地址:泰州市海陵区凤凰东路58号;邮编:225300;电话:0523-86839755)。`, ['address', 'phone', 'postcode']],
    ['S33 postcode, phone, e-mail', `${intro}(邮编:353000,电话:0599-8830330,电子邮箱:xxgk@np.gov.cn)。`, ['email', 'phone', 'postcode']],
    ['S34 phone with 「—」 and e-mail', `${intro}(电话:0578—2090823;电子邮箱:lsxxgk@lishui.gov.cn)。`, ['email', 'phone']],
    ['S35 address to 室, 「电话(传真):」', `${intro}(地址:宿州市银河一路506号市政务中心B座107室,电话(传真):0557-3000001)。`, ['address', 'fax', 'phone']],
    ['S36 address ending in 政府, postcode, e-mail', `${intro}(地址:吉林市龙潭区人民政府(遵义东路65号),邮编:132021,电子邮箱:ltqzwgk@163.com)。`, ['address', 'email', 'postcode']],
    ['S37 「电话、传真:」', `${intro}(邮编:132600,电话、传真:0432-68866988)。`, ['fax', 'phone', 'postcode']],
    ['S54 8-digit number after 电话', `${intro}(邮编:510032,电话:83126452)。`, ['phone', 'postcode']],
    ['S31 QQ mail', `${intro},电子邮箱:1055227255@qq.com,电话:0570-3000002。`, ['email', 'phone']],
  ])('%s → FULL', (_name, text, kinds) => {
    const r = find(text);
    expect(r.level).toBe('FULL');
    expect(sorted(r.kinds)).toEqual(kinds);
  });

  it('S37: 「电话、传真:」 gives the one number as phone and fax', () => {
    const r = find('电话、传真:0432-68866988');
    expect(r.channels.map((c) => [c.kind, c.value])).toEqual([
      ['phone', '0432-68866988'],
      ['fax', '0432-68866988'],
    ]);
    expect(r.level).toBe('PARTIAL');
  });

  it('separate phone and fax numbers; 「电话/传真:」', () => {
    expect(find('电话:0599-8830330,传真:0599-8891101').channels.map((c) => [c.kind, c.value])).toEqual([
      ['phone', '0599-8830330'],
      ['fax', '0599-8891101'],
    ]);
    expect(find('电话/传真:0599-8830330').channels.map((c) => c.kind)).toEqual(['phone', 'fax']);
    expect(find('传真:0599-8891101').channels.map((c) => c.kind)).toEqual(['fax']);
  });

  it.each([
    ['-', '0580-4406225'],
    ['— (em dash)', '0578—2090823'],
    ['– (en dash)', '0578–2090823'],
    ['－ (full-width hyphen, folded)', '0578－2090823'],
    ['（0563）3027267 (full-width parentheses, folded)', '（0563）3027267'],
    ['space', '0517 87222589'],
    ['no separator', '052784368216'],
  ])('landline with %s', (_name, number) => {
    const r = find(`联系电话:${number}`);
    expect(r.channels.map((c) => c.kind)).toEqual(['phone']);
    expect(r.level).toBe('PARTIAL');
  });

  it('a mobile number with a label counts as a phone channel', () => {
    const r = find(`${intro}(联系电话:13912345678;电子邮箱:gk@example.gov.cn)`);
    expect(r.level).toBe('FULL');
    expect(sorted(r.kinds)).toEqual(['email', 'mobile']);
  });

  it('a multi-line labelled contact block without an intent phrase is FULL', () => {
    const r = find('联系方式:\n地址:某某市某某路439号(邮编:353000)\n电话:0599-8830330\n传真:0599-8891101\n电子邮箱:gk@example.gov.cn');
    expect(r.level).toBe('FULL');
    expect(sorted(r.kinds)).toEqual(['address', 'email', 'fax', 'phone', 'postcode']);
  });

  it('a labelled block without intent: 「联系电话:…;邮政编码:…」 (traditional script)', () => {
    const r = find('如對報告有任何疑問,請與本市政府辦公室聯系(聯系電話:0527-84368216;郵政編碼:223800)。');
    expect(r.level).toBe('FULL');
    expect(sorted(r.kinds)).toEqual(['phone', 'postcode']);
  });

  it('「对本报告有疑问,请联系…办公室,联系电话:…,电子邮箱:…」 → FULL', () => {
    const r = find('对本报告有疑问,请联系某市政务公开工作领导小组办公室,联系电话:05987500615,电子邮箱:gk@example.com');
    expect(r.level).toBe('FULL');
    expect(r.intent?.office).toBe('某市政务公开工作领导小组办公室');
  });
});

describe('findContactInfo: PARTIAL (signals.md §3.2)', () => {
  it('one labelled channel: 「可致电…办公室,电话:…」', () => {
    const r = find('如对本报告有任何疑问,可致电某区人民政府信息公开办公室,电话:0591-83926179。');
    expect(r.level).toBe('PARTIAL');
    expect(r.kinds).toEqual(['phone']);
  });

  it('an intent phrase naming a contact office, without values', () => {
    const r = find('如对本报告有疑问,请与县政府办公室联系。');
    expect(r.level).toBe('PARTIAL');
    expect(r.channels).toEqual([]);
    expect(r.intent?.office).toBe('县政府办公室');
  });

  it('an intent phrase without an office or values → NONE', () => {
    expect(find('如对本报告有疑问,可通过政府网站留言反映。').level).toBe('NONE');
  });

  it('two channels without intent or a second label: an unlabelled e-mail plus a labelled phone still form a block', () => {
    expect(find('电话:0517-87222589 gk@example.gov.cn').level).toBe('PARTIAL');
  });
});

describe('findContactInfo: exclusions (signals.md §3.3)', () => {
  it('1. chrome lines (model flags) never count', () => {
    const text = '某县2023年政府信息公开工作年度报告\n一、总体情况\n正文。\n地址:某市南环路679号 邮编:734000 电话:0936-8212345';
    const lines = linesOf(text, (t) => t.startsWith('地址:'));
    const r = findContactInfo(text, lines);
    expect(r.level).toBe('NONE');
    expect(r.excluded.filter((e) => e.kind !== 'mention').map((e) => e.reason)).toEqual(['chrome', 'chrome', 'chrome']);
  });

  it('1. a portal footer beside chrome lines never counts, even when the model did not flag it', () => {
    const text = ['正文最后一段。', '', '设为首页 | 加入收藏 | 联系我们', '地址:某市南环路679号政府大院 邮编:734000', 'Copyright 2006 All Rights Reserved'].join('\n');
    const r = find(text);
    expect(r.level).toBe('NONE');
    expect(r.excluded.filter((e) => e.kind !== 'mention').map((e) => [e.kind, e.reason])).toEqual([
      ['address', 'footer'],
      ['postcode', 'footer'],
    ]);
  });

  it('1. a contact line at the end of the report, before the chrome, still counts', () => {
    const text = ['如对本报告有疑问,请与县政府办公室联系(地址:某县人民路1号,电话:0936-8212345)。', '【字体:】【关闭窗口', 'Copyright 2006'].join('\n');
    expect(find(text).level).toBe('FULL');
  });

  it.each([
    ['seed 003 form', '单位负责人 :赵登兴审核人:          填报人: 刘成君\n联系电话 :18693617694             填报日期: 2017年3月7日'],
    ['填报人 + 联系电话', '填报人:张三    联系电话:0931-8123456'],
    ['填表人 + 填报日期 + phone after', '填表人:李四  填报日期:2024年1月5日  联系电话:13800000000'],
  ])('2. a statistics-form sign-off (%s) → FORM_SIGNOFF_CONTACT only', (_name, text) => {
    const r = find(text);
    expect(r.level).toBe('NONE');
    expect(r.formSignoff).toHaveLength(1);
  });

  it.each([
    ['seed 004', '向社会公布本单位政务公开的业务部门、办公地址、办公时间、联系方法等'],
    ['seed 004', '二是通过镇政务公开电话直接交流,接受群众的咨询和投诉'],
    ['seed 003', '在公共服务场所公布了监督电话,促使各镇、各部门工作人员改进工作作风'],
    ['a label with no value', '联系电话:\n地址:\n电子邮箱:'],
  ])('3. concept mentions without values (%s) → NONE', (_name, text) => {
    expect(find(text).level).toBe('NONE');
  });

  it.each([
    ['an 8-digit number in a table (S48 11398889)', '行政事业性收费\t11398889\t0\t0'],
    ['a landline-like number in a table', '(二)其他\t05321234567\t0'],
    ['a mobile-like number (an index id)', '索引号id 18090078150'],
    ['a label too far away', '联系电话号码统一在政府网站的政务公开专栏中公布:0517-87222589'],
  ])('4. phone-like numbers without a label or intent (%s) do not count', (_name, text) => {
    const r = find(text);
    expect(r.level).toBe('NONE');
  });

  it('4. an unlabelled number within 80 characters after an intent phrase counts', () => {
    const r = find('如对本报告有疑问,请与县政府办公室联系,0936-8212345。');
    expect(r.level).toBe('PARTIAL');
    expect(r.kinds).toEqual(['phone']);
  });

  it('a website address is not an address channel', () => {
    const r = find('网站地址:http://www.example.gov.cn/zwgk/中心');
    expect(r.channels).toEqual([]);
  });

  it('an e-mail whose local part is a mobile number is an e-mail, not a mobile', () => {
    const r = find('电子邮箱:13912345678@qq.com');
    expect(r.channels.map((c) => c.kind)).toEqual(['email']);
  });
});

describe('findContactInfo: options', () => {
  it('labelWindow and intentWindow', () => {
    const far = '电话(工作日上午九点至下午五点):0936-8212345';
    expect(find(far).level).toBe('NONE');
    expect(find(far, null, { labelWindow: 20 }).level).toBe('PARTIAL');
  });
  it('minChannelsForFull', () => {
    const text = '如对本报告有疑问,请与县政府办公室联系(电话:0936-8212345;邮编:734000)';
    expect(find(text).level).toBe('FULL');
    expect(find(text, null, { minChannelsForFull: 3 }).level).toBe('PARTIAL');
  });
});

describe('findContactInfo: linear on hostile input', () => {
  it('1 MB of digits', () => {
    expect(findContactInfo('0'.repeat(1_000_000)).level).toBe('NONE');
  });
  it('repeated labels', () => {
    expect(findContactInfo('地址:'.repeat(100_000)).level).toBe('NONE');
    expect(findContactInfo('电话:'.repeat(100_000)).level).toBe('NONE');
  });
  it('a long e-mail-like run', () => {
    expect(findContactInfo('a.'.repeat(300_000) + '@').level).toBe('NONE');
    expect(findContactInfo('a@'.repeat(300_000)).level).toBe('NONE');
  });
  it('many numbers after many intent phrases, many labelled values, many footer-like lines', () => {
    expect(findContactInfo('如有疑问0936-8212345。'.repeat(50_000)).level).toBe('PARTIAL');
    expect(findContactInfo('电话:0936-8212345\n'.repeat(50_000)).level).toBe('PARTIAL');
    expect(findContactInfo('Copyright\n' + '地址:某路1号\n'.repeat(50_000) + 'Copyright').level).toBe('NONE');
    expect(findContactInfo(('填报人' + '某'.repeat(100) + '电话:0936-8212345').repeat(20_000)).level).toBe('PARTIAL');
  });
  it('repeated intent phrases and sign-off anchors', () => {
    expect(findContactInfo('请与'.repeat(100_000)).level).toBe('NONE');
    expect(findContactInfo('填报人'.repeat(100_000) + '电话:0936-8212345').level).toBe('NONE');
  });
});

// ---------------------------------------------------------------------------
// The rule, end to end through audit()
// ---------------------------------------------------------------------------


describe('contact-info rule (audit)', () => {
  const all = seeds();

  it.each([
    ['000', 'pass', []],
    ['001', 'fail', [['missing', 'warning']]],
    ['002', 'fail', [['missing', 'warning']]],
    ['003', 'fail', [['missing', 'warning'], ['formSignoff', 'info']]],
    ['004', 'fail', [['missing', 'warning']]],
  ])('seed %s → %s', (id, expected, messages) => {
    const r = auditWithRule(rule, all[id]!);
    expect(outcomeOf(r, RULE).outcome).toBe(expected);
    expect(findingsOf(r, RULE).map((f) => [f.messageId, f.severity])).toEqual(messages);
  });

  it('seed 003: the sign-off finding points at the number in the source', () => {
    const source = all['003']!;
    const f = findingsOf(auditWithRule(rule, source), RULE).find((x) => x.messageId === 'formSignoff')!;
    expect(source.slice(f.position.start.offset, f.position.end.offset)).toBe('18693617694');
    expect(f.message).toContain('18693617694');
  });

  it('missing points at the title', () => {
    const source = all['004']!;
    const [f] = findingsOf(auditWithRule(rule, source), RULE);
    expect(source.slice(f!.position.start.offset, f!.position.end.offset)).toBe('2018年政府信息公开年度报告');
    expect(f!.data).toMatchObject({ level: 'NONE', channels: [] });
  });

  it('PARTIAL → info, the rule passes; the message names the channel', () => {
    const r = auditWithRule(rule, '某区2016年政府信息公开工作年度报告\n如对本报告有任何疑问,可致电区政府信息公开办公室,电话:0591-83926179。\n一、概述\n本区认真贯彻条例。');
    expect(outcomeOf(r, RULE).outcome).toBe('pass');
    const [f] = findingsOf(r, RULE);
    expect([f!.messageId, f!.severity]).toEqual(['partial', 'info']);
    expect(f!.message).toContain('电话');
    expect(f!.data).toMatchObject({ level: 'PARTIAL', channels: ['phone'] });
  });

  it('the peer reports pass with no finding', () => {
    for (const file of ['peers/kirogovcompare__hzq2023.txt', 'peers/kirogovcompare__hzq2024.txt', 'peers/govnianbao__huaian2024.txt']) {
      const r = auditWithRule(rule, fixture(file));
      expect(outcomeOf(r, RULE).outcome).toBe('pass');
      expect(findingsOf(r, RULE)).toEqual([]);
    }
  });

  it('the 上海 peer reports (website only) fail', () => {
    expect(outcomeOf(auditWithRule(rule, fixture('peers/kirogovcompare__kewei-2024-source.md')), RULE).outcome).toBe('fail');
    expect(outcomeOf(auditWithRule(rule, fixture('peers/kirogovcompare__shanghai-office-2025-source.md')), RULE).outcome).toBe('fail');
  });

  it('English messages', () => {
    const r = auditWithRule(rule, all['003']!, { config: { locale: 'en' } });
    const messages = findingsOf(r, RULE).map((f) => f.message);
    expect(messages[0]).toMatch(/No contact details/);
    expect(messages[1]).toMatch(/18693617694/);
  });

  it('hostile input finishes', () => {
    const r = auditWithRule(rule, '某县2023年政府信息公开工作年度报告\n' + '电话:'.repeat(50_000));
    expect(outcomeOf(r, RULE).outcome).toBe('fail');
  });
});

/** Lines of `text` with a chrome flag, as the report model gives them. */
function linesOf(text: string, chrome: (line: string) => boolean): TextLine[] {
  const out: TextLine[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    out.push({ index: out.length, start, end: start + line.length, text: line, chrome: chrome(line.trim()) });
    start += line.length + 1;
  }
  return out;
}

describe('contact-info on real copies (issue #14)', () => {
  it('嵊州市谷来镇 2011: a local number right after 「请联系:…办」 is a phone (an intent phrase, signals.md §3.3 item 4)', () => {
    const r = audit(fixture('real/310_2011_township_gulai-shengzhou.txt'));
    expect(r.rules.find((x) => x.ruleId === 'contact-info')!.outcome).not.toBe('fail');
    expect(r.findings.filter((f) => f.ruleId === 'contact-info').map((f) => f.messageId)).not.toContain('missing');
  });

  it('a number in a sentence with no contact intent is still not a phone', () => {
    const r = audit('2011年谷来镇人民政府信息公开年报\n一、概述\n全年主动公开信息83900796条。\n');
    expect(r.findings.filter((f) => f.ruleId === 'contact-info').map((f) => f.messageId)).toContain('missing');
  });
});
