import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { captureFields, gzipPerRecord, warcRecord } from '../../../test/helpers/warc-bytes.js';
import { watFile, watFixture } from '../../../test/helpers/wat-bytes.js';
import { detectFormat } from './detect-format.js';

const WARC = gzipPerRecord([
  warcRecord({ type: 'warcinfo', block: 'software: x\r\n' }),
  warcRecord({
    type: 'metadata',
    fields: captureFields('http://a.org/'),
    block: 'fetchTimeMs: 3\r\n',
  }),
]).bytes;

describe('detectFormat', () => {
  it('sees a WARC gzipped per record through a corrupt member, first or later (fuzz regression)', () => {
    const records = Array.from({ length: 6 }, (_, i) =>
      warcRecord({ type: 'metadata', fields: captureFields(`http://a${i}.org/`), block: 'x\r\n' }),
    );
    const { bytes, offsets } = gzipPerRecord(records);
    for (const member of [0, 3]) {
      const broken = Buffer.from(bytes);
      const at = (offsets[member] as number) + 12;
      broken[at] = (broken[at] as number) ^ 0x80;
      expect(detectFormat(broken, 'crawl.bin'), `member ${member}`).toBe('warc');
    }
  });

  it('tells WARC from WAT by the content, gzipped or not', () => {
    const wat = watFile([watFixture('html-page.json')]).bytes;
    expect(detectFormat(WARC, 'crawl.bin')).toBe('warc');
    expect(detectFormat(zlib.gunzipSync(WARC), 'crawl.bin')).toBe('warc');
    expect(detectFormat(wat, 'x.bin')).toBe('wat');
    expect(detectFormat(wat.subarray(0, 600), 'x.bin')).toBe('wat');
  });

  it('takes a WARC named .wat or .wat.gz for a WAT', () => {
    expect(detectFormat(WARC, 'CC-MAIN-1.warc.wat.gz')).toBe('wat');
    expect(detectFormat(zlib.gunzipSync(WARC), 'x.WAT')).toBe('wat');
  });

  it('recognises NDJSON and link CSV, also gzipped', () => {
    expect(detectFormat(Buffer.from('\ufeff  {"url":"http://a.org/"}\n'), 'x')).toBe('ndjson');
    expect(detectFormat(zlib.gzipSync('{"url":1}\n'), 'x.gz')).toBe('ndjson');
    expect(
      detectFormat(Buffer.from('"URL_From";"url_to";anchor\r\nhttp://a/,http://b/,x\r\n'), 'x'),
    ).toBe('csv');
    expect(detectFormat(Buffer.from('url_from\turl_to\n'), 'x.tsv')).toBe('csv');
  });

  it('answers unknown for anything else, by content rather than name', () => {
    expect(detectFormat(Buffer.from('hello'), 'a.warc.gz')).toBe('unknown');
    expect(detectFormat(Buffer.from('url,title\n'), 'links.csv')).toBe('unknown');
    expect(
      detectFormat(Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff]), 'x.gz'),
    ).toBe('unknown');
    expect(detectFormat(new Uint8Array(0), 'x')).toBe('unknown');
  });
});
