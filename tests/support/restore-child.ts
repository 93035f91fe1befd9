// Child process for the restore kill test: writes to its database (so the log holds fresh pages),
// then restores a backup, reporting each step, and is killed at a random moment by the parent.
import { openDatabase } from '../../main/db/open.js';
import { restoreBackup } from '../../main/backup/restore.js';
import { createBackup } from '../../main/backup/service.js';

const [databasePath, mode, fileName] = process.argv.slice(2) as [string, 'restore' | 'backup', string];
const holder = { db: openDatabase(databasePath), databasePath };
if (mode === 'restore') {
  holder.db.transaction(() => {
    for (let i = 0; i < 200; i++) holder.db.prepare('INSERT INTO ballast (payload) VALUES (randomblob(2000))').run();
  })();
  process.stdout.write('restoring\n');
  await restoreBackup(holder, fileName, { onStep: (step) => void process.stdout.write(`step ${step}\n`) });
} else {
  process.stdout.write('restoring\n');
  await createBackup(holder.db, databasePath, 'manual');
}
holder.db.close();
process.stdout.write('done\n');
