import type {
  DeleteImpact,
  Distributor,
  DistributorListInput,
  DistributorPage,
  SubDealer,
  Terminal,
} from '../../shared/contract/network.js';
import type { DistributorStatus, OutletStatus, TerminalChannel } from '../../shared/domain/network.js';
import { OUTLET_STATUSES, TERMINAL_CHANNELS } from '../../shared/domain/network.js';
import { refusal } from '../../shared/contract/result.js';
import type { Page } from '../../shared/contract/fields.js';
import { archiveDistributor, distributorHistory, hasHistory } from './archive.js';
import { prepared, type Db } from '../db/open.js';
import { Conditions, insertRow, notFound, requireRow, selectPage, updateRow } from '../db/sql.js';
import { listContacts } from './contacts.js';
import { SUB_DEALER_SELECT } from './subDealers.js';
import { TERMINAL_FROM, TERMINAL_SELECT } from './terminals.js';
import { areaInRegions, type RegionScope } from '../people/readScope.js';

export interface DistributorInput {
  code: string;
  name: string;
  areaId: number;
  address: string | null;
  salespersonId: number | null;
  leadTimeDays: number;
  warehouseCapacityCases: number;
  relationshipLevel: 1 | 2 | 3;
  status: DistributorStatus;
  startDate: string | null;
}

export type Disposition = { outlets: 'none' } | { outlets: 'delete' } | { outlets: 'reassign'; toId: number };

const SELECT = `
  d.id, d.code, d.name, d.area_id AS areaId, a.name AS areaName, a.region_id AS regionId, d.address,
  d.salesperson_id AS salespersonId, sp.name AS salespersonName, d.lead_time_days AS leadTimeDays,
  d.warehouse_capacity_cases AS warehouseCapacityCases, d.relationship_level AS relationshipLevel,
  d.status, d.start_date AS startDate,
  (SELECT count(*) FROM sub_dealers s WHERE s.distributor_id = d.id AND s.archived_at IS NULL) AS subDealerCount,
  (SELECT count(*) FROM terminals t WHERE t.distributor_id = d.id AND t.archived_at IS NULL)
    + (SELECT count(*) FROM terminals t JOIN sub_dealers s ON s.id = t.sub_dealer_id WHERE s.distributor_id = d.id AND t.archived_at IS NULL) AS terminalCount`;
const FROM = `distributors d JOIN areas a ON a.id = d.area_id LEFT JOIN staff sp ON sp.id = d.salesperson_id`;

const SORT: Record<string, string> = {
  name: 'd.name COLLATE NOCASE',
  code: 'd.code',
  areaName: 'a.name',
  salespersonName: 'sp.name',
  status: 'd.status',
  subDealerCount: 'subDealerCount',
  terminalCount: 'terminalCount',
  leadTimeDays: 'd.lead_time_days',
};

export function listDistributors(
  db: Db,
  q: Required<Pick<DistributorListInput, 'sort' | 'direction' | 'offset' | 'limit'>> & DistributorListInput,
  scope: RegionScope = null,
): Page<Distributor> {
  const where = new Conditions()
    .search(q.search, ['d.name', 'd.code', 'd.address'])
    .when(q.areaId, 'd.area_id = ?', q.areaId)
    .when(q.salespersonId, 'd.salesperson_id = ?', q.salespersonId)
    .when(q.status, 'd.status = ?', q.status)
    .when(scope, areaInRegions('d.area_id', scope))
    // Archived distributors keep their history and agreed numbers but leave the lists and pickers.
    .add('d.archived_at IS NULL');
  const dir = q.direction === 'desc' ? 'DESC' : 'ASC';
  return selectPage<Distributor>(db, {
    select: SELECT,
    from: FROM,
    where,
    orderBy: `${SORT[q.sort] ?? SORT.name} ${dir}, d.id`,
    offset: q.offset,
    limit: q.limit,
  });
}

export function getDistributor(db: Db, id: number): Distributor {
  const row = prepared(db, `SELECT ${SELECT} FROM ${FROM} WHERE d.id = ?`).get(id) as Distributor | undefined;
  if (!row) throw notFound('Distributor', id);
  return row;
}

/** The distributor page: its sub-dealers and terminals as a tree with counts, contacts, salesperson. */
export function getDistributorPage(db: Db, id: number): DistributorPage {
  const distributor = getDistributor(db, id);
  const subDealers = prepared(db, `SELECT ${SUB_DEALER_SELECT} WHERE s.distributor_id = ? AND s.archived_at IS NULL ORDER BY s.name`).all(
    id,
  ) as SubDealer[];
  const directTerminals = prepared(
    db,
    `SELECT ${TERMINAL_SELECT} FROM ${TERMINAL_FROM} WHERE t.distributor_id = ? AND t.archived_at IS NULL ORDER BY t.name`,
  ).all(id) as Terminal[];
  const counts = prepared(
    db,
    // Direct terminals and the sub-dealers' ones, each found through its index (an OR across the
    // join scanned every terminal: 0.3 s nationally); UNION keeps a terminal counted once.
    `SELECT status, channel, count(*) AS n FROM (
       SELECT id, status, channel FROM terminals WHERE distributor_id = ? AND archived_at IS NULL
       UNION SELECT t.id, t.status, t.channel FROM terminals t JOIN sub_dealers s ON s.id = t.sub_dealer_id
         WHERE s.distributor_id = ? AND t.archived_at IS NULL
     ) GROUP BY status, channel`,
  ).all(id, id) as Array<{ status: OutletStatus; channel: TerminalChannel; n: number }>;
  const terminalsByStatus = Object.fromEntries(OUTLET_STATUSES.map((s) => [s, 0])) as Record<OutletStatus, number>;
  const terminalsByChannel = Object.fromEntries(TERMINAL_CHANNELS.map((c) => [c, 0])) as Record<TerminalChannel, number>;
  for (const c of counts) {
    terminalsByStatus[c.status] += c.n;
    terminalsByChannel[c.channel] += c.n;
  }
  return {
    distributor,
    contacts: listContacts(db, 'distributor', id),
    subDealers: subDealers.map((s) => ({ ...s, terminals: s.terminalCount })),
    directTerminals,
    terminalsByStatus,
    terminalsByChannel,
  };
}

function checkReferences(db: Db, draft: DistributorInput): void {
  requireRow(db, 'areas', draft.areaId, 'draft.areaId', 'Area');
  if (draft.salespersonId !== null) {
    const sp = prepared(db, 'SELECT role FROM staff WHERE id = ?').get(draft.salespersonId) as { role: string } | undefined;
    if (!sp)
      throw refusal('validation', 'recordMissing', 'Salesperson not found', { what: 'Salesperson', id: draft.salespersonId }, [
        { path: 'draft.salespersonId', message: 'Salesperson not found' },
      ]);
    if (sp.role !== 'salesperson') {
      throw refusal('validation', 'assignSalespersonOnly', 'Only a salesperson can be assigned to a distributor', {}, [
        { path: 'draft.salespersonId', message: 'Not a salesperson' },
      ]);
    }
  }
}

const columns = (d: DistributorInput) => ({
  code: d.code,
  name: d.name,
  area_id: d.areaId,
  address: d.address,
  salesperson_id: d.salespersonId,
  lead_time_days: d.leadTimeDays,
  warehouse_capacity_cases: d.warehouseCapacityCases,
  relationship_level: d.relationshipLevel,
  status: d.status,
  start_date: d.startDate,
});

export function createDistributor(db: Db, draft: DistributorInput): Distributor {
  checkReferences(db, draft);
  return getDistributor(db, insertRow(db, 'distributors', columns(draft)));
}

export function updateDistributor(db: Db, id: number, draft: DistributorInput): Distributor {
  checkReferences(db, draft);
  if (!updateRow(db, 'distributors', id, columns(draft))) throw notFound('Distributor', id);
  return getDistributor(db, id);
}

export function distributorDeleteImpact(db: Db, id: number): DeleteImpact {
  const d = getDistributor(db, id);
  const contacts = (prepared(db, 'SELECT count(*) AS n FROM contacts WHERE distributor_id = ?').get(id) as { n: number }).n;
  const history = distributorHistory(db, id);
  return {
    subDealers: d.subDealerCount,
    terminals: d.terminalCount,
    contacts,
    distributors: 0,
    staff: 0,
    areas: 0,
    history,
    archives: hasHistory(history),
  };
}

/**
 * Deleting a distributor never silently orphans outlets: they are reassigned to another distributor
 * or deleted with it, as the user chose after seeing the impact.
 */
export function deleteDistributor(db: Db, id: number, disposition: Disposition): { deleted: true; archived?: true } {
  return db.transaction(() => {
    const impact = distributorDeleteImpact(db, id);
    // With sales history, targets, visits or complaints it is archived instead: nothing that refers to it moves.
    if (impact.archives) {
      if (disposition.outlets === 'reassign' && disposition.toId !== id) {
        requireRow(db, 'distributors', disposition.toId, 'disposition.toId', 'Distributor');
        prepared(db, 'UPDATE sub_dealers SET distributor_id = ? WHERE distributor_id = ?').run(disposition.toId, id);
        prepared(db, 'UPDATE terminals SET distributor_id = ? WHERE distributor_id = ?').run(disposition.toId, id);
      }
      archiveDistributor(db, id);
      return { deleted: true as const, archived: true as const };
    }
    const hasOutlets = impact.subDealers + impact.terminals > 0;
    if (disposition.outlets === 'none' && hasOutlets) {
      throw refusal(
        'in_use',
        'distributorSupplies',
        `This distributor still supplies ${impact.subDealers} sub-dealer(s) and ${impact.terminals} terminal(s). Choose to reassign them or delete them with it.`,
        { subDealers: impact.subDealers, terminals: impact.terminals },
      );
    }
    if (disposition.outlets === 'reassign') {
      if (disposition.toId === id) {
        throw refusal('validation', 'chooseAnotherDistributor', 'Choose another distributor to take over the outlets', {}, [
          { path: 'disposition.toId', message: 'Must be another distributor' },
        ]);
      }
      requireRow(db, 'distributors', disposition.toId, 'disposition.toId', 'Distributor');
      prepared(db, 'UPDATE sub_dealers SET distributor_id = ? WHERE distributor_id = ?').run(disposition.toId, id);
      prepared(db, 'UPDATE terminals SET distributor_id = ? WHERE distributor_id = ?').run(disposition.toId, id);
    } else if (disposition.outlets === 'delete') {
      prepared(db, 'DELETE FROM terminals WHERE sub_dealer_id IN (SELECT id FROM sub_dealers WHERE distributor_id = ?)').run(id);
      prepared(db, 'DELETE FROM terminals WHERE distributor_id = ?').run(id);
      prepared(db, 'DELETE FROM sub_dealers WHERE distributor_id = ?').run(id);
    }
    prepared(db, 'DELETE FROM distributors WHERE id = ?').run(id);
    return { deleted: true as const };
  })();
}
