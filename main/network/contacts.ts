import type { Contact } from '../../shared/contract/network.js';
import type { ContactLevel, ContactOwner } from '../../shared/domain/network.js';
import { prepared, type Db } from '../db/open.js';
import { insertRow, notFound, requireRow, updateRow } from '../db/sql.js';

export interface ContactInput {
  ownerType: ContactOwner;
  ownerId: number;
  name: string;
  role: string | null;
  level: ContactLevel;
  phone: string | null;
  email?: string | null | undefined;
}

const OWNER_TABLE: Record<ContactOwner, { table: string; column: string; label: string }> = {
  distributor: { table: 'distributors', column: 'distributor_id', label: 'Distributor' },
  sub_dealer: { table: 'sub_dealers', column: 'sub_dealer_id', label: 'Sub-dealer' },
  terminal: { table: 'terminals', column: 'terminal_id', label: 'Terminal' },
};

const SELECT = `SELECT id,
  CASE WHEN distributor_id IS NOT NULL THEN 'distributor' WHEN sub_dealer_id IS NOT NULL THEN 'sub_dealer' ELSE 'terminal' END AS ownerType,
  coalesce(distributor_id, sub_dealer_id, terminal_id) AS ownerId, name, role, level, phone, email FROM contacts`;

export function listContacts(db: Db, ownerType: ContactOwner, ownerId: number): Contact[] {
  return prepared(db, `${SELECT} WHERE ${OWNER_TABLE[ownerType].column} = ? ORDER BY name`).all(ownerId) as Contact[];
}

export function getContact(db: Db, id: number): Contact {
  const row = prepared(db, `${SELECT} WHERE id = ?`).get(id) as Contact | undefined;
  if (!row) throw notFound('Contact', id);
  return row;
}

function columns(d: ContactInput) {
  const owner = OWNER_TABLE[d.ownerType];
  return {
    distributor_id: owner.column === 'distributor_id' ? d.ownerId : null,
    sub_dealer_id: owner.column === 'sub_dealer_id' ? d.ownerId : null,
    terminal_id: owner.column === 'terminal_id' ? d.ownerId : null,
    name: d.name,
    role: d.role,
    level: d.level,
    phone: d.phone,
    email: d.email ?? null,
  };
}

function checkOwner(db: Db, d: ContactInput): void {
  const owner = OWNER_TABLE[d.ownerType];
  requireRow(db, owner.table, d.ownerId, 'draft.ownerId', owner.label);
}

export function createContact(db: Db, draft: ContactInput): Contact {
  checkOwner(db, draft);
  return getContact(db, insertRow(db, 'contacts', columns(draft)));
}

export function updateContact(db: Db, id: number, draft: ContactInput): Contact {
  checkOwner(db, draft);
  if (!updateRow(db, 'contacts', id, columns(draft))) throw notFound('Contact', id);
  return getContact(db, id);
}

export function deleteContact(db: Db, id: number): { deleted: true } {
  getContact(db, id);
  prepared(db, 'DELETE FROM contacts WHERE id = ?').run(id);
  return { deleted: true };
}
