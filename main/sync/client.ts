import { request } from 'node:https';
import type { TLSSocket } from 'node:tls';
import type { z } from 'zod';
import type { RuleRefusal } from '../../shared/contract/result.js';

/**
 * The desktop's HTTPS client for the team server. The server's certificate is usually self-signed,
 * so it is not checked against a CA: it is pinned. `probe` reads its SHA-256 fingerprint for the
 * person to confirm; every later request compares the certificate with the pinned one BEFORE
 * sending anything (a password, a token, a queue), and a different certificate is refused.
 */
export type TransportKind = 'unreachable' | 'certificate' | 'session' | 'refused' | 'server';

export class SyncTransportError extends Error {
  constructor(
    readonly kind: TransportKind,
    message: string,
    readonly status = 0,
    /** The rule to word it by in the person's language (the server's own, when it named one). */
    readonly rule?: RuleRefusal,
  ) {
    super(message);
    this.name = 'SyncTransportError';
  }
}

const TIMEOUT_MS = 60_000;

function endpoint(serverUrl: string, path: string): URL {
  return new URL(path, serverUrl.endsWith('/') ? serverUrl : `${serverUrl}/`);
}

function unreachable(error: Error): SyncTransportError {
  const reason = (error as { code?: string }).code ?? error.message;
  return new SyncTransportError('unreachable', `The team server cannot be reached (${reason}).`, 0, {
    code: 'teamUnreachable',
    params: { reason },
  });
}

/** The certificate's fingerprint, read without trusting it. */
export function probeFingerprint(serverUrl: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const url = endpoint(serverUrl, '/');
    const req = request(url, { method: 'GET', rejectUnauthorized: false, agent: false, timeout: 15_000 });
    req.on('socket', (socket) => {
      socket.once('secureConnect', () => {
        const fingerprint = (socket as TLSSocket).getPeerCertificate().fingerprint256;
        req.destroy();
        if (fingerprint) resolve(fingerprint);
        else reject(new SyncTransportError('certificate', 'The server presented no certificate.', 0, { code: 'teamNoCertificate' }));
      });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => reject(unreachable(error)));
    req.end();
  });
}

export function certificateChangedMessage(actual: string): string {
  return `The team server's certificate is not the one this desktop trusts (it now shows ${actual}). If the server was reinstalled, disconnect and connect again; otherwise someone may be intercepting this network.`;
}

/** One JSON POST to the server, over a connection whose certificate matched the pinned fingerprint. */
export function postJson<S extends z.ZodType>(
  serverUrl: string,
  fingerprint: string,
  path: string,
  body: unknown,
  schema: S,
  token?: string,
): Promise<z.output<S>> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(endpoint(serverUrl, path), {
      method: 'POST',
      rejectUnauthorized: false,
      agent: false,
      timeout: TIMEOUT_MS,
      headers: {
        'content-type': 'application/json',
        'content-length': String(payload.length),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    });
    req.on('socket', (socket) => {
      socket.once('secureConnect', () => {
        const actual = (socket as TLSSocket).getPeerCertificate().fingerprint256;
        if (!actual || actual.toUpperCase() !== fingerprint.toUpperCase()) {
          req.destroy(
            new SyncTransportError('certificate', certificateChangedMessage(actual ?? 'none'), 0, {
              code: 'teamCertificateChanged',
              params: { fingerprint: actual ?? 'none' },
            }),
          );
          return;
        }
        req.end(payload);
      });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => reject(error instanceof SyncTransportError ? error : unreachable(error)));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', (error) => reject(unreachable(error)));
      res.on('end', () => {
        let json: unknown;
        try {
          json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          reject(
            new SyncTransportError('server', `The team server answered ${res.statusCode} without JSON.`, res.statusCode, {
              code: 'teamNotJson',
              params: { status: res.statusCode ?? 0 },
            }),
          );
          return;
        }
        const status = res.statusCode ?? 0;
        if (status !== 200) {
          const error = (json as { error?: { message?: string; rule?: RuleRefusal } })?.error;
          const message = error?.message ?? `The team server answered ${status}.`;
          const rule = error?.rule ?? (error?.message ? undefined : { code: 'teamAnswered', params: { status } });
          reject(new SyncTransportError(status === 401 ? 'session' : status >= 500 ? 'server' : 'refused', message, status, rule));
          return;
        }
        const parsed = schema.safeParse(json);
        if (!parsed.success) {
          reject(
            new SyncTransportError(
              'server',
              'The team server answered in a form this desktop does not understand (update the app).',
              status,
              { code: 'teamUpdateApp' },
            ),
          );
          return;
        }
        resolve(parsed.data);
      });
    });
  });
}
