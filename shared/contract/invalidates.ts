/**
 * What each mutation can change, as the query domains whose cached reads it makes stale. The
 * renderer's query keys start with the domain of their method (`queryDomain`), and after a
 * mutation succeeds it refreshes only the domains listed here, so saving a target no longer refetches
 * the staff and region pickers, the sync state and every other screen's lists.
 *
 * One entry per mutating contract method; a unit test fails when one is missing
 * (tests/unit/invalidates.test.ts). Where a change crosses features it is listed: a visit moves the
 * pipeline and the development dashboard (one domain), a forecast feeds readiness and target
 * suggestions, a sales correction feeds forecast, readiness, targets and key accounts.
 *
 * Every data mutation also makes `AFTER_ANY_CHANGE` stale: the change history, the distributor brief
 * and the delete-impact counts read records of every feature, and the sync state counts the outbox.
 * Refreshing a domain refetches only the queries on screen; the others are marked stale and load
 * again when shown, so listing a domain that is not visible costs nothing.
 */
export const QUERY_DOMAINS = [
  'session', // app info, preferences, sign-in state, the people who sign in
  'history', // the change history of records
  'jobs',
  'backup',
  'importing', // import fields and templates, exports
  'network', // regions, areas, staff, distributors, sub-dealers, terminals, contacts, products, the network summary
  'brief', // a distributor's one-page brief: reads network, sales, readiness, targets, events and visits
  'impact', // what deleting a record would take with it: reads records of every feature
  'forecast',
  'readiness', // readiness board, plan, settings, stock and shipments
  'targets',
  'accounts', // key accounts, complaints, prospect scores
  'events', // trainings and trips, invitations, follow-ups, saved invitation lists
  'development', // pipeline, development plans, day routes, visits, weekly reviews, scorecards
  'sync',
  // A query whose method prefix is not listed below: refreshed after every mutation, so a method
  // added without a domain is never stale (a unit test asks for its domain all the same).
  'unlisted',
] as const;
export type QueryDomain = (typeof QUERY_DOMAINS)[number];

/** The domain of each method-name prefix (`readiness.board` -> `readiness`). */
const DOMAIN_OF_PREFIX: Readonly<Record<string, QueryDomain>> = {
  app: 'session',
  preferences: 'session',
  auth: 'session',
  person: 'session',
  history: 'history',
  job: 'jobs',
  demo: 'network',
  backup: 'backup',
  import: 'importing',
  export: 'importing',
  network: 'network',
  region: 'network',
  area: 'network',
  staff: 'network',
  distributor: 'network',
  subDealer: 'network',
  terminal: 'network',
  contact: 'network',
  product: 'network',
  forecast: 'forecast',
  sales: 'forecast',
  readiness: 'readiness',
  stock: 'readiness',
  shipment: 'readiness',
  targets: 'targets',
  accounts: 'accounts',
  complaint: 'accounts',
  prospect: 'accounts',
  event: 'events',
  followup: 'events',
  inviteList: 'events',
  development: 'development',
  pipeline: 'development',
  devPlan: 'development',
  dayRoute: 'development',
  visit: 'development',
  weeklyReview: 'development',
  evaluation: 'development',
  sync: 'sync',
};

/** The domain a method's queries are cached under: its prefix's, except reads that cross features. */
export function queryDomain(method: string): QueryDomain {
  if (method === 'distributor.brief') return 'brief';
  if (method.endsWith('.deleteImpact')) return 'impact';
  return DOMAIN_OF_PREFIX[method.slice(0, method.indexOf('.'))] ?? 'unlisted';
}

/** Made stale by every change to records (see the comment at the top). */
export const AFTER_ANY_CHANGE: readonly QueryDomain[] = ['history', 'brief', 'impact', 'sync', 'unlisted'];

/** All the domains that hold records of the network or of a feature. */
const ALL_DATA: readonly QueryDomain[] = ['network', 'forecast', 'readiness', 'targets', 'accounts', 'events', 'development'];
/** Everything: a different person, a different language, a restored or seeded file. */
const EVERYTHING: readonly QueryDomain[] = QUERY_DOMAINS;

// The network is what every feature lists and names: a region, distributor or product edit changes
// pickers, boards and plans across the app, so network edits refresh all data domains.
const NETWORK_EDIT = ALL_DATA;
// Contacts are read by key accounts (account contacts) and events (who gets invited).
const CONTACT_EDIT: readonly QueryDomain[] = ['network', 'accounts', 'events'];
// The forecast feeds readiness (demand to cover) and target suggestions.
const FORECAST_EDIT: readonly QueryDomain[] = ['forecast', 'readiness', 'targets'];
// Targets name the outlets a salesperson must develop: the pipeline, plans and scorecards read them.
const TARGETS_EDIT: readonly QueryDomain[] = ['targets', 'development'];
// Follow-ups of an event are also the salesperson's to-dos on the development screens.
const FOLLOWUP_EDIT: readonly QueryDomain[] = ['events', 'development'];
// A weekly review is development work, and the events calendar warns of clashes with its week.
const REVIEW_EDIT: readonly QueryDomain[] = ['development', 'events'];

export const INVALIDATES: Readonly<Record<string, readonly QueryDomain[]>> = {
  'preferences.set': EVERYTHING, // the language: worded results are asked for again
  'demo.seed': EVERYTHING,
  'job.cancel': ['jobs'],

  'region.create': NETWORK_EDIT,
  'region.update': NETWORK_EDIT, // peak months feed forecast, readiness, targets and events
  'region.delete': NETWORK_EDIT,
  'area.create': NETWORK_EDIT,
  'area.update': NETWORK_EDIT,
  'area.delete': NETWORK_EDIT,
  'staff.create': NETWORK_EDIT,
  'staff.update': NETWORK_EDIT,
  'staff.delete': NETWORK_EDIT,
  'distributor.create': NETWORK_EDIT,
  'distributor.update': NETWORK_EDIT,
  'distributor.delete': NETWORK_EDIT,
  'distributor.merge': NETWORK_EDIT,
  'subDealer.create': NETWORK_EDIT,
  'subDealer.update': NETWORK_EDIT,
  'subDealer.delete': NETWORK_EDIT,
  'terminal.create': NETWORK_EDIT,
  'terminal.update': NETWORK_EDIT,
  'terminal.delete': NETWORK_EDIT,
  'contact.create': CONTACT_EDIT,
  'contact.update': CONTACT_EDIT,
  'contact.delete': CONTACT_EDIT,
  'product.create': NETWORK_EDIT,
  'product.update': NETWORK_EDIT,
  'product.delete': NETWORK_EDIT,

  // A preview only holds rows in memory; committing writes any table the file names.
  'import.preview': ['importing'],
  'import.previewStart': ['importing', 'jobs'],
  'import.discard': ['importing'],
  'import.commit': EVERYTHING,
  // Starts a job and returns: what the job writes is refreshed when it ends (JOB_INVALIDATES).
  'import.start': ['importing', 'jobs'],

  'forecast.run': FORECAST_EDIT,
  'forecast.override': FORECAST_EDIT,
  'forecast.overrideDelete': FORECAST_EDIT,
  // Sales history is read by the forecast, readiness (recent demand), targets and key accounts.
  'sales.set': ['forecast', 'readiness', 'targets', 'accounts'],

  'readiness.saveSettings': ['readiness'],
  'readiness.setCapacity': ['readiness'],
  'readiness.setGroupCapacity': ['readiness'],
  'readiness.setPalletCapacity': ['readiness'],
  'readiness.setCasesPerPallet': ['readiness'],
  'readiness.acceptPlan': ['readiness'],
  // a job: what it wrote is refreshed again when it finishes (useJob)
  'readiness.acceptPlanStart': ['readiness'],
  'readiness.reopenPlan': ['readiness'],
  'stock.set': ['readiness'],
  'shipment.create': ['readiness'],
  'shipment.markShipped': ['readiness'],
  'shipment.delete': ['readiness'],
  'shipment.markShippedBulk': ['readiness'],

  'targets.create': TARGETS_EDIT,
  'targets.edit': TARGETS_EDIT,
  'targets.setLine': TARGETS_EDIT,
  'targets.lock': TARGETS_EDIT,
  'targets.setAgreed': TARGETS_EDIT,
  'targets.saveVersion': TARGETS_EDIT,
  'targets.saveRules': ['targets'],
  'targets.delete': TARGETS_EDIT,
  'targets.refreshNatural': TARGETS_EDIT,

  'backup.create': ['backup'],
  'backup.dismissRestoreNotice': ['backup'],
  'backup.restore': EVERYTHING,

  'accounts.saveSettings': ['accounts'],
  'accounts.setProfile': ['accounts'],
  'complaint.create': ['accounts'],
  'complaint.close': ['accounts'],
  'prospect.score': ['accounts'],

  'event.create': ['events'],
  'event.update': ['events'],
  'event.delete': ['events'],
  'event.invite': ['events'],
  'event.uninvite': ['events'],
  'event.setInvitee': ['events'],
  'event.addItem': ['events'],
  'event.removeItem': ['events'],
  'inviteList.save': ['events'],
  'inviteList.delete': ['events'],
  'followup.create': FOLLOWUP_EDIT,
  'followup.update': FOLLOWUP_EDIT,

  // A visit, a pipeline move or a plan decision all show on the development dashboard and scorecard,
  // which share the development domain.
  'pipeline.add': ['development'],
  'pipeline.update': ['development'],
  'pipeline.move': ['development'],
  'pipeline.remove': ['development'],
  'devPlan.save': ['development'],
  'devPlan.submit': ['development'],
  'devPlan.decide': ['development'],
  'devPlan.reopen': ['development'],
  'dayRoute.save': ['development'],
  'visit.log': ['development'],
  'visit.delete': ['development'],
  'weeklyReview.save': REVIEW_EDIT,
  'weeklyReview.comment': REVIEW_EDIT,
  'weeklyReview.reopen': REVIEW_EDIT,
  'evaluation.decide': ['development'],
  'evaluation.reopen': ['development'],
  'evaluation.saveSettings': ['development'],

  // Signing in or out changes whose regions every read is scoped to.
  'auth.setup': EVERYTHING,
  'auth.signIn': EVERYTHING,
  'auth.signOut': EVERYTHING,
  'auth.setMode': ['session'],
  'person.setPassword': ['session'],
  'person.create': ['session', 'network'], // a person may be linked to a staff record
  'person.update': EVERYTHING, // roles and regions: when it is the person signed in, their scope changes
  'person.setAdmin': EVERYTHING,
  'person.setDisabled': ['session'],

  // A sync that brings changes refreshes the screens itself (renderer/sync/queries.ts).
  'sync.connect': ['sync', 'session'],
  'sync.now': ['sync'],
  'sync.disconnect': ['sync', 'session'],
  'sync.acknowledge': ['sync'],
};

/**
 * What each kind of background job (main/jobs/tasks.ts) can have written, refreshed when it ends
 * (renderer/api/hooks.ts useJob), whether it finished, failed or was cancelled. A unit test asks for
 * an entry per task.
 */
export const JOB_INVALIDATES: Readonly<Record<string, readonly QueryDomain[]>> = {
  'demo.seed': EVERYTHING,
  // A commit may write any table the file names.
  'import.run': EVERYTHING,
  // A preview or validation writes nothing: only the import dialog's own queries read its result.
  'import.check': ['importing'],
  'sync.first': EVERYTHING,
  'forecast.run': FORECAST_EDIT,
  'readiness.accept': ['readiness'],
};

/** Jobs that only read: no record changed, so what reads every record stays as it is. */
const JOBS_WRITING_NOTHING = new Set(['import.check']);

/** The domains to refresh when a job of `kind` has ended: its own list, the jobs and what reads every record. */
export function domainsAfterJob(kind: string): readonly QueryDomain[] {
  const listed = JOB_INVALIDATES[kind];
  if (!listed) return EVERYTHING;
  if (JOBS_WRITING_NOTHING.has(kind)) return [...new Set([...listed, 'jobs' as const])];
  return [...new Set([...listed, 'jobs' as const, ...AFTER_ANY_CHANGE])];
}

/** The domains to refresh after `method` succeeded: its own list and, for a data change, `AFTER_ANY_CHANGE`. */
export function invalidatedDomains(method: string): readonly QueryDomain[] {
  const listed = INVALIDATES[method];
  // A method without an entry (the unit test prevents it) refreshes everything rather than too little.
  if (!listed) return EVERYTHING;
  const touchesData = listed.some((d) => ALL_DATA.includes(d));
  return [...new Set([...listed, ...(touchesData ? AFTER_ANY_CHANGE : ['unlisted' as const])])];
}
