// Child process for the crash-safety test: runs one large write and is killed at a random moment.
import { openDatabase } from '../../main/db/open.js';
import { commitImport, previewImport } from '../../main/importing/session.js';
import { runForecast } from '../../main/forecast/run.js';

const [file, mode] = process.argv.slice(2) as [string, 'import' | 'forecast'];
const db = openDatabase(file);
if (mode === 'import') {
  const area = db.prepare('SELECT code FROM areas LIMIT 1').pluck().get() as string;
  const distributor = db.prepare('SELECT code FROM distributors LIMIT 1').pluck().get() as string;
  const rows = ['code,name,channel,distributor,area,status'];
  for (let i = 0; i < 40_000; i++) rows.push(`CRASH${i},Outlet ${i},kiosk,${distributor},${area},active`);
  const preview = await previewImport(db, 'terminals', 'crash.csv', Buffer.from(rows.join('\n')));
  process.stdout.write('writing\n');
  await commitImport(db, preview.importId, { mapping: preview.suggestedMapping, mode: 'all', updates: 'apply' });
} else {
  process.stdout.write('writing\n');
  await runForecast(db, { force: true, workers: 1 }, { progress() {}, checkCancelled() {} });
}
process.stdout.write('done\n');
