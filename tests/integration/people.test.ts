import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../main/db/migrations/index.js';
import { closeDatabase, openDatabase } from '../../main/db/open.js';
import { seedDemo } from '../../main/demo/generate.js';
import { JobRunner } from '../../main/jobs/runner.js';
import { withActor } from '../../main/people/actor.js';
import type { ServiceContext } from '../../main/api/context.js';
import { call, refusal } from '../support/call.js';
import { storedDistributor } from '../support/drafts.js';
import { asPerson, createTestDb, TEST_NOW } from '../support/db.js';
import { clockFrom, setClock } from '../../shared/domain/clock.js';

// Months the demo (generated as of 2026-11-20) has not planned yet.
const MONTH = '2027-01';
const WEEK = '2027-01-04';

/** The S demo region with its people (a manager, a coordinator, salespeople), and a second region's manager. */
function demo() {
  const t = createTestDb();
  seedDemo(t.db, { scale: 'S', today: new Date('2026-11-20T10:00:00Z') });
  const west = Number(
    t.db.prepare("INSERT INTO regions (code, name, created_at, updated_at) VALUES ('W', 'West', 'x', 'x')").run().lastInsertRowid,
  );
  t.db
    .prepare(
      "INSERT INTO staff (code, name, role, region_id, created_at, updated_at) VALUES ('WM', 'West manager', 'regional_manager', ?, 'x', 'x')",
    )
    .run(west);
  const person = (sql: string, ...params: unknown[]) => t.db.prepare(sql).get(...params) as { id: number; code: string; regionId: number };
  const sp = person("SELECT id, code, region_id AS regionId FROM staff WHERE role = 'salesperson' ORDER BY id LIMIT 1");
  const colleague = person(
    "SELECT id, code, region_id AS regionId FROM staff WHERE role = 'salesperson' AND region_id = ? AND id <> ? LIMIT 1",
    sp.regionId,
    sp.id,
  );
  const manager = person(
    "SELECT id, code, region_id AS regionId FROM staff WHERE role = 'regional_manager' AND region_id = ?",
    sp.regionId,
  );
  const otherManager = person(
    "SELECT id, code, region_id AS regionId FROM staff WHERE role = 'regional_manager' AND region_id <> ? LIMIT 1",
    sp.regionId,
  );
  const coordinator = person(
    "SELECT id, code, region_id AS regionId FROM staff WHERE role = 'logistics_coordinator' AND region_id = ?",
    sp.regionId,
  );
  const area = t.db.prepare('SELECT area_id FROM staff_areas WHERE staff_id = ? LIMIT 1').pluck().get(sp.id) as number;
  return { ...t, sp, colleague, manager, otherManager, coordinator, area };
}

// Deciding a month waits for its end: tests that decide move the clock past it, and back after.
afterEach(() => setClock(clockFrom(TEST_NOW)));
const AFTER_MONTH = '2027-02-01T10:00:00Z';

const planInput = (salespersonId: number, areaIds: number[]) => ({
  salespersonId,
  month: MONTH,
  areaIds,
  plannedVisits: 40,
  newSubDealers: 1,
  newTerminals: 3,
  competitors: [],
  note: null,
});

const history = (ctx: ServiceContext, filter: Record<string, unknown>) =>
  call(ctx, 'history.list', { ...filter, limit: 200 }).then((p) => p.rows);

describe('people, roles and sign-off on a real SQLite file', () => {
  it('signs people in with or without passwords, chosen once at first start', async () => {
    const { ctx } = createTestDb();
    const anonymous = withActor(ctx, undefined);
    expect(await call(anonymous, 'auth.status', {})).toMatchObject({ mode: null, people: [{ code: 'admin', roles: ['administrator'] }] });
    expect((await refusal(anonymous, 'auth.signIn', { code: 'admin' })).code).toBe('conflict');
    expect((await refusal(anonymous, 'auth.setup', { mode: 'password' })).issues?.[0]?.path).toBe('adminPassword');
    await call(anonymous, 'auth.setup', { mode: 'password', adminPassword: 'correct horse' });
    expect((await refusal(anonymous, 'auth.setup', { mode: 'none' })).code).toBe('conflict');
    expect((await refusal(anonymous, 'auth.signIn', { code: 'admin', password: 'wrong password' })).code).toBe('forbidden');
    expect((await refusal(anonymous, 'auth.signIn', { code: 'nobody', password: 'correct horse' })).message).toBe(
      'Unknown person or wrong password.',
    );
    const admin = await call(anonymous, 'auth.signIn', { code: 'admin', password: 'correct horse' });
    expect(admin.actor).toMatchObject({ personId: 0, roles: ['administrator'], regionIds: null });

    // A staff record is a person; in password mode it signs in once an administrator sets a password.
    const region = await call(ctx, 'region.create', { draft: { code: 'S', name: 'South', peakMonths: [7] } });
    const li = await call(ctx, 'staff.create', {
      draft: { code: 'LI', name: 'Li Na', role: 'salesperson', regionId: region.id, phone: null, email: null },
    });
    expect((await refusal(anonymous, 'auth.signIn', { code: 'LI', password: 'anything at all' })).message).toMatch(/no password yet/);
    expect((await refusal(asPerson(ctx, 'LI'), 'person.setPassword', { personId: 0, password: 'taken over!' })).code).toBe('forbidden');
    await call(ctx, 'person.setPassword', { personId: li.id, password: 'li-na-2026' });
    expect(await call(anonymous, 'auth.signIn', { code: 'li', password: 'li-na-2026' })).toMatchObject({
      actor: { personId: li.id, roles: ['salesperson'], regionIds: [region.id] },
    });
    // The hash is scrypt, never the password; the history does not carry either.
    expect(ctx.db.prepare('SELECT password_hash FROM staff WHERE id = ?').pluck().get(li.id)).toMatch(/^scrypt\$/);
    expect(JSON.stringify(await history(ctx, {}))).not.toContain('li-na-2026');
  });

  it('moves existing staff forward as people who can sign in, nothing lost', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'planner-people-')), 'db.sqlite');
    const old = new Database(file);
    old.pragma('foreign_keys = ON');
    migrate(old, 11);
    old.prepare("INSERT INTO regions (id, code, name, created_at, updated_at) VALUES (1, 'N', 'North', 'x', 'x')").run();
    old
      .prepare(
        "INSERT INTO staff (id, code, name, role, region_id, created_at, updated_at) VALUES (7, 'E7', 'Wang', 'regional_manager', 1, 'x', 'x')",
      )
      .run();
    old
      .prepare(
        "INSERT INTO dev_plans (salesperson_id, month, planned_visits, new_sub_dealers, new_terminals, status, decided_by, updated_at) VALUES (7, '2026-01', 1, 0, 0, 'approved', 7, 'x')",
      )
      .run();
    old.close();
    const db = openDatabase(file);
    const ctx: ServiceContext = { db, databasePath: file, jobs: new JobRunner(file, db), door: 'cli', version: 'test' };
    expect(db.prepare('SELECT decided_by FROM dev_plans').pluck().get()).toBe(7);
    await call(ctx, 'auth.setup', { mode: 'none' });
    expect(await call(ctx, 'auth.signIn', { code: 'E7' })).toMatchObject({
      actor: { personId: 7, roles: ['regional_manager'], regionIds: [1] },
    });
    closeDatabase(db);
  });

  it('lets a salesperson draft and submit only their own plan; only a manager of the region approves, comments and decides', async () => {
    const { ctx, sp, colleague, manager, otherManager, coordinator, area } = demo();
    const salesperson = asPerson(ctx, sp.code);
    const mine = await call(salesperson, 'devPlan.save', planInput(sp.id, [area]));
    expect(mine.status).toBe('draft');
    const notMine = await refusal(salesperson, 'devPlan.save', planInput(colleague.id, []));
    expect(notMine).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/salesperson drafts their own/) });
    await call(salesperson, 'devPlan.submit', { salespersonId: sp.id, month: MONTH });

    const approve = { salespersonId: sp.id, month: MONTH, decision: 'approve' };
    expect(await refusal(salesperson, 'devPlan.decide', approve)).toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/only a regional manager/),
    });
    expect((await refusal(asPerson(ctx, coordinator.code), 'devPlan.decide', approve)).code).toBe('forbidden');
    expect((await refusal(asPerson(ctx, otherManager.code), 'devPlan.decide', approve)).code).toBe('forbidden');
    expect(
      (
        await refusal(asPerson(ctx, otherManager.code), 'weeklyReview.comment', {
          salespersonId: sp.id,
          weekStart: WEEK,
          managerComment: 'x',
        })
      ).code,
    ).toBe('forbidden');
    const boss = asPerson(ctx, manager.code);
    const approved = await call(boss, 'devPlan.decide', approve);
    // The approver is the signed-in manager, not a name picked in a list.
    expect(approved).toMatchObject({ status: 'approved', decidedByName: expect.any(String) });
    expect(ctx.db.prepare('SELECT decided_by FROM dev_plans WHERE id = ?').pluck().get(mine.id)).toBe(manager.id);

    await call(salesperson, 'weeklyReview.save', {
      salespersonId: sp.id,
      weekStart: WEEK,
      problems: 'Rain',
      successes: 'Two bars',
      submit: true,
    });
    expect(
      (await refusal(salesperson, 'weeklyReview.comment', { salespersonId: sp.id, weekStart: WEEK, managerComment: 'Self praise' })).code,
    ).toBe('forbidden');
    expect(
      (
        await refusal(salesperson, 'weeklyReview.save', {
          salespersonId: colleague.id,
          weekStart: WEEK,
          problems: 'x',
          successes: null,
          submit: false,
        })
      ).code,
    ).toBe('forbidden');
    await call(boss, 'weeklyReview.comment', { salespersonId: sp.id, weekStart: WEEK, managerComment: 'Good week' });

    const decide = { salespersonId: sp.id, month: MONTH, decision: 'none', note: null };
    setClock(clockFrom(AFTER_MONTH));
    expect((await refusal(salesperson, 'evaluation.decide', decide)).code).toBe('forbidden');
    await call(boss, 'evaluation.decide', decide);
    expect(ctx.db.prepare('SELECT decided_by FROM evaluations WHERE salesperson_id = ?').pluck().get(sp.id)).toBe(manager.id);
  });

  it('keeps signed-off records frozen until reopened with a reason, and records who reopened them and why', async () => {
    const { ctx, sp, manager, area } = demo();
    const salesperson = asPerson(ctx, sp.code);
    const boss = asPerson(ctx, manager.code);
    await call(salesperson, 'devPlan.save', planInput(sp.id, [area]));
    await call(salesperson, 'devPlan.submit', { salespersonId: sp.id, month: MONTH });
    await call(boss, 'devPlan.decide', { salespersonId: sp.id, month: MONTH, decision: 'approve' });
    expect((await refusal(salesperson, 'devPlan.save', planInput(sp.id, [area]))).code).toBe('conflict');
    expect((await refusal(boss, 'devPlan.reopen', { salespersonId: sp.id, month: MONTH })).issues?.[0]?.path).toBe('reason');
    expect((await refusal(salesperson, 'devPlan.reopen', { salespersonId: sp.id, month: MONTH, reason: 'I want more' })).code).toBe(
      'forbidden',
    );
    await call(boss, 'devPlan.reopen', { salespersonId: sp.id, month: MONTH, reason: 'New terminals district opened' });
    expect((await call(salesperson, 'devPlan.save', { ...planInput(sp.id, [area]), plannedVisits: 55 })).plannedVisits).toBe(55);

    await call(salesperson, 'weeklyReview.save', {
      salespersonId: sp.id,
      weekStart: WEEK,
      problems: 'Rain',
      successes: null,
      submit: true,
    });
    await call(boss, 'weeklyReview.comment', { salespersonId: sp.id, weekStart: WEEK, managerComment: 'Noted' });
    const overwrite = { salespersonId: sp.id, weekStart: WEEK, problems: 'Nothing happened', successes: null, submit: true };
    expect((await refusal(salesperson, 'weeklyReview.save', overwrite)).code).toBe('conflict');
    expect(
      (await refusal(boss, 'weeklyReview.comment', { salespersonId: sp.id, weekStart: WEEK, managerComment: 'Changed my mind' })).code,
    ).toBe('conflict');
    expect(
      ctx.db
        .prepare('SELECT problems, manager_comment AS c FROM weekly_reviews WHERE salesperson_id = ? AND week_start = ?')
        .get(sp.id, WEEK),
    ).toEqual({ problems: 'Rain', c: 'Noted' });
    await call(boss, 'weeklyReview.reopen', { salespersonId: sp.id, weekStart: WEEK, reason: 'Wrong week commented' });
    await call(salesperson, 'weeklyReview.save', overwrite);

    setClock(clockFrom(AFTER_MONTH));
    await call(boss, 'evaluation.decide', { salespersonId: sp.id, month: MONTH, decision: 'none', note: null });
    expect((await refusal(boss, 'evaluation.decide', { salespersonId: sp.id, month: MONTH, decision: 'none', note: null })).code).toBe(
      'conflict',
    );
    await call(boss, 'evaluation.reopen', { salespersonId: sp.id, month: MONTH, reason: 'Visits corrected' });
    await call(boss, 'evaluation.decide', { salespersonId: sp.id, month: MONTH, decision: 'none', note: null });

    const reopened = await history(ctx, { method: 'devPlan.reopen' });
    expect(reopened).toEqual([
      expect.objectContaining({
        actorCode: manager.code,
        entity: 'dev_plan',
        action: 'update',
        reason: 'New terminals district opened',
        changes: expect.objectContaining({ status: ['approved', 'returned'] }),
      }),
    ]);
    const review = await history(ctx, { entity: 'weekly_review', entityId: `${sp.id}:${WEEK}` });
    expect(review.map((h) => [h.method, h.actorCode, h.reason])).toEqual([
      ['weeklyReview.save', sp.code, null],
      ['weeklyReview.reopen', manager.code, 'Wrong week commented'],
      ['weeklyReview.comment', manager.code, null],
      ['weeklyReview.save', sp.code, null],
    ]);
    expect(review[2]!.changes).toEqual({ manager_comment: [null, 'Noted'] });
    expect((await history(ctx, { entity: 'evaluation', method: 'evaluation.reopen' }))[0]).toMatchObject({
      action: 'delete',
      reason: 'Visits corrected',
    });
  });

  it('records who changed what, in the change’s own transaction, only the fields that changed, append-only', async () => {
    const { ctx, db, sp, manager, area } = demo();
    const boss = asPerson(ctx, manager.code);
    const distributor = db.prepare('SELECT id, name FROM distributors WHERE area_id = ? LIMIT 1').get(area) as { id: number; name: string };
    const { draft } = await storedDistributor(ctx, distributor.id);
    await call(boss, 'distributor.update', { id: distributor.id, draft: { ...draft, name: `${distributor.name} Trading` } });
    const rows = await history(boss, { entity: 'distributor', entityId: String(distributor.id) });
    expect(rows).toEqual([
      expect.objectContaining({
        actorCode: manager.code,
        actorName: expect.any(String),
        method: 'distributor.update',
        action: 'update',
        changes: { name: [distributor.name, `${distributor.name} Trading`] },
      }),
    ]);
    // A refused change leaves neither the change nor a history row.
    const before = db.prepare('SELECT count(*) FROM record_history').pluck().get();
    await refusal(asPerson(ctx, sp.code), 'devPlan.save', { ...planInput(sp.id, [area]), competitors: [{ brand: 'X', outlets: 99 }] });
    expect(db.prepare('SELECT count(*) FROM record_history').pluck().get()).toBe(before);
    // Calls that touch no recorded table are recorded once, by method, with what was asked.
    await call(boss, 'evaluation.saveSettings', {
      regionId: manager.regionId,
      settings: {
        weights: { visits: 1, newSubDealers: 1, newTerminals: 1, competitorWins: 1 },
        thresholds: { reward: 1, penalty: 0.4 },
        cap: 1.5,
      },
    });
    expect((await history(ctx, { method: 'evaluation.saveSettings' }))[0]).toMatchObject({
      entity: 'call',
      action: 'call',
      actorCode: manager.code,
    });
    expect(() => db.prepare('UPDATE record_history SET actor_code = ?').run('someone else')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM record_history').run()).toThrow(/append-only/);
    const csv = Buffer.from((await call(ctx, 'history.export', { entity: 'distributor' })).contentBase64, 'base64').toString('utf8');
    expect(csv).toContain('distributor.update');
    expect(csv).toContain(manager.code);
  });
});
