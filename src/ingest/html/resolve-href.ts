/**
 * Resolving hrefs against a base URL, with a fast path for the common simple shapes that gives
 * exactly what `normalizeUrl` gives (a property test holds the two together) without building a
 * WHATWG URL object per link.
 */
import { normalizeUrl } from '../../core/url/normalize-url.js';

const MAX_URL_LENGTH = 4096;

// From lastIndex to the end, only ASCII characters that the WHATWG URL parser copies unchanged
// into both path and query of an http(s) URL. Anything else (space, quotes, backslash,
// `<>^{}|[]`, controls, non-ASCII) takes the slow path.
const SAFE_REST = /[\w\-.~!$&()*+,;=:@/?%]*$/y;
// A path segment starting with `.` or `%2e` (dot segments get resolved): slow path.
const DOT_SEGMENT = /\/(?:\.|%2e)/i;
// From lastIndex: a host of lower-case ASCII labels whose last label starts with a letter (a
// digit there may make an IPv4 address), then the end, `/` or `?`.
const SIMPLE_HOST = /(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*(?=[/?]|$)/y;

/** A normalised base URL split for fast resolution. */
export interface Base {
  /** The base URL itself (normalised, no fragment). */
  href: string;
  /** `scheme://authority`, what a root-relative href is appended to. */
  origin: string;
  /** The base up to and including the last `/` of its path. */
  directory: string;
  /** The base without its query. */
  withoutQuery: string;
}

/** Prepare a normalised http(s) URL (as `normalizeUrl` returns) as a base. */
export function prepareBase(href: string): Base {
  const pathStart = href.indexOf('/', href.indexOf('//') + 2);
  const query = href.indexOf('?');
  const withoutQuery = query < 0 ? href : href.slice(0, query);
  if (pathStart < 0)
    return { href, origin: withoutQuery, directory: `${withoutQuery}/`, withoutQuery };
  return {
    href,
    origin: href.slice(0, pathStart),
    directory: withoutQuery.slice(0, withoutQuery.lastIndexOf('/') + 1),
    withoutQuery,
  };
}

/**
 * Resolve and normalise `href` against `base`: the same result as `normalizeUrl(href,
 * base.href)` (undefined where that fails), faster for plain absolute, root-relative,
 * path-relative and query-only hrefs. Without a base only absolute hrefs resolve.
 */
export function resolveHref(href: string, base: Base | undefined): string | undefined {
  if (base !== undefined && href.length <= MAX_URL_LENGTH) {
    const fast = fastResolve(href, base);
    if (fast !== undefined) return fast;
  }
  const slow = normalizeUrl(href, base?.href);
  return slow.ok ? slow.url : undefined;
}

function fastResolve(raw: string, base: Base): string | undefined {
  const hash = raw.indexOf('#');
  const href = hash < 0 ? raw : raw.slice(0, hash);
  const first = href.charCodeAt(0);
  let url: string | undefined;
  if (first === 104 /* h */ && (href.startsWith('https://') || href.startsWith('http://'))) {
    url = fastAbsolute(href);
  } else if (first === 47 /* / */) {
    const second = href.charCodeAt(1);
    if (second !== 47 && second !== 92 && isSafeRest(href, 0)) url = base.origin + href;
  } else if (first === 63 /* ? */) {
    if (isSafeRest(href, 0)) url = base.withoutQuery + href;
  } else if (isWordStart(first) && !href.includes(':') && isSafeRest(href, 0)) {
    url = base.directory + href;
  }
  if (url === undefined) return undefined;
  return url.charCodeAt(url.length - 1) === 63 ? url.slice(0, -1) : url;
}

function fastAbsolute(href: string): string | undefined {
  const hostStart = href.charCodeAt(4) === 115 ? 8 : 7;
  SIMPLE_HOST.lastIndex = hostStart;
  if (!SIMPLE_HOST.test(href)) return undefined;
  const hostEnd = SIMPLE_HOST.lastIndex;
  // "xn--" labels need IDNA validation.
  if (hostEnd - hostStart > 253 || href.includes('xn--', hostStart)) return undefined;
  if (hostEnd === href.length) return `${href}/`;
  if (!isSafeRest(href, hostEnd)) return undefined;
  return href.charCodeAt(hostEnd) === 63
    ? `${href.slice(0, hostEnd)}/${href.slice(hostEnd)}`
    : href;
}

function isSafeRest(s: string, from: number): boolean {
  SAFE_REST.lastIndex = from;
  return SAFE_REST.test(s) && !DOT_SEGMENT.test(s);
}

function isWordStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}
