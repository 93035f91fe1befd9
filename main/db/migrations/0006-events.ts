import type { Migration } from './index.js';

/** Distributor training sessions and trips, their invitees, agenda, costs, materials and follow-ups. */
export const m0006Events: Migration = {
  version: 6,
  name: 'events',
  up(db) {
    db.exec(`
      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('training', 'trip')),
        title TEXT NOT NULL,
        topic TEXT,
        trainer TEXT,
        trainer_kind TEXT CHECK (trainer_kind IN ('expert', 'leader')),
        representative_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,
        region_id INTEGER REFERENCES regions(id) ON DELETE SET NULL,
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL,
        location TEXT,
        capacity INTEGER CHECK (capacity > 0),
        budget_per_person_cents INTEGER CHECK (budget_per_person_cents >= 0),
        budget_total_cents INTEGER CHECK (budget_total_cents >= 0),
        eligibility_threshold REAL,
        notes TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (ends_at > starts_at)
      );
      CREATE INDEX events_start ON events(starts_at);
      CREATE TABLE event_invitees (
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        distributor_id INTEGER NOT NULL REFERENCES distributors(id) ON DELETE CASCADE,
        contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
        rsvp TEXT NOT NULL DEFAULT 'invited' CHECK (rsvp IN ('invited', 'accepted', 'declined')),
        attended INTEGER CHECK (attended IN (0, 1)),
        feedback_score INTEGER CHECK (feedback_score BETWEEN 1 AND 5),
        feedback_comment TEXT,
        PRIMARY KEY (event_id, distributor_id)
      ) WITHOUT ROWID;
      CREATE INDEX event_invitees_distributor ON event_invitees(distributor_id);
      CREATE TABLE event_staff (
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        staff_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
        PRIMARY KEY (event_id, staff_id)
      ) WITHOUT ROWID;
      CREATE TABLE event_items (
        id INTEGER PRIMARY KEY,
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('agenda', 'discussion', 'cost', 'material')),
        label TEXT NOT NULL,
        at TEXT,
        amount_cents INTEGER,
        url TEXT
      );
      CREATE INDEX event_items_event ON event_items(event_id);
      CREATE TABLE followups (
        id INTEGER PRIMARY KEY,
        event_id INTEGER REFERENCES events(id) ON DELETE SET NULL,
        distributor_id INTEGER REFERENCES distributors(id) ON DELETE SET NULL,
        kind TEXT NOT NULL CHECK (kind IN ('opinion', 'suggestion')),
        text TEXT NOT NULL,
        category TEXT NOT NULL CHECK (category IN ('product', 'policy', 'logistics', 'marketing', 'service', 'other')),
        owner_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,
        due_date TEXT,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done')),
        resolution TEXT,
        created_at TEXT NOT NULL,
        closed_at TEXT
      );
      CREATE INDEX followups_status ON followups(status);
    `);
  },
};
