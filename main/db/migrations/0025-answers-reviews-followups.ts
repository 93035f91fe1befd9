import type { Migration } from './index.js';

/**
 * Three records the events and development screens were missing:
 * - an invitee may answer "maybe" (`tentative`): the calendar file then says PARTSTAT=TENTATIVE instead of
 *   pretending nobody answered. SQLite cannot change a CHECK in place, so the table is rebuilt as it was
 *   with the wider list (no other table refers to it).
 * - a submitted weekly review keeps the figures it was submitted with (`submitted_numbers`, JSON of the
 *   week's and the month-to-date numbers): signed off means frozen, a visit logged later for that week no
 *   longer rewrites what the salesperson reported.
 * - a follow-up made from a weekly review's problems names that review, so the manager's week page shows
 *   the item already made instead of offering to make it twice.
 */
export const m0025AnswersReviewsFollowups: Migration = {
  version: 25,
  name: 'answers-reviews-followups',
  up(db) {
    db.exec(`
      CREATE TABLE event_invitees_new (
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        distributor_id INTEGER NOT NULL REFERENCES distributors(id) ON DELETE CASCADE,
        contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
        rsvp TEXT NOT NULL DEFAULT 'invited' CHECK (rsvp IN ('invited', 'accepted', 'tentative', 'declined')),
        attended INTEGER CHECK (attended IN (0, 1)),
        feedback_score INTEGER CHECK (feedback_score BETWEEN 1 AND 5),
        feedback_comment TEXT,
        PRIMARY KEY (event_id, distributor_id)
      ) WITHOUT ROWID;
      INSERT INTO event_invitees_new (event_id, distributor_id, contact_id, rsvp, attended, feedback_score, feedback_comment)
        SELECT event_id, distributor_id, contact_id, rsvp, attended, feedback_score, feedback_comment FROM event_invitees;
      DROP TABLE event_invitees;
      ALTER TABLE event_invitees_new RENAME TO event_invitees;
      CREATE INDEX event_invitees_distributor ON event_invitees(distributor_id);

      ALTER TABLE weekly_reviews ADD COLUMN submitted_numbers TEXT;

      ALTER TABLE followups ADD COLUMN review_salesperson_id INTEGER REFERENCES staff(id) ON DELETE SET NULL;
      ALTER TABLE followups ADD COLUMN review_week_start TEXT;
      CREATE INDEX followups_review ON followups(review_salesperson_id, review_week_start);
    `);
  },
};
