/**
 * curl's `--connect-to HOST1:PORT1:HOST2:PORT2` for the crawler: requests for HOST1:PORT1 are
 * sent over a connection to HOST2:PORT2 instead, the URL (Host header, TLS server name) left as
 * it is. For tests against a loopback web and for crawling a site's staging address.
 */

/** One rule; an omitted `host`/`port` matches any, an omitted `toPort` keeps the URL's port. */
export interface ConnectToRule {
  host?: string;
  port?: number;
  toHost: string;
  toPort?: number;
}

/** Why a `--connect-to` spec was refused. */
export type ConnectToParse =
  | { ok: true; value: ConnectToRule }
  | { ok: false; code: 'INVALID_CONNECT_TO'; message: string; field: 'connect-to' };

function portOf(s: string): number | undefined | null {
  if (s === '') return undefined;
  const n = Number(s);
  return Number.isInteger(n) && n > 0 && n < 65536 ? n : null;
}

/**
 * Parse `HOST1:PORT1:HOST2:PORT2` (IPv6 addresses in brackets; empty parts are wildcards, as
 * curl has them).
 * @example parseConnectTo(':443:127.0.0.1:8443') // { ok: true, value: { port: 443, toHost: '127.0.0.1', toPort: 8443 } }
 */
export function parseConnectTo(spec: string): ConnectToParse {
  const m = /^(\[[^\]]*\]|[^:]*):(\d*):(\[[^\]]*\]|[^:]+):(\d*)$/.exec(spec.trim());
  const fail = (message: string): ConnectToParse => ({
    ok: false,
    code: 'INVALID_CONNECT_TO',
    message,
    field: 'connect-to',
  });
  if (m === null) return fail(`expected HOST1:PORT1:HOST2:PORT2, got ${JSON.stringify(spec)}`);
  const [, host = '', port = '', toHost = '', toPort = ''] = m;
  const p = portOf(port);
  const tp = portOf(toPort);
  if (p === null || tp === null) return fail(`bad port in ${JSON.stringify(spec)}`);
  const strip = (h: string) => h.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  const value: ConnectToRule = { toHost: strip(toHost) };
  if (host !== '') value.host = strip(host);
  if (p !== undefined) value.port = p;
  if (tp !== undefined) value.toPort = tp;
  return { ok: true, value };
}

/** The first rule for `hostname`:`port` (the URL's, default port filled in), or undefined. */
export function matchConnectTo(
  rules: readonly ConnectToRule[],
  hostname: string,
  port: number,
): ConnectToRule | undefined {
  const name = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return rules.find(
    (r) => (r.host === undefined || r.host === name) && (r.port === undefined || r.port === port),
  );
}
