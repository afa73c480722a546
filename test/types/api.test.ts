/**
 * Types that catch mistakes (issue #16, problem 9). `npx tsc --noEmit` checks the @ts-expect-error
 * lines: each must be an error, or tsc fails. The runtime checks below keep the lines honest.
 */
import { describe, expect, it } from '@jest/globals';
import { audit, AuditInputError, type Finding, type PdfTextInput } from '../../src/index';
import * as pdfEntry from '../../src/pdf/index';

describe('the public types', () => {
  it('audit takes a string, an AuditInput or readPdf’s result, nothing else', () => {
    // @ts-expect-error a number is not a report
    expect(() => audit(123)).toThrow(AuditInputError);
    // @ts-expect-error PDF bytes need readPdf from xxgk-audit/pdf (the synchronous format union has no 'pdf')
    expect(() => audit({ content: new Uint8Array([0x25, 0x50, 0x44, 0x46]), format: 'pdf' })).toThrow(AuditInputError);
    const fromReadPdf: PdfTextInput = { content: '2024年政府信息公开工作年度报告\n一、总体情况', format: 'pdf', uri: 'a.pdf' };
    expect(audit(fromReadPdf).report.format).toBe('pdf');
  });

  it('expected and actual are typed JSON values', () => {
    const f = { expected: 1, actual: 'a' } as Pick<Finding, 'expected' | 'actual'>;
    // @ts-expect-error a function is not a finding value
    f.expected = () => 1;
    expect(typeof f.actual).toBe('string');
  });

  it('xxgk-audit/pdf exports readPdf (and constants), not the layout internals', () => {
    expect(Object.keys(pdfEntry).sort()).toEqual(['DEFAULT_MAX_BYTES', 'DEFAULT_MAX_PAGES', 'NO_TEXT_LAYER_MESSAGE', 'PDF_ERROR_CODES', 'readPdf']);
  });
});
