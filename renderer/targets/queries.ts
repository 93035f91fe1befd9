import type { MethodInput } from '../../shared/contract/index.js';
import { api } from '../api/client.js';
import { queryKey, useApiQuery } from '../api/hooks.js';

/** Query keys of the targets screens; every one starts with the `targets` domain (shared/contract/invalidates.ts). */
export const targetKeys = {
  all: ['targets'] as const,
  plans: () => queryKey('targets.plans', {}),
  view: (input: MethodInput<'targets.view'>) => queryKey('targets.view', input),
  rules: (regionId: number) => queryKey('targets.rules', { regionId }),
  achievement: (input: MethodInput<'targets.achievement'>) => queryKey('targets.achievement', input),
  compare: (input: MethodInput<'targets.compare'>) => queryKey('targets.compare', input),
  offSeason: (planId: number) => queryKey('targets.offSeason', { planId }),
  suggest: (input: MethodInput<'targets.suggest'>) => queryKey('targets.suggest', input),
};

export const useTargetPlans = () => useApiQuery('targets.plans', {});

/** One plan with its lines and distributors; a distributor adds its SKU-by-month grid, a brand narrows it. */
export const useTargetView = (planId: number | null, distributorId: number | null, brand: string) =>
  useApiQuery(
    'targets.view',
    { planId: planId ?? 1, ...(distributorId ? { distributorId } : {}), ...(brand ? { brand } : {}) },
    { enabled: planId !== null },
  );

/** The large-jump line of a region (each region's manager sets their own); waits for the chosen plan's region. */
export const useTargetRules = (regionId: number | null) =>
  useApiQuery('targets.rules', { regionId: regionId ?? 1 }, { enabled: regionId !== null });

export const useTargetAchievement = (input: MethodInput<'targets.achievement'>) => useApiQuery('targets.achievement', input);

/** The difference to another version; nothing is asked until one is chosen. */
export const useTargetCompare = (planId: number, otherId: number | null, by: MethodInput<'targets.compare'>['by']) =>
  useApiQuery('targets.compare', { planId, otherId: otherId ?? planId, by }, { enabled: otherId !== null });

export const useTargetOffSeason = (planId: number) => useApiQuery('targets.offSeason', { planId });

/** The natural volume by brand that a new plan for the region and season starts from. */
export const useTargetSuggestion = (regionId: number | null, seasonYear: number) =>
  useApiQuery('targets.suggest', { regionId: regionId ?? 1, seasonYear }, { enabled: regionId !== null });

/**
 * What a typed target would move elsewhere, asked once per edit before the person confirms it (not
 * cached: the dialog shows it and the edit or a cancel follows at once).
 */
export const previewTargetEdit = (input: MethodInput<'targets.editPreview'>) => api.call('targets.editPreview', input);
