import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:https';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build as esbuild } from 'esbuild';
import type { ServiceContext } from '../../main/api/context.js';
import { dispatch } from '../../main/api/dispatch.js';
import { closeDatabase, openDatabase } from '../../main/db/open.js';
import { JobRunner } from '../../main/jobs/runner.js';
import { builtInAdministrator, withActor, findActorByCode } from '../../main/people/actor.js';
import { SyncEngine } from '../../main/sync/engine.js';
import { regionsParam, scopeSql, syncedColumns, SYNCED_TABLES } from '../../main/sync/tables.js';
import type { Db } from '../../main/db/open.js';

/** Bundles a child script once per test file: starting children through tsx costs a second each. */
export async function bundleChild(entry: string, name: string): Promise<string> {
  const outfile = join(process.cwd(), 'node_modules', '.cache', 'planner-tests', `${name}-${process.pid}.mjs`);
  await esbuild({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

export interface ServerProcess {
  url: string;
  fingerprint: string;
  port: number;
  child: ChildProcess;
  /** Stops it politely (SIGTERM) or not (SIGKILL); resolves when it has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** A team server as a real process on a file (127.0.0.1, a random port unless `port` is given). */
export function startServerProcess(script: string, databasePath: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, databasePath], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (process.env.TEAM_DEBUG) process.stderr.write(d);
    });
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.once('exit', (code) => reject(new Error(`team server exited (${code}): ${stderr}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      const info = JSON.parse(line) as { url: string; fingerprint: string; port: number };
      resolve({
        ...info,
        child,
        stop: async (signal = 'SIGTERM') => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          await exited;
        },
      });
    });
  });
}

export const PASSWORD = 'correct horse battery';

/**
 * The region the team tests share, written through the contract as the administrator:
 * region N (manager M1, salespeople S1 and S2, logistics L1, area A1, distributor D1) and region
 * S (salesperson S3, area A2, distributor D2), one product, passwords for everyone.
 */
export async function seedTeam(databasePath: string): Promise<Record<string, number>> {
  const db = openDatabase(databasePath);
  const ctx: ServiceContext = {
    db,
    databasePath,
    jobs: new JobRunner(':memory:', db),
    door: 'cli',
    version: 'test',
    actor: builtInAdministrator(),
  };
  const ids: Record<string, number> = {};
  const must = async (method: string, input: unknown): Promise<{ id: number }> => {
    const r = await dispatch(ctx, method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as { id: number };
  };
  await must('auth.setup', { mode: 'password', adminPassword: PASSWORD });
  ids.N = (await must('region.create', { draft: { code: 'N', name: 'North', peakMonths: [6, 7, 8] } })).id;
  ids.S = (await must('region.create', { draft: { code: 'S', name: 'South', peakMonths: [6, 7, 8] } })).id;
  ids.A1 = (await must('area.create', { draft: { code: 'A1', name: 'North area', regionId: ids.N } })).id;
  ids.A2 = (await must('area.create', { draft: { code: 'A2', name: 'South area', regionId: ids.S } })).id;
  const person = async (code: string, role: string, region: number, areas: number[]) =>
    (await must('staff.create', { draft: { code, name: `Person ${code}`, role, regionId: region, areaIds: areas } })).id;
  ids.M1 = await person('M1', 'regional_manager', ids.N, [ids.A1]);
  ids.S1 = await person('S1', 'salesperson', ids.N, [ids.A1]);
  ids.S2 = await person('S2', 'salesperson', ids.N, [ids.A1]);
  ids.L1 = await person('L1', 'logistics_coordinator', ids.N, []);
  ids.S3 = await person('S3', 'salesperson', ids.S, [ids.A2]);
  for (const code of ['M1', 'S1', 'S2', 'L1', 'S3']) await must('person.setPassword', { personId: ids[code], password: PASSWORD });
  const distributor = (code: string, area: number, salesperson: number) =>
    must('distributor.create', {
      draft: {
        code,
        name: `Distributor ${code}`,
        areaId: area,
        salespersonId: salesperson,
        leadTimeDays: 3,
        warehouseCapacityCases: 1000,
        relationshipLevel: 1,
        status: 'active',
      },
    });
  ids.D1 = (await distributor('D1', ids.A1, ids.S1)).id;
  ids.D2 = (await distributor('D2', ids.A2, ids.S3)).id;
  ids.P1 = (
    await must('product.create', {
      draft: { sku: 'P1', name: 'Lager 500', brand: 'Lager', pack: 'bottle', sizeMl: 500, unitsPerCase: 12, status: 'active' },
    })
  ).id;
  // A prospect for the salespeople's pipeline moves, and a training that has started, for the manager's
  // answers, attendance and notes (the convergence test syncs these kinds too).
  ids.SD1 = (
    await must('subDealer.create', {
      draft: { code: 'SD1', name: 'Prospect SD1', distributorId: ids.D1, areaId: ids.A1, status: 'prospect' },
    })
  ).id;
  ids.E1 = (
    await must('event.create', {
      draft: { kind: 'training', title: 'Autumn training', regionId: ids.N, startsAt: '2026-11-16T09:00', endsAt: '2026-11-16T17:00' },
      confirm: true,
    })
  ).id;
  await must('event.invite', { eventId: ids.E1, distributorIds: [ids.D1] });
  closeDatabase(db);
  return ids;
}

export interface Desktop {
  ctx: ServiceContext;
  engine: SyncEngine;
  path: string;
  close(): void;
}

/** A desktop on its own file with the sync engine in front of dispatch, as openCore builds it (no loop). */
export function openDesktop(path: string): Desktop {
  const db = openDatabase(path);
  const ctx: ServiceContext = {
    db,
    databasePath: path,
    jobs: new JobRunner(path, db),
    door: 'cli',
    version: 'test',
    actor: builtInAdministrator(),
  };
  const engine = new SyncEngine(ctx);
  ctx.sync = engine;
  return { ctx, engine, path, close: () => closeDatabase(db) };
}

export { withActor, findActorByCode };

/**
 * Every synced table as rows sorted by key: on the server, only what the person with these regions
 * may see (null = everything); on a replica, all it holds. Equal dumps = converged.
 */
export function syncedDump(db: Db, regionIds?: number[] | null): Record<string, unknown[]> {
  const dump: Record<string, unknown[]> = {};
  for (const t of SYNCED_TABLES) {
    const columns = syncedColumns(db, t)
      .map((c) => `r."${c}"`)
      .join(', ');
    const scope = regionIds === undefined ? '1' : scopeSql(t, regionIds);
    const order = t.key.map((k) => `r."${k}"`).join(', ');
    const sql = `SELECT ${columns} FROM "${t.name}" r WHERE ${scope} ORDER BY ${order}`;
    const stmt = db.prepare(sql);
    dump[t.name] = sql.includes(':regions') ? stmt.all({ regions: regionsParam(regionIds ?? null) }) : stmt.all();
  }
  return dump;
}

export interface JsonAnswer {
  status: number;
  body: Record<string, unknown> & { error?: { code: string; message: string } };
  headers: Record<string, string | string[] | undefined>;
}

/** A JSON POST to a team server over HTTPS, as a phone or a script makes it (its certificate is self-signed). */
export function postJson(baseUrl: string, path: string, body: unknown, token?: string): Promise<JsonAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${path}`, {
      method: 'POST',
      rejectUnauthorized: false,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as JsonAnswer['body'], headers: res.headers }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}
