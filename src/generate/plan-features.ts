/**
 * Site features a realistic web must show at every size: a windows-1251 site, sites without a
 * lang attribute, bilingual sites with hreflang alternates, the showcase site (2-hop redirect
 * chain, meta refresh), and at least one http->https and one www-duplicate site.
 */
import type { Rng } from './prng.js';
import type { Site, SiteKind } from './types.js';

const SECTIONS: Record<SiteKind, readonly string[]> = {
  blog: ['travel', 'food', 'tech', 'lifestyle', 'reviews', 'guides', 'photography'],
  shop: ['new-arrivals', 'sale', 'men', 'women', 'accessories', 'gifts'],
  news: ['politics', 'business', 'sport', 'culture', 'science', 'world'],
  wiki: ['Portal:History', 'Portal:Science', 'Portal:Geography', 'Portal:Arts'],
  forum: ['general', 'help', 'announcements', 'off-topic'],
  corporate: ['services', 'products', 'team', 'careers'],
  spam: ['offers', 'reviews', 'top-10'],
};

/** Section slugs of a new site of this kind (2-4 of them, 1-2 for spam). */
export function sectionsOf(rng: Rng, kind: SiteKind): string[] {
  const pool = SECTIONS[kind].slice();
  const n = kind === 'spam' ? rng.range(1, 2) : rng.range(2, 4);
  const out: string[] = [];
  while (out.length < n && pool.length > 0)
    out.push(pool.splice(rng.int(pool.length), 1)[0] as string);
  return out;
}

/** Mark the feature sites on a freshly planned list of sites (mutates `sites`). */
export function assignShowcase(rng: Rng, sites: Site[]): void {
  const normal = sites.filter((s) => s.captured && s.kind !== 'spam');
  const taken = new Set<number>();
  const take = (pred: (s: Site) => boolean): Site | undefined => {
    const hit = normal.find((s) => !taken.has(s.index) && pred(s));
    if (hit !== undefined) taken.add(hit.index);
    return hit;
  };
  const showcase =
    take((s) => s.pages >= s.core + 5 && s.origin.startsWith('https:')) ??
    take((s) => s.pages >= s.core + 5);
  if (showcase !== undefined) showcase.showcase = true;
  const cyrillic =
    take((s) => s.textLang === 'ru' && s.pages >= 3 && s.altLang === undefined) ??
    take((s) => s.pages >= 3);
  if (cyrillic !== undefined) {
    cyrillic.textLang = 'ru';
    cyrillic.lang = 'ru';
    cyrillic.charset = 'windows-1251';
  }
  for (let i = 0; i < 2; i++) {
    const s = take((x) => x.pages >= 2);
    if (s !== undefined) s.lang = undefined;
  }
  let bilingual = 0;
  for (const s of normal) {
    if (taken.has(s.index) || s.pages < 8 || s.lang === undefined) continue;
    if (bilingual === 0 || rng.chance(0.03)) {
      s.altLang = s.textLang === 'en' ? rng.pick(['de', 'fr', 'es'] as const) : 'en';
      taken.add(s.index);
      bilingual++;
    }
  }
  const https = normal.filter((s) => s.origin.startsWith('https:'));
  if (!https.some((s) => s.httpUpgrade)) {
    const s = https.find((x) => !x.showcase);
    if (s !== undefined) s.httpUpgrade = true;
  }
  if (!normal.some((s) => s.wwwDup)) {
    const s = normal.find((x) => x.host === x.domain && x.pages >= 2);
    if (s !== undefined) s.wwwDup = true;
  }
}
