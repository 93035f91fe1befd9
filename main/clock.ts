import { clockFrom, currentClock, setClock } from '../shared/domain/clock.js';

/** An instant (ISO 8601) that pins the app's clock: tests' worker threads, or a demo shown on a given date. */
export const CLOCK_ENV = 'PLANNER_NOW';

/** Worker threads and processes start on the parent's clock through their environment. */
export function clockEnv(): Record<string, string> {
  const clock = currentClock();
  return clock.pinned ? { [CLOCK_ENV]: clock.now().toISOString() } : {};
}

/** Called first thing by every entry point (command line, Electron main, worker threads). */
export function adoptClockFromEnv(): void {
  const at = process.env[CLOCK_ENV];
  if (at) setClock(clockFrom(at));
}
