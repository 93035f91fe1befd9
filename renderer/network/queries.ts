import type { MethodInput } from '../../shared/contract/index.js';
import type { ProductStatus, StaffRole } from '../../shared/domain/network.js';
import { queryKey, useApiQuery, useRecordQuery } from '../api/hooks.js';
import { usePagedList } from '../ui/usePagedList.js';

/**
 * Query keys of the network screens (regions, areas, staff, distributors, sub-dealers, terminals,
 * contacts, products); they start with the `network` domain, the brief with `brief` and the delete
 * impacts with `impact` (shared/contract/invalidates.ts).
 */
export const networkKeys = {
  all: ['network'] as const,
  summary: () => queryKey('network.summary', {}),
  regions: () => queryKey('region.list', {}),
  areas: () => queryKey('area.list', {}),
  staff: (input: MethodInput<'staff.list'>) => queryKey('staff.list', input),
  products: (input: MethodInput<'product.list'>) => queryKey('product.list', input),
  distributor: (id: number) => queryKey('distributor.get', { id }),
  brief: (id: number) => queryKey('distributor.brief', { id }),
  contacts: (input: MethodInput<'contact.list'>) => queryKey('contact.list', input),
};

// The cross-feature pickers: every screen that offers a region, an area, a person or a product reads
// them here, so they share one cached list per input.
export const useRegions = () => useApiQuery('region.list', {});
export const useAreas = () => useApiQuery('area.list', {});
/** The staff, optionally one role (the salespeople for an owner picker) or a search. */
export const useStaff = (input: MethodInput<'staff.list'> = {}) => useApiQuery('staff.list', input);
export const useSalespeople = () => useStaff({ role: 'salesperson' });
export const useProducts = (input: MethodInput<'product.list'> = {}) => useApiQuery('product.list', input);
/** Every distributor by name, for pickers and filters (one page large enough for a region's network). */
export const useAllDistributors = () => useApiQuery('distributor.list', { limit: 1000, sort: 'name', direction: 'asc' });

export const useNetworkSummary = () => useApiQuery('network.summary', {});

/** The staff list screen's filter: an empty field means no filter. */
export const useStaffList = (search: string, role: string) =>
  useStaff({ search: search || undefined, role: (role || undefined) as StaffRole | undefined });
/** The products screen's filter: an empty field means no filter. */
export const useProductList = (search: string, status: string) =>
  useProducts({ search: search || undefined, status: (status || undefined) as ProductStatus | undefined });

export const useDistributor = (id: number, enabled: boolean) => useRecordQuery('distributor.get', { id }, { enabled });
export const useDistributorBrief = (id: number, enabled: boolean) => useRecordQuery('distributor.brief', { id }, { enabled });
/** What deleting a distributor would take with it; asked only while the delete dialog is open. */
export const useDistributorDeleteImpact = (id: number, enabled: boolean) => useApiQuery('distributor.deleteImpact', { id }, { enabled });

/** A distributor's sub-dealers by name; nothing is asked until a distributor is chosen. */
export const useSubDealersOf = (distributorId: number | null | undefined, enabled = distributorId != null) =>
  useApiQuery('subDealer.list', { distributorId: distributorId ?? undefined, limit: 1000, sort: 'name', direction: 'asc' }, { enabled });
export const useSubDealerDeleteImpact = (id: number | null) =>
  useApiQuery('subDealer.deleteImpact', { id: id ?? 1 }, { enabled: id !== null });

/** A sub-dealer's terminals, loaded when its branch of the tree is opened. */
export const useTerminalsOf = (subDealerId: number, enabled: boolean) =>
  useApiQuery('terminal.list', { subDealerId, limit: 1000, sort: 'name', direction: 'asc' }, { enabled });
export const useTerminalDeleteImpact = (id: number) => useApiQuery('terminal.deleteImpact', { id });
export const useProductDeleteImpact = (id: number) => useApiQuery('product.deleteImpact', { id });

export const useContacts = (input: MethodInput<'contact.list'>) => useApiQuery('contact.list', input);
/** The other sub-dealers of a distributor, where a deleted one's terminals may move. */
export const useSubDealerSiblings = (distributorId: number | undefined, enabled: boolean) =>
  useApiQuery('subDealer.list', { distributorId, limit: 1000 }, { enabled });

type ListFilter<K extends 'distributor.list' | 'subDealer.list' | 'terminal.list'> = Omit<MethodInput<K>, 'offset' | 'limit'>;
// The long lists, fetched page by page as they scroll (renderer/ui/usePagedList.ts).
export const usePagedDistributors = (filter: ListFilter<'distributor.list'>) => usePagedList('distributor.list', filter);
export const usePagedSubDealers = (filter: ListFilter<'subDealer.list'>) => usePagedList('subDealer.list', filter);
export const usePagedTerminals = (filter: ListFilter<'terminal.list'>) => usePagedList('terminal.list', filter);
