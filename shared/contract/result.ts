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
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** A failure a service raises on purpose; the dispatcher turns it into `{ ok: false }`. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
