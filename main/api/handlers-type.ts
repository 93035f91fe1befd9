import type { z } from 'zod';
import type { MethodSpec } from '../../shared/contract/define.js';
import type { ServiceContext } from './context.js';

/** A feature's handlers: one function per contract entry, typed from the entry's schema and result. */
export type FeatureHandlers<C extends Record<string, MethodSpec>> = {
  [K in keyof C]: C[K] extends MethodSpec<infer I, infer R> ? (ctx: ServiceContext, input: z.output<I>) => R | Promise<R> : never;
};
