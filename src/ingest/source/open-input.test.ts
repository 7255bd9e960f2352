import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SourceError } from './errors.js';
import { openInput, type RetryInfo } from './open-input.js';

const FILE = randomBytes(3 * 1024 * 1024 + 17);

type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void;

let server: Server | undefined;
const requests: Array<{ range: string | undefined }> = [];

async function serve(handler: Handler): Promise<string> {
  requests.length = 0;
  server = createServer((req, res) => {
    requests.push({ range: req.headers.range });
    handler(req, res, requests.length);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/crawl.warc.gz`;
}

afterEach(async () => {
  const running = server;
  server = undefined;
  if (running === undefined) return;
  running.closeAllConnections();
  await new Promise((resolve) => running.close(resolve));
});

/** Answer a request for FILE honouring `Range: bytes=N-`, or the whole file. */
function sendFile(req: IncomingMessage, res: ServerResponse, honourRange = true): void {
  const m = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
  if (m !== null && honourRange) {
    const start = Number(m[1]);
    res.writeHead(206, {
      'content-length': FILE.length - start,
      'content-range': `bytes ${start}-${FILE.length - 1}/${FILE.length}`,
    });
    res.end(FILE.subarray(start));
    return;
  }
  res.writeHead(200, { 'content-length': FILE.length });
  res.end(FILE);
}

/** Send the headers and the first `bytes` of FILE, then kill the connection. */
function dropAfter(res: ServerResponse, bytes: number): void {
  res.writeHead(200, { 'content-length': FILE.length });
  res.write(FILE.subarray(0, bytes), () => setTimeout(() => res.socket?.destroy(), 20));
}

async function read(url: string, retries: RetryInfo[], extra = {}): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  const opts = { retryDelayMs: 5, onRetry: (r: RetryInfo) => retries.push(r), ...extra };
  for await (const chunk of openInput({ kind: 'url', url }, opts)) parts.push(chunk);
  return Buffer.concat(parts);
}

describe('openInput over HTTP', () => {
  it('retries a 503, resumes a dropped body with Range and returns the exact bytes', async () => {
    const url = await serve((req, res, n) => {
      if (n === 1) {
        res.writeHead(503).end('busy');
      } else if (n === 2) {
        dropAfter(res, 1_000_000);
      } else {
        sendFile(req, res);
      }
    });
    const retries: RetryInfo[] = [];
    const bytes = await read(url, retries);
    expect(bytes.equals(FILE)).toBe(true);
    expect(requests.map((r) => r.range)).toEqual([
      undefined,
      undefined,
      expect.stringMatching(/^bytes=\d+-$/),
    ]);
    expect(retries.map((r) => r.reason)).toEqual([
      'HTTP 503',
      expect.stringContaining('connection dropped'),
    ]);
    expect(retries[1]?.received).toBeGreaterThan(0);
  });

  it('skips the received bytes when the server ignores Range', async () => {
    const url = await serve((req, res, n) =>
      n === 1 ? dropAfter(res, 700_001) : sendFile(req, res, false),
    );
    const retries: RetryInfo[] = [];
    expect((await read(url, retries)).equals(FILE)).toBe(true);
    expect(retries).toHaveLength(1);
    expect(requests).toHaveLength(2);
  });

  it('fails at once on a 4xx with a clear error', async () => {
    const url = await serve((_req, res) => res.writeHead(404).end('nope'));
    const retries: RetryInfo[] = [];
    const error = await read(url, retries).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ code: 'HTTP_STATUS', status: 404 });
    expect((error as Error).message).toBe(`${url}: HTTP 404 Not Found`);
    expect(requests).toHaveLength(1);
    expect(retries).toHaveLength(0);
  });

  it('gives up after the configured retries', async () => {
    const url = await serve((_req, res) => res.writeHead(500).end());
    const retries: RetryInfo[] = [];
    const error = await read(url, retries, { retries: 2 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FETCH_FAILED' });
    expect(requests).toHaveLength(3);
    expect(retries.map((r) => r.attempt)).toEqual([1, 2]);
  });

  it('retries a refused connection', async () => {
    const url = await serve((req, res) => sendFile(req, res));
    const dead = url.replace(/:\d+\//, ':1/');
    const error = await read(dead, [], { retries: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FETCH_FAILED' });
  });

  it('stops when the signal aborts', async () => {
    const url = await serve((_req, res) => res.writeHead(503).end());
    const controller = new AbortController();
    const pending = read(url, [], { retryDelayMs: 10_000, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stop')), 50);
    await expect(pending).rejects.toThrow('stop');
  });
});

describe('openInput on files', () => {
  it('streams a local file and names a missing one', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'linkgap-open-'));
    const file = path.join(dir, 'a.warc');
    await writeFile(file, FILE);
    const parts: Uint8Array[] = [];
    for await (const chunk of openInput({ kind: 'file', path: file, size: FILE.length }))
      parts.push(chunk);
    expect(Buffer.concat(parts).equals(FILE)).toBe(true);
    const missing = openInput({ kind: 'file', path: path.join(dir, 'nope.warc'), size: 0 });
    await expect(missing.next()).rejects.toMatchObject({ code: 'INPUT_NOT_FOUND' });
  });
});
