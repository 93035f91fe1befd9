import type { accountsContract } from '../../shared/contract/accounts.js';
import type { FeatureHandlers } from '../api/handlers-type.js';
import { scopeOf } from '../people/readScope.js';
import {
  closeComplaint,
  createComplaint,
  detail,
  listComplaints,
  listProspects,
  overview,
  prospectSummary,
  saveAccountsSettings,
  saveProspectScore,
  setProfile,
  skus,
} from './service.js';

export const accountsHandlers = {
  'accounts.overview': (ctx) => overview(ctx.db, scopeOf(ctx)),
  'accounts.detail': ({ db }, { distributorId }) => detail(db, distributorId),
  'accounts.saveSettings': ({ db }, s) => saveAccountsSettings(db, s),
  'accounts.setProfile': ({ db }, { distributorId, fit, totalPurchasesCases }) => setProfile(db, distributorId, fit, totalPurchasesCases),
  'complaint.list': (ctx, filter) => listComplaints(ctx.db, filter, scopeOf(ctx)),
  'complaint.create': ({ db }, input) => createComplaint(db, input),
  'complaint.close': ({ db }, { id, closedOn, resolution }) => closeComplaint(db, id, closedOn, resolution),
  'accounts.skus': (ctx, { distributorId }) => skus(ctx.db, distributorId, scopeOf(ctx)),
  'prospect.list': (ctx, { search }) => listProspects(ctx.db, search, scopeOf(ctx)),
  'prospect.summary': (ctx) => prospectSummary(ctx.db, scopeOf(ctx)),
  'prospect.score': ({ db }, input) => saveProspectScore(db, input),
} satisfies FeatureHandlers<typeof accountsContract>;
