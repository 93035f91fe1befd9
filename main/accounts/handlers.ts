import type { accountsContract } from '../../shared/contract/accounts.js';
import type { FeatureHandlers } from '../api/handlers-type.js';
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
  'accounts.overview': ({ db }) => overview(db),
  'accounts.detail': ({ db }, { distributorId }) => detail(db, distributorId),
  'accounts.saveSettings': ({ db }, s) => saveAccountsSettings(db, s),
  'accounts.setProfile': ({ db }, { distributorId, fit, totalPurchasesCases }) => setProfile(db, distributorId, fit, totalPurchasesCases),
  'complaint.list': ({ db }, filter) => listComplaints(db, filter),
  'complaint.create': ({ db }, input) => createComplaint(db, input),
  'complaint.close': ({ db }, { id, closedOn, resolution }) => closeComplaint(db, id, closedOn, resolution),
  'accounts.skus': ({ db }, { distributorId }) => skus(db, distributorId),
  'prospect.list': ({ db }, { search }) => listProspects(db, search),
  'prospect.summary': ({ db }) => prospectSummary(db),
  'prospect.score': ({ db }, input) => saveProspectScore(db, input),
} satisfies FeatureHandlers<typeof accountsContract>;
