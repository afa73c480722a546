import { describe, expect, it } from '@jest/globals';
import { auditWithRule, findingsOf, outcomeOf, RuleTester } from 'xxgk-audit/testing';
import { normalize } from '../../src/normalize/index';
import type { AuditResult } from '../../src/types';
import rule from '../../rules/government-accountability';
import { findAccountabilityStatements } from '../../rules/detect/government-accountability';
import { expectLinearCost, fixture, seeds } from '../helpers';

const RULE = 'government-accountability';
/** [messageId, severity] of each finding of the rule. */
const messages = (r: AuditResult) => findingsOf(r, RULE).map((f) => [f.messageId, f.severity]);

/** Statements of a passage without sections (the whole text is searched). */
const classify = (raw: string, year = 2024) =>
  findAccountabilityStatements({ text: normalize(raw).text, sections: [], year }).statements.map((s) => [s.aspect, s.kind, s.term]);
const verdictOf = (raw: string, year = 2024) => findAccountabilityStatements({ text: normalize(raw).text, sections: [], year }).verdict;

const all = seeds();
const SEED002 = all['002']!;
/** The last paragraph of seed 002's 「(五) 监督保障:」 (a township government, 2024). */
const SEED002_SUPERVISION_END = '提升了政务公开信息化保障水平。';
const insertIntoSupervision = (sentence: string) => SEED002.replace(SEED002_SUPERVISION_END, SEED002_SUPERVISION_END + sentence);

// ---------------------------------------------------------------------------
// Classification of statements (real passages)
// ---------------------------------------------------------------------------

describe('findAccountabilityStatements: classification', () => {
  it('seed 002: 「加大政务公开工作的考核力度，将其纳入年度绩效考核体系」 is an intention (future), not a result', () => {
    expect(classify('加大政务公开工作的考核力度，将其纳入年度绩效考核体系保证各项工作任务有效落实。')).toEqual([
      ['assessment', 'future', '考核'],
      ['assessment', 'future', '绩效考核'],
    ]);
  });

  it('explicit nil statements (「未发生…责任追究」, 「无…问责」, 「…结果情况：无」) count as results', () => {
    expect(verdictOf('本年度未发生因政府信息公开工作被责任追究的情况。')).toBe('ok');
    expect(verdictOf('全年无因政务公开工作被问责的情况。')).toBe('ok');
    expect(classify('工作考核、社会评议和责任追究结果情况：无。')).toEqual([
      ['assessment', 'nil', '考核'],
      ['appraisal', 'nil', '社会评议'],
      ['accountability', 'nil', '责任追究'],
    ]);
  });

  it('results of all three aspects', () => {
    const text = '2024年，我镇政务公开工作在县政务公开考核中获评优秀等次；群众满意度测评满意率98%；对2名信息发布不及时的工作人员进行了约谈问责。';
    const r = findAccountabilityStatements({ text: normalize(text).text, sections: [], year: 2024 });
    expect(r.verdict).toBe('ok');
    expect(r.missingAspects).toEqual([]);
    expect(r.best.accountability).toMatchObject({ kind: 'result', term: '问责' });
  });

  it('a system without results (real text, 2013 municipal report: 「进一步完善了…责任追究和新闻发言人等制度」) → systemOnly', () => {
    const text =
      '进一步完善了主动公开、依申请公开、责任追究和新闻发言人等制度,保证了政府信息公开工作更好地推进。建立健全政府信息公开考核制度,采取网上考核、实地抽查、群众评议等形式,定期对各县(市)区、各部门、各单位进行检查考核,及时向全市通报检查考核情况。';
    const r = findAccountabilityStatements({ text: normalize(text).text, sections: [], year: 2024 });
    expect(r.verdict).toBe('systemOnly');
    expect(r.best.accountability).toMatchObject({ kind: 'system', term: '责任追究' });
    // 「及时向全市通报检查考核情况」: an assessment result; 「群众评议」: appraisal.
    expect(r.best.assessment?.kind).toBe('result');
    expect(r.best.appraisal?.term).toBe('群众评议');
  });

  it('the statutory label in a system sentence is a system statement, not a result', () => {
    expect(verdictOf('建立健全政务公开工作考核、社会评议和责任追究制度。')).toBe('systemOnly');
  });

  it('a township 2025 report (real text): 「将政务信息公开工作纳入年度综合目标考核体系」 and a supervision system, no accountability → missing', () => {
    const text =
      '(二)优化考核激励。将政务信息公开工作纳入年度综合目标考核体系,细化考核指标,区分日常报送、信息质量、公开时效等维度设定评分标准,替代单一以数量增减计分的模式。(三)完善监督保障机制。构建“内部自查+群众监督+上级督查”三位一体监督体系,定期开展政务信息公开工作自查自纠。';
    const r = findAccountabilityStatements({ text: normalize(text).text, sections: [], year: 2025 });
    expect(r.verdict).toBe('missing');
    expect(r.best.accountability).toBeNull();
    expect(r.statements.filter((s) => s.term === '考核').map((s) => s.kind)).toEqual(['system', 'system']);
  });

  it('a run-in heading (「（三）强化考核问责。」) is a label, not a statement; the text after it is read', () => {
    expect(verdictOf('（三）强化考核问责。全年组织业务培训2次。')).toBe('missing');
    expect(verdictOf('（三）强化考核问责。全年未发生政府信息公开工作责任追究情况。')).toBe('ok');
  });

  it('将 as 把 (「将政府网站平台信息公开工作纳入…考核内容」) is not the future tense; 「将进一步…」 is', () => {
    expect(classify('将政府网站平台信息公开工作纳入全区高质量发展考核内容，促进信息公开工作持续向好。')).toEqual([
      ['assessment', 'system', '考核'],
    ]);
    expect(verdictOf('下一步，将严格落实责任追究，对不按规定公开的单位进行问责。')).toBe('futureOnly');
    expect(verdictOf('2025年，我镇将把政务公开纳入考核并追究不作为人员责任。', 2024)).toBe('futureOnly');
  });
});

// ---------------------------------------------------------------------------
// The rule, end to end
// ---------------------------------------------------------------------------

describe('government-accountability on the seeds (defects.md §F)', () => {
  it('seed 002 (township government, 2024) → error: only the future-tense 「加大…考核力度，将其纳入年度绩效考核体系」 in 五', () => {
    const r = auditWithRule(rule, SEED002);
    expect(outcomeOf(r, RULE).outcome).toBe('fail');
    expect(messages(r)).toEqual([['futureOnly', 'error']]);
    const [f] = findingsOf(r, RULE);
    expect(SEED002.slice(f!.position.start.offset, f!.position.end.offset)).toBe(
      '加大政务公开工作的考核力度，将其纳入年度绩效考核体系保证各项工作任务有效落实。',
    );
    expect(f!.message).toContain('焦虎镇');
    expect(f!.message).toContain('下一步工作计划');
    expect(f!.section?.key).toBe('problems');
  });

});

describe('government-accountability on the peer reports (pdftotext, governments)', () => {
  it('洪泽区 2024 → error missing: 「将政府网站平台信息公开工作纳入全区高质量发展考核内容，促进信息公开工作持续向好」 is an inclusion in the assessment, no result, and no accountability', () => {
    const source = fixture('peers/kirogovcompare__hzq2024.txt');
    const r = auditWithRule(rule, source);
    expect(messages(r)).toEqual([['missing', 'error']]);
    const [f] = findingsOf(r, RULE);
    expect(f!.data).toMatchObject({
      statements: [{ aspect: 'assessment', kind: 'system', term: '考核', zone: 'supervision' }],
    });
    expect(f!.message).toContain('将政府网站平台信息公开工作纳入全区高质量发展考核内容');
    expect(f!.message).toContain('没有结果');
  });

});

describe('government-accountability: valid reports and the other messages', () => {
  it('a system only: acceptSystemStatements: true lets it pass', () => {
    const source = insertIntoSupervision('建立健全政务公开工作考核、社会评议和责任追究制度。');
    expect(outcomeOf(auditWithRule(rule, source, { options: { acceptSystemStatements: true } }), RULE).outcome).toBe('pass');
  });
});

const SUB_DISTRICT = { content: SEED002, meta: { issuerType: 'other' as const, issuer: '某某街道办事处' } };
const NIL_IN_SIX = SEED002.replace('六、其他需要报告的事项\n\n无', '六、其他需要报告的事项\n\n本年度未发生政府信息公开工作责任追究情况。');
const PART_SEVEN = SEED002 + '\n\n七、工作考核、社会评议和责任追究结果情况\n\n本年度未发生因政府信息公开工作被问责的情况。\n';

new RuleTester().run(RULE, rule, {
  valid: [
    ...(['000', '001', '003', '004'] as const).map((id) => ({
      name: `seed ${id} (E1) → inapplicable: REG2007 has no such item`,
      input: all[id]!,
      outcome: 'inapplicable' as const,
      reason: /2007年《条例》/,
    })),
    ...['peers/kirogovcompare__shanghai-office-2025-source.md', 'peers/kirogovcompare__kewei-2024-source.md'].map((file) => ({
      name: `${file}: a department → inapplicable`,
      input: fixture(file),
      outcome: 'inapplicable' as const,
      reason: /政府部门/,
    })),
    {
      name: 'all three results in 监督保障 → pass with no finding',
      input: insertIntoSupervision('2024年，我镇政务公开工作在县年度考核中获评优秀等次；组织群众满意度测评，满意率98%；全年未发生政府信息公开工作责任追究情况。'),
    },
    { name: 'reportMissingAspects: false silences the info', input: insertIntoSupervision('本年度未发生政府信息公开工作责任追究情况。'), options: { reportMissingAspects: false } },
    { name: 'a department (meta.issuerType) → inapplicable', input: SEED002, meta: { issuerType: 'department' }, outcome: 'inapplicable' },
    { name: 'a sub-district office (issuerType other): inapplicable by default', input: SUB_DISTRICT, outcome: 'inapplicable', reason: /街道办事处/ },
    {
      name: 'unknown issuer type → inapplicable',
      input: '2022年政府信息公开工作年度报告\n一、总体情况\n本年度认真落实条例。\n',
      outcome: 'inapplicable',
      reason: /issuerType/,
    },
  ],
  invalid: [
    {
      name: '洪泽区 2023 → error missing, at the 监督保障 line: （四）’s 「对存在未及时更新…等问题进行严格督查」 is a website check, not an assessment',
      input: fixture('peers/kirogovcompare__hzq2023.txt'),
      errors: [{ messageId: 'missing', severity: 'error', text: /^（五）政府信息公开监督保障情况。/, data: { statements: [] } }],
    },
    {
      name: '淮安市 2024 → error missing: 「（五）政府信息公开监督保障情况。…全年组织 4 次…全覆盖检查…及时督促整改」 states checks; the run-in aspect heading is the heading of its part (issue #14)',
      input: fixture('peers/govnianbao__huaian2024.txt'),
      errors: [{ messageId: 'missing', severity: 'error', text: '（五）政府信息公开监督保障情况。', message: /淮安市人民政府/ }],
    },
    {
      name: 'a nil statement in 监督保障 → pass; assessment and appraisal results absent → info aspectsMissing',
      input: insertIntoSupervision('本年度未发生政府信息公开工作责任追究情况。'),
      errors: [{ messageId: 'aspectsMissing', severity: 'info', message: /工作考核、社会评议/ }],
      outcome: 'pass',
    },
    {
      name: 'a system only → warning systemOnly',
      input: insertIntoSupervision('建立健全政务公开工作考核、社会评议和责任追究制度。'),
      errors: [{ messageId: 'systemOnly', severity: 'warning', message: /没有写本年度的结果/ }],
    },
    {
      name: 'weighting: a nil statement outside 一 and 五 counts with the whole-report search (default): a pass',
      input: NIL_IN_SIX,
      errors: [{ messageId: 'aspectsMissing', severity: 'info' }],
      outcome: 'pass',
    },
    {
      name: 'weighting: the nil statement outside 一 and 五 does not count with searchWholeReport: false',
      input: NIL_IN_SIX,
      options: { searchWholeReport: false },
      errors: [{ messageId: 'futureOnly', severity: 'error' }],
    },
    {
      name: 'a part of its own 「七、工作考核、社会评议和责任追究结果情况」 is a preferred place too (searchWholeReport: false)',
      input: PART_SEVEN,
      options: { searchWholeReport: false },
      errors: [{ messageId: 'aspectsMissing', severity: 'info' }],
      outcome: 'pass',
    },
    {
      name: 'a sub-district office with subDistrictOffices: warning → warning',
      input: SUB_DISTRICT,
      options: { subDistrictOffices: 'warning' },
      errors: [{ messageId: 'missingSubDistrict', severity: 'warning', message: /某某街道办事处/ }],
    },
    { name: 'TPL2019 years count (2019): a government report without results fails', input: SEED002, meta: { year: 2019 }, errors: 1 },
    { name: 'English messages: futureOnly', input: SEED002, config: { locale: 'en' }, errors: [{ messageId: 'futureOnly', message: /only states an intention/ }] },
    {
      name: 'English messages: missing',
      input: fixture('peers/kirogovcompare__hzq2023.txt'),
      config: { locale: 'en' },
      errors: [{ messageId: 'missing', message: /No accountability result was found/ }],
    },
  ],
});

describe('government-accountability: linear on hostile input', () => {
  it('repeated terms, labels and windows finish', () => {
    const text = (s: string) => normalize(s).text;
    const inputs = ['问责'.repeat(200_000), '追究'.repeat(200_000), '考核、社会评议和责任追究'.repeat(50_000), ('将' + '加大'.repeat(10) + '未').repeat(50_000) + '问责'];
    for (const input of inputs) {
      expectLinearCost(() => findAccountabilityStatements({ text: text(input), sections: [], year: 2024 }), input.length);
    }
    const report = '2024年某镇人民政府政府信息公开工作年度报告\n' + '一、总体情况\n(五)监督保障\n'.repeat(5_000) + '考核问责'.repeat(50_000);
    expectLinearCost(() => auditWithRule(rule, report), report.length);
  });
});
