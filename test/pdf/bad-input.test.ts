/**
 * readPdf on input that is not a readable PDF: each gives an AuditInputError that names the problem,
 * and none hangs (jest's own timeout is the guard).
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuditInputError } from '../../src/errors';
import { AuditInputError as PublicAuditInputError } from '../../src/index';
import { readPdf } from '../../src/pdf/index';
import { fixturesDir } from '../helpers';
import { buildPdf, show } from './make-pdf';

const real = new Uint8Array(readFileSync(join(fixturesDir, 'pdf', 'kirogovcompare__hzq2024_working.pdf')));
const ascii = (s: string) => new TextEncoder().encode(s);

/** Deterministic pseudo-random bytes. */
function noise(length: number, seed = 7): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >>> 16;
  }
  return out;
}

const concatBytes = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

async function errorOf(bytes: Uint8Array, uri = 'bad.pdf'): Promise<AuditInputError> {
  const err = await readPdf(bytes, { uri }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AuditInputError);
  expect(err).toBeInstanceOf(PublicAuditInputError);
  expect((err as AuditInputError).uri).toBe(uri);
  return err as AuditInputError;
}

describe('bad PDF bytes', () => {
  it('random bytes: not a PDF', async () => {
    const err = await errorOf(noise(64 * 1024));
    expect(err.message).toMatch(/^bad\.pdf: not a PDF: no "%PDF-" header/);
    expect(err.code).toBe('CORRUPT_PDF');
  });

  it('an empty file', async () => {
    expect((await errorOf(new Uint8Array(0))).message).toMatch(/empty/);
  });

  it('a PDF cut in half: truncated', async () => {
    const err = await errorOf(real.slice(0, Math.floor(real.length / 2)));
    expect(err.message).toMatch(/truncated or damaged/);
    expect(err.message).toContain('%%EOF');
    expect(err.code).toBe('CORRUPT_PDF');
  });

  it('a PDF header and an end marker around random bytes: damaged (PDFium\'s load error is named)', async () => {
    const err = await errorOf(concatBytes(ascii('%PDF-1.7\n'), noise(50_000, 3), ascii('\n%%EOF\n')));
    expect(err.message).toMatch(/damaged or not a PDF \(PDFium: not a PDF or damaged\)/);
    expect(err.code).toBe('CORRUPT_PDF');
  });

  it('a truncated PDF with an end marker glued on: damaged', async () => {
    const err = await errorOf(concatBytes(real.slice(0, 120_000), ascii('\n%%EOF\n')));
    expect(err.message).toMatch(/damaged/);
  });

  it('a PDF that needs a password: encrypted', async () => {
    // A standard security handler whose /U entry no empty user password can match.
    const plain = new TextDecoder().decode(buildPdf([{ content: show('Hello', 72, 700) }]));
    const hex = (n: number) => '<' + 'ab'.repeat(n) + '>';
    const locked = plain.replace(/trailer\n<< /, `trailer\n<< /Encrypt << /Filter /Standard /V 1 /R 2 /O ${hex(32)} /U ${hex(32)} /P -4 >> /ID [${hex(16)} ${hex(16)}] `);
    expect(locked).not.toBe(plain);
    await expect(readPdf(new TextEncoder().encode(plain))).resolves.toMatchObject({ format: 'pdf' });
    const err = await errorOf(new TextEncoder().encode(locked));
    expect(err.code).toBe('ENCRYPTED_PDF');
    expect(err.message).toMatch(/password-protected/);
  });

  it('the whole file still reads (the cases above fail for their damage, not for the file)', async () => {
    await expect(readPdf(real)).resolves.toMatchObject({ format: 'pdf' });
  });

  it('a Node Buffer and an ArrayBuffer are accepted; the caller’s bytes are left intact', async () => {
    const copy = real.slice();
    const fromBuffer = await readPdf(readFileSync(join(fixturesDir, 'pdf', 'kirogovcompare__hzq2024_working.pdf')));
    const fromArrayBuffer = await readPdf(copy.buffer);
    expect(fromArrayBuffer.content).toBe(fromBuffer.content);
    expect(copy.byteLength).toBe(real.byteLength);
    expect(copy).toEqual(real);
  });
});

describe('bad arguments', () => {
  it('content that is not bytes', async () => {
    await expect(readPdf('%PDF-1.7' as unknown as Uint8Array)).rejects.toThrow(/Uint8Array/);
  });

  it('maxPages that is not a positive integer', async () => {
    await expect(readPdf(real, { maxPages: 0 })).rejects.toThrow(/maxPages must be a positive integer/);
    await expect(readPdf(real, { maxPages: 4 })).rejects.toThrow(/5 pages, more than the limit of 4/);
    await expect(readPdf(real, { maxPages: 4 })).rejects.toMatchObject({ code: 'INPUT_TOO_LARGE' });
  });

  it('a file over maxBytes: too large, refused before it is parsed', async () => {
    const err = await readPdf(real, { maxBytes: 1000, uri: 'big.pdf' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuditInputError);
    expect(err).toMatchObject({ code: 'INPUT_TOO_LARGE', uri: 'big.pdf' });
    expect((err as Error).message).toMatch(/more than the limit of 1000 \(option maxBytes\)/);
  });
});
