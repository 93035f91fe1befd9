import type { Migration } from './index.js';

/**
 * A person may work in more than one region. `staff.region_id` stays the home region (every screen
 * and owner column already reads it); `staff_regions` lists the further regions an administrator
 * assigned. The person's regions are the home region plus these, for permissions and for what they see.
 *
 * A refused prospect is "refused, revisit on DATE", not lost: `pipeline.revisit_on` holds that date.
 * Refusals already recorded get the default, three months after the refusal.
 *
 * Sub-dealers, terminals and products with history are archived instead of deleted, like distributors:
 * hidden from lists and pickers, kept wherever something refers to them.
 *
 * An accepted readiness plan is signed off: accepting a new one first reopens it, with a reason.
 */
export const m0020PersonRegions: Migration = {
  version: 20,
  name: 'person-regions',
  up(db) {
    db.exec(`
      CREATE TABLE staff_regions (
        staff_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
        region_id INTEGER NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
        PRIMARY KEY (staff_id, region_id)
      ) WITHOUT ROWID;
      CREATE INDEX staff_regions_region ON staff_regions(region_id);

      ALTER TABLE pipeline ADD COLUMN revisit_on TEXT;
      UPDATE pipeline SET revisit_on = date(stage_on, '+3 months') WHERE stage = 'rejected';

      ALTER TABLE sub_dealers ADD COLUMN archived_at TEXT;
      ALTER TABLE terminals ADD COLUMN archived_at TEXT;
      ALTER TABLE products ADD COLUMN archived_at TEXT;
      CREATE INDEX sub_dealers_archived ON sub_dealers(archived_at) WHERE archived_at IS NOT NULL;
      CREATE INDEX terminals_archived ON terminals(archived_at) WHERE archived_at IS NOT NULL;
      CREATE INDEX products_archived ON products(archived_at) WHERE archived_at IS NOT NULL;

      ALTER TABLE readiness_runs ADD COLUMN reopened_at TEXT;
      ALTER TABLE readiness_runs ADD COLUMN reopen_reason TEXT;
    `);
  },
};
