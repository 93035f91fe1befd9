import { afterEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../main/demo/generate.js';
import { clockFrom, setClock } from '../../shared/domain/clock.js';
import { call, refusal } from '../support/call.js';
import { asPerson, createTestDb, TEST_NOW } from '../support/db.js';
import { errorLines, importFile, importingText } from '../support/importing.js';

afterEach(() => setClock(clockFrom(TEST_NOW)));

/** The S demo (as of TEST_NOW, 2026-11-20), one of its salespeople and two terminals of their areas not yet in the pipeline. */
function demo() {
  const t = createTestDb();
  seedDemo(t.db, { scale: 'S', today: new Date(TEST_NOW) });
  const sp = t.db.prepare("SELECT id, code FROM staff WHERE role = 'salesperson' ORDER BY id LIMIT 1").get() as {
    id: number;
    code: string;
  };
  const manager = t.db.prepare("SELECT code FROM staff WHERE role = 'regional_manager' LIMIT 1").pluck().get() as string;
  const terminals = t.db
    .prepare(
      `SELECT t.id FROM terminals t JOIN staff_areas sa ON sa.area_id = t.area_id AND sa.staff_id = ?
       WHERE t.status = 'prospect' AND NOT EXISTS (SELECT 1 FROM pipeline p WHERE p.outlet_type = 'terminal' AND p.outlet_id = t.id)
       ORDER BY t.id LIMIT 3`,
    )
    .pluck()
    .all(sp.id) as number[];
  return { ...t, sp, manager, terminals };
}

const visit = (salespersonId: number, outletId: number, day: string, extra: Record<string, unknown> = {}) => ({
  salespersonId,
  day,
  outletType: 'terminal',
  outletId,
  purpose: 'develop',
  outcome: 'interested',
  ...extra,
});

describe('the rules the seeds imply', () => {
  it('refuses a visit dated after the local today, naming the field and the rule, and writes nothing', async () => {
    const { ctx, db, sp, terminals } = demo();
    const me = asPerson(ctx, sp.code);
    const before = db.prepare('SELECT count(*) FROM visits').pluck().get();
    const refused = await refusal(me, 'visit.log', visit(sp.id, terminals[0]!, '2026-11-21'));
    expect(refused).toMatchObject({
      code: 'validation',
      issues: [{ path: 'day' }],
      rule: { code: 'visitInFuture', params: { day: '2026-11-21', today: '2026-11-20' } },
    });
    expect(db.prepare('SELECT count(*) FROM visits').pluck().get()).toBe(before);
    expect(db.prepare("SELECT count(*) FROM pipeline WHERE outlet_type = 'terminal' AND outlet_id = ?").pluck().get(terminals[0])).toBe(0);
    // Today is fine; so is tomorrow once it has come.
    await call(me, 'visit.log', visit(sp.id, terminals[0]!, '2026-11-20'));
    setClock(clockFrom('2026-11-21T08:00:00Z'));
    await call(me, 'visit.log', visit(sp.id, terminals[0]!, '2026-11-21'));
  });

  it('decides rewards and penalties only after the month has ended', async () => {
    const { ctx, sp, manager } = demo();
    const boss = asPerson(ctx, manager);
    const decide = { salespersonId: sp.id, month: '2026-11', decision: 'none', note: null };
    expect((await call(boss, 'evaluation.scorecard', { month: '2026-11' })).provisional).toBe(true);
    const refused = await refusal(boss, 'evaluation.decide', decide);
    expect(refused.rule).toEqual({ code: 'decideBeforeMonthEnd', params: { month: '2026-11' } });
    expect(ctx.db.prepare("SELECT count(*) FROM evaluations WHERE month = '2026-11'").pluck().get()).toBe(0);
    setClock(clockFrom('2026-12-01T08:00:00Z'));
    expect((await call(boss, 'evaluation.scorecard', { month: '2026-11' })).provisional).toBe(false);
    await call(boss, 'evaluation.decide', decide);
  });

  it('keeps a refused prospect as "refused, revisit on DATE", not lost', async () => {
    const { ctx, db, sp, terminals } = demo();
    const me = asPerson(ctx, sp.code);
    const [a, b, c] = terminals as [number, number, number];
    // A refusal at a visit: the visit's next date is the revisit date.
    await call(
      me,
      'visit.log',
      visit(sp.id, a, '2026-11-18', { outcome: 'rejected', note: 'Tied to a competitor', nextDate: '2027-03-01' }),
    );
    // Refused in the pipeline without a date: asked again in three months.
    await call(me, 'visit.log', visit(sp.id, b, '2026-11-18'));
    await call(me, 'pipeline.move', {
      outletType: 'terminal',
      outletId: b,
      stage: 'rejected',
      rejectReason: 'No fridge space',
      day: '2026-11-19',
    });
    const list = await call(me, 'pipeline.list', { stage: 'rejected', limit: 100 });
    const byId = new Map(list.rows.map((r) => [r.outletId, r]));
    expect(byId.get(a)).toMatchObject({
      stage: 'rejected',
      rejectReason: 'Tied to a competitor',
      revisitOn: '2027-03-01',
      outletStatus: 'prospect',
    });
    expect(byId.get(b)).toMatchObject({ stage: 'rejected', revisitOn: '2027-02-18', outletStatus: 'prospect' });
    // A revisit date that does not come after the refusal is refused, with the field.
    await call(me, 'visit.log', visit(sp.id, c, '2026-11-18'));
    const refused = await refusal(me, 'pipeline.move', {
      outletType: 'terminal',
      outletId: c,
      stage: 'rejected',
      rejectReason: 'Closed for winter',
      revisitOn: '2026-11-19',
      day: '2026-11-19',
    });
    expect(refused).toMatchObject({ issues: [{ path: 'revisitOn' }], rule: { code: 'revisitAfterRefusal' } });
    expect(db.prepare("SELECT stage FROM pipeline WHERE outlet_type = 'terminal' AND outlet_id = ?").pluck().get(c)).toBe('contacted');
    // On its revisit day the refused prospect is due again on the salesperson's day list.
    const due = async (day: string) => (await call(me, 'dayRoute.due', { salespersonId: sp.id, day })).outlets.map((o) => o.outletId);
    expect(await due('2027-02-17')).not.toContain(b);
    expect(await due('2027-02-18')).toContain(b);
    // Coming back to the prospect clears the date.
    await call(me, 'pipeline.move', { outletType: 'terminal', outletId: b, stage: 'contacted', rejectReason: null, day: '2026-11-20' });
    expect(db.prepare("SELECT revisit_on FROM pipeline WHERE outlet_type = 'terminal' AND outlet_id = ?").pluck().get(b)).toBeNull();
  });

  it("lets a salesperson import their own visits only: another person's row or a future day is named, nothing is written", async () => {
    const { ctx, db, sp, terminals } = demo();
    const me = asPerson(ctx, sp.code);
    const colleague = db.prepare("SELECT code FROM staff WHERE role = 'salesperson' AND id <> ? LIMIT 1").pluck().get(sp.id) as string;
    const codes = db
      .prepare(`SELECT code FROM terminals WHERE id IN (${terminals.join(',')}) ORDER BY id`)
      .pluck()
      .all() as string[];
    const before = db.prepare('SELECT count(*) FROM visits').pluck().get() as number;
    const csv = (rows: string[]) => Buffer.from(['salesperson,day,outlet type,outlet,purpose,outcome', ...rows].join('\n') + '\n');
    const mixed = await importFile(
      me,
      'visits',
      'visits.csv',
      csv([
        `${sp.code},2026-11-18,terminal,${codes[0]},develop,interested`,
        `${colleague},2026-11-18,terminal,${codes[1]},develop,interested`,
        `${sp.code},2026-11-25,terminal,${codes[2]},develop,interested`,
      ]),
    );
    expect(mixed.report.errors.map((e) => [e.line, e.code])).toEqual([
      [3, 'not_own_visit'],
      [4, 'in_the_future'],
    ]);
    const lines = errorLines(await importingText('en'), mixed.report);
    expect(lines[0]).toContain('a salesperson imports only their own visits');
    expect(errorLines(await importingText('zh'), mixed.report)[1]).toContain('晚于今天');
    expect(mixed.outcome.ok).toBe(false);
    expect(db.prepare('SELECT count(*) FROM visits').pluck().get()).toBe(before);

    const own = await importFile(me, 'visits', 'mine.csv', csv([`${sp.code},2026-11-18,terminal,${codes[0]},develop,interested`]));
    expect(own.report.errors).toEqual([]);
    expect(own.outcome.ok).toBe(true);
    expect(db.prepare('SELECT count(*) FROM visits').pluck().get()).toBe(before + 1);

    // Anything else is a manager's or a coordinator's import.
    const refused = await refusal(me, 'import.preview', {
      entity: 'distributors',
      fileName: 'd.csv',
      contentBase64: Buffer.from('code,name\nX,Y\n').toString('base64'),
    });
    expect(refused).toMatchObject({ code: 'forbidden', rule: { code: 'importOwnVisitsOnly' } });
    // A manager imports anyone's visits of their region.
    const manager = db.prepare("SELECT code FROM staff WHERE role = 'regional_manager' LIMIT 1").pluck().get() as string;
    const theirs = await importFile(
      asPerson(ctx, manager),
      'visits',
      'team.csv',
      csv([`${colleague},2026-11-18,terminal,${codes[1]},develop,interested`]),
    );
    expect(theirs.outcome.ok).toBe(true);
  });
});
