/**
 * Template fingerprints (spec/signals.md §6) and era assignment (regulations-and-eras.md §5).
 */
import type { Era, ReportModel, TemplateKey } from '../types';

const MARKERS = {
  tpl2021: ['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额(单位:万元)', '申请人逾期未按收费通知要求缴纳费用'],
  tpl2019: ['本年新制作数量', '本年新公开数量', '对外公开总数量', '其他对外管理服务事项', '第二十条第(九)项', '政府集中采购', '采购总金额'],
  shared: [
    '本列数据的勾稽关系',
    '本年新收政府信息公开申请数量',
    '上年结转政府信息公开申请数量',
    '结转下年度继续办理',
    '未经复议直接起诉',
    '复议后起诉',
    '属于三类内部事务信息',
  ],
  stat: [
    '政府信息公开情况统计表',
    '主动公开政府信息数(不同渠道和方式公开相同信息计1条)',
    '回应公众关注热点或重大舆情数',
    '申请办结数',
    '不同意公开答复数',
    '依申请公开信息收取的费用',
    '机构建设和保障经费情况',
  ],
  e1: ['依申请公开政府信息和不予公开政府信息'],
} as const;

export type Fingerprint = ReportModel['fingerprint'];

/** Markers found in the text; matching ignores all whitespace (PDF text splits labels). */
export function fingerprint(text: string): Fingerprint {
  const compact = text.replace(/\s+/gu, '');
  const found = (list: readonly string[]) => list.filter((m) => compact.includes(m));
  const e1 = found(MARKERS.e1);
  if (/(收费|费用)[^。]{0,8}减免/u.test(compact)) e1.push('收费及减免');
  return {
    tpl2021: found(MARKERS.tpl2021),
    tpl2019: found(MARKERS.tpl2019),
    shared: found(MARKERS.shared),
    stat: found(MARKERS.stat),
    e1,
  };
}

export function eraOf(year: number | null): Era | null {
  if (year === null) return null;
  if (year <= 2018) return 'E1';
  return year <= 2020 ? 'E2' : 'E3';
}

export function expectedTemplateOf(year: number | null): TemplateKey {
  if (year === null) return 'unknown';
  if (year <= 2018) return 'REG2007';
  return year <= 2020 ? 'TPL2019' : 'TPL2021';
}

/**
 * The template the report follows: TPL2021 or TPL2019 by their strong markers; the pre-2019 statistics
 * table or E1 narrative markers mean REG2007; otherwise the template in force for the year.
 */
export function detectTemplate(fp: Fingerprint, year: number | null): TemplateKey {
  if (fp.tpl2021.length > 0) return 'TPL2021';
  if (fp.tpl2019.length > 0) return 'TPL2019';
  if (fp.shared.length > 0) return year !== null && year <= 2020 ? 'TPL2019' : 'TPL2021';
  if (fp.stat.length > 0 || fp.e1.length > 0) return 'REG2007';
  return expectedTemplateOf(year);
}
