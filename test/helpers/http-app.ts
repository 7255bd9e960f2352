/**
 * Runs a Hono app on a real HTTP server on 127.0.0.1 (any free port) for API tests.
 */
import type { Hono } from 'hono';
import { type RunningServer, startHttpServer } from '../../src/api/server.js';

/** A response as tests look at it. */
export interface HttpReply {
  status: number;
  text: string;
  headers: Headers;
  /** The body parsed as JSON (undefined if it is not JSON). */
  json: unknown;
}

/** A served app and helpers to call it. */
export interface ServedApp {
  url: string;
  server: RunningServer;
  request(path: string, init?: RequestInit): Promise<HttpReply>;
  /** POST `body` (a string is sent as is, anything else as JSON). */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<HttpReply>;
  close(): Promise<void>;
}

/** Start `app` on 127.0.0.1:0. */
export async function serveApp(app: Pick<Hono, 'fetch'>): Promise<ServedApp> {
  const server = await startHttpServer(app, '127.0.0.1', 0);
  const request = async (path: string, init?: RequestInit): Promise<HttpReply> => {
    const res = await fetch(`${server.url}${path}`, init);
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, text, headers: res.headers, json };
  };
  return {
    url: server.url,
    server,
    request,
    post: (path, body, headers = {}) =>
      request(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    close: () => server.close(),
  };
}

/** An `Authorization: Basic` header value. */
export function basicAuth(login: string, password: string): string {
  return `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`;
}
