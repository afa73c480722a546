/** zh-CN messages of the built-in rules (the default locale). Keys: rule id → message id → text. */
const zhCN: Record<string, Record<string, string>> = {
  'required-sections': {},
  'statistics-period': {
    missing:
      '未说明统计期限：应写明“本年度报告中所列数据的统计期限为{{year}}年1月1日至12月31日”。“截至……12月31日”、统计表的“（××年度）”和填报日期都不算统计期限',
    wrongYear:
      '统计期限的年份与报告年度不符：写的是“{{period}}”（{{actual}}年），报告年度是{{expected}}年，可能沿用了往年的文字，请改为{{expected}}年1月1日至12月31日',
    partial:
      '统计期限不是完整的年度：“{{period}}”。应为{{year}}年1月1日至12月31日；如确实不足一年（如首次公开年度），请说明原因',
    implicit:
      '写了数据的起止时间“{{period}}”，但没有“统计期限”字样；建议写成“本年度报告中所列数据的统计期限为{{year}}年1月1日至12月31日”',
  },
  'contact-info': {
    missing:
      '未提供公众联系方式：请在报告开头写明“如对本报告有疑问，请与××办公室联系（地址：……号，邮编：……，电话：……，电子邮箱：……）”。网站页脚的地址、统计表落款中填报人的电话、“公布了监督电话”之类的说法都不算',
    partial:
      '联系方式不完整：只写了{{channelList}}。建议写明联系机构，以及地址、邮编、电话、电子邮箱中的至少两项',
    formSignoff:
      '电话“{{number}}”出自统计表落款（单位负责人、填报人、联系电话、填报日期），是填报人的电话，不算向公众公布的联系方式',
  },
  'improvement-measures': {},
  'tables-reconcile': {},
};
export default zhCN;
