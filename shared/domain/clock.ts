import { dayOf, monthOf } from './calendar.js';

/**
 * The one clock. Everything that asks "what time is it" or "what day is today" asks here, so tests
 * (and a demo pinned to a date) set it once instead of reading the wall clock.
 */
export interface Clock {
  now(): Date;
  /** Set for a clock that is not the computer's (tests, PLANNER_NOW): worker threads start on its time. */
  readonly pinned?: boolean;
}

export const systemClock: Clock = { now: () => new Date() };

function instantOf(at: string): number {
  const t = Date.parse(at);
  if (Number.isNaN(t)) throw new Error(`Not a date and time: ${at}`);
  return t;
}

/** A clock that stands still at `at`. */
export function fixedClock(at: string): Clock {
  const t = instantOf(at);
  return { now: () => new Date(t), pinned: true };
}

/**
 * A clock that starts at `at` and runs at real speed: the date is pinned, while "saved after the last
 * run" still tells one moment from the next.
 */
export function clockFrom(at: string): Clock {
  const t = instantOf(at);
  const started = performance.now();
  return { now: () => new Date(t + Math.round(performance.now() - started)), pinned: true };
}

let current: Clock = systemClock;

export function setClock(clock: Clock): void {
  current = clock;
}

export const currentClock = (): Clock => current;

export const now = (): Date => current.now();

/** The user's local calendar day, 'yyyy-MM-dd'. */
export const today = (): string => dayOf(current.now());

/** The user's local calendar month, 'yyyy-MM'. */
export const thisMonth = (): string => monthOf(current.now());
