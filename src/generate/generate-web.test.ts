import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CAPTURE_KEYS, LINK_KEYS } from '../core/capture-json.js';
import type { Capture } from '../core/types.js';
import { normalizeUrl } from '../core/url/normalize-url.js';
import { GenerateError, generateWeb } from './index.js';

const root = mkdtempSync(join(tmpdir(), 'linkgap-gen-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

function readLines(path: string): Capture[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Capture);
}

describe('generateWeb', () => {
  it('writes byte-identical files for the same options, in both formats', async () => {
    for (const format of ['warc', 'ndjson'] as const) {
      const a = join(root, `same-a-${format}`);
      const b = join(root, `same-b-${format}`);
      const sa = await generateWeb({ outDir: a, pages: 300, seed: 5, format });
      const sb = await generateWeb({ outDir: b, pages: 300, seed: 5, format });
      expect(relative(a, sa.truthFile)).toBe(relative(b, sb.truthFile));
      expect(listFiles(a)).toEqual(listFiles(b));
      for (const f of listFiles(a))
        expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f)))).toBe(true);
    }
  });

  it('writes a different web for another seed', async () => {
    const phases: string[] = [];
    let finished = false;
    const a = await generateWeb({
      outDir: join(root, 'seed-1'),
      pages: 300,
      seed: 1,
      format: 'ndjson',
      onProgress: (p) => {
        if (!phases.includes(p.phase)) phases.push(p.phase);
        if (p.phase === 'snapshot-2' && p.done === p.total && p.bytes > 0) finished = true;
      },
    });
    expect(phases).toEqual(['plan', 'snapshot-1', 'snapshot-2']);
    expect(finished).toBe(true);
    const b = await generateWeb({
      outDir: join(root, 'seed-2'),
      pages: 300,
      seed: 2,
      format: 'ndjson',
    });
    expect(readFileSync(a.truthFile).equals(readFileSync(b.truthFile))).toBe(false);
  });

  it('writes the same truth whatever the format', async () => {
    const w = await generateWeb({
      outDir: join(root, 'fmt-w'),
      pages: 400,
      seed: 9,
      format: 'warc',
    });
    const n = await generateWeb({
      outDir: join(root, 'fmt-n'),
      pages: 400,
      seed: 9,
      format: 'ndjson',
    });
    expect(readFileSync(w.truthFile).equals(readFileSync(n.truthFile))).toBe(true);
    expect(w.links).toBe(n.links);
  });

  it('writes captures NDJSON in key order whose links match the truth', async () => {
    const s = await generateWeb({
      outDir: join(root, 'nd'),
      pages: 500,
      seed: 3,
      format: 'ndjson',
    });
    const files = s.files.flatMap((f) => readLines(f));
    const truth = readLines(s.truthFile);
    expect(files.length).toBe(truth.length);
    expect(files.length).toBe(s.captures);
    const order: readonly string[] = CAPTURE_KEYS;
    const linkOrder: readonly string[] = LINK_KEYS;
    let links = 0;
    files.forEach((c, i) => {
      const keys = Object.keys(c);
      expect(keys).toEqual(order.filter((k) => keys.includes(k)));
      const t = truth[i] as Capture;
      expect(t.url).toBe(c.url);
      expect(t.links.map((l) => [l.url, l.item_type, l.anchor, l.alt, l.rel])).toEqual(
        c.links.map((l) => [l.url, l.item_type, l.anchor, l.alt, l.rel]),
      );
      for (const l of c.links) {
        const lk = Object.keys(l);
        expect(lk).toEqual(linkOrder.filter((k) => lk.includes(k)));
        expect(normalizeUrl(l.url)).toEqual({ ok: true, url: l.url });
      }
      links += c.links.length;
    });
    expect(links).toBe(s.links);
    expect(s.snapshots).toEqual(['2026-01-15T00:00:00Z', '2026-04-15T00:00:00Z']);
  });

  it('shows the realism features the later stages rely on', async () => {
    const s = await generateWeb({
      outDir: join(root, 'real'),
      pages: 3000,
      seed: 11,
      format: 'ndjson',
    });
    const truth = readLines(s.truthFile);
    const statuses = new Set(truth.map((c) => c.status));
    for (const st of [200, 301, 302, 404, 500, 503]) expect(statuses.has(st)).toBe(true);
    const links = truth.flatMap((c) => c.links);
    const types = new Set(links.map((l) => l.item_type));
    for (const t of ['anchor', 'image', 'link', 'meta', 'canonical', 'alternate', 'redirect'])
      expect(types.has(t as never)).toBe(true);
    const share = (rel: string): number =>
      links.filter((l) => l.item_type === 'anchor' && l.rel?.includes(rel)).length / links.length;
    expect(share('nofollow')).toBeGreaterThan(0.01);
    expect(share('ugc')).toBeGreaterThan(0);
    expect(share('sponsored')).toBeGreaterThan(0);
    expect(new Set(truth.map((c) => c.lang)).size).toBeGreaterThan(5);
    expect(truth.some((c) => c.encoding === 'windows-1251')).toBe(true);
    expect(truth.some((c) => c.status === 200 && c.lang === undefined)).toBe(true);
    expect(truth.some((c) => c.meta?.robots?.includes('nofollow'))).toBe(true);
    expect(truth.some((c) => c.meta?.generator?.startsWith('WordPress'))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(root, 'real', 'manifest.json'), 'utf8'));
    expect(manifest.topLinkedDomains).toHaveLength(10);
    const top = manifest.topLinkedDomains[0];
    expect(top.referringDomains).toBeGreaterThan(s.sites * 0.2);
    const [first, second, third] = manifest.features.redirectChain as string[];
    const byUrl = new Map(truth.map((c) => [c.url, c]));
    expect(byUrl.get(first as string)?.redirect_location).toBe(second);
    expect(byUrl.get(second as string)?.redirect_location).toBe(third);
    expect(byUrl.get(third as string)?.status).toBe(200);
    // Pages vanish, links churn between the two snapshots.
    const [s1, s2] = [0, 1].map(
      (k) =>
        new Map(
          truth
            .filter((c) => c.fetched_at.startsWith(s.snapshots[k]?.slice(0, 7) ?? ''))
            .map((c) => [c.url, c]),
        ),
    );
    let gained = 0;
    let lost = 0;
    for (const [url, c2] of s2 ?? []) {
      const c1 = s1?.get(url);
      if (c1 === undefined) continue;
      if (c1.status === 200 && c2.status === 404) lost++;
      if (c2.links.length > c1.links.length) gained++;
    }
    expect(lost).toBeGreaterThan(0);
    expect(gained).toBeGreaterThan(0);
    expect([...(s2?.keys() ?? [])].some((u) => !s1?.has(u))).toBe(true);
  });

  it('hits a target link count within 10%', async () => {
    for (const links of [1_000, 5_000, 60_000, 400_000]) {
      const dir = join(root, `size-${links}`);
      await generateWeb({ outDir: dir, links, seed: 4, snapshots: 2, format: 'ndjson' });
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      const got = manifest.lastSnapshotLinks as number;
      expect(Math.abs(got - links) / links).toBeLessThan(0.1);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects invalid options with a coded error', async () => {
    await expect(generateWeb({ outDir: join(root, 'bad'), pages: -1 })).rejects.toBeInstanceOf(
      GenerateError,
    );
    await expect(generateWeb({ outDir: join(root, 'bad'), snapshots: 0 })).rejects.toMatchObject({
      code: 'INVALID_OPTIONS',
      field: 'snapshots',
    });
  });
});
