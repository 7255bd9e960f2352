import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../test/helpers/random.js';
import { referenceLinks } from '../../../../test/reference/link-history.js';
import type { Capture, ItemType } from '../../../core/types.js';
import { createDuckDBStore } from '../duckdb-link-store.js';

const TIMES = ['2026-01-15T00:00:00Z', '2026-04-15T00:00:00Z', '2026-07-15T00:00:00Z'];
const TYPES: ItemType[] = ['anchor', 'image', 'canonical'];
const RELS = [[], [], ['nofollow'], ['ugc'], ['noopener'], ['sponsored', 'noopener']];

/** A random little web: pages on a few hosts, visited up to three times, with redirects,
 * canonicals, 4xx/5xx answers and links coming and going. */
function randomWeb(seed: number): Capture[] {
  const r = createRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const urls = Array.from(
    { length: 12 },
    (_, i) => `https://${pick(['a.com', 'b.a.com', 'c.org'])}/p${i}`,
  );
  const captures: Capture[] = [];
  for (const url of urls) {
    for (const at of TIMES) {
      if (r() < 0.25) continue;
      const roll = r();
      if (roll < 0.12) {
        const to = pick(urls);
        captures.push({
          url,
          fetched_at: at,
          status: pick([301, 302]),
          redirect_location: to,
          links: [{ url: to, item_type: 'redirect', anchor: '' }],
        });
      } else if (roll < 0.18) {
        captures.push({ url, fetched_at: at, status: pick([404, 410, 500, 503]), links: [] });
      } else {
        const links = Array.from({ length: Math.floor(r() * 6) }, () => {
          const rel = pick(RELS);
          return {
            url: pick(urls),
            item_type: pick(TYPES),
            anchor: 'x',
            ...(rel.length ? { rel } : {}),
          };
        });
        const meta: Record<string, string> = {};
        if (r() < 0.15) meta.canonical = pick(urls);
        if (r() < 0.1) meta.robots = pick(['noindex, nofollow', 'none', 'index,follow']);
        captures.push({
          url,
          fetched_at: at,
          status: 200,
          links,
          ...(Object.keys(meta).length ? { meta } : {}),
        });
      }
    }
  }
  return captures;
}

const FIELDS = [
  'url_from',
  'url_to',
  'item_type',
  'first_seen',
  'prev_seen',
  'last_seen',
  'is_new',
  'is_lost',
  'original',
  'links_count',
  'dofollow',
  'is_indirect_link',
  'indirect_link_path',
] as const;

describe('build against the reference rules', () => {
  it('publishes exactly the reference links for 40 random webs', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const captures = randomWeb(seed);
      const store = await createDuckDBStore({ path: ':memory:' });
      try {
        const src = await store.openSource('s', 'f');
        await store.appendBatch(src, { captures, errors: [], recordsDone: captures.length });
        await store.build();
        const got: Record<string, unknown>[] = [];
        await store.exportLinks('ndjson', null, (line) => {
          const row = JSON.parse(line) as Record<string, unknown>;
          got.push(Object.fromEntries(FIELDS.map((f) => [f, row[f]])));
        });
        expect(got, `seed ${seed}`).toEqual(referenceLinks(captures));
      } finally {
        await store.close();
      }
    }
  });
});
