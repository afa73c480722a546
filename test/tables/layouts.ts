/**
 * Builds 表三 and 表四 text in the layouts seen in real reports, from a grid of values:
 * tab-separated (seed 002's cell structure), Markdown pipe rows, one cell per line (seed 003's
 * flattening) and space-aligned PDF text (pdftotext -layout: split labels, vertical parent
 * labels, page markers).
 */

/** 表三 rows of TPL2021 in order: [parent group label or '', label]. */
export const T3_ROWS: Array<[string, string]> = [
  ['', '一、本年新收政府信息公开申请数量'],
  ['', '二、上年结转政府信息公开申请数量'],
  ['三、本年度办理结果', '（一）予以公开'],
  ['', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
  ['（三）不予公开', '1.属于国家秘密'],
  ['', '2.其他法律行政法规禁止公开'],
  ['', '3.危及“三安全一稳定”'],
  ['', '4.保护第三方合法权益'],
  ['', '5.属于三类内部事务信息'],
  ['', '6.属于四类过程性信息'],
  ['', '7.属于行政执法案卷'],
  ['', '8.属于行政查询事项'],
  ['（四）无法提供', '1.本机关不掌握相关政府信息'],
  ['', '2.没有现成信息需要另行制作'],
  ['', '3.补正后申请内容仍不明确'],
  ['（五）不予处理', '1.信访举报投诉类申请'],
  ['', '2.重复申请'],
  ['', '3.要求提供公开出版物'],
  ['', '4.无正当理由大量反复申请'],
  ['', '5.要求行政机关确认或重新出具已获取信息'],
  ['（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  ['', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  ['', '3.其他'],
  ['', '（七）总计'],
  ['', '四、结转下年度继续办理'],
];

/** A consistent 表三 (the numbers of 上海市人民政府办公厅 2025, all identities hold). */
export const T3_GRID: number[][] = [
  [1259, 36, 0, 0, 0, 0, 1295],
  [170, 15, 0, 0, 4, 0, 189],
  [201, 5, 0, 0, 0, 0, 206],
  [2, 0, 0, 0, 0, 0, 2],
  [4, 0, 0, 0, 0, 0, 4],
  [0, 0, 0, 0, 0, 0, 0],
  [1, 0, 0, 0, 0, 0, 1],
  [0, 0, 0, 0, 0, 0, 0],
  [8, 0, 0, 0, 1, 0, 9],
  [1, 0, 0, 0, 0, 0, 1],
  [0, 0, 0, 0, 0, 0, 0],
  [5, 0, 0, 0, 0, 0, 5],
  [484, 28, 0, 0, 1, 0, 513],
  [47, 1, 0, 0, 0, 0, 48],
  [3, 0, 0, 0, 0, 0, 3],
  [61, 1, 0, 0, 0, 0, 62],
  [16, 0, 0, 0, 0, 0, 16],
  [1, 0, 0, 0, 0, 0, 1],
  [1, 0, 0, 0, 0, 0, 1],
  [0, 0, 0, 0, 0, 0, 0],
  [40, 1, 0, 0, 2, 0, 43],
  [0, 0, 0, 0, 0, 0, 0],
  [264, 12, 0, 0, 0, 0, 276],
  [1139, 48, 0, 0, 4, 0, 1191],
  [290, 3, 0, 0, 0, 0, 293],
];

/** A consistent 表四 (淮安市 2024). */
export const T4_VALUES = [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20];

const NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const T4_PARTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const section3 = '三、收到和处理政府信息公开申请情况';
const section4 = '四、政府信息公开行政复议、行政诉讼情况';
const section5 = '五、存在的主要问题及改进情况\n\n无。\n';

export function tabLayout(grid = T3_GRID, t4 = T4_VALUES): string {
  const lines = [section3, '', `${NOTE}\t\t申请人情况\t\t\t\t\t\t总计\t`, '\t\t自然人\t法人或其他组织\t\t\t\t\t\t', '\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\t'];
  T3_ROWS.forEach(([parent, label], i) => {
    const v = grid[i]!.join('\t');
    if (i < 2 || i >= 23) lines.push(`${label}\t\t${v}\t`);
    else if (i === 22) lines.push(`${label}\t\t${v}\t`);
    else if (i < 4) lines.push(`${parent}\t${label}\t${v}\t`);
    else lines.push(`\t${parent}\t${label}\t${v}`);
  });
  lines.push('', section4, '', '行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t');
  lines.push(`${T4_PARTS.join('\t')}\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t`);
  lines.push(`\t\t\t\t\t${T4_PARTS.join('\t')}\t${T4_PARTS.join('\t')}`);
  lines.push(t4.join('\t'), '', section5);
  return lines.join('\n');
}

export function pipeLayout(grid = T3_GRID, t4 = T4_VALUES): string {
  const lines = [section3, '', `| ${NOTE} | | 申请人情况 | | | | | | |`, '|---|---|---|---|---|---|---|---|---|'];
  lines.push('| | | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |');
  T3_ROWS.forEach(([parent, label], i) => lines.push(`| ${parent} | ${label} | ${grid[i]!.join(' | ')} |`));
  lines.push('', section4, '', '| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |', '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  lines.push('| | | | | | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |');
  lines.push(`| ${[...T4_PARTS, ...T4_PARTS, ...T4_PARTS].join(' | ')} |`, `| ${t4.join(' | ')} |`, '', section5);
  return lines.join('\n');
}

export function cellPerLineLayout(grid = T3_GRID, t4 = T4_VALUES): string {
  const out = [section3, '', NOTE, '', '申请人情况', '', '自然人', '', '法人或其他组织', '', '商业企业', '', '科研机构', '', '社会公益组织', '', '法律服务机构', '', '其他', '', '总计', ''];
  T3_ROWS.forEach(([parent, label], i) => {
    if (parent) out.push(parent, '');
    out.push(label, '');
    for (const v of grid[i]!) out.push(` ${v}`, '');
  });
  out.push(section4, '', '行政复议', '', '行政诉讼', '', '未经复议直接起诉', '', '复议后起诉', '');
  for (const h of [...T4_PARTS, ...T4_PARTS, ...T4_PARTS]) out.push(h, '');
  for (const v of t4) out.push(` ${v}`, '');
  out.push(section5);
  return out.join('\n');
}

const pad = (s: string, width: number) => s + ' '.repeat(Math.max(2, width - s.length * 2));
const numbers = (row: number[]) => row.map((v) => String(v).padStart(6)).join('   ');

/** pdftotext -layout style: long labels wrap around their numbers; 三、本年度办理结果 printed vertically. */
export function spacedLayout(grid = T3_GRID, t4 = T4_VALUES): string {
  const out = [`                  ${section3}`, '                                                 申请人情况', '', '                                             法人或其他组织'];
  out.push('（本列数据的勾稽关系为：第一项加第二项之和，', '等于第三项加第四项之和）', '                     自然人      商业企  科研机  社会公益  法律服务  其他     总计', '                                 业      构      组织      机构', '');
  const vertical = [...'三、本年度办理结果'];
  T3_ROWS.forEach(([parent, label], i) => {
    const side = i >= 2 && i - 2 < vertical.length ? vertical[i - 2]! : ' ';
    if (parent && i > 2) out.push(`      ${parent}`);
    if (label.length > 16) {
      out.push(`${side}       ${label.slice(0, 14)}`);
      out.push(`                                  ${numbers(grid[i]!)}`);
      out.push(`        ${label.slice(14)}`);
    } else out.push(`${side}       ${pad(label, 36)}${numbers(grid[i]!)}`);
    if (i === 12) out.push('', '                                                                  -3-', '');
  });
  out.push('', `     ${section4}`, '          行政复议                              行政诉讼', '', '                              未经复议直接起诉                  复议后起诉');
  out.push('结果   结果     其他   尚未', '                    总 计 结果 结果 其他 尚未     结果 结果 其他 尚未', '维持   纠正     结果   审结                                               总计');
  out.push('                                    总 计', '                        维持 纠正 结果 审结     维持 纠正 结果 审结', '', '');
  out.push(t4.map((v) => String(v).padStart(4)).join('  '), '', `     ${section5}`);
  return out.join('\n');
}
