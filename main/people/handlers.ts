import type { peopleContract } from '../../shared/contract/people.js';
import type { FeatureHandlers } from '../api/handlers-type.js';
import { authStatus, setAdmin, setPassword, setupAuth, signIn, signOut } from './auth.js';
import { exportHistory, listHistory } from './history.js';
import { scopeOf } from './readScope.js';
import { mergeDistributors } from '../network/archive.js';
import { reopenEvaluation, reopenPlan, reopenReadinessPlan, reopenReview } from './reopen.js';

export const peopleHandlers = {
  'auth.status': (ctx) => authStatus(ctx),
  'auth.setup': (ctx, input) => setupAuth(ctx, input),
  'auth.signIn': (ctx, input) => signIn(ctx, input),
  'auth.signOut': (ctx) => signOut(ctx),
  'person.setPassword': (ctx, input) => setPassword(ctx, input),
  'person.setAdmin': (ctx, input) => setAdmin(ctx, input),
  'history.list': (ctx, input) => listHistory(ctx.db, input, { scope: scopeOf(ctx), personId: ctx.actor?.personId }),
  'history.export': (ctx, input) => exportHistory(ctx.db, input, { scope: scopeOf(ctx), personId: ctx.actor?.personId }),
  'devPlan.reopen': ({ db }, input) => reopenPlan(db, input),
  'weeklyReview.reopen': ({ db }, input) => reopenReview(db, input),
  'evaluation.reopen': ({ db }, input) => reopenEvaluation(db, input),
  'readiness.reopenPlan': (ctx, input) => reopenReadinessPlan(ctx.db, input, scopeOf(ctx)),
  'distributor.merge': ({ db }, { fromId, intoId }) => mergeDistributors(db, fromId, intoId),
} satisfies FeatureHandlers<typeof peopleContract>;
