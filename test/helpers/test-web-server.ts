/**
 * A multi-host test web on loopback: one node:http server (and one node:https server with the
 * throwaway certificate in test/fixtures/tls) on 127.0.0.1, port 0, routing on the Host header.
 * Point a fetcher at it with `web.connect` (lookup → loopback, self-signed certificate
 * accepted) and `web.dialPort` (the real ports of `http://` and `https://` URLs). Every request
 * is logged (host, path, headers, times) and in-flight requests are counted per host, so tests
 * can assert politeness and that no page was fetched twice.
 */
import { readFileSync } from 'node:fs';
import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { type LoopbackLookup, loopbackLookup } from './loopback-lookup.js';
import { type Route, serveRoute } from './test-web-routes.js';

/** Sites by `host` (both schemes) or `http://host` / `https://host`, then path (with query). */
export type TestWeb = Record<string, Record<string, Route>>;

/** One request as the server saw it. */
export interface RequestLogEntry {
  /** 0-based arrival order. */
  seq: number;
  /** `https://host` or `http://host` (Host header without port). */
  origin: string;
  host: string;
  /** Path and query as requested. */
  path: string;
  method: string;
  headers: IncomingMessage['headers'];
  /** The local address the request came in on (127.0.0.1, 127.0.0.2, …). */
  ip: string;
  /** 0-based id of the connection it came on (keep-alive reuse shows as a repeated id). */
  connection: number;
  /** `Date.now()` at arrival, and when the answer ended or the connection went away. */
  startedAt: number;
  endedAt: number | undefined;
}

/** Options of {@link startTestWeb}. */
export interface TestWebOptions {
  /** Loopback address a host name resolves to (default 127.0.0.1); the server listens on each. */
  ips?: Record<string, string>;
  /** Host names whose lookup fails with ENOTFOUND. */
  unresolvable?: string[];
}

/** A running test web. */
export interface TestWebServer {
  readonly ports: { http: number; https: number };
  /** Every request so far, in arrival order. */
  readonly log: RequestLogEntry[];
  /** Resolves every name to loopback (see {@link TestWebOptions}). */
  readonly lookup: LoopbackLookup;
  /** undici connector options for a fetcher: the lookup, and the test certificate accepted. */
  readonly connect: { lookup: LoopbackLookup; rejectUnauthorized: false };
  /** The local port that serves a URL's scheme. */
  dialPort(url: URL): number;
  /**
   * The same routing as curl-style `--connect-to` specs (`b.test:443:127.0.0.2:PORT`, then
   * `:80:127.0.0.1:PORT` and `:443:127.0.0.1:PORT`), for a crawler in another process.
   */
  readonly connectTo: string[];
  /** Replace the whole web (a new snapshot); the request log is kept. */
  setWeb(web: TestWeb): void;
  /** Most requests ever in flight at once on one host. */
  maxInFlight(host: string): number;
  /** Requests to `host` (all hosts when omitted), in arrival order. */
  requests(host?: string): RequestLogEntry[];
  /** URLs (origin + path) requested more than once, for "no page fetched twice". */
  fetchedTwice(): string[];
  close(): Promise<void>;
}

const CERT_DIR = new URL('../fixtures/tls/', import.meta.url);

function listen(server: Server, port: number, ip: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, ip, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Listen on `ips`, all on one port (port 0 picks it; retried if an extra address clashes). */
async function listenAll(make: () => Server, ips: string[]): Promise<[Server[], number]> {
  for (let tries = 0; ; tries++) {
    const first = make();
    const port = await listen(first, 0, '127.0.0.1');
    const servers = [first];
    try {
      for (const ip of ips) {
        const s = make();
        servers.push(s);
        await listen(s, port, ip);
      }
      return [servers, port];
    } catch (error) {
      for (const s of servers) s.close();
      if (tries >= 5) throw error;
    }
  }
}

function hostOf(req: IncomingMessage): string {
  return (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
}

/** Start the test web on loopback. Close it in `afterAll`/`afterEach`. */
export async function startTestWeb(
  web: TestWeb,
  opts: TestWebOptions = {},
): Promise<TestWebServer> {
  let current = web;
  const log: RequestLogEntry[] = [];
  const attempts = new Map<string, number>();
  const inFlight = new Map<string, number>();
  const peak = new Map<string, number>();
  const sockets = new WeakMap<object, number>();
  let nextSocket = 0;
  const socketId = (socket: object): number => {
    const known = sockets.get(socket);
    if (known !== undefined) return known;
    sockets.set(socket, nextSocket);
    return nextSocket++;
  };

  const handle = (scheme: string) => (req: IncomingMessage, res: ServerResponse) => {
    const host = hostOf(req);
    const origin = `${scheme}://${host}`;
    const path = req.url ?? '/';
    const entry: RequestLogEntry = {
      seq: log.length,
      origin,
      host,
      path,
      method: req.method ?? 'GET',
      headers: req.headers,
      ip: req.socket.localAddress ?? '',
      connection: socketId(req.socket),
      startedAt: Date.now(),
      endedAt: undefined,
    };
    log.push(entry);
    const n = (inFlight.get(host) ?? 0) + 1;
    inFlight.set(host, n);
    peak.set(host, Math.max(n, peak.get(host) ?? 0));
    res.once('close', () => {
      entry.endedAt = Date.now();
      inFlight.set(host, (inFlight.get(host) ?? 1) - 1);
    });
    const route = (current[origin] ?? current[host])?.[path];
    const key = `${origin}${path}`;
    const attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, attempt);
    if (route === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
    } else if (typeof route === 'function') {
      route(req, res);
    } else {
      serveRoute(req, res, route, attempt).catch(() => res.destroy());
    }
  };

  const extraIps = [...new Set(Object.values(opts.ips ?? {}))].filter((ip) => ip !== '127.0.0.1');
  const tls = {
    key: readFileSync(new URL('test-web.key', CERT_DIR)),
    cert: readFileSync(new URL('test-web.crt', CERT_DIR)),
  };
  const [plain, httpPort] = await listenAll(() => http.createServer(handle('http')), extraIps);
  const [secure, httpsPort] = await listenAll(
    () => https.createServer(tls, handle('https')),
    extraIps,
  );
  const servers = [...plain, ...secure];
  const lookup = loopbackLookup(opts.ips, opts.unresolvable);
  const connectTo = [
    ...Object.entries(opts.ips ?? {}).flatMap(([host, ip]) => [
      `${host}:80:${ip}:${httpPort}`,
      `${host}:443:${ip}:${httpsPort}`,
    ]),
    `:80:127.0.0.1:${httpPort}`,
    `:443:127.0.0.1:${httpsPort}`,
  ];

  return {
    ports: { http: httpPort, https: httpsPort },
    log,
    lookup,
    connect: { lookup, rejectUnauthorized: false },
    dialPort: (url) => (url.protocol === 'https:' ? httpsPort : httpPort),
    connectTo,
    setWeb: (next) => {
      current = next;
    },
    maxInFlight: (host) => peak.get(host.toLowerCase()) ?? 0,
    requests: (host) => (host === undefined ? [...log] : log.filter((e) => e.host === host)),
    fetchedTwice: () => {
      const seen = new Map<string, number>();
      for (const e of log)
        seen.set(`${e.origin}${e.path}`, (seen.get(`${e.origin}${e.path}`) ?? 0) + 1);
      return [...seen].filter(([, n]) => n > 1).map(([url]) => url);
    },
    close: async () => {
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.close(() => resolve());
              s.closeAllConnections();
            }),
        ),
      );
    },
  };
}
