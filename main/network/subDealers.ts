import type { DeleteImpact, SubDealer, SubDealerListInput } from '../../shared/contract/network.js';
import type { OutletStatus } from '../../shared/domain/network.js';
import { refusal } from '../../shared/contract/result.js';
import type { Page } from '../../shared/contract/fields.js';
import { prepared, type Db } from '../db/open.js';
import { Conditions, insertRow, notFound, requireRow, selectPage, updateRow } from '../db/sql.js';
import type { Disposition } from './distributors.js';
import { areaInRegions, type RegionScope } from '../people/readScope.js';
import { archiveRecord, outletHistory } from './archive.js';

export interface SubDealerInput {
  code: string;
  name: string;
  distributorId: number;
  areaId: number;
  address: string | null;
  status: OutletStatus;
  competitorBrand: string | null;
  latitude: number | null;
  longitude: number | null;
}

const COLUMNS = `
  s.id, s.code, s.name, s.distributor_id AS distributorId, d.name AS distributorName, s.area_id AS areaId,
  a.name AS areaName, s.address, s.status, s.competitor_brand AS competitorBrand, s.latitude, s.longitude,
  (SELECT count(*) FROM terminals t WHERE t.sub_dealer_id = s.id AND t.archived_at IS NULL) AS terminalCount`;
const FROM = `sub_dealers s JOIN distributors d ON d.id = s.distributor_id JOIN areas a ON a.id = s.area_id`;
export const SUB_DEALER_SELECT = `${COLUMNS} FROM ${FROM}`;

const SORT: Record<string, string> = {
  name: 's.name COLLATE NOCASE',
  code: 's.code',
  distributorName: 'd.name',
  areaName: 'a.name',
  status: 's.status',
  terminalCount: 'terminalCount',
};

export function listSubDealers(
  db: Db,
  q: Required<Pick<SubDealerListInput, 'sort' | 'direction' | 'offset' | 'limit'>> & SubDealerListInput,
  scope: RegionScope = null,
): Page<SubDealer> {
  const where = new Conditions()
    .search(q.search, ['s.name', 's.code', 's.address', 's.competitor_brand'])
    .when(q.areaId, 's.area_id = ?', q.areaId)
    .when(q.distributorId, 's.distributor_id = ?', q.distributorId)
    .when(q.status, 's.status = ?', q.status)
    .when(scope, areaInRegions('s.area_id', scope))
    .add('s.archived_at IS NULL');
  return selectPage<SubDealer>(db, {
    select: COLUMNS,
    from: FROM,
    where,
    orderBy: `${SORT[q.sort] ?? SORT.name} ${q.direction === 'desc' ? 'DESC' : 'ASC'}, s.id`,
    offset: q.offset,
    limit: q.limit,
  });
}

export function getSubDealer(db: Db, id: number): SubDealer {
  const row = prepared(db, `SELECT ${SUB_DEALER_SELECT} WHERE s.id = ?`).get(id) as SubDealer | undefined;
  if (!row) throw notFound('Sub-dealer', id);
  return row;
}

function checkReferences(db: Db, d: SubDealerInput): void {
  requireRow(db, 'distributors', d.distributorId, 'draft.distributorId', 'Distributor');
  requireRow(db, 'areas', d.areaId, 'draft.areaId', 'Area');
}

const columns = (d: SubDealerInput) => ({
  code: d.code,
  name: d.name,
  distributor_id: d.distributorId,
  area_id: d.areaId,
  address: d.address,
  status: d.status,
  competitor_brand: d.competitorBrand,
  latitude: d.latitude,
  longitude: d.longitude,
});

export function createSubDealer(db: Db, draft: SubDealerInput): SubDealer {
  checkReferences(db, draft);
  return getSubDealer(db, insertRow(db, 'sub_dealers', columns(draft)));
}

export function updateSubDealer(db: Db, id: number, draft: SubDealerInput): SubDealer {
  checkReferences(db, draft);
  if (!updateRow(db, 'sub_dealers', id, columns(draft))) throw notFound('Sub-dealer', id);
  return getSubDealer(db, id);
}

export function subDealerDeleteImpact(db: Db, id: number): DeleteImpact {
  const s = getSubDealer(db, id);
  const contacts = (prepared(db, 'SELECT count(*) AS n FROM contacts WHERE sub_dealer_id = ?').get(id) as { n: number }).n;
  const outlet = outletHistory(db, 'sub_dealer', id);
  const history = { salesHistoryRows: 0, targetCells: 0, agreedNumbers: 0, complaints: 0, shipments: 0, ...outlet };
  return {
    subDealers: 0,
    terminals: s.terminalCount,
    contacts,
    distributors: 0,
    staff: 0,
    areas: 0,
    history,
    archives: outlet.visits + outlet.prospectSteps > 0,
  };
}

/**
 * A sub-dealer's terminals are either deleted with it, moved to another sub-dealer, or (outlets: 'none'
 * with terminals present is refused) — 'reassign' with toId = the sub-dealer that takes them over.
 */
export function deleteSubDealer(db: Db, id: number, disposition: Disposition): { deleted: true; archived?: true } {
  return db.transaction(() => {
    const impact = subDealerDeleteImpact(db, id);
    // With visits or pipeline steps it is archived instead; its terminals move only if the user reassigns them.
    if (impact.archives) {
      if (disposition.outlets === 'reassign' && disposition.toId !== id) {
        requireRow(db, 'sub_dealers', disposition.toId, 'disposition.toId', 'Sub-dealer');
        prepared(db, 'UPDATE terminals SET sub_dealer_id = ? WHERE sub_dealer_id = ?').run(disposition.toId, id);
      }
      archiveRecord(db, 'sub_dealers', id);
      return { deleted: true as const, archived: true as const };
    }
    if (disposition.outlets === 'none' && impact.terminals > 0) {
      throw refusal(
        'in_use',
        'subDealerSupplies',
        `This sub-dealer still supplies ${impact.terminals} terminal(s). Choose to reassign them or delete them with it.`,
        { terminals: impact.terminals },
      );
    }
    if (disposition.outlets === 'reassign') {
      if (disposition.toId === id) {
        throw refusal('validation', 'chooseAnotherSubDealer', 'Choose another sub-dealer', {}, [
          { path: 'disposition.toId', message: 'Must be another sub-dealer' },
        ]);
      }
      requireRow(db, 'sub_dealers', disposition.toId, 'disposition.toId', 'Sub-dealer');
      prepared(db, 'UPDATE terminals SET sub_dealer_id = ? WHERE sub_dealer_id = ?').run(disposition.toId, id);
    } else if (disposition.outlets === 'delete') {
      prepared(db, 'DELETE FROM terminals WHERE sub_dealer_id = ?').run(id);
    }
    prepared(db, 'DELETE FROM sub_dealers WHERE id = ?').run(id);
    return { deleted: true as const };
  })();
}
