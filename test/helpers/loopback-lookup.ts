/**
 * A DNS lookup for tests that resolves every host name to a loopback address, so a crawler's
 * undici Agent (`connect.lookup`) reaches the local test web whatever the URL's host.
 */
import type { LookupAddress, LookupOptions } from 'node:dns';

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** `dns.lookup`-shaped, as `net.connect` calls it (with or without `all`). */
export type LoopbackLookup = (
  hostname: string,
  options: LookupOptions,
  callback: LookupCallback,
) => void;

/**
 * A lookup resolving `hostname` to `ips[hostname]` or else 127.0.0.1, and failing with
 * `ENOTFOUND` (as getaddrinfo does) for the names in `unresolvable`.
 */
export function loopbackLookup(
  ips: Readonly<Record<string, string>> = {},
  unresolvable: readonly string[] = [],
): LoopbackLookup {
  const missing = new Set(unresolvable.map((h) => h.toLowerCase()));
  return (hostname, options, callback) => {
    const name = hostname.toLowerCase();
    queueMicrotask(() => {
      if (missing.has(name)) {
        const err: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
        err.code = 'ENOTFOUND';
        err.syscall = 'getaddrinfo';
        callback(err, '');
        return;
      }
      const address = ips[name] ?? '127.0.0.1';
      if (options.all === true) callback(null, [{ address, family: 4 }]);
      else callback(null, address, 4);
    });
  };
}
