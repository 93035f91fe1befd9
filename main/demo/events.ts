import { addDays, dayOf } from '../../shared/domain/calendar.js';
import type { DemoContext, DemoStep } from './context.js';

/** The off-season programme under way: trainings and a trip in the coming weeks, with invitations and follow-ups. */
function seedEvents(ctx: DemoContext): void {
  const { db, rng, today } = ctx;
  const region = db.prepare('SELECT id FROM regions ORDER BY id LIMIT 1').pluck().get() as number | undefined;
  if (!region) return;
  const distributors = db.prepare('SELECT id FROM distributors WHERE status = ? ORDER BY id LIMIT 40').pluck().all('active') as number[];
  const manager = db.prepare("SELECT id FROM staff WHERE role = 'regional_manager' LIMIT 1").pluck().get() as number | undefined;
  const now = today.toISOString();
  const at = (days: number, hour: number) => {
    return `${addDays(dayOf(today), days)}T${String(hour).padStart(2, '0')}:00`;
  };
  const insert = db.prepare(
    `INSERT INTO events (kind, title, topic, trainer, trainer_kind, representative_id, region_id, starts_at, ends_at, location, capacity, budget_per_person_cents, budget_total_cents, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const events = [
    insert.run(
      'training',
      'Sales policy for the coming peak',
      'sales_policy',
      'Dr. Chen Ming',
      'expert',
      manager ?? null,
      region,
      at(9, 9),
      at(9, 17),
      'Riverside Hotel, room 2',
      30,
      null,
      1_500_000,
      now,
      now,
    ),
    insert.run(
      'training',
      'Working together: manufacturer and distributor',
      'cooperation',
      'Regional director',
      'leader',
      manager ?? null,
      region,
      at(23, 9),
      at(23, 13),
      'Company office',
      25,
      null,
      null,
      now,
      now,
    ),
    insert.run(
      'trip',
      'Brewery visit and strategy discussion',
      null,
      null,
      null,
      manager ?? null,
      region,
      at(24, 8),
      at(26, 18),
      'Harbin brewery',
      20,
      250_000,
      5_000_000,
      now,
      now,
    ),
  ].map((r) => Number(r.lastInsertRowid));
  const invite = db.prepare('INSERT INTO event_invitees (event_id, distributor_id, rsvp) VALUES (?, ?, ?)');
  events.forEach((e, i) => {
    for (const d of distributors.filter(() => rng.chance(i === 2 ? 0.35 : 0.5)))
      invite.run(e, d, rng.pick(['invited', 'accepted', 'accepted', 'declined']));
  });
  const item = db.prepare('INSERT INTO event_items (event_id, kind, label, at, amount_cents) VALUES (?, ?, ?, ?, ?)');
  item.run(events[2], 'agenda', 'Brewery tour', at(24, 10), null);
  item.run(events[2], 'discussion', 'Open problems: deliveries in peak weeks', at(25, 9), null);
  item.run(events[2], 'cost', 'Hotel deposit', null, 1_800_000);
  const followup = db.prepare(
    'INSERT INTO followups (event_id, distributor_id, kind, text, category, owner_id, due_date, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  followup.run(
    events[0],
    distributors[0] ?? null,
    'suggestion',
    'Smaller 20 L kegs for bars with low turnover',
    'product',
    manager ?? null,
    at(30, 0).slice(0, 10),
    'open',
    now,
  );
  followup.run(
    events[0],
    distributors[1] ?? null,
    'opinion',
    'Year-end rebate steps are too far apart',
    'policy',
    manager ?? null,
    at(14, 0).slice(0, 10),
    'in_progress',
    now,
  );
}

export const eventsDemoStep: DemoStep = { name: 'training and trips', weight: 1, run: seedEvents };
