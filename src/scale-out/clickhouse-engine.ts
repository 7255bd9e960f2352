/**
 * The `Engine` over one generation in ClickHouse. A query runs in two steps: the compiled SQL
 * (sql/intersect.ts) finds the window's units and the exact total on the cluster, then the
 * window's rows are hydrated into an in-memory link index and the engine's own code builds the
 * returned objects from them, so every front gets the same objects as from the embedded index.
 */
import type { IntersectQuery } from '../core/query/intersect-query.js';
import { describeTarget } from '../core/query/target-label.js';
import {
  type DomainIntersectionItem,
  type Engine,
  type Evidence,
  engineFromData,
  formatSeconds,
  type IndexFacts,
  type IndexInfo,
  type IntersectionResult,
  type MozQuery,
  type MozResult,
  type Overlap,
  type PageIntersectionItem,
  type ProspectPage,
  type ProspectRow,
  type ProspectSink,
  type ProspectSort,
  popcount,
  type TargetFreshness,
} from '../engine/index.js';
import { buildMemoryLinkIndex } from '../link-index/index.js';
import {
  type ClickHouseClient,
  ClickHouseError,
  generationTables,
  identifier,
  sqlString,
} from '../store/clickhouse/index.js';
import { type ClickHouseNodes, currentGeneration, isCluster } from './migrate.js';
import { HYDRATED_COLUMNS, RowsColumnSource, type StoredLinkRow } from './rows-source.js';
import { dialectFor } from './sql/dialect.js';
import { compileProspects, freshnessSql, overlapSql } from './sql/explore.js';
import {
  type CompiledIntersect,
  compileIntersect,
  compileMoz,
  hydrateSql,
  targetsPredicate,
} from './sql/intersect.js';

/** What the engine reads: the entry node, the generation's read table and its facts. */
export interface ClickHouseGeneration {
  client: ClickHouseClient;
  /** The Distributed table on a cluster, the local table on one node. */
  table: string;
  info: IndexInfo;
  facts: IndexFacts;
  /** Release the connections (every node's). */
  close(): Promise<void>;
}

/** The engine over the newest generation published on `target` (`linkgap migrate`). */
export async function openClickHouseEngine(
  target: ClickHouseNodes & { close(): Promise<void> },
): Promise<ClickHouseEngine> {
  const entry = target.nodes[0];
  if (entry === undefined) throw new ClickHouseError('no ClickHouse node to query', null);
  const g = await currentGeneration(entry);
  if (g === null) {
    throw new ClickHouseError(
      `no index generation in database ${target.database}: run linkgap migrate --to … first`,
      null,
    );
  }
  const tables = generationTables(g.generation, isCluster(target) ? target.cluster : null);
  return new ClickHouseEngine({
    client: entry,
    table: identifier(tables.read),
    info: g.info,
    facts: g.facts,
    close: () => target.close(),
  });
}

interface FreshnessRow {
  backlinks: number | string;
  live: number | string;
  pages: number | string;
  first: number | string;
  last: number | string;
}

const COLUMNS = HYDRATED_COLUMNS.join(', ');

export class ClickHouseEngine implements Engine {
  readonly #g: ClickHouseGeneration;
  readonly #dialect;

  constructor(generation: ClickHouseGeneration) {
    this.#g = generation;
    this.#dialect = dialectFor(generation.client.version);
  }

  /** The rows of `sql` as an engine over just them. */
  async #hydrate(sql: string, extra: StoredLinkRow[] = []) {
    const { rows } = await this.#g.client.query<StoredLinkRow>(sql);
    const seen = new Set(rows.map((r) => String(r.seq)));
    for (const r of extra) if (!seen.has(String(r.seq))) rows.push(r);
    const data = await buildMemoryLinkIndex(new RowsColumnSource(rows), this.#g.info.generation);
    return engineFromData(data);
  }

  /** Window units and total of an intersection. */
  async #window(q: IntersectQuery) {
    const c = compileIntersect(q, this.#g.table, this.#dialect);
    const [win, count] = await Promise.all([
      this.#g.client.query<{ unit: string }>(c.windowSql, c.settings),
      this.#g.client.query<{ n: number | string }>(c.countSql, c.settings),
    ]);
    const units = win.rows.map((r) => r.unit);
    const total = Number(count.rows[0]?.n ?? 0);
    return { c, units, total };
  }

  async pageIntersection(q: IntersectQuery): Promise<IntersectionResult<PageIntersectionItem>> {
    if (q.source !== 'page') throw new Error('pageIntersection needs query.source = page');
    const { c, units, total } = await this.#window(q);
    const targets = Object.fromEntries(q.targets.map((t) => [t.key, t.raw]));
    if (units.length === 0) return { targets, total_count: total, items_count: 0, items: [] };
    const sub = await this.#hydrate(
      hydrateSql(this.#g.table, HYDRATED_COLUMNS, c.unit, units, c.targetsPredicate),
    );
    const r = await sub.pageIntersection({ ...q, excludes: [], offset: 0, limit: units.length });
    checkWindow(r.items_count, units.length);
    return { ...r, total_count: total };
  }

  async domainIntersection(q: IntersectQuery): Promise<IntersectionResult<DomainIntersectionItem>> {
    if (q.source !== 'domain') throw new Error('domainIntersection needs query.source = domain');
    const { c, units, total } = await this.#window(q);
    const targets = Object.fromEntries(q.targets.map((t) => [t.key, t.raw]));
    if (units.length === 0) return { targets, total_count: total, items_count: 0, items: [] };
    const sub = await this.#hydrate(
      hydrateSql(this.#g.table, HYDRATED_COLUMNS, c.unit, units, c.targetsPredicate),
    );
    const r = await sub.domainIntersection({ ...q, excludes: [], offset: 0, limit: units.length });
    checkWindow(r.items_count, units.length);
    return { ...r, total_count: total };
  }

  async linkIntersect(mq: MozQuery): Promise<MozResult> {
    const c = compileMoz(mq, this.#g.table, this.#dialect);
    const [win, count] = await Promise.all([
      this.#g.client.query<{ unit: string }>(c.windowSql, c.settings),
      this.#g.client.query<{ n: number | string }>(c.countSql, c.settings),
    ]);
    const units = win.rows.map((r) => r.unit);
    const total = Number(count.rows[0]?.n ?? 0);
    if (units.length === 0) return { total, results: [] };
    const sub = await this.#hydrate(
      hydrateSql(this.#g.table, HYDRATED_COLUMNS, c.unit, units, c.targetsPredicate),
    );
    const r = await sub.linkIntersect({
      ...mq,
      query: { ...mq.query, excludes: [] },
      offset: 0,
      limit: units.length,
    });
    checkWindow(r.results.length, units.length);
    return { total, results: r.results };
  }

  async evidence(q: IntersectQuery, prospect: string, limit: number): Promise<Evidence | null> {
    const unit = q.source === 'page' ? 'url_from' : 'domain_from';
    const t = this.#g.table;
    const lit = sqlString(prospect);
    // One row of the unit (or, for a domain, one naming it as a target) makes it known to the
    // hydrated index even when none of its links is targeted, as it is in the whole index.
    const known = [`SELECT ${COLUMNS} FROM ${t} WHERE ${unit} = ${lit} LIMIT 1`];
    if (q.source === 'domain')
      known.push(`SELECT ${COLUMNS} FROM ${t} WHERE domain_to = ${lit} LIMIT 1`);
    const extra = (
      await Promise.all(known.map((s) => this.#g.client.query<StoredLinkRow>(s)))
    ).flatMap((r) => r.rows);
    if (extra.length === 0) return null;
    const sub = await this.#hydrate(
      hydrateSql(t, HYDRATED_COLUMNS, unit, [prospect], targetsPredicate(q)),
      extra,
    );
    return sub.evidence(q, prospect, limit);
  }

  async prospects(q: IntersectQuery, sort: ProspectSort): Promise<ProspectPage> {
    const c = compileProspects(q, sort, q.limit, this.#g.table, this.#dialect);
    const [win, count] = await Promise.all([
      this.#g.client.query<{ unit: string }>(c.windowSql, c.settings),
      this.#g.client.query<{ n: number | string }>(c.countSql, c.settings),
    ]);
    const units = win.rows.map((r) => r.unit);
    const total = Number(count.rows[0]?.n ?? 0);
    return { total, items: await this.#prospectRows(q, sort, c, units) };
  }

  /** The rows of `units` (a contiguous run of the sort order), in that order. */
  async #prospectRows(
    q: IntersectQuery,
    sort: ProspectSort,
    c: CompiledIntersect,
    units: string[],
  ): Promise<ProspectRow[]> {
    if (units.length === 0) return [];
    const sub = await this.#hydrate(
      hydrateSql(this.#g.table, HYDRATED_COLUMNS, c.unit, units, c.targetsPredicate),
    );
    const page = await sub.prospects({ ...q, excludes: [], offset: 0, limit: units.length }, sort);
    checkWindow(page.items.length, units.length);
    return page.items;
  }

  async exportProspects(
    q: IntersectQuery,
    sort: ProspectSort,
    sink: ProspectSink,
    chunk = 1000,
  ): Promise<number> {
    const c = compileProspects(q, sort, null, this.#g.table, this.#dialect);
    const { rows } = await this.#g.client.query<{ unit: string }>(c.windowSql, c.settings);
    const units = rows.map((r) => r.unit);
    await sink.begin(units.length);
    for (let i = 0; i < units.length; i += chunk) {
      await sink.rows(await this.#prospectRows(q, sort, c, units.slice(i, i + chunk)));
    }
    return units.length;
  }

  async overlap(q: IntersectQuery, combinations: number): Promise<Overlap> {
    const n = q.targets.length;
    const [masks, ...fresh] = await Promise.all([
      this.#g.client.query<{ mask: number | string; n: number | string }>(
        overlapSql(q, this.#g.table, this.#dialect),
        { distributed_group_by_no_merge: 1 },
      ),
      ...q.targets.map((t) => this.#g.client.query<FreshnessRow>(freshnessSql(t, this.#g.table))),
    ]);
    const byCount = new Array<number>(n).fill(0);
    const perCompetitor = new Array<number>(n).fill(0);
    const combos: Array<[number, number]> = [];
    for (const r of masks.rows) {
      const m = Number(r.mask);
      const k = Number(r.n);
      const bits = popcount(m);
      byCount[bits - 1] = (byCount[bits - 1] as number) + k;
      for (let t = 0; t < n; t++)
        if (m & (1 << t)) perCompetitor[t] = (perCompetitor[t] as number) + k;
      combos.push([m, k]);
    }
    const top = combos
      .sort((a, b) => b[1] - a[1] || popcount(b[0]) - popcount(a[0]) || a[0] - b[0])
      .slice(0, combinations)
      .map(([mask, prospects]) => ({
        competitors: Array.from({ length: n }, (_, t) => t).filter((t) => mask & (1 << t)),
        prospects,
      }));
    const freshness = q.targets.map((t, i): TargetFreshness => {
      const r = fresh[i]?.rows[0];
      const backlinks = Number(r?.backlinks ?? 0);
      return {
        target: describeTarget(t),
        backlinks,
        liveBacklinks: Number(r?.live ?? 0),
        referringPages: Number(r?.pages ?? 0),
        lastSeen: backlinks === 0 ? null : formatSeconds(Number(r?.last)),
        firstSeen: backlinks === 0 ? null : formatSeconds(Number(r?.first)),
      };
    });
    return { byCount, combinations: top, perCompetitor, freshness };
  }

  async facts(): Promise<IndexFacts> {
    return this.#g.facts;
  }

  info(): IndexInfo {
    return { ...this.#g.info };
  }

  async close(): Promise<void> {
    await this.#g.close();
  }
}

/** The hydrated index must return every unit the SQL chose: anything else is a bug. */
function checkWindow(got: number, want: number): void {
  if (got !== want) {
    throw new ClickHouseError(
      `internal: the hydrated window has ${got} of its ${want} results (SQL and engine disagree)`,
      null,
    );
  }
}
