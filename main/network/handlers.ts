import type { FeatureHandlers } from '../api/handlers-type.js';
import type { networkContract } from '../../shared/contract/network.js';
import { createArea, deleteArea, listAreas, updateArea } from './areas.js';
import { createContact, deleteContact, listContacts, updateContact } from './contacts.js';
import {
  createDistributor,
  deleteDistributor,
  distributorDeleteImpact,
  getDistributorPage,
  listDistributors,
  updateDistributor,
} from './distributors.js';
import { createProduct, deleteProduct, listProducts, updateProduct } from './products.js';
import { createRegion, deleteRegion, listRegions, updateRegion } from './regions.js';
import { createStaff, deleteStaff, listStaff, updateStaff } from './staff.js';
import { createSubDealer, deleteSubDealer, getSubDealer, listSubDealers, subDealerDeleteImpact, updateSubDealer } from './subDealers.js';
import { networkSummary } from './summary.js';
import { scopeOf } from '../people/readScope.js';
import { createTerminal, deleteTerminal, getTerminal, listTerminals, updateTerminal } from './terminals.js';

export const networkHandlers = {
  'network.summary': (ctx) => networkSummary(ctx.db, scopeOf(ctx)),

  // Pickers and the regions page offer the person's own regions (every region for an administrator).
  'region.list': (ctx) => {
    const scope = scopeOf(ctx);
    return listRegions(ctx.db).filter((r) => scope === null || scope.includes(r.id));
  },
  'region.create': ({ db }, { draft }) => createRegion(db, draft),
  'region.update': ({ db }, { id, draft }) => updateRegion(db, id, draft),
  'region.delete': ({ db }, { id }) => deleteRegion(db, id),

  'area.list': (ctx, { regionId }) => listAreas(ctx.db, regionId, scopeOf(ctx)),
  'area.create': ({ db }, { draft }) => createArea(db, draft),
  'area.update': ({ db }, { id, draft }) => updateArea(db, id, draft),
  'area.delete': ({ db }, { id }) => deleteArea(db, id),

  'staff.list': (ctx, input) => listStaff(ctx.db, input, scopeOf(ctx)),
  'staff.create': ({ db }, { draft }) => createStaff(db, draft),
  'staff.update': ({ db }, { id, draft }) => updateStaff(db, id, draft),
  'staff.delete': ({ db }, { id }) => deleteStaff(db, id),

  'distributor.list': (ctx, input) => listDistributors(ctx.db, input, scopeOf(ctx)),
  'distributor.get': ({ db }, { id }) => getDistributorPage(db, id),
  'distributor.deleteImpact': ({ db }, { id }) => distributorDeleteImpact(db, id),
  'distributor.create': ({ db }, { draft }) => createDistributor(db, draft),
  'distributor.update': ({ db }, { id, draft }) => updateDistributor(db, id, draft),
  'distributor.delete': ({ db }, { id, disposition }) => deleteDistributor(db, id, disposition),

  'subDealer.list': (ctx, input) => listSubDealers(ctx.db, input, scopeOf(ctx)),
  'subDealer.get': ({ db }, { id }) => getSubDealer(db, id),
  'subDealer.deleteImpact': ({ db }, { id }) => subDealerDeleteImpact(db, id),
  'subDealer.create': ({ db }, { draft }) => createSubDealer(db, draft),
  'subDealer.update': ({ db }, { id, draft }) => updateSubDealer(db, id, draft),
  'subDealer.delete': ({ db }, { id, disposition }) => deleteSubDealer(db, id, disposition),

  'terminal.list': (ctx, input) => listTerminals(ctx.db, input, scopeOf(ctx)),
  'terminal.get': ({ db }, { id }) => getTerminal(db, id),
  'terminal.create': ({ db }, { draft }) => createTerminal(db, draft),
  'terminal.update': ({ db }, { id, draft }) => updateTerminal(db, id, draft),
  'terminal.delete': ({ db }, { id }) => deleteTerminal(db, id),

  'contact.list': ({ db }, { ownerType, ownerId }) => listContacts(db, ownerType, ownerId),
  'contact.create': ({ db }, { draft }) => createContact(db, draft),
  'contact.update': ({ db }, { id, draft }) => updateContact(db, id, draft),
  'contact.delete': ({ db }, { id }) => deleteContact(db, id),

  'product.list': ({ db }, input) => listProducts(db, input),
  'product.create': ({ db }, { draft }) => createProduct(db, draft),
  'product.update': ({ db }, { id, draft }) => updateProduct(db, id, draft),
  'product.delete': ({ db }, { id }) => deleteProduct(db, id),
} satisfies FeatureHandlers<typeof networkContract>;
