/** Thrown for a bad configuration: unknown rule, bad severity, options that fail the rule's schema. */
export class AuditConfigError extends Error {
  /** The rule the problem is about, when there is one. */
  readonly ruleId?: string;
  /** ajv's error objects, when the problem is a schema violation. */
  readonly details?: unknown[];
  constructor(message: string, options: { ruleId?: string; details?: unknown[] } = {}) {
    super(message);
    this.name = 'AuditConfigError';
    this.ruleId = options.ruleId;
    this.details = options.details;
  }
}

/** Thrown for input that cannot be audited: wrong type, not a report, corrupt file, over a size limit. */
export class AuditInputError extends Error {
  readonly uri?: string;
  /** What kind of problem, when it has a name (e.g. 'CORRUPT_PDF', 'ENCRYPTED_PDF', 'INPUT_TOO_LARGE', 'NO_TEXT_LAYER'). */
  readonly code?: string;
  constructor(message: string, options: { uri?: string; code?: string } = {}) {
    super(options.uri ? `${options.uri}: ${message}` : message);
    this.name = 'AuditInputError';
    this.uri = options.uri;
    if (options.code !== undefined) this.code = options.code;
  }
}
