/**
 * DOCX page breaks that the document states (`w:br w:type="page"`, `w:pageBreakBefore`) give positions
 * their page; the text is the same as without them.
 */
import { FORMAT_TABLE } from '../../src/extract/formats';
import { describe, expect, it } from '@jest/globals';
import { audit } from '../../src/index';
import { extract } from '../../src/extract/index';
import { prepareInput } from '../../src/input/index';
import { docxPackage } from './variants';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (text: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t>${text}</w:t></w:r></w:p>`;
const pageBreak = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';
const doc = (body: string) => docxPackage(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`);

const read = (bytes: Uint8Array) => extract(prepareInput({ content: bytes, format: 'docx' }, FORMAT_TABLE));

describe('DOCX explicit page breaks', () => {
  it('a page-break run and pageBreakBefore begin pages 2 and 3; the text is unchanged', () => {
    const paged = read(doc(p('某县2024年政府信息公开工作年度报告') + p('一、总体情况') + pageBreak + p('二、主动公开政府信息情况') + p('三、收到和处理政府信息公开申请情况', '<w:pageBreakBefore/>')));
    const plain = read(doc(p('某县2024年政府信息公开工作年度报告') + p('一、总体情况') + '<w:p><w:r><w:br/></w:r></w:p>' + p('二、主动公开政府信息情况') + p('三、收到和处理政府信息公开申请情况')));
    expect(paged.text).toBe(plain.text);
    expect(paged.text).not.toContain('\uffff');
    const t = paged.text;
    expect(paged.pageStarts).toHaveLength(3);
    expect(paged.pageStarts![0]).toBe(0);
    expect(t.slice(paged.pageStarts![1]!).trimStart().startsWith('二、主动公开政府信息情况')).toBe(true);
    expect(t.slice(paged.pageStarts![2]!).startsWith('三、收到和处理政府信息公开申请情况')).toBe(true);
    expect(plain.pageStarts).toBeUndefined();
  });

  it('positions of sections carry the page; a DOCX without explicit breaks has none', () => {
    const bytes = doc(p('某县2024年政府信息公开工作年度报告') + p('一、总体情况') + p('正文。') + p('二、主动公开政府信息情况', '<w:pageBreakBefore/>') + p('正文。'));
    const result = audit({ content: bytes, format: 'docx' });
    const pages = result.report.sections.map((s) => [s.title, s.position.start.page]);
    expect(pages).toContainEqual(['总体情况', 1]);
    expect(pages).toContainEqual(['主动公开政府信息情况', 2]);
    const unpaged = audit({ content: doc(p('某县2024年政府信息公开工作年度报告') + p('一、总体情况')), format: 'docx' });
    expect(unpaged.report.sections.every((s) => s.position.start.page === undefined)).toBe(true);
  });
});
