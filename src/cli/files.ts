/**
 * The files to audit: found on the command line and in folders (the extensions of the format
 * registry), read (PDF through pdf.ts) and audited one by one, each ending as a result or as an input
 * error in the user's language.
 */
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Auditor } from '../api';
import { AuditInputError } from '../errors';
import { SEARCHED_EXTENSIONS } from '../extract/formats';
import { describeError, type InputError } from '../format/index';
import type { AuditInput, AuditMeta, AuditResult } from '../types';
import { errorText, type Messages } from './messages';
import { isPdf, loadPdfReader } from './pdf';

/** Extensions picked up when walking a folder. */
const REPORT_EXTENSIONS = new Set(SEARCHED_EXTENSIONS);

export interface FileTask {
  id: number;
  path: string;
  uri: string;
  /** Named on the command line (not found by walking a folder). */
  explicit: boolean;
}

export type FileOutcome = { ok: true; result: AuditResult } | { ok: false; message: string; code?: string };

/** Codes of files that are not reports: listed apart, and in a folder scan not an error. */
export const NOT_A_REPORT_CODES = new Set(['NOT_A_REPORT', 'EMPTY']);

/** The name a file is shown under: relative to the working directory when inside it, '/' separated. */
export function uriOf(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  const shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  return sep === '\\' ? shown.replace(/\\/g, '/') : shown;
}

export async function collectFiles(
  inputs: string[],
  cwd: string,
  m: Messages,
): Promise<{ files: FileTask[]; errors: InputError[]; emptyFolders: string[] }> {
  const files: FileTask[] = [];
  const errors: InputError[] = [];
  const emptyFolders: string[] = [];
  const seen = new Set<string>();
  const add = async (path: string, explicit: boolean) => {
    const real = await realpath(path).catch(() => path);
    if (seen.has(real)) return;
    seen.add(real);
    files.push({ id: files.length, path, uri: uriOf(path, cwd), explicit });
  };
  const walk = async (dir: string, visited: Set<string>): Promise<number> => {
    const real = await realpath(dir).catch(() => dir);
    if (visited.has(real)) return 0;
    visited.add(real);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      errors.push({ uri: uriOf(dir, cwd), message: m.cannotRead(errorText(e)) });
      return 0;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    let count = 0;
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const s = await stat(path).catch(() => null);
        isDir = !!s?.isDirectory();
        isFile = !!s?.isFile();
      }
      if (isDir) count += await walk(path, visited);
      else if (isFile && REPORT_EXTENSIONS.has(extname(entry.name).toLowerCase())) {
        await add(path, false);
        count++;
      }
    }
    return count;
  };
  for (const input of inputs) {
    const path = resolve(cwd, input);
    const s = await stat(path).catch((e: NodeJS.ErrnoException) => e);
    if (s instanceof Error) {
      errors.push({ uri: input, message: s.code === 'ENOENT' || s.code === 'ENOTDIR' ? m.notFound : m.cannotRead(errorText(s)) });
    } else if (s.isDirectory()) {
      // An empty folder is not an unreadable file: it is said once, on its own.
      if ((await walk(path, new Set())) === 0 && !errors.some((e) => e.uri === uriOf(path, cwd))) emptyFolders.push(input);
    } else if (s.isFile()) {
      await add(path, true);
    } else {
      errors.push({ uri: input, message: m.notAFile });
    }
  }
  return { files, errors, emptyFolders };
}

/** Strips the `uri: ` prefix AuditInputError puts before its message (the CLI names the file itself). */
function inputErrorText(e: AuditInputError, uri: string): string {
  return e.message.startsWith(`${uri}: `) ? e.message.slice(uri.length + 2) : e.message;
}

/** An input error in the user's language when its code has words, else its own message. */
function localInputError(e: AuditInputError, uri: string, m: Messages): string {
  const local = describeError(e, m.locale);
  return local === e.message ? inputErrorText(e, uri) : local;
}

export async function readInput(
  path: string,
  uri: string,
  maxSize: number,
  m: Messages,
): Promise<AuditInput | string | { message: string; code: string }> {
  let bytes: Uint8Array;
  try {
    const s = await stat(path);
    if (s.size > maxSize) return m.tooLarge(s.size, maxSize);
    bytes = new Uint8Array(await readFile(path));
  } catch (e) {
    return m.cannotRead(errorText(e, m));
  }
  if (isPdf(path, bytes)) {
    const readPdf = await loadPdfReader();
    if (!readPdf) return m.pdfUnavailable;
    try {
      return { ...(await readPdf(bytes)), uri };
    } catch (e) {
      if (e instanceof AuditInputError) return { message: m.cannotAudit(localInputError(e, uri, m)), code: e.code };
      return m.cannotAudit(errorText(e));
    }
  }
  return { content: bytes, uri };
}

export interface AuditContext {
  auditor: Auditor;
  meta: AuditMeta;
  maxInputSize: number;
  m: Messages;
}

export async function auditFile(task: FileTask, ctx: AuditContext): Promise<FileOutcome> {
  const input = await readInput(task.path, task.uri, ctx.maxInputSize, ctx.m);
  if (typeof input === 'string') return { ok: false, message: input };
  if (!('content' in input)) return { ok: false, ...input };
  try {
    const meta = { ...(input.meta ?? {}), ...ctx.meta };
    return { ok: true, result: ctx.auditor.audit({ ...input, meta } as AuditInput) };
  } catch (e) {
    if (e instanceof AuditInputError) {
      const message = NOT_A_REPORT_CODES.has(e.code) ? localInputError(e, task.uri, ctx.m) : ctx.m.cannotAudit(localInputError(e, task.uri, ctx.m));
      return { ok: false, message, code: e.code };
    }
    return { ok: false, message: ctx.m.internal(errorText(e)) };
  }
}
