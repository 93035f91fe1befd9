import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceContext } from '../api/context.js';
import { dispatch } from '../api/dispatch.js';
import { closeDatabase, openDatabase, type Db } from '../db/open.js';
import { JobRunner } from '../jobs/runner.js';
import { builtInAdministrator } from '../people/actor.js';
import { hashPassword } from '../people/password.js';
import { SyncEngine } from '../sync/engine.js';
import { ensureCertificate } from '../team/cert.js';
import { startTeamServer } from '../team/server.js';
import { round, timeOnce } from './measure.js';

export interface SyncFigures {
  region: string;
  firstSyncSeconds: number;
  firstSyncRows: number;
  changes: number;
  queueSeconds: number;
  pushSeconds: number;
  pullSeconds: number;
  desktops: number;
  roundP50ms: number;
  roundP95ms: number;
}

const BENCH_PASSWORD = 'bench password';

/**
 * The team server on a copy of the demo database (in this process, on 127.0.0.1): the first sync of
 * one regional manager's region to a new desktop; 10,000 visits queued on that desktop, pushed, and
 * pulled by a second desktop; then `desktops` desktops syncing at once (one round each), latency.
 */
export async function benchmarkSync(demoDb: Db, dir: string, changes = 10_000, desktops = 20): Promise<SyncFigures> {
  const serverFile = join(dir, 'team-bench.sqlite');
  for (const suffix of ['', '-wal', '-shm', '.team-cert.pem', '.team-key.pem']) rmSync(serverFile + suffix, { force: true });
  await demoDb.backup(serverFile);
  const setup = openDatabase(serverFile);
  const manager = setup
    .prepare(
      "SELECT s.code, s.id, r.code AS region FROM staff s JOIN regions r ON r.id = s.region_id WHERE s.role = 'regional_manager' ORDER BY s.id LIMIT 1",
    )
    .get() as { code: string; id: number; region: string };
  const salesperson = setup
    .prepare(
      "SELECT s.id FROM staff s WHERE s.role = 'salesperson' AND s.region_id = (SELECT region_id FROM staff WHERE id = ?) ORDER BY s.id LIMIT 1",
    )
    .pluck()
    .get(manager.id) as number;
  const outlet = setup.prepare('SELECT d.id FROM distributors d WHERE d.salesperson_id = ? LIMIT 1').pluck().get(salesperson) as number;
  setup.prepare('UPDATE staff SET password_hash = ? WHERE id = ?').run(hashPassword(BENCH_PASSWORD), manager.id);
  closeDatabase(setup);

  const cert = await ensureCertificate(serverFile);
  const server = await startTeamServer({ databasePath: serverFile, cert: cert.cert, key: cert.key });
  const opened: Db[] = [];
  const desktop = async (name: string) => {
    const path = join(dir, `desktop-bench-${name}.sqlite`);
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    const db = openDatabase(path);
    opened.push(db);
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
    await engine.connect(
      { serverUrl: server.url, fingerprint: server.fingerprint, personCode: manager.code, password: BENCH_PASSWORD },
      false,
    );
    return { ctx, engine, db };
  };
  try {
    let firstSyncRows = 0;
    let a!: Awaited<ReturnType<typeof desktop>>;
    const first = await timeOnce(async () => {
      a = await desktop('a');
    });
    for (const t of a.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sync_%'")
      .pluck()
      .all() as string[]) {
      if (t.startsWith('sqlite_') || t.startsWith('terminals_search')) continue;
      firstSyncRows += a.db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number;
    }
    const b = await desktop('b');
    const queued = await timeOnce(async () => {
      for (let i = 0; i < changes; i++) {
        const day = `2026-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`;
        const r = await dispatch(a.ctx, 'visit.log', {
          salespersonId: salesperson,
          day,
          outletType: 'distributor',
          outletId: outlet,
          purpose: 'service',
          outcome: 'done',
        });
        if (!r.ok) throw new Error(`visit.log: ${r.error.message}`);
      }
    });
    const pushed = await timeOnce(() => a.engine.syncNow());
    const pulled = await timeOnce(() => b.engine.syncNow());
    const many = await Promise.all(Array.from({ length: desktops }, (_, i) => desktop(`n${i}`)));
    const latencies = await Promise.all(
      many.map(async (d) => {
        const started = performance.now();
        await d.engine.syncNow();
        return performance.now() - started;
      }),
    );
    latencies.sort((x, y) => x - y);
    return {
      region: manager.region,
      firstSyncSeconds: round(first.ms / 1000),
      firstSyncRows,
      changes,
      queueSeconds: round(queued.ms / 1000),
      pushSeconds: round(pushed.ms / 1000),
      pullSeconds: round(pulled.ms / 1000),
      desktops,
      roundP50ms: round(latencies[Math.floor(latencies.length / 2)] ?? 0),
      roundP95ms: round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.95))] ?? 0),
    };
  } finally {
    for (const db of opened) closeDatabase(db);
    await server.close();
  }
}
