import type { ImportRowError } from '../../shared/contract/importing.js';
import type { RowIssue } from './issues.js';

/** Errors listed in a report; the rest are counted. A person fixes a sheet from the first hundreds. */
export const MAX_LISTED_ERRORS = 500;
/** Row plans listed per action; the counts are always complete. */
export const MAX_LISTED_PLANS = { update: 1000, new: 200, unchanged: 200 } as const;

/**
 * A refused row's problems as the report lists them: in the order of the file's columns (as the
 * user reads the row), each naming its column as the file titles it and the cell's value.
 */
export function rowErrors(
  line: number,
  row: readonly string[],
  issues: RowIssue[],
  mapping: Record<string, number | null>,
  columnName: (fieldKey: string) => string,
): ImportRowError[] {
  const indexOf = (e: RowIssue) => mapping[e.field.split('.')[0]!];
  return [...issues]
    .sort((a, b) => (indexOf(a) ?? Number.MAX_SAFE_INTEGER) - (indexOf(b) ?? Number.MAX_SAFE_INTEGER))
    .map((e) => {
      const index = indexOf(e);
      return {
        line,
        column: columnName(e.field),
        field: e.field,
        value: index === null || index === undefined ? '' : String(row[index] ?? '').slice(0, 80),
        code: e.code,
        params: e.params,
      };
    });
}
