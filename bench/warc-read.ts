/**
 * Micro benchmark of the WARC reader, single core: records/s and MB/s (stored and inflated).
 *   npx tsx bench/warc-read.ts [FILE] [--warcio]
 * Without FILE it synthesises a ~50 MB per-record-gzip WARC in the Common Crawl layout
 * (request, response, metadata per page; HTML stored decoded, as Common Crawl does) under .tmp/
 * and reads that; with `--encoded` the HTML bodies are stored gzip content-encoded instead (the
 * reader then inflates twice). `--warcio` also times warcio's WARCParser on the same file.
 */
import { createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';
import { WARCParser } from 'warcio';
import { readWarc } from '../src/ingest/warc/index.js';
import { captureFields, httpResponse, warcRecord } from '../test/helpers/warc-bytes.js';

const TARGET_BYTES = 50 * 1024 * 1024;
const WORDS = 'link index crawl anchor page domain archive the of and to in web data rank'.split(
  ' ',
);

function synthesise(path: string, encoded: boolean): void {
  const members: Buffer[] = [];
  let size = 0;
  let seed = 7;
  const rand = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  for (let page = 0; size < TARGET_BYTES; page++) {
    const url = `https://site${rand(5000)}.example/${page}/article-${rand(1e6)}.html`;
    const parts: string[] = [`<html><head><title>Page ${page}</title></head><body>`];
    const paragraphs = 20 + rand(120);
    for (let p = 0; p < paragraphs; p++) {
      const words = Array.from({ length: 30 + rand(40) }, () => WORDS[rand(WORDS.length)]);
      parts.push(
        `<p>${words.join(' ')} <a href="https://h${rand(900)}.example/p${rand(1e5)}">w${rand(1e4)}</a></p>`,
      );
    }
    parts.push('</body></html>');
    const html = encoded ? zlib.gzipSync(parts.join('\n')) : Buffer.from(parts.join('\n'));
    const headers: Array<[string, string]> = [['Content-Type', 'text/html; charset=utf-8']];
    headers.push(encoded ? ['Content-Encoding', 'gzip'] : ['X-Crawler-Content-Encoding', 'gzip']);
    const fields = captureFields(url, '2024-05-17T23:31:22Z', [['WARC-IP-Address', '192.0.2.1']]);
    const records = [
      warcRecord({
        type: 'request',
        fields,
        block: `GET / HTTP/1.1\r\nHost: x\r\nUser-Agent: bench\r\n\r\n`,
      }),
      warcRecord({
        type: 'response',
        fields,
        block: httpResponse(200, headers, html),
      }),
      warcRecord({
        type: 'metadata',
        fields,
        block: `fetchTimeMs: ${rand(2000)}\r\ncharset-detected: UTF-8\r\n`,
      }),
    ];
    for (const record of records) {
      const member = zlib.gzipSync(record);
      members.push(member);
      size += member.length;
    }
  }
  writeFileSync(path, Buffer.concat(members));
}

async function timeOurs(path: string): Promise<{ records: number; inflated: number; ms: number }> {
  const start = performance.now();
  let records = 0;
  let inflated = 0;
  for await (const item of readWarc(createReadStream(path, { highWaterMark: 1 << 20 }))) {
    records++;
    if (item.kind === 'http') inflated += item.input.body.length;
  }
  return { records, inflated, ms: performance.now() - start };
}

async function timeWarcio(
  path: string,
): Promise<{ records: number; inflated: number; ms: number }> {
  const start = performance.now();
  let records = 0;
  let inflated = 0;
  const parser = new WARCParser(createReadStream(path, { highWaterMark: 1 << 20 }));
  for await (const record of parser) {
    records++;
    if (record.warcType === 'response') inflated += (await record.readFully(true)).length;
  }
  return { records, inflated, ms: performance.now() - start };
}

function report(
  name: string,
  stored: number,
  run: { records: number; inflated: number; ms: number },
) {
  const s = run.ms / 1000;
  console.log(
    `${name.padEnd(8)} ${run.records} records in ${s.toFixed(2)} s: ` +
      `${Math.round(run.records / s).toLocaleString('en')} records/s, ` +
      `${(stored / 1e6 / s).toFixed(1)} MB/s stored, ` +
      `${(run.inflated / 1e6 / s).toFixed(1)} MB/s of decoded bodies`,
  );
}

const args = process.argv.slice(2);
let path = args.find((a) => !a.startsWith('--'));
if (path === undefined) {
  mkdirSync('.tmp', { recursive: true });
  const encoded = args.includes('--encoded');
  path = `.tmp/bench-50mb${encoded ? '-encoded' : ''}.warc.gz`;
  if (!existsSync(path)) synthesise(path, encoded);
}
const stored = statSync(path).size;
console.log(`${path}: ${(stored / 1e6).toFixed(1)} MB stored, node ${process.version}`);
await timeOurs(path); // warm-up
report('readWarc', stored, await timeOurs(path));
if (args.includes('--warcio')) report('warcio', stored, await timeWarcio(path));
