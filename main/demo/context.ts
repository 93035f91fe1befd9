import type { DemoScale } from '../../shared/contract/system.js';
import type { Db } from '../db/open.js';
import type { Rng } from './random.js';
import type { ScaleSpec } from './scales.js';

/** What each demo step receives. Steps run in order inside one transaction. */
export interface DemoContext {
  db: Db;
  rng: Rng;
  scale: ScaleSpec;
  scaleName: DemoScale;
  /** The day the demo is generated for: history ends the month before, plans start from it. */
  today: Date;
  /** Reports progress inside the step (0..1 of the step). */
  progress(fraction: number, message: string): void;
  checkCancelled(): void;
}

export interface DemoStep {
  name: string;
  /** Relative cost, so the progress bar moves evenly across steps. */
  weight: number;
  run(ctx: DemoContext): void;
}
