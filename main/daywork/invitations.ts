import type { InviteCandidate, InviteList } from '../../shared/contract/daywork.js';
import { refusal } from '../../shared/contract/result.js';
import { overview } from '../accounts/service.js';
import { prepared, type Db } from '../db/open.js';
import { requireRow } from '../db/sql.js';
import { areaInRegions, type RegionScope } from '../people/readScope.js';
import { getEvent } from '../events/service.js';
import { readSetting, writeSetting } from '../system/preferences.js';

const LISTS_KEY = 'events.inviteLists';

/**
 * Every distributor as the invitation picker shows it: code, area and region (names repeat across
 * regions), its segment, and whether this event has invited it already.
 */
export function inviteCandidates(db: Db, eventId: number, scope: RegionScope = null): InviteCandidate[] {
  getEvent(db, eventId);
  const segments = new Map(overview(db).rows.map((r) => [r.distributorId, r.segment]));
  const rows = prepared(
    db,
    `SELECT d.id, d.code, d.name, d.status, a.id AS areaId, a.name AS areaName, r.id AS regionId, r.name AS regionName,
       EXISTS (SELECT 1 FROM event_invitees i WHERE i.event_id = ? AND i.distributor_id = d.id) AS invited
     FROM distributors d JOIN areas a ON a.id = d.area_id JOIN regions r ON r.id = a.region_id
     WHERE d.status != 'ended' AND d.archived_at IS NULL AND ${areaInRegions('d.area_id', scope)} ORDER BY d.name COLLATE NOCASE, d.code`,
  ).all(eventId) as Array<Omit<InviteCandidate, 'segment' | 'invited'> & { invited: number }>;
  return rows.map((r) => ({ ...r, invited: r.invited === 1, segment: segments.get(r.id) ?? null }));
}

export function inviteLists(db: Db): InviteList[] {
  return readSetting<InviteList[]>(db, LISTS_KEY) ?? [];
}

/** A named selection kept for the next event ("key accounts north", "trip regulars"); same name replaces. */
export function saveInviteList(db: Db, name: string, distributorIds: number[]): InviteList[] {
  return db.transaction(() => {
    distributorIds.forEach((d, i) => requireRow(db, 'distributors', d, `distributorIds.${i}`, 'Distributor'));
    const unique = [...new Set(distributorIds)];
    if (unique.length === 0)
      throw refusal('validation', 'inviteListEmpty', 'Pick at least one distributor', {}, [{ path: 'distributorIds', message: 'Empty' }]);
    const lists = inviteLists(db).filter((l) => l.name.toLowerCase() !== name.toLowerCase());
    lists.push({ name, distributorIds: unique });
    lists.sort((a, b) => a.name.localeCompare(b.name));
    writeSetting(db, LISTS_KEY, lists);
    return lists;
  })();
}

export function deleteInviteList(db: Db, name: string): InviteList[] {
  const lists = inviteLists(db);
  if (!lists.some((l) => l.name === name)) throw refusal('not_found', 'inviteListMissing', `No saved list called "${name}".`, { name });
  const rest = lists.filter((l) => l.name !== name);
  writeSetting(db, LISTS_KEY, rest);
  return rest;
}
