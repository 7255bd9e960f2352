/**
 * An undici connector that remembers each origin's server IP. undici's handlers never see the
 * socket, but the fetcher's Agent keeps one connection per origin (`connections: 1`), so the
 * remote address of the origin's latest socket is the address of every response on it.
 */
import type { Socket } from 'node:net';
import { buildConnector } from 'undici';

/** A connector and what it learnt. */
export interface RememberingConnector {
  /** Pass as the Agent's `connect`. */
  connect: buildConnector.connector;
  /** Remote address of the last socket opened for `origin` (`https://host[:port]`). */
  ipOf(origin: string): string | undefined;
}

/**
 * Wrap undici's own connector (`buildConnector(options)`: lookup, TLS options, connect
 * timeout). `dialPort`, for tests, picks the TCP port to dial for an origin (the Host header and
 * TLS server name stay those of the URL).
 */
export function createRememberingConnector(
  options: buildConnector.BuildOptions,
  dialPort?: (origin: URL) => number,
): RememberingConnector {
  const inner = buildConnector(options);
  const ips = new Map<string, string>();
  const connect: buildConnector.connector = (opts, callback) => {
    const origin = `${opts.protocol}//${opts.host ?? opts.hostname}`;
    const port = dialPort === undefined ? opts.port : String(dialPort(new URL(origin)));
    inner({ ...opts, port }, (err, socket) => {
      if (err === null) {
        const address = (socket as Socket).remoteAddress;
        if (address !== undefined) ips.set(origin, address);
        else ips.delete(origin);
        callback(null, socket);
      } else {
        ips.delete(origin);
        callback(err, null);
      }
    });
  };
  return { connect, ipOf: (origin) => ips.get(origin) };
}
