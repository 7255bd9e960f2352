/**
 * The link-gap explorer's files (built by Vite into `dist/web/`) at `/` and `/assets/*`, with
 * security headers (a strict Content-Security-Policy: scripts, styles and connections from this
 * origin only) and the same credentials as the API: a 401 asks the browser for HTTP Basic.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Context, Hono } from 'hono';
import type { AppEnv } from './app-env.js';
import { type AuthConfig, authenticate } from './auth.js';

/** What the routes need. */
export interface WebUiOptions {
  /** The built UI's directory (holds `index.html` and `assets/`), or null when not built. */
  root: string | null;
  auth: AuthConfig | null;
}

/** Headers sent with every UI file. */
export const UI_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
});

const TYPES: Readonly<Record<string, string>> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
  map: 'application/json',
  json: 'application/json',
};

// Vite's asset names: no directories, no dot-dot, nothing but these characters.
const ASSET_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>linkgap</title>
<h1>The web UI is not built</h1><p>Run <code>npm run build</code> in the linkgap checkout, then
restart <code>linkgap serve</code>. The APIs (<a href="/docs">/docs</a>) work without it.</p>`;

/** Add `/` and `/assets/:name` to `app`. */
export function mountWebUi(app: Hono<AppEnv>, opts: WebUiOptions): void {
  const guard = (c: Context): Response | null => {
    if (opts.auth === null) return null;
    if (authenticate(opts.auth, c.req.header('authorization')).ok) return null;
    return c.text('Credentials required.', 401, {
      'WWW-Authenticate': 'Basic realm="linkgap", charset="UTF-8"',
      ...UI_SECURITY_HEADERS,
    });
  };
  app.get('/', async (c) => {
    const refused = guard(c);
    if (refused !== null) return refused;
    const html = opts.root === null ? null : await readOrNull(join(opts.root, 'index.html'));
    return c.body(html ?? new TextEncoder().encode(NOT_BUILT), html === null ? 503 : 200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-cache',
      ...UI_SECURITY_HEADERS,
    });
  });
  app.get('/assets/:name', async (c) => {
    const refused = guard(c);
    if (refused !== null) return refused;
    const name = c.req.param('name');
    const type = TYPES[name.slice(name.lastIndexOf('.') + 1)];
    const bytes =
      opts.root === null || !ASSET_NAME.test(name) || type === undefined
        ? null
        : await readOrNull(join(opts.root, 'assets', name));
    if (bytes === null) {
      return c.text('Not found.', 404, { ...UI_SECURITY_HEADERS });
    }
    return c.body(bytes, 200, {
      'Content-Type': type as string,
      // Vite puts a content hash in every asset name.
      'Cache-Control': 'public, max-age=31536000, immutable',
      ...UI_SECURITY_HEADERS,
    });
  });
}

async function readOrNull(path: string): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    const b = await readFile(path);
    return new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);
  } catch {
    return null;
  }
}
