import type { Migration } from './index.js';

/**
 * A distributor's page lists its follow-ups and an event's page its own; without these indexes both
 * read every follow-up of the nation, and deleting an event or a distributor (which nulls their
 * follow-ups' references) did the same.
 */
export const m0022FollowupIndexes: Migration = {
  version: 22,
  name: 'followup-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX followups_distributor ON followups(distributor_id);
      CREATE INDEX followups_event ON followups(event_id);
    `);
  },
};
