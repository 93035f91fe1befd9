import { parentPort } from 'node:worker_threads';
import { computeBatch, type ComputeRequest } from './compute.js';

// A forecasting thread: receives batches of series, answers with their forecasts, until terminated.
parentPort!.on('message', (request: ComputeRequest & { batch: number }) => {
  parentPort!.postMessage({ batch: request.batch, results: computeBatch(request) });
});
