/**
 * The messages between the page (app.ts) and its Web Worker (worker.ts). Everything the library does runs
 * in the worker; the page only draws what comes back.
 */
import type { AuditResult, IssuerType, Locale } from '../../src/types';

/** A report as the page holds it: text typed or pasted, or a file's bytes. */
export type Source = { kind: 'text'; text: string } | { kind: 'file'; name: string; bytes: Uint8Array };

export interface Options {
  locale: Locale;
  year?: number;
  issuerType?: IssuerType;
  publishedAt?: string;
}

export type ToWorker =
  | { type: 'wasm'; base64: string }
  | { type: 'audit'; id: number; source: Source; previous?: Source; options: Options }
  | { type: 'export'; id: number; format: ExportFormat; locale: Locale };

export type ExportFormat = 'json' | 'sarif' | 'csv' | 'html';

export type FromWorker =
  | {
      type: 'result';
      id: number;
      /** The global scope the audit ran in (`[object DedicatedWorkerGlobalScope]`): proof it ran off the main thread. */
      scope: string;
      /** Milliseconds the worker spent on the audit (reading included). */
      ms: number;
      result: AuditResult;
      /** The text positions point into: the caller's text, the decoded file, or the extracted text (DOCX, PDF). */
      text: string;
      /** Findings grouped by section as the HTML report groups them (indices into result.findings), and the tables' markup. */
      groups: Array<{ title: string; findings: number[] }>;
      tables: string;
      /** Per finding (same order as result.findings): its place in words, and 「应为 X；实为 Y」. */
      places: string[];
      values: string[];
      /** The library's words for the result's locale (severity, outcome, template names, verdicts). */
      words: ResultWords;
    }
  | { type: 'error'; id: number; scope: string; code: string; message: string }
  | { type: 'export'; id: number; name: string; mime: string; content: string };

export interface ResultWords {
  severity: Record<string, string>;
  outcome: Record<string, string>;
  template: Record<string, string>;
  verdictPass: string;
  verdictFail: string;
}
