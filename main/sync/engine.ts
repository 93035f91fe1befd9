import { hostname } from 'node:os';
import type { z } from 'zod';
import { contract, isMethodName } from '../../shared/contract/index.js';
import type { Actor } from '../../shared/contract/people.js';
import type { ApiError, ApiResult, ErrorCode, RuleRefusal } from '../../shared/contract/result.js';
import type { SyncRefusal, SyncStatus } from '../../shared/contract/sync.js';
import {
  connectResponse,
  pullResponse,
  pushResponse,
  snapshotResponse,
  snapshotStartResponse,
  SYNC_PATHS,
  type EntryResult,
  type PullResponse,
  type QueueEntry,
  type TableKey,
} from '../../shared/sync/protocol.js';
import type { ServiceContext } from '../api/context.js';
import { dispatchCore } from '../api/dispatch.js';
import { withIds } from '../db/ids.js';
import { createBackup } from '../backup/service.js';
import { nowIso, prepared, type Db } from '../db/open.js';
import { withActor } from '../people/actor.js';
import { silenceHistory } from '../people/history.js';
import { applyRowState, clearReplica, writeRow } from './apply.js';
import { postJson, probeFingerprint, SyncTransportError } from './client.js';
import { DesktopIds } from './ids.js';
import { refusedMessage, refusedRule, syncMode } from './methods.js';
import { keySql, SYNCED_BY_NAME, SYNCED_TABLES } from './tables.js';
import { repackForecastDemand } from '../forecast/demand-packs.js';

export interface Link {
  serverUrl: string;
  fingerprint: string;
  serverId: string;
  clientId: string;
  clientNo: number;
  token: string;
  person: Actor;
  cursor: number;
  nextSeq: number;
  ready: boolean;
  lastSyncAt: string | null;
  offlineSince: string | null;
  lastError: string | null;
}

interface LinkRow {
  server_url: string;
  fingerprint: string;
  server_id: string;
  client_id: string;
  client_no: number;
  token: string;
  person: string;
  cursor: number;
  next_seq: number;
  ready: number;
  last_sync_at: string | null;
  offline_since: string | null;
  last_error: string | null;
}

export function readLink(db: Db): Link | null {
  const row = prepared(db, 'SELECT * FROM sync_link WHERE id = 1 AND stopped = 0').get() as LinkRow | undefined;
  if (!row) return null;
  return {
    serverUrl: row.server_url,
    fingerprint: row.fingerprint,
    serverId: row.server_id,
    clientId: row.client_id,
    clientNo: row.client_no,
    token: row.token,
    person: JSON.parse(row.person) as Actor,
    cursor: row.cursor,
    nextSeq: row.next_seq,
    ready: row.ready === 1,
    lastSyncAt: row.last_sync_at,
    offlineSince: row.offline_since,
    lastError: row.last_error,
  };
}

/** A one-at-a-time lock: local calls and the application of a pull never interleave. */
class Mutex {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(task: () => Promise<T> | T): Promise<T> {
    const next = this.tail.then(task, task);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

const PUSH_BATCH = 500;
const SNAPSHOT_PAGE = 2000;

export interface EngineOptions {
  /** Seconds between background syncs while everything is fine (default 30). */
  intervalMs?: number;
  /** Longest wait between attempts while the server is unreachable (default 5 minutes). */
  maxBackoffMs?: number;
}

/**
 * The desktop side of the team server (SYNC-DESIGN.md). Sits in front of `dispatch` for every door:
 * on a connected desktop a syncable call runs here at once and is queued in the same local
 * transaction, with the rows it wrote recorded by TEMP triggers; a background loop pushes the queue
 * and pulls the server's changes. A desktop never connected passes every call straight through.
 */
export class SyncEngine {
  private readonly mutex = new Mutex();
  private installedOn: Db | null = null;
  private round: Promise<SyncStatus> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private backoffMs = 0;
  private running = false;
  firstSyncJob: number | null = null;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly options: EngineOptions = {},
  ) {}

  get db(): Db {
    return this.ctx.db;
  }

  link(): Link | null {
    return readLink(this.db);
  }

  /** The door every call goes through (dispatch hands over when the context has an engine). */
  async route(ctx: ServiceContext, method: unknown, input: unknown): Promise<ApiResult<unknown>> {
    const link = this.link();
    if (!link) return dispatchCore(ctx, method, input);
    // The replica keeps the server's history only (it arrives with the pulls).
    silenceHistory(this.db);
    if (typeof method === 'string' && method.startsWith('sync.')) return dispatchCore(ctx, method, input);
    // On a connected desktop the person is the one who connected it: what runs here must be what the
    // server will accept from them.
    const asPerson = withActor(ctx, link.person, ctx.session);
    const mode = syncMode(method as string);
    if (mode === 'query' || mode === 'local') return dispatchCore(asPerson, method, input);
    if (mode === 'refused' || mode === 'server') {
      return {
        ok: false,
        error: { code: 'forbidden', message: refusedMessage(method as string), rule: refusedRule(method as string) },
      };
    }
    const result = await this.mutex.run(() => this.runAndQueue(asPerson, link, method as string, input));
    if (result.ok) this.soon();
    return result;
  }

  private installTouchTriggers(): void {
    if (this.installedOn === this.db) return;
    const db = this.db;
    db.exec('CREATE TEMP TABLE IF NOT EXISTS sync_current (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL)');
    for (const t of SYNCED_TABLES) {
      // No OR IGNORE: an outer statement's own conflict clause would override it (SQLite's rule).
      const touch = (row: 'NEW' | 'OLD') =>
        `INSERT INTO main.sync_touched (seq, tbl, pk) SELECT c.seq, '${t.name}', ${keySql(t, row)} FROM temp.sync_current c
         WHERE NOT EXISTS (SELECT 1 FROM main.sync_touched x WHERE x.seq = c.seq AND x.tbl = '${t.name}' AND x.pk = ${keySql(t, row)});`;
      const when = 'WHEN EXISTS (SELECT 1 FROM temp.sync_current)';
      db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS sync_touch_${t.name}_i AFTER INSERT ON main.${t.name} ${when} BEGIN ${touch('NEW')} END`);
      db.exec(
        `CREATE TEMP TRIGGER IF NOT EXISTS sync_touch_${t.name}_u AFTER UPDATE ON main.${t.name} ${when} BEGIN ${touch('OLD')} ${touch('NEW')} END`,
      );
      db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS sync_touch_${t.name}_d AFTER DELETE ON main.${t.name} ${when} BEGIN ${touch('OLD')} END`);
    }
    this.installedOn = db;
  }

  /** Runs the call here and appends it to the queue, in one local transaction. */
  private async runAndQueue(ctx: ServiceContext, link: Link, method: string, input: unknown): Promise<ApiResult<unknown>> {
    this.installTouchTriggers();
    const db = this.db;
    const seq = (prepared(db, 'SELECT next_seq FROM sync_link WHERE id = 1').pluck().get() as number) ?? link.nextSeq;
    const ids = new DesktopIds(db, link.clientNo);
    db.exec('BEGIN IMMEDIATE');
    try {
      prepared(db, 'INSERT INTO temp.sync_current (id, seq) VALUES (1, ?)').run(seq);
      let result: ApiResult<unknown>;
      try {
        result = await withIds(ids, () => dispatchCore(ctx, method, input));
      } finally {
        prepared(db, 'DELETE FROM temp.sync_current').run();
      }
      if (!result.ok) {
        db.exec('ROLLBACK');
        return result;
      }
      const parsed = isMethodName(method) ? contract[method].input.safeParse(input ?? {}) : null;
      prepared(db, 'INSERT INTO sync_queue (seq, method, input, ids, summary, at) VALUES (?, ?, ?, ?, ?, ?)').run(
        seq,
        method,
        JSON.stringify(input ?? {}),
        JSON.stringify(ids.taken),
        summarise(method, parsed?.success ? parsed.data : input),
        nowIso(),
      );
      prepared(db, 'UPDATE sync_link SET next_seq = ? WHERE id = 1').run(seq + 1);
      db.exec('COMMIT');
      return result;
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }

  // ---- status -------------------------------------------------------------------------------

  status(): SyncStatus {
    const link = readLink(this.db);
    const refusals = prepared(this.db, 'SELECT count(*) FROM sync_refusals WHERE acknowledged = 0').pluck().get() as number;
    if (!link) {
      return {
        state: 'solo',
        serverUrl: null,
        person: null,
        pending: 0,
        offlineSince: null,
        lastSyncAt: null,
        refusals,
        jobId: null,
        lastError: null,
      };
    }
    const pending = prepared(this.db, 'SELECT count(*) FROM sync_queue').pluck().get() as number;
    const jobRunning = this.firstSyncJob !== null && this.jobRunning(this.firstSyncJob);
    const state: SyncStatus['state'] =
      this.running || jobRunning || !link.ready
        ? 'syncing'
        : refusals > 0
          ? 'refused'
          : link.offlineSince || link.lastError
            ? 'offline'
            : pending > 0
              ? 'pending'
              : 'synced';
    return {
      state,
      serverUrl: link.serverUrl,
      person: link.person,
      pending,
      offlineSince: link.offlineSince,
      lastSyncAt: link.lastSyncAt,
      refusals,
      jobId: jobRunning ? this.firstSyncJob : null,
      lastError: link.lastError,
    };
  }

  private jobRunning(id: number): boolean {
    try {
      return this.ctx.jobs.status(id).state === 'running';
    } catch {
      return false;
    }
  }

  refusals(): SyncRefusal[] {
    const rows = prepared(
      this.db,
      'SELECT seq, method, summary, message, code, rule, at FROM sync_refusals WHERE acknowledged = 0 ORDER BY seq',
    ).all() as Array<Omit<SyncRefusal, 'code' | 'rule'> & { code: string | null; rule: string | null }>;
    return rows.map(({ code, rule, ...r }) => ({
      ...r,
      ...(code ? { code: code as ErrorCode } : {}),
      ...(rule ? { rule: JSON.parse(rule) as RuleRefusal } : {}),
    }));
  }

  acknowledge(seq: number): void {
    prepared(this.db, 'UPDATE sync_refusals SET acknowledged = 1 WHERE seq = ?').run(seq);
  }

  // ---- connecting ---------------------------------------------------------------------------

  probe(serverUrl: string): Promise<string> {
    return probeFingerprint(serverUrl);
  }

  /**
   * Signs in with the pinned certificate and records the link. The first sync then loads the
   * server's copy (`firstSync`); `background` runs it as a job with progress.
   */
  async connect(
    input: { serverUrl: string; fingerprint: string; personCode: string; password: string },
    background = true,
  ): Promise<SyncStatus> {
    const serverUrl = input.serverUrl.replace(/\/$/, '');
    const fingerprint = input.fingerprint.toUpperCase();
    const existing = prepared(this.db, 'SELECT client_id, server_id, server_url FROM sync_link WHERE id = 1').get() as
      { client_id: string; server_id: string; server_url: string } | undefined;
    const answer = await postJson(
      serverUrl,
      fingerprint,
      SYNC_PATHS.connect,
      {
        personCode: input.personCode,
        password: input.password,
        deviceName: `${hostname()}`.slice(0, 120),
        ...(existing && existing.server_url === serverUrl ? { clientId: existing.client_id } : {}),
      },
      connectResponse,
    );
    const sameServer = existing !== undefined && existing.server_id === answer.serverId && existing.client_id === answer.clientId;
    await this.mutex.run(() => {
      this.db.transaction(() => {
        if (sameServer) {
          // A session renewed: the queue and the cursor continue (the replica is loaded again if the
          // person's regions changed meanwhile).
          prepared(
            this.db,
            'UPDATE sync_link SET token = ?, fingerprint = ?, stopped = 0, last_error = NULL, offline_since = NULL WHERE id = 1',
          ).run(answer.token, fingerprint);
          followPerson(this.db, answer.person);
        } else {
          prepared(this.db, 'DELETE FROM sync_queue').run();
          prepared(this.db, 'DELETE FROM sync_touched').run();
          prepared(this.db, 'DELETE FROM sync_link').run();
          prepared(
            this.db,
            `INSERT INTO sync_link (id, server_url, fingerprint, server_id, client_id, client_no, token, person, cursor, next_seq, ready)
             VALUES (1, ?, ?, ?, ?, ?, ?, ?, 0, 1, 0)`,
          ).run(serverUrl, fingerprint, answer.serverId, answer.clientId, answer.clientNo, answer.token, JSON.stringify(answer.person));
        }
      })();
    });
    if (!sameServer || !readLink(this.db)?.ready) {
      if (background && this.ctx.databasePath !== ':memory:') {
        this.firstSyncJob = this.ctx.jobs.start('sync.first', {});
        void this.ctx.jobs.wait(this.firstSyncJob).then(() => this.soon());
      } else {
        await firstSync(this.db, () => undefined);
      }
    }
    this.start();
    return this.status();
  }

  async disconnect(): Promise<SyncStatus> {
    await this.mutex.run(() => {
      this.db.transaction(() => {
        prepared(this.db, 'DELETE FROM sync_queue').run();
        prepared(this.db, 'DELETE FROM sync_touched').run();
        prepared(this.db, 'DELETE FROM sync_link').run();
      })();
    });
    this.stop();
    return this.status();
  }

  // ---- the loop -----------------------------------------------------------------------------

  /** Starts the background loop (doors that stay open: Electron, browser mode). */
  start(): void {
    if (this.ctx.door === 'cli' || this.timer || !this.link()) return;
    this.schedule(this.options.intervalMs ?? 30_000);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(ms: number): void {
    if (this.ctx.door === 'cli') return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.syncNow().finally(() => {
        if (!this.link()) return;
        const failed = this.link()?.offlineSince || this.link()?.lastError;
        if (failed) this.backoffMs = Math.min(this.options.maxBackoffMs ?? 300_000, Math.max(2_000, this.backoffMs * 2));
        else this.backoffMs = 0;
        this.schedule(failed ? this.backoffMs : (this.options.intervalMs ?? 30_000));
      });
    }, ms);
    this.timer.unref?.();
  }

  /** After a local change: sync shortly (changes typed in a row go in one push). */
  private soon(): void {
    if (this.timer && this.backoffMs === 0) this.schedule(300);
  }

  /** One sync round now: push the queue, pull the changes. Never throws; the outcome is in the status. */
  syncNow(): Promise<SyncStatus> {
    this.round ??= this.runRound().finally(() => {
      this.round = null;
    });
    return this.round;
  }

  private async runRound(): Promise<SyncStatus> {
    const link = this.link();
    if (!link) return this.status();
    if (this.firstSyncJob !== null && this.jobRunning(this.firstSyncJob)) return this.status();
    this.running = true;
    try {
      if (!link.ready) await firstSync(this.db, () => undefined);
      await syncRound(this.db, this.mutex);
      // the round learnt that the person's regions changed: load the replica in the new scope now
      if (this.link()?.ready === false) {
        await firstSync(this.db, () => undefined);
        await syncRound(this.db, this.mutex);
      }
    } catch (error) {
      this.recordFailure(error);
    } finally {
      this.running = false;
    }
    return this.status();
  }

  private recordFailure(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    if (!(error instanceof SyncTransportError)) console.error('[planner] sync failed:', error);
    prepared(this.db, 'UPDATE sync_link SET offline_since = coalesce(offline_since, ?), last_error = ? WHERE id = 1').run(
      nowIso(),
      message,
    );
  }
}

// ---- one round, usable from any connection (the engine, a worker, a test process) -------------

function summarise(method: string, input: unknown): string {
  const text = JSON.stringify(input, (k, v) => (/password/i.test(k) ? '•••' : v)) ?? '';
  return `${method} ${text.length > 160 ? `${text.slice(0, 160)}…` : text}`;
}

function queueEntries(db: Db, afterSeq: number, limit: number): QueueEntry[] {
  const rows = prepared(db, 'SELECT seq, method, input, ids, at FROM sync_queue WHERE seq > ? ORDER BY seq LIMIT ?').all(
    afterSeq,
    limit,
  ) as {
    seq: number;
    method: string;
    input: string;
    ids: string;
    at: string;
  }[];
  return rows.map((r) => ({
    seq: r.seq,
    method: r.method,
    input: JSON.parse(r.input) as unknown,
    ids: JSON.parse(r.ids) as Record<string, number[]>,
    at: r.at,
  }));
}

/**
 * Push every queued call (in order), then pull until the server has nothing more, applying each
 * answer in one local transaction: rows touched by calls still pending are left as they are;
 * answered calls leave the queue; refused ones are kept to show the person.
 */
export async function syncRound(db: Db, mutex?: { run<T>(task: () => T | Promise<T>): Promise<T> }): Promise<void> {
  const link = readLink(db);
  if (!link) return;
  const post = <S extends Parameters<typeof postJson>[4]>(path: string, body: unknown, schema: S) =>
    postJson(link.serverUrl, link.fingerprint, path, body, schema, link.token);
  const results = new Map<number, EntryResult>();
  let after = 0;
  for (;;) {
    const entries = queueEntries(db, after, PUSH_BATCH);
    if (!entries.length) break;
    const answer = await post(SYNC_PATHS.push, { clientId: link.clientId, entries }, pushResponse);
    for (const r of answer.results) results.set(r.seq, r);
    if (answer.results.length < entries.length) break;
    after = entries[entries.length - 1]!.seq;
  }
  const inQueue = (seq: number) => prepared(db, 'SELECT 1 FROM sync_queue WHERE seq = ?').get(seq) !== undefined;
  for (;;) {
    // The answered calls still queued: their rows are fetched fresh with this pull, then they leave.
    const ready: EntryResult[] = [...results.values()].filter((r) => inQueue(r.seq));
    const touched: TableKey[] = touchedKeys(
      db,
      ready.map((r) => r.seq),
    );
    const minPending = prepared(db, 'SELECT min(seq) FROM sync_queue').pluck().get() as number | null;
    const current = readLink(db);
    if (!current) return;
    const answer: PullResponse = await post(
      SYNC_PATHS.pull,
      { clientId: link.clientId, cursor: current.cursor, touched, resultsAfter: Math.max(0, (minPending ?? current.nextSeq) - 1) },
      pullResponse,
    );
    const apply = () => applyPull(db, answer, ready);
    if (mutex) await mutex.run(apply);
    else apply();
    // Results the push did not bring (its answer was lost): their rows come with the next pull.
    let late = 0;
    for (const r of answer.results) {
      if (!results.has(r.seq) && inQueue(r.seq)) {
        results.set(r.seq, r);
        late += 1;
      }
    }
    if (!answer.more && late === 0) break;
    // the person's regions changed: what follows comes with the first sync in the new scope
    if (!readLink(db)?.ready) break;
  }
}

function touchedKeys(db: Db, seqs: number[]): TableKey[] {
  if (!seqs.length) return [];
  return prepared(db, 'SELECT DISTINCT tbl, pk FROM sync_touched WHERE seq IN (SELECT value FROM json_each(?))').all(
    JSON.stringify(seqs),
  ) as TableKey[];
}

function applyPull(db: Db, answer: PullResponse, resolved: EntryResult[]): void {
  const resolvedSeqs = new Set(resolved.map((r) => r.seq));
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      const pendingKeys = new Set(
        (
          prepared(db, 'SELECT t.tbl, t.pk, t.seq FROM sync_touched t JOIN sync_queue q ON q.seq = t.seq').all() as (TableKey & {
            seq: number;
          })[]
        )
          .filter((k) => !resolvedSeqs.has(k.seq))
          .map((k) => `${k.tbl}\u0000${k.pk}`),
      );
      for (const state of [...answer.changes, ...answer.touched]) {
        if (!SYNCED_BY_NAME.has(state.tbl) || pendingKeys.has(`${state.tbl}\u0000${state.pk}`)) continue;
        applyRowState(db, state);
      }
      for (const r of resolved) {
        const entry = prepared(db, 'SELECT method, summary, at FROM sync_queue WHERE seq = ?').get(r.seq) as
          { method: string; summary: string; at: string } | undefined;
        if (!entry) continue;
        if (!r.ok) {
          prepared(
            db,
            'INSERT OR REPLACE INTO sync_refusals (seq, method, summary, message, code, rule, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
          ).run(
            r.seq,
            entry.method,
            entry.summary,
            refusalText(r.error),
            r.error?.code ?? null,
            r.error?.rule ? JSON.stringify(r.error.rule) : null,
            entry.at,
          );
        }
        prepared(db, 'DELETE FROM sync_queue WHERE seq = ?').run(r.seq);
        prepared(db, 'DELETE FROM sync_touched WHERE seq = ?').run(r.seq);
      }
      // forecast rows from the server unpacked their distributors: whole-network readers read packs
      if ([...answer.changes, ...answer.touched].some((state) => state.tbl === 'forecast_values')) repackForecastDemand(db);
      if (answer.person) followPerson(db, answer.person);
      prepared(
        db,
        'UPDATE sync_link SET cursor = max(cursor, ?), last_sync_at = ?, offline_since = NULL, last_error = NULL WHERE id = 1',
      ).run(answer.cursor, nowIso());
    })();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/** The regions a person's replica holds, comparable: null (every region) or the sorted ids. */
const scopeOf = (person: Actor) => (person.regionIds === null ? 'all' : [...person.regionIds].sort((a, b) => a - b).join(','));

/**
 * An administrator changed the person's roles or regions on the server: the desktop acts as the
 * person is now (its own checks use `link.person`), and when their regions changed, the replica
 * holds the wrong rows (the old region's, none of the new one's that did not change since), so it
 * is loaded again (`ready = 0`: the round's next step is a first sync in the new scope).
 */
function followPerson(db: Db, person: Actor): void {
  const link = readLink(db);
  if (!link || JSON.stringify(link.person) === JSON.stringify(person)) return;
  prepared(db, 'UPDATE sync_link SET person = ? WHERE id = 1').run(JSON.stringify(person));
  if (scopeOf(link.person) !== scopeOf(person)) prepared(db, 'UPDATE sync_link SET ready = 0 WHERE id = 1').run();
}

function refusalText(error: Pick<ApiError, 'message'> | undefined): string {
  const message = error?.message ?? 'The team server refused this change.';
  return `${message} It was undone on this desktop.`;
}

/**
 * The first sync: a copy of this file is taken, the synced tables are emptied, and the server's rows
 * in the person's scope are loaded page by page; then the change log continues from the version the
 * snapshot started at (rows written meanwhile arrive again, which is harmless: writes are upserts).
 */
export async function firstSync(
  db: Db,
  progress: (fraction: number, message: string) => void,
  checkCancelled: () => void = () => undefined,
): Promise<{ rows: number }> {
  const link = readLink(db);
  if (!link) throw new SyncTransportError('refused', 'This desktop is not connected to a team server.', 0, { code: 'teamNotConnected' });
  const post = <S extends Parameters<typeof postJson>[4]>(path: string, body: unknown, schema: S) =>
    postJson(link.serverUrl, link.fingerprint, path, body, schema, link.token);
  const start = await post(SYNC_PATHS.snapshotStart, { clientId: link.clientId }, snapshotStartResponse);
  // the pages come in the scope the server knows now: the desktop acts as that person from here
  if (start.person) prepared(db, 'UPDATE sync_link SET person = ? WHERE id = 1').run(JSON.stringify(start.person));
  // What this file held before it joined the team is kept as a backup (Settings → Backups).
  const hadData = db.prepare('SELECT 1 FROM regions LIMIT 1').get() !== undefined;
  if (hadData && link.cursor === 0 && db.name !== ':memory:') await createBackup(db, db.name, 'manual');
  db.pragma('foreign_keys = OFF');
  let rows = 0;
  try {
    db.transaction(() => clearReplica(db))();
    for (const [index, tbl] of start.tables.entries()) {
      const t = SYNCED_BY_NAME.get(tbl);
      if (!t) continue;
      progress(index / start.tables.length, tbl);
      let after: string | null = null;
      do {
        checkCancelled();
        const page: z.output<typeof snapshotResponse> = await post(
          SYNC_PATHS.snapshot,
          { clientId: link.clientId, tbl, after, limit: SNAPSHOT_PAGE },
          snapshotResponse,
        );
        db.transaction(() => {
          for (const row of page.rows) writeRow(db, t, row);
        })();
        rows += page.rows.length;
        after = page.next;
      } while (after !== null);
    }
    db.transaction(() => repackForecastDemand(db))();
    prepared(db, 'UPDATE sync_link SET cursor = ?, ready = 1, last_sync_at = ?, offline_since = NULL, last_error = NULL WHERE id = 1').run(
      start.version,
      nowIso(),
    );
  } finally {
    db.pragma('foreign_keys = ON');
  }
  progress(1, 'done');
  return { rows };
}
