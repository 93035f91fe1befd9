import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { connectResponse, pullResponse, pushResponse, SYNC_PATHS, type QueueEntry } from '../../shared/sync/protocol.js';
import type { ServiceContext } from '../api/context.js';
import { dispatch } from '../api/dispatch.js';
import { closeDatabase, openDatabase, type Db } from '../db/open.js';
import { JobRunner } from '../jobs/runner.js';
import { builtInAdministrator } from '../people/actor.js';
import { postJson } from '../sync/client.js';
import { readLink, SyncEngine, syncRound } from '../sync/engine.js';
import { SYNCED_TABLES } from '../sync/tables.js';
import { percentile, round } from './measure.js';

/**
 * The team server's figures (issue 18, "Benchmark"): a real team server process on loopback, HTTPS
 * as the product runs it, on a copy of a demo region; desktops on their own files with the real
 * sync engine; and lighter simulated desktops that speak the same protocol through the desktop's own
 * HTTPS client (`postJson`, a new TLS connection per request as the desktop makes it).
 */
export interface SyncBenchOptions {
  /** A demo database; the server runs on a copy of it. */
  sourceDb: string;
  /** Working folder for the server's and desktops' files (emptied first, removed after). */
  dir: string;
  /** Queued changes pushed by one desktop and pulled by another (the issue: 10,000). */
  changes: number;
  /** Simulated desktops of the load test (the issue: 300). */
  desktops: number;
  /** How often each simulated desktop syncs (the issue: every minute). */
  periodMs: number;
  /** How many periods the load test lasts. */
  rounds: number;
  /** Changes each simulated desktop pushes per sync. */
  changesPerSync: number;
  /**
   * How to start the server: node arguments; `--db FILE` style is used when it contains
   * `team-server` (the product's CLI), otherwise the file is appended (a test's child script).
   */
  serverCommand: string[];
  log?: (line: string) => void;
}

export interface Latency {
  count: number;
  p50ms: number;
  p95ms: number;
  maxMs: number;
}

export interface FirstSyncFigure {
  person: string;
  role: string;
  regionIds: number[] | null;
  seconds: number;
  rows: number;
  /** Bytes the server process wrote meanwhile (its HTTPS answers; /proc/PID/io wchar), null if unreadable. */
  bytesFromServer: number | null;
  replicaMB: number;
  /** CPU time of the server process and of the desktop (this process) meanwhile: on a loaded machine the wall time is mostly waiting. */
  serverCpuSeconds: number;
  desktopCpuSeconds: number;
}

export interface SyncFigures {
  date: string;
  scaleFile: string;
  /** 1-minute load average of the machine (2 cores) at the start and the end: > 2 means others were busy too. */
  machineLoad: { start: number; end: number };
  firstSync: FirstSyncFigure[];
  changes: {
    count: number;
    /** Calling the method 'count' times on the desktop (applied locally and queued). */
    queueSeconds: number;
    /** The queue sent in batches of 500, as the engine sends it: until the server has run them all. */
    pushOnlySeconds: number;
    /** The desktop's sync round after it: the batches again (answered from the stored results), then the pull that confirms them. */
    confirmSeconds: number;
    /** Both together: from a full queue to an empty one. */
    pushSeconds: number;
    pushServerCpuSeconds: number;
    pushDesktopCpuSeconds: number;
    pushRefused: number;
    /** Another desktop (the manager's) pulls them. */
    pullSeconds: number;
    pullServerCpuSeconds: number;
    pullDesktopCpuSeconds: number;
    pulledRows: number;
    bytesFromServerOnPull: number | null;
  };
  load: {
    desktops: number;
    periodSeconds: number;
    rounds: number;
    changesPerSync: number;
    connectSeconds: number;
    push: Latency;
    pull: Latency;
    pulledRows: number;
    failures: number;
    refused: number;
    requestsPerSecond: number;
    serverCpuSeconds: number;
    /** Server CPU over the load test as a share of one core (the server is one event loop). */
    serverCpuPercentOfOneCore: number;
    /** Peak resident memory of the server process over the whole bench (VmHWM). */
    serverPeakRssMB: number | null;
    /** Linear extrapolation of the server's CPU per desktop-sync to 70% of one core. */
    desktopsAt70PercentCpu: number;
  };
}

interface ServerProcess {
  url: string;
  fingerprint: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

const CLOCK_TICKS = 100; // Linux USER_HZ: /proc/PID/stat counts CPU time in hundredths of a second.

/** Starts the server and reads its address and fingerprint: a JSON line (test child) or the CLI's banner. */
function startServer(command: string[], databasePath: string): Promise<ServerProcess> {
  const args = command.includes('team-server')
    ? [...command, '--db', databasePath, '--port', '0', '--host', '127.0.0.1']
    : [...command, databasePath];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.once('exit', (code) => reject(new Error(`The team server exited (${code}): ${stderr.slice(-2000)}`)));
    let url = '';
    let fingerprint = '';
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.startsWith('{')) ({ url, fingerprint } = JSON.parse(line) as { url: string; fingerprint: string });
      url ||= /^\s*address:\s+(\S+)/.exec(line)?.[1] ?? '';
      fingerprint ||= /^\s*fingerprint:\s+(\S+)/.exec(line)?.[1] ?? '';
      if (url && fingerprint) {
        lines.removeAllListeners('line');
        resolve({
          url,
          fingerprint,
          child,
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            await exited;
          },
        });
      }
    });
  });
}

function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): utime and stime are the 14th and 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

function bytesWritten(pid: number): number | null {
  try {
    const match = /^wchar:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/io`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

function peakRssMb(pid: number): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? round(Number(match[1]) / 1024, 0) : null;
  } catch {
    return null;
  }
}

/** CPU seconds of this process (the desktop side) since `from` (process.cpuUsage). */
const ownCpu = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return round((used.user + used.system) / 1e6);
};

const since = (before: number | null, after: number | null) => (before === null || after === null ? null : after - before);

function latency(times: number[]): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50ms: round(percentile(sorted, 50), 1),
    p95ms: round(percentile(sorted, 95), 1),
    maxMs: round(sorted[sorted.length - 1] ?? 0, 1),
  };
}

function adminContext(db: Db, databasePath: string): ServiceContext {
  return { db, databasePath, jobs: new JobRunner(':memory:', db), door: 'cli', version: 'bench', actor: builtInAdministrator() };
}

interface Desktop {
  ctx: ServiceContext;
  engine: SyncEngine;
  close(): void;
}

/** A desktop as openCore builds it, minus the query thread and the background loop (door 'cli'). */
function openDesktop(path: string): Desktop {
  const db = openDatabase(path);
  const ctx: ServiceContext = {
    db,
    databasePath: path,
    jobs: new JobRunner(path, db),
    door: 'cli',
    version: 'bench',
    actor: builtInAdministrator(),
  };
  const engine = new SyncEngine(ctx);
  ctx.sync = engine;
  return { ctx, engine, close: () => closeDatabase(db) };
}

function replicaRows(db: Db): number {
  let rows = 0;
  for (const t of SYNCED_TABLES) rows += db.prepare(`SELECT count(*) FROM "${t.name}"`).pluck().get() as number;
  return rows;
}

interface Person {
  id: number;
  code: string;
  regionId: number;
  outletId: number;
}

const PASSWORD = 'bench-password-2027';

/** Gives the people the bench signs in as a password, and picks a distributor each may visit. */
async function preparePeople(serverFile: string): Promise<{ salespeople: Person[]; manager: Person }> {
  const db = openDatabase(serverFile);
  try {
    const ctx = adminContext(db, serverFile);
    const salespeople = (
      db
        .prepare(
          `SELECT s.id, s.code, s.region_id AS regionId,
             (SELECT d.id FROM distributors d JOIN areas a ON a.id = d.area_id WHERE a.region_id = s.region_id
              ORDER BY d.salesperson_id = s.id DESC, d.id LIMIT 1) AS outletId
           FROM staff s WHERE s.role = 'salesperson' AND s.active = 1 AND s.region_id IS NOT NULL ORDER BY s.id`,
        )
        .all() as Person[]
    ).filter((p) => p.outletId !== null);
    const first = salespeople[0];
    if (!first) throw new Error('The demo file has no salesperson with a distributor in their region.');
    const manager = db
      .prepare(
        "SELECT id, code, region_id AS regionId, ? AS outletId FROM staff WHERE role = 'regional_manager' AND active = 1 AND region_id = ? ORDER BY id LIMIT 1",
      )
      .get(first.outletId, first.regionId) as Person | undefined;
    if (!manager) throw new Error(`The demo file has no regional manager for region ${first.regionId}.`);
    for (const person of [...salespeople, manager]) {
      const result = await dispatch(ctx, 'person.setPassword', { personId: person.id, password: PASSWORD });
      if (!result.ok) throw new Error(`person.setPassword ${person.code}: ${result.error.message}`);
    }
    return { salespeople, manager };
  } finally {
    closeDatabase(db);
  }
}

const visit = (person: Person, n: number) => ({
  salespersonId: person.id,
  day: new Date(Date.now() - (n % 28) * 86_400_000).toISOString().slice(0, 10),
  outletType: 'distributor' as const,
  outletId: person.outletId,
  purpose: 'service' as const,
  outcome: 'done' as const,
  note: `bench visit ${n}`,
});

export async function syncBench(options: SyncBenchOptions): Promise<SyncFigures> {
  const log = options.log ?? (() => undefined);
  rmSync(options.dir, { recursive: true, force: true });
  mkdirSync(options.dir, { recursive: true });
  const serverFile = join(options.dir, 'team.sqlite');
  const loadStart = round(loadavg()[0]!, 2);
  log(`Sync: copying ${options.sourceDb} as the team server's file…`);
  const source = openDatabase(options.sourceDb);
  try {
    source.prepare('VACUUM INTO ?').run(serverFile);
  } finally {
    closeDatabase(source);
  }
  const { salespeople, manager } = await preparePeople(serverFile);
  const server = await startServer(options.serverCommand, serverFile);
  const pid = server.child.pid!;
  const desktops: Desktop[] = [];
  try {
    // 1. First sync of a new desktop, as a salesperson (their region) and as the manager.
    const firstSync: FirstSyncFigure[] = [];
    for (const [person, role] of [
      [salespeople[0]!, 'salesperson'],
      [manager, 'regional_manager'],
    ] as const) {
      log(`Sync: first sync of a new desktop as ${person.code} (${role})…`);
      const file = join(options.dir, `desktop-${person.code}.sqlite`);
      const desktop = openDesktop(file);
      desktops.push(desktop);
      const bytesBefore = bytesWritten(pid);
      const serverCpu0 = cpuSeconds(pid);
      const ownCpu0 = process.cpuUsage();
      const t0 = performance.now();
      await desktop.engine.connect(
        { serverUrl: server.url, fingerprint: server.fingerprint, personCode: person.code, password: PASSWORD },
        false,
      );
      const seconds = (performance.now() - t0) / 1000;
      const serverCpuSeconds = round(cpuSeconds(pid) - serverCpu0);
      const desktopCpuSeconds = ownCpu(ownCpu0);
      const status = desktop.engine.status();
      if (status.state !== 'synced') throw new Error(`The first sync as ${person.code} ended ${status.state}: ${status.lastError}`);
      desktop.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
      const pages = desktop.ctx.db.pragma('page_count', { simple: true }) as number;
      const pageSize = desktop.ctx.db.pragma('page_size', { simple: true }) as number;
      firstSync.push({
        person: person.code,
        role,
        regionIds: status.person?.regionIds ?? null,
        seconds: round(seconds),
        rows: replicaRows(desktop.ctx.db),
        bytesFromServer: since(bytesBefore, bytesWritten(pid)),
        replicaMB: round((pages * pageSize) / 1024 ** 2, 1),
        serverCpuSeconds,
        desktopCpuSeconds,
      });
    }
    const [salesDesktop, managerDesktop] = desktops as [Desktop, Desktop];

    // 2. 10,000 queued changes: the salesperson's desktop logs visits offline, then syncs; the
    // manager's desktop pulls them.
    log(`Sync: ${options.changes.toLocaleString('en')} visits queued on ${salespeople[0]!.code}'s desktop…`);
    const t1 = performance.now();
    for (let n = 0; n < options.changes; n++) {
      const result = await dispatch(salesDesktop.ctx, 'visit.log', visit(salespeople[0]!, n));
      if (!result.ok) throw new Error(`visit.log on the desktop: ${result.error.message}`);
    }
    const queueSeconds = (performance.now() - t1) / 1000;
    log('Sync: pushing them…');
    const pushCpu0 = cpuSeconds(pid);
    const pushOwn0 = process.cpuUsage();
    const t2 = performance.now();
    await pushQueue(salesDesktop.ctx.db);
    const pushOnlySeconds = (performance.now() - t2) / 1000;
    const t2b = performance.now();
    await syncRound(salesDesktop.ctx.db);
    const confirmSeconds = (performance.now() - t2b) / 1000;
    const pushSeconds = (performance.now() - t2) / 1000;
    const pushServerCpuSeconds = round(cpuSeconds(pid) - pushCpu0);
    const pushDesktopCpuSeconds = ownCpu(pushOwn0);
    const afterPush = salesDesktop.engine.status();
    if (afterPush.pending !== 0) throw new Error(`After the push ${afterPush.pending} changes are still queued: ${afterPush.lastError}`);
    log(`Sync: ${manager.code}'s desktop pulls them…`);
    const visitsBefore = managerDesktop.ctx.db.prepare('SELECT count(*) FROM visits').pluck().get() as number;
    const rowsBefore = replicaRows(managerDesktop.ctx.db);
    const bytesBefore = bytesWritten(pid);
    const pullCpu0 = cpuSeconds(pid);
    const pullOwn0 = process.cpuUsage();
    const t3 = performance.now();
    await syncRound(managerDesktop.ctx.db);
    const pullSeconds = (performance.now() - t3) / 1000;
    const pullServerCpuSeconds = round(cpuSeconds(pid) - pullCpu0);
    const pullDesktopCpuSeconds = ownCpu(pullOwn0);
    const visitsAfter = managerDesktop.ctx.db.prepare('SELECT count(*) FROM visits').pluck().get() as number;
    const changes: SyncFigures['changes'] = {
      count: options.changes,
      queueSeconds: round(queueSeconds),
      pushOnlySeconds: round(pushOnlySeconds),
      confirmSeconds: round(confirmSeconds),
      pushSeconds: round(pushSeconds),
      pushServerCpuSeconds,
      pushDesktopCpuSeconds,
      pushRefused: afterPush.refusals,
      pullSeconds: round(pullSeconds),
      pullServerCpuSeconds,
      pullDesktopCpuSeconds,
      pulledRows: replicaRows(managerDesktop.ctx.db) - rowsBefore,
      bytesFromServerOnPull: since(bytesBefore, bytesWritten(pid)),
    };
    if (visitsAfter - visitsBefore !== options.changes - afterPush.refusals) {
      throw new Error(`The manager's desktop received ${visitsAfter - visitsBefore} of ${options.changes} visits.`);
    }

    // 3. The load test.
    const load = await loadTest(options, server, salespeople, log);
    const loadEnd = round(loadavg()[0]!, 2);
    return {
      date: new Date().toISOString(),
      scaleFile: options.sourceDb,
      machineLoad: { start: loadStart, end: loadEnd },
      firstSync,
      changes,
      load,
    };
  } finally {
    for (const d of desktops) d.close();
    await server.stop();
    rmSync(options.dir, { recursive: true, force: true });
  }
}

/**
 * The push half of the engine's round, timed on its own: the queue in order, 500 entries a request,
 * through the desktop's HTTPS client. The entries stay queued: the engine's next round sends them
 * again (the server answers from the stored results) and pulls their rows.
 */
async function pushQueue(db: Db): Promise<void> {
  const link = readLink(db);
  if (!link) throw new Error('The desktop is not connected.');
  let after = 0;
  for (;;) {
    const rows = db.prepare('SELECT seq, method, input, ids, at FROM sync_queue WHERE seq > ? ORDER BY seq LIMIT 500').all(after) as {
      seq: number;
      method: string;
      input: string;
      ids: string;
      at: string;
    }[];
    if (!rows.length) return;
    const entries: QueueEntry[] = rows.map((r) => ({
      seq: r.seq,
      method: r.method,
      input: JSON.parse(r.input) as unknown,
      ids: JSON.parse(r.ids) as Record<string, number[]>,
      at: r.at,
    }));
    const answer = await postJson(
      link.serverUrl,
      link.fingerprint,
      SYNC_PATHS.push,
      { clientId: link.clientId, entries },
      pushResponse,
      link.token,
    );
    if (answer.results.length < entries.length) throw new Error('The server stopped part way through the queue.');
    after = rows[rows.length - 1]!.seq;
  }
}

interface SimulatedDesktop {
  person: Person;
  clientId: string;
  token: string;
  cursor: number;
  seq: number;
}

async function loadTest(
  options: SyncBenchOptions,
  server: ServerProcess,
  salespeople: Person[],
  log: (line: string) => void,
): Promise<SyncFigures['load']> {
  const pid = server.child.pid!;
  const post = <S extends Parameters<typeof postJson>[4]>(path: string, body: unknown, schema: S, token?: string) =>
    postJson(server.url, server.fingerprint, path, body, schema, token);
  log(`Sync: connecting ${options.desktops} simulated desktops…`);
  const t0 = performance.now();
  const clients: SimulatedDesktop[] = [];
  // A few at a time: each sign-in is a scrypt hash on the server, by design slow.
  for (let i = 0; i < options.desktops; i += 4) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(4, options.desktops - i) }, async (_, j) => {
        const person = salespeople[(i + j) % salespeople.length]!;
        const answer = await post(
          SYNC_PATHS.connect,
          { personCode: person.code, password: PASSWORD, deviceName: `bench desktop ${i + j + 1}` },
          connectResponse,
        );
        return { person, clientId: answer.clientId, token: answer.token, cursor: answer.version, seq: 0 };
      }),
    );
    clients.push(...batch);
  }
  const connectSeconds = (performance.now() - t0) / 1000;

  log(`Sync: load test, ${options.desktops} desktops each syncing every ${options.periodMs / 1000} s for ${options.rounds} periods…`);
  const pushTimes: number[] = [];
  const pullTimes: number[] = [];
  let failures = 0;
  let refused = 0;
  let pulledRows = 0;
  let visitNo = 0;

  async function syncOnce(client: SimulatedDesktop): Promise<void> {
    const before = client.seq;
    const entries: QueueEntry[] = Array.from({ length: options.changesPerSync }, () => ({
      seq: ++client.seq,
      method: 'visit.log',
      input: visit(client.person, visitNo++),
      ids: {},
      at: new Date().toISOString(),
    }));
    let t = performance.now();
    const pushed = await post(SYNC_PATHS.push, { clientId: client.clientId, entries }, pushResponse, client.token).catch(
      (error: unknown) => {
        // Sent again next time with the same seqs: the server answers a replay with the stored results.
        client.seq = before;
        throw error;
      },
    );
    pushTimes.push(performance.now() - t);
    refused += pushed.results.filter((r) => !r.ok).length;
    for (;;) {
      t = performance.now();
      const pulled = await post(
        SYNC_PATHS.pull,
        { clientId: client.clientId, cursor: client.cursor, touched: [], resultsAfter: client.seq },
        pullResponse,
        client.token,
      );
      pullTimes.push(performance.now() - t);
      pulledRows += pulled.changes.length;
      client.cursor = pulled.cursor;
      if (!pulled.more) break;
    }
  }

  const cpuBefore = cpuSeconds(pid);
  const start = performance.now();
  const runs: Promise<void>[] = [];
  for (let r = 0; r < options.rounds; r++) {
    for (const client of clients) {
      const at = r * options.periodMs + Math.random() * options.periodMs;
      runs.push(
        new Promise<void>((done) => {
          setTimeout(() => {
            syncOnce(client)
              .catch((error: unknown) => {
                failures += 1;
                if (failures <= 3) log(`Sync: a simulated sync failed: ${error instanceof Error ? error.message : String(error)}`);
              })
              .finally(done);
          }, at);
        }),
      );
    }
  }
  await Promise.all(runs);
  const elapsed = (performance.now() - start) / 1000;
  const serverCpu = cpuSeconds(pid) - cpuBefore;
  const syncs = options.desktops * options.rounds;
  // Server CPU per sync of one desktop; a desktop syncing every minute costs that per minute, so
  // 70% of one core (the server is one event loop) carries 0.7 * 60 s / cpuPerSync desktops.
  const cpuPerSync = serverCpu / Math.max(1, syncs);
  return {
    desktops: options.desktops,
    periodSeconds: options.periodMs / 1000,
    rounds: options.rounds,
    changesPerSync: options.changesPerSync,
    connectSeconds: round(connectSeconds),
    push: latency(pushTimes),
    pull: latency(pullTimes),
    pulledRows,
    failures,
    refused,
    requestsPerSecond: round((pushTimes.length + pullTimes.length) / elapsed, 1),
    serverCpuSeconds: round(serverCpu),
    serverCpuPercentOfOneCore: round((serverCpu / elapsed) * 100, 1),
    serverPeakRssMB: peakRssMb(pid),
    desktopsAt70PercentCpu: cpuPerSync > 0 ? Math.floor((0.7 * 60) / cpuPerSync) : 0,
  };
}
