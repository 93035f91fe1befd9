import { lazy, type ComponentType, type ReactNode } from 'react';
import type { Role } from '../../shared/contract/permissions.js';
import { DashboardPage } from '../dashboard/DashboardPage.js';

/**
 * A screen whose code loads when it is first opened (its own chunk): the first window parses the
 * dashboard and the app's frame, not every feature and the chart library. The layout shows a spinner
 * meanwhile (Layout.tsx, Suspense).
 */
function screen<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ReactNode {
  const Screen = lazy(() => load().then((module): { default: ComponentType } => ({ default: module[name] })));
  return <Screen />;
}

export interface AppRoute {
  path: string;
  element: ReactNode;
  /** Shown in the sidebar when set; routes without it are reached from other screens. */
  nav?: { labelKey: string; section: 'plan' | 'network' | 'system'; order: number; roles?: Role[] };
}

/**
 * Every screen of the app. A feature adds its entries here; the sidebar shows only what exists.
 */
export const ROUTES: AppRoute[] = [
  { path: '/', element: <DashboardPage />, nav: { labelKey: 'nav.dashboard', section: 'plan', order: 0 } },
  {
    path: '/forecast',
    element: screen(() => import('../forecast/ForecastPage.js'), 'ForecastPage'),
    nav: { labelKey: 'nav.forecast', section: 'plan', order: 1 },
  },
  {
    path: '/targets',
    element: screen(() => import('../targets/TargetsPage.js'), 'TargetsPage'),
    nav: { labelKey: 'nav.targets', section: 'plan', order: 2 },
  },
  {
    path: '/readiness',
    element: screen(() => import('../readiness/ReadinessPage.js'), 'ReadinessPage'),
    nav: { labelKey: 'nav.readiness', section: 'plan', order: 3 },
  },
  {
    path: '/accounts',
    element: screen(() => import('../accounts/AccountsPage.js'), 'AccountsPage'),
    nav: { labelKey: 'nav.accounts', section: 'plan', order: 4 },
  },
  {
    path: '/events',
    element: screen(() => import('../events/EventsPage.js'), 'EventsPage'),
    nav: { labelKey: 'nav.events', section: 'plan', order: 5 },
  },
  {
    path: '/development',
    element: screen(() => import('../development/DevelopmentPage.js'), 'DevelopmentPage'),
    nav: { labelKey: 'nav.development', section: 'plan', order: 6 },
  },
  {
    path: '/network/distributors',
    element: screen(() => import('../network/DistributorsPage.js'), 'DistributorsPage'),
    nav: { labelKey: 'nav.distributors', section: 'network', order: 10 },
  },
  { path: '/network/distributors/:id', element: screen(() => import('../network/DistributorDetailPage.js'), 'DistributorDetailPage') },
  {
    path: '/network/sub-dealers',
    element: screen(() => import('../network/SubDealersPage.js'), 'SubDealersPage'),
    nav: { labelKey: 'nav.subDealers', section: 'network', order: 11 },
  },
  {
    path: '/network/terminals',
    element: screen(() => import('../network/TerminalsPage.js'), 'TerminalsPage'),
    nav: { labelKey: 'nav.terminals', section: 'network', order: 12 },
  },
  {
    path: '/network/products',
    element: screen(() => import('../network/ProductsPage.js'), 'ProductsPage'),
    nav: { labelKey: 'nav.products', section: 'network', order: 13 },
  },
  {
    path: '/network/staff',
    element: screen(() => import('../network/StaffPage.js'), 'StaffPage'),
    nav: { labelKey: 'nav.staff', section: 'network', order: 14 },
  },
  {
    path: '/network/regions',
    element: screen(() => import('../network/RegionsPage.js'), 'RegionsPage'),
    nav: { labelKey: 'nav.regions', section: 'network', order: 15 },
  },
  {
    path: '/settings',
    element: screen(() => import('../settings/SettingsPage.js'), 'SettingsPage'),
    nav: { labelKey: 'nav.settings', section: 'system', order: 90 },
  },
  {
    path: '/history',
    element: screen(() => import('../people/HistoryPage.js'), 'HistoryPage'),
    nav: { labelKey: 'people:history.nav', section: 'system', order: 91, roles: ['administrator'] },
  },
  {
    path: '/admin/people',
    element: screen(() => import('../people/admin/PeopleAdminPage.js'), 'PeopleAdminPage'),
    nav: { labelKey: 'admin:nav', section: 'system', order: 92, roles: ['administrator'] },
  },
];
