import { today } from '../../shared/domain/clock.js';
import type { EventConflict, EventDetail, EventSummary, FollowupRow } from '../../shared/contract/events.js';
import { DomainError, ruleRefusal, refusal } from '../../shared/contract/result.js';
import { nowIso, prepared, type Db } from '../db/open.js';
import { nextId } from '../db/ids.js';
import { Conditions, notFound, requireRow } from '../db/sql.js';
import { findConflicts, type EventForCheck } from './conflicts.js';
import { getPreferences } from '../system/preferences.js';
import type { Language } from '../../shared/contract/system.js';
import { buildIcs, type PartStat } from './ics.js';
import { invitationSummary, invitationText } from './invitationText.js';
import { distributorInRegions, inRegions, type RegionScope } from '../people/readScope.js';
import { regionTimeZone, wallClockNow } from './zone.js';

interface EventRow {
  id: number;
  kind: 'training' | 'trip';
  title: string;
  topic: string | null;
  trainer: string | null;
  trainerKind: 'expert' | 'leader' | null;
  representativeId: number | null;
  representativeName: string | null;
  regionId: number | null;
  startsAt: string;
  endsAt: string;
  location: string | null;
  capacity: number | null;
  budgetPerPersonCents: number | null;
  budgetTotalCents: number | null;
  eligibilityThreshold: number | null;
  notes: string | null;
}

const EVENT_SELECT = `SELECT e.id, e.kind, e.title, e.topic, e.trainer, e.trainer_kind AS trainerKind, e.representative_id AS representativeId, s.name AS representativeName,
  e.region_id AS regionId, e.starts_at AS startsAt, e.ends_at AS endsAt, e.location, e.capacity, e.budget_per_person_cents AS budgetPerPersonCents,
  e.budget_total_cents AS budgetTotalCents, e.eligibility_threshold AS eligibilityThreshold, e.notes FROM events e LEFT JOIN staff s ON s.id = e.representative_id`;

/** Every event as the conflict check needs it; all of them, since a clash can be with any other. */
function checkInputs(db: Db): EventForCheck[] {
  const events = prepared(db, `${EVENT_SELECT} ORDER BY e.starts_at`).all() as EventRow[];
  const invitees = prepared(db, 'SELECT event_id AS e, distributor_id AS d, rsvp FROM event_invitees').all() as Array<{
    e: number;
    d: number;
    rsvp: string;
  }>;
  const staff = prepared(db, 'SELECT event_id AS e, staff_id AS s FROM event_staff').all() as Array<{ e: number; s: number }>;
  const costs = new Map(
    (
      prepared(db, "SELECT event_id, sum(amount_cents) FROM event_items WHERE kind = 'cost' GROUP BY event_id").raw().all() as Array<
        [number, number]
      >
    ).map(([e, c]) => [e, c]),
  );
  return events.map((e) => {
    const inv = invitees.filter((i) => i.e === e.id && i.rsvp !== 'declined');
    const accepted = inv.filter((i) => i.rsvp === 'accepted').length;
    return {
      id: e.id,
      title: e.title,
      kind: e.kind,
      start: e.startsAt,
      end: e.endsAt,
      regionId: e.regionId,
      capacity: e.capacity,
      budgetTotalCents: e.budgetTotalCents,
      budgetPerPersonCents: e.budgetPerPersonCents,
      actualCostCents: costs.get(e.id) ?? 0,
      distributorIds: inv.map((i) => i.d),
      participants: accepted > 0 ? accepted : inv.length,
      staffIds: [...new Set([...staff.filter((s) => s.e === e.id).map((s) => s.s), ...(e.representativeId ? [e.representativeId] : [])])],
    };
  });
}

function conflictsByEvent(db: Db) {
  const peak = new Map<number, number[]>();
  for (const [r, m] of prepared(db, 'SELECT region_id, month FROM region_peak_months').raw().all() as Array<[number, number]>)
    peak.set(r, [...(peak.get(r) ?? []), m]);
  const dNames = new Map(
    (prepared(db, 'SELECT id, name FROM distributors').raw().all() as Array<[number, string]>).map(([i, n]) => [i, n]),
  );
  const sNames = new Map((prepared(db, 'SELECT id, name FROM staff').raw().all() as Array<[number, string]>).map(([i, n]) => [i, n]));
  const all = findConflicts(checkInputs(db), peak, {
    distributor: (i) => dNames.get(i) ?? `#${i}`,
    staff: (i) => sNames.get(i) ?? `#${i}`,
  });
  const by = new Map<number, EventConflict[]>();
  for (const c of all) by.set(c.eventId, [...(by.get(c.eventId) ?? []), { kind: c.kind, message: c.message, params: c.params }]);
  return by;
}

export function listEvents(db: Db, from?: string, to?: string, scope: RegionScope = null): EventSummary[] {
  const conflicts = conflictsByEvent(db);
  const rows = prepared(
    db,
    `SELECT e.id, e.kind, e.title, e.topic, e.starts_at AS startsAt, e.ends_at AS endsAt, e.location, e.capacity,
       (SELECT count(*) FROM event_invitees i WHERE i.event_id = e.id) AS invited,
       (SELECT count(*) FROM event_invitees i WHERE i.event_id = e.id AND i.rsvp = 'accepted') AS accepted,
       (SELECT count(*) FROM event_invitees i WHERE i.event_id = e.id AND i.attended = 1) AS attended
     FROM events e WHERE (? IS NULL OR e.ends_at >= ?) AND (? IS NULL OR e.starts_at <= ?)
       AND (e.region_id IS NULL OR ${inRegions('e.region_id', scope)}) ORDER BY e.starts_at`,
  ).all(from ?? null, from ?? null, to ? `${to}T23:59` : null, to ? `${to}T23:59` : null) as Array<Omit<EventSummary, 'conflicts'>>;
  return rows.map((r) => ({ ...r, conflicts: conflicts.get(r.id) ?? [] }));
}

export function getEvent(db: Db, id: number): EventDetail {
  const e = prepared(db, `${EVENT_SELECT} WHERE e.id = ?`).get(id) as EventRow | undefined;
  if (!e) throw notFound('Event', id);
  const invitees = (
    prepared(
      db,
      `SELECT i.distributor_id AS distributorId, d.name AS distributorName, i.contact_id AS contactId, c.name AS contactName, i.rsvp,
       i.attended, i.feedback_score AS feedbackScore, i.feedback_comment AS feedbackComment
     FROM event_invitees i JOIN distributors d ON d.id = i.distributor_id LEFT JOIN contacts c ON c.id = i.contact_id WHERE i.event_id = ? ORDER BY d.name`,
    ).all(id) as Array<Omit<EventDetail['invitees'][number], 'attended'> & { attended: number | null }>
  ).map((i) => ({ ...i, attended: i.attended === null ? null : i.attended === 1 }));
  const items = (
    prepared(
      db,
      "SELECT id, kind, label, at, amount_cents AS amount, url FROM event_items WHERE event_id = ? ORDER BY kind, coalesce(at, ''), id",
    ).all(id) as Array<EventDetail['items'][number]>
  ).map((x) => ({ ...x, amount: x.amount === null ? null : x.amount / 100 }));
  const staffIds = prepared(db, 'SELECT staff_id FROM event_staff WHERE event_id = ?').pluck().all(id) as number[];
  const scores = invitees.map((i) => i.feedbackScore).filter((s): s is number => s !== null);
  return {
    id: e.id,
    kind: e.kind,
    title: e.title,
    topic: e.topic,
    trainer: e.trainer,
    trainerKind: e.trainerKind,
    representativeId: e.representativeId,
    representativeName: e.representativeName,
    regionId: e.regionId,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    location: e.location,
    capacity: e.capacity,
    budgetPerPerson: e.budgetPerPersonCents === null ? null : e.budgetPerPersonCents / 100,
    budgetTotal: e.budgetTotalCents === null ? null : e.budgetTotalCents / 100,
    actualCost: items.filter((x) => x.kind === 'cost').reduce((a, x) => a + (x.amount ?? 0), 0),
    eligibilityThreshold: e.eligibilityThreshold,
    notes: e.notes,
    staffIds,
    invitees,
    items,
    invited: invitees.length,
    accepted: invitees.filter((i) => i.rsvp === 'accepted').length,
    attended: invitees.filter((i) => i.attended).length,
    averageFeedback: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
    conflicts: conflictsByEvent(db).get(id) ?? [],
    started: e.startsAt <= wallClockNow(regionTimeZone(db, e.regionId)),
  };
}

interface ParsedDraft {
  kind: 'training' | 'trip';
  title: string;
  topic: string | null;
  trainer: string | null;
  trainerKind: 'expert' | 'leader' | null;
  representativeId: number | null;
  regionId: number | null;
  startsAt: string;
  endsAt: string;
  location: string | null;
  capacity: number | null;
  budgetPerPerson: number | null;
  budgetTotal: number | null;
  eligibilityThreshold: number | null;
  notes: string | null;
  staffIds: number[];
}

/**
 * Saves an event; when the saved event has conflicts (peak season, a leader or distributor booked
 * twice, capacity, budget) and the user has not confirmed them, nothing is kept and the refusal lists
 * them (issue on 'confirm'), so the screen can ask before saving for real.
 */
function write(db: Db, id: number | null, d: ParsedDraft, confirm?: boolean): number {
  if (d.representativeId) requireRow(db, 'staff', d.representativeId, 'draft.representativeId', 'Staff member');
  if (d.regionId) requireRow(db, 'regions', d.regionId, 'draft.regionId', 'Region');
  d.staffIds.forEach((s, i) => requireRow(db, 'staff', s, `draft.staffIds.${i}`, 'Staff member'));
  const values = [
    d.kind,
    d.title,
    d.topic,
    d.trainer,
    d.trainerKind,
    d.representativeId,
    d.regionId,
    d.startsAt,
    d.endsAt,
    d.location,
    d.capacity,
    d.budgetPerPerson,
    d.budgetTotal,
    d.eligibilityThreshold,
    d.notes,
  ];
  return db.transaction(() => {
    const now = nowIso();
    let eventId = id;
    if (eventId === null) {
      const newId = nextId('events');
      const inserted = Number(
        prepared(
          db,
          `INSERT INTO events (id, kind, title, topic, trainer, trainer_kind, representative_id, region_id, starts_at, ends_at, location, capacity, budget_per_person_cents,
             budget_total_cents, eligibility_threshold, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(newId, ...values, now, now).lastInsertRowid,
      );
      eventId = newId ?? inserted;
    } else if (
      !prepared(
        db,
        `UPDATE events SET kind = ?, title = ?, topic = ?, trainer = ?, trainer_kind = ?, representative_id = ?, region_id = ?, starts_at = ?, ends_at = ?, location = ?,
           capacity = ?, budget_per_person_cents = ?, budget_total_cents = ?, eligibility_threshold = ?, notes = ?, updated_at = ? WHERE id = ?`,
      ).run(...values, now, eventId).changes
    ) {
      throw notFound('Event', eventId);
    }
    prepared(db, 'DELETE FROM event_staff WHERE event_id = ?').run(eventId);
    for (const s of new Set(d.staffIds)) prepared(db, 'INSERT INTO event_staff (event_id, staff_id) VALUES (?, ?)').run(eventId, s);
    if (!confirm) {
      const conflicts = conflictsByEvent(db).get(eventId) ?? [];
      // a rule the screens word in the user's language: the count, and each conflict's kind and figures
      if (conflicts.length)
        throw new DomainError(
          'conflict',
          conflicts.map((c) => c.message).join('\n'),
          conflicts.map((c) => ({ path: 'confirm', message: c.kind })),
          {
            code: 'eventConflicts',
            params: { count: conflicts.length, conflicts: JSON.stringify(conflicts.map(({ kind, params }) => ({ kind, params }))) },
          },
        );
    }
    return eventId;
  })();
}

export const createEvent = (db: Db, d: ParsedDraft, confirm?: boolean) => getEvent(db, write(db, null, d, confirm));
export const updateEvent = (db: Db, id: number, d: ParsedDraft, confirm?: boolean) => getEvent(db, write(db, id, d, confirm));

export function deleteEvent(db: Db, id: number) {
  getEvent(db, id);
  prepared(db, 'DELETE FROM events WHERE id = ?').run(id);
  return { deleted: true as const };
}

/** Invites distributors; the invitation goes to their owner or first contact, who can be changed later. */
export function invite(db: Db, eventId: number, distributorIds: number[]): EventDetail {
  getEvent(db, eventId);
  db.transaction(() => {
    for (const [i, d] of distributorIds.entries()) {
      requireRow(db, 'distributors', d, `distributorIds.${i}`, 'Distributor');
      const contact = prepared(db, "SELECT id FROM contacts WHERE distributor_id = ? ORDER BY level = 'owner' DESC, id LIMIT 1")
        .pluck()
        .get(d) as number | undefined;
      prepared(db, 'INSERT OR IGNORE INTO event_invitees (event_id, distributor_id, contact_id) VALUES (?, ?, ?)').run(
        eventId,
        d,
        contact ?? null,
      );
    }
  })();
  return getEvent(db, eventId);
}

export function uninvite(db: Db, eventId: number, distributorId: number): EventDetail {
  prepared(db, 'DELETE FROM event_invitees WHERE event_id = ? AND distributor_id = ?').run(eventId, distributorId);
  return getEvent(db, eventId);
}

export function setInvitee(
  db: Db,
  input: {
    eventId: number;
    distributorId: number;
    rsvp?: string | undefined;
    attended?: boolean | null | undefined;
    feedbackScore?: number | null | undefined;
    feedbackComment?: string | null | undefined;
  },
): EventDetail {
  const row = prepared(db, 'SELECT 1 FROM event_invitees WHERE event_id = ? AND distributor_id = ?').get(
    input.eventId,
    input.distributorId,
  );
  if (!row) throw refusal('not_found', 'eventNotInvited', 'This distributor is not invited to the event.');
  // Who came and what they thought exist only once the event has begun: its start is a wall-clock time
  // in the region's zone, so "now" is read on the app's clock in that zone, not in UTC.
  if (input.attended != null || input.feedbackScore != null || input.feedbackComment != null) {
    const e = prepared(db, 'SELECT starts_at AS startsAt, region_id AS regionId FROM events WHERE id = ?').get(input.eventId) as {
      startsAt: string;
      regionId: number | null;
    };
    if (e.startsAt > wallClockNow(regionTimeZone(db, e.regionId)))
      throw ruleRefusal(
        'eventNotStarted',
        `Attendance and feedback can be recorded once the event has started (${e.startsAt.replace('T', ' ')}).`,
        { startsAt: e.startsAt.replace('T', ' ') },
        {
          path: input.attended != null ? 'attended' : input.feedbackScore != null ? 'feedbackScore' : 'feedbackComment',
          message: 'Not started yet',
        },
      );
  }
  const sets: string[] = [];
  const values: unknown[] = [];
  const set = (column: string, value: unknown) => {
    sets.push(`${column} = ?`);
    values.push(value);
  };
  if (input.rsvp !== undefined) set('rsvp', input.rsvp);
  if (input.attended !== undefined) set('attended', input.attended === null ? null : input.attended ? 1 : 0);
  if (input.feedbackScore !== undefined) set('feedback_score', input.feedbackScore);
  if (input.feedbackComment !== undefined) set('feedback_comment', input.feedbackComment);
  if (sets.length)
    db.prepare(`UPDATE event_invitees SET ${sets.join(', ')} WHERE event_id = ? AND distributor_id = ?`).run(
      ...values,
      input.eventId,
      input.distributorId,
    );
  return getEvent(db, input.eventId);
}

export function addItem(
  db: Db,
  input: { eventId: number; kind: string; label: string; at: string | null; amount: number | null; url: string | null },
): EventDetail {
  getEvent(db, input.eventId);
  if (input.kind === 'cost' && input.amount === null)
    throw refusal('validation', 'eventCostAmount', 'A cost needs an amount', {}, [{ path: 'amount', message: 'Required for a cost' }]);
  if (input.kind === 'material' && !input.url)
    throw refusal('validation', 'eventMaterialLink', 'A material needs a link', {}, [{ path: 'url', message: 'Required for a material' }]);
  prepared(db, 'INSERT INTO event_items (id, event_id, kind, label, at, amount_cents, url) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    nextId('event_items'),
    input.eventId,
    input.kind,
    input.label,
    input.at,
    input.amount === null ? null : Math.round(input.amount * 100),
    input.url,
  );
  return getEvent(db, input.eventId);
}

export function removeItem(db: Db, eventId: number, itemId: number): EventDetail {
  prepared(db, 'DELETE FROM event_items WHERE id = ? AND event_id = ?').run(itemId, eventId);
  return getEvent(db, eventId);
}

/** The invitation as a calendar file: for the whole event, or for one invitee. */
export function eventIcs(db: Db, eventId: number, distributorId?: number, userLanguage?: Language) {
  const e = getEvent(db, eventId);
  const invitees = distributorId ? e.invitees.filter((i) => i.distributorId === distributorId) : e.invitees;
  if (distributorId && invitees.length === 0)
    throw refusal('not_found', 'eventNotInvited', 'This distributor is not invited to the event.');
  const emails = new Map(
    (
      prepared(db, 'SELECT id, email FROM contacts WHERE id IN (SELECT contact_id FROM event_invitees WHERE event_id = ?)')
        .raw()
        .all(e.id) as Array<[number, string | null]>
    ).map(([id, email]) => [id, email]),
  );
  const people = invitees.map((i) => ({
    name: i.contactName ? `${i.contactName} (${i.distributorName})` : i.distributorName,
    email: i.contactId === null ? null : (emails.get(i.contactId) ?? null),
    partstat: PARTSTAT[i.rsvp],
  }));
  // the language the user reads the app in (sent by the screen), else the saved preference
  const language = userLanguage ?? getPreferences(db).language ?? 'en';
  const zone = regionTimeZone(db, e.regionId);
  const text = buildIcs({
    uid: `event-${e.id}${distributorId ? `-distributor-${distributorId}` : ''}@offseason-planner`,
    title: invitationSummary(language, e.kind, e.title),
    description: invitationText(language, {
      topic: e.topic,
      trainer: e.trainer,
      representativeName: e.representativeName,
      agenda: e.items
        .filter((x) => x.kind === 'agenda' || x.kind === 'discussion')
        .map((x) => ({ at: x.at, label: x.label, discussion: x.kind === 'discussion' })),
      notes: e.notes,
      withoutEmail: people.filter((p) => p.email === null).map((p) => p.name),
    }),
    location: e.location ?? '',
    start: e.startsAt,
    end: e.endsAt,
    timeZone: zone,
    organizer: organizerOf(db, e),
    attendees: people.filter((p) => p.email !== null).map((p) => ({ name: p.name, email: p.email!, partstat: p.partstat })),
  });
  const slug = e.title.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 40);
  return {
    fileName: `${slug}${distributorId ? `-${distributorId}` : ''}.ics`,
    mimeType: 'text/calendar',
    contentBase64: Buffer.from(text).toString('base64'),
    rows: invitees.length,
  };
}

/**
 * Who sends the invitation: the trip's leader, else a staff member working the event, at their own
 * address; nobody with an address means no organizer (never an invented one).
 */
function organizerOf(db: Db, e: EventDetail): { name: string; email: string } | null {
  const ids = [...(e.representativeId ? [e.representativeId] : []), ...e.staffIds];
  for (const id of ids) {
    const s = prepared(db, "SELECT name, email FROM staff WHERE id = ? AND coalesce(email, '') <> ''").get(id) as
      { name: string; email: string } | undefined;
    if (s) return s;
  }
  return null;
}

/** An invitee's answer as a calendar participation status. */
const PARTSTAT: Record<EventDetail['invitees'][number]['rsvp'], PartStat> = {
  invited: 'NEEDS-ACTION',
  accepted: 'ACCEPTED',
  tentative: 'TENTATIVE',
  declined: 'DECLINED',
};

const FOLLOWUP_SELECT = `SELECT f.id, f.event_id AS eventId, e.title AS eventTitle, f.distributor_id AS distributorId, d.name AS distributorName, f.kind, f.text, f.category,
  f.owner_id AS ownerId, s.name AS ownerName, f.due_date AS dueDate, f.status, f.resolution,
  f.review_salesperson_id AS reviewSalespersonId, f.review_week_start AS reviewWeekStart
  FROM followups f LEFT JOIN events e ON e.id = f.event_id LEFT JOIN distributors d ON d.id = f.distributor_id LEFT JOIN staff s ON s.id = f.owner_id`;

const withOverdue = (f: Omit<FollowupRow, 'overdue'>): FollowupRow => ({
  ...f,
  overdue: f.status !== 'done' && f.dueDate !== null && f.dueDate < today(),
});

export function listFollowups(
  db: Db,
  filter: { status?: string; ownerId?: number; eventId?: number },
  scope: RegionScope = null,
): FollowupRow[] {
  // Only the filters given, so an event's follow-ups are found through its index, not by reading all.
  const where = new Conditions()
    // the person's regions: a follow-up belongs to its distributor's region, one without a distributor
    // to its event's (an event without a region, or no event at all, is everyone's)
    .when(
      scope,
      `(CASE WHEN f.distributor_id IS NOT NULL THEN ${distributorInRegions('f.distributor_id', scope)}
         ELSE f.event_id IS NULL OR f.event_id IN (SELECT id FROM events WHERE region_id IS NULL OR ${inRegions('region_id', scope)}) END)`,
    )
    .when(filter.status, 'f.status = ?', filter.status)
    .when(filter.ownerId, 'f.owner_id = ?', filter.ownerId)
    .when(filter.eventId, 'f.event_id = ?', filter.eventId);
  return (
    prepared(db, `${FOLLOWUP_SELECT} ${where.toSql()} ORDER BY f.status = 'done', coalesce(f.due_date, '9999'), f.id`).all(
      ...where.params,
    ) as Array<Omit<FollowupRow, 'overdue'>>
  ).map(withOverdue);
}

export function createFollowup(
  db: Db,
  f: {
    eventId: number | null;
    distributorId: number | null;
    kind: string;
    text: string;
    category: string;
    ownerId: number | null;
    dueDate: string | null;
    review?: { salespersonId: number; weekStart: string } | null;
  },
): FollowupRow {
  const review = f.review ?? null;
  if (review) {
    if (
      !prepared(db, 'SELECT 1 FROM weekly_reviews WHERE salesperson_id = ? AND week_start = ?').get(review.salespersonId, review.weekStart)
    )
      throw refusal(
        'not_found',
        'weeklyReviewMissing',
        `There is no weekly review of ${review.weekStart} for this salesperson.`,
        { weekStart: review.weekStart },
        [{ path: 'review', message: 'No such review' }],
      );
    // one item per review: a second click, or the same call replayed by the team server, finds the first
    const made = prepared(db, 'SELECT min(id) FROM followups WHERE review_salesperson_id = ? AND review_week_start = ?')
      .pluck()
      .get(review.salespersonId, review.weekStart) as number | null;
    if (made !== null) return withOverdue(prepared(db, `${FOLLOWUP_SELECT} WHERE f.id = ?`).get(made) as Omit<FollowupRow, 'overdue'>);
  }
  if (f.eventId) requireRow(db, 'events', f.eventId, 'eventId', 'Event');
  if (f.distributorId) requireRow(db, 'distributors', f.distributorId, 'distributorId', 'Distributor');
  if (f.ownerId) requireRow(db, 'staff', f.ownerId, 'ownerId', 'Staff member');
  const id = nextId('followups');
  const { lastInsertRowid } = prepared(
    db,
    `INSERT INTO followups (id, event_id, distributor_id, kind, text, category, owner_id, due_date, created_at, review_salesperson_id, review_week_start)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    f.eventId,
    f.distributorId,
    f.kind,
    f.text,
    f.category,
    f.ownerId,
    f.dueDate,
    nowIso(),
    review?.salespersonId ?? null,
    review?.weekStart ?? null,
  );
  return withOverdue(prepared(db, `${FOLLOWUP_SELECT} WHERE f.id = ?`).get(id ?? Number(lastInsertRowid)) as Omit<FollowupRow, 'overdue'>);
}

export function updateFollowup(db: Db, id: number, status: string, resolution: string | null, ownerId: number | null): FollowupRow {
  if (ownerId) requireRow(db, 'staff', ownerId, 'ownerId', 'Staff member');
  const changed = prepared(
    db,
    "UPDATE followups SET status = ?, resolution = ?, owner_id = coalesce(?, owner_id), closed_at = CASE WHEN ? = 'done' THEN ? ELSE NULL END WHERE id = ?",
  ).run(status, resolution, ownerId, status, nowIso(), id).changes;
  if (!changed) throw notFound('Follow-up item', id);
  return withOverdue(prepared(db, `${FOLLOWUP_SELECT} WHERE f.id = ?`).get(id) as Omit<FollowupRow, 'overdue'>);
}
