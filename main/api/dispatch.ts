import { z } from 'zod';
import { contract, isMethodName } from '../../shared/contract/index.js';
import { DomainError, type ApiError, type ApiResult, type FieldIssue } from '../../shared/contract/result.js';
import type { ServiceContext } from './context.js';
import { issueFromZod } from '../importing/issues.js';
import { handlers } from './handlers.js';
import { QUERY_THREAD_METHODS } from './query-thread.js';
import { prepareOffThread } from './off-thread.js';
import { tableVersions } from '../db/table-versions.js';
import { authorizeRole, authorizeScope } from '../people/enforce.js';
import { recordCall } from '../people/history.js';
import { FROZEN_GUARDS, type FrozenGuard } from '../people/frozen.js';
import { authorizeRead, visibleRegions } from '../people/readScope.js';

type AnyHandler = (ctx: ServiceContext, input: unknown) => unknown;

/**
 * The one entry point every door uses: look the method up, validate the input against its schema,
 * check the acting person's permission (shared/contract/permissions.ts), run the handler with the
 * history recording who changed what, and turn every failure into data the user can read. Nothing
 * thrown escapes.
 */
export async function dispatch(ctx: ServiceContext, method: unknown, rawInput: unknown): Promise<ApiResult<unknown>> {
  // A desktop with a sync engine (main/sync/engine.ts) runs, queues or refuses the call there.
  return ctx.sync ? ctx.sync.route(ctx, method, rawInput) : dispatchCore(ctx, method, rawInput);
}

/** The dispatch itself, without the sync engine in front (the engine and the team server call it). */
export async function dispatchCore(ctx: ServiceContext, method: unknown, rawInput: unknown): Promise<ApiResult<unknown>> {
  if (!isMethodName(method)) {
    return fail({ code: 'unknown_method', message: `Unknown method: ${String(method).slice(0, 80)}` });
  }
  try {
    authorizeRole(ctx.actor, method);
  } catch (error) {
    return fail(toApiError(error));
  }
  const parsed = contract[method].input.safeParse(rawInput ?? {});
  if (!parsed.success) return fail(validationError(parsed.error));
  try {
    authorizeScope(ctx.db, ctx.actor, method, parsed.data);
    if (!contract[method].mutates) authorizeRead(ctx.db, ctx.actor, method, parsed.data);
    (FROZEN_GUARDS[method] as FrozenGuard | undefined)?.(ctx.db, parsed.data, visibleRegions(ctx.actor));
  } catch (error) {
    return fail(toApiError(error));
  }
  if (ctx.queries && QUERY_THREAD_METHODS.has(method)) return ctx.queries.call(method, parsed.data, tableVersions(ctx.db), ctx.actor);
  try {
    const handler = handlers[method] as AnyHandler;
    // Prepared before the call is recorded: another call may run while it waits for the query thread.
    const preparedWrite = contract[method].mutates ? await prepareOffThread(ctx, method) : undefined;
    const value = contract[method].mutates
      ? await recordCall(ctx.db, ctx.actor, method, parsed.data, preparedWrite ?? (() => handler(ctx, parsed.data)))
      : await handler(ctx, parsed.data);
    return { ok: true, value };
  } catch (error) {
    return fail(toApiError(error));
  }
}

/**
 * The same codes the importer gives a refused cell (main/importing/issues.ts), so a form's field says
 * what is accepted in the user's language; the English message stays for the command line.
 */
function fieldIssueCode(issue: z.core.$ZodIssue): Pick<FieldIssue, 'code' | 'params'> {
  // Issues do not carry the input: zod's own message says when nothing was given.
  const missing = issue.code === 'invalid_type' && /received (undefined|null)/.test(issue.message);
  const coded = issueFromZod(issue, '', missing ? undefined : '');
  if (coded.code === 'too_small' && issue.code === 'too_small' && issue.origin === 'string')
    return { code: 'too_short', params: coded.params };
  return { code: coded.code, params: coded.params };
}

export function validationError(error: z.ZodError): ApiError {
  const issues: FieldIssue[] = error.issues.slice(0, 50).map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
    ...fieldIssueCode(issue),
  }));
  const first = issues[0];
  return {
    code: 'validation',
    message: first ? `${first.path}: ${first.message}` : 'Invalid input',
    issues,
  };
}

/** Maps known failures to user messages; anything else is an internal error with no stack or SQL. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof DomainError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.issues ? { issues: error.issues } : {}),
      ...(error.rule ? { rule: error.rule } : {}),
    };
  }
  if (error instanceof z.ZodError) return validationError(error);
  // A call that arrives while a restore has the connection closed for a moment.
  if (error instanceof TypeError && /database connection is not open/.test(error.message)) return busyError();
  const sqliteCode = (error as { code?: unknown })?.code;
  if (typeof sqliteCode === 'string') {
    // Extended codes too: SQLITE_BUSY_SNAPSHOT (another program wrote while a long import read) and
    // SQLITE_BUSY_RECOVERY / SQLITE_LOCKED_SHAREDCACHE all mean "try again", not "something broke".
    if (/^SQLITE_(BUSY|LOCKED)(_|$)/.test(sqliteCode)) {
      return busyError();
    }
    if (sqliteCode.startsWith('SQLITE_CONSTRAINT')) {
      return { code: 'conflict', ...constraintMessage(sqliteCode, String((error as Error).message)) };
    }
  }
  // Logged for the developer; the user gets a plain sentence.
  console.error('[planner] internal error:', error);
  return { code: 'internal', message: 'Something went wrong inside the planner; nothing was changed.', rule: { code: 'internalError' } };
}

function busyError(): ApiError {
  return {
    code: 'busy',
    message: 'The database is busy with another program (an import or a second window). Try again in a moment.',
    rule: { code: 'databaseBusy' },
  };
}

/** A refused write's words, with the rule the screens word in the person's language. */
function constraintMessage(code: string, message: string): Pick<ApiError, 'message' | 'rule'> {
  if (code === 'SQLITE_CONSTRAINT_UNIQUE') {
    const column = /UNIQUE constraint failed: \w+\.(\w+)/.exec(message)?.[1];
    return column
      ? { message: `Another record already uses this ${column}.`, rule: { code: 'duplicateValue', params: { column } } }
      : { message: 'A record with the same code already exists.', rule: { code: 'duplicateCode' } };
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
    return {
      message: 'This record is still referenced by others, or refers to one that does not exist.',
      rule: { code: 'stillReferenced' },
    };
  return { message: 'The change breaks a rule of the data and was not saved.', rule: { code: 'dataRule' } };
}

function fail(error: ApiError): ApiResult<never> {
  return { ok: false, error };
}
