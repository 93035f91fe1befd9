/**
 * Results cross every door as data, never as thrown exceptions, so the renderer can show the user a
 * message and the field it concerns. The error never carries a stack or SQL.
 */
export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'in_use'
  | 'busy'
  | 'unknown_method'
  | 'cancelled'
  | 'import_rejected'
  | 'forbidden'
  | 'internal';

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `leadTimeDays` or `rows.3.code`. */
  path: string;
  message: string;
  /** The rule as a code with its limits, for the renderer to word in the user's language (words:fieldIssue.<code>). */
  code?: string;
  params?: Record<string, string | number | string[]>;
}

/**
 * A business rule that refused the call, as a code with parameters: the renderer words it in the
 * user's language (rules:refusal.<code>); `message` keeps the English for the command line.
 */
export interface RuleRefusal {
  code: string;
  params?: Record<string, string | number>;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
  rule?: RuleRefusal;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** A failure a service raises on purpose; the dispatcher turns it into `{ ok: false }`. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
    readonly rule?: RuleRefusal,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A business rule's refusal: English for the command line, a code the screens translate, the field it concerns. */
export function ruleRefusal(
  rule: string,
  message: string,
  params: Record<string, string | number> = {},
  field?: { path: string; message: string },
): DomainError {
  return new DomainError('validation', message, field ? [field] : undefined, { code: rule, params });
}

/**
 * A refusal of another kind than a validation (a conflict, a record not found, a forbidden or busy
 * call), worded like a rule's: a code the screens translate (rules:refusal.<rule>), the English for
 * the command line, and the fields it concerns.
 */
export function refusal(
  kind: ErrorCode,
  rule: string,
  message: string,
  params: Record<string, string | number> = {},
  issues?: FieldIssue[],
): DomainError {
  return new DomainError(kind, message, issues, { code: rule, params });
}
