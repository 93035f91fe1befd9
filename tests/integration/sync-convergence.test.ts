import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../main/api/context.js';
import { dispatch } from '../../main/api/dispatch.js';
import { closeDatabase, openDatabase } from '../../main/db/open.js';
import type { ApiResult } from '../../shared/contract/result.js';
import { JobRunner } from '../../main/jobs/runner.js';
import { builtInAdministrator, loadActor } from '../../main/people/actor.js';
import { clientRange } from '../../main/sync/ids.js';
import { TEST_NOW } from '../support/db.js';
import { bundleChild, PASSWORD, seedTeam, startServerProcess, syncedDump, type ServerProcess } from '../support/team.js';

/**
 * The convergence property: a team server and three desktops (a salesperson, their manager, the
 * logistics coordinator; in big runs also a salesperson of another region), each a child process on its own SQLite file, make random
 * changes of the synced kinds (visits, weekly reviews and comments, plans, submissions and
 * decisions, stock counts, prospects, a training's answers, attendance and notes, visits' photos, and the manager's
 * target edits: cells, SKUs and brand totals, locks and unlocks, agreed numbers, brand lines, natural
 * volumes drawn again, new plans, versions saved as draft or agreed, deletions), go offline and online, sync in random order,
 * and are killed with SIGKILL at random moments (the server too). Meanwhile the administrator works
 * on the server's own file (as `cli call --db` does): edits, locks, agreed versions and deletions of
 * the same target plans, so the manager's queued edits meet a server that moved on and some are
 * refused there, and moves the salesperson S1 to the other region and back. After everyone has
 * synced at the end:
 * - every desktop acts as its person is now on the server (their regions), and its replica's synced
 *   tables equal the server's for that scope;
 * - every queued call has exactly one result on the server (seqs 1..n, no gap, none twice), and the
 *   records an accepted call created exist once (visits by the ids the desktop chose);
 * - every refused call is in its author's refusals, and nothing else is; a target edit of an agreed
 *   (signed-off) version is refused on the desktop at once, with the rule's message, and never queued;
 * - target plans made on a desktop exist at most once on the server (each call names its own);
 * - `integrity_check` is clean on every file.
 * CI size: 2 runs of up to 20 steps, 3 desktops; SYNC_FUZZ_RUNS=N for N runs of up to 80 steps, 4 desktops.
 */
const BIG = process.env.SYNC_FUZZ_RUNS !== undefined;
const RUNS = BIG ? Number(process.env.SYNC_FUZZ_RUNS) : 2;
const MAX_STEPS = BIG ? 80 : 20;

const ALL_PEOPLE = ['S1', 'M1', 'L1', 'S3'] as const;
type Person = (typeof ALL_PEOPLE)[number];
/** Three desktops in CI (the machine starts each as a process, several times); the other region's salesperson too in big runs. */
const PEOPLE: readonly Person[] = BIG ? ALL_PEOPLE : ['S1', 'M1', 'L1'];

let serverScript = '';
let desktopScript = '';
let seedDir = '';
let ids: Record<string, number> = {};

beforeAll(async () => {
  serverScript = await bundleChild('tests/support/team-server-child.ts', 'team-server-child');
  desktopScript = await bundleChild('tests/support/sync-desktop-child.ts', 'sync-desktop-child');
  seedDir = mkdtempSync(join(tmpdir(), 'planner-sync-fuzz-seed-'));
  ids = await seedTeam(join(seedDir, 'team.sqlite'));
  await seedTargets(join(seedDir, 'team.sqlite'));
});

/** The administrator's context on a file, as the command line's `call --db` builds it. */
async function asAdministrator<T>(file: string, work: (ctx: ServiceContext) => Promise<T>): Promise<T> {
  const db = openDatabase(file);
  try {
    return await work({
      db,
      databasePath: file,
      jobs: new JobRunner(':memory:', db),
      door: 'cli',
      version: 'test',
      actor: builtInAdministrator(),
    });
  } finally {
    closeDatabase(db);
  }
}

/**
 * Target plans to edit: a second Lager SKU, last summer's sales of both at D1 (the plan's basis, as
 * an import would load them) and the 2027 season's plan of region N.
 */
async function seedTargets(file: string): Promise<void> {
  await asAdministrator(file, async (ctx) => {
    const must = async (method: string, input: unknown) => {
      const r = await dispatch(ctx, method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.value as { id: number };
    };
    ids.P2 = (
      await must('product.create', {
        draft: { sku: 'P2', name: 'Lager 330', brand: 'Lager', pack: 'can', sizeMl: 330, unitsPerCase: 24, status: 'active' },
      })
    ).id;
    const history = ctx.db.prepare('INSERT INTO sales_history (distributor_id, product_id, month, cases) VALUES (?, ?, ?, ?)');
    for (const [i, month] of ['2026-06', '2026-07', '2026-08'].entries()) {
      history.run(ids.D1, ids.P1, month, 40 + i * 10);
      history.run(ids.D1, ids.P2, month, 20 + i * 5);
    }
    await must('targets.create', {
      regionId: ids.N,
      seasonYear: 2027,
      name: 'Summer 2027',
      basis: 'last_year',
      lines: [{ brand: 'Lager', volume: 300 }],
      newOutlets: 2,
      confirm: true,
    });
  });
}

afterAll(() => {
  rmSync(seedDir, { recursive: true, force: true });
  rmSync(serverScript, { force: true });
  rmSync(desktopScript, { force: true });
});

class DesktopProcess {
  child!: ChildProcess;
  private next = 1;
  private waiting = new Map<number, (answer: { ok: boolean; value?: unknown; error?: string }) => void>();
  private exited!: Promise<void>;

  constructor(
    readonly file: string,
    readonly person: Person,
  ) {}

  async start(): Promise<void> {
    this.child = spawn(process.execPath, [desktopScript, this.file], {
      env: { ...process.env, PLANNER_NOW: TEST_NOW },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stderr!.on('data', (d: Buffer) => {
      if (process.env.TEAM_DEBUG) process.stderr.write(d);
    });
    this.exited = new Promise((done) => this.child.once('exit', () => done()));
    void this.exited.then(() => {
      for (const resolve of this.waiting.values()) resolve({ ok: false, error: 'killed' });
      this.waiting.clear();
    });
    const lines = createInterface({ input: this.child.stdout! });
    await new Promise<void>((ready) => {
      lines.on('line', (line) => {
        const message = JSON.parse(line) as { ready?: true; id?: number; ok: boolean; value?: unknown; error?: string };
        if (message.ready) return ready();
        const resolve = this.waiting.get(message.id!);
        this.waiting.delete(message.id!);
        resolve?.(message);
      });
    });
  }

  send(command: Record<string, unknown>): Promise<{ ok: boolean; value?: unknown; error?: string }> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.child.stdin!.write(`${JSON.stringify({ ...command, id })}\n`);
    });
  }

  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  async stop(): Promise<void> {
    this.child.stdin!.end();
    this.child.kill('SIGTERM');
    await this.exited;
  }
}

/** One random step, as data (fast-check shrinks it), turned into a call when it runs. */
type Step =
  | { kind: 'call'; who: number; what: number; a: number; b: number; c: boolean }
  | { kind: 'sync'; who: number }
  | { kind: 'office'; what: number; a: number; b: number }
  | { kind: 'offline' | 'online'; who: number }
  | { kind: 'killDesktop'; who: number; afterMs: number }
  | { kind: 'killServer'; who: number; afterMs: number };

const who = fc.integer({ min: 0, max: PEOPLE.length - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({ kind: fc.constant('call' as const), who, what: fc.nat(14), a: fc.nat(3), b: fc.nat(40), c: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('office' as const), what: fc.nat(4), a: fc.nat(3), b: fc.nat(40) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('sync' as const), who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('offline' as const, 'online' as const), who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('killDesktop' as const), who, afterMs: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('killServer' as const), who, afterMs: fc.nat(40) }) },
);

const WEEKS = ['2026-11-02', '2026-11-09', '2026-11-16'];
const MONTHS = ['2026-11', '2026-12'];

/** The call a person makes for a step: the kinds their role works with, on their own records. */
function callFor(person: Person, s: Extract<Step, { kind: 'call' }>): { method: string; input: unknown } {
  const salesperson = person === 'S3' ? ids.S3! : ids.S1!;
  const distributor = person === 'S3' ? ids.D2! : ids.D1!;
  const week = WEEKS[s.a % WEEKS.length]!;
  const month = MONTHS[s.a % MONTHS.length]!;
  if (person === 'L1') {
    return {
      method: 'stock.set',
      input: {
        distributorId: ids.D1,
        productId: ids.P1,
        date: `2026-11-${String(1 + (s.a % 3)).padStart(2, '0')}`,
        cases: s.b,
        confirm: true,
      },
    };
  }
  if (person === 'M1') {
    const target = s.what % 2 === 0 ? ids.S1! : ids.S2!;
    if (s.what >= 5) throw new Error('target edits go through targetCallFor');
    switch (s.what % 5) {
      case 3:
        return {
          method: 'event.setInvitee',
          input: {
            eventId: ids.E1,
            distributorId: ids.D1,
            rsvp: s.c ? 'accepted' : 'declined',
            attended: s.c,
            feedbackScore: 1 + (s.b % 5),
          },
        };
      case 4:
        return { method: 'event.addItem', input: { eventId: ids.E1, kind: 'discussion', label: `note ${s.b}` } };
      case 0:
        return { method: 'weeklyReview.comment', input: { salespersonId: target, weekStart: week, managerComment: `comment ${s.b}` } };
      case 1:
        return {
          method: 'devPlan.decide',
          input: { salespersonId: ids.S1, month, decision: s.c ? 'approve' : 'return', ...(s.c ? {} : { comment: `redo ${s.b}` }) },
        };
      default:
        return { method: 'devPlan.reopen', input: { salespersonId: ids.S1, month, reason: `reopen ${s.b}` } };
    }
  }
  switch (s.what % 7) {
    case 0:
    case 1:
      return {
        method: 'visit.log',
        input: {
          salespersonId: salesperson,
          day: `2026-11-${String(10 + (s.b % 10)).padStart(2, '0')}`,
          outletType: 'distributor',
          outletId: distributor,
          purpose: 'service',
          outcome: 'done',
          // Half of them with a photo (a JPEG's first bytes), which syncs with its visit.
          ...(s.c ? { photo: { mimeType: 'image/jpeg', dataBase64: `/9j/4AAQ${'A'.repeat(4 * s.b)}` } } : {}),
        },
      };
    case 2:
    case 3:
      return {
        method: 'weeklyReview.save',
        input: { salespersonId: salesperson, weekStart: week, problems: `p${s.b}`, successes: null, submit: s.c },
      };
    case 4:
      return {
        method: 'devPlan.save',
        input: {
          salespersonId: salesperson,
          month,
          areaIds: [person === 'S3' ? ids.A2 : ids.A1],
          plannedVisits: s.b,
          newSubDealers: 0,
          newTerminals: 1,
          competitors: [],
        },
      };
    case 6:
      // The South salesperson cannot see North's prospect: they log a visit instead.
      if (person !== 'S3')
        return {
          method: 'pipeline.move',
          input: {
            outletType: 'sub_dealer',
            outletId: ids.SD1,
            stage: (['contacted', 'negotiating', 'prospect'] as const)[s.a % 3],
            rejectReason: null,
          },
        };
      return {
        method: 'visit.log',
        input: {
          salespersonId: salesperson,
          day: '2026-11-12',
          outletType: 'distributor',
          outletId: distributor,
          purpose: 'service',
          outcome: 'done',
        },
      };
    default:
      return { method: 'devPlan.submit', input: { salespersonId: salesperson, month } };
  }
}

const TARGET_MONTHS = ['2027-06', '2027-07', '2027-08'];
/** Methods the agreed-version guard refuses (main/people/frozen.ts). */
const FROZEN_TARGET_EDITS = new Set(['targets.edit', 'targets.setLine', 'targets.lock', 'targets.setAgreed', 'targets.refreshNatural']);
let planNames = 0;

interface PlanRow {
  id: number;
  status: 'draft' | 'agreed';
}

/**
 * A target call of the manager's (kinds 5..14 of `what`) on one of the plans their replica holds:
 * an edit at cell, SKU or distributor-brand level, a lock or unlock, an agreed number set or
 * cleared, a brand line, a version (draft or agreed), the natural volume drawn again, a deletion,
 * or a new plan when none is left.
 */
function targetCallFor(plans: PlanRow[], s: Extract<Step, { kind: 'call' }>): { method: string; input: unknown } {
  const plan = plans[s.b % Math.max(1, plans.length)];
  const productId = s.c ? ids.P1! : ids.P2!;
  const month = TARGET_MONTHS[s.a % TARGET_MONTHS.length]!;
  if (!plan || s.what === 13) {
    return {
      method: 'targets.create',
      input: {
        regionId: ids.N,
        seasonYear: 2027,
        name: `plan ${++planNames}`,
        basis: 'last_year',
        lines: [{ brand: 'Lager', volume: 100 + s.b * 5 }],
        newOutlets: s.a,
        confirm: true,
      },
    };
  }
  const planId = plan.id;
  switch (s.what) {
    case 5:
      return { method: 'targets.edit', input: { planId, at: { level: 'cell', distributorId: ids.D1, productId, month }, value: s.b } };
    case 6:
      return { method: 'targets.edit', input: { planId, at: { level: 'sku', distributorId: ids.D1, productId }, value: s.b * 3 } };
    case 7:
      return {
        method: 'targets.edit',
        input: { planId, at: { level: 'distributor', distributorId: ids.D1, brand: 'Lager' }, value: 50 + s.b * 4, confirm: true },
      };
    case 8:
      return {
        method: 'targets.lock',
        input: { planId, distributorId: ids.D1, productId, ...(s.a % 2 === 0 ? { month } : {}), locked: s.c },
      };
    case 9:
      return { method: 'targets.setAgreed', input: { planId, distributorId: ids.D1, brand: 'Lager', cases: s.a === 0 ? null : s.b * 6 } };
    case 10:
      return { method: 'targets.setLine', input: { planId, brand: 'Lager', value: 60 + s.b * 4, confirm: true } };
    case 11:
      return { method: 'targets.saveVersion', input: { planId, name: `version ${++planNames}`, status: s.c ? 'agreed' : 'draft' } };
    case 14:
      return { method: 'targets.refreshNatural', input: { planId } };
    default:
      return { method: 'targets.delete', input: { planId } };
  }
}

/**
 * The administrator at the server's file (what `cli call --db <server file>` does, while the server
 * runs or not): the change log's triggers are in the file, so these reach the desktops by pull, and
 * the manager's queued edits of the same plans meet them on the server.
 */
async function officeCall(serverFile: string, s: Extract<Step, { kind: 'office' }>): Promise<void> {
  await asAdministrator(serverFile, async (ctx) => {
    const db = ctx.db;
    if (s.what === 4) {
      // The salesperson S1 moved to the other region (and later back): their desktop's replica must follow.
      const region = db.prepare('SELECT region_id FROM staff WHERE id = ?').pluck().get(ids.S1) as number;
      const moved = await dispatch(ctx, 'person.update', {
        personId: ids.S1,
        name: 'Person S1',
        role: 'salesperson',
        regionIds: [region === ids.N ? ids.S : ids.N],
      });
      expect(moved.ok, moved.ok ? '' : moved.error.message).toBe(true);
      return;
    }
    const plans = db.prepare('SELECT id FROM target_plans ORDER BY id').pluck().all() as number[];
    const planId = plans[s.b % Math.max(1, plans.length)];
    if (planId === undefined) return;
    const productId = s.a % 2 === 0 ? ids.P1! : ids.P2!;
    const [method, input] =
      s.what === 0
        ? ['targets.lock', { planId, distributorId: ids.D1, productId, locked: s.b % 2 === 0 }]
        : s.what === 1
          ? ['targets.edit', { planId, at: { level: 'sku', distributorId: ids.D1, productId }, value: s.b * 2 }]
          : s.what === 2
            ? ['targets.saveVersion', { planId, name: `office ${++planNames}`, status: 'agreed' }]
            : ['targets.delete', { planId }];
    // Refused here too at times (an agreed version, locked cells): the office sees it at once.
    await dispatch(ctx, method, input);
  });
}

/**
 * The manager's target call on their desktop. An edit of an agreed version is refused there at
 * once (the author reads the rule's message) and not queued; any call refused on the desktop
 * leaves the queue as it was. What the desktop accepted goes to the server with the next push.
 */
async function targetStep(d: DesktopProcess, s: Extract<Step, { kind: 'call' }>): Promise<void> {
  const listed = await d.send({ op: 'call', method: 'targets.plans', input: {} });
  const plans = listed.value as ApiResult<PlanRow[]>;
  if (!plans.ok) throw new Error(plans.error.message);
  const pending = async () => ((await d.send({ op: 'status' })).value as { pending: number }).pending;
  const before = await pending();
  const { method, input } = targetCallFor(plans.value, s);
  const answer = await d.send({ op: 'call', method, input });
  expect(answer.ok, answer.error).toBe(true);
  const result = answer.value as ApiResult<unknown>;
  const plan = plans.value.find((p) => p.id === (input as { planId?: number }).planId);
  if (plan?.status === 'agreed' && FROZEN_TARGET_EDITS.has(method)) {
    expect(result.ok, `${method} of an agreed version`).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('conflict');
      expect(result.error.message).toContain('agreed version');
    }
  }
  expect(await pending(), `${method}: queued only when accepted here`).toBe(result.ok ? before + 1 : before);
}

async function runScenario(steps: Step[]): Promise<void> {
  const t0 = Date.now();
  const log = (what: string) => process.env.SYNC_FUZZ_VERBOSE && console.log(`${Date.now() - t0} ms ${what}`);
  const dir = mkdtempSync(join(tmpdir(), 'planner-sync-fuzz-'));
  const serverFile = join(dir, 'team.sqlite');
  copyFileSync(join(seedDir, 'team.sqlite'), serverFile);
  let server: ServerProcess = await startServerProcess(serverScript, serverFile, { PLANNER_NOW: TEST_NOW, TEAM_PULL_LIMIT: '7' });
  const port = String(server.port);
  const { url, fingerprint } = server;
  const desktops = PEOPLE.map((p) => new DesktopProcess(join(dir, `${p}.sqlite`), p));
  const offline = new Set<number>();
  try {
    log('server up');
    for (const d of desktops) {
      await d.start();
      log(`${d.person} started`);
      const connected = await d.send({ op: 'connect', serverUrl: url, fingerprint, personCode: d.person, password: PASSWORD });
      expect(connected.ok, connected.error).toBe(true);
    }
    const serverUp = async () => {
      if (server.child.exitCode === null && server.child.signalCode === null) return;
      server = await startServerProcess(serverScript, serverFile, { PLANNER_NOW: TEST_NOW, TEAM_PULL_LIMIT: '7', TEAM_PORT: port });
    };
    log('connected');
    for (const s of steps) {
      log(JSON.stringify(s));
      if (s.kind === 'office') {
        await officeCall(serverFile, s);
        continue;
      }
      const d = desktops[s.who]!;
      switch (s.kind) {
        case 'call': {
          if (d.person === 'M1' && s.what >= 5) {
            await targetStep(d, s);
            break;
          }
          const { method, input } = callFor(d.person, s);
          const answer = await d.send({ op: 'call', method, input });
          expect(answer.ok, answer.error).toBe(true);
          break;
        }
        case 'sync':
          if (!offline.has(s.who)) await d.send({ op: 'sync' });
          break;
        case 'offline':
          offline.add(s.who);
          break;
        case 'online':
          offline.delete(s.who);
          break;
        case 'killDesktop': {
          // Killed while syncing, at a random moment of it.
          const pending = d.send({ op: 'sync' });
          await new Promise((r) => setTimeout(r, s.afterMs));
          await d.kill();
          await pending;
          await d.start();
          break;
        }
        case 'killServer': {
          await serverUp();
          const pending = d.send({ op: 'sync' });
          await new Promise((r) => setTimeout(r, s.afterMs));
          await server.stop('SIGKILL');
          await pending;
          break;
        }
      }
    }
    // Everyone back online: two rounds each, so every desktop sees what the others sent.
    await serverUp();
    for (let round = 0; round < 2; round++) {
      for (const d of desktops) {
        const answer = await d.send({ op: 'sync' });
        expect(answer.ok, answer.error).toBe(true);
      }
    }
    log('final syncs done');
    for (const d of desktops) await d.stop();
    await server.stop();
    log('stopped');

    const serverDb = openDatabase(serverFile);
    try {
      if (process.env.SYNC_FUZZ_VERBOSE) {
        console.log(
          steps.length,
          'steps',
          serverDb.prepare('SELECT method, ok, count(*) AS n FROM sync_results GROUP BY method, ok').all(),
        );
      }
      expect(serverDb.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(serverDb.prepare('SELECT name FROM target_plans GROUP BY name HAVING count(*) > 1').pluck().all(), 'no plan twice').toEqual(
        [],
      );
      log('checking');
      for (const d of desktops) {
        const db = openDatabase(d.file);
        try {
          expect(db.pragma('integrity_check', { simple: true }), d.person).toBe('ok');
          expect(db.prepare('SELECT count(*) FROM sync_queue').pluck().get(), `${d.person}: queue empty`).toBe(0);
          const link = db
            .prepare('SELECT client_id AS clientId, client_no AS clientNo, next_seq AS nextSeq, person FROM sync_link')
            .get() as {
            clientId: string;
            clientNo: number;
            nextSeq: number;
            person: string;
          };
          const regions = (JSON.parse(link.person) as { regionIds: number[] | null }).regionIds;
          // the desktop acts as the person is now on the server (an office step may have moved S1)
          expect(regions, `${d.person}: regions as on the server`).toEqual(loadActor(serverDb, ids[d.person]!)?.regionIds);
          expect(syncedDump(db), `${d.person}: replica equals the server in scope`).toEqual(syncedDump(serverDb, regions));
          // Exactly once: one result per queued call, seqs 1..n.
          const seqs = serverDb
            .prepare('SELECT seq FROM sync_results WHERE client_id = ? ORDER BY seq')
            .pluck()
            .all(link.clientId) as number[];
          expect(seqs).toEqual(Array.from({ length: link.nextSeq - 1 }, (_, i) => i + 1));
          expect(serverDb.prepare('SELECT last_seq FROM sync_clients WHERE client_id = ?').pluck().get(link.clientId)).toBe(
            link.nextSeq - 1,
          );
          // The visits accepted from this desktop exist once each, with the ids it chose.
          const { high, low } = clientRange(link.clientNo);
          const accepted = serverDb
            .prepare("SELECT count(*) FROM sync_results WHERE client_id = ? AND method = 'visit.log' AND ok = 1")
            .pluck()
            .get(link.clientId);
          expect(serverDb.prepare('SELECT count(*) FROM visits WHERE id BETWEEN ? AND ?').pluck().get(low, high)).toBe(accepted);
          // Every refusal reached its author, and only refusals.
          const refused = serverDb
            .prepare('SELECT seq FROM sync_results WHERE client_id = ? AND ok = 0 ORDER BY seq')
            .pluck()
            .all(link.clientId);
          expect(db.prepare('SELECT seq FROM sync_refusals ORDER BY seq').pluck().all(), `${d.person}: refusals`).toEqual(refused);
          // Target plans this desktop made (new plans and versions, each call naming its own) exist once at most.
          const made = serverDb
            .prepare(
              "SELECT count(*) FROM sync_results WHERE client_id = ? AND method IN ('targets.create', 'targets.saveVersion') AND ok = 1",
            )
            .pluck()
            .get(link.clientId) as number;
          expect(serverDb.prepare('SELECT count(*) FROM target_plans WHERE id BETWEEN ? AND ?').pluck().get(low, high)).toBeLessThanOrEqual(
            made,
          );
        } finally {
          closeDatabase(db);
        }
      }
    } finally {
      closeDatabase(serverDb);
    }
  } finally {
    for (const d of desktops) if (d.child && d.child.exitCode === null && d.child.signalCode === null) await d.kill();
    await server.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('sync convergence', () => {
  it(
    'every replica equals the server in its scope; every call applied once; every refusal reported',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: MAX_STEPS }), (steps) => runScenario(steps)),
        { numRuns: RUNS, endOnFailure: true },
      );
    },
    // Starting the child processes dominates; on a machine shared with other work it can take minutes.
    BIG ? 3_600_000 : 240_000,
  );
});
