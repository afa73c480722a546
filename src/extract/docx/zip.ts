/**
 * The ZIP archive of a DOCX, read safely. Only a few parts are read (the main document
 * `word/document.xml`, found through `_rels/.rels`, plus its styles and numbering). The central
 * directory is read here (a few dozen lines: it gives each entry's declared sizes and where its data
 * is), and the data is inflated by fflate's streaming `Inflate`, fed 16 KiB of compressed data at a
 * time so that the output of one step stays bounded and the actual decompressed size is counted as it
 * grows. An archive is refused with AuditInputError when:
 * - it is not a ZIP (no end-of-central-directory record: random bytes, a legacy .doc, a truncated file);
 * - an entry is encrypted, uses a compression method other than stored/deflate, or lies outside the file;
 * - the parts to read declare more than MAX_DECOMPRESSED bytes in total, or a ratio no real document
 *   has (a zip bomb), or actually inflate to more than they declared (the inflation stops there);
 * - the deflate data is corrupt.
 * fflate's `unzipSync` is not used for the data because it inflates a whole entry in one call into a
 * buffer sized from the (attacker-controlled) declared size, with no way to stop early.
 */
import { Inflate, strFromU8 } from 'fflate';
import { AuditInputError } from '../../errors';

/** Most bytes the parts read from one DOCX may inflate to, in total. */
export const MAX_DECOMPRESSED = 50 * 1024 * 1024;
/** Above this declared size, a part compressed more than MAX_RATIO:1 is taken for a zip bomb. */
const RATIO_FLOOR = 1024 * 1024;
const MAX_RATIO = 200;
const MAX_ENTRIES = 20_000;
const CHUNK = 16 * 1024;

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function u16(b: Uint8Array, p: number): number {
  return b[p]! | (b[p + 1]! << 8);
}

function u32(b: Uint8Array, p: number): number {
  return (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;
}

function u64(b: Uint8Array, p: number): number {
  return u32(b, p) + u32(b, p + 4) * 0x1_0000_0000;
}

function describeNonZip(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'the file is empty';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return 'this is an OLE2 compound file (a legacy Word .doc, or a password-protected .docx), not a DOCX; save it as .docx without a password';
  }
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'this is a PDF, not a DOCX';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    return 'the ZIP archive is truncated or corrupt: its end-of-central-directory record is missing';
  }
  return 'the file is not a ZIP archive (a DOCX is one): no ZIP signature or end-of-central-directory record';
}

/** Reads the central directory (with the ZIP64 fields a DOCX writer may use). */
function readCentralDirectory(bytes: Uint8Array, uri?: string): Map<string, ZipEntry> {
  const fail = (message: string): never => {
    throw new AuditInputError(`not a readable DOCX: ${message}`, { uri, code: 'CORRUPT_DOCX' });
  };
  if (bytes.length < 22) fail(bytes.length === 0 ? 'the file is empty' : describeNonZip(bytes));
  let eocd = -1;
  for (let p = bytes.length - 22; p >= Math.max(0, bytes.length - 22 - 0xffff); p--) {
    if (bytes[p] === 0x50 && bytes[p + 1] === 0x4b && bytes[p + 2] === 0x05 && bytes[p + 3] === 0x06) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) fail(describeNonZip(bytes));
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  const locator = eocd - 20;
  if (locator >= 0 && u32(bytes, locator) === 0x07064b50) {
    const z = u64(bytes, locator + 8);
    if (z + 56 <= bytes.length && u32(bytes, z) === 0x06064b50) {
      count = u64(bytes, z + 32);
      cdSize = u64(bytes, z + 40);
      cdOffset = u64(bytes, z + 48);
    }
  }
  if (cdOffset + cdSize > bytes.length) fail('the ZIP archive is truncated: its central directory lies beyond the end of the file');
  if (count > MAX_ENTRIES) fail(`the ZIP archive lists ${count} entries, more than a Word document has`);
  const entries = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) fail('the ZIP central directory is corrupt');
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    const nameEnd = p + 46 + nameLength;
    if (nameEnd + extraLength > bytes.length) fail('the ZIP central directory is truncated');
    const name = strFromU8(bytes.subarray(p + 46, nameEnd), (flags & 0x800) === 0);
    // ZIP64 extended information (header id 1): the fields that were 0xFFFFFFFF, in this order.
    for (let e = nameEnd; e + 4 <= nameEnd + extraLength; ) {
      const id = u16(bytes, e);
      const len = u16(bytes, e + 2);
      if (id === 1) {
        let q = e + 4;
        if (size === 0xffffffff && q + 8 <= e + 4 + len) (size = u64(bytes, q)), (q += 8);
        if (compressedSize === 0xffffffff && q + 8 <= e + 4 + len) (compressedSize = u64(bytes, q)), (q += 8);
        if (localOffset === 0xffffffff && q + 8 <= e + 4 + len) localOffset = u64(bytes, q);
      }
      e += 4 + len;
    }
    entries.set(name.replace(/\\/g, '/').replace(/^\//, ''), { name, flags, method, compressedSize, size, localOffset });
    p = nameEnd + extraLength + commentLength;
  }
  return entries;
}

export class ZipReader {
  private readonly entries: Map<string, ZipEntry>;
  private budget = MAX_DECOMPRESSED;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly uri?: string,
  ) {
    this.entries = readCentralDirectory(bytes, uri);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  private fail(message: string): never {
    throw new AuditInputError(`not a readable DOCX: ${message}`, { uri: this.uri, code: 'CORRUPT_DOCX' });
  }

  /** Checks the declared sizes of the parts to be read before inflating any of them. */
  checkDeclared(names: string[]): void {
    let total = 0;
    for (const name of names) {
      const e = this.entries.get(name);
      if (!e) continue;
      total += e.size;
      if (e.size > RATIO_FLOOR && e.size / Math.max(1, e.compressedSize) > MAX_RATIO) {
        this.fail(
          `${name} declares ${e.size} bytes from ${e.compressedSize} compressed (ratio ${Math.round(e.size / Math.max(1, e.compressedSize))}:1): refused as a likely zip bomb`,
        );
      }
    }
    if (total > MAX_DECOMPRESSED) {
      this.fail(`its document parts would decompress to ${total} bytes, over the limit of ${MAX_DECOMPRESSED} (a zip bomb or an oversized file)`);
    }
  }

  /** The bytes of an entry, inflated with a hard bound on the output; null when absent. */
  read(name: string): Uint8Array | null {
    const e = this.entries.get(name);
    if (!e) return null;
    const b = this.bytes;
    if (e.flags & 1) this.fail(`${name} is encrypted`);
    if (e.localOffset + 30 > b.length || u32(b, e.localOffset) !== 0x04034b50) {
      this.fail(`the ZIP archive is truncated or corrupt: the local header of ${name} is missing`);
    }
    const start = e.localOffset + 30 + u16(b, e.localOffset + 26) + u16(b, e.localOffset + 28);
    if (start + e.compressedSize > b.length) this.fail(`the ZIP archive is truncated: the data of ${name} runs past the end of the file`);
    const data = b.subarray(start, start + e.compressedSize);
    if (e.size > this.budget) {
      this.fail(`${name} would decompress to ${e.size} bytes, over the limit of ${MAX_DECOMPRESSED} (a zip bomb or an oversized file)`);
    }
    if (e.method === 0) {
      if (e.compressedSize !== e.size) this.fail(`the ZIP entry ${name} is corrupt (stored sizes differ)`);
      this.budget -= e.size;
      return data;
    }
    if (e.method !== 8) this.fail(`${name} uses ZIP compression method ${e.method}; only stored and deflate are supported`);
    const limit = Math.min(this.budget, e.size);
    const chunks: Uint8Array[] = [];
    let total = 0;
    let over = false;
    const inflater = new Inflate((chunk: Uint8Array) => {
      total += chunk.length;
      if (total > limit) over = true;
      else chunks.push(chunk);
    });
    try {
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
      for (let p = 0; p < data.length && !over; p += CHUNK) {
        inflater.push(data.subarray(p, Math.min(p + CHUNK, data.length)), p + CHUNK >= data.length);
      }
    } catch (err) {
      if (!over) this.fail(`the compressed data of ${name} is corrupt (${err instanceof Error ? err.message : String(err)})`);
    }
    if (over) {
      this.fail(
        total > this.budget
          ? `${name} inflates past the limit of ${MAX_DECOMPRESSED} bytes: refused as a zip bomb`
          : `${name} inflates to more than the ${e.size} bytes it declares: refused (a zip bomb or a corrupt archive)`,
      );
    }
    if (total !== e.size) this.fail(`the ZIP entry ${name} is corrupt: it inflates to ${total} bytes, not the ${e.size} it declares`);
    this.budget -= total;
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}
