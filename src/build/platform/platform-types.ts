/**
 * Platform types of a page from its evidence (generator meta, recognised software, schema.org
 * types, og:type, host name, suffix) and of a domain from its pages.
 */
import type { PageSignals } from '../../core/types.js';
import { hostFacts, hostOf } from '../../core/url/registrable-domain.js';
import type { PlatformType } from './platform-rules.js';
import {
  GENERATOR_ALIASES,
  HOST_LABELS,
  HOSTED_DOMAINS,
  OG_TYPES,
  ORGANIZATION_SECOND_LEVEL,
  ORGANIZATION_TLDS,
  PLATFORM_TYPES,
  SCHEMA_TYPES,
  SOFTWARE_TYPES,
} from './platform-rules.js';

/** What a page's platform types are read from. */
export interface PlatformInput {
  /** Normalised absolute URL. */
  url: string;
  meta?: Readonly<Record<string, string>> | null;
  signals?: PageSignals | null;
}

/** The page's platform types in `PLATFORM_TYPES` order; empty when no rule fired. */
export function pagePlatformTypes(input: PlatformInput): PlatformType[] {
  const found = new Set<PlatformType>();
  const add = (types: readonly PlatformType[] | PlatformType | undefined) => {
    if (types === undefined) return;
    for (const t of typeof types === 'string' ? [types] : types) found.add(t);
  };
  const meta = input.meta ?? {};
  for (const name of softwareOfGenerator(meta.generator ?? '')) add(SOFTWARE_TYPES[name]);
  for (const name of input.signals?.software ?? []) {
    add(SOFTWARE_TYPES[name as keyof typeof SOFTWARE_TYPES]);
  }
  for (const t of input.signals?.schema_types ?? []) add(SCHEMA_TYPES[t]);
  add(OG_TYPES[(meta['og:type'] ?? '').trim().toLowerCase()]);

  const host = hostOf(input.url);
  const f = hostFacts(host);
  if (!f.isIp) {
    const label = f.tld === '' ? f.domain : f.domain.slice(0, -f.tld.length - 1);
    add(HOSTED_DOMAINS[f.domain] ?? (label === 'blogspot' ? 'blogs' : undefined));
    const first = host.split('.')[0] ?? '';
    if (host !== f.domain) add(HOST_LABELS[first]);
    if (label.startsWith('wiki')) add('wikis');
    const suffix = f.tld.split('.');
    const last = suffix[suffix.length - 1] ?? '';
    if (ORGANIZATION_TLDS.has(last)) add('organization');
    if (suffix.length >= 2 && ORGANIZATION_SECOND_LEVEL.has(suffix[0] ?? '')) add('organization');
  }
  return PLATFORM_TYPES.filter((t) => found.has(t));
}

const GENERATOR_RE = new RegExp(
  `\\b(${[...Object.keys(SOFTWARE_TYPES), ...Object.keys(GENERATOR_ALIASES)]
    .map((s) => s.replace('.', '\\.'))
    .join('|')})\\b`,
  'g',
);

/** Software names a generator meta value names (`WordPress 6.4` → wordpress). */
export function softwareOfGenerator(generator: string): Array<keyof typeof SOFTWARE_TYPES> {
  const out = new Set<keyof typeof SOFTWARE_TYPES>();
  for (const m of generator.toLowerCase().matchAll(GENERATOR_RE)) {
    const word = m[1] ?? '';
    const name = GENERATOR_ALIASES[word] ?? (word as keyof typeof SOFTWARE_TYPES);
    if (name in SOFTWARE_TYPES) out.add(name);
  }
  return [...out];
}

/**
 * A domain's platform types from its pages' types: every type seen, most frequent first (ties by
 * name); `['unknown']` when it has classified pages but no type fired; null when it has none.
 * @param pages the types of each of the domain's pages with HTML evidence
 */
export function domainPlatformTypes(pages: ReadonlyArray<readonly string[]>): string[] | null {
  if (pages.length === 0) return null;
  const counts = new Map<string, number>();
  for (const types of pages) for (const t of types) counts.set(t, (counts.get(t) ?? 0) + 1);
  if (counts.size === 0) return ['unknown'];
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([t]) => t);
}
