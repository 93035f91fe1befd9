import { z } from 'zod';

/**
 * The team server's wire format (see SYNC-DESIGN.md, "Endpoints"): HTTPS JSON, every endpoint but
 * `connect` with `Authorization: Bearer <device token>`. Both ends validate with these schemas, so a
 * malformed body is refused before anything runs.
 */

/** A row's key as text: the integer id, or the JSON array of the key columns of a composite key. */
export const rowKey = z.string().min(1).max(400);
export const tableName = z
  .string()
  .regex(/^[a-z_][a-z0-9_]*$/)
  .max(64);
/** A client's queue position: 1, 2, 3... with no gaps. */
export const seq = z.int().min(1).max(Number.MAX_SAFE_INTEGER);
export const clientId = z.string().min(8).max(80);

const apiError = z.object({
  code: z.string().max(40),
  message: z.string().max(2000),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** The business rule that refused the call, so the desktop words it in the person's language. */
  rule: z.object({ code: z.string().max(60), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() }).optional(),
});

export const connectRequest = z.strictObject({
  personCode: z.string().trim().min(1).max(32),
  password: z.string().min(1).max(200),
  deviceName: z.string().trim().min(1).max(120),
  /** Reconnecting a desktop already known to the server (after its session expired): its queue continues. */
  clientId: z.string().min(8).max(80).optional(),
});
export type ConnectRequest = z.infer<typeof connectRequest>;

const actor = z.object({
  personId: z.int(),
  code: z.string(),
  name: z.string(),
  roles: z.array(z.enum(['administrator', 'regional_manager', 'logistics_coordinator', 'salesperson'])),
  regionIds: z.array(z.int()).nullable(),
});

export const connectResponse = z.object({
  clientId,
  /** 1..2^20: the desktop's id range is derived from it (main/sync/ids.ts). */
  clientNo: z
    .int()
    .min(1)
    .max(2 ** 20),
  token: z.string().min(16).max(200),
  person: actor,
  /** The server database's own identity, so a desktop never mixes two servers in one file. */
  serverId: z.string(),
  /** The server's change version at connect. */
  version: z.int().min(0),
  /** When the session ends (ISO). */
  expiresAt: z.string(),
});
export type ConnectResponse = z.infer<typeof connectResponse>;

/** The ids the call took, per table, in the order it took them. */
export const idsTaken = z.record(tableName, z.array(z.int()).max(100_000));

export const queueEntry = z.strictObject({
  seq,
  method: z.string().min(1).max(80),
  input: z.unknown(),
  ids: idsTaken,
  /** When the person made the change (ISO), for the record. */
  at: z.string().max(40),
});
export type QueueEntry = z.infer<typeof queueEntry>;

export const pushRequest = z.strictObject({
  clientId,
  entries: z.array(queueEntry).max(500),
});
export type PushRequest = z.infer<typeof pushRequest>;

export const entryResult = z.object({
  seq,
  ok: z.boolean(),
  error: apiError.optional(),
});
export type EntryResult = z.infer<typeof entryResult>;

export const pushResponse = z.object({ results: z.array(entryResult) });
export type PushResponse = z.infer<typeof pushResponse>;

export const tableKey = z.strictObject({ tbl: tableName, pk: rowKey });
export type TableKey = z.infer<typeof tableKey>;

/** A row as its columns; `null` = the row does not exist (deleted, or never reached the server). */
export const rowState = z.object({ tbl: tableName, pk: rowKey, row: z.record(z.string(), z.unknown()).nullable() });
export type RowState = z.infer<typeof rowState>;

export const pullRequest = z.strictObject({
  clientId,
  cursor: z.int().min(0),
  touched: z.array(tableKey).max(50_000),
  /** At most this many changes in one answer; `more` says whether to ask again. */
  limit: z.int().min(1).max(50_000).optional(),
  /** Results of this client's entries with a higher seq are returned (default: none but newer than lastSeq). */
  resultsAfter: z.int().min(0).optional(),
});
export type PullRequest = z.infer<typeof pullRequest>;

export const pullResponse = z.object({
  cursor: z.int().min(0),
  changes: z.array(rowState),
  touched: z.array(rowState),
  /** The last queue entry of this client the server has run. */
  lastSeq: z.int().min(0),
  /** The results of this client's entries not yet acknowledged (all with seq <= lastSeq the desktop still holds). */
  results: z.array(entryResult),
  more: z.boolean(),
  /**
   * The person as the server knows them now: an administrator may have changed their roles or
   * regions since the desktop connected, and the desktop's replica must follow (optional: a server
   * of an earlier version does not say).
   */
  person: actor.optional(),
});
export type PullResponse = z.infer<typeof pullResponse>;

export const snapshotRequest = z.strictObject({
  clientId,
  tbl: tableName,
  /** The last key of the previous page (its sort key as text), or null for the first page. */
  after: z.string().max(400).nullable(),
  limit: z.int().min(1).max(10_000),
});
export type SnapshotRequest = z.infer<typeof snapshotRequest>;

export const snapshotResponse = z.object({
  rows: z.array(z.record(z.string(), z.unknown())),
  next: z.string().nullable(),
});
export type SnapshotResponse = z.infer<typeof snapshotResponse>;

/** Where a first sync begins: the tables to page through and the version the log continues from. */
export const snapshotStartRequest = z.strictObject({ clientId });
export const snapshotStartResponse = z.object({
  version: z.int().min(0),
  tables: z.array(tableName),
  /** The person whose scope the snapshot's pages are read in (see pullResponse.person). */
  person: actor.optional(),
});
export type SnapshotStartResponse = z.infer<typeof snapshotStartResponse>;

export const callRequest = z.strictObject({ method: z.string().min(1).max(80), input: z.unknown() });
export type CallRequest = z.infer<typeof callRequest>;

export const SYNC_PATHS = {
  connect: '/api/sync/connect',
  push: '/api/sync/push',
  pull: '/api/sync/pull',
  snapshotStart: '/api/sync/snapshot-start',
  snapshot: '/api/sync/snapshot',
  call: '/api/call',
} as const;
