import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch.js';
import { closeDatabase, openDatabase } from '../../main/db/open.js';
import { syncRound } from '../../main/sync/engine.js';
import { accountsSettings } from '../../main/accounts/service.js';
import { getScoringSettings } from '../../main/development/evaluations.js';
import { TEST_NOW } from '../support/db.js';
import { openDesktop, PASSWORD, startServerProcess, syncedDump, type Desktop } from '../support/team.js';
import { teamOnLoopback } from '../support/team-on-loopback.js';

/**
 * A real team server process on loopback and desktops on their own SQLite files: changes made on a
 * desktop are applied there at once and queued, pushed exactly once, refused ones reported and
 * undone, and the other desktops pull what the server accepted.
 */
const team = teamOnLoopback('sync-engine');
const { connected } = team;

async function ok(desktop: Desktop, method: string, input: unknown): Promise<unknown> {
  const result = await dispatch(desktop.ctx, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

function serverRows(sql: string, ...params: unknown[]): unknown[] {
  const db = openDatabase(team.serverFile);
  try {
    return db.prepare(sql).all(...params);
  } finally {
    closeDatabase(db);
  }
}

const review = (salespersonId: number, problems: string) => ({
  salespersonId,
  weekStart: '2026-11-16',
  problems,
  successes: 'two new outlets',
  submit: true,
});

describe('a desktop connected to a team server', () => {
  it('loads its person’s scope at the first sync: its region, not the other one', async () => {
    const s1 = await connected('S1');
    const codes = s1.ctx.db.prepare('SELECT code FROM distributors ORDER BY code').pluck().all();
    expect(codes).toEqual(['D1']);
    expect(s1.ctx.db.prepare('SELECT count(*) FROM staff WHERE password_hash IS NOT NULL').pluck().get()).toBe(0);
    expect((await dispatch(s1.ctx, 'sync.status', {})).ok).toBe(true);
    expect(s1.engine.status()).toMatchObject({ state: 'synced', pending: 0, person: { code: 'S1' } });
  });

  it('queues a change made offline, applies it at once, and sends it exactly once', async () => {
    const s1 = await connected('S1');
    const m1 = await connected('M1');
    await ok(s1, 'weeklyReview.save', review(team.ids.S1!, 'rain all week'));
    // Applied here at once, waiting for the server.
    expect(s1.ctx.db.prepare('SELECT problems FROM weekly_reviews WHERE salesperson_id = ?').pluck().get(team.ids.S1)).toBe(
      'rain all week',
    );
    expect(s1.engine.status()).toMatchObject({ state: 'pending', pending: 1 });
    expect(serverRows('SELECT * FROM weekly_reviews')).toEqual([]);

    await s1.engine.syncNow();
    expect(s1.engine.status()).toMatchObject({ state: 'synced', pending: 0 });
    expect(serverRows('SELECT problems FROM weekly_reviews WHERE salesperson_id = ?', team.ids.S1)).toEqual([
      { problems: 'rain all week' },
    ]);
    // The server wrote the history, with the author; the desktop received it and wrote none itself.
    const history = serverRows("SELECT actor_code FROM record_history WHERE entity = 'weekly_review'") as { actor_code: string }[];
    expect(history.map((h) => h.actor_code)).toEqual(['S1']);

    // The manager's desktop pulls it, comments; the salesperson's desktop gets the comment.
    await m1.engine.syncNow();
    expect(m1.ctx.db.prepare('SELECT problems FROM weekly_reviews WHERE salesperson_id = ?').pluck().get(team.ids.S1)).toBe(
      'rain all week',
    );
    await ok(m1, 'weeklyReview.comment', { salespersonId: team.ids.S1, weekStart: '2026-11-16', managerComment: 'Good week anyway' });
    await m1.engine.syncNow();
    await s1.engine.syncNow();
    expect(s1.ctx.db.prepare('SELECT manager_comment FROM weekly_reviews WHERE salesperson_id = ?').pluck().get(team.ids.S1)).toBe(
      'Good week anyway',
    );
    const s1History = s1.ctx.db.prepare("SELECT actor_code FROM record_history WHERE entity = 'weekly_review' ORDER BY id").pluck().all();
    expect(s1History).toEqual(['S1', 'M1']);
  });

  it('creates records with ids from its own range, and a retry after a lost answer changes nothing twice', async () => {
    const s2 = await connected('S2');
    const visit = (await ok(s2, 'visit.log', {
      salespersonId: team.ids.S2,
      day: '2026-11-19',
      outletType: 'distributor',
      outletId: team.ids.D1,
      purpose: 'service',
      outcome: 'done',
    })) as { id: number };
    expect(visit.id).toBeLessThan(0);
    // The push reaches the server, but the desktop "crashes" before it applies the answer: the
    // queue still holds the entry, so the next round sends it again.
    const link = s2.engine.link()!;
    const entries = s2.ctx.db.prepare('SELECT seq, method, input, ids, at FROM sync_queue').all() as {
      seq: number;
      method: string;
      input: string;
      ids: string;
      at: string;
    }[];
    const { postJson } = await import('../../main/sync/client.js');
    const { pushResponse } = await import('../../shared/sync/protocol.js');
    const first = await postJson(
      link.serverUrl,
      link.fingerprint,
      '/api/sync/push',
      { clientId: link.clientId, entries: entries.map((e) => ({ ...e, input: JSON.parse(e.input), ids: JSON.parse(e.ids) })) },
      pushResponse,
      link.token,
    );
    expect(first.results).toEqual([{ seq: entries[0]!.seq, ok: true }]);
    await syncRound(s2.ctx.db);
    expect(serverRows('SELECT id, salesperson_id FROM visits')).toEqual([{ id: visit.id, salesperson_id: team.ids.S2 }]);
    expect(s2.engine.status()).toMatchObject({ state: 'synced', pending: 0 });
    expect(s2.ctx.db.prepare('SELECT id FROM visits').pluck().all()).toEqual([visit.id]);
  });

  it('reports a change the server refused, says what happened, and undoes it on the desktop', async () => {
    const s2 = await connected('S2');
    const m1 = await connected('M1');
    const week = { salespersonId: team.ids.S2, weekStart: '2026-11-09', problems: 'late deliveries', successes: null, submit: true };
    await ok(s2, 'weeklyReview.save', week);
    await s2.engine.syncNow();
    await m1.engine.syncNow();
    await ok(m1, 'weeklyReview.comment', { salespersonId: team.ids.S2, weekStart: '2026-11-09', managerComment: 'Call logistics' });
    // Meanwhile, offline, the salesperson rewrites the review the manager has just commented.
    await ok(s2, 'weeklyReview.save', { ...week, problems: 'rewritten' });
    expect(s2.ctx.db.prepare("SELECT problems FROM weekly_reviews WHERE week_start = '2026-11-09'").pluck().get()).toBe('rewritten');
    await m1.engine.syncNow();
    await s2.engine.syncNow();
    expect(s2.engine.status()).toMatchObject({ state: 'refused', refusals: 1, pending: 0 });
    const [refusal] = s2.engine.refusals();
    expect(refusal).toMatchObject({ method: 'weeklyReview.save' });
    expect(refusal!.message).toMatch(/undone on this desktop/);
    // The server's error code travels with it, so the desktop says the reason in the person's language.
    expect(refusal!.code).toBe('conflict');
    // Undone here: the desktop holds the server's review, with the manager's comment.
    expect(s2.ctx.db.prepare("SELECT problems, manager_comment FROM weekly_reviews WHERE week_start = '2026-11-09'").get()).toEqual({
      problems: 'late deliveries',
      manager_comment: 'Call logistics',
    });
    await ok(s2, 'sync.acknowledge', { seq: refusal!.seq });
    expect(s2.engine.status().state).toBe('synced');
  });

  it('connects through the contract: probe, then connect runs the first sync as a job with progress', async () => {
    const desktop = openDesktop(join(team.dir, 'desktop-contract.sqlite'));
    team.desktops.push(desktop);
    // A desktop with data of its own keeps it as a backup before it becomes a replica.
    await ok(desktop, 'region.create', { draft: { code: 'OWN', name: 'Own region', peakMonths: [7] } });
    expect(await ok(desktop, 'sync.status', {})).toMatchObject({ state: 'solo' });
    const probed = (await ok(desktop, 'sync.probe', { serverUrl: team.server.url })) as { fingerprint: string };
    expect(probed.fingerprint).toBe(team.server.fingerprint);
    const status = (await ok(desktop, 'sync.connect', {
      serverUrl: team.server.url,
      fingerprint: probed.fingerprint,
      personCode: 'M1',
      password: PASSWORD,
    })) as { state: string; jobId: number | null };
    expect(status.state).toBe('syncing');
    expect(status.jobId).not.toBeNull();
    const job = await desktop.ctx.jobs.wait(status.jobId!);
    expect(job).toMatchObject({ state: 'done', progress: 1 });
    expect(await ok(desktop, 'sync.status', {})).toMatchObject({ state: 'synced', person: { code: 'M1' }, serverUrl: team.server.url });
    expect(desktop.ctx.db.prepare('SELECT code FROM regions ORDER BY code').pluck().all()).toEqual(['N', 'S']);
    expect(((await ok(desktop, 'backup.list', {})) as { backups: unknown[] }).backups).toHaveLength(1);
    // Wrong password: a clear refusal, the link unchanged.
    const wrong = await dispatch(desktop.ctx, 'sync.connect', {
      serverUrl: team.server.url,
      fingerprint: probed.fingerprint,
      personCode: 'M1',
      password: 'nope nope',
    });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) {
      expect(wrong.error.message).toMatch(/wrong password/);
      // The server's rule travels to the connect dialog, which words it in the person's language.
      expect(wrong.error.rule).toEqual({ code: 'signInRefused' });
    }
    // A server that cannot be reached: the reason named, with its rule.
    const away = await dispatch(desktop.ctx, 'sync.probe', { serverUrl: 'https://127.0.0.1:9' });
    expect(away).toMatchObject({ ok: false, error: { code: 'busy', rule: { code: 'teamUnreachable' } } });
  });

  it('refuses calls that cannot be replayed, with where to do them', async () => {
    const s1 = await connected('S1');
    const result = await dispatch(s1.ctx, 'demo.seed', { scale: 'S' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/solo desktop/);
    // ...with the rule, so the screen says it in the person's language.
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden', rule: { code: 'connectedDemo' } } });
    const run = await dispatch(s1.ctx, 'forecast.run', {});
    expect(run).toMatchObject({ ok: false, error: { rule: { code: 'connectedForecast' } } });
  });

  it('refuses a server whose certificate is not the pinned one', async () => {
    const s1 = openDesktop(join(team.dir, 'desktop-pin.sqlite'));
    team.desktops.push(s1);
    const wrong = team.server.fingerprint.replace(/^../, team.server.fingerprint.startsWith('AA') ? 'BB' : 'AA');
    const result = await dispatch(s1.ctx, 'sync.connect', {
      serverUrl: team.server.url,
      fingerprint: wrong,
      personCode: 'S1',
      password: PASSWORD,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/certificate is not the one this desktop trusts/);
    expect(s1.engine.status().state).toBe('solo');
  });

  it('goes offline when the server is unreachable, keeps working, and catches up', async () => {
    const s1 = await connected('S1');
    await team.server.stop();
    await ok(s1, 'weeklyReview.save', { ...review(team.ids.S1!, 'offline week'), weekStart: '2026-11-02' });
    await s1.engine.syncNow();
    expect(s1.engine.status()).toMatchObject({ state: 'offline', pending: 1 });
    expect(s1.engine.status().offlineSince).not.toBeNull();
    team.server = await startServerProcess(team.script, team.serverFile, { PLANNER_NOW: TEST_NOW, TEAM_PORT: String(team.server.port) });
    await s1.engine.syncNow();
    expect(s1.engine.status()).toMatchObject({ state: 'synced', pending: 0, offlineSince: null });
    expect(serverRows("SELECT problems FROM weekly_reviews WHERE salesperson_id = ? AND week_start = '2026-11-02'", team.ids.S1)).toEqual([
      { problems: 'offline week' },
    ]);
  });

  it('brings the manager’s rules to every desktop: the salesperson’s scorecard and segments use them', async () => {
    const m1 = await connected('M1');
    const s1 = await connected('S1');
    const northRules = { ...accountsSettings(m1.ctx.db).regions[String(team.ids.N!)]!, paretoShare: 0.7, stableScore: 0.5 };
    await ok(m1, 'accounts.saveSettings', { regionId: team.ids.N!, rules: northRules });
    const rules = accountsSettings(m1.ctx.db);
    expect(rules.regions[String(team.ids.N!)]).toEqual(northRules);
    const scoring = getScoringSettings(m1.ctx.db, team.ids.N!);
    const stricter = { ...scoring, thresholds: { ...scoring.thresholds, penalty: 0.8 } };
    await ok(m1, 'evaluation.saveSettings', { regionId: team.ids.N!, settings: stricter });
    // not yet on the salesperson's desktop: the manager's desktop has not sent them
    expect(accountsSettings(s1.ctx.db).regions[String(team.ids.N!)]!.paretoShare).toBe(0.8);
    await m1.engine.syncNow();
    await s1.engine.syncNow();
    expect(accountsSettings(s1.ctx.db)).toEqual(rules);
    expect(getScoringSettings(s1.ctx.db, team.ids.N!)).toEqual(stricter);
    const db = openDatabase(team.serverFile);
    try {
      expect(accountsSettings(db)).toEqual(rules);
    } finally {
      closeDatabase(db);
    }
  });

  it('holds exactly the server’s rows of the person’s scope once synced, history included', async () => {
    const s1 = await connected('S1');
    await s1.engine.syncNow();
    const db = openDatabase(team.serverFile);
    try {
      const expected = syncedDump(db, [team.ids.N!]);
      expect(expected.distributors).toHaveLength(1);
      expect(expected.weekly_reviews!.length).toBeGreaterThan(1);
      expect(syncedDump(s1.ctx.db)).toEqual(expected);
    } finally {
      closeDatabase(db);
    }
  });
});
