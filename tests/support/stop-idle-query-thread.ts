/**
 * A command-line process that asks the query thread once, then stops it, and says so: run as a child
 * process by tests/integration/query-thread.test.ts, because only a process of its own shows whether
 * waiting for an idle thread to stop keeps the process alive until it has.
 */
import { QueryThread } from '../../main/api/query-thread.js';
import { closeDatabase, openDatabase } from '../../main/db/open.js';
import { builtInAdministrator } from '../../main/people/actor.js';

const path = process.argv[2]!;
closeDatabase(openDatabase(path));
const queries = new QueryThread({ databasePath: path, door: 'cli', version: 'test' });
const answer = await queries.call('accounts.overview', {}, undefined, builtInAdministrator());
await queries.stop();
console.log(JSON.stringify({ answered: answer.ok, stopped: true }));
