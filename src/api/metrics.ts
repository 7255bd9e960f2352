/**
 * `GET /metrics` in Prometheus' text format (prom-client, one registry per app): requests and
 * their latencies by route, method and status; the served index generation and its counts
 * (links, pages, domains, and what ingest stored: captures and inputs); process metrics (RSS,
 * heap, event-loop lag) for soak monitoring. Routes are labelled by their pattern, never by the
 * raw path, so a client cannot grow the series without bound.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Engine } from '../engine/types.js';

/** The metrics of one app. */
export interface ApiMetrics {
  /** Record one answered request. */
  observe(route: string, method: string, status: number, seconds: number): void;
  /** The exposition text. */
  render(): Promise<string>;
  readonly contentType: string;
}

/**
 * The process metrics, collected once per process: each collection keeps an event-loop delay
 * monitor and a GC observer alive for good, so one per app would pile up where apps are many.
 */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (processRegistry === undefined) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: 'linkgap_' });
  }
  return processRegistry;
}

/** Metrics over `engine` (read at each scrape, so a new generation shows at once). */
export function createApiMetrics(engine: Pick<Engine, 'info' | 'facts'>): ApiMetrics {
  const registry = new Registry();
  const labelNames = ['route', 'method', 'status'] as const;
  const requests = new Counter({
    name: 'linkgap_http_requests_total',
    help: 'HTTP requests answered, by route pattern, method and status.',
    labelNames,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'linkgap_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route pattern, method and status.',
    labelNames,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'linkgap_index_generation_info',
    help: 'The index generation being served (value 1).',
    labelNames: ['generation'],
    registers: [registry],
    collect() {
      this.reset();
      this.set({ generation: engine.info().generation }, 1);
    },
  });
  new Gauge({
    name: 'linkgap_index_built_timestamp_seconds',
    help: 'When the served generation was built (Unix time).',
    registers: [registry],
    collect() {
      const at = Date.parse(engine.info().builtAt);
      if (Number.isFinite(at)) this.set(at / 1000);
    },
  });
  new Gauge({
    name: 'linkgap_index_items',
    help: 'What the served generation holds: links, pages, domains, referring_domains, hosts.',
    labelNames: ['kind'],
    registers: [registry],
    async collect() {
      const f = await engine.facts();
      this.set({ kind: 'links' }, f.links);
      this.set({ kind: 'pages' }, f.pages);
      this.set({ kind: 'domains' }, f.domains);
      this.set({ kind: 'referring_domains' }, f.referringDomains);
      this.set({ kind: 'hosts' }, f.hosts);
    },
  });
  new Gauge({
    name: 'linkgap_ingest_items',
    help: 'What ingest had stored when the served generation was built: captures, inputs.',
    labelNames: ['kind'],
    registers: [registry],
    async collect() {
      const f = await engine.facts();
      if (f.captures !== null) this.set({ kind: 'captures' }, f.captures);
      if (f.sources !== null) this.set({ kind: 'inputs' }, f.sources);
    },
  });
  processMetrics();
  return {
    observe(route, method, status, seconds) {
      const labels = { route, method, status: String(status) };
      requests.inc(labels);
      latency.observe(labels, seconds);
    },
    render: async () => `${await registry.metrics()}\n${await processMetrics().metrics()}`,
    contentType: registry.contentType,
  };
}
