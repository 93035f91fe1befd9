import { z } from 'zod';
import { mutation, query } from './define.js';
import type { Actor } from './people.js';
import type { ErrorCode, RuleRefusal } from './result.js';

/**
 * A desktop's link to a team server (SYNC-DESIGN.md). `solo` = never connected: the desktop works
 * exactly as before. The shell shows `state`; the refusals are calls the server would not run.
 */
export type SyncState = 'solo' | 'synced' | 'pending' | 'offline' | 'refused' | 'syncing';

export interface SyncStatus {
  state: SyncState;
  serverUrl: string | null;
  person: Actor | null;
  /** Changes made here that the server has not answered yet. */
  pending: number;
  /** ISO time of the first failed attempt since the last success; null when reachable. */
  offlineSince: string | null;
  lastSyncAt: string | null;
  /** Refusals not yet acknowledged. */
  refusals: number;
  /** The first sync's job while it runs (progress through `job.status`). */
  jobId: number | null;
  /** Why the last attempt failed, in words (certificate changed, session expired, server unreachable). */
  lastError: string | null;
}

export interface SyncRefusal {
  seq: number;
  method: string;
  /** The change in words (method and main fields). */
  summary: string;
  /** The server's message. */
  message: string;
  /** The server's error code and, when a business rule refused it, the rule: worded in the person's language. */
  code?: ErrorCode;
  rule?: RuleRefusal;
  /** When the change was made (ISO). */
  at: string;
}

const serverUrl = z
  .string()
  .trim()
  .max(300)
  .regex(/^https:\/\/[^\s/]+(:\d+)?\/?$/, 'Use an address like https://server:8443');
const fingerprint = z
  .string()
  .trim()
  .regex(/^([0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}$/, 'A SHA-256 fingerprint like AB:CD:...');

export const syncContract = {
  'sync.status': query<SyncStatus>()(z.strictObject({})),
  /** Reads the server's certificate without trusting it: the person compares the fingerprint. */
  'sync.probe': query<{ fingerprint: string; serverUrl: string }>()(z.strictObject({ serverUrl })),
  /** Pins the fingerprint, signs in, and starts the first sync (a job; status.jobId). */
  'sync.connect': mutation<SyncStatus>()(
    z.strictObject({ serverUrl, fingerprint, personCode: z.string().trim().min(1).max(32), password: z.string().min(1).max(200) }),
  ),
  'sync.now': mutation<SyncStatus>()(z.strictObject({})),
  /** Stops syncing; the file and its data stay. */
  'sync.disconnect': mutation<SyncStatus>()(z.strictObject({})),
  'sync.refusals': query<SyncRefusal[]>()(z.strictObject({})),
  'sync.acknowledge': mutation<{ acknowledged: true }>()(z.strictObject({ seq: z.int().min(1) })),
} as const;
