import type { systemContract } from '../../shared/contract/system.js';
import { refusal } from '../../shared/contract/result.js';
import type { FeatureHandlers } from '../api/handlers-type.js';
import { schemaVersion } from '../db/migrations/index.js';
import { networkSummary } from '../network/summary.js';
import { getPreferences, setPreferences } from './preferences.js';

export const systemHandlers = {
  'app.info': ({ db, databasePath, door, version }) => ({ version, schemaVersion: schemaVersion(db), databasePath, door }),
  'preferences.get': ({ db }) => getPreferences(db),
  'preferences.set': ({ db }, input) => setPreferences(db, input),
  'demo.seed': ({ db, jobs }, { scale }) => {
    if (!networkSummary(db).isEmpty)
      throw refusal('conflict', 'demoNotEmpty', 'The demo region can only be generated into an empty database.');
    if (jobs.isBusy('demo.seed')) throw refusal('conflict', 'demoRunning', 'The demo region is already being generated.');
    return { jobId: jobs.start('demo.seed', { scale }) };
  },
  'job.status': ({ jobs }, { id }) => jobs.status(id),
  'job.cancel': ({ jobs }, { id }) => jobs.cancel(id),
} satisfies FeatureHandlers<typeof systemContract>;
