import type { DemoScale } from '../../shared/contract/system.js';
import type { Task } from '../jobs/task.js';
import { seedDemo, type DemoResult } from './generate.js';

export const seedDemoTask: Task<{ scale: DemoScale; seed?: number }, DemoResult> = (db, params, control) =>
  seedDemo(db, params, control);
