/**
 * The explorer's index facts on a small real index (captures → ingest → build → index): counts
 * and capture dates from the manifest, value lists by frequency, and example competitors that are
 * crawled, non-technical sites.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Capture } from '../../src/core/types.js';
import { buildCapturesIndex, type CapturesIndex } from '../helpers/captures-index.js';

function page(url: string, at: string, lang: string, to: string[]): Capture {
  return {
    url,
    fetched_at: at,
    status: 200,
    lang,
    links: to.map((u) => ({ url: u, item_type: 'anchor', anchor: 'x' })),
  };
}

const T1 = '2026-01-15T10:00:00Z';
const T2 = '2026-04-15T10:00:00Z';

// b.com and c.com are crawled sites; github.com and fonts.googleapis.com are only linked to.
const CAPTURES: Capture[] = [
  page('https://a.com/1', T1, 'en', [
    'https://b.com/',
    'https://github.com/x',
    'https://fonts.googleapis.com/css',
  ]),
  page('https://a.com/2', T2, 'en', ['https://b.com/', 'https://c.com/', 'https://github.com/y']),
  page('https://d.com/', T2, 'de', [
    'https://b.com/x',
    'https://c.com/',
    'https://github.com/z',
    'https://fonts.googleapis.com/css',
  ]),
  page('https://b.com/', T2, 'en', ['https://a.com/1', 'https://b.com/x']),
  page('https://c.com/', T2, 'fr', ['https://github.com/c']),
];

describe('engine.facts', () => {
  let built: CapturesIndex | undefined;
  beforeAll(async () => {
    built = await buildCapturesIndex('index-facts', CAPTURES);
  }, 120_000);
  afterAll(async () => {
    await built?.close();
  });

  it('reports the store and the index as the explorer shows them', async () => {
    const f = await (built as CapturesIndex).engine.facts();
    expect(f).toMatchObject({
      pages: 5,
      captures: 5,
      sources: 1,
      firstCapture: '2026-01-15T10:00:00Z',
      lastCapture: '2026-04-15T10:00:00Z',
      crawlDates: ['2026-01-15', '2026-04-15'],
      languages: ['en', 'de', 'fr'],
    });
    expect(f.generation).toBe((built as CapturesIndex).engine.info().generation);
    expect(f.links).toBeGreaterThan(10);
  });

  it('offers crawled, non-technical sites as example competitors, most linked first', async () => {
    const f = await (built as CapturesIndex).engine.facts();
    // github.com has the most backlinks but was never crawled; googleapis.com is a font CDN;
    // b.com's link to itself is internal.
    expect(f.topTargets).toEqual([
      { domain: 'b.com', backlinks: 3 },
      { domain: 'c.com', backlinks: 2 },
      { domain: 'a.com', backlinks: 1 },
    ]);
  });
});
