import { benchCommand } from '../bench/command.js';
import { serveCommand } from './serve.js';
import { runForecastCommand } from '../forecast/csv-command.js';
import { benchForecastCommand } from '../forecast/benchmark/command.js';
import { importCommand } from './import.js';
import { seedDemoCommand } from './seed-demo.js';
import { historySizeCommand } from '../bench/history-size.js';
import { teamServerCommand } from './team-server.js';
import { callCommand } from './call.js';

/** The command-line door: each command uses the same services as the app. */
const COMMANDS: Record<string, { help: string; run: (args: string[]) => Promise<number> }> = {
  serve: { help: 'serve [--db FILE] [--port N] [--as CODE]   browser mode on 127.0.0.1, acting as a person', run: serveCommand },
  'seed-demo': { help: 'seed-demo --scale S|M|L|XL [--db FILE]   generate a demo region', run: seedDemoCommand },
  import: {
    help: 'import --entity ENTITY --file FILE [--db FILE] [--valid-only] [--updates skip|apply] [--confirm] [--as CODE]   import a CSV/XLSX file as Settings does',
    run: importCommand,
  },
  forecast: { help: 'forecast --in history.csv --horizon 12 --out forecast.csv   forecast series from a CSV', run: runForecastCommand },
  'bench-forecast': { help: 'bench-forecast   accuracy on public series and speed on the L region', run: benchForecastCommand },
  'bench-history': {
    help: 'bench-history [--scale S|M|L]   database size the record history adds to the demo region',
    run: historySizeCommand,
  },
  'team-server': {
    help: 'team-server --db FILE [--port N] [--host H] [--cert C --key K] [--session-days D]   the team server (HTTPS)',
    run: teamServerCommand,
  },
  call: {
    help: 'call --db FILE --as CODE METHOD [JSON]   run one contract method (e.g. staff.create, person.setPassword on the server file)',
    run: callCommand,
  },
  bench: { help: 'bench [--scale S|M|L|XL] [--fresh] [--runs N] [--skip import,ui]   measure', run: benchCommand },
};

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    console.log(
      `Usage: planner <command>\n${Object.values(COMMANDS)
        .map((c) => `  ${c.help}`)
        .join('\n')}`,
    );
    process.exitCode = name ? 2 : 0;
    return;
  }
  try {
    process.exitCode = await command.run(args);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}

void main();
