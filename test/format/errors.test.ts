import { describe, expect, it } from '@jest/globals';
import { AuditInputError } from '../../src/errors';
import { describeError } from '../../src/index';

/** Every input-error code a caller can meet, the PDF reader's included. */
const CODES = [
  'BAD_INPUT',
  'INPUT_TOO_LARGE',
  'BINARY',
  'EMPTY',
  'NOT_A_REPORT',
  'CORRUPT_DOCX',
  'CORRUPT_PDF',
  'ENCRYPTED_PDF',
  'NO_TEXT_LAYER',
  'UNSUPPORTED_FORMAT',
  'TOO_COMPLEX',
] as const;

describe('describeError says every input error in the chosen language', () => {
  it.each(CODES)('%s', (code) => {
    const e = new AuditInputError('an English message from the library', { code });
    const zh = describeError(e, 'zh-CN');
    const en = describeError(e, 'en');
    expect(zh).not.toBe(e.message);
    expect(zh).toMatch(/\p{Script=Han}/u);
    expect(en).not.toBe(e.message);
    // English, but for the Chinese term it names (「政府信息公开」).
    expect(en.replace(/政府信息公开/gu, '')).not.toMatch(/\p{Script=Han}/u);
  });
});
