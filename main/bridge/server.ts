import { randomBytes, timingSafeEqual } from 'node:crypto';
import { MIME } from './mime.js';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { ServiceContext } from '../api/context.js';
import { dispatch } from '../api/dispatch.js';
import { withSession } from '../people/actor.js';
import { CONTENT_SECURITY_POLICY } from '../../shared/security.js';
import type { ErrorCode } from '../../shared/contract/result.js';

/** Room for the largest import the contract allows (base64) plus the JSON around it. */
export const MAX_BODY_BYTES = 160 * 1024 * 1024;
export const TOKEN_HEADER = 'x-planner-token';
/** The tab's sign-in session (from auth.signIn): who is acting. Separate from the access token, which only says the tab may talk to the bridge. */
export const SESSION_HEADER = 'x-planner-session';

export interface BridgeOptions {
  ctx: ServiceContext;
  /** Built renderer (index.html and assets); omitted: API only. */
  rendererDir?: string;
  port?: number;
  token?: string;
}

export interface Bridge {
  url: string;
  /** The URL to open: the token travels in the fragment, which browsers never send to a server. */
  openUrl: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * The loopback bridge: the renderer and the contract over HTTP on 127.0.0.1, for browser mode and
 * end-to-end tests. It is not a second backend: every call goes through the same `dispatch` as IPC.
 * Other pages in the user's browser must not reach it: a per-run token, Host and Origin checks
 * (DNS rebinding), no CORS, JSON only, capped bodies, short timeouts.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  const server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, { ok: false, error: { code: 'internal', message: 'Internal error' } }));
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 120_000;
  server.keepAliveTimeout = 5_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    if (!allowedHosts.has(String(req.headers.host ?? '').toLowerCase())) return sendError(res, 421, 'Unknown host');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin.toLowerCase())) return sendError(res, 403, 'Cross-origin requests are refused');
    const url = new URL(req.url ?? '/', 'http://bridge');
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'Method not allowed');
    return serveStatic(res, url.pathname);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'POST') return sendError(res, 405, 'Use POST');
    if (!validToken(req.headers[TOKEN_HEADER])) return sendError(res, 401, 'Missing or wrong token');
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim()
      .toLowerCase();
    if (type !== 'application/json') return sendError(res, 415, 'JSON only');
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > MAX_BODY_BYTES) return sendError(res, 413, 'Request too large');
    let body: unknown;
    try {
      const text = await readBody(req);
      body = text.length ? JSON.parse(text) : {};
    } catch (error) {
      if ((error as Error).message === 'too large') return sendError(res, 413, 'Request too large');
      return send(res, 400, { ok: false, error: { code: 'validation', message: 'The request body is not valid JSON' } });
    }
    let method: string;
    try {
      method = decodeURIComponent(url.pathname.slice('/api/'.length));
    } catch {
      // A stray `%` (not followed by two hex digits) is the caller's mistake, not an internal error.
      return send(res, 400, { ok: false, error: { code: 'validation', message: 'The method name in the path is not valid' } });
    }
    const session = req.headers[SESSION_HEADER];
    send(res, 200, await dispatch(withSession(options.ctx, typeof session === 'string' ? session : undefined), method, body));
  }

  function validToken(value: string | string[] | undefined): boolean {
    if (typeof value !== 'string') return false;
    const given = Buffer.from(value);
    // Constant-time: the comparison must not reveal how much of a guess was right.
    return given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes);
  }

  function serveStatic(res: ServerResponse, pathname: string): void {
    const root = options.rendererDir;
    if (!root || !existsSync(join(root, 'index.html'))) {
      return sendError(res, 404, 'The renderer is not built: run npm run build');
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return sendError(res, 400, 'Bad path');
    }
    const base = resolve(root);
    const target = resolve(base, normalize(`.${decoded}`));
    if (target !== base && !target.startsWith(base + sep)) return sendError(res, 404, 'Not found');
    // Client-side routes fall back to the app itself.
    const file = existsSync(target) && statSync(target).isFile() ? target : join(base, 'index.html');
    res.writeHead(200, {
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Frame-Options': 'DENY',
    });
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    openUrl: `${url}/#token=${token}`,
    port,
    token,
    server,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.destroy();
        reject(new Error('too large'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, message: string): void {
  send(res, status, {
    ok: false,
    error: { code: (status === 401 || status === 403 || status === 421 ? 'forbidden' : 'validation') as ErrorCode, message },
  });
}
