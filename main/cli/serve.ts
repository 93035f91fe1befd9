import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openCore } from '../app/core.js';
import { resolveDatabasePath } from '../app/paths.js';
import { startBridge } from '../bridge/server.js';
import { findActorByCode } from '../people/actor.js';

/** `npm run serve [-- --db FILE --port N --as CODE]`: browser mode on the loopback bridge. */
export async function serveCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, port: { type: 'string' }, renderer: { type: 'string' }, as: { type: 'string' } },
    strict: true,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number between 0 and 65535 (got ${values.port})`);
    return 2;
  }
  const rendererDir = values.renderer ?? fileURLToPath(new URL('../renderer', import.meta.url));
  if (!existsSync(rendererDir)) {
    console.error(`The renderer is not built at ${rendererDir}. Run: npm run build`);
    return 2;
  }
  const databasePath = resolveDatabasePath(values.db);
  const core = openCore(databasePath, 'browser');
  // `--as CODE`: every tab acts as this person unless it signs in as someone else.
  if (values.as !== undefined) {
    const actor = findActorByCode(core.db, values.as);
    if (!actor) {
      console.error(`--as: no active person with code ${values.as}`);
      core.close();
      return 2;
    }
    core.ctx.actor = actor;
  }
  const bridge = await startBridge({ ctx: core.ctx, rendererDir, port });
  console.log(`Off-season Planner (browser mode)\n  database: ${databasePath}\n  open:     ${bridge.openUrl}\nPress Ctrl+C to stop.`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await bridge.close();
  core.close();
  return 0;
}
