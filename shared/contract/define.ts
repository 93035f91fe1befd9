import type { z } from 'zod';

/**
 * One API method as both processes agree on it: the zod schema of its input (the single source of
 * validation for every door) and, as a phantom type, its result. `mutates` tells the renderer which
 * calls must invalidate cached queries.
 */
export interface MethodSpec<I extends z.ZodType = z.ZodType, R = unknown> {
  readonly input: I;
  readonly mutates: boolean;
  /** Never set at runtime: carries the result type for inference only. */
  readonly result?: R;
}

export function query<R>() {
  return <I extends z.ZodType>(input: I): MethodSpec<I, R> => ({ input, mutates: false });
}

export function mutation<R>() {
  return <I extends z.ZodType>(input: I): MethodSpec<I, R> => ({ input, mutates: true });
}

export type ContractShape = Record<string, MethodSpec>;
