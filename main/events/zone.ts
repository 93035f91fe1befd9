import { now } from '../../shared/domain/clock.js';
import { prepared, type Db } from '../db/open.js';
import { offsetMinutes } from './ics.js';

/**
 * Event times are the region's wall-clock times. A region without a zone of its own is taken to be
 * on China Standard Time, where the planner's regions are: the machine's zone would put a laptop
 * travelling abroad (or a server in UTC) eight hours off.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export function regionTimeZone(db: Db, regionId: number | null): string {
  const zone =
    regionId === null
      ? null
      : (prepared(db, 'SELECT time_zone FROM regions WHERE id = ?').pluck().get(regionId) as string | null | undefined);
  return zone || DEFAULT_TIME_ZONE;
}

/** The app clock's instant as a wall-clock 'YYYY-MM-DDTHH:MM' in `zone`, comparable with an event's times. */
export function wallClockNow(zone: string, at: Date = now()): string {
  const t = at.getTime();
  return new Date(t + offsetMinutes(zone, t) * 60_000).toISOString().slice(0, 16);
}
