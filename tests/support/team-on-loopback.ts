import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { TEST_NOW } from './db.js';
import { bundleChild, openDesktop, PASSWORD, seedTeam, startServerProcess, type Desktop, type ServerProcess } from './team.js';

// Apart from team.ts because it registers vitest hooks: the desktop child processes import team.ts
// outside vitest.
export interface TeamOnLoopback {
  dir: string;
  serverFile: string;
  /** The seeded people's, areas' and distributors' ids by code (after beforeAll). */
  ids: Record<string, number>;
  server: ServerProcess;
  /** The bundled server script, to start the server again on the same file. */
  script: string;
  desktops: Desktop[];
  /** A new desktop on its own file, connected (its pinned certificate checked) as the person with this code. */
  connected(code: string): Promise<Desktop>;
}

/**
 * The team server of a test file: the seeded team on a file, the server as a real process on
 * loopback, started before the file's tests and stopped (desktops closed, files removed) after them.
 */
export function teamOnLoopback(name: string): TeamOnLoopback {
  const dir = mkdtempSync(join(tmpdir(), `planner-${name}-`));
  const team: TeamOnLoopback = {
    dir,
    serverFile: join(dir, 'team.sqlite'),
    ids: {},
    server: undefined as unknown as ServerProcess,
    script: '',
    desktops: [],
    async connected(code) {
      const desktop = openDesktop(join(dir, `desktop-${code}-${team.desktops.length}.sqlite`));
      team.desktops.push(desktop);
      const fingerprint = await desktop.engine.probe(team.server.url);
      expect(fingerprint).toBe(team.server.fingerprint);
      await desktop.engine.connect({ serverUrl: team.server.url, fingerprint, personCode: code, password: PASSWORD }, false);
      return desktop;
    },
  };
  beforeAll(async () => {
    team.script = await bundleChild('tests/support/team-server-child.ts', `team-server-child-${name}`);
    team.ids = await seedTeam(team.serverFile);
    team.server = await startServerProcess(team.script, team.serverFile, { PLANNER_NOW: TEST_NOW });
  });
  afterAll(async () => {
    for (const d of team.desktops) d.close();
    await team.server?.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(team.script, { force: true });
  });
  return team;
}
