// Child process: one desktop on its own file with the sync engine, driven by JSON lines on stdin
// ({ op: 'connect' | 'call' | 'sync' | 'status' }) and answering one JSON line each. The convergence
// test kills it with SIGKILL at random moments and starts it again on the same file.
import { createInterface } from 'node:readline';
import { dispatch } from '../../main/api/dispatch.js';
import { openDesktop } from './team.js';

const [path] = process.argv.slice(2) as [string];
const desktop = openDesktop(path);

interface Command {
  id: number;
  op: 'connect' | 'call' | 'sync' | 'status';
  method?: string;
  input?: unknown;
  serverUrl?: string;
  fingerprint?: string;
  personCode?: string;
  password?: string;
}

async function run(c: Command): Promise<unknown> {
  switch (c.op) {
    case 'connect':
      return desktop.engine.connect(
        { serverUrl: c.serverUrl!, fingerprint: c.fingerprint!, personCode: c.personCode!, password: c.password! },
        false,
      );
    case 'call':
      return dispatch(desktop.ctx, c.method, c.input);
    case 'sync':
      return desktop.engine.syncNow();
    case 'status':
      return desktop.engine.status();
  }
}

// One command at a time, in order, like a person at one desktop.
let chain = Promise.resolve();
createInterface({ input: process.stdin }).on('line', (line) => {
  const command = JSON.parse(line) as Command;
  chain = chain.then(async () => {
    let answer: unknown;
    try {
      answer = { id: command.id, ok: true, value: await run(command) };
    } catch (error) {
      answer = { id: command.id, ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    process.stdout.write(`${JSON.stringify(answer)}\n`);
  });
});
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
