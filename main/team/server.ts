import { createHash, randomBytes, randomUUID, X509Certificate } from 'node:crypto';
import { MIME } from '../bridge/mime.js';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { z } from 'zod';
import { contract, isMethodName } from '../../shared/contract/index.js';
import type { Actor } from '../../shared/contract/people.js';
import type { ApiError } from '../../shared/contract/result.js';
import {
  callRequest,
  connectRequest,
  pullRequest,
  pushRequest,
  snapshotRequest,
  snapshotStartRequest,
  SYNC_PATHS,
  type ConnectResponse,
  type EntryResult,
  type PullResponse,
  type QueueEntry,
} from '../../shared/sync/protocol.js';
import type { ServiceContext } from '../api/context.js';
import { dispatch } from '../api/dispatch.js';
import { openCore, type Core } from '../app/core.js';
import { withIds } from '../db/ids.js';
import { closeDatabase, nowIso, openDatabase, prepared, type Db } from '../db/open.js';
import { BUILT_IN_ADMIN_ID, findActorByCode, loadActor, withActor } from '../people/actor.js';
import { verifyPassword } from '../people/password.js';
import { installHistory } from '../people/history.js';
import { ReplayIds } from '../sync/ids.js';
import { canPush } from '../sync/methods.js';
import { SYNCED_TABLES } from '../sync/tables.js';
import { currentVersion, installChangeLog } from './changelog.js';
import { readRow, readRows, snapshotPage } from './rows.js';
import { DEFAULT_GUARD_LIMITS, SignInGuard, type GuardLimits } from './signin-guard.js';

export interface TeamServerOptions {
  databasePath: string;
  port?: number;
  host?: string;
  /** PEM certificate and key. */
  cert: string;
  key: string;
  /** The phone page's built files; omitted or absent: no phone page. */
  phoneDir?: string;
  /** How long a device stays signed in (default 30 days). */
  sessionTtlMs?: number;
  guard?: Partial<GuardLimits>;
  /** Changes per pull answer (default 5000). */
  pullLimit?: number;
}

export interface TeamServer {
  url: string;
  port: number;
  fingerprint: string;
  serverId: string;
  server: Server;
  core: Core;
  close(): Promise<void>;
}

const MAX_BODY = 32 * 1024 * 1024;
const DEFAULT_TTL = 30 * 24 * 3600_000;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly error: ApiError,
    readonly headers: Record<string, string> = {},
  ) {
    super(error.message);
  }
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function fingerprintOf(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256;
}

interface Device {
  clientId: string;
  clientNo: number;
  personId: number;
  actor: Actor;
}

/**
 * The team server: the same core (dispatch, services, migrations) on its own file, behind HTTPS.
 * Every write goes through one queue, so a pushed call's effects, its seq and its stored result
 * commit in one SQLite transaction; reads (pull, snapshot, queries) run between writes.
 */
export async function startTeamServer(options: TeamServerOptions): Promise<TeamServer> {
  const core = openCore(options.databasePath, 'cli');
  const { db } = core;
  const serverId = installChangeLog(db);
  // Before any call: created inside a call's transaction, the history's TEMP triggers would vanish
  // with the first call that is rolled back.
  installHistory(db);
  // Pulls and snapshots read on their own connection: a WAL snapshot of committed data only, never
  // the half-done transaction of a call the writer is running.
  const reader = openDatabase(options.databasePath);
  const ttl = options.sessionTtlMs ?? DEFAULT_TTL;
  const guard = new SignInGuard({ ...DEFAULT_GUARD_LIMITS, ...options.guard });
  const pullLimit = options.pullLimit ?? 5000;
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = chain.then(run, run);
    chain = next.catch(() => undefined);
    return next;
  };

  function device(req: IncomingMessage, clientId?: string): Device {
    const header = req.headers.authorization ?? '';
    const token = /^Bearer (\S+)$/.exec(header)?.[1];
    if (!token)
      throw new HttpError(401, {
        code: 'forbidden',
        message: 'Sign in first: this server needs a device session.',
        rule: { code: 'teamSignInFirst' },
      });
    const session = prepared(
      db,
      `SELECT s.client_id AS clientId, s.expires_at AS expiresAt, c.client_no AS clientNo, c.person_id AS personId
       FROM sync_sessions s JOIN sync_clients c ON c.client_id = s.client_id WHERE s.token_hash = ?`,
    ).get(hashToken(token)) as { clientId: string; expiresAt: string; clientNo: number; personId: number } | undefined;
    if (!session)
      throw new HttpError(401, {
        code: 'forbidden',
        message: 'This device session is not known to the server: connect again.',
        rule: { code: 'teamSessionUnknown' },
      });
    if (session.expiresAt <= new Date().toISOString()) {
      prepared(db, 'DELETE FROM sync_sessions WHERE token_hash = ?').run(hashToken(token));
      throw new HttpError(401, {
        code: 'forbidden',
        message: 'This device session has expired: connect again with your password.',
        rule: { code: 'teamSessionExpired' },
      });
    }
    if (clientId !== undefined && clientId !== session.clientId) {
      throw new HttpError(403, {
        code: 'forbidden',
        message: 'Refused: the request names another device than its session.',
        rule: { code: 'teamDeviceMismatch' },
      });
    }
    const actor = loadActor(db, session.personId);
    if (!actor)
      throw new HttpError(403, {
        code: 'forbidden',
        message: 'This person can no longer sign in (archived or inactive).',
        rule: { code: 'teamPersonInactive' },
      });
    return { clientId: session.clientId, clientNo: session.clientNo, personId: session.personId, actor };
  }

  function passwordHash(personId: number): string | null {
    if (personId === BUILT_IN_ADMIN_ID) {
      return (
        (prepared(db, 'SELECT admin_password_hash FROM auth_settings WHERE id = 1').pluck().get() as string | null | undefined) ?? null
      );
    }
    return (prepared(db, 'SELECT password_hash FROM staff WHERE id = ?').pluck().get(personId) as string | null | undefined) ?? null;
  }

  async function connect(body: unknown, address: string): Promise<ConnectResponse> {
    const input = parse(connectRequest, body);
    const verdict = guard.check(input.personCode, address);
    if (!verdict.allowed) {
      const seconds = Math.ceil(verdict.retryAfterMs / 1000);
      const minutes = Math.ceil(seconds / 60);
      // `count` picks the plural form in the person's language ("1 second", "2 seconds").
      throw new HttpError(
        429,
        {
          code: 'busy',
          message: verdict.locked
            ? `Too many failed sign-ins: locked for ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`
            : `Too many failed sign-ins: wait ${seconds} ${seconds === 1 ? 'second' : 'seconds'} before trying again.`,
          rule: verdict.locked
            ? { code: 'signInLocked', params: { minutes, count: minutes } }
            : { code: 'signInWait', params: { seconds, count: seconds } },
        },
        { 'retry-after': String(seconds) },
      );
    }
    const actor = findActorByCode(db, input.personCode);
    const stored = actor ? passwordHash(actor.personId) : null;
    if (!actor || !verifyPassword(input.password, stored)) {
      guard.failed(input.personCode, address);
      throw new HttpError(401, { code: 'forbidden', message: 'Unknown person or wrong password.', rule: { code: 'signInRefused' } });
    }
    guard.succeeded(input.personCode);
    return serial(async () => {
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + ttl).toISOString();
      let client = input.clientId
        ? (prepared(
            db,
            'SELECT client_id AS clientId, client_no AS clientNo, person_id AS personId FROM sync_clients WHERE client_id = ?',
          ).get(input.clientId) as { clientId: string; clientNo: number; personId: number } | undefined)
        : undefined;
      if (input.clientId && (!client || client.personId !== actor.personId)) {
        throw new HttpError(403, {
          code: 'forbidden',
          message: 'Refused: this device was connected by another person.',
          rule: { code: 'teamDeviceOtherPerson' },
        });
      }
      db.transaction(() => {
        if (!client) {
          const clientNo = ((prepared(db, 'SELECT coalesce(max(client_no), 0) FROM sync_clients').pluck().get() as number) ?? 0) + 1;
          client = { clientId: randomUUID(), clientNo, personId: actor.personId };
          prepared(db, 'INSERT INTO sync_clients (client_id, client_no, person_id, device_name, created_at) VALUES (?, ?, ?, ?, ?)').run(
            client.clientId,
            clientNo,
            actor.personId,
            input.deviceName,
            nowIso(),
          );
        }
        prepared(db, 'DELETE FROM sync_sessions WHERE expires_at <= ?').run(new Date().toISOString());
        prepared(db, 'INSERT INTO sync_sessions (token_hash, client_id, expires_at) VALUES (?, ?, ?)').run(
          hashToken(token),
          client.clientId,
          expiresAt,
        );
      })();
      return {
        clientId: client!.clientId,
        clientNo: client!.clientNo,
        token,
        person: actor,
        serverId,
        version: currentVersion(db),
        expiresAt,
      };
    });
  }

  /** Runs one queue entry exactly once: its effects, the new last_seq and its result in one transaction. */
  /**
   * Runs one queue entry inside the batch's transaction: its effects (or, refused, none: its
   * savepoint is rolled back), the client's new last_seq and the stored result commit together.
   */
  async function runEntry(dev: Device, entry: QueueEntry): Promise<EntryResult> {
    const ctx: ServiceContext = withActor(core.ctx, dev.actor);
    let result: EntryResult;
    if (!isMethodName(entry.method) || !canPush(entry.method)) {
      result = {
        seq: entry.seq,
        ok: false,
        error: { code: 'forbidden', message: `Refused: ${entry.method} cannot be sent to the team server.` },
      };
    } else {
      db.exec('SAVEPOINT sync_call');
      const outcome = await withIds(new ReplayIds(db, dev.clientNo, entry.ids), () => dispatch(ctx, entry.method, entry.input));
      if (!outcome.ok) db.exec('ROLLBACK TO sync_call');
      db.exec('RELEASE sync_call');
      result = outcome.ok ? { seq: entry.seq, ok: true } : { seq: entry.seq, ok: false, error: outcome.error };
    }
    prepared(db, 'UPDATE sync_clients SET last_seq = ? WHERE client_id = ?').run(entry.seq, dev.clientId);
    prepared(db, 'INSERT INTO sync_results (client_id, seq, method, ok, error, at) VALUES (?, ?, ?, ?, ?, ?)').run(
      dev.clientId,
      entry.seq,
      entry.method,
      result.ok ? 1 : 0,
      result.error ? JSON.stringify(result.error) : null,
      nowIso(),
    );
    return result;
  }

  function storedResult(clientId: string, seq: number): EntryResult {
    const row = prepared(db, 'SELECT ok, error FROM sync_results WHERE client_id = ? AND seq = ?').get(clientId, seq) as
      { ok: number; error: string | null } | undefined;
    if (!row) return { seq, ok: false, error: { code: 'internal', message: 'The result of this change was not kept.' } };
    return row.ok ? { seq, ok: true } : { seq, ok: false, error: JSON.parse(row.error ?? '{}') as ApiError };
  }

  async function push(req: IncomingMessage, body: unknown): Promise<{ results: EntryResult[] }> {
    const input = parse(pushRequest, body);
    const dev = device(req, input.clientId);
    return serial(async () => {
      const results: EntryResult[] = [];
      // One transaction per batch (each entry in its own savepoint): a crash loses the whole batch,
      // results included, so its replay runs it again, still exactly once.
      db.exec('BEGIN IMMEDIATE');
      try {
        await runBatch(results);
        db.exec('COMMIT');
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
      return { results };
    });

    async function runBatch(results: EntryResult[]): Promise<void> {
      for (const entry of input.entries) {
        const lastSeq = prepared(db, 'SELECT last_seq FROM sync_clients WHERE client_id = ?').pluck().get(dev.clientId) as number;
        if (entry.seq <= lastSeq) {
          results.push(storedResult(dev.clientId, entry.seq));
          continue;
        }
        if (entry.seq !== lastSeq + 1) {
          if (results.length) break;
          throw new HttpError(409, {
            code: 'conflict',
            message: `Refused: change ${entry.seq} arrived before change ${lastSeq + 1}; send the queue in order.`,
          });
        }
        results.push(await runEntry(dev, entry));
      }
    }
  }

  function pull(req: IncomingMessage, body: unknown): PullResponse {
    const input = parse(pullRequest, body);
    const dev = device(req, input.clientId);
    const regions = dev.actor.regionIds;
    const db = reader;
    return db.transaction(() => {
      const limit = Math.min(input.limit ?? pullLimit, pullLimit);
      const logged = prepared(db, 'SELECT tbl, pk, version FROM sync_versions WHERE version > ? ORDER BY version LIMIT ?').all(
        input.cursor,
        limit,
      ) as { tbl: string; pk: string; version: number }[];
      const more = logged.length === limit;
      const cursor = more ? logged[logged.length - 1]!.version : Math.max(input.cursor, currentVersion(db));
      const changes = logged.map((l) => readRow(db, l.tbl, l.pk, regions));
      const lastSeq = prepared(db, 'SELECT last_seq FROM sync_clients WHERE client_id = ?').pluck().get(dev.clientId) as number;
      const after = input.resultsAfter ?? lastSeq;
      const results = (
        prepared(db, 'SELECT seq FROM sync_results WHERE client_id = ? AND seq > ? ORDER BY seq LIMIT 5000')
          .pluck()
          .all(dev.clientId, after) as number[]
      ).map((seq) => storedResult(dev.clientId, seq));
      return { cursor, changes, touched: readRows(db, input.touched, regions), lastSeq, results, more, person: dev.actor };
    })();
  }

  async function call(req: IncomingMessage, body: unknown): Promise<unknown> {
    const input = parse(callRequest, body);
    const dev = device(req);
    if (isMethodName(input.method) && contract[input.method].mutates) {
      throw new HttpError(403, {
        code: 'forbidden',
        message: `Refused: ${input.method} changes data; send it through /api/sync/push.`,
        rule: { code: 'teamPushOnly', params: { method: input.method } },
      });
    }
    // Between writes, so a query never sees a call half done.
    return serial(() => dispatch(withActor(core.ctx, dev.actor), input.method, input.input));
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://server');
    if (req.method === 'GET') return serveStatic(url.pathname, res, options.phoneDir);
    if (req.method !== 'POST') throw new HttpError(405, { code: 'validation', message: 'Use POST.' });
    const body = await readJson(req);
    const address = req.socket.remoteAddress ?? 'unknown';
    switch (url.pathname) {
      case SYNC_PATHS.connect:
        return send(res, 200, await connect(body, address));
      case SYNC_PATHS.push:
        return send(res, 200, await push(req, body));
      case SYNC_PATHS.pull:
        return send(res, 200, pull(req, body));
      case SYNC_PATHS.snapshotStart: {
        const input = parse(snapshotStartRequest, body);
        const dev = device(req, input.clientId);
        // Empty tables are left out: a first sync of a young server is a handful of requests.
        const tables = reader.transaction(() => ({
          person: dev.actor,
          version: currentVersion(reader),
          tables: SYNCED_TABLES.filter((t) => reader.prepare(`SELECT 1 FROM "${t.name}" LIMIT 1`).get() !== undefined).map((t) => t.name),
        }))();
        return send(res, 200, tables);
      }
      case SYNC_PATHS.snapshot: {
        const input = parse(snapshotRequest, body);
        const dev = device(req, input.clientId);
        return send(res, 200, snapshotPage(reader, input.tbl, input.after, input.limit, dev.actor.regionIds));
      }
      case SYNC_PATHS.call:
        return send(res, 200, await call(req, body));
      default:
        throw new HttpError(404, { code: 'not_found', message: 'No such endpoint.' });
    }
  }

  const server = createServer({ cert: options.cert, key: options.key }, (req, res) => {
    route(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) return send(res, error.status, { error: error.error }, error.headers);
      console.error('[team-server] internal error:', error);
      send(res, 500, { error: { code: 'internal', message: 'Something went wrong on the team server; nothing was changed.' } });
    });
  });
  server.requestTimeout = 120_000;
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => done());
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host ?? '127.0.0.1';
  return {
    url: `https://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    fingerprint: fingerprintOf(options.cert),
    serverId,
    server,
    core,
    close: async () => {
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
      await chain;
      closeDatabase(reader);
      core.close();
    },
  };
}

function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HttpError(400, {
      code: 'validation',
      message: `Bad request: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'invalid body'}`,
    });
  }
  return parsed.data;
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        fail(new HttpError(413, { code: 'validation', message: 'The request is too large.' }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        done(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      } catch {
        fail(new HttpError(400, { code: 'validation', message: 'The body is not JSON.' }));
      }
    });
    req.on('error', fail);
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/** `/` goes to the phone page; `/phone/...` serves its built files (never outside its folder). */
function serveStatic(pathname: string, res: ServerResponse, phoneDir: string | undefined): void {
  if (pathname === '/' || pathname === '/phone') {
    res.writeHead(302, { location: '/phone/' });
    res.end();
    return;
  }
  if (!phoneDir || !existsSync(phoneDir) || !pathname.startsWith('/phone/')) {
    throw new HttpError(404, { code: 'not_found', message: 'Not found.' });
  }
  const root = resolve(phoneDir);
  let relative = decodeURIComponent(pathname.slice('/phone/'.length)) || 'index.html';
  let file = resolve(join(root, normalize(relative)));
  if (file !== root && !file.startsWith(root + sep)) throw new HttpError(404, { code: 'not_found', message: 'Not found.' });
  if (!existsSync(file) || !statSync(file).isFile()) {
    // The phone page routes in the browser: unknown paths get its index.
    relative = 'index.html';
    file = join(root, relative);
    if (!existsSync(file)) throw new HttpError(404, { code: 'not_found', message: 'Not found.' });
  }
  res.writeHead(200, {
    'content-type': MIME[extname(file)] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
    'cache-control': relative === 'index.html' || relative.endsWith('sw.js') ? 'no-cache' : 'max-age=3600',
  });
  createReadStream(file).pipe(res);
}

export type { Db };
