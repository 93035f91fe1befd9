import type { BriefChange, BriefChangeRecord, BriefHistory } from '../../shared/contract/brief.js';
import { prepared, type Db } from '../db/open.js';

/** How many changes the brief carries: the page shows them all, the printed page the newest few. */
export const BRIEF_HISTORY_LIMIT = 12;

/**
 * Calls that change one distributor's records without a row trigger of their own (contacts, target
 * cells, account profile, complaints, stock counts) are kept as one 'call' entry with their input
 * (main/people/history.ts). Each is found by its method name through the (entity, entity_id) index,
 * then by the distributor its input names.
 */
const CONTACT_CALLS = ['contact.create', 'contact.update', 'contact.delete'];
const TARGET_CALLS = ['targets.edit', 'targets.lock', 'targets.setAgreed'];
const ACCOUNT_CALLS = ['accounts.setProfile', 'complaint.create', 'stock.set'];

const list = (methods: string[]) => methods.map((m) => `'${m}'`).join(', ');

/**
 * The entries of the distributor, its contacts, its target cells, its account and stock, and its
 * outlets (sub-dealers and terminals that belong to it now). Outlets are looked up one index probe
 * each; the calls by their method, so the cost follows the distributor's size, not the history's.
 * CROSS JOIN keeps the outlets as the outer loop: left to itself the planner walks every terminal
 * entry of the history (entity = 'terminal') and looks each up among the distributor's outlets,
 * which grows with the whole network's history (EXPLAIN QUERY PLAN, tests/integration/brief-history).
 */
export const HITS = `
  WITH contact_ids(id) AS (
    SELECT id FROM contacts WHERE distributor_id = :id
    UNION SELECT json_extract(changes, '$.result.id') FROM record_history
      WHERE entity = 'call' AND entity_id IN ('contact.create', 'contact.update')
        AND json_extract(changes, '$.result.ownerType') = 'distributor' AND json_extract(changes, '$.result.ownerId') = :id
  ),
  hits(id, record) AS (
    SELECT id, 'distributor' FROM record_history WHERE entity = 'distributor' AND entity_id = :key
    UNION ALL SELECT h.id, 'contact' FROM record_history h
      WHERE h.entity = 'call' AND h.entity_id IN (${list(CONTACT_CALLS)})
        AND (json_extract(h.changes, '$.input.id') IN (SELECT id FROM contact_ids)
          OR json_extract(h.changes, '$.result.id') IN (SELECT id FROM contact_ids))
    UNION ALL SELECT id, 'target' FROM record_history
      WHERE entity = 'call' AND entity_id IN (${list(TARGET_CALLS)})
        AND coalesce(json_extract(changes, '$.input.distributorId'), json_extract(changes, '$.input.at.distributorId')) = :id
    UNION ALL SELECT id, 'account' FROM record_history
      WHERE entity = 'call' AND entity_id IN (${list(ACCOUNT_CALLS)}) AND json_extract(changes, '$.input.distributorId') = :id
    UNION ALL SELECT h.id, 'sub_dealer' FROM sub_dealers s
      CROSS JOIN record_history h ON h.entity = 'sub_dealer' AND h.entity_id = CAST(s.id AS TEXT) WHERE s.distributor_id = :id
    UNION ALL SELECT h.id, 'terminal' FROM terminals t
      CROSS JOIN record_history h ON h.entity = 'terminal' AND h.entity_id = CAST(t.id AS TEXT) WHERE t.distributor_id = :id
    UNION ALL SELECT h.id, 'terminal' FROM sub_dealers s CROSS JOIN terminals t ON t.sub_dealer_id = s.id
      CROSS JOIN record_history h ON h.entity = 'terminal' AND h.entity_id = CAST(t.id AS TEXT) WHERE s.distributor_id = :id
  )`;

interface Row {
  id: number;
  record: BriefChangeRecord;
  at: string;
  actorCode: string | null;
  actorName: string | null;
  method: string | null;
  entity: string;
  entityId: string;
  action: BriefChange['action'];
  changes: string;
  reason: string | null;
}

/** Fields never worth a line on the brief: keys and bookkeeping. */
const SKIPPED = new Set(['id', 'archived_at', 'confirm', 'planId', 'distributorId', 'ownerType', 'ownerId', 'at']);

/** Ids the person reads as names: the area, the salesperson, the distributor or sub-dealer an outlet hangs on. */
const NAMED: Record<string, string> = {
  area_id: 'SELECT name FROM areas WHERE id = ?',
  salesperson_id: 'SELECT name FROM staff WHERE id = ?',
  owner_id: 'SELECT name FROM staff WHERE id = ?',
  distributor_id: "SELECT code || ' ' || name FROM distributors WHERE id = ?",
  sub_dealer_id: "SELECT code || ' ' || name FROM sub_dealers WHERE id = ?",
  productId: "SELECT sku || ' ' || name FROM products WHERE id = ?",
};

function named(db: Db, field: string, value: unknown): unknown {
  const sql = NAMED[field];
  if (!sql || typeof value !== 'number') return value;
  return (prepared(db, sql).pluck().get(value) as string | undefined) ?? value;
}

const fieldsOf = (db: Db, pairs: Array<[string, unknown, unknown]>): BriefChange['fields'] =>
  pairs
    .filter(([field, before, after]) => !SKIPPED.has(field) && !(before == null && after == null))
    .map(([field, before, after]) => ({ field, before: named(db, field, before) ?? null, after: named(db, field, after) ?? null }));

type Changes = { input?: Record<string, unknown>; result?: Record<string, unknown> } & Record<string, unknown>;

/** What a 'call' entry changed, as fields; `before` of a contact comes from its previous entry. */
function callFields(db: Db, row: Row, changes: Changes, contactsBefore: Map<number, Record<string, unknown>>): BriefChange['fields'] {
  const input = changes.input ?? {};
  const draft = (input.draft ?? {}) as Record<string, unknown>;
  switch (row.method) {
    case 'contact.create':
      return fieldsOf(
        db,
        Object.entries(draft).map(([k, v]) => [k, null, v]),
      );
    case 'contact.update': {
      const before = contactsBefore.get(row.id) ?? {};
      return fieldsOf(
        db,
        Object.entries(draft)
          .filter(([k, v]) => before[k] !== v)
          .map(([k, v]) => [k, before[k] ?? null, v]),
      );
    }
    case 'contact.delete': {
      const before = contactsBefore.get(row.id) ?? {};
      return fieldsOf(
        db,
        Object.entries(before).map(([k, v]) => [k, v, null]),
      );
    }
    case 'targets.edit':
      return fieldsOf(db, [['target', null, input.value]]);
    case 'targets.lock':
      return fieldsOf(db, [['locked', null, input.locked]]);
    case 'targets.setAgreed':
      return fieldsOf(db, [['agreed', null, input.cases]]);
    default:
      return fieldsOf(
        db,
        Object.entries(input).map(([k, v]) => [k, null, v]),
      );
  }
}

/** The record a line is about, in the user's terms: the outlet, the contact, the brand or SKU of a target. */
function labelOf(db: Db, row: Row, changes: Changes, contactsBefore: Map<number, Record<string, unknown>>): string | null {
  const input = changes.input ?? {};
  if (row.record === 'sub_dealer' || row.record === 'terminal') {
    const table = row.record === 'sub_dealer' ? 'sub_dealers' : 'terminals';
    return (prepared(db, `SELECT code || ' ' || name FROM ${table} WHERE id = ?`).pluck().get(Number(row.entityId)) as string) ?? null;
  }
  if (row.record === 'contact') {
    const draft = input.draft as { name?: string } | undefined;
    const before = contactsBefore.get(row.id) as { name?: string } | undefined;
    return draft?.name ?? (changes.result as { name?: string } | undefined)?.name ?? before?.name ?? null;
  }
  if (row.record === 'target') {
    const at = (input.at ?? input) as { brand?: string; productId?: number; month?: string };
    const product = at.productId === undefined ? null : (named(db, 'productId', at.productId) as string);
    return [at.brand ?? null, product, at.month ?? null].filter(Boolean).join(' · ') || null;
  }
  if (row.method === 'stock.set') return named(db, 'productId', input.productId) as string;
  return null;
}

/**
 * A contact's state before each of its updates and deletes: the call entries keep only what was
 * asked, so the state is replayed from the contact's earlier entries, oldest first.
 */
function contactStates(db: Db, id: number): Map<number, Record<string, unknown>> {
  const rows = prepared(
    db,
    `${HITS} SELECT h.id, h.method, h.changes FROM hits JOIN record_history h ON h.id = hits.id WHERE hits.record = 'contact' ORDER BY h.id`,
  ).all({ id, key: String(id) }) as Array<{ id: number; method: string; changes: string }>;
  const state = new Map<number, Record<string, unknown>>();
  const before = new Map<number, Record<string, unknown>>();
  for (const r of rows) {
    const c = JSON.parse(r.changes) as Changes;
    const contactId = Number(c.input?.id ?? c.result?.id);
    before.set(r.id, { ...(state.get(contactId) ?? {}) });
    const draft = (c.input?.draft ?? {}) as Record<string, unknown>;
    if (r.method === 'contact.delete') state.delete(contactId);
    else state.set(contactId, { ...(state.get(contactId) ?? {}), ...draft });
  }
  return before;
}

/** The newest changes to one distributor and its records, newest first, and how many there are in all. */
export function distributorHistory(db: Db, id: number, limit = BRIEF_HISTORY_LIMIT): BriefHistory {
  const total =
    (prepared(db, `${HITS} SELECT count(*) FROM hits`)
      .pluck()
      .get({ id, key: String(id) }) as number) ?? 0;
  if (total === 0) return { entries: [], total: 0 };
  const rows = prepared(
    db,
    `${HITS} SELECT h.id, hits.record, h.at, h.actor_code AS actorCode,
       CASE WHEN h.actor_id = 0 THEN 'Administrator' ELSE s.name END AS actorName,
       h.method, h.entity, h.entity_id AS entityId, h.action, h.changes, h.reason
     FROM hits JOIN record_history h ON h.id = hits.id LEFT JOIN staff s ON s.id = h.actor_id
     ORDER BY h.id DESC LIMIT :limit`,
  ).all({ id, key: String(id), limit }) as Row[];
  const contactsBefore = rows.some((r) => r.record === 'contact') ? contactStates(db, id) : new Map<number, Record<string, unknown>>();
  const entries = rows.map((row): BriefChange => {
    const changes = JSON.parse(row.changes) as Changes;
    const fields =
      row.action === 'call'
        ? callFields(db, row, changes, contactsBefore)
        : fieldsOf(
            db,
            Object.entries(changes).map(([field, pair]) => {
              const [before, after] = Array.isArray(pair) ? pair : [null, pair];
              return [field, before, after];
            }),
          );
    return {
      id: row.id,
      at: row.at,
      actorCode: row.actorCode,
      actorName: row.actorName,
      method: row.method,
      action: row.action,
      record: row.record,
      recordLabel: labelOf(db, row, changes, contactsBefore),
      fields,
      reason: row.reason,
    };
  });
  return { entries, total };
}
