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
  'template-version': {},
  'table-cells': {},
  'narrative-consistency': {},
  'publication-deadline': {},
  'government-accountability': {},
  'other-matters': {},
  'prior-year-duplication': {},
  'structure': {},
};
export default en;
