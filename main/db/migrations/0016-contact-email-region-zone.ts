import type { Migration } from './index.js';

/**
 * Invitations need an address per person and a time zone per region: a contact's e-mail (calendar
 * files invite each person at their own address instead of one placeholder) and the region's IANA
 * time zone (event times are the region's wall-clock times, written with a VTIMEZONE so a phone in
 * another zone shows the right hour). Both are optional: a contact without e-mail is named in the
 * invitation's text; a region without a zone uses the machine's.
 */
export const m0016ContactEmailRegionZone: Migration = {
  version: 16,
  name: 'contact-email-region-zone',
  up(db) {
    db.exec(`
      ALTER TABLE contacts ADD COLUMN email TEXT;
      ALTER TABLE regions ADD COLUMN time_zone TEXT;
    `);
  },
};
