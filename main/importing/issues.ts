import type { z } from 'zod';
import type { ImportIssueCode, ImportIssueParams } from '../../shared/contract/importing.js';

export interface RowIssue {
  field: string;
  code: ImportIssueCode;
  params: ImportIssueParams;
}

/**
 * The rules the draft schemas state with a custom message, by that message: the importer reports them as
 * codes the renderer words in the user's language. A rule not listed here is reported as 'invalid'.
 */
const CUSTOM_RULES: Record<string, ImportIssueCode> = {
  'Choose exactly one supplier: a sub-dealer or a distributor': 'one_supplier',
  'Each month once': 'month_twice',
  'Pick at least one peak month': 'peak_months_count',
  'At least one month must be off-season': 'peak_months_count',
  'Arrives before it ships': 'arrives_before_ship',
  'A week starts on a Monday': 'not_monday',
  'Say why they said no': 'reason_needed',
  'The next step comes after the visit': 'next_before_visit',
  'Each competitor once': 'competitor_twice',
};

/** Turns one zod issue on a draft into a code with the limits it names (what would be accepted). */
export function issueFromZod(issue: z.core.$ZodIssue, field: string, input: unknown): RowIssue {
  const base = { field };
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return { ...base, code: 'required', params: {} };
      if (issue.origin === 'array') return { ...base, code: CUSTOM_RULES[issue.message] ?? 'required', params: {} };
      return { ...base, code: 'too_small', params: { min: Number(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string') return { ...base, code: 'too_long', params: { max: Number(issue.maximum) } };
      if (issue.origin === 'array')
        return { ...base, code: CUSTOM_RULES[issue.message] ?? 'too_big', params: { max: Number(issue.maximum) } };
      return { ...base, code: 'too_big', params: { max: Number(issue.maximum) } };
    case 'invalid_type':
      if (input === undefined || input === null) return { ...base, code: 'required', params: {} };
      return { ...base, code: issue.expected === 'int' ? 'not_whole' : 'invalid', params: {} };
    case 'invalid_value':
      return { ...base, code: 'not_one_of', params: { values: issue.values.map(String) } };
    case 'invalid_union': {
      // relationshipLevel is 1 | 2 | 3: each branch names the value it wanted.
      const values = issue.errors.flat().flatMap((e) => (e.code === 'invalid_value' ? e.values.map(String) : []));
      return { ...base, code: values.length ? 'not_one_of' : 'invalid', params: values.length ? { values } : {} };
    }
    case 'invalid_format':
      if (issue.format === 'email') return { ...base, code: 'bad_email', params: {} };
      if (issue.format === 'date') return { ...base, code: 'not_a_date', params: { example: '2026-03-01' } };
      if (issue.format === 'regex') return { ...base, code: 'bad_code', params: {} };
      return { ...base, code: 'invalid', params: {} };
    case 'custom':
      return { ...base, code: CUSTOM_RULES[issue.message] ?? 'invalid', params: {} };
    default:
      return { ...base, code: 'invalid', params: {} };
  }
}
