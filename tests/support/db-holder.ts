// A second program on the same database file (another window or browser-mode server): it keeps
// writing regions and prints how many writes it has acknowledged, until told to stop.
import { openDatabase } from '../../main/db/open.js';

const db = openDatabase(process.argv[2]!);
const insert = db.prepare('INSERT INTO regions (code, name, created_at, updated_at) VALUES (?, ?, datetime(), datetime())');
let acknowledged = 0;
const timer = setInterval(() => {
  insert.run(`H${acknowledged}`, `Held ${acknowledged}`);
  acknowledged++;
  process.stdout.write(`ack ${acknowledged}\n`);
}, 5);
process.stdin.on('data', () => {
  clearInterval(timer);
  db.close();
  process.stdout.write(`stopped ${acknowledged}\n`);
  process.exit(0);
});
