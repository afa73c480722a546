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
  'template-version': {
    outdatedTemplate:
      '报告年度为{{year}}年，应使用{{expectedName}}，但表格仍有2019年版格式的栏目（“{{markers}}”）。请改用2021年版表格：表二第二十条第（一）项为“本年制发件数、本年废止件数、现行有效件数”，并删去“政府集中采购”等已取消的栏目',
    outdatedOtherHandling:
      '报告年度为{{year}}年，表三“（六）其他处理”只有一行，这是2019年版格式的写法。{{expectedName}}把它分为三行：“1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请”“2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”“3.其他”，请补齐这三行并分别填报',
    templateBeforeIssue:
      '报告年度为{{year}}年，但表格使用了{{templateName}}的栏目（“{{markers}}”），该格式自{{firstYear}}年度报告起才施行。请核对报告年度是否写错，或者这是否是后来重新发布的版本',
    mixedTemplate:
      '表格混用了2019年版和2021年版年度报告格式：既有2021年版的“{{markers2021}}”，又有2019年版的“{{markers2019}}”。请统一使用{{expectedName}}',
    e1Section:
      '报告年度为{{year}}年，应按2019年修订的《条例》第五十条和{{expectedName}}编写，但仍保留2007年《条例》时期的部分“{{heading}}”。请按格式的六个部分编写：一、总体情况，二、主动公开政府信息情况，三、收到和处理政府信息公开申请情况，四、政府信息公开行政复议、行政诉讼情况，五、存在的主要问题及改进情况，六、其他需要报告的事项',
    e1Subsection:
      '报告年度为{{year}}年，“{{heading}}”沿用了2007年《条例》时期“收费及减免”的写法，与{{expectedName}}部分不符。收取信息处理费的情况请写在“六、其他需要报告的事项”中',
    oldStatistics:
      '报告年度为{{year}}年，却使用了2019年以前《政府信息公开情况统计表》的栏目（“{{labels}}”）。请改用{{expectedName}}的表二、表三、表四',
    tablesNotMachineReadable:
      '“{{heading}}”下读不到{{table}}（{{evidence}}），表格可能是以图片形式发布的：公众无法复制、检索，数据也无法核对。请以文字表格发布{{table}}',
    tableMissing:
      '“{{heading}}”中只有文字叙述，没有{{table}}。{{expectedName}}要求用表格填报这部分数据，请按格式补上表格',
    noTables:
      '报告年度为{{year}}年，应按{{expectedName}}附表二、表三、表四，但报告中没有任何统计表格。请按格式补上三张表格（没有发生的事项填0）',
  },
  'table-cells': {
    blankCells:
      '「{{table}}」“{{block}}”部分{{extent}}（{{kinds}}），涉及：{{rows}}。空白、“/”“-”“无”无法区分是0还是漏填，没有发生的事项请填0',
    blankTotal:
      '「{{table}}」有{{count}}个合计单元格空白，而相加的各项已填了数字：{{cells}}。合计空白，表格的勾稽关系就无法核对，请填写合计数',
    cellNote:
      '「{{table}}」“{{cell}}”单元格中写有附注“{{note}}”，已按数字{{value}}读取。单元格内宜只填数字，附注请写在表格下方的说明中',
    unitConflict:
      '「{{table}}」“{{cell}}”一栏的单位是万元，单元格却写成“{{value}}元”。如确为{{value}}元，应填{{converted}}（万元）',
    implausibleAmount:
      '「{{table}}」“{{cell}}”为{{value}}万元（即{{yi}}亿元），对{{level}}机关而言明显偏大（参考上限{{limit}}万元），可能把“元”当成“万元”填写了。请核对金额和单位',
    invalidNumber:
      '「{{table}}」“{{cell}}”填写的{{value}}不合规：该栏应为{{rule}}',
  },
  'narrative-consistency': {
    mismatch:
      '正文“{{excerpt}}”写的{{category}}是{{actual}}，但{{where}}为{{expected}}，两者不一致。请核对正文和统计表，改为同一数字',
    scopeMismatch:
      '正文“{{excerpt}}”写的{{category}}是{{actual}}，但{{where}}为{{expected}}。正文按“{{scope}}”的口径统计，表格可能是另一口径（本机关或本级政府全部）。请核对两者的统计范围，并在正文中说明差异',
    doubleCounted:
      '正文“{{excerpt}}”写的{{category}}{{actual}}，等于统计表“（一）主动公开政府信息数”{{items}}与“（二）通过不同渠道和方式公开”{{channels}}之和：同一批信息按条目和按渠道各计了一次（P-14）。正文应写（一）的{{expected}}条。统计表标题行的重复计算（P-5）由 tables-reconcile 规则另行报告，这里指出的是正文一侧',
    percentage:
      '正文“{{excerpt}}”后的比例{{actual}}%与数字不符：{{count}}÷{{base}}（{{baseLabel}}）应为{{expected}}%。请重新计算',
    zeroClaim:
      '正文称“{{excerpt}}”，但{{where}}为{{value}}，两者矛盾。请核对正文或统计表',
    allUpheld:
      '正文称“{{excerpt}}”，但{{where}}合计为{{value}}，并非全部维持（T4-5）。请如实写明纠正、其他结果和尚未审结的案件数',
    vague:
      '“{{excerpt}}”是{{kindText}}（“{{marker}}”）。年度报告应写明准确的统计数字，不用“余”“多”“若干”之类的约数',
    placeholder:
      '“{{excerpt}}”处{{kindText}}（“{{marker}}”），像是未填写完的模板。请填写实际数字',
    reviewScope:
      '“{{excerpt}}”中的{{category}}{{actual}}件没有限定为政府信息公开类案件。年度报告只统计因政府信息公开工作引起的行政复议、行政诉讼，请核实口径，或写明“政府信息公开行政复议”',
  },
  'publication-deadline': {
    late:
      '年度报告的{{dateSource}}为{{date}}，晚于公开期限{{deadline}}，逾期{{days}}天。依据：{{basis}}。{{year}}年度报告应在{{deadline}}前公开',
    lateLocalRule:
      '年度报告的{{dateSource}}为{{date}}，晚于{{deadline}}，逾期{{days}}天。乡镇人民政府、街道办事处的年度报告没有全国统一的公开期限，这里参照县级以上人民政府的期限（次年3月31日）判断，需按地方规定核对；本地期限可在规则选项 deadlines.township 中设置',
    lateEstimated:
      '没有提供实际发布日期。按报告末尾的落款日期{{date}}估计（估计值，不是实际发布日期），晚于公开期限{{deadline}}{{days}}天（{{basis}}）。请核对实际发布日期，并通过 meta.publishedAt 提供',
    dateBeforeYearEnd:
      '年度报告的{{dateSource}}为{{date}}，早于{{year}}年度结束（{{yearEnd}}）：发布日期或报告年度有误，无法判断是否按时公开',
  },
  'government-accountability': {
    missing:
      '{{issuer}}是人民政府，年度报告应写明政府信息公开工作考核、社会评议和责任追究的结果情况（《政府信息公开条例》第五十条；按年度报告格式写在“一、总体情况”的“监督保障”中）。报告中找不到责任追究的结果{{found}}。请写明本年度的考核结果、社会评议结果和责任追究情况；没有发生责任追究的，也应写明“本年度未发生政府信息公开工作责任追究情况”',
    futureOnly:
      '{{issuer}}是人民政府，年度报告应写明本年度政府信息公开工作考核、社会评议和责任追究的结果情况（《政府信息公开条例》第五十条）。报告中只有今后的打算：“{{excerpt}}”（{{where}}），这不是本年度的结果。请在“一、总体情况”的“监督保障”中写明本年度的考核结果、社会评议结果和责任追究情况；没有发生责任追究的，也应写明“本年度未发生政府信息公开工作责任追究情况”',
    systemOnly:
      '只写了责任追究的制度或机制（“{{excerpt}}”），没有写本年度的结果。《政府信息公开条例》第五十条要求人民政府报告考核、评议和责任追究的结果情况：请写明本年度是否发生责任追究（如“本年度未发生政府信息公开工作责任追究情况”）以及考核、评议的结果',
    aspectsMissing:
      '写明了责任追究情况（“{{excerpt}}”），但没有找到{{missing}}的结果。《政府信息公开条例》第五十条要求人民政府报告工作考核、社会评议和责任追究结果情况，建议一并写明',
    missingSubDistrict:
      '{{issuer}}不是人民政府（如街道办事处）。是否必须报告政府信息公开工作考核、社会评议和责任追究的结果尚无定论，但报告中没有相关结果{{found}}；建议参照人民政府的要求写明',
  },
  'other-matters': {
    empty:
      '“{{heading}}”只写了“{{body}}”，等于没有内容。按2021年版年度报告格式，这一部分要报告信息处理费的收取情况（《政府信息公开信息处理费管理办法》）；没有收取的，也应写明，如“本年度未收取信息处理费”',
    noFee:
      '“{{heading}}”没有说明信息处理费的收取情况。按2021年版年度报告格式，收取信息处理费的情况在这一部分报告；没有收取的，也应写明“本年度未收取信息处理费”。表二的“行政事业性收费”是另一回事，不能代替',
    unpaidWithoutFee:
      '表三“（六）其他处理”第2项“申请人逾期未按收费通知要求缴纳费用”为{{count}}件，说明本年度发出过收费通知，但“{{heading}}”没有说明信息处理费的情况。请写明发出收费通知的件数和实际收取的信息处理费金额',
    subItemsMissing:
      '“{{heading}}”没有写到{{missing}}。实践中常在这一部分报告这些内容（年度报告格式是否要求尚无定论），可酌情补充',
  },
  'prior-year-duplication': {
    duplicated:
      '本年度报告与{{previousYear}}年度报告高度雷同：去掉年份和统计表后，{{share}}%的文字与上年相同（达到{{threshold}}%即视为照搬）。请按本年度实际工作重新撰写，不要沿用上年报告',
    similar:
      '本年度报告与{{previousYear}}年度报告大部分相同：去掉年份和统计表后，{{share}}%的文字与上年相同（提示阈值{{threshold}}%）。请按本年度实际工作充实内容，避免内容雷同',
    problemsDuplicated:
      '“存在的主要问题及改进情况”与{{previousYear}}年度报告几乎相同（{{share}}%的文字重复）。问题和改进措施应针对本年度实际，并说明上年问题的整改情况',
    problemsSimilar:
      '“存在的主要问题及改进情况”与{{previousYear}}年度报告大部分相同（{{share}}%的文字重复，提示阈值{{threshold}}%）。请写明本年度新发现的问题和针对性措施，并说明上年问题的整改情况',
    carryOver:
      '{{table}}“{{row}}”的“{{column}}”列为{{actual}}，但{{previousYear}}年度报告{{table}}“{{previousRow}}”同列为{{expected}}。上年结转下年度办理的申请，应等于本年的上年结转数（{{identity}}，推断规则，非官方）。请核对',
    stockFlow:
      '{{table}}“{{row}}”的现行有效件数为{{actual}}，按{{previousYear}}年度报告的现行有效件数{{previous}}加本年制发{{issued}}、减本年废止{{repealed}}，应为{{expected}}（{{identity}}，推断规则，非官方；修订等情况可能造成差异）。请核对',
    identicalTable:
      '{{tableName}}的全部数字（{{cells}}个单元格，其中{{nonZero}}个非零）与{{previousYear}}年度报告完全相同，可能照搬了上年数据。请按本年度实际统计填写',
    staleYear:
      '正文中出现最多的年份是{{staleYear}}年（{{staleCount}}次），而本报告是{{year}}年度报告（{{year}}年只出现{{yearCount}}次），可能沿用了往年报告的文字。请把年份和内容改为{{year}}年度的实际情况',
    staleAsOf:
      '正文写“{{excerpt}}”，是上一年度的日期；{{year}}年度报告应写“截至{{year}}年12月31日”。可能沿用了往年报告的文字',
    staleOpening:
      '正文“{{excerpt}}”以{{staleYear}}年叙述本单位工作，而本报告是{{year}}年度报告。请核实是否沿用了往年报告的文字',
  },
  'structure': {
    restart:
      '一级标题“{{heading}}”的序号重新开始或重复了（前一个一级标题是“{{previous}}”，这里应为“{{expected}}、”）。一份报告只能有一套一级序号，总体情况下的分项应编为（一）（二）……',
    gap:
      '一级标题序号不连续：“{{previous}}”之后是“{{heading}}”，缺少“{{missing}}、”。请检查是漏写了这一部分，还是序号编错了',
    overviewPromoted:
      '{{headings}}是“一、总体情况”下的分项（主动公开、依申请公开、政府信息管理、平台建设、监督保障），不应编为一级标题。请改为“一、总体情况”下的（一）至（五），法定部分依次编为二至六',
    shifted:
      '法定部分的序号与年度报告格式整体错位{{offset}}位：{{headings}}。按格式，六个部分依次为：一、总体情况，二、主动公开政府信息情况，三、收到和处理政府信息公开申请情况，四、政府信息公开行政复议、行政诉讼情况，五、存在的主要问题及改进情况，六、其他需要报告的事项',
    mismatch:
      '“{{heading}}”的序号与内容不符：按年度报告格式，“{{part}}”是第{{expected}}部分，应编为“{{expected}}、”，这里编为“{{actual}}、”',
    mixedParentheses:
      '二级标题的括号半角、全角混用（半角“(一)”{{half}}处，全角“（一）”{{full}}处），如“{{heading}}”。请统一使用全角括号“（一）”',
    introMismatch:
      '引言说全文共{{promised}}个部分，正文却有{{actual}}个一级标题{{missingText}}。请使引言的说明与正文结构一致',
    wrongTitle:
      '标题“{{title}}”没有写明“年度报告”。应为“××年政府信息公开工作年度报告”，不应写成“工作报告”“工作总结”等',
    transmittal:
      '报告开头是报送函（“{{line}}”），而不是年度报告本身。公开发布的应是年度报告正文，报送函不应一并发布',
    informalTitle: '标题“{{title}}”{{reason}}。规范的名称是“××年政府信息公开工作年度报告”',
    missingTitle: '没有找到报告标题，正文直接以“{{first}}”开始。请加上标题“××年××政府信息公开工作年度报告”',
  },
  'encoding': {
    damaged:
      '此处有无法按{{encoding}}解码的字节，已显示为“�”：文件可能在上传、复制或保存时损坏。请对照原稿核对此处文字，并重新保存为 UTF-8 文件',
  },
};
export default zhCN;
