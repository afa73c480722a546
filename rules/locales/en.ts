/** English messages of the built-in rules. Keys: rule id → message id → text. */
const en: Record<string, Record<string, string>> = {
  'required-sections': {
    missing:
      'The statutory part “{{section}}” is missing: there is no heading for it and no statement about it in the text. Add it after “{{after}}”; if nothing happened, say so (未发生 / 无)',
    missingOther:
      'The part “{{section}}” is missing. REG2007 Art. 32 lists it, although reports often leave it out; if there is nothing to report, write 无',
    merged:
      '“{{section}}” has no heading of its own: its content is inside “{{foundIn}}” (“{{excerpt}}”). Give it its own part, as the statutory outline does',
    mergedUntitled:
      '“{{section}}” has no heading of its own: its content appears only in the running text (“{{excerpt}}”). Give it its own part, as the statutory outline does',
  },
  'statistics-period': {
    missing:
      'The statistics period is not stated: write "本年度报告中所列数据的统计期限为{{year}}年1月1日至12月31日" (the data cover 1 January to 31 December {{year}}). An as-of date (截至…12月31日), a table subtitle (××年度) or a 填报日期 is not a period',
    wrongYear:
      'The statistics period "{{period}}" is for {{actual}}, but the report year is {{expected}}: the sentence was probably carried over from an earlier report',
    partial:
      'The statistics period "{{period}}" is not the whole year ({{year}}-01-01 to {{year}}-12-31); if the period really is shorter, say why',
    implicit:
      'The data dates "{{period}}" are given without the word 统计期限; write "本年度报告中所列数据的统计期限为{{year}}年1月1日至12月31日"',
  },
  'contact-info': {
    missing:
      'No contact details for the public: state "如对本报告有疑问，请与××办公室联系（地址…，邮编…，电话…，电子邮箱…）". A website footer address, the form filler\'s phone under a statistics table, or a mention such as 公布了监督电话 does not count',
    partial:
      'Contact details are incomplete: only {{channelList}} found. Give the contact office and at least two of address, postcode, phone and e-mail',
    formSignoff:
      'The phone number {{number}} is in the sign-off of a statistics form (填报人/联系电话/填报日期): it is the form filler\'s number, not contact details for the public',
  },
  'improvement-measures': {
    empty:
      'The part on problems and improvement (存在的主要问题及改进情况) is empty: no concrete problems and measures ({{length}} characters, {{problems}} problems, {{measures}} measures). List this year\'s problems one by one, and a measure for each',
    noMaterial:
      'The report says nothing about problems and improvement: there is no such part, and no problems or planned measures are mentioned. List the problems and a concrete measure for each',
    generic:
      'The part on problems and improvement is generic ({{problems}} problems, {{measures}} measures, {{anchors}} concrete anchors, about {{boilerplate}}% boilerplate). List the measures one by one with dates, targets, the systems or instruments concerned, the responsible unit, and how last year\'s problems were dealt with',
    problemsWithoutMeasures:
      '{{problems}} problems are listed, but no measures. State the concrete measures planned for each problem',
    measuresWithoutProblems:
      'Only measures or plans are given ({{measures}}); no problem of this year\'s work is named. State the main problems first, then the measures that address them',
  },
  'tables-reconcile': {},
  'template-version': {
    outdatedTemplate:
      'The report year is {{year}}, so the report should follow the 2021 template (国办公开办函〔2021〕30号), but its tables still have 2019-template columns (“{{markers}}”). Use the 2021 tables: 本年制发件数 / 本年废止件数 / 现行有效件数 under 第二十条第（一）项, without the removed 政府集中采购 block',
    outdatedOtherHandling:
      'The report year is {{year}}, but table 三 prints “（六）其他处理” as a single row, as the 2019 template did. The 2021 template splits it into three rows (1. 逾期不补正…, 2. 逾期未按收费通知要求缴纳费用…, 3. 其他); add them and fill each',
    templateBeforeIssue:
      'The report year is {{year}}, but the tables use columns of {{templateName}} (“{{markers}}”), which applies only from the {{firstYear}} reports. Check whether the year is wrong or the report was republished later',
    mixedTemplate:
      'The tables mix the 2019 and 2021 templates: 2021 columns (“{{markers2021}}”) and 2019 columns (“{{markers2019}}”). Use one template, {{expectedName}}',
    e1Section:
      'The report year is {{year}}, so the report should follow Art. 50 of the 2019 Regulations and {{expectedName}}, but it keeps a part of the 2007 era: “{{heading}}”. Use the six parts of the template (一 总体情况 … 六 其他需要报告的事项)',
    e1Subsection:
      'The report year is {{year}}, but “{{heading}}” keeps the 2007-era “收费及减免” item, a partial deviation from {{expectedName}}. Report the 信息处理费 in “六、其他需要报告的事项”',
    oldStatistics:
      'The report year is {{year}}, but it uses rows of the pre-2019 statistics table (“{{labels}}”). Use tables 二, 三 and 四 of {{expectedName}}',
    tablesNotMachineReadable:
      'No text of {{table}} under “{{heading}}” ({{evidenceEn}}): the table is probably an image, which readers cannot copy or search and which cannot be checked. Publish {{table}} as a text table',
    tableMissing:
      '“{{heading}}” has narrative but not {{table}}. {{expectedName}} requires these figures as a table; add it',
    noTables:
      'The report year is {{year}}, so {{expectedName}} requires tables 二, 三 and 四, but the report has no table at all. Add the three tables (write 0 where nothing happened)',
  },
  'table-cells': {
    blankCells:
      '{{table}}: block “{{block}}” {{extentEn}} ({{kindsEn}}): {{rows}}. A blank, “/”, “-” or “无” cannot be told from zero or from a cell left out; write 0 where nothing happened',
    blankTotal:
      '{{table}}: {{count}} total cell(s) are blank while the parts they add up are filled: {{cells}}. Without the totals the table’s identities cannot be checked; fill them in',
    cellNote:
      '{{table}}: cell “{{cell}}” carries the note “{{note}}”; it was read as {{value}}. Keep cells to numbers and put notes under the table',
    unitConflict:
      '{{table}}: the unit of “{{cell}}” is 万元, but the cell says “{{value}}元”. If it is {{value}} yuan, write {{converted}} (万元)',
    implausibleAmount:
      '{{table}}: “{{cell}}” is {{value}} 万元 ({{yi}} 亿元), far above what a {{levelEn}} issuer plausibly reports (limit {{limit}} 万元); the amount was probably entered in 元. Check the amount and the unit',
    invalidNumber:
      '{{table}}: “{{cell}}” holds {{value}}, but the column takes {{ruleEn}}',
  },
  'narrative-consistency': {
    mismatch:
      'The narrative “{{excerpt}}” gives {{actual}} {{categoryEn}}, but {{whereEn}} gives {{expected}}. Make the text and the table agree',
    scopeMismatch:
      'The narrative “{{excerpt}}” gives {{actual}} {{categoryEn}}, but {{whereEn}} gives {{expected}}. The text counts for “{{scope}}”, the table may count another scope (the whole organ or government). Check the scope and explain the difference in the text',
    doubleCounted:
      'The narrative “{{excerpt}}” gives {{actual}} {{categoryEn}}, the sum of the statistics table’s (一) unique items {{items}} and (二) items per channel {{channels}}: the same items are counted twice (P-14). The text should give (一), {{expected}}. The table’s header-row double counting is reported by tables-reconcile',
    percentage:
      'The percentage {{actual}}% after “{{excerpt}}” does not match: {{count}} ÷ {{base}} ({{baseLabel}}) is {{expected}}%',
    zeroClaim:
      'The narrative says “{{excerpt}}”, but {{whereEn}} is {{value}}',
    allUpheld:
      'The narrative says “{{excerpt}}” (all upheld), but {{whereEn}} add up to {{value}} (T4-5)',
    vague:
      '“{{excerpt}}” is not an exact number (“{{marker}}”); give the exact count',
    placeholder:
      '“{{excerpt}}” has a missing number or an unfilled template blank (“{{marker}}”); fill in the actual number',
    reviewScope:
      '“{{excerpt}}”: {{actual}} {{categoryEn}} are not restricted to disclosure cases. The report counts only reconsiderations and lawsuits about information disclosure; check the scope',
  },
  'publication-deadline': {
    late:
      'The report’s {{dateSourceEn}} is {{date}}, after the deadline {{deadline}} ({{days}} days late). Basis: {{basisEn}}. The report for {{year}} must be published by {{deadline}}',
    lateLocalRule:
      'The report’s {{dateSourceEn}} is {{date}}, after {{deadline}} ({{days}} days late). Township governments and sub-district offices have no national deadline; the county-level government deadline (31 March) was assumed — check the local rule and set it as the option deadlines.township',
    lateEstimated:
      'No publication date was given. The signature date {{date}} at the end of the report (an estimate, not the publication date) is {{days}} days after the deadline {{deadline}} ({{basisEn}}). Check the real publication date and pass it as meta.publishedAt',
    dateBeforeYearEnd:
      'The report’s {{dateSourceEn}} is {{date}}, before the end of the report year {{year}} ({{yearEnd}}): the date or the report year is wrong, so timeliness cannot be judged',
  },
  'government-accountability': {
    missing:
      '{{issuer}} is a people’s government: its report must state the results of work assessment, public appraisal and accountability for disclosure work (REG2019 Art. 50; the template puts them under 一 总体情况 / 监督保障). No accountability result was found{{foundEn}}. State this year’s assessment and appraisal results and any accountability; if there was none, say so (本年度未发生政府信息公开工作责任追究情况)',
    futureOnly:
      '{{issuer}} is a people’s government: its report must state this year’s results of work assessment, public appraisal and accountability (REG2019 Art. 50). The report only states an intention: “{{excerpt}}” ({{where}}), which is not a result. State this year’s results under 一 总体情况 / 监督保障; if there was no accountability case, say so',
    systemOnly:
      'Only the accountability system or mechanism is described (“{{excerpt}}”), not this year’s results. REG2019 Art. 50 asks governments for the results: state whether anyone was held accountable this year (or that no case occurred) and the assessment and appraisal results',
    aspectsMissing:
      'Accountability is stated (“{{excerpt}}”), but no result of {{missingEn}} was found. REG2019 Art. 50 asks governments to report work assessment, public appraisal and accountability results; consider stating them too',
    missingSubDistrict:
      '{{issuer}} is not a people’s government (e.g. a sub-district office). Whether it must report assessment, appraisal and accountability results is unconfirmed, but the report states none{{foundEn}}; consider reporting them as governments do',
  },
  'other-matters': {
    empty:
      '“{{heading}}” only says “{{bodyEn}}”, which is no content. Under the 2021 template this part reports whether a 信息处理费 (information processing fee) was charged (FEE2020); if none was, say so, e.g. 本年度未收取信息处理费',
    noFee:
      '“{{heading}}” does not say whether a 信息处理费 (information processing fee) was charged. The 2021 template asks for it here; if none was charged, say so (本年度未收取信息处理费). Table 二’s 行政事业性收费 is a different matter and does not count',
    unpaidWithoutFee:
      'Table 三 （六）2 (fee notice not paid, application no longer processed) is {{count}}, so fee notices were issued this year, but “{{heading}}” says nothing about the 信息处理费. State the number of fee notices and the fees actually collected',
    subItemsMissing:
      '“{{heading}}” does not mention {{missingEn}}. Reports often cover these here (whether the template requires them is unconfirmed); consider adding them',
  },
  'prior-year-duplication': {
    duplicated:
      'The report largely repeats the {{previousYear}} report: without years and tables, {{share}}% of its text is the same as last year’s (error threshold {{threshold}}%). Rewrite it for this year',
    similar:
      'Most of the report repeats the {{previousYear}} report: without years and tables, {{share}}% of its text is the same as last year’s (warning threshold {{threshold}}%)',
    problemsDuplicated:
      'The problems and improvements section is almost the same as in the {{previousYear}} report ({{share}}% repeated). Problems and measures should be this year’s, with the follow-up on last year’s problems',
    problemsSimilar:
      'The problems and improvements section mostly repeats the {{previousYear}} report ({{share}}% repeated, threshold {{threshold}}%)',
    carryOver:
      '{{table}} “{{row}}”, column “{{column}}” is {{actual}}, but the {{previousYear}} report’s “{{previousRow}}” is {{expected}} in the same column; what was carried into this year should equal what last year carried over ({{identity}}, an inferred check)',
    stockFlow:
      '{{table}} “{{row}}”: {{actual}} documents in force, but last year’s {{previous}} + {{issued}} issued − {{repealed}} repealed gives {{expected}} ({{identity}}, an inferred check; amendments may explain a difference)',
    identicalTable:
      'All numbers of {{tableName}} ({{cells}} cells, {{nonZero}} non-zero) are the same as in the {{previousYear}} report: the data may have been copied',
    staleYear:
      'The most frequent year in the narrative is {{staleYear}} ({{staleCount}} times), but this is the {{year}} report ({{year}} appears {{yearCount}} times): text may have been carried over from an earlier report',
    staleAsOf:
      'The narrative says “{{excerpt}}”, a date of the previous year; the {{year}} report should say 31 December {{year}}',
    staleOpening:
      'The narrative “{{excerpt}}” describes the organ’s work in {{staleYear}}, but this is the {{year}} report: check for text carried over',
  },
  'structure': {
    restart:
      'The top-level heading “{{heading}}” restarts or repeats the numbering (the previous one is “{{previous}}”; “{{expected}}、” was due). A report has one series of top-level numbers; the overview’s aspects are （一）（二）…',
    gap:
      'Top-level numbers skip: “{{heading}}” follows “{{previousEn}}”, “{{missing}}、” is missing. Check whether a part was left out or misnumbered',
    overviewPromoted:
      '{{headings}} are aspects of “一、总体情况” (主动公开, 依申请公开, 政府信息管理, 平台建设, 监督保障) and should not be top-level sections. Number them （一）–（五） under 一, and the statutory parts 二–六',
    shifted:
      'The statutory parts are numbered {{offset}} place(s) {{directionEn}} against the template: {{headings}}. The template’s six parts are 一 总体情况, 二 主动公开政府信息情况, 三 收到和处理政府信息公开申请情况, 四 政府信息公开行政复议、行政诉讼情况, 五 存在的主要问题及改进情况, 六 其他需要报告的事项',
    mismatch:
      'The number of “{{heading}}” does not match its content: in the template “{{part}}” is part {{expected}} (“{{expected}}、”), here it is “{{actual}}、”',
    mixedParentheses:
      'Second-level headings mix half-width “(一)” ({{half}}) and full-width “（一）” ({{full}}) parentheses, e.g. “{{heading}}”. Use full-width “（一）” throughout',
    introMismatch:
      'The intro announces {{promisedCount}} parts, but the body has {{actual}} top-level headings{{missingTextEn}}. Make the intro and the structure agree',
    wrongTitle:
      'The title “{{title}}” does not call the document a 年度报告; it should read “××年政府信息公开工作年度报告”, not 工作报告 or 工作总结',
    transmittal:
      'The report opens with a cover letter (“{{line}}”) rather than the annual report itself; publish the report, not the letter',
    informalTitle: 'The title “{{title}}”: {{reasonEn}}. The standard name is “××年政府信息公开工作年度报告”',
    missingTitle: 'No title found; the text starts with “{{first}}”. Add the title “××年××政府信息公开工作年度报告”',
  },
  'encoding': {
    damaged:
      'Bytes here cannot be decoded as {{encoding}} and are shown as “�”: the file was probably damaged when it was uploaded, copied or saved. Check the text here against the original and save the file again as UTF-8',
  },
};
export default en;
