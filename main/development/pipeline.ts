import type { OutletCandidate, PipelineItem, PipelineList, PipelineListInput } from '../../shared/contract/development.js';
import { ruleRefusal, refusal } from '../../shared/contract/result.js';
import { addDays } from '../../shared/domain/calendar.js';
import { STAGES, type OutletType, type Stage } from '../../shared/domain/development.js';
import { nowIso, prepared, type Db } from '../db/open.js';
import { nextId } from '../db/ids.js';
import { Conditions } from '../db/sql.js';
import { areaInRegions, type RegionScope } from '../people/readScope.js';
import { getOutlet, getStaff, localToday, OUTLET_COLUMNS, OUTLET_JOIN, outletTable } from './common.js';

/**
 * The prospect pipeline: sub-dealers and terminals being recruited, from first contact to signed
 * (the outlet becomes active in the network) or rejected with a reason.
 */
const ITEM_SELECT = `
  SELECT p.outlet_type AS outletType, p.outlet_id AS outletId, ${OUTLET_COLUMNS},
    p.stage, p.stage_on AS stageOn, p.reject_reason AS rejectReason, p.revisit_on AS revisitOn, p.competitor_held AS competitorHeld,
    p.competitor_brand AS competitorBrand, p.owner_id AS ownerId, s.name AS ownerName, p.priority,
    p.estimated_volume AS estimatedVolume, p.note,
    (SELECT max(v.day) FROM visits v WHERE v.outlet_type = p.outlet_type AND v.outlet_id = p.outlet_id) AS lastVisit,
    (SELECT count(*) FROM visits v WHERE v.outlet_type = p.outlet_type AND v.outlet_id = p.outlet_id) AS visits
  FROM pipeline p ${OUTLET_JOIN('p')}
  LEFT JOIN staff s ON s.id = p.owner_id`;

/** A refused prospect is asked again about a season later unless the salesperson chose a day. */
export const REVISIT_AFTER_DAYS = 91;

type ItemRow = Omit<PipelineItem, 'competitorHeld'> & { competitorHeld: number };
const toItem = (r: ItemRow): PipelineItem => ({ ...r, competitorHeld: r.competitorHeld === 1 });

const SORT: Record<PipelineListInput['sort'], string> = {
  priority: 'p.priority, p.estimated_volume DESC NULLS LAST, p.stage_on',
  name: 'coalesce(osd.name, ot.name) COLLATE NOCASE',
  stageOn: 'p.stage_on DESC',
  estimatedVolume: 'p.estimated_volume DESC NULLS LAST',
  lastVisit: 'lastVisit DESC NULLS LAST',
};

function filters(q: Omit<PipelineListInput, 'stage'>, scope: RegionScope): Conditions {
  return (
    new Conditions()
      // An archived outlet keeps its pipeline history but leaves the live board and its counts.
      .add('coalesce(osd.archived_at, ot.archived_at) IS NULL')
      .when(scope, areaInRegions('coalesce(osd.area_id, ot.area_id)', scope))
      .when(q.ownerId, 'p.owner_id = ?', q.ownerId)
      .when(q.areaId, 'coalesce(osd.area_id, ot.area_id) = ?', q.areaId)
      .when(q.outletType, 'p.outlet_type = ?', q.outletType)
      .when(q.competitorHeld, 'p.competitor_held = ?', q.competitorHeld ? 1 : 0)
      .when(q.priority, 'p.priority = ?', q.priority)
      .when(q.openOnly || undefined, "p.stage IN ('prospect', 'contacted', 'negotiating')")
      .search(q.search, ['osd.name', 'ot.name', 'osd.code', 'ot.code', 'p.competitor_brand', 'osd.address', 'ot.address'])
  );
}

export function listPipeline(db: Db, q: PipelineListInput, scope: RegionScope = null): PipelineList {
  // `when` skips only undefined, null and '': competitorHeld false filters too.
  const base = filters(q, scope);
  const counts = prepared(db, `SELECT p.stage, count(*) FROM pipeline p ${OUTLET_JOIN('p')} ${base.toSql()} GROUP BY p.stage`)
    .raw()
    .all(...base.params) as Array<[Stage, number]>;
  const stageCounts = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  for (const [s, n] of counts) stageCounts[s] = n;
  const where = base.when(q.stage, 'p.stage = ?', q.stage);
  const rows = (
    prepared(db, `${ITEM_SELECT} ${where.toSql()} ORDER BY ${SORT[q.sort]}, p.outlet_type, p.outlet_id LIMIT ? OFFSET ?`).all(
      ...where.params,
      q.limit,
      q.offset,
    ) as ItemRow[]
  ).map(toItem);
  const total = q.stage ? stageCounts[q.stage] : Object.values(stageCounts).reduce((a, b) => a + b, 0);
  return { rows, total, stageCounts };
}

export function getPipelineItem(db: Db, type: OutletType, id: number): PipelineItem | null {
  const row = prepared(db, `${ITEM_SELECT} WHERE p.outlet_type = ? AND p.outlet_id = ?`).get(type, id) as ItemRow | undefined;
  return row ? toItem(row) : null;
}

function requireItem(db: Db, type: OutletType, id: number): PipelineItem {
  const item = getPipelineItem(db, type, id);
  if (!item) {
    getOutlet(db, type, id);
    throw refusal('not_found', 'notInPipeline', `This ${type === 'sub_dealer' ? 'sub-dealer' : 'terminal'} is not in the pipeline.`);
  }
  return item;
}

/** Outlets that can be added to the pipeline or to a day route: found by name, code or address. */
export function outletCandidates(
  db: Db,
  q: {
    outletType?: OutletType | undefined;
    search?: string | undefined;
    areaIds?: number[] | undefined;
    includeActive?: boolean | undefined;
  },
  scope: RegionScope = null,
): OutletCandidate[] {
  const out: OutletCandidate[] = [];
  for (const type of q.outletType ? [q.outletType] : (['sub_dealer', 'terminal'] as const)) {
    const table = outletTable(type);
    const where = new Conditions()
      .search(q.search, ['o.name', 'o.code', 'o.address', 'o.competitor_brand'])
      .add('o.archived_at IS NULL')
      .when(scope, areaInRegions('o.area_id', scope));
    if (!q.includeActive) where.add("o.status IN ('prospect', 'lost')");
    if (q.areaIds?.length) where.add(`o.area_id IN (${q.areaIds.map(() => '?').join(', ')})`, ...q.areaIds);
    const distributor =
      type === 'terminal'
        ? 'coalesce(o.distributor_id, (SELECT x.distributor_id FROM sub_dealers x WHERE x.id = o.sub_dealer_id))'
        : 'o.distributor_id';
    const rows = prepared(
      db,
      `SELECT o.id, o.code, o.name, o.status, a.name AS areaName, (SELECT d.name FROM distributors d WHERE d.id = ${distributor}) AS distributorName,
         o.competitor_brand AS competitorBrand, p.stage, o.latitude IS NOT NULL AND o.longitude IS NOT NULL AS hasCoordinates
       FROM ${table} o JOIN areas a ON a.id = o.area_id
       LEFT JOIN pipeline p ON p.outlet_type = '${type}' AND p.outlet_id = o.id
       ${where.toSql()} ORDER BY p.stage IS NULL, o.name COLLATE NOCASE LIMIT 50`,
    ).all(...where.params) as Array<{
      id: number;
      code: string;
      name: string;
      status: OutletCandidate['status'];
      areaName: string;
      distributorName: string;
      competitorBrand: string | null;
      stage: Stage | null;
      hasCoordinates: number;
    }>;
    for (const r of rows)
      out.push({
        outletType: type,
        outletId: r.id,
        code: r.code,
        name: r.name,
        status: r.status,
        areaName: r.areaName,
        distributorName: r.distributorName,
        competitorBrand: r.competitorBrand,
        inPipeline: r.stage !== null,
        stage: r.stage,
        hasCoordinates: r.hasCoordinates === 1,
      });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name)).slice(0, 50);
}

interface ProspectFields {
  ownerId: number | null;
  priority: number;
  estimatedVolume: number | null;
  competitorHeld: boolean;
  competitorBrand: string | null;
  note: string | null;
}

export function addToPipeline(
  db: Db,
  input: { outletType: OutletType; outletId: number; day?: string | null } & ProspectFields,
): PipelineItem {
  return db.transaction(() => {
    const outlet = getOutlet(db, input.outletType, input.outletId);
    if (outlet.status === 'active') {
      throw refusal(
        'conflict',
        'pipelineAlreadyActive',
        `${outlet.name} is already active in the network: there is nothing to recruit.`,
        { name: outlet.name },
        [{ path: 'outletId', message: 'Already active' }],
      );
    }
    if (getPipelineItem(db, input.outletType, input.outletId))
      throw refusal('conflict', 'pipelineAlreadyIn', `${outlet.name} is already in the pipeline.`, { name: outlet.name }, [
        { path: 'outletId', message: 'Already in the pipeline' },
      ]);
    if (input.ownerId !== null) getStaff(db, input.ownerId, 'ownerId', 'salesperson');
    const day = input.day ?? localToday();
    prepared(
      db,
      `INSERT INTO pipeline (outlet_type, outlet_id, stage, competitor_held, competitor_brand, owner_id, priority, estimated_volume, note, added_on, stage_on, updated_at)
       VALUES (?, ?, 'prospect', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      input.outletType,
      input.outletId,
      input.competitorHeld ? 1 : 0,
      input.competitorHeld ? (input.competitorBrand ?? outlet.competitorBrand) : null,
      input.ownerId,
      input.priority,
      input.estimatedVolume,
      input.note,
      day,
      day,
      nowIso(),
    );
    return getPipelineItem(db, input.outletType, input.outletId)!;
  })();
}

export function updateProspect(db: Db, input: { outletType: OutletType; outletId: number } & ProspectFields): PipelineItem {
  return db.transaction(() => {
    requireItem(db, input.outletType, input.outletId);
    if (input.ownerId !== null) getStaff(db, input.ownerId, 'ownerId', 'salesperson');
    prepared(
      db,
      `UPDATE pipeline SET owner_id = ?, priority = ?, estimated_volume = ?, competitor_held = ?, competitor_brand = ?, note = ?, updated_at = ?
       WHERE outlet_type = ? AND outlet_id = ?`,
    ).run(
      input.ownerId,
      input.priority,
      input.estimatedVolume,
      input.competitorHeld ? 1 : 0,
      input.competitorHeld ? input.competitorBrand : null,
      input.note,
      nowIso(),
      input.outletType,
      input.outletId,
    );
    return getPipelineItem(db, input.outletType, input.outletId)!;
  })();
}

/**
 * Moves a prospect to a stage and records the change. Signing makes the outlet active in the
 * network; a signed outlet is final here (its network status is changed on the network screens).
 * The change is credited to the salesperson who made it, or else to the prospect's owner.
 */
export function applyStage(
  db: Db,
  type: OutletType,
  id: number,
  to: Stage,
  opts: { day: string; salespersonId?: number | null; visitId?: number | null; rejectReason?: string | null; revisitOn?: string | null },
): { from: Stage; to: Stage } {
  const row = prepared(
    db,
    'SELECT stage, owner_id AS ownerId, competitor_held AS held, competitor_brand AS brand, reject_reason AS reason FROM pipeline WHERE outlet_type = ? AND outlet_id = ?',
  ).get(type, id) as { stage: Stage; ownerId: number | null; held: number; brand: string | null; reason: string | null } | undefined;
  if (!row) throw refusal('not_found', 'notInPipeline', 'This outlet is not in the pipeline.');
  if (row.stage === to && to !== 'rejected') return { from: row.stage, to };
  if (row.stage === 'signed') {
    const outlet = getOutlet(db, type, id);
    throw refusal(
      'conflict',
      'pipelineSigned',
      `${outlet.name} is already signed and active in the network; its status is changed on the network screens.`,
      { name: outlet.name },
      [{ path: 'stage', message: 'Already signed' }],
    );
  }
  if (to === 'rejected' && !opts.rejectReason)
    throw refusal('validation', 'pipelineSayWhy', 'Say why they said no.', {}, [{ path: 'rejectReason', message: 'Say why they said no' }]);
  // A refusal is for now, not for ever: the prospect is asked again on a set day.
  const revisitOn = to === 'rejected' ? (opts.revisitOn ?? addDays(opts.day, REVISIT_AFTER_DAYS)) : null;
  if (revisitOn !== null && revisitOn <= opts.day) {
    throw ruleRefusal(
      'revisitAfterRefusal',
      `The revisit date must come after the refusal (${opts.day}).`,
      { day: opts.day },
      {
        path: 'revisitOn',
        message: 'Not after the refusal',
      },
    );
  }
  if (row.stage === to && opts.rejectReason === row.reason && (opts.revisitOn ?? null) === null) return { from: row.stage, to };
  const now = nowIso();
  prepared(
    db,
    'UPDATE pipeline SET stage = ?, stage_on = ?, reject_reason = ?, revisit_on = ?, updated_at = ? WHERE outlet_type = ? AND outlet_id = ?',
  ).run(to, opts.day, to === 'rejected' ? opts.rejectReason : null, revisitOn, now, type, id);
  if (to === 'signed') prepared(db, `UPDATE ${outletTable(type)} SET status = 'active', updated_at = ? WHERE id = ?`).run(now, id);
  if (row.stage !== to) {
    prepared(
      db,
      `INSERT INTO pipeline_events (id, outlet_type, outlet_id, from_stage, to_stage, day, salesperson_id, visit_id, competitor_held, competitor_brand, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      nextId('pipeline_events'),
      type,
      id,
      row.stage,
      to,
      opts.day,
      opts.salespersonId ?? row.ownerId,
      opts.visitId ?? null,
      row.held,
      row.brand,
      now,
    );
  }
  return { from: row.stage, to };
}

export function moveProspect(
  db: Db,
  input: {
    outletType: OutletType;
    outletId: number;
    stage: Stage;
    rejectReason: string | null;
    revisitOn?: string | null;
    day?: string | null;
  },
): PipelineItem {
  return db.transaction(() => {
    requireItem(db, input.outletType, input.outletId);
    applyStage(db, input.outletType, input.outletId, input.stage, {
      day: input.day ?? localToday(),
      rejectReason: input.rejectReason,
      revisitOn: input.revisitOn ?? null,
    });
    return getPipelineItem(db, input.outletType, input.outletId)!;
  })();
}

export function removeFromPipeline(db: Db, type: OutletType, id: number): { removed: true } {
  return db.transaction(() => {
    const item = requireItem(db, type, id);
    // A signing counts in someone's month: it stays on the record.
    if (item.stage === 'signed')
      throw refusal('conflict', 'pipelineSignedStays', `${item.name} was signed; it stays in the pipeline as part of the record.`, {
        name: item.name,
      });
    prepared(db, 'DELETE FROM pipeline WHERE outlet_type = ? AND outlet_id = ?').run(type, id);
    return { removed: true as const };
  })();
}
