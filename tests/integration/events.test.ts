import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch.js';
import { seedDemo } from '../../main/demo/generate.js';
import { call, refusal } from '../support/call.js';
import { createTestDb } from '../support/db.js';
import { setInvitee } from '../../main/events/service.js';
import { parseWithIcalJs } from '../support/ical.js';
import { clockFrom, fixedClock, setClock } from '../../shared/domain/clock.js';
import { TEST_NOW } from '../support/db.js';
import { LANGUAGES } from '../../shared/contract/system.js';
import { localeResources } from '../support/locales.js';

/** Runs `fn` with the app's clock standing at `at`, then lets it run on from the tests' instant again. */
async function onClock<T>(at: string, fn: () => T | Promise<T>): Promise<T> {
  setClock(fixedClock(at));
  try {
    return await fn();
  } finally {
    setClock(clockFrom(TEST_NOW));
  }
}

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
    await onClock('2027-01-12T10:00:00Z', () =>
      setInvitee(db, { eventId: training.id, distributorId: d1!, attended: true, feedbackScore: 4, feedbackComment: 'Clear policy' }),
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

/** A region (no zone of its own unless given), an area and distributors whose owners have the given e-mails. */
async function network(ctx: ReturnType<typeof createTestDb>['ctx'], emails: Array<[string, string | null]>, timeZone?: string) {
  const region = await call(ctx, 'region.create', {
    draft: { code: 'N', name: 'North', peakMonths: [5, 6, 7, 8], ...(timeZone ? { timeZone } : {}) },
  });
  const area = await call(ctx, 'area.create', { draft: { code: 'N1', name: 'Hills', regionId: region.id } });
  const ids: number[] = [];
  for (const [i, [name, email]] of emails.entries()) {
    const d = await call(ctx, 'distributor.create', {
      draft: {
        code: `N${i}`,
        name: `North ${i}`,
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
  return { region, ids };
}

describe('the rules of a trip, at save and after', () => {
  it('refuses a trip in the peak season, a leader booked twice and places above the budget with a rule code, until confirmed', async () => {
    const { db, ctx } = createTestDb();
    const { region } = await network(ctx, []);
    const leader = await call(ctx, 'staff.create', {
      draft: { code: 'L1', name: 'Zhao Lei', role: 'regional_manager', regionId: region.id },
    });
    const trip = (title: string, startsAt: string, endsAt: string, extra: object = {}) => ({
      draft: { kind: 'trip', title, startsAt, endsAt, representativeId: leader.id, regionId: region.id, ...extra },
    });
    const listed = (e: { rule?: { params?: Record<string, string | number> } }) =>
      JSON.parse(String(e.rule!.params!.conflicts)) as Array<{ kind: string; params: Record<string, string | number> }>;

    // June is the North's peak: asked, nothing kept
    const peak = await refusal(ctx, 'event.create', trip('Summer trip', '2027-06-10T08:00', '2027-06-12T18:00'));
    expect(peak).toMatchObject({ code: 'conflict', rule: { code: 'eventConflicts', params: { count: 1 } } });
    expect(listed(peak)).toEqual([{ kind: 'in_peak_season', params: {} }]);
    expect(db.prepare("SELECT count(*) FROM events WHERE title = 'Summer trip'").pluck().get()).toBe(0);
    // a trip from late April into May reaches the peak too
    expect(
      listed(await refusal(ctx, 'event.create', trip('Spring trip', '2027-04-29T08:00', '2027-05-02T18:00'))).map((c) => c.kind),
    ).toEqual(['in_peak_season']);

    const first = await call(ctx, 'event.create', trip('Harbin brewery', '2027-03-10T08:00', '2027-03-12T18:00'));
    // the same leader on an overlapping trip, whose 30 places at 500 cost more than its 10,000 budget
    const second = trip('Qingdao port', '2027-03-12T09:00', '2027-03-13T18:00', {
      capacity: 30,
      budgetPerPerson: 500,
      budgetTotal: 10_000,
    });
    const asked = await refusal(ctx, 'event.create', second);
    expect(listed(asked)).toEqual([
      { kind: 'staff_double_booked', params: { name: 'Zhao Lei', other: 'Harbin brewery' } },
      { kind: 'places_over_budget', params: { perPerson: '500.00', places: 30, planned: '15000.00', budget: '10000.00' } },
    ]);
    expect(asked.issues).toEqual([
      { path: 'confirm', message: 'staff_double_booked' },
      { path: 'confirm', message: 'places_over_budget' },
    ]);
    expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(1);
    const saved = await call(ctx, 'event.create', { ...second, confirm: true });
    expect(saved.conflicts.map((c) => [c.kind, c.params])).toEqual([
      ['staff_double_booked', { name: 'Zhao Lei', other: 'Harbin brewery' }],
      ['places_over_budget', { perPerson: '500.00', places: 30, planned: '15000.00', budget: '10000.00' }],
    ]);
    expect((await call(ctx, 'event.get', { id: first.id })).conflicts.map((c) => c.kind)).toEqual(['staff_double_booked']);
  });

  it("takes attendance only once the event has started on the region's clock (Asia/Shanghai when the region names no zone)", async () => {
    const { ctx } = createTestDb();
    const { region, ids } = await network(ctx, [['Wang Fang', null]]);
    const e = await call(ctx, 'event.create', {
      draft: { kind: 'training', title: 'Policy day', startsAt: '2027-03-02T09:00', endsAt: '2027-03-02T17:00', regionId: region.id },
    });
    await call(ctx, 'event.invite', { eventId: e.id, distributorIds: ids });
    const came = { eventId: e.id, distributorId: ids[0], attended: true };

    // 00:30 UTC is 08:30 in Shanghai: not yet
    const early = await onClock('2027-03-02T00:30:00Z', async () => {
      expect((await call(ctx, 'event.get', { id: e.id })).started).toBe(false);
      return refusal(ctx, 'event.setInvitee', came);
    });
    expect(early).toMatchObject({
      rule: { code: 'eventNotStarted', params: { startsAt: '2027-03-02 09:00' } },
      issues: [{ path: 'attended' }],
    });
    expect(
      await onClock('2027-03-02T00:30:00Z', () => refusal(ctx, 'event.setInvitee', { ...came, attended: undefined, feedbackScore: 5 })),
    ).toMatchObject({
      rule: { code: 'eventNotStarted' },
      issues: [{ path: 'feedbackScore' }],
    });

    // 01:30 UTC is 09:30 in Shanghai: the training has begun although it is not 09:00 in UTC
    const recorded = await onClock('2027-03-02T01:30:00Z', async () => {
      expect((await call(ctx, 'event.get', { id: e.id })).started).toBe(true);
      return call(ctx, 'event.setInvitee', { ...came, feedbackScore: 5 });
    });
    expect(recorded.invitees[0]).toMatchObject({ attended: true, feedbackScore: 5 });
  });

  it('words every refusal and conflict kind in the four languages', () => {
    const resources = localeResources();
    for (const language of LANGUAGES) {
      const refusals = (resources[language].rules as { refusal: Record<string, string> }).refusal;
      expect(refusals.eventConflicts, language).toContain('{{count}}');
      expect(refusals.eventNotStarted, language).toContain('{{startsAt}}');
      const kinds = (resources[language].events as { conflictKinds: Record<string, string> }).conflictKinds;
      for (const kind of [
        'distributor_double_booked',
        'staff_double_booked',
        'over_capacity',
        'over_budget',
        'places_over_budget',
        'in_peak_season',
      ])
        expect(kinds[kind], `${language} ${kind}`).toBeTruthy();
      expect(kinds.places_over_budget).toContain('{{planned}}');
    }
  });
});

describe('calendar files as ical.js reads them', () => {
  it("names each answer, the organiser's real address or none, the summary in the user's language and the region's zone", async () => {
    const { ctx } = createTestDb();
    const { region, ids } = await network(ctx, [
      ['Pablo "PL" Li', 'pablo@example.com'],
      ['Wang; Fang, Jr.', 'wang@example.com'],
      ['Olga Petrova', 'olga@example.com'],
      ['Ana Ruiz', 'ana@example.com'],
      ['Nobody Mail', null],
    ]);
    const withoutLeader = await call(ctx, 'event.create', {
      draft: {
        kind: 'training',
        title: 'Policy day',
        topic: 'cooperation',
        startsAt: '2027-03-02T09:00',
        endsAt: '2027-03-02T17:00',
        regionId: region.id,
        notes: 'Bring the figures',
      },
    });
    await call(ctx, 'event.invite', { eventId: withoutLeader.id, distributorIds: ids });
    await call(ctx, 'event.setInvitee', { eventId: withoutLeader.id, distributorId: ids[0], rsvp: 'accepted' });
    await call(ctx, 'event.setInvitee', { eventId: withoutLeader.id, distributorId: ids[1], rsvp: 'tentative' });
    await call(ctx, 'event.setInvitee', { eventId: withoutLeader.id, distributorId: ids[2], rsvp: 'declined' });
    await call(ctx, 'event.addItem', { eventId: withoutLeader.id, kind: 'agenda', label: 'Welcome', at: '2027-03-02T09:00' });

    const summaries = { en: 'Training: Policy day', zh: '培训：Policy day', es: 'Formación: Policy day', ru: 'Обучение: Policy day' };
    const topics = {
      en: 'How manufacturer and distributor work together',
      zh: '厂商与经销商如何合作',
      es: 'Cómo trabajan juntos',
      ru: 'Как работают вместе',
    };
    for (const language of LANGUAGES) {
      const file = await call(ctx, 'event.ics', { eventId: withoutLeader.id, language });
      const text = Buffer.from(file.contentBase64, 'base64').toString('utf8');
      const { calendar, vevent, event, zone } = parseWithIcalJs(text);
      expect(vevent.getAllProperties('attendee').map((a) => [a.getParameter('cn'), a.getFirstValue(), a.getParameter('partstat')])).toEqual(
        [
          ['Pablo "PL" Li (North 0)', 'mailto:pablo@example.com', 'ACCEPTED'],
          ['Wang; Fang, Jr. (North 1)', 'mailto:wang@example.com', 'TENTATIVE'],
          ['Olga Petrova (North 2)', 'mailto:olga@example.com', 'DECLINED'],
          ['Ana Ruiz (North 3)', 'mailto:ana@example.com', 'NEEDS-ACTION'],
        ],
      );
      expect(event.summary).toBe(summaries[language]);
      expect(event.description).toContain(topics[language]);
      expect(event.description).toContain('Bring the figures');
      expect(event.description).toContain('Nobody Mail (North 4)');
      expect(event.description).not.toContain('cooperation');
      // no zone on the region: China Standard Time, with its VTIMEZONE; 09:00 there is 01:00 UTC
      expect(event.startDate.zone.tzid).toBe('Asia/Shanghai');
      expect(zone!.getFirstPropertyValue('tzid')).toBe('Asia/Shanghai');
      expect(event.startDate.toUnixTime()).toBe(Date.UTC(2027, 2, 2, 1, 0) / 1000);
      // nobody on our side has an address: no organiser is invented, and the file is not a request
      expect(vevent.getFirstProperty('organizer')).toBeNull();
      expect(calendar.getFirstPropertyValue('method')).toBeNull();
      expect(text).not.toMatch(/\.invalid|noreply|example\.org/);
    }

    // a trip led by someone with an address: a request from them, in the region's own zone
    const { region: madrid } = {
      region: await call(ctx, 'region.create', { draft: { code: 'M', name: 'Madrid', peakMonths: [6, 7], timeZone: 'Europe/Madrid' } }),
    };
    const leader = await call(ctx, 'staff.create', {
      draft: { code: 'L2', name: 'Marta "La Jefa" Gil', role: 'regional_manager', regionId: madrid.id, email: 'marta@example.com' },
    });
    const trip = await call(ctx, 'event.create', {
      draft: {
        kind: 'trip',
        title: 'Viaje a la fábrica',
        startsAt: '2027-03-30T09:00',
        endsAt: '2027-03-31T18:00',
        representativeId: leader.id,
        regionId: madrid.id,
      },
    });
    await call(ctx, 'event.invite', { eventId: trip.id, distributorIds: [ids[3]] });
    const own = await call(ctx, 'event.ics', { eventId: trip.id, distributorId: ids[3], language: 'es' });
    const parsed = parseWithIcalJs(Buffer.from(own.contentBase64, 'base64').toString('utf8'));
    expect(parsed.calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(parsed.vevent.getFirstProperty('organizer')!.getParameter('cn')).toBe('Marta "La Jefa" Gil');
    expect(parsed.vevent.getFirstPropertyValue('organizer')).toMatch(/^mailto:marta@example\.com$/i);
    expect(parsed.vevent.getFirstProperty('attendee')!.getParameter('rsvp')).toBe('TRUE');
    expect(parsed.event.summary).toBe('Viaje: Viaje a la fábrica');
    expect(parsed.event.startDate.zone.tzid).toBe('Europe/Madrid');
    // summer time in Madrid from 28 March: 09:00 is 07:00 UTC
    expect(parsed.event.startDate.toUnixTime()).toBe(Date.UTC(2027, 2, 30, 7, 0) / 1000);
  });
});
