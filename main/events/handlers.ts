import type { eventsContract } from '../../shared/contract/events.js';
import type { FeatureHandlers } from '../api/handlers-type.js';
import {
  addItem,
  createEvent,
  createFollowup,
  deleteEvent,
  eventIcs,
  getEvent,
  invite,
  listEvents,
  listFollowups,
  removeItem,
  setInvitee,
  uninvite,
  updateEvent,
  updateFollowup,
} from './service.js';
import { scopeOf } from '../people/readScope.js';

export const eventsHandlers = {
  'event.list': (ctx, { from, to }) => listEvents(ctx.db, from, to, scopeOf(ctx)),
  'event.get': ({ db }, { id }) => getEvent(db, id),
  'event.create': ({ db }, { draft, confirm }) => createEvent(db, draft, confirm),
  'event.update': ({ db }, { id, draft, confirm }) => updateEvent(db, id, draft, confirm),
  'event.delete': ({ db }, { id }) => deleteEvent(db, id),
  'event.invite': ({ db }, { eventId, distributorIds }) => invite(db, eventId, distributorIds),
  'event.uninvite': ({ db }, { eventId, distributorId }) => uninvite(db, eventId, distributorId),
  'event.setInvitee': ({ db }, input) => setInvitee(db, input),
  'event.addItem': ({ db }, input) => addItem(db, input),
  'event.removeItem': ({ db }, { eventId, itemId }) => removeItem(db, eventId, itemId),
  'event.ics': ({ db }, { eventId, distributorId, language }) => eventIcs(db, eventId, distributorId, language),
  'followup.list': (ctx, filter) => listFollowups(ctx.db, filter, scopeOf(ctx)),
  'followup.create': ({ db }, input) => createFollowup(db, input),
  'followup.update': ({ db }, { id, status, resolution, ownerId }) => updateFollowup(db, id, status, resolution, ownerId),
} satisfies FeatureHandlers<typeof eventsContract>;
