import type { Migration } from './index.js';

/**
 * Outlet development: the prospect pipeline, monthly development plans, day routes, the visit log,
 * weekly reviews and month-end evaluations.
 *
 * Outlets are referenced as (outlet_type, outlet_id) because a prospect is a sub-dealer or a
 * terminal; SQLite cannot declare a foreign key over two tables, so triggers on the outlet tables
 * play the part of ON DELETE CASCADE.
 */
export const m0007Development: Migration = {
  version: 7,
  name: 'development',
  up(db) {
    db.exec(`
      CREATE TABLE pipeline (
        outlet_type TEXT NOT NULL CHECK (outlet_type IN ('sub_dealer', 'terminal')),
        outlet_id INTEGER NOT NULL,
        stage TEXT NOT NULL CHECK (stage IN ('prospect', 'contacted', 'negotiating', 'signed', 'rejected')),
        reject_reason TEXT,
        competitor_held INTEGER NOT NULL DEFAULT 0 CHECK (competitor_held IN (0, 1)),
        competitor_brand TEXT,
        owner_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,
        priority INTEGER NOT NULL DEFAULT 2 CHECK (priority BETWEEN 1 AND 3),
        -- cases a month once signed: what the outlet would bring
        estimated_volume INTEGER CHECK (estimated_volume >= 0),
        note TEXT,
        added_on TEXT NOT NULL DEFAULT (date('now')),
        stage_on TEXT NOT NULL DEFAULT (date('now')),
        updated_at TEXT NOT NULL,
        CHECK ((stage = 'rejected') = (reject_reason IS NOT NULL)),
        PRIMARY KEY (outlet_type, outlet_id)
      ) WITHOUT ROWID;
      CREATE INDEX pipeline_owner_stage ON pipeline(owner_id, stage);
      CREATE INDEX pipeline_stage ON pipeline(stage);

      CREATE TABLE visits (
        id INTEGER PRIMARY KEY,
        salesperson_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
        day TEXT NOT NULL,
        outlet_type TEXT NOT NULL CHECK (outlet_type IN ('sub_dealer', 'terminal', 'distributor')),
        outlet_id INTEGER NOT NULL,
        purpose TEXT NOT NULL CHECK (purpose IN ('develop', 'service', 'collect', 'promotion', 'other')),
        outcome TEXT NOT NULL CHECK (outcome IN ('no_contact', 'not_interested', 'interested', 'negotiating', 'signed', 'rejected', 'order', 'done')),
        next_step TEXT,
        next_date TEXT,
        note TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX visits_salesperson_day ON visits(salesperson_id, day);
      CREATE INDEX visits_day ON visits(day);
      CREATE INDEX visits_outlet ON visits(outlet_type, outlet_id, day);

      -- Every stage change, with who made it and on which day: the weekly and monthly numbers count these.
      CREATE TABLE pipeline_events (
        id INTEGER PRIMARY KEY,
        outlet_type TEXT NOT NULL CHECK (outlet_type IN ('sub_dealer', 'terminal')),
        outlet_id INTEGER NOT NULL,
        from_stage TEXT,
        to_stage TEXT NOT NULL,
        day TEXT NOT NULL,
        salesperson_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,
        visit_id INTEGER REFERENCES visits(id) ON DELETE SET NULL,
        competitor_held INTEGER NOT NULL DEFAULT 0 CHECK (competitor_held IN (0, 1)),
        competitor_brand TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX pipeline_events_salesperson_day ON pipeline_events(salesperson_id, day);
      CREATE INDEX pipeline_events_day ON pipeline_events(day, to_stage);
      CREATE INDEX pipeline_events_outlet ON pipeline_events(outlet_type, outlet_id);
      CREATE INDEX pipeline_events_visit ON pipeline_events(visit_id);

      CREATE TABLE dev_plans (
        id INTEGER PRIMARY KEY,
        salesperson_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
        month TEXT NOT NULL,
        planned_visits INTEGER NOT NULL CHECK (planned_visits >= 0),
        new_sub_dealers INTEGER NOT NULL CHECK (new_sub_dealers >= 0),
        new_terminals INTEGER NOT NULL CHECK (new_terminals >= 0),
        -- outlets to win from competitors in total; the split by brand is in dev_plan_competitors
        competitor_wins INTEGER NOT NULL DEFAULT 0 CHECK (competitor_wins >= 0),
        note TEXT,
        status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'returned')),
        manager_comment TEXT,
        decided_by INTEGER REFERENCES staff(id) ON DELETE SET NULL,
        submitted_at TEXT,
        decided_at TEXT,
        seeded_from TEXT,
        updated_at TEXT NOT NULL,
        UNIQUE (salesperson_id, month)
      );
      CREATE INDEX dev_plans_month ON dev_plans(month, status);
      CREATE TABLE dev_plan_areas (
        plan_id INTEGER NOT NULL REFERENCES dev_plans(id) ON DELETE CASCADE,
        area_id INTEGER NOT NULL REFERENCES areas(id) ON DELETE CASCADE,
        PRIMARY KEY (plan_id, area_id)
      ) WITHOUT ROWID;
      CREATE TABLE dev_plan_competitors (
        plan_id INTEGER NOT NULL REFERENCES dev_plans(id) ON DELETE CASCADE,
        brand TEXT NOT NULL,
        outlets INTEGER NOT NULL CHECK (outlets > 0),
        PRIMARY KEY (plan_id, brand)
      ) WITHOUT ROWID;

      CREATE TABLE day_plans (
        salesperson_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
        day TEXT NOT NULL,
        start_lat REAL CHECK (start_lat BETWEEN -90 AND 90),
        start_lng REAL CHECK (start_lng BETWEEN -180 AND 180),
        km REAL,
        optimized INTEGER NOT NULL DEFAULT 0 CHECK (optimized IN (0, 1)),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (salesperson_id, day)
      ) WITHOUT ROWID;
      CREATE TABLE day_plan_stops (
        salesperson_id INTEGER NOT NULL,
        day TEXT NOT NULL,
        position INTEGER NOT NULL,
        outlet_type TEXT NOT NULL CHECK (outlet_type IN ('sub_dealer', 'terminal')),
        outlet_id INTEGER NOT NULL,
        PRIMARY KEY (salesperson_id, day, position),
        FOREIGN KEY (salesperson_id, day) REFERENCES day_plans(salesperson_id, day) ON DELETE CASCADE
      ) WITHOUT ROWID;
      CREATE INDEX day_plan_stops_outlet ON day_plan_stops(outlet_type, outlet_id);

      CREATE TABLE weekly_reviews (
        salesperson_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
        week_start TEXT NOT NULL,
        problems TEXT,
        successes TEXT,
        manager_comment TEXT,
        submitted_at TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (salesperson_id, week_start)
      ) WITHOUT ROWID;
      CREATE INDEX weekly_reviews_week ON weekly_reviews(week_start);

      -- The month-end decision, with the scorecard as it stood when decided (JSON), so history
      -- does not shift when visits are corrected later.
      CREATE TABLE evaluations (
        salesperson_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
        month TEXT NOT NULL,
        total REAL,
        rank INTEGER,
        team_size INTEGER,
        scorecard TEXT NOT NULL DEFAULT '{}',
        decision TEXT NOT NULL CHECK (decision IN ('reward', 'none', 'penalty')),
        note TEXT,
        decided_by INTEGER REFERENCES staff(id) ON DELETE SET NULL,
        decided_at TEXT NOT NULL,
        PRIMARY KEY (salesperson_id, month)
      ) WITHOUT ROWID;
      CREATE INDEX evaluations_month ON evaluations(month);

      CREATE TRIGGER sub_dealers_development_cleanup AFTER DELETE ON sub_dealers BEGIN
        DELETE FROM pipeline WHERE outlet_type = 'sub_dealer' AND outlet_id = OLD.id;
        DELETE FROM pipeline_events WHERE outlet_type = 'sub_dealer' AND outlet_id = OLD.id;
        DELETE FROM visits WHERE outlet_type = 'sub_dealer' AND outlet_id = OLD.id;
        DELETE FROM day_plan_stops WHERE outlet_type = 'sub_dealer' AND outlet_id = OLD.id;
      END;
      CREATE TRIGGER terminals_development_cleanup AFTER DELETE ON terminals BEGIN
        DELETE FROM pipeline WHERE outlet_type = 'terminal' AND outlet_id = OLD.id;
        DELETE FROM pipeline_events WHERE outlet_type = 'terminal' AND outlet_id = OLD.id;
        DELETE FROM visits WHERE outlet_type = 'terminal' AND outlet_id = OLD.id;
        DELETE FROM day_plan_stops WHERE outlet_type = 'terminal' AND outlet_id = OLD.id;
      END;
      CREATE TRIGGER distributors_development_cleanup AFTER DELETE ON distributors BEGIN
        DELETE FROM visits WHERE outlet_type = 'distributor' AND outlet_id = OLD.id;
      END;
    `);
  },
};
