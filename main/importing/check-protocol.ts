import type { ThreadError } from '../jobs/thread-error.js';
import type { StreamChoices, StreamFile, StreamResult } from './stream-import.js';

/** Rows a batch carries from the checking thread to the writing one. */
export const BATCH_ROWS = 8_192;
/** Batches the checking thread may be ahead of the writer before it waits. */
export const MAX_BATCHES_AHEAD = 16;
/** The shared counters: messages the checking thread posted, batches the writer took. */
export const POSTED = 0;
export const TAKEN = 1;

export interface CheckRequest {
  path: string;
  file: StreamFile;
  choices: StreamChoices;
  applyUpdates: boolean;
}

export type CheckFailure = { needsGeneralPath: true } | ThreadError;

/** A batch of checked rows (packed by the entity), the checking thread's answer, or its failure. */
export type CheckMessage = { rows: Float64Array; count: number; read: number } | { done: StreamResult } | { failed: CheckFailure };
