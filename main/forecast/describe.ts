import type { ModelDescription } from '../../shared/contract/forecast.js';

/** The stored model as codes the renderer words in the user's language (forecast:modelText). */
export function describeModelName(method: string, model: string): ModelDescription {
  const m = /^ETS\((A|M),(N|A|Ad),(N|A|M)\)$/.exec(model);
  if (method === 'ets' && m) {
    const season = m[3] === 'N' ? 'none' : m[3] === 'A' ? 'additive' : 'multiplicative';
    const trend = m[2] === 'N' ? 'none' : m[2] === 'A' ? 'linear' : 'damped';
    return { kind: 'ets', season, trend };
  }
  if (
    method === 'croston_sba' ||
    method === 'profile' ||
    method === 'seasonal_naive' ||
    method === 'theta' ||
    method === 'arima' ||
    method === 'combination'
  ) {
    return { kind: method };
  }
  return { kind: 'none' };
}
