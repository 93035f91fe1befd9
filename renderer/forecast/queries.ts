import { useQueries } from '@tanstack/react-query';
import type { MethodInput } from '../../shared/contract/index.js';
import { api } from '../api/client.js';
import { queryKey, useApiQuery } from '../api/hooks.js';

/** Query keys of the forecast screens; all start with `forecast`, which a forecast run, an agreed number or a sales correction refreshes. */
export const forecastKeys = {
  all: ['forecast'] as const,
  options: (input: MethodInput<'forecast.options'>) => queryKey('forecast.options', input),
  view: (input: MethodInput<'forecast.view'>) => queryKey('forecast.view', input),
};

/** The brands, SKUs and distributors a forecast can be looked at by. */
export const useForecastOptions = (input: MethodInput<'forecast.options'> = {}) => useApiQuery('forecast.options', input);
export const useForecastView = (input: MethodInput<'forecast.view'>) => useApiQuery('forecast.view', input);

/** The forecast of each region at once (the dashboard adds up each region's own peak months). */
export const useRegionForecasts = (regionIds: number[]) =>
  useQueries({
    queries: regionIds.map((regionId) => ({
      queryKey: forecastKeys.view({ regionId }),
      queryFn: () => api.call('forecast.view', { regionId }),
    })),
  });
