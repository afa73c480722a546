import { describe, expect, it } from '@jest/globals';
import { auditWithRule, findingsOf, outcomeOf } from 'xxgk-audit/testing';
import type { AuditResult, SectionKey } from '../../src/types';
import { normalize } from '../../src/normalize/index';
import rule from '../../rules/required-sections';
import {
  checkRequiredSections,
  findContentStatement,
  resolveEra,
  type ItemResult,
  type RequiredSectionsInput,
} from '../../rules/detect/required-sections';
import { expectLinearCost, fixture, seeds } from '../helpers';
import { sectionsFrom, type H } from './sections-fixture';

const RULE = 'required-sections';
const norm = (raw: string) => normalize(raw).text;


function statuses(items: ItemResult[]): Record<string, string> {
  return Object.fromEntries(items.map((i) => [i.id, i.via ? `${i.status}/${i.via}` : i.status]));
}

const all = seeds();

// The seeds' headings as printed (normalised), keyed as sections.md §1.2/§2.2 classify them.
const SEED_HEADINGS: Record<string, H[]> = {
  '000': [
    ['一、政府信息公开工作的基本概况', 'overview'],
    ['二、行政机关主动公开政府信息情况', 'proactive'],
    ['三、行政机关依申请公开政府信息和不予公开政府信息的情况', 'requests'],
    ['四、政府信息公开收费及减免情况', 'fees'],
    ['五、因政府信息公开申请行政复议、提起行政诉讼的情况', 'review-litigation'],
    ['六、政府信息公开工作存在的主要问题及改进情况', 'problems'],
    ['(一)工作中存在的问题', 'problems', 2],
    ['(二)下一步工作打算', 'problems', 2, true],
  ],
  '001': [],
  '002': [
    ['一、总体情况', 'overview'],
    ['(一) 主动公开', 'proactive', 2],
    ['(二) 依申请公开', 'requests', 2],
    ['(三) 政府信息管理', null, 2],
    ['(四) 政府信息公开平台建设', null, 2],
    ['(五) 监督保障', null, 2],
    ['二、主动公开政府信息情况', 'proactive'],
    ['三、收到和处理政府信息公开申请情况', 'requests'],
    ['四、政府信息公开行政复议、行政诉讼情况', 'review-litigation'],
    ['五、存在的主要问题及改进情况', 'problems'],
    ['六、其他需要报告的事项', 'other'],
  ],
  '003': [
    ['一、主要措施及成效', 'overview'],
    ['二、主动公开政府信息情况', 'proactive'],
    ['三、依申请公开政府信息和不予公开政府信息情况', 'requests'],
    ['四、行政复议、行政诉讼和申诉情况', 'review-litigation'],
    ['五、存在的主要问题', 'problems'],
    ['六、关于2017年政府信息公开工作', 'problems', 1, true],
    ['附件2', 'other'],
  ],
  '004': [
    ['一、政务公开工作开展情况', 'overview'],
    ['二、主动公开政府信息情况', 'proactive'],
    ['三、依申请公开政府信息情况', 'requests'],
    ['四、存在的主要问题', 'problems'],
    ['五、下一步工作安排', 'problems', 1, true],
  ],
};

const SEED_ERA: Record<string, 'E1' | 'E3'> = { '000': 'E1', '001': 'E1', '002': 'E3', '003': 'E1', '004': 'E1' };

function seedInput(id: string, overrides: Partial<RequiredSectionsInput> = {}): RequiredSectionsInput {
  const text = norm(all[id]!);
  return { text, sections: sectionsFrom(text, SEED_HEADINGS[id]!), era: SEED_ERA[id]!, ...overrides };
}

// ---------------------------------------------------------------------------
// Pure check over hand-built sections
// ---------------------------------------------------------------------------

describe('checkRequiredSections: the seeds (defects.md §F)', () => {
  it.each([
    [
      '000',
      {
        E1_ACTIVE: 'present/heading',
        E1_APPLY: 'present/heading',
        E1_FEES: 'present/heading',
        E1_REVIEW: 'present/heading',
        E1_PROBLEMS: 'present/heading',
        E1_OTHER: 'missing',
      },
    ],
    [
      '001',
      {
        E1_ACTIVE: 'merged/content',
        E1_APPLY: 'missing',
        E1_FEES: 'missing',
        E1_REVIEW: 'missing',
        E1_PROBLEMS: 'missing',
        E1_OTHER: 'missing',
      },
    ],
    [
      '002',
      {
        S1_OVERALL: 'present/heading',
        S2_ACTIVE: 'present/heading',
        S3_APPLY: 'present/heading',
        S4_REVIEW: 'present/heading',
        S5_PROBLEMS: 'present/heading',
        S6_OTHER: 'present/heading',
      },
    ],
    [
      '003',
      {
        E1_ACTIVE: 'present/heading',
        E1_APPLY: 'present/heading',
        E1_FEES: 'missing',
        E1_REVIEW: 'present/heading',
        E1_PROBLEMS: 'present/heading',
        E1_OTHER: 'present/heading',
      },
    ],
    [
      '004',
      {
        E1_ACTIVE: 'present/heading',
        E1_APPLY: 'present/heading',
        E1_FEES: 'merged/content',
        E1_REVIEW: 'merged/content',
        E1_PROBLEMS: 'present/heading',
        E1_OTHER: 'missing',
      },
    ],
  ])('seed %s', (id, expected) => {
    const r = checkRequiredSections(seedInput(id));
    expect(r?.era).toBe(SEED_ERA[id]);
    expect(statuses(r!.items)).toEqual(expected);
  });

  it('seed 004: fee and reconsideration statements are found inside 三, not in the intro that lists six parts', () => {
    const input = seedInput('004');
    const r = checkRequiredSections(input)!;
    const fees = r.items.find((i) => i.id === 'E1_FEES')!;
    const review = r.items.find((i) => i.id === 'E1_REVIEW')!;
    expect(fees.foundIn?.heading).toBe('三、依申请公开政府信息情况');
    expect(review.foundIn?.heading).toBe('三、依申请公开政府信息情况');
    expect(input.text.slice(...fees.range!)).toBe(
      '本年度我镇未收到政府信息公开申请,未发生依申请公开政府信息收费、减免情况,全镇也未收取任何政府信息公开费用。',
    );
    expect(input.text.slice(...review.range!)).toBe(
      '2018年,我镇没有发生针对政府信息公开事务的行政复议案,也没有发生各类针对政府信息公开事务有关的行政诉讼案。',
    );
    // The intro names 「政府信息公开的收费及减免情况」 as one of six parts: that is not content.
    const intro = input.text.indexOf('全文包括');
    expect(fees.range![0]).toBeGreaterThan(intro);
    const other = r.items.find((i) => i.id === 'E1_OTHER')!;
    expect(other.anchor?.after).toBe('五、下一步工作安排');
    expect(input.text.slice(...other.anchor!.range)).toMatch(/^\(六\)加强和县相关部门的沟通联系/u);
  });

  it('seed 003: 「收费依据、收费标准」 is a mention, not a fee statement; the missing part belongs after 三', () => {
    const input = seedInput('003');
    const fees = checkRequiredSections(input)!.items.find((i) => i.id === 'E1_FEES')!;
    expect(fees.status).toBe('missing');
    expect(fees.anchor?.after).toBe('三、依申请公开政府信息和不予公开政府信息情况');
    // The last sentence of 三 (the same words in any presentation of the report, issue #14).
    expect(input.text.slice(...fees.anchor!.range)).toBe('县政府办公室作为县政府政务信息依申请公开受理机构,2016年未接收到有关依申请公开政府信息的申请。');
  });

  it('seed 003: the attached statistics table (附件2) counts as 其他 only while attachmentCountsAsOther is on', () => {
    const on = checkRequiredSections(seedInput('003'))!;
    expect(on.items.find((i) => i.id === 'E1_OTHER')?.status).toBe('present');
    const off = checkRequiredSections(seedInput('003'), { attachmentCountsAsOther: false })!;
    expect(off.items.find((i) => i.id === 'E1_OTHER')?.status).toBe('missing');
  });

  it('seed 001: no headings at all; 「主动公开信息1636条」 is the only statutory content, and missing parts point at the first line', () => {
    const input = seedInput('001');
    const r = checkRequiredSections(input)!;
    const active = r.items.find((i) => i.id === 'E1_ACTIVE')!;
    expect(active.foundIn).toBeNull();
    expect(input.text.slice(...active.range!)).toBe(
      '2016年,我镇在城关镇政务公开网主动公开信息1636条,所有栏目内容都进行了全面更新。',
    );
    const missing = r.items.filter((i) => i.status === 'missing');
    expect(missing.map((i) => i.id)).toEqual(['E1_APPLY', 'E1_FEES', 'E1_REVIEW', 'E1_PROBLEMS', 'E1_OTHER']);
    for (const m of missing) expect(input.text.slice(...m.anchor!.range)).toMatch(/^本年度报告根据《中华人民共和国政府信息公开条例》/u);
  });

  it('seed 003 with its 主动公开 heading unkeyed: 「主动公开各类政府信息67467条」 is content; without content fallback the part is missing and belongs after the title', () => {
    const input = seedInput('003');
    const titleStart = input.text.indexOf('高台县2016年政府信息公开工作年度报告');
    const title = { start: titleStart, end: titleStart + 18, text: '高台县2016年政府信息公开工作年度报告' };
    const sections = input.sections.map((s) => (s.key === 'proactive' ? { ...s, key: null } : s));
    const merged = checkRequiredSections({ ...input, sections, title })!.items.find((i) => i.id === 'E1_ACTIVE')!;
    expect(merged).toMatchObject({ status: 'merged', via: 'content' });
    expect(merged.foundIn?.heading).toBe('二、主动公开政府信息情况');
    expect(input.text.slice(...merged.range!)).toContain('主动公开各类政府信息67467条');
    const missing = checkRequiredSections({ ...input, sections, title }, { contentFallback: false })!.items.find(
      (i) => i.id === 'E1_ACTIVE',
    )!;
    expect(missing.status).toBe('missing');
    // E1_ACTIVE is the first statutory item: it belongs right after the title.
    expect(missing.anchor).toEqual({ range: [title.start, title.end], after: title.text });
  });
});

describe('checkRequiredSections: E2/E3 tables and sub-headings', () => {
  it('seed 002 without the 二/三/四 headings: the recognised tables 表二/三/四 stand for them', () => {
    const input = seedInput('002');
    const sections = input.sections.map((s) =>
      s.parent < 0 && (s.key === 'proactive' || s.key === 'requests' || s.key === 'review-litigation') ? { ...s, key: null } : s,
    );
    const withTables = checkRequiredSections({ ...input, sections, tables: [{ id: 'T2' }, { id: 'T3' }, { id: 'T4' }] })!;
    expect(statuses(withTables.items)).toMatchObject({
      S2_ACTIVE: 'present/table',
      S3_APPLY: 'present/table',
      S4_REVIEW: 'present/table',
    });
    // Without tables the overview's sub-aspects （一）主动公开 / （二）依申请公开 (and its 「主动公开各类信息 331 条」)
    // do not stand in for the table sections.
    const without = checkRequiredSections({ ...input, sections })!;
    expect(statuses(without.items)).toMatchObject({ S2_ACTIVE: 'missing', S3_APPLY: 'missing', S4_REVIEW: 'missing' });
  });

  it('上海市科委 2024: 「（一）主要问题 （二）改进情况」 under 三 (复议诉讼) → 五 merged into that part', () => {
    const text = norm(fixture('peers/kirogovcompare__kewei-2024-source.md'));
    const sections = sectionsFrom(text, [
      ['一、总体情况', 'overview'],
      ['二、工作机制保障', null],
      ['三、主动公开工作情况', 'proactive'],
      ['四、政府信息公开申请情况', 'requests'],
      ['五、政府信息管理', null],
      ['六、政府信息公开平台建设', null],
      ['一、主动公开政府信息情况', 'proactive'],
      ['二、收到和处理政府信息公开申请情况', 'requests'],
      ['三、政府信息公开行政复议、行政诉讼情况', 'review-litigation'],
      ['(一)主要问题', 'problems', 2],
      ['(二)改进情况', 'problems', 2],
      ['五、其他需要报告的事项', 'other'],
    ]);
    const r = checkRequiredSections({ text, sections, era: 'E3' })!;
    const problems = r.items.find((i) => i.id === 'S5_PROBLEMS')!;
    expect(problems).toMatchObject({ status: 'merged', via: 'subheading' });
    expect(problems.foundIn?.heading).toBe('三、政府信息公开行政复议、行政诉讼情况');
    expect(r.items.filter((i) => i.status === 'missing')).toEqual([]);
  });

  it('an E2/E3 report without 六: missing is an error-level item after 五 (the E1 leniency does not apply)', () => {
    const input = seedInput('002');
    const sections = input.sections.filter((s) => s.key !== 'other');
    const other = checkRequiredSections({ ...input, sections })!.items.find((i) => i.id === 'S6_OTHER')!;
    expect(other.status).toBe('missing');
    expect(other.anchor?.after).toBe('五、存在的主要问题及改进情况');
  });
});

describe('resolveEra', () => {
  it.each([
    [{ era: 'E2' as const }, 'E2'],
    [{ era: null, template: 'TPL2021' as const }, 'E3'],
    [{ era: null, template: 'TPL2019' as const }, 'E2'],
    [{ era: null, template: 'REG2007' as const }, 'E1'],
    [{ era: null, template: 'unknown' as const, tables: [{ id: 'T3' as const }] }, 'E3'],
    [{ era: null, template: 'unknown' as const, tables: [{ id: 'STAT' as const }] }, 'E1'],
    [{ era: null, template: 'unknown' as const }, null],
  ])('%j → %s', (input, expected) => {
    expect(resolveEra(input)).toBe(expected);
  });

  it('no era → no result (the rule is then inapplicable)', () => {
    expect(checkRequiredSections({ ...seedInput('000'), era: null })).toBeNull();
  });
});

describe('findContentStatement: statements vs mentions (real sentences)', () => {
  it.each<[SectionKey, string]>([
    ['fees', '本年度我镇未收到政府信息公开申请,未发生依申请公开政府信息收费、减免情况'],
    ['fees', '全镇也未收取任何政府信息公开费用。'],
    ['fees', '2017年镇政府没有公民、法人和其他组织的政府信息公开收费和减免。'],
    ['fees', '2023 年，区政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费 0 元。'],
    ['fees', '2025 年度本机关未收取信息公开处理费。'],
    ['fees', '2024 年，市科委未发生政府信息公开收费事项。'],
    ['review-litigation', '2018年,我镇没有发生针对政府信息公开事务的行政复议案'],
    ['review-litigation', '2024 年市科委有 1 件涉及政府信息公开工作的行政复议，该行政复议件未被复议审查机关纠错。'],
    ['review-litigation', '2016年,县政府共收到行政复议申请4件,依法办结4件。'],
    ['review-litigation', '2017年镇政府未发生因违反政府信息公开工作规定而出现投诉、复议、诉讼情况。'],
    ['requests', '本年度我镇未收到政府信息公开申请'],
    ['requests', '截至2017年12月31日,镇政府未收到任何形式的依申请公开要求。'],
    ['requests', '全年收到政府信息公开申请 34 件，上年结转政府信息公开申请 2 件'],
    ['requests', '2023 年全区受理政府信息公开申请 21 件，均在法定期限答复。'],
    ['proactive', '2016年,我镇在城关镇政务公开网主动公开信息1636条'],
    ['proactive', '2024年主动公开各类信息 331 条'],
  ])('%s ← %s', (key, sentence) => {
    expect(findContentStatement(key, norm(sentence))).not.toBeNull();
  });

  it.each<[SectionKey, string]>([
    ['fees', '全县各镇、各部门均在《政府信息公开指南》中公布了依申请公开的受理机构、程序、办公地点、办公时间、收费依据、收费标准和申请表等相关详细信息。'],
    ['fees', '七、依申请公开信息收取的费用\n万元'],
    ['fees', '信息内容\t本年收费金额(单位:万元)\n行政事业性收费\t0'],
    ['review-litigation', '使各行政机关答复的方式、格式、不予公开依据等更加规范，有效降低行政复议、行政诉讼发生率和纠错率。'],
    ['requests', '七是积极做好依申请公开。'],
    ['requests', '2016年,县政府共收到行政复议申请4件,依法办结4件。'],
    ['proactive', '按照《条例》要求,增强做好政府信息主动公开的意识,加大公开力度'],
    ['problems', '一是信息质量有待提高'],
  ])('not a statement: %s ← %s', (key, sentence) => {
    expect(findContentStatement(key, norm(sentence))).toBeNull();
  });
});

describe('hostile input finishes (linear regular expressions)', () => {
  it.each([
    ['收费', '收费'.repeat(100_000)],
    ['未', '未'.repeat(100_000) + '复议'],
    ['申请', '收到' + '申请'.repeat(100_000) + '1件'],
    ['数字', '主动公开' + '1'.repeat(200_000)],
    ['部分', '个部分'.repeat(70_000)],
  ])('%s repeated', (_, text) => {
    expectLinearCost(() => expect(checkRequiredSections({ text, sections: [], era: 'E1' })?.items).toHaveLength(6), text.length);
  });
});

// ---------------------------------------------------------------------------
// The rule, end to end through audit()
// ---------------------------------------------------------------------------

const summary = (r: AuditResult) =>
  findingsOf(r, RULE)
    .map((f) => `${f.messageId}:${f.severity}:${String(f.data?.section)}`)
    .sort();

describe('required-sections rule (audit)', () => {
  it.each([
    ['000', 'fail', ['missingOther:warning:其他需要报告的事项']],
    [
      '001',
      'fail',
      [
        'mergedUntitled:info:主动公开政府信息的情况',
        'missing:error:依申请公开政府信息和不予公开政府信息的情况',
        'missing:error:因政府信息公开申请行政复议、提起行政诉讼的情况',
        'missing:error:政府信息公开工作存在的主要问题及改进情况',
        'missing:error:政府信息公开的收费及减免情况',
        'missingOther:warning:其他需要报告的事项',
      ],
    ],
    ['002', 'pass', []],
    ['003', 'fail', ['missing:error:政府信息公开的收费及减免情况']],
    [
      '004',
      'fail',
      [
        'merged:info:因政府信息公开申请行政复议、提起行政诉讼的情况',
        'merged:info:政府信息公开的收费及减免情况',
        'missingOther:warning:其他需要报告的事项',
      ],
    ],
  ])('seed %s → %s', (id, expected, messages) => {
    const r = auditWithRule(rule, all[id]!);
    expect(outcomeOf(r, RULE).outcome).toBe(expected);
    expect(summary(r)).toEqual(messages);
  });

  it('seed 003: the missing fee part is reported on the last sentence of 三, in the source', () => {
    const src = all['003']!;
    const [f] = findingsOf(auditWithRule(rule, src), RULE);
    expect(f?.messageId).toBe('missing');
    expect(src.slice(f!.position.start.offset, f!.position.end.offset)).toMatch(/^县政府办公室作为县政府政务信息依申请公开受理机构/u);
    expect(f?.section).toEqual({ key: 'fees', title: '政府信息公开的收费及减免情况' });
    expect(f?.message).toContain('“政府信息公开的收费及减免情况”');
    expect(f?.message).toContain('三、依申请公开政府信息和不予公开政府信息情况');
  });

  it('seed 004: the merged findings point at the sentences in 三 (positions in the source)', () => {
    const src = all['004']!;
    const merged = findingsOf(auditWithRule(rule, src), RULE).filter((f) => f.messageId === 'merged');
    expect(merged.map((f) => src.slice(f.position.start.offset, f.position.end.offset))).toEqual([
      '本年度我镇未收到政府信息公开申请，未发生依申请公开政府信息收费、减免情况，全镇也未收取任何政府信息公开费用。',
      '2018年，我镇没有发生针对政府信息公开事务的行政复议案，也没有发生各类针对政府信息公开事务有关的行政诉讼案。',
    ]);
    expect(merged.every((f) => f.data?.foundIn === '依申请公开政府信息情况')).toBe(true);
  });

  it('seed 000 in traditional script: the five Art. 32 headings are recognised after normalisation; only 其他 is missing', () => {
    const f = findingsOf(auditWithRule(rule, all['000']!), RULE);
    expect(f.map((x) => x.messageId)).toEqual(['missingOther']);
    expect(f[0]?.data?.after).toBe('六、政府信息公开工作存在的主要问题及改进情况');
  });

  it('options: requireOtherInE1 false, or the missingOther message switched off, lets seed 000 pass; it can also be made an error', () => {
    expect(outcomeOf(auditWithRule(rule, all['000']!, { severity: 'error', options: { requireOtherInE1: false } }), RULE).outcome).toBe('pass');
    expect(outcomeOf(auditWithRule(rule, all['000']!, { messages: { missingOther: 'off' } }), RULE).outcome).toBe('pass');
    const strict = auditWithRule(rule, all['000']!, { messages: { missingOther: 'error' } });
    expect(findingsOf(strict, RULE).map((f) => f.severity)).toEqual(['error']);
    expect(strict.passed).toBe(false);
  });

  it('rejects unknown options', () => {
    expect(() => auditWithRule(rule, all['000']!, { severity: 'error', options: { requireOther: true } })).toThrow(/invalid options/u);
  });

  it('English messages', () => {
    const r = auditWithRule(rule, all['003']!, { config: { locale: 'en' } });
    expect(findingsOf(r, RULE)[0]?.message).toMatch(/^The statutory part “政府信息公开的收费及减免情况” is missing/u);
  });

  it.each([
    ['peers/kirogovcompare__kewei-2024-source.md', 'markdown', ['merged:info:存在的主要问题及改进情况']],
    ['peers/kirogovcompare__shanghai-office-2025-source.md', 'markdown', ['merged:info:存在的主要问题及改进情况']],
    ['peers/kirogovcompare__hzq2023.txt', 'text', []],
    ['peers/kirogovcompare__hzq2024.txt', 'text', []],
    ['peers/govnianbao__huaian2024.txt', 'text', []],
  ] as const)('peer %s → pass with %j', (file, format, messages) => {
    const r = auditWithRule(rule, { content: fixture(file), format });
    expect(outcomeOf(r, RULE).outcome).toBe('pass');
    expect(summary(r)).toEqual(messages);
  });

  it('a report with no year and no fingerprint is inapplicable', () => {
    const r = auditWithRule(rule, '一、工作情况\n我单位认真做好各项工作。\n二、存在的问题\n无。');
    expect(outcomeOf(r, RULE).outcome).toBe('inapplicable');
  });

  it('heading variants seen in real E1 reports (sections.md §1.2) are recognised', () => {
    const report = [
      '某县文广新局2013年政府信息公开工作年度报告',
      '一、概述',
      '我局认真贯彻落实《条例》,扎实推进政府信息公开工作。',
      '二、主动公开情况',
      '全年主动公开政府信息56条。',
      '三、依申请公开、不予公开及咨询政府信息情况',
      '全年未收到政府信息公开申请。',
      '四、信息公开的收费及减免情况',
      '我局未收取任何费用。',
      '五、复议、诉讼和申诉的情况',
      '未发生行政复议和行政诉讼。',
      '六、存在问题及工作打算',
      '一是信息公开不及时;二是缺乏专人管理。下一步将明确专人负责。',
      '七、其他需要报告的事项',
      '无。',
    ].join('\n');
    const r = auditWithRule(rule, report);
    expect(outcomeOf(r, RULE).outcome).toBe('pass');
    expect(findingsOf(r, RULE)).toEqual([]);
  });

  it('hostile input through audit() finishes', () => {
    const report = '2016年政府信息公开工作年度报告\n' + '一是'.repeat(100_000) + '\n' + '收费'.repeat(50_000);
    expectLinearCost(() => expect(outcomeOf(auditWithRule(rule, report), RULE).outcome).toBe('fail'), report.length);
  });
});
