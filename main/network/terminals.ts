import type { Terminal, TerminalListInput } from '../../shared/contract/network.js';
import type { OutletStatus, TerminalChannel } from '../../shared/domain/network.js';
import type { Page } from '../../shared/contract/fields.js';
import { prepared, type Db } from '../db/open.js';
import { Conditions, insertRow, notFound, requireRow, selectPage, updateRow } from '../db/sql.js';
import { areaInRegions, type RegionScope } from '../people/readScope.js';
import { archiveRecord, outletHistory, type OutletHistory } from './archive.js';

export interface TerminalInput {
  code: string;
  name: string;
  channel: TerminalChannel;
  subDealerId: number | null;
  distributorId: number | null;
  areaId: number;
  address: string | null;
  status: OutletStatus;
  competitorBrand: string | null;
  latitude: number | null;
  longitude: number | null;
}

export const TERMINAL_SELECT = `
  t.id, t.code, t.name, t.channel, t.sub_dealer_id AS subDealerId, s.name AS subDealerName,
  t.distributor_id AS distributorId, nd.id AS networkDistributorId, nd.name AS networkDistributorName,
  t.area_id AS areaId, a.name AS areaName, t.address, t.status, t.competitor_brand AS competitorBrand,
  t.latitude, t.longitude`;
// The network distributor is the direct supplier or the sub-dealer's distributor.
export const TERMINAL_FROM = `terminals t
  LEFT JOIN sub_dealers s ON s.id = t.sub_dealer_id
  JOIN distributors nd ON nd.id = coalesce(t.distributor_id, s.distributor_id)
  JOIN areas a ON a.id = t.area_id`;

/**
 * When a search matches more than one terminal in twenty, a name-ordered page is found by walking the
 * name index and stopping at the page's end (about 20 entries per row shown) rather than by sorting
 * every match.
 */
const COMMON_SHARE = 1 / 20;

const SORT: Record<string, string> = {
  name: 't.name COLLATE NOCASE',
  code: 't.code',
  channel: 't.channel',
  networkDistributorName: 'nd.name',
  areaName: 'a.name',
  status: 't.status',
};

export function listTerminals(
  db: Db,
  q: Required<Pick<TerminalListInput, 'sort' | 'direction' | 'offset' | 'limit'>> & TerminalListInput,
  scope: RegionScope = null,
): Page<Terminal> {
  // Control characters (a NUL above all) cannot be typed into a name and break the index's query syntax.
  const text = [...(q.search ?? '')]
    .filter((ch) => ch >= ' ' && ch !== '\u007f')
    .join('')
    .trim();
  // Three characters or more: through the trigram index (the same substring match, case-insensitive).
  const indexed = [...text].length >= 3;
  const phrase = `"${text.replace(/"/g, '""')}"`;
  // A person limited to some regions is counted through the filter, not the index alone.
  // So is one while some terminals are archived (the index still holds them).
  const searchOnly =
    indexed &&
    scope === null &&
    !prepared(db, 'SELECT 1 FROM terminals WHERE archived_at IS NOT NULL LIMIT 1').get() &&
    !q.areaId &&
    !q.distributorId &&
    !q.subDealerId &&
    !q.status &&
    !q.channel;
  // A search alone is counted by the index itself, without visiting the matching terminals.
  const matches = searchOnly
    ? (prepared(db, 'SELECT count(*) FROM terminals_search WHERE terminals_search MATCH ?').pluck().get(phrase) as number)
    : null;
  const terminals = matches === null ? 0 : ((prepared(db, 'SELECT max(id) FROM terminals').pluck().get() as number | null) ?? 0);
  // A common word (more than one terminal in twenty) is cheaper to page through by walking the names
  // in order and stopping at the page's end than by sorting every match; a word in most terminals is
  // then checked row by row rather than through a list of every match.
  const walkNames = matches !== null && (q.sort ?? 'name') === 'name' && matches > COMMON_SHARE * terminals;
  const mostRows = walkNames && matches! > terminals / 2;
  const where = (
    indexed && !mostRows
      ? new Conditions().add('t.id IN (SELECT rowid FROM terminals_search WHERE terminals_search MATCH ?)', phrase)
      : new Conditions().search(text || undefined, ['t.name', 't.code', 't.address', 't.competitor_brand'])
  )
    .when(q.areaId, 't.area_id = ?', q.areaId)
    // A distributor's terminals: its direct ones and those of its sub-dealers, each through an index.
    .when(
      q.distributorId,
      `t.id IN (SELECT id FROM terminals WHERE distributor_id = ?
                UNION ALL SELECT x.id FROM terminals x JOIN sub_dealers y ON y.id = x.sub_dealer_id WHERE y.distributor_id = ?)`,
      q.distributorId,
      q.distributorId,
    )
    .when(q.subDealerId, 't.sub_dealer_id = ?', q.subDealerId)
    .when(q.status, 't.status = ?', q.status)
    .when(q.channel, 't.channel = ?', q.channel)
    .when(scope, areaInRegions('t.area_id', scope))
    .add('t.archived_at IS NULL');
  const sortByJoined = q.sort === 'networkDistributorName' || q.sort === 'areaName';
  return selectPage<Terminal>(db, {
    select: TERMINAL_SELECT,
    from: TERMINAL_FROM,
    // Paging walks only the terminals table (and the joins a sort needs); the display joins run
    // for the 200 rows shown, so the last page of 120,000 costs what the first does.
    idFrom: sortByJoined ? TERMINAL_FROM : walkNames ? 'terminals t INDEXED BY terminals_name' : 'terminals t',
    idColumn: 't.id',
    where,
    orderBy: `${SORT[q.sort] ?? SORT.name} ${q.direction === 'desc' ? 'DESC' : 'ASC'}, t.id`,
    offset: q.offset,
    limit: q.limit,
    ...(matches !== null ? { total: matches } : {}),
  });
}

export function getTerminal(db: Db, id: number): Terminal {
  const row = prepared(db, `SELECT ${TERMINAL_SELECT} FROM ${TERMINAL_FROM} WHERE t.id = ?`).get(id) as Terminal | undefined;
  if (!row) throw notFound('Terminal', id);
  return row;
}

function checkReferences(db: Db, d: TerminalInput): void {
  if (d.subDealerId !== null) requireRow(db, 'sub_dealers', d.subDealerId, 'draft.subDealerId', 'Sub-dealer');
  if (d.distributorId !== null) requireRow(db, 'distributors', d.distributorId, 'draft.distributorId', 'Distributor');
  requireRow(db, 'areas', d.areaId, 'draft.areaId', 'Area');
}

const columns = (d: TerminalInput) => ({
  code: d.code,
  name: d.name,
  channel: d.channel,
  sub_dealer_id: d.subDealerId,
  distributor_id: d.distributorId,
  area_id: d.areaId,
  address: d.address,
  status: d.status,
  competitor_brand: d.competitorBrand,
  latitude: d.latitude,
  longitude: d.longitude,
});

export function createTerminal(db: Db, draft: TerminalInput): Terminal {
  checkReferences(db, draft);
  return getTerminal(db, insertRow(db, 'terminals', columns(draft)));
}

export function updateTerminal(db: Db, id: number, draft: TerminalInput): Terminal {
  checkReferences(db, draft);
  if (!updateRow(db, 'terminals', id, columns(draft))) throw notFound('Terminal', id);
  return getTerminal(db, id);
}

export function terminalDeleteImpact(db: Db, id: number): { history: OutletHistory; archives: boolean } {
  getTerminal(db, id);
  const history = outletHistory(db, 'terminal', id);
  return { history, archives: history.visits + history.prospectSteps > 0 };
}

/** A terminal with visits or pipeline steps is archived: the salesperson's visit log and scores keep it. */
export function deleteTerminal(db: Db, id: number): { deleted: true; archived?: true } {
  return db.transaction(() => {
    if (terminalDeleteImpact(db, id).archives) {
      archiveRecord(db, 'terminals', id);
      return { deleted: true as const, archived: true as const };
    }
    prepared(db, 'DELETE FROM terminals WHERE id = ?').run(id);
    return { deleted: true as const };
  })();
}
