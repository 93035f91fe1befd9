/**
 * The readiness data people enter: stock counts, shipments in transit or planned, shipping limits,
 * warehouse pallets and pallet sizes.
 */
import type { PackGroup, ShipmentRow } from '../../shared/contract/readiness.js';
import type { Page } from '../../shared/contract/fields.js';
import { DomainError, refusal } from '../../shared/contract/result.js';
import { dayOf } from '../../shared/domain/calendar.js';
import { now } from '../../shared/domain/clock.js';
import { nowIso, prepared, type Db } from '../db/open.js';
import { nextId } from '../db/ids.js';
import { Conditions, notFound, requireRow, selectPage } from '../db/sql.js';
import { distributorInRegions, type RegionScope } from '../people/readScope.js';

import { doubtInWords, doubtRule, stockCountDoubts } from './count-doubts.js';

/** A count is what was on the shelf that day; a recount of the same day replaces it. A doubtful count needs confirm. */
export function setStock(
  db: Db,
  input: { distributorId: number; productId: number; date: string; cases: number; confirm?: boolean | undefined },
  instant = now(),
): { saved: true } {
  requireRow(db, 'distributors', input.distributorId, 'distributorId', 'Distributor');
  requireRow(db, 'products', input.productId, 'productId', 'Product');
  if (input.date > dayOf(instant))
    throw refusal('validation', 'stockCountInFuture', 'A stock count cannot be dated in the future', {}, [
      { path: 'date', message: 'After today' },
    ]);
  if (!input.confirm) {
    const doubts = stockCountDoubts(db, input);
    if (doubts.length) {
      const words = doubts.map(doubtInWords).join('; ');
      // the rule's code and numbers let the screen ask in the user's language; confirm: true saves it
      throw new DomainError(
        'conflict',
        `Check this count: ${words}. Save it anyway?`,
        [{ path: 'confirm', message: words }],
        doubtRule(doubts),
      );
    }
  }
  prepared(
    db,
    'INSERT INTO stock_snapshots (distributor_id, product_id, snapshot_date, cases) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET cases = excluded.cases',
  ).run(input.distributorId, input.productId, input.date, input.cases);
  return { saved: true };
}

export function setRegionCapacity(db: Db, regionId: number, casesPerWeek: number | null): { saved: true } {
  requireRow(db, 'regions', regionId, 'regionId', 'Region');
  if (casesPerWeek === null) prepared(db, 'DELETE FROM region_shipping_capacity WHERE region_id = ?').run(regionId);
  else
    prepared(
      db,
      'INSERT INTO region_shipping_capacity (region_id, cases_per_week) VALUES (?, ?) ON CONFLICT DO UPDATE SET cases_per_week = excluded.cases_per_week',
    ).run(regionId, casesPerWeek);
  return { saved: true };
}

export function setGroupCapacity(db: Db, regionId: number, pack: PackGroup, casesPerWeek: number | null): { saved: true } {
  requireRow(db, 'regions', regionId, 'regionId', 'Region');
  if (casesPerWeek === null) prepared(db, 'DELETE FROM group_shipping_capacity WHERE region_id = ? AND pack = ?').run(regionId, pack);
  else
    prepared(
      db,
      'INSERT INTO group_shipping_capacity (region_id, pack, cases_per_week) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET cases_per_week = excluded.cases_per_week',
    ).run(regionId, pack, casesPerWeek);
  return { saved: true };
}

export function setPalletCapacity(db: Db, distributorId: number, pallets: number | null): { saved: true } {
  requireRow(db, 'distributors', distributorId, 'distributorId', 'Distributor');
  if (pallets === null) prepared(db, 'DELETE FROM distributor_pallet_capacity WHERE distributor_id = ?').run(distributorId);
  else
    prepared(
      db,
      'INSERT INTO distributor_pallet_capacity (distributor_id, pallets) VALUES (?, ?) ON CONFLICT DO UPDATE SET pallets = excluded.pallets',
    ).run(distributorId, pallets);
  return { saved: true };
}

export function palletSizes(db: Db) {
  return prepared(
    db,
    'SELECT id AS productId, sku, name, pack, cases_per_pallet AS casesPerPallet FROM products ORDER BY sku COLLATE NOCASE',
  ).all() as Array<{
    productId: number;
    sku: string;
    name: string;
    pack: PackGroup;
    casesPerPallet: number;
  }>;
}

export function setCasesPerPallet(db: Db, productId: number, casesPerPallet: number): { saved: true } {
  if (!prepared(db, 'UPDATE products SET cases_per_pallet = ? WHERE id = ?').run(casesPerPallet, productId).changes)
    throw notFound('Product', productId);
  return { saved: true };
}

const SHIPMENT = `s.id, s.distributor_id AS distributorId, d.name AS distributorName, s.product_id AS productId, p.sku, s.cases,
  s.ship_date AS shipDate, s.arrival_date AS arrivalDate, s.status, s.source`;
const SHIPMENT_FROM = 'shipments s JOIN distributors d ON d.id = s.distributor_id JOIN products p ON p.id = s.product_id';

export function listShipments(
  db: Db,
  q: {
    status?: 'in_transit' | 'planned' | undefined;
    source?: 'manual' | 'plan' | undefined;
    distributorId?: number | undefined;
    shipWeek?: string | undefined;
    offset: number;
    limit: number;
  },
  scope: RegionScope = null,
): Page<ShipmentRow> {
  const where = new Conditions()
    .when(q.status, 's.status = ?', q.status)
    .when(q.source, 's.source = ?', q.source)
    .when(q.distributorId, 's.distributor_id = ?', q.distributorId)
    .when(q.shipWeek, "s.ship_date BETWEEN ? AND date(?, '+6 days')", q.shipWeek, q.shipWeek)
    .when(scope, distributorInRegions('s.distributor_id', scope));
  return selectPage<ShipmentRow>(db, {
    select: SHIPMENT,
    from: SHIPMENT_FROM,
    where,
    orderBy: 's.arrival_date, d.name, p.sku, s.id',
    offset: q.offset,
    limit: q.limit,
  });
}

function shipmentById(db: Db, id: number): ShipmentRow {
  const row = prepared(db, `SELECT ${SHIPMENT} FROM ${SHIPMENT_FROM} WHERE s.id = ?`).get(id) as ShipmentRow | undefined;
  if (!row) throw notFound('Shipment', id);
  return row;
}

/** A shipment entered by hand (from the ERP, or an order already agreed): firm, unlike the proposed plan. */
export function createShipment(
  db: Db,
  s: { distributorId: number; productId: number; cases: number; shipDate: string; arrivalDate: string; status: 'in_transit' | 'planned' },
): ShipmentRow {
  requireRow(db, 'distributors', s.distributorId, 'distributorId', 'Distributor');
  requireRow(db, 'products', s.productId, 'productId', 'Product');
  const id = nextId('shipments');
  const { lastInsertRowid } = prepared(
    db,
    "INSERT INTO shipments (id, distributor_id, product_id, cases, ship_date, arrival_date, status, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'manual', ?)",
  ).run(id, s.distributorId, s.productId, s.cases, s.shipDate, s.arrivalDate, s.status, nowIso());
  return shipmentById(db, id ?? Number(lastInsertRowid));
}

/** The warehouse sent a planned shipment: it is on the way now, and no longer part of the plan to redo. */
export function markShipped(db: Db, id: number): ShipmentRow {
  if (!prepared(db, "UPDATE shipments SET status = 'in_transit' WHERE id = ?").run(id).changes) throw notFound('Shipment', id);
  return shipmentById(db, id);
}

export function deleteShipment(db: Db, id: number): { deleted: true } {
  if (!prepared(db, 'DELETE FROM shipments WHERE id = ?').run(id).changes) throw notFound('Shipment', id);
  return { deleted: true };
}
