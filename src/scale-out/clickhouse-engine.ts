/**
 * The `Engine` over one generation in ClickHouse. A query runs in two steps: the compiled SQL
 * (sql/intersect.ts) finds the window's units and the exact total on the cluster, then the
 * window's rows are hydrated into an in-memory link index and the engine's own code builds the
 * returned objects from them, so every front gets the same objects as from the embedded index.
 */
import type { IntersectQuery } from '../core/query/intersect-query.js';
import {
  type DomainIntersectionItem,
  type Engine,
  type Evidence,
  engineFromData,
  type IndexFacts,
  type IndexInfo,
  type IntersectionResult,
  type MozQuery,
  type MozResult,
  type Overlap,
  type PageIntersectionItem,
  type ProspectPage,
  type ProspectSink,
  type ProspectSort,
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
import { compileIntersect, compileMoz, hydrateSql, targetsPredicate } from './sql/intersect.js';

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

/** A feature of the embedded engine the ClickHouse store does not answer yet. */
export class UnsupportedOnStoreError extends Error {
  constructor(feature: string) {
    super(`${feature} is not available on the ClickHouse store; use the embedded index for it`);
    this.name = 'UnsupportedOnStoreError';
  }
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

  async prospects(_q: IntersectQuery, _sort: ProspectSort): Promise<ProspectPage> {
    throw new UnsupportedOnStoreError('the prospect explorer');
  }

  async exportProspects(
    _q: IntersectQuery,
    _sort: ProspectSort,
    _sink: ProspectSink,
  ): Promise<number> {
    throw new UnsupportedOnStoreError('prospect export');
  }

  async overlap(_q: IntersectQuery, _combinations: number): Promise<Overlap> {
    throw new UnsupportedOnStoreError('target overlap');
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
