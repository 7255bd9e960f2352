/**
 * Where links point and how they are written: Zipf-popular targets, internal links, never-
 * captured hosts, link-farm peers; URL variants (http://, ?ref=, www.) of the target; anchor
 * texts and rel attributes with realistic shares.
 */
import { EXTERNAL_HOSTS } from './names.js';
import { httpUrl, pageFacts, pageUrl, refUrl, wwwUrl } from './page-facts.js';
import { phrase } from './phrases.js';
import { pickPopular } from './plan-web.js';
import type { Rng } from './prng.js';
import type { DocLink, SemanticLoc, Site, WebPlan } from './types.js';
import { GENERIC_ANCHORS, type Lang, MONEY_PHRASES, SLUG_WORDS } from './words.js';

/** A chosen link target: its URL and the first snapshot in which linking to it makes sense. */
export interface Target {
  url: string;
  /** Target site index, or -1 for a never-captured external host. */
  site: number;
  slot: number;
  birth: number;
}

let externalTotal = 0;
for (const h of EXTERNAL_HOSTS) externalTotal += h.weight;

/** A page of `site` chosen with a bias to the home page and old (low) slots. */
export function pickSlot(r: Rng, site: Site, homeShare: number): number {
  if (site.pages === 1 || r.chance(homeShare)) return 0;
  return 1 + Math.floor((site.pages - 1) * r.next() ** 2.5);
}

/** Link to slot `slot` of `t`, sometimes through its http://, ?ref= or www. duplicate. */
export function targetPage(plan: WebPlan, r: Rng, t: Site, slot: number): Target {
  if (!t.captured) return { url: pageUrl(plan, t, slot), site: t.index, slot, birth: 0 };
  const f = pageFacts(plan, t, slot);
  let url: string;
  if (f.hasHttp && r.chance(0.4)) url = httpUrl(plan, t, slot);
  else if (f.hasRef && r.chance(0.35)) url = refUrl(plan, t, slot);
  else if (f.hasWww && r.chance(0.4)) url = wwwUrl(plan, t, slot);
  else url = pageUrl(plan, t, slot);
  return { url, site: t.index, slot, birth: f.birth };
}

/** A page of a never-captured external host (social profile, encyclopaedia article …). */
export function externalTarget(r: Rng, brand: string): Target {
  let x = r.next() * externalTotal;
  let host = EXTERNAL_HOSTS[0];
  for (const h of EXTERNAL_HOSTS) {
    x -= h.weight;
    if (x < 0) {
      host = h;
      break;
    }
  }
  const h = host ?? { origin: 'https://twitter.com', prefix: '/' };
  const name = r.chance(0.5) ? brand : `${r.pick(SLUG_WORDS)}${r.pick(SLUG_WORDS)}`;
  return { url: `${h.origin}${h.prefix}${name}`, site: -1, slot: 0, birth: 0 };
}

/** Target of a contextual link from `src` slot `from`: internal, popular, external or spam. */
export function contextualTarget(plan: WebPlan, r: Rng, src: Site, from: number): Target {
  const x = r.next();
  if (x < 0.3 && src.pages > 1) {
    let slot = Math.floor(src.pages * r.next() ** 1.6);
    if (slot === from) slot = from === 0 ? 1 : 0;
    return targetPage(plan, r, src, slot);
  }
  if (x < 0.36) return externalTarget(r, src.brand);
  if (x < 0.365 && plan.clusters.length > 0)
    return spamTarget(plan, r, r.int(plan.clusters.length));
  const t = plan.sites[pickPopular(plan, r.next())] as Site;
  if (t.index === src.index) return targetPage(plan, r, src, 0);
  return targetPage(plan, r, t, pickSlot(r, t, 0.4));
}

/** A page of a member of spam cluster `cluster`. */
export function spamTarget(plan: WebPlan, r: Rng, cluster: number): Target {
  const members = plan.clusters[cluster] as number[];
  const t = plan.sites[r.pick(members)] as Site;
  return targetPage(plan, r, t, pickSlot(r, t, 0.3));
}

/** Anchor text for a contextual link to `t`, in the source page's language. */
export function anchorFor(plan: WebPlan, r: Rng, lang: Lang, t: Target): string {
  const x = r.next();
  if (x < 0.22 && t.site >= 0) return (plan.sites[t.site] as Site).name;
  if (x < 0.3) return t.url.replace(/^https?:\/\//, '').replace(/\/$/, '');
  if (x < 0.42) return lang === 'en' ? r.pick(GENERIC_ANCHORS) : phrase(r, lang, 1, 2);
  if (x < 0.47 && lang === 'en') return r.pick(MONEY_PHRASES);
  return phrase(r, lang, 2, 5);
}

/**
 * A rel attribute as a normal site writes it on a contextual link ("" = none). Contextual
 * nofollow is ~23% so that about 10% of all anchors (nav and footer included) are nofollow.
 */
export function relFor(r: Rng): { relAttr: string; blank: boolean } {
  const x = r.next();
  if (x < 0.2) return { relAttr: 'nofollow', blank: false };
  if (x < 0.23) return { relAttr: 'nofollow noopener', blank: true };
  if (x < 0.25) return { relAttr: 'sponsored', blank: false };
  if (x < 0.26) return { relAttr: 'sponsored nofollow', blank: false };
  if (x < 0.33) return { relAttr: 'noopener noreferrer', blank: true };
  if (x < 0.335) return { relAttr: 'NoFollow', blank: false };
  if (x < 0.338) return { relAttr: 'nofollow  nofollow', blank: false };
  if (x < 0.345) return { relAttr: 'external', blank: false };
  return { relAttr: '', blank: false };
}

const relMemo = new Map<string, string[] | undefined>();

/** rel tokens as an extractor reports them: lower-case, source order, no duplicates. */
export function relTokens(relAttr: string): string[] | undefined {
  if (relAttr === '') return undefined;
  if (relMemo.has(relAttr)) return relMemo.get(relAttr);
  const out: string[] = [];
  for (const t of relAttr.toLowerCase().split(/\s+/)) if (t !== '' && !out.includes(t)) out.push(t);
  const rel = out.length === 0 ? undefined : out;
  relMemo.set(relAttr, rel);
  return rel;
}

/** An `<a>` link. `href` defaults to the URL itself. */
export function anchorLink(
  url: string,
  anchor: string,
  loc: SemanticLoc,
  relAttr = '',
  href = url,
): DocLink {
  const link: DocLink = { url, href, type: 'anchor', anchor, loc };
  if (relAttr !== '') {
    link.relAttr = relAttr;
    const rel = relTokens(relAttr);
    if (rel !== undefined) link.rel = rel;
  }
  return link;
}
