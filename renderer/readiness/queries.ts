import type { BulkShipmentFilter } from '../../shared/contract/daywork.js';
import type { MethodInput } from '../../shared/contract/index.js';
import type { ReadinessFilter } from '../../shared/contract/readiness.js';
import { queryKey, useApiQuery, useRecordQuery } from '../api/hooks.js';
import { usePagedList } from '../ui/usePagedList.js';

/** Query keys of the readiness screens (board, plan, shortfalls, stock, shipments); all start with `readiness`. */
export const readinessKeys = {
  all: ['readiness'] as const,
  board: (filter: ReadinessFilter) => queryKey('readiness.board', filter),
  distributor: (distributorId: number) => queryKey('readiness.distributor', { distributorId }),
  cell: (distributorId: number, productId: number) => queryKey('readiness.cell', { distributorId, productId }),
  palletSizes: () => queryKey('readiness.palletSizes', {}),
  bulkPreview: (filter: BulkShipmentFilter) => queryKey('shipment.bulkPreview', filter),
};

/** The board: every distributor x SKU against the stock required when the peak starts, with settings and capacity. */
export const useReadinessBoard = (filter: ReadinessFilter) => useApiQuery('readiness.board', filter);
export const useReadinessDistributor = (distributorId: number) => useRecordQuery('readiness.distributor', { distributorId });
export const useReadinessCell = (distributorId: number, productId: number) =>
  useRecordQuery('readiness.cell', { distributorId, productId });
export const usePalletSizes = () => useApiQuery('readiness.palletSizes', {});
/** How many planned shipments a filter selects (with no filter: the ship weeks that have any). */
export const useBulkShipmentPreview = (filter: BulkShipmentFilter) => useApiQuery('shipment.bulkPreview', filter);

// The long lists, fetched page by page as they scroll.
export const usePlanLines = (input: Omit<MethodInput<'readiness.plan'>, 'offset' | 'limit'>) => usePagedList('readiness.plan', input);
export const useShortfalls = (filter: Omit<MethodInput<'readiness.shortfalls'>, 'offset' | 'limit'>) =>
  usePagedList('readiness.shortfalls', filter);
export const useShipments = (filter: Omit<MethodInput<'shipment.list'>, 'offset' | 'limit'>) => usePagedList('shipment.list', filter);
