import type { MethodInput } from '../../shared/contract/index.js';
import { queryKey, useApiQuery, useRecordQuery } from '../api/hooks.js';

/** Query keys of the key-account screens (accounts, complaints, SKUs, prospects); all start with `accounts`. */
export const accountKeys = {
  all: ['accounts'] as const,
  overview: () => queryKey('accounts.overview', {}),
  detail: (distributorId: number) => queryKey('accounts.detail', { distributorId }),
  complaints: (input: MethodInput<'complaint.list'>) => queryKey('complaint.list', input),
  skus: () => queryKey('accounts.skus', {}),
  prospects: (input: MethodInput<'prospect.list'>) => queryKey('prospect.list', input),
  prospectSummary: () => queryKey('prospect.summary', {}),
};

/** Every key account with its segment and the settings the segmentation used. */
export const useAccountsOverview = () => useApiQuery('accounts.overview', {});
export const useAccountDetail = (distributorId: number) => useRecordQuery('accounts.detail', { distributorId });
export const useComplaints = (input: MethodInput<'complaint.list'>) => useApiQuery('complaint.list', input);
export const useAccountSkus = () => useApiQuery('accounts.skus', {});
export const useProspects = (input: MethodInput<'prospect.list'>) => useApiQuery('prospect.list', input);
export const useProspectSummary = () => useApiQuery('prospect.summary', {});
