/**
 * Who may change what: one entry per mutating contract method, enforced by `dispatch` for every door
 * (IPC, bridge, command line, and later the team server re-executing a desktop's calls). The screens
 * hide what a person may not do, but the rule lives here. A unit test fails when a mutating method
 * has no entry.
 *
 * An administrator may call everything in every region (a single-user desktop is run by one). For
 * everyone else the person's roles must include one of `roles`, and then the scope must hold:
 * - `any`: no record check (settings of the person's own work, reference data of the method's role);
 * - `region`: every region the call touches is one of the person's regions;
 * - `own`: a salesperson acts only for themselves; any other allowed role needs the region.
 */
export const ROLES = ['administrator', 'regional_manager', 'logistics_coordinator', 'salesperson'] as const;
export type Role = (typeof ROLES)[number];
export type Scope = 'any' | 'region' | 'own';

export interface Permission {
  roles: readonly Role[];
  scope: Scope;
  /** The rule in words: the refusal quotes it. */
  rule: string;
}

/** Methods anyone may call before signing in: what the sign-in screen itself needs. */
export const PUBLIC_METHODS: ReadonlySet<string> = new Set([
  'app.info',
  'preferences.get',
  'auth.status',
  'auth.setup',
  'auth.signIn',
  'auth.signOut',
  'sync.status',
]);

const A = 'administrator';
const M = 'regional_manager';
const L = 'logistics_coordinator';
const S = 'salesperson';
const EVERYONE = [A, M, L, S] as const;

const p = (roles: readonly Role[], scope: Scope, rule: string): Permission => ({ roles, scope, rule });
const adminOnly = (what: string) => p([A], 'any', `only an administrator ${what}`);
const network = (what: string) => p([A, M], 'region', `${what} belong to the regional manager of their region`);
const outlets = (what: string) => p([A, M, S], 'region', `${what} are kept by the regional manager and salespeople of their region`);
const logistics = (what: string) => p([A, L], 'any', `${what} belong to the logistics coordinator`);
const targets = (what: string) => p([A, M], 'region', `${what} belong to the regional manager of the plan's region`);
const managerOf = (what: string) => p([A, M], 'region', `only a regional manager of the salesperson's region ${what}`);
// A salesperson's import is checked further by the importer: visits only, every row their own.
const IMPORTS = 'imports are made by regional managers and logistics coordinators; a salesperson imports their own visits';
const ownWork = (what: string) => p([A, M, S], 'own', `a salesperson ${what} their own; a regional manager of their region may too`);

export const PERMISSIONS: Readonly<Record<string, Permission>> = {
  'preferences.set': p(EVERYONE, 'any', 'everyone chooses their language'),
  'demo.seed': adminOnly('generates the demo region'),
  'job.cancel': p(EVERYONE, 'any', 'whoever can see a job may cancel it'),
  'auth.setup': p(EVERYONE, 'any', 'the first start chooses how people sign in, once'),
  'auth.signIn': p(EVERYONE, 'any', 'anyone may sign in as themselves'),
  'auth.signOut': p(EVERYONE, 'any', 'anyone may sign out'),
  'person.setPassword': p(EVERYONE, 'any', 'a person sets their own password; an administrator sets anyone’s'),
  'person.setAdmin': adminOnly('grants or removes administration'),
  'person.create': adminOnly('creates the people who sign in'),
  'person.update': adminOnly('changes a person’s role and regions'),
  'person.setDisabled': adminOnly('disables or enables a person'),
  'auth.setMode': adminOnly('chooses how people sign in'),

  'region.create': adminOnly('creates regions'),
  'region.update': adminOnly('changes regions'),
  'region.delete': adminOnly('deletes regions'),
  'area.create': network('areas'),
  'area.update': network('areas'),
  'area.delete': network('areas'),
  'staff.create': network('people'),
  'staff.update': network('people'),
  'staff.delete': network('people'),
  'distributor.create': network('distributors'),
  'distributor.update': network('distributors'),
  'distributor.delete': network('distributors'),
  'distributor.merge': network('distributors (merging duplicates)'),
  'subDealer.create': outlets('sub-dealers'),
  'subDealer.update': outlets('sub-dealers'),
  'subDealer.delete': network('sub-dealers (deleting)'),
  'terminal.create': outlets('terminals'),
  'terminal.update': outlets('terminals'),
  'terminal.delete': network('terminals (deleting)'),
  'contact.create': p([A, M, S], 'any', 'contacts are kept by regional managers and salespeople'),
  'contact.update': p([A, M, S], 'any', 'contacts are kept by regional managers and salespeople'),
  'contact.delete': p([A, M, S], 'any', 'contacts are kept by regional managers and salespeople'),
  'product.create': p([A, M], 'any', 'products are kept by regional managers'),
  'product.update': p([A, M], 'any', 'products are kept by regional managers'),
  'product.delete': p([A, M], 'any', 'products are kept by regional managers'),

  'import.preview': p([A, M, L, S], 'any', IMPORTS),
  'import.commit': p([A, M, L, S], 'any', IMPORTS),
  'import.previewStart': p([A, M, L, S], 'any', IMPORTS),
  'import.start': p([A, M, L, S], 'any', IMPORTS),
  'import.discard': p(EVERYONE, 'any', 'anyone may discard an import preview'),

  'forecast.run': p([A, M], 'any', 'forecasts are run by regional managers'),
  'forecast.override': p([A, M], 'any', 'agreed forecast numbers belong to regional managers'),
  'forecast.overrideDelete': p([A, M], 'any', 'agreed forecast numbers belong to regional managers'),
  'sales.set': p([A, M], 'any', 'history corrections belong to regional managers'),

  'readiness.saveSettings': p([A, L], 'region', 'a region’s readiness settings belong to its logistics coordinator'),
  'readiness.setCapacity': logistics('shipping capacities'),
  'readiness.setGroupCapacity': logistics('shipping capacities'),
  'readiness.setPalletCapacity': logistics('warehouse capacities'),
  'readiness.setCasesPerPallet': logistics('pallet sizes'),
  'readiness.acceptPlan': logistics('accepted readiness plans'),
  'readiness.acceptPlanStart': logistics('accepted readiness plans'),
  'readiness.reopenPlan': p([A, L], 'any', 'only a logistics coordinator reopens an accepted readiness plan'),
  'stock.set': logistics('stock counts'),
  'shipment.create': logistics('shipments'),
  'shipment.markShipped': logistics('shipments'),
  'shipment.delete': logistics('shipments'),
  'shipment.markShippedBulk': logistics('shipments'),

  'targets.create': targets('target plans'),
  'targets.edit': targets('targets'),
  'targets.setLine': targets('targets'),
  'targets.lock': targets('targets'),
  'targets.setAgreed': targets('agreed numbers'),
  'targets.saveVersion': targets('agreed target versions'),
  'targets.delete': targets('target plans'),
  'targets.refreshNatural': targets('target plans'),
  'targets.saveRules': p([A, M], 'region', 'a region’s rules for targets belong to its regional manager'),

  'backup.create': p(EVERYONE, 'any', 'anyone may take a backup'),
  'backup.restore': adminOnly('restores a backup'),
  'backup.dismissRestoreNotice': p(EVERYONE, 'any', 'anyone who has read the notice of an interrupted restore may close it'),

  'accounts.saveSettings': p([A, M], 'region', 'a region’s key-account rules belong to its regional manager'),
  'accounts.setProfile': p([A, M], 'any', 'key-account profiles belong to regional managers'),
  'complaint.create': p([A, M, L, S], 'any', 'anyone in the field may record a complaint'),
  'complaint.close': p([A, M], 'any', 'complaints are closed by regional managers'),
  'prospect.score': p([A, M, S], 'any', 'prospects are scored by regional managers and salespeople'),

  'event.create': p([A, M], 'any', 'trainings and trips belong to regional managers'),
  'event.update': p([A, M], 'any', 'trainings and trips belong to regional managers'),
  'event.delete': p([A, M], 'any', 'trainings and trips belong to regional managers'),
  'event.invite': p([A, M], 'any', 'invitations are sent by regional managers'),
  'inviteList.save': p([A, M], 'any', 'saved invitation lists belong to regional managers'),
  'inviteList.delete': p([A, M], 'any', 'saved invitation lists belong to regional managers'),
  'event.uninvite': p([A, M], 'any', 'invitations are sent by regional managers'),
  'event.setInvitee': p([A, M], 'any', 'answers and attendance are recorded by regional managers'),
  'event.addItem': p([A, M], 'any', 'agendas, costs and materials belong to regional managers'),
  'event.removeItem': p([A, M], 'any', 'agendas, costs and materials belong to regional managers'),
  'followup.create': p([A, M, S], 'any', 'follow-ups are kept by regional managers and salespeople'),
  'followup.update': p([A, M, S], 'any', 'follow-ups are kept by regional managers and salespeople'),

  'pipeline.add': p([A, M, S], 'any', 'prospects are worked by salespeople and regional managers'),
  'pipeline.update': p([A, M, S], 'any', 'prospects are worked by salespeople and regional managers'),
  'pipeline.move': p([A, M, S], 'any', 'prospects are worked by salespeople and regional managers'),
  'pipeline.remove': p([A, M, S], 'any', 'prospects are worked by salespeople and regional managers'),
  'devPlan.save': ownWork('drafts'),
  'devPlan.submit': ownWork('submits'),
  'devPlan.decide': managerOf('approves or returns a plan'),
  'devPlan.reopen': managerOf('reopens an approved plan'),
  'dayRoute.save': ownWork('plans'),
  'visit.log': ownWork('logs visits as'),
  'visit.delete': ownWork('deletes visits of'),
  'weeklyReview.save': ownWork('writes weekly reviews as'),
  'weeklyReview.comment': managerOf('comments on a weekly review'),
  'weeklyReview.reopen': managerOf('reopens a commented weekly review'),
  'evaluation.decide': managerOf('decides rewards and penalties'),
  'evaluation.reopen': managerOf('reopens a decided scorecard'),
  'evaluation.saveSettings': p([A, M], 'region', 'a region’s scoring weights and lines belong to its regional manager'),

  'sync.connect': p(EVERYONE, 'any', 'anyone may connect this desktop to a team server as themselves'),
  'sync.now': p(EVERYONE, 'any', 'anyone may ask for a sync now'),
  'sync.disconnect': p(EVERYONE, 'any', 'anyone may stop this desktop syncing'),
  'sync.acknowledge': p(EVERYONE, 'any', 'the person who reads a refusal may close it'),
};

/** The refusal's words, naming the rule. */
export function refusalMessage(method: string, permission: Permission): string {
  return `Not allowed: ${permission.rule} (${method}).`;
}
