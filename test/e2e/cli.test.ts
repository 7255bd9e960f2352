import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Capture } from '../../src/core/types.js';
import { referenceLinks } from '../reference/link-history.js';
import { ndjson, runCli } from './run-cli.js';

const COMMANDS = ['demo', 'generate', 'ingest', 'build', 'export', 'stats'];

describe('linkgap CLI', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'linkgap-e2e-'));
  });

  it.each(COMMANDS)('prints help for %s and exits 0', async (cmd) => {
    const r = await runCli([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: linkgap ${cmd}`);
    expect(r.stdout).toContain('--db <file>');
  });

  it('exits 2 with a message on a usage error', async () => {
    const r = await runCli(['export', '--db', join(dir, 'x.duckdb')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--captures or --links');
    const bad = await runCli(['generate', '--out', dir, '--pages', 'many']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--pages must be a whole number');
    expect((await runCli(['frobnicate'])).code).toBe(2);
  });

  it('exits 1 naming a missing input, without a stack trace', async () => {
    const r = await runCli([
      'ingest',
      '--db',
      join(dir, 'missing.duckdb'),
      join(dir, 'nope.warc.gz'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nope.warc.gz');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('generate → ingest → build equals the ground truth, and export → ingest → export is byte-identical', async () => {
    const web = join(dir, 'web');
    const db = join(dir, 'web.duckdb');
    const gen = await runCli([
      'generate',
      '--out',
      web,
      '--pages',
      '400',
      '--seed',
      '3',
      '--snapshots',
      '2',
    ]);
    expect(gen.code, gen.stderr).toBe(0);
    const ing = await runCli(['ingest', '--db', db, '--json', `${web}/snapshot-*/*.warc.gz`]);
    expect(ing.code, ing.stderr).toBe(0);
    const summary = JSON.parse(ing.stdout) as { captures: number; errors: number };
    const truth = ndjson<Capture>(await readFile(join(web, 'truth.captures.ndjson'), 'utf8'));
    expect(summary.captures).toBe(truth.length);
    expect(summary.errors).toBe(0);

    const exported = await runCli(['export', '--captures', '--db', db]);
    expect(exported.code, exported.stderr).toBe(0);
    const got = ndjson<Capture>(exported.stdout);
    const key = (c: Capture) => `${c.url} ${c.fetched_at}`;
    const truthBy = new Map(truth.map((c) => [key(c), c]));
    expect(got.length).toBe(truth.length);
    for (const c of got) {
      const t = truthBy.get(key(c));
      expect(t, key(c)).toBeDefined();
      expect({ status: c.status, redirect: c.redirect_location }).toEqual({
        status: t?.status,
        redirect: t?.redirect_location,
      });
      const pick = (l: Capture['links'][number]) => ({
        url: l.url,
        item_type: l.item_type,
        anchor: l.anchor ?? '',
        alt: l.alt,
        rel: l.rel ?? [],
      });
      expect(c.links.map(pick), key(c)).toEqual(t?.links.map(pick));
    }

    const built = await runCli(['build', '--db', db, '--json']);
    expect(built.code, built.stderr).toBe(0);
    const index = (JSON.parse(built.stdout) as { links: number; index: { links: number } }).index;
    expect(index.links).toBe((JSON.parse(built.stdout) as { links: number }).links);
    const current = (await readFile(join(`${db}.index`, 'CURRENT'), 'utf8')).trim();
    expect((await runCli(['stats', '--db', db])).stdout).toContain(`link index: ${current}`);
    const links = await runCli(['export', '--links', '--db', db]);
    const expected = referenceLinks(got);
    const rows = ndjson<Record<string, unknown>>(links.stdout).map((r) =>
      Object.fromEntries(Object.keys(expected[0] ?? {}).map((k) => [k, r[k]])),
    );
    expect(rows).toEqual(expected);
    expect(rows.some((r) => r.is_indirect_link === true)).toBe(true);
    expect(rows.some((r) => r.is_lost === true)).toBe(true);
    expect(rows.some((r) => r.is_new === true)).toBe(true);
    expect(rows.some((r) => r.dofollow === false)).toBe(true);

    const file = join(dir, 'captures.ndjson');
    await writeFile(file, exported.stdout);
    const db2 = join(dir, 'roundtrip.duckdb');
    expect((await runCli(['ingest', '--db', db2, file])).code).toBe(0);
    const again = await runCli(['export', '--captures', '--db', db2]);
    expect(again.stdout === exported.stdout).toBe(true);

    const twice = await runCli(['ingest', '--db', db, '--json', `${web}/snapshot-*/*.warc.gz`]);
    expect(JSON.parse(twice.stdout)).toMatchObject({
      captures: 0,
      alreadyIngested: expect.any(Number),
    });
  });
});
