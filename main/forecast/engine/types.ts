/** Exponential smoothing components in Hyndman et al.'s taxonomy: ETS(error, trend, season). */
export type ErrorType = 'A' | 'M';
export type TrendType = 'N' | 'A' | 'Ad';
export type SeasonType = 'N' | 'A' | 'M';

export interface EtsSpec {
  error: ErrorType;
  trend: TrendType;
  season: SeasonType;
}

export type ForecastMethod = 'ets' | 'theta' | 'arima' | 'combination' | 'seasonal_naive' | 'croston_sba' | 'profile' | 'zero';

export interface ForecastResult {
  method: ForecastMethod;
  /** e.g. "ETS(M,Ad,M)", "SBA", "Seasonal naive". */
  model: string;
  /** Fitted parameters (alpha, beta, gamma, phi, level, sigma...). */
  params: Record<string, number>;
  point: number[];
  lo80: number[];
  hi80: number[];
  lo95: number[];
  hi95: number[];
  aicc: number | null;
}

export interface ForecastOptions {
  horizon: number;
  /** Season length; 12 for monthly data. */
  period?: number;
  /**
   * Calendar-month seasonal indices (index 0 = January, mean 1) of the brand or region, used for
   * series too short to learn their own season.
   */
  profile?: number[];
  /** Calendar month (1-12) of the first observation, to align the profile. */
  firstMonth?: number;
  /** Seed for the simulated prediction intervals, so a run is reproducible. */
  seed?: number;
}

export const Z80 = 1.2815515655446004;
export const Z95 = 1.959963984540054;
