/**
 * Host facts from the public suffix list (tldts): registrable domain, public suffix, IP hosts.
 */
import { parse } from 'tldts';

/** What the public suffix list says about one host. */
export interface HostFacts {
  host: string;
  /** Registrable domain (`example.co.uk`); the host itself for IPs and hosts without one. */
  domain: string;
  /** Public suffix (`co.uk`, `io`); "" for IP hosts. */
  tld: string;
  isIp: boolean;
}

const cache = new Map<string, HostFacts>();
const CACHE_LIMIT = 100_000;

/**
 * Facts for a lower-case host name (as found in a normalised URL). IPv6 hosts may keep their
 * brackets. Results are memoised: link data repeats hosts heavily.
 */
export function hostFacts(host: string): HostFacts {
  const hit = cache.get(host);
  if (hit !== undefined) return hit;
  const bare = host.startsWith('[') ? host.slice(1, -1) : host;
  const parsed = parse(bare, { allowPrivateDomains: false, extractHostname: false });
  const isIp = parsed.isIp === true;
  const facts: HostFacts = {
    host,
    domain: isIp ? host : (parsed.domain ?? host),
    tld: isIp ? '' : (parsed.publicSuffix ?? ''),
    isIp,
  };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(host, facts);
  return facts;
}

/** Host of a normalised URL ("" when it is not a URL). */
export function hostOf(url: string): string {
  const start = url.indexOf('//');
  if (start < 0) return '';
  let end = url.length;
  for (let i = start + 2; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c === 47 || c === 63 || c === 35) {
      end = i;
      break;
    }
  }
  const authority = url.slice(start + 2, end);
  const at = authority.lastIndexOf('@');
  const hostPort = at >= 0 ? authority.slice(at + 1) : authority;
  if (hostPort.startsWith('[')) return hostPort.slice(0, hostPort.indexOf(']') + 1);
  const colon = hostPort.indexOf(':');
  return colon >= 0 ? hostPort.slice(0, colon) : hostPort;
}
