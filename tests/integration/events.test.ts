import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch.js';
import { seedDemo } from '../../main/demo/generate.js';
import { call } from '../support/call.js';
import { createTestDb } from '../support/db.js';

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
    const trip = await call(ctx, 'event.create', {
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
    });
    await call(ctx, 'event.invite', { eventId: training.id, distributorIds: [d1, d2] });
    await call(ctx, 'event.invite', { eventId: trip.id, distributorIds: [d1] });
    const t = await call(ctx, 'event.get', { id: training.id });
    expect(t.conflicts.map((c) => c.kind).sort()).toEqual(['distributor_double_booked', 'over_capacity', 'staff_double_booked']);

    await call(ctx, 'event.setInvitee', {
      eventId: training.id,
      distributorId: d1,
      rsvp: 'accepted',
      attended: true,
      feedbackScore: 4,
      feedbackComment: 'Clear policy',
    });
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
