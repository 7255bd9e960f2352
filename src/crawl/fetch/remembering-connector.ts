/**
 * An undici connector that remembers each origin's server IP. undici's handlers never see the
 * socket, but the fetcher's Agent keeps one connection per origin (`connections: 1`), so the
 * remote address of the origin's latest socket is the address of every response on it.
 */
import type { Socket } from 'node:net';
import { buildConnector } from 'undici';
import { type ConnectToRule, matchConnectTo } from './connect-to.js';

/** A connector and what it learnt. */
export interface RememberingConnector {
  /** Pass as the Agent's `connect`. */
  connect: buildConnector.connector;
  /** Remote address of the last socket opened for `origin` (`https://host[:port]`). */
  ipOf(origin: string): string | undefined;
}

/** Where connections go instead of the URL's host and port. */
export interface ConnectRedirect {
  /** `--connect-to` rules, tried first. */
  connectTo?: readonly ConnectToRule[];
  /** Tests: the TCP port to dial for an origin no rule matched. */
  dialPort?: (origin: URL) => number;
}

/**
 * Wrap undici's own connector (`buildConnector(options)`: lookup, TLS options, connect
 * timeout), dialling elsewhere as `redirect` says; the Host header and the TLS server name stay
 * those of the URL.
 */
export function createRememberingConnector(
  options: buildConnector.BuildOptions,
  redirect: ConnectRedirect = {},
): RememberingConnector {
  const inner = buildConnector(options);
  const ips = new Map<string, string>();
  const connect: buildConnector.connector = (opts, callback) => {
    const origin = `${opts.protocol}//${opts.host ?? opts.hostname}`;
    const urlPort = opts.port === '' ? (opts.protocol === 'https:' ? 443 : 80) : Number(opts.port);
    const rule = matchConnectTo(redirect.connectTo ?? [], opts.hostname, urlPort);
    let { hostname, port } = opts;
    if (rule !== undefined) {
      hostname = rule.toHost;
      port = String(rule.toPort ?? urlPort);
    } else if (redirect.dialPort !== undefined) {
      port = String(redirect.dialPort(new URL(origin)));
    }
    inner({ ...opts, hostname, port }, (err, socket) => {
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
