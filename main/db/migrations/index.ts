import type Database from 'better-sqlite3';
import { refusal } from '../../../shared/contract/result.js';
import { m0001Network } from './0001-network.js';
import { m0002Forecast } from './0002-forecast.js';
import { m0003Readiness } from './0003-readiness.js';
import { m0004Targets } from './0004-targets.js';
import { m0005Accounts } from './0005-accounts.js';
import { m0006Events } from './0006-events.js';
import { m0007Development } from './0007-development.js';
import { m0008ReadinessCapacity } from './0008-readiness-capacity.js';
import { m0009TerminalStatusIndexes } from './0009-terminal-status-indexes.js';
import { m0010TerminalSearch } from './0010-terminal-search.js';
import { m0011MonthTotals } from './0011-month-totals.js';
import { m0012People } from './0012-people.js';
import { m0013Archive } from './0013-archive.js';
import { m0016ContactEmailRegionZone } from './0016-contact-email-region-zone.js';
import { m0017TypedTargets } from './0017-typed-targets.js';
import { m0018ForecastBaseline } from './0018-forecast-baseline.js';
import { m0019Sync } from './0019-sync.js';
import { m0020PersonRegions } from './0020-person-regions.js';
import { m0021VisitPhotos } from './0021-visit-photos.js';
import { m0022FollowupIndexes } from './0022-followup-indexes.js';
import { m0025AnswersReviewsFollowups } from './0025-answers-reviews-followups.js';
import { m0026LiveOutletIndexes } from './0026-live-outlet-indexes.js';
import { m0027ForecastDemandPacks } from './0027-forecast-demand-packs.js';
import { m0028ForecastPacksWideIds } from './0028-forecast-packs-wide-ids.js';
import { m0029HistoryDistributorMonthTotals } from './0029-history-distributor-month-totals.js';
import { m0030TargetNaturalDrawnAt } from './0030-target-natural-drawn-at.js';
import { m0031TeamRules } from './0031-team-rules.js';
import { m0032ReadinessRunRegions } from './0032-readiness-run-regions.js';
import { m0033ReadinessRunByRegion } from './0033-readiness-run-by-region.js';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/**
 * Append-only: a migration that has shipped is never edited. Each feature adds its file and one line here.
 */
export const MIGRATIONS: readonly Migration[] = [
  m0001Network,
  m0002Forecast,
  m0003Readiness,
  m0004Targets,
  m0005Accounts,
  m0006Events,
  m0007Development,
  m0008ReadinessCapacity,
  m0009TerminalStatusIndexes,
  m0010TerminalSearch,
  m0011MonthTotals,
  m0012People,
  m0013Archive,
  m0016ContactEmailRegionZone,
  m0017TypedTargets,
  m0018ForecastBaseline,
  m0019Sync,
  m0020PersonRegions,
  m0021VisitPhotos,
  m0022FollowupIndexes,
  m0025AnswersReviewsFollowups,
  m0026LiveOutletIndexes,
  m0027ForecastDemandPacks,
  m0028ForecastPacksWideIds,
  m0029HistoryDistributorMonthTotals,
  m0030TargetNaturalDrawnAt,
  m0031TeamRules,
  m0032ReadinessRunRegions,
  m0033ReadinessRunByRegion,
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** The migrations a file at `version` still needs; refuses a file written by a newer version of the app. */
export function pendingMigrations(version: number, target = LATEST_VERSION): number {
  if (version > LATEST_VERSION) {
    throw refusal(
      'conflict',
      'databaseNewer',
      `This database was written by a newer version of the planner (schema ${version}, this app knows ${LATEST_VERSION}). Update the app.`,
      { schema: version, latest: LATEST_VERSION },
    );
  }
  return MIGRATIONS.filter((m) => m.version > version && m.version <= target).length;
}

/**
 * Applies pending migrations, each in its own transaction with its version, up to `target`;
 * `onStep` hears each one done (the desktop's upgrade window).
 */
export function migrate(db: Database.Database, target = LATEST_VERSION, onStep?: (done: number, of: number) => void): void {
  const current = schemaVersion(db);
  const of = pendingMigrations(current, target);
  let done = 0;
  for (const migration of MIGRATIONS) {
    if (migration.version <= current || migration.version > target) continue;
    // Taken with the write lock, the version read again inside: another process opening the same
    // file at the same moment (the desktop and the command line after an upgrade) may have applied
    // this step since `current` was read, and applying it twice fails (a column added twice).
    db.transaction(() => {
      if (schemaVersion(db) >= migration.version) return;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
    onStep?.(++done, of);
  }
}
