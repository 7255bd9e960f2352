/**
 * The query benchmark's report: per size and class, warm p50/p95 of each peer in milliseconds,
 * the peers' ratios to linkgap, the scan floor and whether the answers agree; per size, the
 * index load time and RSS and the PostgreSQL load times. Printed as tables and kept as JSON.
 */
import { writeFileSync } from 'node:fs';
import { percentile, printTable } from '../stats.js';
import type { PeerAnswer, PeerTiming } from './answer.js';
import type { PgLoadStats } from './pg-peer.js';

/** Peers in report order. */
export type PeerName = 'linkgap' | 'postgres' | 'duckdb';

/** One class at one size. */
export interface ClassReport {
  size: string;
  id: string;
  label: string;
  /** DESIGN §8's warm p50 target at 20M links, ms. */
  targetMs?: number;
  total: number;
  /** Link ids in the posting lists the query touches. */
  touchedLinks: number;
  floorMs: number;
  peers: Partial<Record<PeerName, { p50Ms: number; p95Ms: number; runs: number }>>;
  /** Differences from linkgap's answer (or from DuckDB's when linkgap did not run). */
  mismatches: string[];
}

/** One size. */
export interface SizeReport {
  size: string;
  links: number;
  index?: {
    writeSeconds: number | null;
    loadSeconds: number;
    rssAfterLoadMB: number;
    maxRssMB: number;
  };
  postgres?: PgLoadStats;
  popular: string[];
  classes: ClassReport[];
}

/** p50/p95 in ms of a timing. */
export function summarise(t: PeerTiming): { p50Ms: number; p95Ms: number; runs: number } {
  return {
    p50Ms: percentile(t.seconds, 50) * 1000,
    p95Ms: percentile(t.seconds, 95) * 1000,
    runs: t.seconds.length,
  };
}

/** The answer every peer is compared with: linkgap's, else DuckDB's, else PostgreSQL's. */
export function referenceAnswer(
  answers: Partial<Record<PeerName, PeerAnswer>>,
): [PeerName, PeerAnswer] | undefined {
  for (const p of ['linkgap', 'duckdb', 'postgres'] as const) {
    const a = answers[p];
    if (a !== undefined) return [p, a];
  }
  return undefined;
}

const ms = (x: number | undefined): string | number => (x === undefined ? '-' : x);
const ratio = (a: number | undefined, b: number | undefined): string | number =>
  a === undefined || b === undefined || b === 0 ? '-' : a / b;

/** Print the tables of every size. */
export function printReport(sizes: SizeReport[]): void {
  for (const s of sizes) {
    console.log(
      `\n${s.size}: ${s.links.toLocaleString('en-US')} links; targets by popularity: ${s.popular.slice(0, 3).join(', ')}, …`,
    );
    if (s.index !== undefined) {
      const w = s.index.writeSeconds === null ? 'cached' : `${s.index.writeSeconds.toFixed(1)} s`;
      console.log(
        `  index: write ${w}, load ${s.index.loadSeconds.toFixed(2)} s, RSS after load ${Math.round(s.index.rssAfterLoadMB)} MB (peak ${Math.round(s.index.maxRssMB)} MB)`,
      );
    }
    if (s.postgres !== undefined) {
      const p = s.postgres;
      console.log(
        p.copySeconds === 0
          ? `  postgres: ${p.rows.toLocaleString('en-US')} rows (loaded earlier)`
          : `  postgres: ${p.rows.toLocaleString('en-US')} rows, COPY ${p.copySeconds.toFixed(1)} s, indexes ${p.indexSeconds.toFixed(1)} s, VACUUM ANALYZE ${p.analyzeSeconds.toFixed(1)} s`,
      );
    }
    printTable(
      s.classes.map((c) => ({
        class: `${c.id}: ${c.label}`,
        total: c.total,
        'linkgap p50 ms': ms(c.peers.linkgap?.p50Ms),
        p95: ms(c.peers.linkgap?.p95Ms),
        'PG p50 ms': ms(c.peers.postgres?.p50Ms),
        'PG p95': ms(c.peers.postgres?.p95Ms),
        'DuckDB p50 ms': ms(c.peers.duckdb?.p50Ms),
        'DuckDB p95': ms(c.peers.duckdb?.p95Ms),
        'PG/linkgap': ratio(c.peers.postgres?.p50Ms, c.peers.linkgap?.p50Ms),
        'DuckDB/linkgap': ratio(c.peers.duckdb?.p50Ms, c.peers.linkgap?.p50Ms),
        'floor ms': c.floorMs,
        'linkgap/floor': ratio(c.peers.linkgap?.p50Ms, c.floorMs),
        'target ms (20M)': c.targetMs ?? '-',
        'touched links': c.touchedLinks,
        agree: c.mismatches.length === 0 ? 'yes' : 'NO',
      })),
    );
    for (const c of s.classes)
      for (const m of c.mismatches) console.log(`  MISMATCH ${c.id}: ${m}`);
  }
}

/** Write the report as JSON. */
export function writeReport(
  file: string,
  sizes: SizeReport[],
  meta: Record<string, unknown>,
): void {
  writeFileSync(file, `${JSON.stringify({ ...meta, sizes }, null, 2)}\n`);
}
