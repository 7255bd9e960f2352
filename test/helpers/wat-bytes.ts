/**
 * WAT files for tests: JSON documents wrapped in WARC `metadata` records, gzipped per record,
 * after a WAT `warcinfo` record, as Common Crawl writes them.
 */
import { readFileSync } from 'node:fs';
import { gzipPerRecord, warcRecord } from './warc-bytes.js';

/** A fixture from test/fixtures/wat/ parsed. */
export function watFixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../fixtures/wat/${name}`, import.meta.url), 'utf8'));
}

/** A WAT metadata record holding `json` (a document, or raw text for broken JSON). */
export function watRecord(json: unknown): Buffer {
  const text = typeof json === 'string' ? json : JSON.stringify(json);
  return warcRecord({
    type: 'metadata',
    fields: [
      ['WARC-Target-URI', 'https://www.example.org/'],
      ['WARC-Date', '2024-05-31T01:17:49Z'],
      ['WARC-Record-ID', '<urn:uuid:3d3f4785-c69a-4f8c-968c-d23302c55ef4>'],
      ['Content-Type', 'application/json'],
    ],
    block: text,
  });
}

/** A whole WAT file: warcinfo, then one metadata record per document, gzipped per record. */
export function watFile(docs: unknown[]): { bytes: Buffer; offsets: number[] } {
  const info = warcRecord({
    type: 'warcinfo',
    fields: [
      ['WARC-Date', '2024-05-31T01:16:45Z'],
      ['WARC-Filename', 'CC-MAIN-20240517233122-20240518023122-00000.warc.wat.gz'],
      ['Content-Type', 'application/warc-fields'],
    ],
    block: 'Software-Info: ia-web-commons.1.1.10-SNAPSHOT\r\nformat: WARC File Format 1.0\r\n',
  });
  return gzipPerRecord([info, ...docs.map(watRecord)]);
}
