import type { ReactNode } from 'react';
import type { Role } from '../../shared/contract/permissions.js';
import { DashboardPage } from '../dashboard/DashboardPage.js';
import { DistributorsPage } from '../network/DistributorsPage.js';
import { DistributorDetailPage } from '../network/DistributorDetailPage.js';
import { SubDealersPage } from '../network/SubDealersPage.js';
import { TerminalsPage } from '../network/TerminalsPage.js';
import { ProductsPage } from '../network/ProductsPage.js';
import { StaffPage } from '../network/StaffPage.js';
import { RegionsPage } from '../network/RegionsPage.js';
import { SettingsPage } from '../settings/SettingsPage.js';
import { ForecastPage } from '../forecast/ForecastPage.js';
import { ReadinessPage } from '../readiness/ReadinessPage.js';
import { TargetsPage } from '../targets/TargetsPage.js';
import { AccountsPage } from '../accounts/AccountsPage.js';
import { EventsPage } from '../events/EventsPage.js';
import { DevelopmentPage } from '../development/DevelopmentPage.js';
import { HistoryPage } from '../people/HistoryPage.js';
import { PeopleAdminPage } from '../people/admin/PeopleAdminPage.js';

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
  { path: '/forecast', element: <ForecastPage />, nav: { labelKey: 'nav.forecast', section: 'plan', order: 1 } },
  { path: '/targets', element: <TargetsPage />, nav: { labelKey: 'nav.targets', section: 'plan', order: 2 } },
  { path: '/readiness', element: <ReadinessPage />, nav: { labelKey: 'nav.readiness', section: 'plan', order: 3 } },
  { path: '/accounts', element: <AccountsPage />, nav: { labelKey: 'nav.accounts', section: 'plan', order: 4 } },
  { path: '/events', element: <EventsPage />, nav: { labelKey: 'nav.events', section: 'plan', order: 5 } },
  { path: '/development', element: <DevelopmentPage />, nav: { labelKey: 'nav.development', section: 'plan', order: 6 } },
  { path: '/network/distributors', element: <DistributorsPage />, nav: { labelKey: 'nav.distributors', section: 'network', order: 10 } },
  { path: '/network/distributors/:id', element: <DistributorDetailPage /> },
  { path: '/network/sub-dealers', element: <SubDealersPage />, nav: { labelKey: 'nav.subDealers', section: 'network', order: 11 } },
  { path: '/network/terminals', element: <TerminalsPage />, nav: { labelKey: 'nav.terminals', section: 'network', order: 12 } },
  { path: '/network/products', element: <ProductsPage />, nav: { labelKey: 'nav.products', section: 'network', order: 13 } },
  { path: '/network/staff', element: <StaffPage />, nav: { labelKey: 'nav.staff', section: 'network', order: 14 } },
  { path: '/network/regions', element: <RegionsPage />, nav: { labelKey: 'nav.regions', section: 'network', order: 15 } },
  { path: '/settings', element: <SettingsPage />, nav: { labelKey: 'nav.settings', section: 'system', order: 90 } },
  {
    path: '/history',
    element: <HistoryPage />,
    nav: { labelKey: 'people:history.nav', section: 'system', order: 91, roles: ['administrator'] },
  },
  {
    path: '/admin/people',
    element: <PeopleAdminPage />,
    nav: { labelKey: 'admin:nav', section: 'system', order: 92, roles: ['administrator'] },
  },
];
