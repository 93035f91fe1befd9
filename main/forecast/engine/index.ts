export { forecastSeries, etsForecast, describeForecast, MIN_SEASONAL_LENGTH } from './forecast.js';
export { selectForecast, type Accuracy, type SelectedForecast } from './select.js';
export { sumForecasts, type SeriesForecast } from './reconcile.js';
export { seasonalNaive } from './baseline.js';
export { seasonalProfile } from './profile.js';
export { ADMISSIBLE, selectEts, fitEts } from './fit.js';
export type { ForecastResult, ForecastOptions, EtsSpec } from './types.js';
