import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { resolveDatabasePath } from '../app/paths.js';
import { ensureCertificate } from '../team/cert.js';
import { startTeamServer } from '../team/server.js';

/**
 * `npm run team-server -- --db FILE --port N [--host H] [--cert C --key K] [--session-days D]`:
 * the region's authoritative copy behind HTTPS, for desktops and phones.
 */
export async function teamServerCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      cert: { type: 'string' },
      key: { type: 'string' },
      'session-days': { type: 'string' },
      phone: { type: 'string' },
    },
    strict: true,
  });
  const port = values.port === undefined ? 8443 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number between 0 and 65535 (got ${values.port})`);
    return 2;
  }
  const sessionDays = values['session-days'] === undefined ? 30 : Number(values['session-days']);
  if (!(sessionDays > 0)) {
    console.error('--session-days must be a positive number');
    return 2;
  }
  const databasePath = resolveDatabasePath(values.db);
  const certificate = await ensureCertificate(databasePath, values.cert, values.key, values.host);
  const phoneDir = values.phone ?? fileURLToPath(new URL('../renderer/phone', import.meta.url));
  const server = await startTeamServer({
    databasePath,
    port,
    host: values.host ?? '0.0.0.0',
    cert: certificate.cert,
    key: certificate.key,
    phoneDir: existsSync(phoneDir) ? phoneDir : undefined,
    sessionTtlMs: sessionDays * 24 * 3600_000,
  });
  console.log(
    [
      'Off-season Planner team server',
      `  database:    ${databasePath}`,
      `  address:     ${server.url}`,
      `  certificate: ${certificate.certPath}${certificate.generated ? ' (generated now)' : ''}`,
      `  fingerprint: ${server.fingerprint}`,
      `  phone page:  ${existsSync(phoneDir) ? `${server.url}/phone/` : 'not built (npm run build)'}`,
      'Desktops pin the fingerprint above when they first connect. Press Ctrl+C to stop.',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  return 0;
}
