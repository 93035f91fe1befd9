import { etsPoint, etsSimulate, modelName } from './ets.js';
import type { EtsFit } from './fit.js';
import { seededNormal, tailQuantiles } from './random.js';
import type { ForecastResult } from './types.js';

// 500 paths put the 10% and 90% quantiles within about 1.5% of their value; more costs time, not trust.
const SIMULATION_PATHS = 500;

/** Point forecasts from the model, ranges from simulated sample paths of the same model. */
export function etsForecast(fit: EtsFit, horizon: number, m: number, seed = 1): ForecastResult {
  const point = etsPoint(fit.spec, fit.params, fit.final, horizon, m);
  const paths = etsSimulate(fit.spec, fit.params, fit.final, fit.sigma, horizon, m, SIMULATION_PATHS, seededNormal(seed));
  const lo80: number[] = [];
  const hi80: number[] = [];
  const lo95: number[] = [];
  const hi95: number[] = [];
  let prevWidth80 = 0;
  let prevWidth95 = 0;
  for (let i = 0; i < horizon; i++) {
    const q = tailQuantiles(paths[i]!);
    const p = Math.max(0, point[i]!);
    point[i] = p;
    let l80 = Math.max(0, q.q10);
    let u80 = q.q90;
    let l95 = Math.max(0, q.q025);
    let u95 = q.q975;
    // Simulation noise must not make a later range narrower than an earlier one, nor exclude the point.
    u80 = Math.max(u80, p, l80 + prevWidth80);
    u95 = Math.max(u95, u80, l95 + prevWidth95);
    l80 = Math.min(l80, p);
    l95 = Math.min(l95, l80);
    prevWidth80 = u80 - l80;
    prevWidth95 = u95 - l95;
    lo80.push(l80);
    hi80.push(u80);
    lo95.push(l95);
    hi95.push(u95);
  }
  return {
    method: 'ets',
    model: modelName(fit.spec),
    params: { alpha: fit.params.alpha, beta: fit.params.beta, gamma: fit.params.gamma, phi: fit.params.phi, sigma: fit.sigma },
    point,
    lo80,
    hi80,
    lo95,
    hi95,
    aicc: fit.aicc,
  };
}
