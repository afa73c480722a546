import { describe, expect, it } from '@jest/globals';
import { auditWithRule, findingsOf, outcomeOf, type RuleTestSettings } from 'xxgk-audit/testing';
import type { SectionInfo } from '../../src/types';
import { normalize } from '../../src/normalize/index';
import rule from '../../rules/improvement-measures';
import {
  boilerplateShareOf,
  classifyImprovementMeasures,
  countItems,
  labelKind,
  locateProblemsMaterial,
  type ImprovementAnalysis,
} from '../../rules/detect/improvement-measures';
import { expectLinearCost, fixture, seeds } from '../helpers';
import { sectionsFrom, type H } from './sections-fixture';

const RULE = 'improvement-measures';
const norm = (raw: string) => normalize(raw).text;


const all = seeds();

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

function analyseSeed(id: string): { text: string; a: ImprovementAnalysis } {
  const text = norm(all[id]!);
  return { text, a: classifyImprovementMeasures(text, sectionsFrom(text, SEED_HEADINGS[id]!)) };
}

const anchorTexts = (a: ImprovementAnalysis) => a.anchors.map((x) => x.text);
const measureText = (text: string, a: ImprovementAnalysis) => a.measureRanges.map((r) => text.slice(...r)).join('');
const problemText = (text: string, a: ImprovementAnalysis) => a.problemRanges.map((r) => text.slice(...r)).join('');

// ---------------------------------------------------------------------------
// The seeds (signals.md §4.7)
// ---------------------------------------------------------------------------

describe('classifyImprovementMeasures: the seeds (signals.md §4.7)', () => {
  it.each([
    // id, class, problems, measures, problem style, measure style
    ['000', 'GENERIC', 3, 3, 'arabic', 'shi'],
    ['002', 'SUBSTANTIVE', 2, 3, 'line-cn', 'line-cn'],
    ['003', 'SUBSTANTIVE', 3, 5, 'shi', 'paren'],
    ['004', 'SUBSTANTIVE', 4, 6, 'shi', 'paren'],
  ])('seed %s → %s (%i problems, %i measures)', (id, cls, problems, measures, pStyle, mStyle) => {
    const { a } = analyseSeed(id);
    expect(a.source).toBe('section');
    expect([a.class, a.problemItems, a.measureItems, a.problemStyle, a.measureStyle]).toEqual([cls, problems, measures, pStyle, mStyle]);
  });

  it('seed 000 (traditional script): 1、2、3、 problems under 「(一)工作中存在的问题」, 一是…三是 measures under 「(二)下一步工作打算」, no anchor → GENERIC', () => {
    const { text, a } = analyseSeed('000');
    expect(a.anchors).toEqual([]);
    expect(a.genericReasons).toEqual(['no-anchors']);
    expect(problemText(text, a)).toMatch(/^1、工作人员需要加强个人的电脑操作能力/u);
    expect(measureText(text, a)).toMatch(/^在今后的工作中,我镇将继续及加强政府信息公开水平/u);
    // The sub-headings are labels, not items.
    expect(problemText(text, a)).not.toContain('工作中存在的问题');
    expect(measureText(text, a)).not.toContain('下一步工作打算');
  });

  it('seed 001 → EMPTY: no problems section; the closing sentence 「…找出差距,认真谋划,全力抓好2017年度政务公开工作」 is intent only', () => {
    const { text, a } = analyseSeed('001');
    expect(a.class).toBe('EMPTY');
    expect(a.source).toBe('closing');
    expect(a.emptyReason).toBe('intent-only');
    expect(a.problemItems).toBe(0);
    expect(text.slice(...a.heading!)).toBe(
      '2016年,我镇政务公开工作各级领导重视和镇直各部门的协同下,取得了显著成绩,我们将培植优势,继续加大力度,及时总结,找出差距,认真谋划,全力抓好2017年度政务公开工作。',
    );
  });

  it('seed 002: 「存在的问题」 / 「下一步工作计划」 label lines split the part; 「- 一、」 bullets and line-initial 一、 are items', () => {
    const { text, a } = analyseSeed('002');
    expect(problemText(text, a)).toMatch(/^- 一、信息更新不及时/u);
    expect(measureText(text, a)).toMatch(/^一、提升思想认识,压实工作责任。/u);
    expect(anchorTexts(a)).toEqual(expect.arrayContaining(['绩效考核', '网站', '政务平台']));
    expect(a.genericReasons).toEqual([]);
  });

  it('seed 003: 五 gives the problems, the plan 「六、关于2017年…」 the measures, with 电子监察 and 2017年; the statistics table after 附件2 is not material', () => {
    const { text, a } = analyseSeed('003');
    expect(anchorTexts(a)).toEqual(expect.arrayContaining(['2017年', '电子监察', '审批系统']));
    const measures = measureText(text, a);
    expect(measures).toMatch(/^2017年,我县将按照市委、市政府和上级部门的要求/u);
    expect(measures).not.toContain('统计指标');
    expect(measures).not.toContain('填报日期');
    expect(a.sectionIndices).toHaveLength(2);
  });

  it('seed 004: 四 problems (一是…四是) + 五 plan ((一)…(六)) with 微博/微信/移动客户端 and “三公”; the signature date is not an anchor', () => {
    const { text, a } = analyseSeed('004');
    expect(anchorTexts(a)).toEqual(expect.arrayContaining(['微博', '微信', '移动客户端', '“三公”']));
    expect(anchorTexts(a)).not.toContain('2019年');
    expect(anchorTexts(a)).not.toContain('《条例》');
    // 「不定期邀请」 is not a frequency.
    expect(a.anchors.filter((x) => x.kind === 'frequency')).toEqual([]);
    expect(measureText(text, a)).not.toContain('泉阳镇人民政府');
  });
});

// ---------------------------------------------------------------------------
// Peer reports (real text; PDF text keeps the extraction's line wraps)
// ---------------------------------------------------------------------------

describe('classifyImprovementMeasures: peer reports', () => {
  it('上海市科委 2024 (no 五 heading; 「(一)主要问题 (二)改进情况」 under 三) → SUBSTANTIVE from the sub-headings', () => {
    const text = norm(fixture('peers/kirogovcompare__kewei-2024-source.md'));
    const sections = sectionsFrom(text, [
      ['一、总体情况', 'overview'],
      ['一、主动公开政府信息情况', 'proactive'],
      ['二、收到和处理政府信息公开申请情况', 'requests'],
      ['三、政府信息公开行政复议、行政诉讼情况', 'review-litigation'],
      ['(一)主要问题', 'problems', 2],
      ['(二)改进情况', 'problems', 2],
      ['五、其他需要报告的事项', 'other'],
    ]);
    const a = classifyImprovementMeasures(text, sections);
    expect([a.source, a.class, a.problemItems, a.measureItems]).toEqual(['subheading', 'SUBSTANTIVE', 1, 3]);
    // The problem names no cue word (「无法满足…需要」): under a problems label every sentence is a problem.
    expect(problemText(text, a)).toMatch(/^市科委 2024年根据本市机构改革工作安排/u);
    expect(anchorTexts(a)).toContain('“张江高新区”');
  });

  it('上海市政府办公厅 2025 (五 heading lost; measures (一) before problems (二)) → SUBSTANTIVE with a prior-year follow-up anchor', () => {
    const text = norm(fixture('peers/kirogovcompare__shanghai-office-2025-source.md'));
    const sections = sectionsFrom(text, [
      ['一、总体情况', 'overview'],
      ['二、主动公开政府信息情况', 'proactive'],
      ['三、收到和处理政府信息公开申请情况', 'requests'],
      ['四、政府信息公开行政复议、行政诉讼情况', 'review-litigation'],
      ['(一)2024年工作中存在问题的改进情况', 'problems', 2],
      ['(二)2025年工作中存在的主要问题', 'problems', 2],
      ['六、其他需要报告的事项', 'other'],
    ]);
    const a = classifyImprovementMeasures(text, sections);
    expect([a.class, a.problemItems, a.measureItems]).toEqual(['SUBSTANTIVE', 3, 3]);
    expect(a.anchors.map((x) => x.kind)).toContain('prior-year');
    expect(measureText(text, a)).toMatch(/^针对 2024年工作中存在的主要问题/u);
    expect(problemText(text, a)).toMatch(/^总体来看/u);
  });

  const PDF_HEADINGS: H[] = [
    ['一、总体情况', 'overview'],
    ['二、主动公开政府信息情况', 'proactive'],
    ['三、收到和处理政府信息公开申请情况', 'requests'],
    ['四、政府信息公开行政复议、行政诉讼情况', 'review-litigation'],
    ['五、存在的主要问题及改进情况', 'problems'],
    ['六、其他需要报告的事项', 'other'],
  ];

  it.each([
    // file, class, problems, measures, generic reasons
    ['peers/kirogovcompare__hzq2023.txt', 'GENERIC', 1, 3, ['few-anchors']],
    ['peers/kirogovcompare__hzq2024.txt', 'SUBSTANTIVE', 1, 3, []],
    ['peers/govnianbao__huaian2024.txt', 'GENERIC', 2, 1, ['single-measure']],
  ])('%s → %s', (file, cls, problems, measures, reasons) => {
    const text = norm(fixture(file));
    const a = classifyImprovementMeasures(text, sectionsFrom(text, PDF_HEADINGS));
    expect([a.class, a.problemItems, a.measureItems, a.genericReasons]).toEqual([cls, problems, measures, reasons]);
  });

  it('洪泽区 2023: 「…以下工作:一\\n是扎实推进…」 — an enumerator split by a PDF line wrap still counts; 「跟班学习制度」 is the only anchor', () => {
    const text = norm(fixture('peers/kirogovcompare__hzq2023.txt'));
    const a = classifyImprovementMeasures(text, sectionsFrom(text, PDF_HEADINGS));
    expect(a.measureStyle).toBe('shi');
    expect(anchorTexts(a)).toEqual(['学习制度']);
    expect(problemText(text, a)).toContain('仍存在一定差距');
    expect(measureText(text, a)).toMatch(/^针对存在问题,下一步,将切实抓好以下工作/u);
  });

  it('洪泽区 2024: 「2025年」 is an anchor, 「不定期更新」 is not a frequency', () => {
    const text = norm(fixture('peers/kirogovcompare__hzq2024.txt'));
    const a = classifyImprovementMeasures(text, sectionsFrom(text, PDF_HEADINGS));
    expect(anchorTexts(a)).toContain('2025年');
    expect(a.anchors.filter((x) => x.kind === 'frequency')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// Cases modelled on the spec's table (signals.md §4.7) and the EMPTY / one-sided cases (§4.6)
// ---------------------------------------------------------------------------

/** A two-part report around a problems section, so the material is found by its heading. */
function report(problemsHeading: string, body: string, plan?: [string, string]): { text: string; sections: SectionInfo[] } {
  const lines = ['某局2022年政府信息公开工作年度报告', '一、总体情况', '我局认真落实《条例》要求,扎实推进政府信息公开工作。', problemsHeading, body];
  const headings: H[] = [
    ['一、总体情况', 'overview'],
    [problemsHeading, 'problems'],
  ];
  if (plan) {
    lines.push(plan[0], plan[1]);
    headings.push([plan[0], 'problems', 1, true]);
  }
  lines.push('六、其他需要报告的事项', '2022年,我局未收取信息处理费。');
  headings.push(['六、其他需要报告的事项', 'other']);
  const text = norm(lines.join('\n'));
  return { text, sections: sectionsFrom(text, headings) };
}

describe('classifyImprovementMeasures: definitions of §4.6', () => {
  it('S24-like (2022): one problem sentence, one measure sentence, no anchor → GENERIC (single measure, few anchors)', () => {
    // Structure of [S24] 五 (paraphrased): the gap to the Regulations, then 「下一步,我局将…」 in one sentence.
    const { text, sections } = report(
      '五、存在的主要问题及改进情况',
      '2022年度我局信息公开工作与《条例》的要求相比,还存在一定的差距,对《条例》学习宣传力度不够,教育培训不足。\n下一步,我局将按照《中华人民共和国政府信息公开条例》要求,进一步提高认识,加强培训,提高信息公开工作水平,扩大公开内容。',
    );
    const a = classifyImprovementMeasures(text, sections);
    expect([a.class, a.problemItems, a.measureItems]).toEqual(['GENERIC', 1, 1]);
    // Citing the Regulations is not an anchor.
    expect(a.anchors).toEqual([]);
    expect(a.genericReasons).toEqual(['no-anchors', 'single-measure']);
  });

  it('S38-like (2013, minimal): two problems (公开不及时, 缺乏专人), one sentence of measures → GENERIC (thin)', () => {
    const { text, sections } = report(
      '五、存在的主要问题和改进措施',
      '我局政府信息公开工作还存在一些问题:一是信息公开不及时;二是缺乏专人负责信息公开工作。今后我们将进一步加大工作力度,确保信息公开工作取得新成效。',
    );
    const a = classifyImprovementMeasures(text, sections);
    expect([a.class, a.problemItems, a.measureItems]).toEqual(['GENERIC', 2, 1]);
    expect(a.boilerplateShare).toBeGreaterThanOrEqual(0.6);
    expect(a.genericReasons).toEqual(['no-anchors', 'boilerplate', 'single-measure']);
  });

  it('S19-like (2019): 一是…四是 problems, 一是…六是 measures naming 《上海市政府信息公开规定》 and “一网通办” → SUBSTANTIVE', () => {
    const { text, sections } = report(
      '五、政府信息公开工作存在的主要问题及改进情况',
      [
        '(一)主要问题',
        '一是政策解读的针对性不够;二是依申请公开答复的规范性有待提高;三是部分区公开目录更新不及时;四是基层公开标准化规范化程度不高。',
        '(二)改进措施',
        '一是贯彻落实《上海市政府信息公开规定》,修订本市依申请公开办理规范;二是推进政务公开与“一网通办”融合,在市政府网站设立政策专区;三是每季度开展一次网站检查;四是由市政府办公厅牵头开展基层政务公开标准化规范化工作;五是组织全市业务培训2次;六是建立公开目录动态更新台账。',
      ].join('\n'),
    );
    const a = classifyImprovementMeasures(text, sections);
    expect([a.class, a.problemItems, a.measureItems]).toEqual(['SUBSTANTIVE', 4, 6]);
    expect(anchorTexts(a)).toEqual(expect.arrayContaining(['《上海市政府信息公开规定》', '“一网通办”', '每季度', '牵头']));
  });

  it('problem–measure pairs in one mixed part (「一是…不及时。下一步…。二是…较少。下一步…」) → the items of both parts', () => {
    const { text, sections } = report(
      '五、存在的主要问题及改进情况',
      '一是部分栏目信息更新不及时,个别信息发布滞后。下一步,我局将每月检查一次栏目更新情况。二是政策解读形式较少,图解类解读不足。下一步,我局将由办公室牵头,每季度制作图解解读2期。',
    );
    const a = classifyImprovementMeasures(text, sections);
    expect([a.class, a.problemItems, a.measureItems]).toEqual(['SUBSTANTIVE', 2, 2]);
    expect(problemText(text, a)).toBe('一是部分栏目信息更新不及时,个别信息发布滞后。二是政策解读形式较少,图解类解读不足。');
  });

  it('「为进一步…,我局将重点抓好三方面工作:一是…」 opens the measure part', () => {
    const { text, sections } = report(
      '五、存在的主要问题及改进情况',
      '我局政府信息公开工作还存在一些不足:一是主动公开内容不够全面;二是依申请公开答复不够规范。为进一步提升政务公开质量,我局将重点抓好三方面工作:一是每季度梳理一次公开目录;二是由法制科牵头审核答复文书;三是组织业务培训2次。',
    );
    const a = classifyImprovementMeasures(text, sections);
    expect([a.class, a.problemItems, a.measureItems]).toEqual(['SUBSTANTIVE', 2, 3]);
  });

  it('「无」 → EMPTY (nil)', () => {
    const { text, sections } = report('五、存在的主要问题及改进情况', '无。');
    expect(classifyImprovementMeasures(text, sections)).toMatchObject({ class: 'EMPTY', emptyReason: 'nil' });
  });

  it('under 60 characters → EMPTY (too short), even with an item each', () => {
    const { text, sections } = report('五、存在的主要问题及改进情况', '一是公开不及时。下一步将加强培训。');
    const a = classifyImprovementMeasures(text, sections);
    expect([a.class, a.emptyReason]).toEqual(['EMPTY', 'too-short']);
    expect(a.bodyLength).toBeLessThan(60);
  });

  it('praise without any problem or plan (≥ 60 characters) → EMPTY (no items)', () => {
    const { text, sections } = report(
      '五、存在的主要问题及改进情况',
      '2022年,在上级部门的正确领导下,我局政府信息公开工作取得了显著成绩。各项工作有序开展,群众满意度明显提升,得到了社会各界的一致好评。',
    );
    expect(classifyImprovementMeasures(text, sections)).toMatchObject({ class: 'EMPTY', emptyReason: 'no-items' });
    // The same praise as one sentence: 「only a sentence of praise or intent」.
    const one = report('五、存在的主要问题及改进情况', '2022年,在上级部门的正确领导下,我局政府信息公开工作取得了显著成绩,各项工作有序开展,群众满意度明显提升,得到了社会各界的一致好评。');
    expect(classifyImprovementMeasures(one.text, one.sections)).toMatchObject({ class: 'EMPTY', emptyReason: 'intent-only' });
  });

  it('problems without measures → GENERIC with no-measures', () => {
    const { text, sections } = report(
      '五、存在的主要问题',
      '我局政府信息公开工作还存在以下问题:一是主动公开的内容还不够全面,部分栏目更新滞后;二是工作人员业务能力有待提高,对新《条例》理解不够深入;三是政策解读形式较少。',
    );
    const a = classifyImprovementMeasures(text, sections);
    expect([a.class, a.problemItems, a.measureItems, a.genericReasons]).toEqual(['GENERIC', 3, 0, ['no-measures']]);
  });

  it('measures without problems (a plan section only) → no problem item; concrete measures are not generic', () => {
    const { text, sections } = report(
      '五、下一步工作安排',
      '(一)2023年3月前完成政府信息公开指南修订。\n(二)每季度更新一次政务公开专栏。\n(三)由办公室牵头,组织全局业务培训2次,提高工作人员的业务能力。',
    );
    // The heading itself is a plan heading: key problems, plan.
    sections[1]!.plan = true;
    const a = classifyImprovementMeasures(text, sections);
    expect([a.problemItems, a.measureItems, a.genericReasons]).toEqual([0, 3, ['no-problems']]);
  });

  it('no problems section and no closing cue → EMPTY (no material)', () => {
    const text = norm('某局2016年政府信息公开工作年度报告\n一、概述\n我局全年主动公开信息56条。');
    const a = classifyImprovementMeasures(text, sectionsFrom(text, [['一、概述', 'overview']]));
    expect([a.class, a.source, a.emptyReason]).toEqual(['EMPTY', 'none', 'no-material']);
  });

  it('the last paragraph of a keyed statutory section is never taken as closing material', () => {
    const text = norm('某局2016年政府信息公开工作年度报告\n一、概述\n我局全年主动公开信息56条。下一步将继续做好公开工作。');
    expect(locateProblemsMaterial(text, sectionsFrom(text, [['一、概述', 'overview']])).source).toBe('none');
  });

  it('a sub-heading keyed problems inside the overview does not count while a top-level problems section exists', () => {
    const { text } = report('五、存在的主要问题及改进情况', '一是公开内容不够全面;二是更新不及时。下一步,一是每月检查一次栏目;二是由办公室牵头建立信息发布台账。');
    const withSub = text.replace('一、总体情况\n', '一、总体情况\n(一)回应社会关切问题\n');
    const sections = sectionsFrom(withSub, [
      ['一、总体情况', 'overview'],
      ['(一)回应社会关切问题', 'problems', 2],
      ['五、存在的主要问题及改进情况', 'problems'],
      ['六、其他需要报告的事项', 'other'],
    ]);
    const m = locateProblemsMaterial(withSub, sections);
    expect(m.segments.map((s) => s.sectionIndex)).toEqual([2]);
  });
});

describe('building blocks', () => {
  it.each([
    ['存在的主要问题及改进情况', 'mixed'],
    ['政府信息公开工作存在的主要问题及改进情况', 'mixed'],
    ['存在问题及工作打算', 'mixed'],
    ['2024年工作中存在问题的改进情况', 'measure'],
    ['工作中存在的问题', 'problem'],
    ['存在的主要问题', 'problem'],
    ['下一步工作计划', 'measure'],
    ['关于2017年政府信息公开工作', 'measure'],
    ['政府信息管理', null],
    ['主动公开', null],
  ])('labelKind(%s) → %s', (title, kind) => {
    expect(labelKind(title)).toBe(kind);
  });

  const items = (s: string) => {
    const t = norm(s);
    return countItems(t, [[0, t.length]], 20);
  };

  it.each([
    ['一是加强培训;二是完善制度;三是定期检查。', 3, 'shi'],
    ['第一,加强培训。第二,完善制度。', 2, 'di'],
    ['(1)加强培训;(2)完善制度;(3)定期检查;(4)强化考核。', 4, 'arabic-paren'],
    ['1.加强培训\n2.完善制度', 2, 'arabic'],
    ['（一）加强培训。\n（二）完善制度。', 2, 'paren'],
    // 「统一是」 and 「第一时间」 are words, not enumerators; a long part without enumerators is one item.
    ['信息发布口径统一是基本要求,我们第一时间发布信息并及时回应社会关切。', 1, null],
    ['加强培训。', 0, null],
    // A restarted list adds its items; a repeated ordinal that neither continues nor restarts does not.
    ['一是甲;二是乙。一是丙;二是丁;二是戊。', 4, 'shi'],
  ])('countItems(%s) → %i', (s, count, style) => {
    expect(items(s)).toEqual({ count, style });
  });

  it('boilerplate share: 「进一步提高认识,加强组织领导,加大工作力度,提升公开水平」 is all boilerplate; an anchor exempts a clause', () => {
    const t = norm('进一步提高认识,加强组织领导,加大工作力度,提升公开水平');
    expect(boilerplateShareOf(t, [[0, t.length]])).toBe(1);
    const u = norm('加大工作力度,每季度检查一次');
    expect(boilerplateShareOf(u, [[0, u.length]])).toBeCloseTo(6 / 13, 5);
    const v = norm('确保2017年取得新成效');
    expect(boilerplateShareOf(v, [[0, v.length]])).toBe(0);
  });
});

describe('hostile input finishes (linear regular expressions)', () => {
  it.each([
    ['一是', '一是'.repeat(100_000)],
    ['(一)', '(一)'.repeat(100_000)],
    ['1、 lines', '1、\n'.repeat(100_000)],
    ['digits', '1'.repeat(200_000) + '年'],
    ['《', '《'.repeat(200_000)],
    ['找出差距', '找出差距,'.repeat(50_000)],
    ['spaces', '一是' + ' '.repeat(200_000) + '二是'],
    ['针对', '针对'.repeat(100_000)],
  ])('%s', (_, body) => {
    const text = `五、存在的主要问题及改进情况\n${body}\n六、其他需要报告的事项\n无`;
    const sections = sectionsFrom(text, [
      ['五、存在的主要问题及改进情况', 'problems'],
      ['六、其他需要报告的事项', 'other'],
    ]);
    expectLinearCost(() => {
      const a = classifyImprovementMeasures(text, sections);
      expect(['EMPTY', 'GENERIC', 'SUBSTANTIVE']).toContain(a.class);
    }, text.length);
  });
});

// ---------------------------------------------------------------------------
// The rule, end to end through audit()
// ---------------------------------------------------------------------------


describe('improvement-measures rule (audit)', () => {
  it.each([
    ['000', 'fail', [['generic', 'warning']]],
    ['001', 'fail', [['empty', 'error']]],
    ['002', 'pass', []],
    ['003', 'pass', []],
    ['004', 'pass', []],
  ])('seed %s → %s', (id, expected, messages) => {
    const r = auditWithRule(rule, all[id]!);
    expect(outcomeOf(r, RULE).outcome).toBe(expected);
    expect(findingsOf(r, RULE).map((f) => [f.messageId, f.severity])).toEqual(messages);
  });

  it('seed 001: the empty finding points at the closing sentence in the (traditional-script) source', () => {
    const src = all['001']!;
    const [f] = findingsOf(auditWithRule(rule, src), RULE);
    expect(f?.data).toMatchObject({ reason: 'intent-only', problems: 0, measures: 0, source: 'closing' });
    const at = src.slice(f!.position.start.offset, f!.position.end.offset);
    expect(at.startsWith('2016年,我鎮')).toBe(true);
    expect(at.endsWith('全力抓好2017年度政務公開工作。')).toBe(true);
  });

  it('seed 000: the generic finding points at the measures and carries the counts', () => {
    const src = all['000']!;
    const [f] = findingsOf(auditWithRule(rule, src), RULE);
    expect(f?.data).toMatchObject({ problems: 3, measures: 3, anchors: 0, class: 'GENERIC', reasons: ['no-anchors'] });
    expect(src.slice(f!.position.start.offset, f!.position.end.offset)).toMatch(/^在今后的工作中,我鎮/u);
    expect(f?.message).toContain('问题3项，改进措施3项，具体抓手0处');
  });

  it.each([
    ['peers/kirogovcompare__kewei-2024-source.md', 'markdown', 'pass', []],
    ['peers/kirogovcompare__shanghai-office-2025-source.md', 'markdown', 'pass', []],
    ['peers/kirogovcompare__hzq2023.txt', 'text', 'fail', ['generic']],
    ['peers/kirogovcompare__hzq2024.txt', 'text', 'pass', []],
    ['peers/govnianbao__huaian2024.txt', 'text', 'fail', ['generic']],
  ] as const)('peer %s → %s', (file, format, expected, messages) => {
    const r = auditWithRule(rule, { content: fixture(file), format });
    expect(outcomeOf(r, RULE).outcome).toBe(expected);
    expect(findingsOf(r, RULE).map((f) => f.messageId)).toEqual(messages);
  });

  it('problems without measures → problemsWithoutMeasures (warning), not also generic', () => {
    const r = auditWithRule(rule, '某局2022年政府信息公开工作年度报告\n一、总体情况\n我局认真落实《条例》要求。\n五、存在的主要问题\n我局政府信息公开工作还存在以下问题:一是主动公开的内容还不够全面,部分栏目更新滞后;二是工作人员业务能力有待提高,对新《条例》理解不够深入。\n六、其他需要报告的事项\n无。', );
    expect(findingsOf(r, RULE).map((f) => [f.messageId, f.severity])).toEqual([['problemsWithoutMeasures', 'warning']]);
    expect(outcomeOf(r, RULE).outcome).toBe('fail');
  });

  it('a plan with concrete measures but no problems → measuresWithoutProblems (info) only: the rule passes', () => {
    const r = auditWithRule(rule, '某局2022年政府信息公开工作年度报告\n一、总体情况\n我局认真落实《条例》要求。\n五、下一步工作安排\n(一)2023年3月前完成政府信息公开指南修订。\n(二)每季度更新一次政务公开专栏。\n(三)由办公室牵头,组织全局业务培训2次,提高工作人员的业务能力。\n六、其他需要报告的事项\n无。', );
    expect(findingsOf(r, RULE).map((f) => [f.messageId, f.severity])).toEqual([['measuresWithoutProblems', 'info']]);
    expect(outcomeOf(r, RULE).outcome).toBe('pass');
  });

  it('no material at all → noMaterial (error); it can be switched off to leave the absence to required-sections', () => {
    const text = '某局2016年政府信息公开工作年度报告\n一、概述\n我局全年主动公开信息56条。';
    expect(findingsOf(auditWithRule(rule, text), RULE).map((f) => [f.messageId, f.severity])).toEqual([['noMaterial', 'error']]);
    const off = auditWithRule(rule, text, { messages: { noMaterial: 'off' } });
    expect(findingsOf(off, RULE)).toEqual([]);
  });

  it('options: with anchorsPerMeasure 0 seed 000 still fails (no anchor at all: SUBSTANTIVE needs one); hzq2023 passes; bad options are rejected', () => {
    const lenient: RuleTestSettings = { severity: 'warning', options: { anchorsPerMeasure: 0 } };
    expect(outcomeOf(auditWithRule(rule, all['000']!, lenient), RULE).outcome).toBe('fail');
    expect(outcomeOf(auditWithRule(rule, { content: fixture('peers/kirogovcompare__hzq2023.txt'), format: 'text' }, lenient), RULE).outcome).toBe('pass');
    expect(() => auditWithRule(rule, all['000']!, { severity: 'error', options: { boilerplateShare: 2 } })).toThrow(/invalid options/u);
  });

  it('English messages', () => {
    const r = auditWithRule(rule, all['001']!, { config: { locale: 'en' } });
    expect(findingsOf(r, RULE)[0]?.message).toMatch(/^The part on problems and improvement \(存在的主要问题及改进情况\) is empty/u);
  });

  it('hostile input through audit() finishes', () => {
    const report = '2022年政府信息公开工作年度报告\n五、存在的主要问题及改进情况\n' + '一是'.repeat(100_000) + '\n六、其他需要报告的事项\n无';
    expectLinearCost(() => expect(outcomeOf(auditWithRule(rule, report), RULE).outcome).toBeDefined(), report.length);
  });
});
