import { describe, expect, it } from 'vitest';
import { DomainError, ruleRefusal } from '../../shared/contract/result.js';
import { errorForThread, errorFromThread } from '../../main/jobs/thread-error.js';

// What crosses a thread is what structured clone keeps: the test clones as postMessage would.
const across = (error: unknown) => errorFromThread(structuredClone(errorForThread(error)), 'The checking thread failed');

describe('errors across threads', () => {
  it('a business refusal arrives as the same DomainError, with its fields and rule', () => {
    const sent = ruleRefusal('importEmptyFile', 'The file is empty.');
    const got = across(sent);
    expect(got).toBeInstanceOf(DomainError);
    expect(got).toMatchObject({ code: sent.code, message: 'The file is empty.', rule: sent.rule });
    const withIssues = across(new DomainError('validation', 'Row 3 is wrong', [{ path: 'rows.3.cases', message: 'Cannot be negative' }]));
    expect((withIssues as DomainError).issues).toEqual([{ path: 'rows.3.cases', message: 'Cannot be negative' }]);
  });

  it('any other error says where it happened and keeps the stack for the log', () => {
    const got = across(new TypeError('x is undefined'));
    expect(got).not.toBeInstanceOf(DomainError);
    expect(got.message).toBe('The checking thread failed: x is undefined');
    expect(got.stack).toContain('thread-error.test.ts');
    expect(errorFromThread(errorForThread('plain text')).message).toBe('plain text');
  });
});
