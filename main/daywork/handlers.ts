import type { FeatureHandlers } from '../api/handlers-type.js';
import type { dayworkContract } from '../../shared/contract/daywork.js';
import { dueOutlets } from './dueOutlets.js';
import { bulkShippedPreview, markShippedBulk } from './bulkShipped.js';
import { deleteInviteList, inviteCandidates, inviteLists, saveInviteList } from './invitations.js';
import { scopeOf } from '../people/readScope.js';

export const dayworkHandlers = {
  'dayRoute.due': ({ db }, input) => dueOutlets(db, input),
  'shipment.bulkPreview': ({ db }, input) => bulkShippedPreview(db, input),
  'shipment.markShippedBulk': ({ db }, input) => markShippedBulk(db, input),
  'event.inviteCandidates': (ctx, { eventId }) => inviteCandidates(ctx.db, eventId, scopeOf(ctx)),
  'inviteList.list': ({ db }) => inviteLists(db),
  'inviteList.save': ({ db }, { name, distributorIds }) => saveInviteList(db, name, distributorIds),
  'inviteList.delete': ({ db }, { name }) => deleteInviteList(db, name),
} satisfies FeatureHandlers<typeof dayworkContract>;
