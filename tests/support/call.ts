import { dispatch } from '../../main/api/dispatch.js';
import type { ServiceContext } from '../../main/api/context.js';
import type { MethodName, MethodResult } from '../../shared/contract/index.js';
import type { ApiError } from '../../shared/contract/result.js';

/**
 * Calls one contract method through the same `dispatch` every door uses and returns its value, typed
 * from the contract. A refusal throws an Error carrying the ApiError, so a test reads as the user's
 * steps. Inputs stay `unknown`: tests also send what the schema must refuse.
 */
export async function call<K extends MethodName>(ctx: ServiceContext, method: K, input: unknown): Promise<MethodResult<K>> {
  const result = await dispatch(ctx, method, input);
  if (!result.ok) throw Object.assign(new Error(`${method}: ${result.error.message}`), { error: result.error });
  return result.value as MethodResult<K>;
}

/** The refusal a call must produce; fails the test when the call succeeds. */
export async function refusal(ctx: ServiceContext, method: string, input: unknown): Promise<ApiError> {
  const result = await dispatch(ctx, method, input);
  if (result.ok) throw new Error(`${method} was expected to be refused but succeeded`);
  return result.error;
}
