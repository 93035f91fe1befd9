import { useApiMutation } from '../api/hooks.js';
import { useMutationWithToast } from '../api/useMutationWithToast.js';

// The network changes refresh the network screens and every feature that reads the network
// (shared/contract/invalidates.ts: NETWORK_EDIT); a contact refreshes the contacts and the brief.
export const useCreateRegion = () => useApiMutation('region.create');
export const useUpdateRegion = () => useApiMutation('region.update');
export const useDeleteRegion = () => useMutationWithToast('region.delete');
export const useCreateArea = () => useApiMutation('area.create');
export const useUpdateArea = () => useApiMutation('area.update');
export const useDeleteArea = () => useApiMutation('area.delete');
export const useCreateStaff = () => useApiMutation('staff.create');
export const useUpdateStaff = () => useApiMutation('staff.update');
export const useDeleteStaff = () => useApiMutation('staff.delete');
export const useCreateDistributor = () => useApiMutation('distributor.create');
export const useUpdateDistributor = () => useApiMutation('distributor.update');
export const useDeleteDistributor = () => useApiMutation('distributor.delete');
export const useMergeDistributor = () => useApiMutation('distributor.merge');
export const useCreateSubDealer = () => useApiMutation('subDealer.create');
export const useUpdateSubDealer = () => useApiMutation('subDealer.update');
export const useDeleteSubDealer = () => useApiMutation('subDealer.delete');
export const useCreateTerminal = () => useApiMutation('terminal.create');
export const useUpdateTerminal = () => useApiMutation('terminal.update');
export const useDeleteTerminal = () => useApiMutation('terminal.delete');
export const useCreateContact = () => useApiMutation('contact.create');
export const useUpdateContact = () => useApiMutation('contact.update');
export const useDeleteContact = () => useApiMutation('contact.delete');
export const useCreateProduct = () => useApiMutation('product.create');
export const useUpdateProduct = () => useApiMutation('product.update');
export const useDeleteProduct = () => useApiMutation('product.delete');
