import type { adminContract } from '../../../shared/contract/admin.js';
import type { FeatureHandlers } from '../../api/handlers-type.js';
import { createPerson, listAccounts, requireAdministrator, setDisabled, setSignInMode, updatePerson } from './accounts.js';

export const adminHandlers = {
  'person.list': (ctx) => {
    requireAdministrator(ctx);
    return listAccounts(ctx.db);
  },
  'person.create': ({ db }, input) => createPerson(db, input),
  'person.update': (ctx, input) => updatePerson(ctx, input),
  'person.setDisabled': (ctx, input) => setDisabled(ctx, input),
  'auth.setMode': (ctx, input) => setSignInMode(ctx, input),
} satisfies FeatureHandlers<typeof adminContract>;
