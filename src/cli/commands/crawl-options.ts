/**
 * Values of `linkgap crawl`'s flags: durations (`30d`, `12h`, `15m`, `90s`, `500ms`), seeds (a
 * URL, or a bare host meaning `https://host/`), and curl-style `--connect-to` rules that send
 * the connections of some origins to another address and port (staging servers, tests).
 */
import type { LookupAddress, LookupOptions } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns';
import { normalizeUrl } from '../../core/url/normalize-url.js';
import { CliError, EXIT } from '../cli-error.js';

const UNITS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** Milliseconds of a duration flag. */
export function parseDuration(flag: string, raw: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/.exec(raw.trim());
  if (m === null) {
    throw new CliError(
      `${flag} must be a duration like 30d, 12h, 15m, 90s or 500ms (got '${raw}')`,
      EXIT.usage,
    );
  }
  return Math.round(Number(m[1]) * (UNITS[m[2] as string] as number));
}

/** A seed as a normalised URL: `a.com` → `https://a.com/`. */
export function parseSeed(raw: string): string {
  const s = raw.trim();
  const url = /^https?:\/\//i.test(s) ? s : `https://${s}/`;
  const n = normalizeUrl(url);
  if (!n.ok) throw new CliError(`not a seed URL or host: '${raw}' (${n.reason})`, EXIT.usage);
  return n.url;
}

/** One `--connect-to HOST1:PORT1:HOST2:PORT2` rule (empty HOST1 or PORT1 = any). */
export interface ConnectRule {
  host: string;
  port: number | null;
  toHost: string;
  toPort: number;
}

/** Parse a `--connect-to` value (IPv6 addresses in brackets). */
export function parseConnectTo(raw: string): ConnectRule {
  const m = /^(\[[^\]]*\]|[^:]*):(\d*):(\[[^\]]+\]|[^:]+):(\d+)$/.exec(raw.trim());
  const bad = () =>
    new CliError(
      `--connect-to must be HOST1:PORT1:HOST2:PORT2 (HOST1 or PORT1 may be empty), got '${raw}'`,
      EXIT.usage,
    );
  if (m === null) throw bad();
  const [, host = '', port = '', toHost = '', toPort = ''] = m;
  const p = port === '' ? null : Number(port);
  const tp = Number(toPort);
  if ((p !== null && (p < 1 || p > 65535)) || tp < 1 || tp > 65535) throw bad();
  return { host: host.toLowerCase(), port: p, toHost: toHost.replace(/^\[|\]$/g, ''), toPort: tp };
}

/** The rule for an origin, or undefined. */
export function ruleFor(rules: readonly ConnectRule[], url: URL): ConnectRule | undefined {
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  const host = url.hostname.toLowerCase();
  return rules.find(
    (r) => (r.host === '' || r.host === host) && (r.port === null || r.port === port),
  );
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** A `dns.lookup` that answers the rules' address for their hosts (DNS otherwise). */
export function connectLookup(rules: readonly ConnectRule[]) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    const rule = rules.find((r) => r.host === '' || r.host === hostname.toLowerCase());
    if (rule === undefined) {
      dnsLookup(hostname, options, callback as never);
      return;
    }
    const family = rule.toHost.includes(':') ? 6 : 4;
    if (options.all === true) callback(null, [{ address: rule.toHost, family }]);
    else callback(null, rule.toHost, family);
  };
}
