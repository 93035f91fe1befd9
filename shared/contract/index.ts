import type { z } from 'zod';
import type { MethodSpec } from './define.js';
import { networkContract } from './network.js';
import { importingContract } from './importing.js';
import { systemContract } from './system.js';
import { forecastContract } from './forecast.js';
import { readinessContract } from './readiness.js';
import { targetsContract } from './targets.js';
import { backupContract } from './backup.js';
import { accountsContract } from './accounts.js';
import { eventsContract } from './events.js';
import { developmentContract } from './development.js';
import { peopleContract } from './people.js';
import { briefContract } from './brief.js';
import { dayworkContract } from './daywork.js';
import { targetEditsContract } from './targetEdits.js';
import { adminContract } from './admin.js';
import { archiveContract } from './archive.js';
import { syncContract } from './sync.js';
import { visitPhotosContract } from './visitPhotos.js';

/**
 * The only way into the core. Electron IPC, the loopback bridge and the command line all dispatch
 * through this table, so validation cannot differ by door. Each feature adds one spread line.
 */
export const contract = {
  ...systemContract,
  ...networkContract,
  ...importingContract,
  ...forecastContract,
  ...readinessContract,
  ...targetsContract,
  ...backupContract,
  ...accountsContract,
  ...eventsContract,
  ...developmentContract,
  ...peopleContract,
  ...briefContract,
  ...dayworkContract,
  ...targetEditsContract,
  ...adminContract,
  ...archiveContract,
  ...syncContract,
  ...visitPhotosContract,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<K extends MethodName> = Contract[K] extends MethodSpec<infer I, unknown> ? z.input<I> : never;
export type MethodParsed<K extends MethodName> = Contract[K] extends MethodSpec<infer I, unknown> ? z.output<I> : never;
export type MethodResult<K extends MethodName> = Contract[K] extends MethodSpec<z.ZodType, infer R> ? R : never;

export const METHOD_NAMES = Object.freeze(Object.keys(contract)) as readonly MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** The object the renderer talks to, whichever door it came through. */
export interface PlannerApi {
  call<K extends MethodName>(method: K, input: MethodInput<K>): Promise<MethodResult<K>>;
}
