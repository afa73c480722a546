/** zh-CN messages of the built-in rules (the default locale). Keys: rule id → message id → text. */
const zhCN: Record<string, Record<string, string>> = {
  'required-sections': {
    missing:
      '缺少法定内容“{{section}}”：既没有这一部分的标题，正文中也没有相应的情况说明。请在“{{after}}”之后补写这一部分；没有发生相关情况的，也应写明“未发生”或“无”',
    missingOther:
      '缺少“{{section}}”部分。《条例》（2007年）第三十二条列有这一项，实践中常被省略；没有需要报告的事项时，可写明“无”',
    merged:
      '“{{section}}”没有单独的标题，相关内容写在“{{foundIn}}”中（“{{excerpt}}”）。建议按法定结构单列这一部分',
    mergedUntitled:
      '“{{section}}”没有单独的标题，相关内容只出现在正文叙述中（“{{excerpt}}”）。建议按法定结构单列这一部分',
  },
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
  'improvement-measures': {
    empty:
      '“存在的主要问题及改进情况”内容空缺：没有列出具体问题和改进措施（正文{{length}}字，问题{{problems}}项，措施{{measures}}项）。请逐条写明本年度工作中存在的问题，以及针对每个问题的改进措施',
    noMaterial:
      '报告中找不到“存在的主要问题及改进情况”的内容：既没有这一部分，也没有写到问题或下一步的改进安排。请逐条写明存在的问题和针对性的改进措施',
    generic:
      '“存在的主要问题及改进情况”写得笼统（问题{{problems}}项，改进措施{{measures}}项，具体抓手{{anchors}}处，套话约占{{boilerplate}}%）。请分条写明改进措施，并写清时间节点、数量目标、具体制度或平台名称、责任单位，以及对上年问题的整改情况',
    problemsWithoutMeasures:
      '只列出了{{problems}}个问题，没有写改进措施。请针对每个问题写明下一步的具体改进措施',
    measuresWithoutProblems:
      '只写了改进措施或工作打算（{{measures}}项），没有指出本年度工作中存在的具体问题。请先写明存在的主要问题，再写对应的改进措施',
  },
  'tables-reconcile': {},
  'template-version': {},
  'table-cells': {},
  'narrative-consistency': {},
  'publication-deadline': {},
  'government-accountability': {},
  'other-matters': {},
  'prior-year-duplication': {},
  'structure': {},
};
export default zhCN;
