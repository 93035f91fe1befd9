import type { Visit, VisitInput } from '../../shared/contract/development.js';
import { ruleRefusal, refusal } from '../../shared/contract/result.js';
import { today } from '../../shared/domain/clock.js';
import { stageAfterVisit, type OutletType, type Stage } from '../../shared/domain/development.js';
import { nowIso, prepared, type Db } from '../db/open.js';
import { nextId } from '../db/ids.js';
import { Conditions } from '../db/sql.js';
import { getOutlet, getStaff } from './common.js';
import { applyStage } from './pipeline.js';
import { checkVisitPhoto, storeVisitPhoto } from './visitPhotos.js';
import { staffInRegions, type RegionScope } from '../people/readScope.js';

/**
 * The visit log. A visit to a prospect moves it through the pipeline by its outcome (see
 * stageAfterVisit); a development visit to an outlet not yet in the pipeline puts it there, owned
 * by the visitor.
 */
const VISIT_SELECT = `
  SELECT v.id, v.salesperson_id AS salespersonId, s.name AS salespersonName, v.day, v.outlet_type AS outletType, v.outlet_id AS outletId,
    coalesce(sd.name, t.name, d.name, '#' || v.outlet_id) AS outletName, v.purpose, v.outcome, v.next_step AS nextStep, v.next_date AS nextDate, v.note,
    e.from_stage AS stageBefore, e.to_stage AS stageAfter,
    EXISTS (SELECT 1 FROM visit_photos ph WHERE ph.visit_id = v.id) AS hasPhoto
  FROM visits v JOIN staff s ON s.id = v.salesperson_id
  LEFT JOIN sub_dealers sd ON v.outlet_type = 'sub_dealer' AND sd.id = v.outlet_id
  LEFT JOIN terminals t ON v.outlet_type = 'terminal' AND t.id = v.outlet_id
  LEFT JOIN distributors d ON v.outlet_type = 'distributor' AND d.id = v.outlet_id
  LEFT JOIN pipeline_events e ON e.visit_id = v.id`;

type VisitRow = Omit<Visit, 'hasPhoto'> & { hasPhoto: number };
const toVisit = (row: VisitRow): Visit => ({ ...row, hasPhoto: row.hasPhoto === 1 });

export function getVisit(db: Db, id: number): Visit {
  const row = prepared(db, `${VISIT_SELECT} WHERE v.id = ?`).get(id) as VisitRow | undefined;
  if (!row) throw refusal('not_found', 'recordGone', `Visit #${id} no longer exists.`, { what: 'Visit', id });
  return toVisit(row);
}

export function logVisit(db: Db, input: VisitInput): Visit {
  // A visit is a record of what happened: it cannot be dated after the user's local today.
  const localToday = today();
  if (input.day > localToday) {
    throw ruleRefusal(
      'visitInFuture',
      `A visit cannot be dated after today (${localToday}).`,
      { day: input.day, today: localToday },
      {
        path: 'day',
        message: 'After today',
      },
    );
  }
  // The photo is checked before anything is written: a refused photo leaves no visit behind.
  const photoBytes = input.photo ? checkVisitPhoto(input.photo) : 0;
  return db.transaction(() => {
    getStaff(db, input.salespersonId, 'salespersonId');
    if (input.outletType === 'distributor') {
      if (!prepared(db, 'SELECT 1 FROM distributors WHERE id = ?').get(input.outletId))
        throw refusal(
          'not_found',
          'recordGone',
          `Distributor #${input.outletId} no longer exists.`,
          { what: 'Distributor', id: input.outletId },
          [{ path: 'outletId', message: 'Not found' }],
        );
    }
    refuseArchivedOutlet(db, input.outletType, input.outletId);
    const id = nextId('visits');
    const { lastInsertRowid } = prepared(
      db,
      `INSERT INTO visits (id, salesperson_id, day, outlet_type, outlet_id, purpose, outcome, next_step, next_date, note, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      input.salespersonId,
      input.day,
      input.outletType,
      input.outletId,
      input.purpose,
      input.outcome,
      input.nextStep,
      input.nextDate,
      input.note,
      nowIso(),
    );
    const visitId = id ?? Number(lastInsertRowid);
    if (input.photo) storeVisitPhoto(db, visitId, input.photo, photoBytes);
    if (input.outletType !== 'distributor') moveByVisit(db, input.outletType, input.outletId, input, visitId);
    return getVisit(db, visitId);
  })();
}

/**
 * An outlet archived meanwhile (closed, merged, taken off the books) takes no new visits: a visit
 * logged offline before the archive reached the phone or desktop comes back refused, saying so.
 */
function refuseArchivedOutlet(db: Db, type: OutletType | 'distributor', id: number): void {
  const table = type === 'distributor' ? 'distributors' : type === 'sub_dealer' ? 'sub_dealers' : 'terminals';
  const row = prepared(db, `SELECT name, archived_at AS archivedAt FROM ${table} WHERE id = ?`).get(id) as
    { name: string; archivedAt: string | null } | undefined;
  if (row?.archivedAt) {
    const day = row.archivedAt.slice(0, 10);
    throw ruleRefusal(
      'outletArchived',
      `${row.name} was archived on ${day}: visits are no longer logged to it.`,
      { name: row.name, day },
      {
        path: 'outletId',
        message: 'Archived',
      },
    );
  }
}

function moveByVisit(db: Db, type: OutletType, outletId: number, input: VisitInput, visitId: number): void {
  const outlet = getOutlet(db, type, outletId);
  let current = prepared(db, 'SELECT stage, owner_id AS ownerId FROM pipeline WHERE outlet_type = ? AND outlet_id = ?').get(
    type,
    outletId,
  ) as { stage: Stage; ownerId: number | null } | undefined;
  const next = stageAfterVisit(current?.stage ?? null, input.outcome);
  if (!current) {
    // Service visits to our own outlets are not recruitment; anything else about a non-active outlet is.
    const recruiting = outlet.status !== 'active' && (input.purpose === 'develop' || (next !== null && next !== 'rejected'));
    if (!recruiting) return;
    prepared(
      db,
      `INSERT INTO pipeline (outlet_type, outlet_id, stage, competitor_held, competitor_brand, owner_id, priority, added_on, stage_on, updated_at)
       VALUES (?, ?, 'prospect', ?, ?, ?, 2, ?, ?, ?)`,
    ).run(type, outletId, outlet.competitorBrand ? 1 : 0, outlet.competitorBrand, input.salespersonId, input.day, input.day, nowIso());
    current = { stage: 'prospect', ownerId: input.salespersonId };
  } else if (current.ownerId === null) {
    prepared(db, 'UPDATE pipeline SET owner_id = ? WHERE outlet_type = ? AND outlet_id = ?').run(input.salespersonId, type, outletId);
  }
  if (next !== null && next !== current.stage) {
    applyStage(db, type, outletId, next, {
      day: input.day,
      salespersonId: input.salespersonId,
      visitId,
      rejectReason: next === 'rejected' ? input.note : null,
      // "Refused, revisit on DATE": the visit's next date is when to ask again.
      revisitOn: next === 'rejected' ? input.nextDate : null,
    });
  }
}

export function listVisits(
  db: Db,
  q: {
    salespersonId?: number | undefined;
    from: string;
    to: string;
    outletType?: OutletType | 'distributor' | undefined;
    outletId?: number | undefined;
  },
  scope: RegionScope = null,
): Visit[] {
  const where = new Conditions()
    .add('v.day BETWEEN ? AND ?', q.from, q.to)
    .when(q.salespersonId, 'v.salesperson_id = ?', q.salespersonId)
    .when(q.outletType, 'v.outlet_type = ?', q.outletType)
    .when(q.outletId, 'v.outlet_id = ?', q.outletId)
    .when(scope, staffInRegions('v.salesperson_id', scope));
  return prepared(db, `${VISIT_SELECT} ${where.toSql()} ORDER BY v.day DESC, v.id DESC LIMIT 2000`)
    .all(...where.params)
    .map((row) => toVisit(row as VisitRow));
}

/** Removes a mistaken entry. A stage change it caused stays (a signing is not undone by deleting a note). */
export function deleteVisit(db: Db, id: number): { deleted: true } {
  getVisit(db, id);
  prepared(db, 'DELETE FROM visits WHERE id = ?').run(id);
  return { deleted: true };
}
