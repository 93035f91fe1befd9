// Child process: a team server on a file, on 127.0.0.1 and a random port; prints one JSON line with
// its address and certificate fingerprint, then serves until killed. Options come from the env.
import { ensureCertificate } from '../../main/team/cert.js';
import { startTeamServer } from '../../main/team/server.js';

const [databasePath] = process.argv.slice(2) as [string];
const certificate = await ensureCertificate(databasePath);
const server = await startTeamServer({
  databasePath,
  port: Number(process.env.TEAM_PORT ?? 0),
  host: '127.0.0.1',
  cert: certificate.cert,
  key: certificate.key,
  ...(process.env.TEAM_SESSION_MS ? { sessionTtlMs: Number(process.env.TEAM_SESSION_MS) } : {}),
  ...(process.env.TEAM_PULL_LIMIT ? { pullLimit: Number(process.env.TEAM_PULL_LIMIT) } : {}),
  guard: { baseDelayMs: Number(process.env.TEAM_GUARD_DELAY_MS ?? 1), lockMs: 60_000 },
});
process.stdout.write(`${JSON.stringify({ url: server.url, fingerprint: server.fingerprint, port: server.port })}\n`);
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
