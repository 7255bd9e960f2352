/**
 * `--store` values naming a ClickHouse store: `clickhouse://[user[:password]@]host[:port][,host[:port]…]/database[?cluster=NAME]`
 * (the HTTP interface; several hosts are the nodes of a cluster, one shard each) and
 * `chdb:DIRECTORY[?module=PATH]` (ClickHouse in-process through the chdb package).
 */
import { DEFAULT_CLUSTER } from './schema.js';

/** One server's HTTP interface. */
export interface HttpNode {
  host: string;
  port: number;
}

/** Where a ClickHouse store lives. */
export type ClickHouseTarget =
  | {
      kind: 'http';
      nodes: HttpNode[];
      database: string;
      cluster: string;
      user: string | null;
      password: string | null;
    }
  | { kind: 'chdb'; path: string; database: string; cluster: string; modulePath: string | null };

export type ParsedClickHouseUrl =
  | { ok: true; target: ClickHouseTarget }
  | { ok: false; error: string };

const IDENT = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252}))$/;
const DEFAULT_HTTP_PORT = 8123;
const MAX_NODES = 256;

/** Whether `text` names a ClickHouse store (rather than a DuckDB file). */
export function isClickHouseUrl(text: string): boolean {
  return text.startsWith('clickhouse://') || text.startsWith('chdb:');
}

function fail(error: string): ParsedClickHouseUrl {
  return { ok: false, error };
}

function decode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

function parseQuery(q: string): Map<string, string> | string {
  const out = new Map<string, string>();
  if (q === '') return out;
  for (const part of q.split('&')) {
    const eq = part.indexOf('=');
    const k = decode(eq < 0 ? part : part.slice(0, eq));
    const v = decode(eq < 0 ? '' : part.slice(eq + 1));
    if (k === null || v === null) return `bad escape in ${part}`;
    out.set(k, v);
  }
  return out;
}

/** Parse a ClickHouse store URL; errors say what is wrong, never echoing a password. */
export function parseClickHouseUrl(text: string): ParsedClickHouseUrl {
  if (text.length > 4096) return fail('store URL is too long');
  const [head = '', query = ''] = splitOnce(text, '?');
  const params = parseQuery(query);
  if (typeof params === 'string') return fail(`store URL query: ${params}`);
  for (const k of params.keys()) {
    if (k !== 'cluster' && k !== 'module' && k !== 'database') {
      return fail(`store URL: unknown parameter ${JSON.stringify(k)} (known: cluster, module)`);
    }
  }
  const cluster = params.get('cluster') ?? DEFAULT_CLUSTER;
  if (!IDENT.test(cluster)) return fail('store URL: cluster must be a name like lg');
  if (head.startsWith('chdb:')) {
    const path = decode(head.slice('chdb:'.length));
    if (path === null || path === '')
      return fail('chdb store needs a directory: chdb:/path/to/dir');
    const database = params.get('database') ?? 'linkgap';
    if (!IDENT.test(database)) return fail('store URL: database must be a name like linkgap');
    return {
      ok: true,
      target: { kind: 'chdb', path, database, cluster, modulePath: params.get('module') ?? null },
    };
  }
  if (!head.startsWith('clickhouse://')) {
    return fail('a ClickHouse store URL starts with clickhouse:// or chdb:');
  }
  if (params.has('module')) return fail('store URL: module is a chdb: parameter');
  const rest = head.slice('clickhouse://'.length);
  const slash = rest.indexOf('/');
  if (slash < 0) return fail('store URL needs a database: clickhouse://host:8123/linkgap');
  const authority = rest.slice(0, slash);
  const database = decode(rest.slice(slash + 1));
  if (database === null || !IDENT.test(database)) {
    return fail('store URL: database must be a name like linkgap');
  }
  let user: string | null = null;
  let password: string | null = null;
  let hosts = authority;
  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    const [u = '', p] = splitOnce(authority.slice(0, at), ':');
    user = decode(u);
    password = p === undefined ? null : decode(p);
    if (user === null || (p !== undefined && password === null)) {
      return fail('store URL: bad escape in the user or password');
    }
    hosts = authority.slice(at + 1);
  }
  const nodes: HttpNode[] = [];
  for (const h of hosts.split(',')) {
    const m = /^(.*?)(?::(\d{1,5}))?$/.exec(h);
    const host = m?.[1] ?? '';
    const port = m?.[2] === undefined ? DEFAULT_HTTP_PORT : Number(m[2]);
    if (!HOST.test(host)) return fail(`store URL: bad host ${JSON.stringify(host)}`);
    if (!(port >= 1 && port <= 65535)) return fail(`store URL: bad port in ${JSON.stringify(h)}`);
    nodes.push({ host: host.replace(/^\[|\]$/g, ''), port });
  }
  if (nodes.length > MAX_NODES) return fail(`store URL: at most ${MAX_NODES} nodes`);
  return { ok: true, target: { kind: 'http', nodes, database, cluster, user, password } };
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}

/** `text` with any password replaced by `***`, for logs and messages. */
export function redactClickHouseUrl(text: string): string {
  return text.replace(/^(clickhouse:\/\/[^:/@]*:)[^@/]*@/, '$1***@');
}
