import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ArchiveItem } from '../types.js';
import { parseCaptureLine, readCapturesNdjson } from './read-captures-ndjson.js';

async function read(bytes: Uint8Array, chunk = 7): Promise<ArchiveItem[]> {
  async function* src(): AsyncIterable<Uint8Array> {
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
  }
  const out: ArchiveItem[] = [];
  for await (const item of readCapturesNdjson(src())) out.push(item);
  return out;
}

const good =
  '{"url":"HTTPS://A.com/x#f","fetched_at":"2026-01-15 10:00:00 +02:00","status":200,' +
  '"links":[{"url":"/rel","item_type":"anchor","anchor":"a"},{"url":"mailto:x@y.z","item_type":"anchor"}]}';

describe('readCapturesNdjson', () => {
  it('normalises URLs and times and drops unusable links', () => {
    expect(parseCaptureLine(good)).toEqual({
      url: 'https://a.com/x',
      fetched_at: '2026-01-15T08:00:00Z',
      status: 200,
      links: [{ url: 'https://a.com/rel', item_type: 'anchor', anchor: 'a' }],
    });
  });

  it('reports bad lines with their byte offsets and keeps the good ones', async () => {
    const text = `${good}\nnot json\n\n{"url":"https://b.com/","status":200,"links":[]}\n${good}`;
    const items = await read(new TextEncoder().encode(text));
    expect(items.map((i) => i.kind)).toEqual(['capture', 'error', 'skipped', 'error', 'capture']);
    expect(items[1]).toMatchObject({
      index: 1,
      offset: good.length + 1,
      message: 'not valid JSON',
    });
    expect(items[3]).toMatchObject({ message: expect.stringContaining('fetched_at') });
  });

  it('refuses unknown keys, bad item types and oversized values', () => {
    expect(
      parseCaptureLine(
        '{"url":"https://a.com/","fetched_at":"2026-01-01T00:00:00Z","status":200,"links":[],"x":1}',
      ),
    ).toMatch(/invalid capture/);
    expect(
      parseCaptureLine(
        '{"url":"https://a.com/","fetched_at":"2026-01-01T00:00:00Z","status":200,"links":[{"url":"https://b.com/","item_type":"frame"}]}',
      ),
    ).toMatch(/links.0.item_type/);
    expect(
      parseCaptureLine(
        `{"url":"https://a.com/${'x'.repeat(5000)}","fetched_at":"2026-01-01T00:00:00Z","status":200,"links":[]}`,
      ),
    ).toMatch(/url/);
  });

  it('reads signals, ignoring unknown signal keys and names, refusing bad values', () => {
    const head = '{"url":"https://a.com/","fetched_at":"2026-01-01T00:00:00Z","status":200,';
    expect(
      parseCaptureLine(
        `${head}"signals":{"text_chars":5,"future":[1],"software":["wordpress"],"favicon":true},"links":[]}`,
      ),
    ).toEqual({
      url: 'https://a.com/',
      fetched_at: '2026-01-01T00:00:00Z',
      status: 200,
      signals: { software: ['wordpress'], favicon: true, text_chars: 5 },
      links: [],
    });
    expect(parseCaptureLine(`${head}"signals":{"future":1},"links":[]}`)).not.toHaveProperty(
      'signals',
    );
    expect(
      parseCaptureLine(
        `${head}"signals":{"software":["frontpage","wordpress"],"contact":["fax"]},"links":[]}`,
      ),
    ).toMatchObject({ signals: { software: ['wordpress'], contact: [] } });
    expect(parseCaptureLine(`${head}"signals":{"software":[1]},"links":[]}`)).toMatch(
      /signals.software.0/,
    );
    expect(parseCaptureLine(`${head}"signals":{"text_chars":-1},"links":[]}`)).toMatch(
      /signals.text_chars/,
    );
    expect(parseCaptureLine(`${head}"signals":{"contact":"email"},"links":[]}`)).toMatch(
      /signals.contact/,
    );
    const hosts = JSON.stringify(Array.from({ length: 51 }, (_, i) => `h${i}.com`));
    expect(parseCaptureLine(`${head}"signals":{"head_hosts":${hosts}},"links":[]}`)).toMatch(
      /signals.head_hosts/,
    );
    expect(parseCaptureLine(`${head}"signals":[1],"links":[]}`)).toMatch(/signals/);
  });

  it('reads gzip-compressed input', async () => {
    const items = await read(gzipSync(Buffer.from(`${good}\n${good}\n`)), 5);
    expect(items.filter((i) => i.kind === 'capture')).toHaveLength(2);
  });
});
