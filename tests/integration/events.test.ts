import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch.js';
import { seedDemo } from '../../main/demo/generate.js';
import { call } from '../support/call.js';
import { createTestDb } from '../support/db.js';
import { setInvitee } from '../../main/events/service.js';
import { parseWithIcalJs } from '../support/ical.js';

describe('training sessions and trips on a real SQLite file', () => {
  it('schedules, flags double-bookings, records attendance and feedback, follows up and exports invitations', async () => {
    const { db, ctx } = createTestDb();
    seedDemo(db, { scale: 'S' });
    const [d1, d2] = db.prepare('SELECT id FROM distributors ORDER BY id LIMIT 2').pluck().all() as number[];
    const rep = db.prepare("SELECT id FROM staff WHERE role = 'regional_manager' LIMIT 1").pluck().get() as number;
    const region = db.prepare('SELECT id FROM regions LIMIT 1').pluck().get() as number;
    const training = await call(ctx, 'event.create', {
      draft: {
        kind: 'training',
        title: 'Sales policy 2027',
        topic: 'sales_policy',
        trainer: 'Dr. Chen',
        trainerKind: 'expert',
        startsAt: '2027-01-12T09:00',
        endsAt: '2027-01-12T17:00',
        location: 'Riverside Hotel',
        capacity: 1,
        regionId: region,
        staffIds: [rep],
      },
    });
    // the representative also leads the training then: the save asks first and keeps nothing
    const tripDraft = {
      draft: {
        kind: 'trip',
        title: 'Brewery visit',
        startsAt: '2027-01-12T15:00',
        endsAt: '2027-01-14T12:00',
        location: 'Harbin',
        representativeId: rep,
        budgetPerPerson: 500,
        regionId: region,
      },
    };
    const asked = await dispatch(ctx, 'event.create', tripDraft);
    expect(asked).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ path: 'confirm', message: 'staff_double_booked' }] } });
    expect(db.prepare("SELECT count(*) FROM events WHERE title = 'Brewery visit'").pluck().get()).toBe(0);
    const trip = await call(ctx, 'event.create', { ...tripDraft, confirm: true });
    await call(ctx, 'event.invite', { eventId: training.id, distributorIds: [d1, d2] });
    await call(ctx, 'event.invite', { eventId: trip.id, distributorIds: [d1] });
    const t = await call(ctx, 'event.get', { id: training.id });
    expect(t.conflicts.map((c) => c.kind).sort()).toEqual(['distributor_double_booked', 'over_capacity', 'staff_double_booked']);

    // nobody can have come to an event that has not started
    const early = await dispatch(ctx, 'event.setInvitee', { eventId: training.id, distributorId: d1, attended: true });
    expect(early).toMatchObject({ ok: false, error: { code: 'validation', issues: [{ path: 'attended' }] } });
    await call(ctx, 'event.setInvitee', { eventId: training.id, distributorId: d1, rsvp: 'accepted' });
    // the day of the training
    setInvitee(
      db,
      { eventId: training.id, distributorId: d1!, attended: true, feedbackScore: 4, feedbackComment: 'Clear policy' },
      new Date('2027-01-12T10:00:00Z'),
    );
    await call(ctx, 'event.setInvitee', { eventId: training.id, distributorId: d2, rsvp: 'declined' });
    const after = await call(ctx, 'event.get', { id: training.id });
    expect(after).toMatchObject({ accepted: 1, attended: 1, averageFeedback: 4 });
    expect(after.conflicts.map((c) => c.kind)).not.toContain('over_capacity');

    await call(ctx, 'event.addItem', {
      eventId: trip.id,
      kind: 'discussion',
      label: 'Open problems with deliveries',
      at: '2027-01-13T10:00',
    });
    await call(ctx, 'event.addItem', { eventId: trip.id, kind: 'cost', label: 'Hotel', amount: 800 });
    const tripDetail = await call(ctx, 'event.get', { id: trip.id });
    expect(tripDetail.actualCost).toBe(800);
    expect(tripDetail.conflicts.map((c) => c.kind)).toContain('over_budget');
    const badItem = await dispatch(ctx, 'event.addItem', {
      eventId: trip.id,
      kind: 'material',
      label: 'Slides',
      url: 'javascript:alert(1)',
    });
    expect(badItem).toMatchObject({ ok: false, error: { code: 'validation' } });

    const item = await call(ctx, 'followup.create', {
      eventId: trip.id,
      distributorId: d1,
      kind: 'suggestion',
      text: 'Offer 20 L kegs for small bars',
      category: 'product',
      ownerId: rep,
      dueDate: '2027-02-01',
    });
    const refused = await dispatch(ctx, 'followup.update', { id: item.id, status: 'done' });
    expect(refused).toMatchObject({ ok: false, error: { issues: [{ path: 'resolution' }] } });
    const done = await call(ctx, 'followup.update', {
      id: item.id,
      status: 'done',
      resolution: 'Product team will pilot 20 L kegs in March',
    });
    expect(done.status).toBe('done');
    expect((await call(ctx, 'followup.list', { status: 'open' })).map((f) => f.id)).not.toContain(item.id);

    const ics = await call(ctx, 'event.ics', { eventId: training.id, distributorId: d1 });
    const text = Buffer.from(ics.contentBase64, 'base64').toString('utf8');
    expect(text).toContain('BEGIN:VEVENT');
    expect(text).toContain(`UID:event-${training.id}-distributor-${d1}@offseason-planner`);
    const bad = await dispatch(ctx, 'event.create', {
      draft: { kind: 'trip', title: 'Backwards', startsAt: '2027-01-12T15:00', endsAt: '2027-01-12T14:00' },
    });
    expect(bad).toMatchObject({ ok: false, error: { issues: [{ path: 'draft.endsAt' }] } });
  });
});

describe('invitation files', () => {
  it("invite each contact at their own address with their answer, in the user's language, in the region's zone, and parse with ical.js", async () => {
    const { ctx } = createTestDb();
    const region = await call(ctx, 'region.create', {
      draft: { code: 'S', name: 'South', peakMonths: [5, 6, 7], timeZone: 'Asia/Shanghai' },
    });
    const area = await call(ctx, 'area.create', { draft: { code: 'S1', name: 'Delta', regionId: region.id } });
    const people: Array<[string, string | null]> = [
      ['Pablo "PL" Li', 'pablo@example.com'],
      ['Wang Fang', 'wang@example.com'],
      ['Olga Petrova', null],
    ];
    const ids: number[] = [];
    for (const [i, [name, email]] of people.entries()) {
      const d = await call(ctx, 'distributor.create', {
        draft: {
          code: `D${i}`,
          name: `Dist ${i}`,
          areaId: area.id,
          leadTimeDays: 7,
          warehouseCapacityCases: 1000,
          relationshipLevel: 2,
          status: 'active',
        },
      });
      await call(ctx, 'contact.create', {
        draft: { ownerType: 'distributor', ownerId: d.id, name, level: 'owner', ...(email ? { email } : {}) },
      });
      ids.push(d.id);
    }
    const bad = await dispatch(ctx, 'contact.create', {
      draft: { ownerType: 'distributor', ownerId: ids[0], name: 'X', level: 'other', email: 'not an address' },
    });
    expect(bad).toMatchObject({ ok: false, error: { issues: [{ path: 'draft.email' }] } });
    const e = await call(ctx, 'event.create', {
      draft: {
        kind: 'training',
        title: 'Policy day',
        topic: 'sales_policy',
        trainer: 'Dr. Chen',
        trainerKind: 'expert',
        startsAt: '2027-03-02T09:00',
        endsAt: '2027-03-03T17:00',
        location: 'Riverside Hotel',
        regionId: region.id,
        notes: 'Bring last season’s figures',
      },
    });
    await call(ctx, 'event.invite', { eventId: e.id, distributorIds: ids });
    await call(ctx, 'event.setInvitee', { eventId: e.id, distributorId: ids[0], rsvp: 'accepted' });
    await call(ctx, 'event.setInvitee', { eventId: e.id, distributorId: ids[1], rsvp: 'declined' });
    await call(ctx, 'event.addItem', { eventId: e.id, kind: 'agenda', label: 'Welcome', at: '2027-03-02T09:00' });
    await call(ctx, 'event.addItem', { eventId: e.id, kind: 'discussion', label: 'Deliveries', at: '2027-03-03T14:00' });

    const file = await call(ctx, 'event.ics', { eventId: e.id, language: 'zh' });
    const { vevent, event } = parseWithIcalJs(Buffer.from(file.contentBase64, 'base64').toString('utf8'));
    expect(vevent.getAllProperties('attendee').map((a) => [a.getParameter('cn'), a.getFirstValue(), a.getParameter('partstat')])).toEqual([
      ['Pablo "PL" Li (Dist 0)', 'mailto:pablo@example.com', 'ACCEPTED'],
      ['Wang Fang (Dist 1)', 'mailto:wang@example.com', 'DECLINED'],
    ]);
    expect(event.startDate.zone.tzid).toBe('Asia/Shanghai');
    expect(event.startDate.toUnixTime()).toBe(Date.UTC(2027, 2, 2, 1, 0) / 1000);
    expect(event.description).toContain('主题: 销售政策');
    expect(event.description).toContain('2027年3月3日 14:00 Deliveries (讨论)');
    expect(event.description).toContain('备注: Bring last season’s figures');
    expect(event.description).toContain('Olga Petrova (Dist 2)');
    expect(event.description).not.toContain('sales_policy');

    // one invitee's own file, in English when the screen is in English
    const own = await call(ctx, 'event.ics', { eventId: e.id, distributorId: ids[0], language: 'en' });
    const mine = parseWithIcalJs(Buffer.from(own.contentBase64, 'base64').toString('utf8'));
    expect(mine.vevent.getAllProperties('attendee')).toHaveLength(1);
    expect(mine.event.description).toContain('Topic: Sales policy');
  });
});
