import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DomainIntersectionItem, IntersectionResult } from '../../src/engine/types.js';
import { runCli } from './run-cli.js';

/** The registrable target domains with the most backlinks in the exported link table. */
function popularDomains(csv: string, n: number): string[] {
  const [head = '', ...rows] = csv.trim().split('\n');
  const col = head.split(',').indexOf('domain_to');
  const counts = new Map<string, number>();
  for (const r of rows) {
    const d = r.split(',')[col] ?? '';
    counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([d]) => d);
}

describe('linkgap gap', () => {
  let dir: string;
  let db: string;
  let targets: string[];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'linkgap-gap-'));
    db = join(dir, 'g.duckdb');
    const web = join(dir, 'web');
    const steps = [
      ['generate', '--out', web, '--pages', '1500', '--seed', '5', '--format', 'ndjson'],
      ['ingest', '--db', db, web],
      ['build', '--db', db],
    ];
    for (const args of steps) {
      const r = await runCli(args);
      expect(r.code, r.stderr).toBe(0);
    }
    const links = await runCli(['export', '--links', '--format', 'csv', '--db', db]);
    targets = popularDomains(links.stdout, 3);
  });

  it('prints every result as CSV when stdout is not a terminal, the same rows as --json', async () => {
    const args = [
      'gap',
      '--db',
      db,
      '--min-matching',
      '1',
      ...targets.flatMap((t) => ['--target', t]),
    ];
    const csv = await runCli(args);
    expect(csv.code, csv.stderr).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^url_from,domain_from,intersections_count,/);
    const json = await runCli([...args, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const r = JSON.parse(json.stdout) as IntersectionResult<unknown>;
    // More than one engine page (1,000 rows) would also be streamed completely.
    expect(r.total_count).toBeGreaterThan(0);
    expect(r.items_count).toBe(r.total_count);
    expect(lines.length - 1).toBe(r.total_count);
  });

  it('answers domain mode with an exclude and keeps it out of every row', async () => {
    const [a = '', b = '', me = ''] = targets;
    const r = await runCli([
      'gap',
      '--db',
      db,
      '--domains',
      '--json',
      '--min-matching',
      '1',
      '--target',
      a,
      '--target',
      b,
      '--exclude',
      me,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const res = JSON.parse(r.stdout) as IntersectionResult<DomainIntersectionItem>;
    expect(res.items.length).toBeGreaterThan(0);
    const plain = await runCli([
      'gap',
      '--db',
      db,
      '--domains',
      '--json',
      '--min-matching',
      '1',
      '--target',
      a,
      '--target',
      b,
    ]);
    const all = JSON.parse(plain.stdout) as IntersectionResult<DomainIntersectionItem>;
    expect(all.total_count).toBeGreaterThan(res.total_count);
    const kept = new Set(res.items.map((i) => Object.values(i.domain_intersection)[0]?.target));
    expect(kept.has(me)).toBe(false);
  });

  it('caps rows with --limit and pages with --offset', async () => {
    const base = [
      'gap',
      '--db',
      db,
      '--domains',
      '--csv',
      '--min-matching',
      '1',
      '--target',
      targets[0] ?? '',
    ];
    const all = (await runCli(base)).stdout.trim().split('\n');
    const page = (await runCli([...base, '--limit', '2', '--offset', '1'])).stdout
      .trim()
      .split('\n');
    expect(page).toEqual([all[0], all[2], all[3]]);
  });

  it('exits 2 naming the flag for bad input, 1 without an index', async () => {
    const bad = await runCli([
      'gap',
      '--db',
      db,
      '--target',
      'a.com',
      '--filter',
      '["1.nope","=",1]',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--filter: unknown filter field '1.nope'");
    const noTarget = await runCli(['gap', '--db', db]);
    expect(noTarget.code).toBe(2);
    const none = await runCli(['gap', '--db', join(dir, 'none.duckdb'), '--target', 'a.com']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('linkgap build');
    expect(none.stderr).not.toMatch(/\n\s+at /);
  });
});
