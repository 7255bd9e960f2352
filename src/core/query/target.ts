/**
 * Target and exclude strings → `TargetSpec` (docs/intersection-semantics.md §Targets): an
 * http(s) URL is a page, an exclude URL ending in `*` a prefix, anything else must be a bare host
 * name (a registrable domain or one of its hosts).
 */
import type { Result } from '../result.js';
import { normalizeUrl } from '../url/normalize-url.js';
import { hostFacts } from '../url/registrable-domain.js';
import type { TargetSpec } from './intersect-query.js';

/** Longest target or exclude string accepted. */
export const MAX_TARGET_LENGTH = 2048;

/** How to read one string. */
export interface ParseTargetOptions {
  /** Accept a trailing `*` (URL prefix): excludes only. */
  allowPrefix: boolean;
  /** Copied to host/domain specs (and, ignored, to page/prefix ones). */
  includeSubdomains: boolean;
}

const URL_START = /^https?:\/\//i;
// Characters that make a string a URL fragment rather than a host name.
const NOT_IN_HOST = /[\s/\\?#@:%*[\]]/;
const HOST_LABEL = /^[a-z0-9_-]{1,63}$/;
const MAX_HOST_LENGTH = 253;

/**
 * Parse a target (`allowPrefix: false`) or exclude (`allowPrefix: true`) string. Surrounding
 * whitespace is ignored. On failure `field` is `''`: the caller names the field.
 * @example parseTarget('https://B.com/x', opts) // page 'https://b.com/x'
 * @example parseTarget('Blog.B.com', opts) // host 'blog.b.com'
 * @example parseTarget('https://b.com/docs/*', { allowPrefix: true, … }) // prefix 'https://b.com/docs/'
 */
export function parseTarget(raw: string, opts: ParseTargetOptions): Result<TargetSpec> {
  const s = raw.trim();
  if (s === '') return fail('empty target');
  if (s.length > MAX_TARGET_LENGTH) return fail(`target longer than ${MAX_TARGET_LENGTH} chars`);
  const spec = (kind: TargetSpec['kind'], value: string): Result<TargetSpec> => ({
    ok: true,
    value: { kind, value, includeSubdomains: opts.includeSubdomains, raw },
  });

  if (URL_START.test(s)) {
    const star = s.indexOf('*');
    if (star >= 0) {
      if (!opts.allowPrefix) return fail(`'*' is only allowed at the end of an exclude: ${s}`);
      if (star !== s.length - 1) return fail(`'*' is only allowed at the end: ${s}`);
      const prefix = normalizePrefix(s.slice(0, -1));
      return prefix === undefined ? fail(`not a valid URL prefix: ${s}`) : spec('prefix', prefix);
    }
    const page = normalizeUrl(s);
    return page.ok ? spec('page', page.url) : fail(`not a valid URL (${page.reason}): ${s}`);
  }

  const host = normalizeHost(s);
  if (host === undefined) return fail(`not an http(s) URL or a host name: ${s}`);
  return spec(hostFacts(host).domain === host ? 'domain' : 'host', host);
}

/** The normalised URL prefix for the part of an exclude before its `*`, if it is a URL. */
function normalizePrefix(before: string): string | undefined {
  const n = normalizeUrl(before);
  if (!n.ok) return undefined;
  // normalizeUrl drops a bare "?", but in a prefix it narrows the match to query strings.
  return before.endsWith('?') && !n.url.endsWith('?') ? `${n.url}?` : n.url;
}

/** Lower-case punycode host name for a bare host string, or undefined. */
function normalizeHost(s: string): string | undefined {
  const bracketed = s.startsWith('[') && s.endsWith(']') && !/[\s/\\?#@%*]/.test(s);
  if (!bracketed && NOT_IN_HOST.test(s)) return undefined;
  let host: string;
  try {
    host = new URL(`http://${s}`).hostname;
  } catch {
    return undefined;
  }
  if (bracketed) return host.startsWith('[') ? host : undefined;
  if (host.length > MAX_HOST_LENGTH) return undefined;
  return host.split('.').every((label) => HOST_LABEL.test(label)) ? host : undefined;
}

function fail(message: string): Result<TargetSpec> {
  return { ok: false, field: '', message };
}
