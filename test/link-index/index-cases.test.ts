/**
 * Minimal hand-made cases where the link index once disagreed with the reference (found by the
 * differential test), each with its hand-computed answer: the index and the reference must both
 * give it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Capture } from '../../src/core/types.js';
import { openEngine } from '../../src/engine/index.js';
import type { DomainIntersectionItem, Engine, IntersectionResult } from '../../src/engine/types.js';
import { createInputReaders, ingest } from '../../src/ingest/index.js';
import { indexRootFor, writeLinkIndex } from '../../src/link-index/index.js';
import { createDuckDBStore } from '../../src/store/index.js';
import { makeQuery } from '../reference/fixture-rows.js';
import { referenceIntersect } from '../reference/intersect.js';
import { loadReferenceData } from '../reference/load-reference-data.js';
import type { ReferenceData } from '../reference/reference-data.js';

const AT = '2026-03-01T00:00:00Z';

function page(url: string, ip: string, to: string[]): Capture {
  return {
    url,
    fetched_at: AT,
    status: 200,
    ip,
    links: to.map((u) => ({ url: u, item_type: 'anchor', anchor: 'x' })),
  };
}

/** Two spellings of one IPv6 address (and so one /64) on one referring domain. */
const CAPTURES: Capture[] = [
  page('https://r.com/a', '2001:db8::1', ['https://t.com/']),
  page('https://r.com/b', '2001:0db8:0:0:0:0:0:1', ['https://t.com/']),
  page('https://r.com/c', '2001:DB8:0:0:1::', ['https://t.com/']),
];

describe('link index: minimal cases', () => {
  let dir = '';
  let engine: Engine | undefined;
  let data: ReferenceData;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'linkgap-index-cases-'));
    const input = join(dir, 'captures.ndjson');
    writeFileSync(input, `${CAPTURES.map((c) => JSON.stringify(c)).join('\n')}\n`);
    const dbPath = join(dir, 'links.duckdb');
    const store = await createDuckDBStore({ path: dbPath, threads: 1 });
    const readers = createInputReaders(0);
    try {
      await ingest(store, [input], { readers });
      await store.build();
      await writeLinkIndex(store, indexRootFor(dbPath));
    } finally {
      await readers.close();
      await store.close();
    }
    engine = await openEngine(indexRootFor(dbPath));
    data = await loadReferenceData(dbPath);
  }, 60_000);

  afterAll(async () => {
    await engine?.close();
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('counts IPv6 subnets on the expanded address: 2001:db8:: and 2001:0db8:0:0:: are one', async () => {
    const q = makeQuery(['t.com'], { source: 'domain' });
    const expected = referenceIntersect(data, q) as IntersectionResult<DomainIntersectionItem>;
    const stats = expected.items[0]?.domain_intersection['1'];
    expect(stats?.referring_ips).toBe(3);
    // 2001:db8:0:0 for all three spellings.
    expect(stats?.referring_subnets).toBe(1);
    expect(await engine?.domainIntersection(q)).toEqual(expected);
  });
});
