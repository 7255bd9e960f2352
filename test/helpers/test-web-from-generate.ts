/**
 * The test web of a `linkgap generate` output (WARC format): every snapshot's recorded
 * responses, read back with our WARC reader, served as they were recorded (status, headers,
 * body; gzip again where the generator gzipped). A revisit serves the earlier response of its
 * URL. Paths a snapshot did not capture answer 404 in that snapshot's web.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Capture } from '../../src/core/types.js';
import { readWarc } from '../../src/ingest/warc/index.js';
import type { RouteSpec } from './test-web-routes.js';
import type { TestWeb } from './test-web-server.js';

/** One snapshot of a generated web. */
export interface GeneratedSnapshot {
  /** `snapshot-1`, … */
  dir: string;
  /** Serve it with `startTestWeb(web)` or `server.setWeb(web)`. */
  web: TestWeb;
  /** The URLs the generator captured in this snapshot, in crawl order. */
  urls: string[];
}

/** Framing headers node:http writes itself, or that no longer hold for the decoded body. */
const DROP = new Set(['content-length', 'transfer-encoding', 'connection', 'content-encoding']);

function routeOf(status: number, headers: Array<[string, string]>, body: Uint8Array): RouteSpec {
  const gzip = headers.some(
    ([k, v]) => k.toLowerCase() === 'content-encoding' && v.trim().toLowerCase() === 'gzip',
  );
  const kept = headers.filter(([k]) => !DROP.has(k.toLowerCase()));
  return {
    status,
    headers: kept,
    // A recorded answer without Content-Type is served without one.
    contentType: null,
    body: Buffer.from(body),
    ...(gzip ? { encoding: 'gzip' as const } : {}),
  };
}

function place(web: TestWeb, url: string, route: RouteSpec): void {
  const u = new URL(url);
  const site = web[u.origin] ?? {};
  web[u.origin] = site;
  site[`${u.pathname}${u.search}`] = route;
}

/**
 * Read `outDir` (written by `generateWeb({ format: 'warc' })`) into one {@link TestWeb} per
 * snapshot. Sites are keyed by origin, so `http://host` (often a 301 to https) and
 * `https://host` answer apart.
 */
export async function loadGeneratedWeb(outDir: string): Promise<GeneratedSnapshot[]> {
  const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as {
    snapshots: Array<{ dir: string }>;
    summary: { files: string[] };
  };
  const latest = new Map<string, RouteSpec>();
  const out: GeneratedSnapshot[] = [];
  for (const { dir } of manifest.snapshots) {
    const snapshot: GeneratedSnapshot = { dir, web: {}, urls: [] };
    for (const file of manifest.summary.files.filter((f) => f.startsWith(`${dir}/`))) {
      for await (const item of readWarc(createReadStream(join(outDir, file)))) {
        let url: string;
        let route: RouteSpec | undefined;
        if (item.kind === 'http') {
          url = item.input.url;
          route = routeOf(item.input.status, item.input.headers, item.input.body);
        } else if (item.kind === 'revisit') {
          url = item.url;
          route = latest.get(item.refersToUri ?? item.url);
        } else continue;
        if (route === undefined) throw new Error(`${file}: revisit of unknown ${url}`);
        latest.set(url, route);
        place(snapshot.web, url, route);
        snapshot.urls.push(url);
      }
    }
    out.push(snapshot);
  }
  return out;
}

/**
 * What the ground truth states of a capture (as test/e2e/cli.test.ts compares it): a capture
 * fetched from the test web must equal its truth in these.
 */
export function comparableToTruth(c: Capture) {
  const { text_chars: _, ...signals } = c.signals ?? {};
  return {
    status: c.status,
    redirect: c.redirect_location,
    title: c.title,
    contentType: c.content_type,
    meta: c.meta,
    signals,
    links: c.links.map((l) => ({
      url: l.url,
      item_type: l.item_type,
      anchor: l.anchor ?? '',
      alt: l.alt,
      rel: l.rel ?? [],
    })),
  };
}
