import { parseArgs } from 'node:util';
import { dispatch } from '../api/dispatch.js';
import { openCore } from '../app/core.js';
import { resolveDatabasePath } from '../app/paths.js';
import { BUILT_IN_ADMIN_CODE, findActorByCode, withActor } from '../people/actor.js';

/**
 * `call --db FILE [--as CODE] METHOD [JSON]`: one contract call through the same `dispatch` as every
 * door, printed as JSON. How an administrator creates people and sets their passwords on a team
 * server's file without a screen (the server's change log picks the rows up for the desktops):
 *   call --db team.db auth.setup '{"mode":"password","adminPassword":"..."}'
 *   call --db team.db staff.create '{"code":"S01",...}'
 *   call --db team.db person.setPassword '{"personId":12,"password":"..."}'
 */
export async function callCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { db: { type: 'string' }, as: { type: 'string', default: BUILT_IN_ADMIN_CODE } },
    allowPositionals: true,
  });
  const [method, json] = positionals;
  if (!method) {
    console.error('Usage: call --db FILE [--as CODE] METHOD [JSON]');
    return 2;
  }
  let input: unknown;
  try {
    input = json === undefined ? {} : JSON.parse(json);
  } catch {
    console.error('The input must be JSON, e.g. \'{"personId":12}\'');
    return 2;
  }
  const core = openCore(resolveDatabasePath(values.db), 'cli');
  try {
    const actor = findActorByCode(core.db, values.as);
    if (!actor) {
      console.error(`--as: no active person with code ${values.as}`);
      return 2;
    }
    const result = await dispatch(withActor(core.ctx, actor), method, input);
    console.log(JSON.stringify(result, null, 2));
    return result.ok ? 0 : 1;
  } finally {
    await core.ctx.jobs.idle();
    core.close();
  }
}
