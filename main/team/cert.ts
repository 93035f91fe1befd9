import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { generate } from 'selfsigned';

export interface Certificate {
  cert: string;
  key: string;
  certPath: string;
  keyPath: string;
  generated: boolean;
}

/**
 * The server's certificate: the organisation's own (`--cert`/`--key`), or one generated at first
 * start and kept next to the database file, so its fingerprint (which desktops pin) stays the same
 * across restarts. The key file is readable by its owner only.
 */
export async function ensureCertificate(databasePath: string, certPath?: string, keyPath?: string, host?: string): Promise<Certificate> {
  if (certPath || keyPath) {
    if (!certPath || !keyPath) throw new Error('Give both --cert and --key, or neither.');
    return { cert: readFileSync(certPath, 'utf8'), key: readFileSync(keyPath, 'utf8'), certPath, keyPath, generated: false };
  }
  const ownCert = `${databasePath}.team-cert.pem`;
  const ownKey = `${databasePath}.team-key.pem`;
  if (existsSync(ownCert) && existsSync(ownKey)) {
    return { cert: readFileSync(ownCert, 'utf8'), key: readFileSync(ownKey, 'utf8'), certPath: ownCert, keyPath: ownKey, generated: false };
  }
  const names = [...new Set([hostname(), 'localhost', ...(host && !/^[\d.:]+$/.test(host) ? [host] : [])])];
  const ips = [...new Set(['127.0.0.1', ...(host && /^[\d.]+$/.test(host) && host !== '0.0.0.0' ? [host] : [])])];
  const pems = await generate([{ name: 'commonName', value: hostname() }], {
    keyType: 'ec',
    curve: 'P-256',
    notAfterDate: new Date(Date.now() + 3650 * 24 * 3600_000),
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [...names.map((value) => ({ type: 2 as const, value })), ...ips.map((ip) => ({ type: 7 as const, ip }))],
      },
    ],
  });
  writeFileSync(ownCert, pems.cert, { mode: 0o644 });
  writeFileSync(ownKey, pems.private, { mode: 0o600 });
  return { cert: pems.cert, key: pems.private, certPath: ownCert, keyPath: ownKey, generated: true };
}
