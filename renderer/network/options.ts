import { useTranslation } from 'react-i18next';
import { useAllDistributors, useAreas, useRegions, useSalespeople } from './queries.js';
import { staffOptions } from '../../shared/domain/labels.js';

/** Choices for the network's reference fields (areas, salespeople, distributors, regions). */
export function useNetworkOptions() {
  const areas = useAreas();
  const regions = useRegions();
  const salespeople = useSalespeople();
  const distributors = useAllDistributors();
  return {
    areas: (areas.data ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.code})` })),
    regions: (regions.data ?? []).map((r) => ({ value: r.id, label: r.name })),
    salespeople: staffOptions(salespeople.data ?? []),
    distributors: (distributors.data?.rows ?? []).map((d) => ({ value: d.id, label: `${d.name} (${d.code})` })),
    /** The distributors of one region, for a distributor filter that follows a region filter. */
    distributorsIn: (regionId: number | null) =>
      (distributors.data?.rows ?? [])
        .filter((d) => regionId === null || d.regionId === regionId)
        .map((d) => ({ value: d.id, label: `${d.name} (${d.code})` })),
    ready: !!(areas.data && regions.data && salespeople.data && distributors.data),
  };
}

/** Labels for the fixed vocabularies, through i18n. */
export function useVocabulary() {
  const { t } = useTranslation('network');
  const list = <T extends string | number>(values: readonly T[], prefix: string) =>
    values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
  return { t, list };
}
