/** English messages of the built-in rules. Keys: rule id → message id → text. */
const en: Record<string, Record<string, string>> = {
  'required-sections': {},
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
  'improvement-measures': {},
  'tables-reconcile': {},
};
export default en;
