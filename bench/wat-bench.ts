/**
 * WAT ingest throughput on one core: the generated web's captures written as Common Crawl WAT
 * metadata records (gzip per record), then ingested by the built CLI pinned to one core.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';
import type { Capture } from '../src/core/types.js';
import { generateWeb } from '../src/generate/index.js';
import { cliIngest } from './cli.js';
import { median, printTable } from './stats.js';

const PATHS: Record<string, string> = {
  anchor: 'A@/href',
  image: 'A@/href',
  link: 'LINK@/href',
  canonical: 'LINK@/href',
  alternate: 'LINK@/href',
};

/** One capture as a WAT JSON document, laid out as Common Crawl writes them. */
export function watJson(c: Capture): unknown {
  const links = c.links
    .filter((l) => PATHS[l.item_type] !== undefined)
    .map((l) => {
      const entry: Record<string, string> = { path: PATHS[l.item_type] as string, url: l.url };
      if (l.anchor) entry.text = l.anchor;
      if (l.rel?.length) entry.rel = l.rel.join(' ');
      if (l.item_type === 'canonical') entry.rel = 'canonical';
      if (l.item_type === 'alternate') entry.rel = 'alternate';
      return entry;
    });
  const headers: Record<string, string> = { 'Content-Type': c.content_type ?? 'text/html' };
  if (c.redirect_location) headers.Location = c.redirect_location;
  return {
    Container: { Filename: 'bench.warc.gz', Compressed: true },
    Envelope: {
      Format: 'WARC',
      'WARC-Header-Metadata': {
        'WARC-Type': 'response',
        'WARC-Date': c.fetched_at,
        'WARC-Target-URI': c.url,
        'WARC-IP-Address': c.ip ?? '127.0.0.1',
      },
      'Payload-Metadata': {
        'Actual-Content-Type': 'application/http; msgtype=response',
        'HTTP-Response-Metadata': {
          'Response-Message': { Version: 'HTTP/1.1', Status: String(c.status), Reason: 'OK' },
          Headers: headers,
          'HTML-Metadata': { Head: { Title: c.title ?? '' }, Links: links },
        },
      },
    },
  };
}

function watRecord(c: Capture, i: number): Buffer {
  const body = Buffer.from(JSON.stringify(watJson(c)));
  const head =
    `WARC/1.0\r\nWARC-Type: metadata\r\nWARC-Target-URI: ${c.url}\r\nWARC-Date: ${c.fetched_at}\r\n` +
    `WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}>\r\n` +
    `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
  return gzipSync(Buffer.concat([Buffer.from(head), body, Buffer.from('\r\n\r\n')]));
}

/** Run the WAT benchmark and print its table. */
export async function benchWat(o: { pages: number; runs: number; workDir: string }): Promise<void> {
  const web = join(o.workDir, `web-${o.pages}`);
  if (!existsSync(join(web, 'manifest.json'))) {
    await generateWeb({ outDir: web, pages: o.pages, seed: 7, snapshots: 2 });
  }
  const wat = join(o.workDir, `web-${o.pages}.wat.gz`);
  let records = 0;
  if (!existsSync(wat)) {
    const parts: Buffer[] = [];
    const lines = createInterface({ input: createReadStream(join(web, 'truth.captures.ndjson')) });
    for await (const line of lines)
      if (line.trim()) parts.push(watRecord(JSON.parse(line) as Capture, parts.length));
    await writeFile(wat, Buffer.concat(parts));
  }
  const secs: number[] = [];
  for (let i = 0; i < o.runs; i++) {
    const s = await cliIngest([wat], 0, true);
    records = s.captures;
    secs.push(s.seconds);
  }
  const m = median(secs);
  printTable([
    {
      what: 'WAT ingest, 1 core',
      captures: records,
      'median s': m,
      'captures/s': Math.round(records / m),
      'MB/s (gz)': statSync(wat).size / 1048576 / m,
    },
  ]);
  console.log('goal: ≥ 5,000 captures/s on one core');
}
