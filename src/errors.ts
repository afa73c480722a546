/**
 * The two errors the library throws. Each carries a stable `code` that a caller can branch on without
 * reading the message, and `params` with the values the message names, so that a caller (the CLI, a
 * CMS) can say it in its own language (`describeError` in format/ does for zh-CN and en).
 */

/** Codes of `AuditConfigError`. */
export type AuditConfigErrorCode =
  /** The configuration is not an object, or a property has the wrong type or an unknown name. */
  | 'BAD_CONFIG'
  /** `rules` names a rule no loaded plugin defines. */
  | 'UNKNOWN_RULE'
  /** A severity that is none of off, info, warning, error (or ESLint's 0, 1, 2 and 'warn'). */
  | 'BAD_SEVERITY'
  /** A rule's options fail its schema. */
  | 'BAD_OPTIONS'
  /** A per-message severity names a message the rule does not have. */
  | 'UNKNOWN_MESSAGE'
  /** A plugin or one of its rules is malformed, or two plugins define the same rule id. */
  | 'BAD_PLUGIN';

/** Codes of `AuditInputError`. */
export type AuditInputErrorCode =
  /** Not a string or an AuditInput, or a field of it has the wrong type. */
  | 'BAD_INPUT'
  /** Over `maxInputSize` (or a PDF over `maxPages`). */
  | 'INPUT_TOO_LARGE'
  /** Binary junk rather than text. */
  | 'BINARY'
  /** No text at all (an empty file, only white space, markup without text). */
  | 'EMPTY'
  /** Text, but not an annual report: no report title, no statutory part, no template table, no reference to the Regulations. */
  | 'NOT_A_REPORT'
  /** A DOCX that is not a readable zip of WordprocessingML (or a zip bomb). */
  | 'CORRUPT_DOCX'
  /** A PDF that is damaged, encrypted or not a PDF. */
  | 'CORRUPT_PDF'
  /** A PDF without a text layer (a scan). */
  | 'NO_TEXT_LAYER'
  /** An encrypted PDF (a password is needed to read it). */
  | 'ENCRYPTED_PDF'
  /** PDF given to the synchronous `audit` (use `readPdf` from "xxgk-audit/pdf"), or a format this version cannot read. */
  | 'UNSUPPORTED_FORMAT'
  /** The structure is too large or too deep to read safely (tables of millions of cells, nesting past the limit). */
  | 'TOO_COMPLEX'
  /** Any other reason the input cannot be read. */
  | 'UNREADABLE';

/** Thrown for a bad configuration: unknown rule, bad severity, options that fail the rule's schema. */
export class AuditConfigError extends Error {
  /** Stable code to branch on. */
  readonly code: AuditConfigErrorCode;
  /** The rule the problem is about, when there is one. */
  readonly ruleId?: string;
  /** The property the problem is about (e.g. `rules.contact-info`, `rulez`), when there is one. */
  readonly property?: string;
  /** The values the property allows, when they are a list. */
  readonly allowed?: string[];
  /** ajv's error objects, when the problem is a schema violation. */
  readonly details?: unknown[];
  constructor(
    message: string,
    options: { code?: AuditConfigErrorCode; ruleId?: string; property?: string; allowed?: string[]; details?: unknown[] } = {},
  ) {
    super(message);
    this.name = 'AuditConfigError';
    this.code = options.code ?? 'BAD_CONFIG';
    this.ruleId = options.ruleId;
    this.property = options.property;
    this.allowed = options.allowed;
    this.details = options.details;
  }
}

/** Thrown for input that cannot be audited: wrong type, not a report, corrupt file, over a size limit. */
export class AuditInputError extends Error {
  /** Stable code to branch on. */
  readonly code: AuditInputErrorCode;
  readonly uri?: string;
  /** Values the message names (sizes, limits, percentages), for callers that word it themselves. */
  readonly params?: Record<string, string | number>;
  constructor(message: string, options: { uri?: string; code?: AuditInputErrorCode; params?: Record<string, string | number> } = {}) {
    super(options.uri ? `${options.uri}: ${message}` : message);
    this.name = 'AuditInputError';
    this.code = options.code ?? 'UNREADABLE';
    this.uri = options.uri;
    if (options.params) this.params = options.params;
  }
}
