/**
 * Facts, paths, URLs and titles of page slots, each a pure function of (seed, site, slot): any
 * page can be described without generating the rest of the web, which keeps generation
 * streaming and lets a link check its target's facts cheaply.
 */

import { phrase } from './phrases.js';
import { hash32, Rng } from './prng.js';
import type { PageFacts, Site, WebPlan } from './types.js';
import { LABELS, type Lang, SLUG_WORDS } from './words.js';

const TAG_FACTS = 0x46414354;
const TAG_TITLE = 0x5449544c;
const REF_NAMES = ['newsletter', 'twitter', 'partner', 'homepage', 'rss', 'footer'];

/** Facts of slot `j` of `site`. */
export function pageFacts(plan: WebPlan, site: Site, j: number): PageFacts {
  const r = new Rng(hash32(plan.seed, TAG_FACTS, site.index, j));
  const k = plan.snapshots;
  const core = j < site.core;
  const f: PageFacts = {
    kind: 'page',
    birth: 0,
    death: k,
    target: 0,
    status: 200,
    flakyAt: r.int(k),
    hasHttp: site.httpUpgrade && (j === 0 || r.chance(0.2)),
    hasRef: site.kind !== 'spam' && j >= 1 && r.chance(0.04),
    hasWww: site.wwwDup && (j === 0 || r.chance(0.3)),
    chunked: r.chance(0.1),
    gzip: r.chance(0.1),
    editAt: k > 1 && r.chance(0.1) ? r.range(1, k - 1) : k,
    robots: site.robotsNofollow || r.chance(0.02),
  };
  if (core) return f;
  if (site.showcase && j >= site.pages - 3) return showcaseFacts(site, j, f);
  if (site.showcase && j === site.core) return f;
  if (site.kind !== 'spam') {
    const x = r.next();
    if (x < 0.03) {
      f.kind = 'moved';
      const y = r.next();
      f.status = y < 0.7 ? 301 : y < 0.9 ? 302 : y < 0.95 ? 307 : 308;
    } else if (x < 0.045) f.kind = 'gone';
    else if (x < 0.05) {
      f.kind = 'error';
      f.status = r.chance(0.5) ? 500 : 503;
    } else if (x < 0.06 && k > 1) f.kind = 'flaky';
    else if (x < 0.063) f.kind = 'refresh';
    f.target = r.int(j);
  }
  if (k > 1 && r.chance(0.08)) f.birth = r.range(1, k - 1);
  if (k > 1 && f.kind !== 'gone' && f.birth + 1 <= k - 1 && r.chance(0.05)) {
    f.death = r.range(f.birth + 1, k - 1);
  }
  return f;
}

function showcaseFacts(site: Site, j: number, f: PageFacts): PageFacts {
  const n = site.pages;
  // n-1 -301-> n-2 -302-> core: the 2-hop chain; n-3 refreshes to core.
  if (j === n - 1) return { ...f, kind: 'moved', status: 301, target: n - 2, hasRef: false };
  if (j === n - 2) return { ...f, kind: 'moved', status: 302, target: site.core, hasRef: false };
  return { ...f, kind: 'refresh', target: site.core, hasRef: false };
}

/** Language of slot `j`: bilingual sites write odd article slots in their second language. */
export function slotLang(site: Site, j: number): Lang {
  return site.altLang !== undefined && j >= site.core && (j - site.core) % 2 === 1
    ? site.altLang
    : site.textLang;
}

/** Section index of an article slot (which category lists it). */
export function sectionOf(site: Site, j: number): number {
  return site.sections.length === 0 ? 0 : (j - site.core) % site.sections.length;
}

/** Path of slot `j` (plain ASCII, already in normalised form). */
export function pagePath(plan: WebPlan, site: Site, j: number): string {
  if (j === 0) return '/';
  const ns = site.sections.length;
  if (j <= ns) {
    const s = site.sections[j - 1] as string;
    switch (site.kind) {
      case 'blog':
        return `/category/${s}/`;
      case 'shop':
        return `/collections/${s}`;
      case 'wiki':
        return `/wiki/${s}`;
      case 'forum':
        return `/c/${s}/`;
      default:
        return `/${s}/`;
    }
  }
  if (j < site.core) return ['/about/', '/contact/', '/privacy-policy/'][j - ns - 1] as string;
  const h = hash32(plan.seed, TAG_TITLE, site.index, j);
  const slug = `${SLUG_WORDS[h % SLUG_WORDS.length]}-${SLUG_WORDS[(h >>> 8) % SLUG_WORDS.length]}-${j}`;
  const year = Math.min(2025, site.founded + ((h >>> 16) % 8));
  const prefix = slotLang(site, j) === site.textLang ? '' : `/${site.altLang}`;
  const sec = site.sections[sectionOf(site, j)] ?? 'posts';
  switch (site.kind) {
    case 'blog':
      return `${prefix}/${year}/${String(1 + ((h >>> 20) % 12)).padStart(2, '0')}/${slug}/`;
    case 'shop':
      return `${prefix}/products/${slug}`;
    case 'news':
      return `${prefix}/${sec}/${year}/${slug}.html`;
    case 'wiki':
      return `${prefix}/wiki/${slug.charAt(0).toUpperCase()}${slug.slice(1).replaceAll('-', '_')}`;
    case 'forum':
      return `${prefix}/t/${slug}/${j}`;
    case 'spam':
      return `/${slug}.html`;
    default:
      return `${prefix}/${sec}/${slug}`;
  }
}

/** Canonical (main) URL of slot `j`. */
export function pageUrl(plan: WebPlan, site: Site, j: number): string {
  return site.origin + pagePath(plan, site, j);
}

/** The `?ref=` duplicate of a page (captured as a 200 that declares the main URL canonical). */
export function refUrl(plan: WebPlan, site: Site, j: number): string {
  return `${pageUrl(plan, site, j)}?ref=${REF_NAMES[hash32(plan.seed, site.index, j) % REF_NAMES.length]}`;
}

/** The http:// form of a page of an http->https site (captured as a 301). */
export function httpUrl(plan: WebPlan, site: Site, j: number): string {
  return `http://${site.host}${pagePath(plan, site, j)}`;
}

/** The www. duplicate of a page (captured as a 200 that declares the main URL canonical). */
export function wwwUrl(plan: WebPlan, site: Site, j: number): string {
  return `${site.origin.replace('://', '://www.')}${pagePath(plan, site, j)}`;
}

/** The headline of slot `j` (without the site name). Stable over snapshots. */
export function pageHeadline(plan: WebPlan, site: Site, j: number): string {
  const labels = LABELS[slotLang(site, j)];
  if (j === 0) return site.name;
  const ns = site.sections.length;
  if (j <= ns) return sectionLabel(site.sections[j - 1] as string);
  if (j < site.core) return [labels.about, labels.contact, labels.privacy][j - ns - 1] as string;
  const r = new Rng(hash32(plan.seed, TAG_TITLE, site.index, j));
  return phrase(r, slotLang(site, j), 3, 7, true);
}

/** Display label of a section slug: "new-arrivals" -> "New arrivals". */
export function sectionLabel(slug: string): string {
  const s = slug.replace(/^Portal:/, '').replaceAll('-', ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}
