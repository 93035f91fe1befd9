import type { Contract } from '../../shared/contract/index.js';
import type { FeatureHandlers } from './handlers-type.js';
import { networkHandlers } from '../network/handlers.js';
import { importingHandlers } from '../importing/handlers.js';
import { systemHandlers } from '../system/handlers.js';
import { forecastHandlers } from '../forecast/handlers.js';
import { readinessHandlers } from '../readiness/handlers.js';
import { targetsHandlers } from '../targets/handlers.js';
import { backupHandlers } from '../backup/handlers.js';
import { accountsHandlers } from '../accounts/handlers.js';
import { eventsHandlers } from '../events/handlers.js';
import { developmentHandlers } from '../development/handlers.js';
import { peopleHandlers } from '../people/handlers.js';
import { briefHandlers } from '../brief/handlers.js';
import { dayworkHandlers } from '../daywork/handlers.js';
import { targetEditHandlers } from '../targets/editHandlers.js';
import { adminHandlers } from '../people/admin/handlers.js';
import { archiveHandlers } from '../network/archiveHandlers.js';
import { syncHandlers } from '../sync/handlers.js';
import { visitPhotoHandlers } from '../development/photoHandlers.js';

/** Every contract method's implementation. Each feature adds one spread line. */
export const handlers = {
  ...systemHandlers,
  ...networkHandlers,
  ...importingHandlers,
  ...forecastHandlers,
  ...readinessHandlers,
  ...targetsHandlers,
  ...backupHandlers,
  ...accountsHandlers,
  ...eventsHandlers,
  ...developmentHandlers,
  ...peopleHandlers,
  ...briefHandlers,
  ...dayworkHandlers,
  ...targetEditHandlers,
  ...adminHandlers,
  ...archiveHandlers,
  ...syncHandlers,
  ...visitPhotoHandlers,
} satisfies FeatureHandlers<Contract>;
