/**
 * DNS-rebinding protection for `/mcp`: the `Host` header (and `Origin`, when a browser sends
 * one) must name an allowed host — the loopback names and the host the server was configured
 * with. A rebinding page reaches us under its own name and is refused with 403.
 */

/** Host names always allowed (IPv6 in URL form, with brackets). */
export const LOOPBACK_NAMES: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/** Outcome of the check: ok, or the message of the 403. */
export type HostCheck = { ok: true } | { ok: false; message: string };

/**
 * The allowed set: loopback names plus `extra` host names (as given on the command line:
 * `::1` or `[::1]`, any case). Wildcard binds (`0.0.0.0`, `::`) name no host and add nothing.
 */
export function allowedHostSet(extra: readonly string[]): ReadonlySet<string> {
  const out = new Set(LOOPBACK_NAMES);
  for (const raw of extra) {
    const h = hostnameOf(raw.includes(':') && !raw.startsWith('[') ? `[${raw}]` : raw);
    if (h !== null && h !== '0.0.0.0' && h !== '[::]') out.add(h);
  }
  return out;
}

/** The host name of a `Host` header value (`name`, `name:port`, `[v6]:port`), lower-cased. */
function hostnameOf(hostHeader: string): string | null {
  try {
    return new URL(`http://${hostHeader}`).hostname;
  } catch {
    return null;
  }
}

/** Check a request's `Host` and `Origin` headers against `allowed` (ports are not compared). */
export function checkHostAndOrigin(
  allowed: ReadonlySet<string>,
  host: string | undefined,
  origin: string | undefined,
): HostCheck {
  if (host === undefined || host === '') return { ok: false, message: 'Missing Host header' };
  const name = hostnameOf(host);
  if (name === null) return { ok: false, message: `Invalid Host header: ${host}` };
  if (!allowed.has(name)) return { ok: false, message: `Invalid Host: ${name}` };
  if (origin === undefined) return { ok: true };
  let originHost: string;
  try {
    originHost = new URL(origin).hostname;
  } catch {
    return { ok: false, message: `Invalid Origin header: ${origin}` };
  }
  return allowed.has(originHost)
    ? { ok: true }
    : { ok: false, message: `Invalid Origin: ${origin}` };
}
