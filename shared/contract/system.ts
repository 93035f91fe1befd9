import { z } from 'zod';
import type { RuleRefusal } from './result.js';
import { mutation, query } from './define.js';
import { id } from './fields.js';

export const LANGUAGES = ['en', 'zh', 'es', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEMO_SCALES = ['S', 'M', 'L', 'XL'] as const;
export type DemoScale = (typeof DEMO_SCALES)[number];

/**
 * The command line's `seed-demo` options, validated like any contract input (the app's `demo.seed`
 * offers only S and M; the command line also generates the benchmark scales).
 */
export const demoSeedOptions = z.strictObject({
  scale: z.enum(DEMO_SCALES),
  seed: z.coerce
    .number()
    .int('A whole number')
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
  forecast: z.boolean(),
});

export interface AppInfo {
  version: string;
  schemaVersion: number;
  databasePath: string;
  door: 'electron' | 'browser' | 'cli';
}

export interface Preferences {
  language: Language | null;
}

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';
export interface JobStatus {
  id: number;
  kind: string;
  state: JobState;
  /** 0..1 */
  progress: number;
  message: string;
  result: unknown;
  error: string | null;
  /** When a business rule refused the work (a file refused whole): said in the user's language. */
  errorRule?: RuleRefusal;
  startedAt: string;
  finishedAt: string | null;
}

export const systemContract = {
  'app.info': query<AppInfo>()(z.strictObject({})),
  'preferences.get': query<Preferences>()(z.strictObject({})),
  'preferences.set': mutation<Preferences>()(z.strictObject({ language: z.enum(LANGUAGES).nullable() })),
  /** Fills an empty database with a generated demo region; runs as a job (progress, cancel). */
  'demo.seed': mutation<{ jobId: number }>()(z.strictObject({ scale: z.enum(['S', 'M']) })),
  'job.status': query<JobStatus>()(z.strictObject({ id })),
  'job.cancel': mutation<JobStatus>()(z.strictObject({ id })),
} as const;
