import { DomainError, type ErrorCode, type FieldIssue, type RuleRefusal } from '../../shared/contract/result.js';

/**
 * An error as it crosses to another thread. Structured clone keeps an Error's message but not its class, so a
 * DomainError (the user's message, the fields it names, the rule that refused) travels as its fields and is
 * rebuilt on the other side; any other error keeps its stack for the log.
 */
export type ThreadError =
  | { domain: { code: ErrorCode; message: string; issues: FieldIssue[] | undefined; rule: RuleRefusal | undefined } }
  | { message: string; stack: string | undefined };

export function errorForThread(error: unknown): ThreadError {
  if (error instanceof DomainError) return { domain: { code: error.code, message: error.message, issues: error.issues, rule: error.rule } };
  return error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error), stack: undefined };
}

/** The error to throw on the receiving side: the same DomainError, or an Error whose message may say where it happened. */
export function errorFromThread(sent: ThreadError, where?: string): Error {
  if ('domain' in sent) return new DomainError(sent.domain.code, sent.domain.message, sent.domain.issues, sent.domain.rule);
  const error = new Error(where ? `${where}: ${sent.message}` : sent.message);
  if (sent.stack) error.stack = `${error.message}\n${sent.stack}`;
  return error;
}
