import { DomainError, type ErrorCode, type FieldIssue } from '../../shared/contract/result.js';

/**
 * A whole file refused (empty, damaged, too large, nothing imported): English for the command line,
 * and the rule's code with its numbers so the screens say it in the user's language
 * (rules:refusal.<code>), like any other business rule.
 */
export function fileRefusal(
  rule: string,
  message: string,
  params: Record<string, string | number> = {},
  code: ErrorCode = 'import_rejected',
  issues?: FieldIssue[],
): DomainError {
  return new DomainError(code, message, issues, { code: rule, params });
}
