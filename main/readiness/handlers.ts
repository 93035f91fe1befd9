import type { readinessContract } from '../../shared/contract/readiness.js';
import { now } from '../../shared/domain/clock.js';
import type { FeatureHandlers } from '../api/handlers-type.js';
import { scopeOf } from '../people/readScope.js';
import { exportPlan } from './export.js';
import {
  createShipment,
  deleteShipment,
  listShipments,
  markShipped,
  palletSizes,
  setCasesPerPallet,
  setGroupCapacity,
  setPalletCapacity,
  setRegionCapacity,
  setStock,
} from './records.js';
import {
  acceptPlan,
  proposeAcceptance,
  startAcceptJob,
  readinessBoard,
  readinessCell,
  readinessDistributor,
  readinessPlan,
  readinessSettings,
  readinessShortfalls,
  saveReadinessSettings,
} from './service.js';

export const readinessHandlers = {
  'readiness.board': (ctx, filter) => readinessBoard(ctx.db, { ...filter, regions: scopeOf(ctx) }),
  'readiness.plan': (ctx, input) => readinessPlan(ctx.db, { ...input, regions: scopeOf(ctx) }),
  'readiness.shortfalls': (ctx, input) => readinessShortfalls(ctx.db, { ...input, regions: scopeOf(ctx) }),
  'readiness.distributor': ({ db }, { distributorId }) => readinessDistributor(db, distributorId),
  'readiness.cell': ({ db }, { distributorId, productId }) => readinessCell(db, distributorId, productId),
  'readiness.settings': ({ db }, { regionId }) => readinessSettings(db, regionId),
  'readiness.saveSettings': ({ db }, input) => saveReadinessSettings(db, input),
  'readiness.setCapacity': ({ db }, { regionId, casesPerWeek }) => setRegionCapacity(db, regionId, casesPerWeek),
  'readiness.setGroupCapacity': ({ db }, { regionId, pack, casesPerWeek }) => setGroupCapacity(db, regionId, pack, casesPerWeek),
  'readiness.setPalletCapacity': ({ db }, { distributorId, pallets }) => setPalletCapacity(db, distributorId, pallets),
  'readiness.palletSizes': ({ db }) => palletSizes(db),
  'readiness.setCasesPerPallet': ({ db }, { productId, casesPerPallet }) => setCasesPerPallet(db, productId, casesPerPallet),
  'readiness.acceptPlan': (ctx) => acceptPlan(ctx.db, now(), scopeOf(ctx)),
  'readiness.acceptPlanStart': (ctx) => startAcceptJob(ctx, proposeAcceptance(ctx.db, now(), scopeOf(ctx))),
  'readiness.exportPlan': (ctx, input) => exportPlan(ctx.db, { ...input, regions: scopeOf(ctx) }),
  'stock.set': ({ db }, input) => setStock(db, input),
  'shipment.list': (ctx, input) => listShipments(ctx.db, input, scopeOf(ctx)),
  'shipment.create': ({ db }, input) => createShipment(db, input),
  'shipment.markShipped': ({ db }, { id }) => markShipped(db, id),
  'shipment.delete': ({ db }, { id }) => deleteShipment(db, id),
} satisfies FeatureHandlers<typeof readinessContract>;
