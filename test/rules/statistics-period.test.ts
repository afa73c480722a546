import { describe, expect, it } from '@jest/globals';
import { auditWithRule, findingsOf, outcomeOf, type RuleTestSettings } from 'xxgk-audit/testing';
import { audit } from '../../src/index';
import { normalize } from '../../src/normalize/index';
import rule from '../../rules/statistics-period';
import { findStatisticsPeriod, formatPeriod } from '../../rules/detect/statistics-period';
import { compactText } from '../../src/kit/index';
import { fixture, seeds } from '../helpers';

const RULE = 'statistics-period';
const norm = (raw: string) => normalize(raw).text;
const find = (raw: string, year: number | null, options?: Parameters<typeof findStatisticsPeriod>[2]) =>
  findStatisticsPeriod(norm(raw), year, options);

// ---------------------------------------------------------------------------
// Pure detection on normalised text
// ---------------------------------------------------------------------------

describe('findStatisticsPeriod: the examples of signals.md §2.5 (real report text)', () => {
  it.each([
    ['seed 001', '本年报中所列数据的统计期限自2016年1月1日起至2016年12月31日止', 2016],
    ['seed 004 (second year implied)', '本年报中所列数据的统计期限自2018年1月1日起至12月31日止', 2018],
    ['S19', '本年度报告中所列数据统计期限从2019年1月1日到12月31日止', 2019],
    ['S22', '本年度报告中所列数据统计期限为2022年1月1日至12月31日', 2022],
    ['S32', '报告所列数据的统计期限自2017年1月1日起至12月31日止', 2017],
    ['S33', '本报告中所列数据的统计时限自2012年1月1日至2012年12月31日', 2012],
    ['S41 (full-width colon, space before 年)', '统计数据时间段：2017年1月1日-2017 年12月31日', 2017],
    ['S42', '本报告所列数据的统计时限为2014年1月1日至2014年12月31日', 2014],
  ])('%s → EXPLICIT, the report year', (_source, text, year) => {
    const r = find(text, year);
    expect(r.level).toBe('EXPLICIT');
    expect(r.validity).toBe('ok');
    expect(r.years).toEqual([year]);
    expect(r.best?.fullYear).toBe(true);
  });

  it('the range points at the statement (keyword to the last date)', () => {
    const text = norm('本年度报告中所列数据统计期限为2022年1月1日至12月31日。');
    const r = findStatisticsPeriod(text, 2022);
    expect(text.slice(r.range![0], r.range![1])).toBe('数据统计期限为2022年1月1日至12月31日');
    expect(text.slice(r.best!.start, r.best!.end)).toBe('2022年1月1日至12月31日');
    expect(formatPeriod(r.best!)).toBe('2022年1月1日至12月31日');
  });
});

describe('findStatisticsPeriod: the seeds (spec defects.md §F)', () => {
  const all = seeds();
  it.each([
    ['000', 2017, 'NONE'],
    ['001', 2016, 'EXPLICIT'],
    ['002', 2024, 'NONE'],
    ['003', 2016, 'NONE'],
    ['004', 2018, 'EXPLICIT'],
  ] as const)('seed %s (%i) → %s', (id, year, level) => {
    const r = find(all[id]!, year);
    expect(r.level).toBe(level);
    if (level === 'EXPLICIT') expect(r.validity).toBe('ok');
    else expect(r.candidates).toEqual([]);
  });

  it('seed 001 is traditional script with pinyin noise: 「數(shù)據(jù)的統(tǒng)計期限」 is still found', () => {
    expect(all['001']!).toContain('統(tǒng)計期限');
    expect(find(all['001']!, 2016).years).toEqual([2016]);
  });
});

describe('findStatisticsPeriod: the peer reports (real PDF text, lines wrapped by the extraction)', () => {
  it.each([
    ['洪泽区 2023 (「自 2023 年 1 月 1 日\\n起至 2023 年 12 月 31 日止」)', 'peers/hzq2023-intro.txt', 2023],
    ['洪泽区 2024', 'peers/hzq2024-intro.txt', 2024],
    ['淮安市 2024', 'peers/huaian2024-intro.txt', 2024],
    ['洪泽区 2023, whole report', 'peers/kirogovcompare__hzq2023.txt', 2023],
    ['洪泽区 2024, whole report', 'peers/kirogovcompare__hzq2024.txt', 2024],
    ['淮安市 2024, whole report', 'peers/govnianbao__huaian2024.txt', 2024],
    ['上海市人民政府办公厅 2025 (「统计期限为 2025\\n年 1 月 1 日至 12 月 31 日」)', 'peers/kirogovcompare__shanghai-office-2025-source.md', 2025],
  ])('%s → EXPLICIT, ok', (_name, file, year) => {
    const r = find(fixture(file), year);
    expect(r.level).toBe('EXPLICIT');
    expect(r.validity).toBe('ok');
    expect(r.candidates).toHaveLength(1);
  });

  it('上海市科委 2024 writes 「统计周期」: EXPLICIT with the default extra keywords, IMPLICIT without them', () => {
    const raw = fixture('peers/kirogovcompare__kewei-2024-source.md');
    expect(find(raw, 2024).level).toBe('EXPLICIT');
    expect(find(raw, 2024).best?.keyword?.text).toBe('统计周期');
    const strict = find(raw, 2024, { extraKeywords: [] });
    expect(strict.level).toBe('IMPLICIT');
    expect(strict.validity).toBe('ok');
  });
});

describe('findStatisticsPeriod: what does not count (signals.md §2.4)', () => {
  it.each([
    ['an as-of date (seed 000)', '截至2017年12月31日,镇政府通过门户网站主动公开政府信息138条'],
    ['an as-of date with 统计 nearby', '截至2017年12月31日,统计数据显示共主动公开信息138条'],
    ['a table subtitle (seed 003)', '政府信息公开情况统计表\n(2016年度)\n填报单位(盖章):高台县人民政府政务服务中心'],
    ['a form 填报日期 (seed 003)', '单位负责人 :赵登兴审核人:          填报人: 刘成君\n填报日期: 2017年3月7日'],
    ['a month range for one count (S31)', '2022年1月--12月，主动公开政府信息12条。'],
    ['a date range without 数据/统计/报告 nearby', '2016年1月1日至2016年12月31日期间,我镇共召开会议十二次'],
    ['the keyword without a range', '本报告中所列数据的统计期限以上级要求为准'],
    ['a keyword too far from the range', '统计期限' + '按照上级部门统一部署的要求执行,全镇各部门认真落实有关工作,确保各项任务按期完成,' + '2016年1月1日至2016年12月31日'],
    ['concept words only (seed 004)', '公开的信息有:法律法规、政府公文、部门动态'],
  ])('%s → NONE', (_name, text) => {
    expect(find(text, 2016).level).toBe('NONE');
  });
});

describe('findStatisticsPeriod: variants', () => {
  it.each([
    ['至', '统计期限为2023年1月1日至2023年12月31日'],
    ['到', '统计期限为2023年1月1日到2023年12月31日'],
    ['-', '统计期限:2023年1月1日-2023年12月31日'],
    ['— (em dash)', '统计期限:2023年1月1日—2023年12月31日'],
    ['– (en dash)', '统计期限:2023年1月1日–2023年12月31日'],
    ['－ (full-width hyphen, folded)', '统计期限:2023年1月1日－2023年12月31日'],
    ['~', '统计期限:2023年1月1日~2023年12月31日'],
    ['-- (doubled)', '统计期限:2023年1月1日--12月31日'],
    ['起至…止, second year omitted', '本报告所列数据的统计期限自2023年1月1日起至12月31日止'],
    ['spaces (「2023 年 1 月 1 日」)', '本报告所列数据的统计期限为 2023 年 1 月 1 日至 2023 年 12 月 31 日'],
    ['full-width digits', '本报告所列数据的统计期限为２０２３年１月１日至１２月３１日'],
    ['a line break inside the keyword (PDF wrap)', '本报告所列数据的统计期\n限为2023年1月1日至12月31日'],
    ['统计时限', '本报告所列数据的统计时限为2023年1月1日至12月31日'],
    ['统计时段', '统计时段:2023年1月1日至12月31日'],
    ['统计区间', '统计区间为2023年1月1日至12月31日'],
    ['数据统计期限', '数据统计期限为2023年1月1日至12月31日'],
    ['统计时间 (default extra)', '统计时间:2023年1月1日至2023年12月31日'],
    ['统计数据时限 (default extra)', '本年度报告统计数据时限为2023年1月1日至2023年12月31日'],
    ['months only', '本报告统计期限为2023年1月至12月'],
    ['months only, 1-12月', '本报告统计期限为2023年1-12月'],
    ['numeric dates', '统计期限:2023.1.1-2023.12.31'],
    ['ISO dates', '统计期限为2023-01-01至2023-12-31'],
    ['a web copy that lost 年/月 (「201711日至20171231日」)', '本报告所列数据的统计期限为202311日至20231231日'],
    ['a web copy that lost 月 only', '本年度报告统计数据时限为2023年11日至2023年1231日'],
    ['keyword after the range', '2023年1月1日至12月31日为本报告的统计期限'],
  ])('%s → EXPLICIT, ok', (_name, text) => {
    const r = find(text, 2023);
    expect(r.level).toBe('EXPLICIT');
    expect(r.validity).toBe('ok');
    expect(r.years).toEqual([2023]);
  });

  it('traditional script with pinyin noise (as in seed 001)', () => {
    const r = find('本年報中所列數(shù)據(jù)的統(tǒng)計期限自2016年1月1日起至2016年12月31日止', 2016);
    expect(r.level).toBe('EXPLICIT');
    expect(r.validity).toBe('ok');
  });

  it('a range tied to 统计数据 without a keyword is IMPLICIT', () => {
    const r = find('本报告统计数据从2016年1月1日至2016年12月31日止', 2016);
    expect(r.level).toBe('IMPLICIT');
    expect(r.validity).toBe('ok');
  });

  it('a garbled range without a keyword does not count', () => {
    expect(find('本报告数据为201611日至20161231日', 2016).level).toBe('NONE');
  });

  it('a keyword with a whole year (「统计期限为2023年度」) is IMPLICIT', () => {
    const r = find('本报告中所列数据的统计期限为2023年度。', 2023);
    expect(r.level).toBe('IMPLICIT');
    expect(r.validity).toBe('ok');
    expect(find('本报告中所列数据的统计期限为2022年度。', 2023).validity).toBe('wrongYear');
  });

  it('a configurable extra keyword', () => {
    const text = '本报告数据采集期为2023年1月1日至12月31日';
    expect(find(text, 2023).level).toBe('IMPLICIT');
    expect(find(text, 2023, { extraKeywords: ['数据采集期'] }).level).toBe('EXPLICIT');
  });
});

describe('findStatisticsPeriod: validity', () => {
  it('a different year → wrongYear with the years found (S32 text in a 2018 report)', () => {
    const r = find('报告所列数据的统计期限自2017年1月1日起至12月31日止', 2018);
    expect(r.level).toBe('EXPLICIT');
    expect(r.validity).toBe('wrongYear');
    expect(r.years).toEqual([2017]);
  });

  it('a range across two years → wrongYear', () => {
    expect(find('统计期限为2022年1月1日至2023年12月31日', 2023).validity).toBe('wrongYear');
  });

  it('a partial range inside the report year → partial (2008 launch year, S51)', () => {
    const r = find('本报告所列数据的统计期限为2008年5月1日至12月31日', 2008);
    expect(r.level).toBe('EXPLICIT');
    expect(r.validity).toBe('partial');
    expect(r.best?.fullYear).toBe(false);
    expect(r.best?.from).toEqual({ year: 2008, month: 5, day: 1 });
  });

  it('no report year → still classified, validity unknown, never wrongYear', () => {
    const r = find('本报告中所列数据的统计时限自2012年1月1日至2012年12月31日', null);
    expect(r.level).toBe('EXPLICIT');
    expect(r.validity).toBe('unknown');
    expect(r.years).toEqual([2012]);
    expect(find('统计期限为2008年5月1日至12月31日', null).validity).toBe('partial');
  });

  it('the correct statement wins over a wrong one; EXPLICIT wins over IMPLICIT', () => {
    const text = '本报告统计期限为2023年1月1日至12月31日。与2022年1月1日至12月31日的统计数据相比';
    const r = find(text, 2023);
    expect(r.validity).toBe('ok');
    expect(r.candidates.map((c) => c.level)).toEqual(['EXPLICIT', 'IMPLICIT']);
  });

  it('a keyword belongs to one range only', () => {
    const r = find('本报告涵盖2022年1月1日至12月31日。统计期限为2023年1月1日至12月31日', 2023);
    expect(r.candidates.map((c) => [c.level, c.validity])).toEqual([
      ['IMPLICIT', 'wrongYear'],
      ['EXPLICIT', 'ok'],
    ]);
    expect(r.validity).toBe('ok');
  });

  it('impossible dates are ignored', () => {
    expect(find('统计期限为2023年13月1日至12月31日', 2023).level).toBe('NONE');
  });
});

describe('findStatisticsPeriod: linear on hostile input', () => {
  it('200,000 characters of 「统计期限」 repeated', () => {
    expect(findStatisticsPeriod('统计期限'.repeat(50_000), 2023).level).toBe('NONE');
  });
  it('1 MB of digits', () => {
    expect(findStatisticsPeriod('1'.repeat(1_000_000), 2023).level).toBe('NONE');
  });
  it('many near-ranges and keywords', () => {
    const r = findStatisticsPeriod('统计期限2023年1月1日至'.repeat(20_000) + '12月31日', 2023);
    expect(r.level).toBe('EXPLICIT');
  });
  it('100,000 dated ranges on one line', () => {
    expect(findStatisticsPeriod('2023年1月1日-'.repeat(100_000), 2023).level).toBe('NONE');
  });
  it('digits, 年 and 月 interleaved', () => {
    expect(findStatisticsPeriod('2023年1月1'.repeat(100_000), 2023).level).toBe('NONE');
  });
});

describe('compactText', () => {
  it('drops line wraps and spaces, keeps paragraph breaks and spaces between ASCII words, and maps offsets', () => {
    const src = '自 2023年\n1月  1日\n\n一、总体 0517 87222589';
    const c = compactText(src);
    expect(c.text).toBe('自2023年1月1日\n一、总体0517 87222589');
    for (let i = 0; i < c.text.length; i++) {
      if (c.text[i] !== ' ' && c.text[i] !== '\n') expect(src[c.offsetAt(i)]).toBe(c.text[i]);
      else expect(src[c.offsetAt(i)]).toMatch(/\s/u);
    }
    // Offsets past either end are clamped to the text.
    expect(c.offsetAt(-5)).toBe(0);
    expect(c.offsetAt(c.text.length + 10)).toBe(src.length - 1);
    expect(compactText('').offsetAt(3)).toBe(0);
  });

  it('maps every character of real reports back to the same character, in order', () => {
    for (const text of Object.values(seeds())) {
      const c = compactText(text);
      expect(c.text.length).toBeGreaterThan(1000);
      let last = -1;
      for (let i = 0; i < c.text.length; i++) {
        const at = c.offsetAt(i);
        expect(at).toBeGreaterThan(last);
        last = at;
        const ch = c.text[i]!;
        if (ch === ' ' || ch === '\n') {
          if (!/\s/u.test(text[at]!)) throw new Error(`compact ${i} (${JSON.stringify(ch)}) maps to ${JSON.stringify(text[at])} at ${at}`);
        } else if (text[at] !== ch) {
          throw new Error(`compact ${i} (${ch}) maps to ${JSON.stringify(text[at])} at ${at}`);
        }
      }
    }
  });
});

// ---------------------------------------------------------------------------
// The rule, end to end through audit()
// ---------------------------------------------------------------------------

// auditWithRule registers the rule as a plugin too, so these tests run before and after it is in the
// built-in plugin (the same rule object may be loaded twice).

describe('statistics-period rule (audit)', () => {
  const all = seeds();

  it.each([
    ['000', 'fail'],
    ['001', 'pass'],
    ['002', 'fail'],
    ['003', 'fail'],
    ['004', 'pass'],
  ])('seed %s → %s', (id, expected) => {
    const r = auditWithRule(rule, all[id]!);
    expect(outcomeOf(r, RULE).outcome).toBe(expected);
    const f = findingsOf(r, RULE);
    if (expected === 'fail') {
      expect(f.map((x) => [x.messageId, x.severity])).toEqual([['missing', 'warning']]);
    } else {
      expect(f).toEqual([]);
    }
  });

  it('missing points at the title and names the report year', () => {
    const source = all['002']!;
    const r = auditWithRule(rule, source);
    const [f] = findingsOf(r, RULE);
    expect(source.slice(f!.position.start.offset, f!.position.end.offset)).toBe('焦虎镇 2024 年政府信息公开工作年度报告');
    expect(f!.message).toContain('2024年1月1日至12月31日');
    expect(f!.data).toMatchObject({ level: 'NONE', year: 2024 });
  });

  it('missing for a traditional-script report (seed 000) points into the source', () => {
    const source = all['000']!;
    const [f] = findingsOf(auditWithRule(rule, source), RULE);
    expect(f!.position.end.offset).toBeGreaterThan(f!.position.start.offset);
    expect(source.slice(f!.position.start.offset, f!.position.end.offset)).toContain('2017年度');
  });

  it('wrongYear: the seed 001 statement checked against a 2017 report year (meta.year)', () => {
    const source = all['001']!;
    const r = auditWithRule(rule, { content: source, meta: { year: 2017 } });
    expect(outcomeOf(r, RULE).outcome).toBe('fail');
    const [f] = findingsOf(r, RULE);
    expect(f!.messageId).toBe('wrongYear');
    expect(f!.severity).toBe('warning');
    expect(f!.expected).toBe(2017);
    expect(f!.actual).toEqual([2016]);
    expect(source.slice(f!.position.start.offset, f!.position.end.offset)).toBe('2016年1月1日起至2016年12月31日');
    expect(f!.message).toContain('2017');
  });

  it('partial → info, the rule passes', () => {
    const r = auditWithRule(rule, '某镇2008年政府信息公开工作年度报告\n本报告所列数据的统计期限为2008年5月1日至12月31日。\n一、概述\n本镇认真贯彻条例。');
    expect(outcomeOf(r, RULE).outcome).toBe('pass');
    expect(findingsOf(r, RULE).map((f) => [f.messageId, f.severity])).toEqual([['partial', 'info']]);
  });

  it('implicit → info, the rule passes', () => {
    const r = auditWithRule(rule, '某区2016年政府信息公开工作年度报告\n本报告统计数据从2016年1月1日至2016年12月31日止。\n一、概述\n本区认真贯彻条例。');
    expect(outcomeOf(r, RULE).outcome).toBe('pass');
    expect(findingsOf(r, RULE).map((f) => [f.messageId, f.severity])).toEqual([['implicit', 'info']]);
  });

  it('the peer reports pass', () => {
    for (const file of ['peers/kirogovcompare__hzq2023.txt', 'peers/kirogovcompare__hzq2024.txt', 'peers/govnianbao__huaian2024.txt']) {
      const r = auditWithRule(rule, fixture(file));
      expect(outcomeOf(r, RULE).outcome).toBe('pass');
      expect(findingsOf(r, RULE)).toEqual([]);
    }
  });

  it('options: extraKeywords can be turned off (统计周期 then gives an implicit info)', () => {
    const raw = fixture('peers/kirogovcompare__kewei-2024-source.md');
    expect(findingsOf(auditWithRule(rule, raw), RULE)).toEqual([]);
    const strict: RuleTestSettings = { severity: 'warning', options: { extraKeywords: [] } };
    const r = auditWithRule(rule, raw, strict);
    expect(outcomeOf(r, RULE).outcome).toBe('pass');
    expect(findingsOf(r, RULE).map((f) => f.messageId)).toEqual(['implicit']);
  });

  it('English messages', () => {
    const r = auditWithRule(rule, all['002']!, { config: { locale: 'en' } });
    expect(findingsOf(r, RULE)[0]!.message).toMatch(/statistics period is not stated/);
  });

  it('hostile input finishes', () => {
    const r = auditWithRule(rule, '某县2023年政府信息公开工作年度报告\n' + '统计期限'.repeat(50_000));
    expect(outcomeOf(r, RULE).outcome).toBe('fail');
  });
});

describe('statistics-period on real copies (issue #14)', () => {
  it('双牌县 2011: 「统计期限自2011年1月1日,至2011年12月31日止」 (a comma before 至) states the period', () => {
    const r = audit(fixture('real/038_2011_county_shuangpai.txt'));
    expect(r.rules.find((x) => x.ruleId === 'statistics-period')!.outcome).toBe('pass');
  });
});

describe('statistics-period on a web copy that lost 年 and 月 (issue #14)', () => {
  it('耀州区审计局 2020: 「统计期限自202011日起,至20201231日止」 states the period', () => {
    const r = audit(fixture('real/012_2020_department_yaozhou-sjj.txt'));
    expect(r.rules.find((x) => x.ruleId === 'statistics-period')!.outcome).toBe('pass');
  });
});
