import { describe, expect, it } from '@jest/globals';
import { normalize } from '../../src/normalize/index';
import { reline } from '../../src/structure/reline';
import { audit } from '../../src/index';
import { createPositionMapper } from '../../src/structure/positions';
import { transform } from '../metamorphic/transforms';
import { expectLinearCost, fixture, seeds } from '../helpers';

const relined = (source: string) => reline(normalize(source), source);
const linesOf = (source: string) =>
  relined(source)
    .text.split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

/** Every character of the relined text maps back to the same character of the source (inserted breaks and spaces aside). */
function expectExactMap(source: string): void {
  const n = relined(source);
  const plain = normalize(source);
  const kept = new Map<number, string>();
  for (let i = 0; i < plain.text.length; i++) kept.set(plain.map[i]!, plain.text[i]!);
  for (let i = 0; i < n.text.length; i++) {
    const ch = n.text[i]!;
    if (ch === '\n' || ch === ' ') continue;
    // expect() only on a mismatch: called for every character of every text here, it was most of the suite's time.
    const source = kept.get(n.map[i]!);
    if (source !== ch) expect([i, source]).toEqual([i, ch]);
  }
}

describe('reline: lines as the report meant them (presentations.md §1)', () => {
  const seed002 = seeds()['002']!;

  it('a body on one line: title, headings and aspects start their own lines again', () => {
    const oneLine = transform('join-space', seed002).text;
    const lines = linesOf(oneLine);
    expect(lines).toContain('焦虎镇 2024年政府信息公开工作年度报告');
    for (const heading of ['一、总体情况', '二 、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) {
      const folded = heading.replace(/\s/gu, '');
      expect(lines.some((l) => l.replace(/\s/gu, '') === folded)).toBe(true);
    }
  });

  it('numbers on their own lines rejoin their sentence: the title and the statistics period read whole', () => {
    const source = '2023\n年政府信息公开\n年度报告\n本年度报告中所列数据的统计期限为\n2023\n年\n1\n月\n1\n日至\n2023\n年\n12\n月\n31\n日。\n';
    const lines = linesOf(source);
    expect(lines).toContain('本年度报告中所列数据的统计期限为2023年1月1日至2023年12月31日。');
    expect(lines[0]).toBe('2023年政府信息公开');
  });

  it('numbers among table cells stay apart (one cell per line)', () => {
    const source = '规章\n0\n0\n0\n行政规范性文件\n4\n5\n5\n';
    expect(linesOf(source)).toEqual(['规章', '0', '0', '0', '行政规范性文件', '4', '5', '5']);
  });

  it('a labelled value and a line broken after 《 are rejoined', () => {
    expect(linesOf('地址:张掖市南环路679号 邮编:\n734000\n')).toEqual(['地址:张掖市南环路679号邮编:734000']);
    expect(linesOf('2012年度报告根据《\n中华人民共和国政府信息公开条例》的要求编制。\n')).toEqual([
      '2012年度报告根据《中华人民共和国政府信息公开条例》的要求编制。',
    ]);
  });

  it('page metadata and chrome that run into the report are cut off at its title and opening words', () => {
    const page =
      '政府信息公开 福州市晋安区2016年政府信息公开工作年度报告 来源:区人民政府办公室 时间:2017-01-12 10:01  本报告根据《中华人民共和国政府信息公开条例》编制。 一、概述 2016年,我区认真贯彻落实《条例》。';
    const lines = linesOf(page);
    expect(lines).toContain('福州市晋安区2016年政府信息公开工作年度报告');
    expect(lines).toContain('来源:区人民政府办公室');
    expect(lines).toContain('时间:2017-01-12 10:01');
    expect(lines).toContain('本报告根据《中华人民共和国政府信息公开条例》编制。');
    expect(lines).toContain('一、概述');
    const r = audit(page);
    expect(r.report.year).toBe(2016);
    expect(r.report.sections.map((s) => s.key)).toContain('overview');
  });

  it('a run-in aspect heading starts its part; a table of contents and 「第一、二季度」 do not', () => {
    expect(linesOf('一、总体情况\n(一)主动公开方面。2022年,我镇主动公开政务动态类信息420条。\n')).toEqual([
      '一、总体情况',
      '(一)主动公开方面。',
      '2022年,我镇主动公开政务动态类信息420条。',
    ]);
    expect(linesOf('一、概述,(一)注重重点推进,深化公开内容。,二、主动公开政府信息情况,\n')).toHaveLength(1);
    expect(linesOf('我局第一、二季度共公开信息12条,上半年完成计划。\n')).toHaveLength(1);
  });

  it('letter-spaced and space-numbered headings are read whole', () => {
    const r = audit('2018年政府信息公开工作年度报告\n一 概 述\n2018年,我镇高度重视。\n二 政府信息主动公开情况\n我镇共主动公开信息380条。\n');
    expect(r.report.sections.filter((s) => s.depth === 1).map((s) => s.key)).toEqual(['overview', 'proactive']);
    const joined = audit(transform('join-space', '2018年政府信息公开工作年度报告\n一 概 述\n2018年,我镇高度重视。\n二 政府信息主动公开情况\n我镇共主动公开信息380条。\n').text);
    expect(joined.report.sections.filter((s) => s.depth === 1).map((s) => s.key)).toEqual(['overview', 'proactive']);
  });

  it('a numbered table-row label with its values stays in its row', () => {
    const row = '一、本年新收政府信息公开申请数量\t\t3\t1\t0\t0\t0\t0\t4\t';
    expect(linesOf(row)).toEqual([row.trim()]);
  });

  it('an editor credit appended to the page stands apart as chrome', () => {
    expect(linesOf('县政府在受理依申请公开政府信息工作中均没有收取费用。 (责任编辑:郝焱)')).toEqual([
      '县政府在受理依申请公开政府信息工作中均没有收取费用。',
      '(责任编辑:郝焱)',
    ]);
  });

  it('keeps the offset map exact on the seeds, the peers and the corpus in every presentation', () => {
    const texts = [
      ...Object.values(seeds()),
      fixture('peers/govnianbao__huaian2024.txt'),
      fixture('real/322_2017_city_suqian.txt'),
      fixture('real/080_2018_township_hutang-wujin.txt'),
    ];
    for (const text of texts) {
      for (const name of ['join-space', 'join-nothing', 'digits-own-line', 'crlf'] as const) expectExactMap(transform(name, text).text);
      expectExactMap(text);
    }
  });

  it('findings on a relined report point into the caller’s text', () => {
    const source = transform('join-space', seed002).text;
    const r = audit(source);
    const n = relined(source);
    const mapper = createPositionMapper(source, n.map);
    expect(mapper.sourceSlice(0, 3)).toBe(source.slice(n.map[0]!, n.map[0]! + 3));
    for (const f of r.findings) {
      expect(f.position.start.offset).toBeGreaterThanOrEqual(0);
      expect(f.position.end.offset).toBeLessThanOrEqual(source.length);
      expect(source.slice(f.position.start.offset, f.position.end.offset).length).toBeGreaterThan(0);
    }
  });

  it('is linear on hostile input (headings, numerals, digits and brackets without end)', () => {
    const hostile = ['一、'.repeat(20000), '(一)'.repeat(20000), '1\n'.repeat(40000), '《\n'.repeat(40000), '2023年'.repeat(15000), '标题:'.repeat(20000)].join('');
    expectLinearCost(() => reline(normalize(hostile), hostile), hostile.length);
  });
});
