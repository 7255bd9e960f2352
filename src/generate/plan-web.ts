/**
 * Plans the synthetic web from the seed: sites with power-law page counts, names under varied
 * public suffixes, languages, software, link popularity (Zipf), link-farm clusters, dark
 * (never captured) sites, and the few showcase features every web must contain.
 */
import {
  brandName,
  displayName,
  IP_FIRST_OCTETS,
  SERVERS,
  SOFTWARE,
  SPAM_TLDS,
  SUFFIXES,
} from './names.js';
import { assignShowcase, sectionsOf } from './plan-features.js';
import { hash32, Rng } from './prng.js';
import type { Site, SiteKind, WebPlan } from './types.js';
import { LANGUAGES, type Lang } from './words.js';

const TAG_PLAN = 0x504c414e;
const KINDS: readonly SiteKind[] = [
  'blog',
  'blog',
  'blog',
  'shop',
  'news',
  'wiki',
  'forum',
  'corporate',
  'corporate',
];
const SPAM_PAGE_SHARE = 0.04;
const DARK_SITE_SHARE = 0.05;
const ZIPF_EXPONENT = 1.0;

/** Inputs of {@link planWeb}. */
export interface PlanInput {
  seed: number;
  pages: number;
  snapshots: number;
}

/** Plan a web of about `pages` page slots. Same input, same plan. */
export function planWeb(input: PlanInput): WebPlan {
  const rng = new Rng(hash32(input.seed, TAG_PLAN, input.pages, input.snapshots));
  const used = new Set<string>();
  const sites: Site[] = [];
  const spamPages = input.pages >= 200 ? Math.round(input.pages * SPAM_PAGE_SHARE) : 0;
  const normalPages = Math.max(1, input.pages - spamPages);
  const cap = Math.max(30, Math.floor(input.pages * 0.05));
  let left = normalPages;
  while (left > 0) {
    const n = Math.min(left, rng.pareto(3, 1.15, cap));
    sites.push(makeSite(rng, sites.length, rng.pick(KINDS), n, used, -1));
    left -= n;
  }
  const normalCount = sites.length;
  const dark = Math.max(3, Math.round(normalCount * DARK_SITE_SHARE));
  for (let i = 0; i < dark; i++) {
    const site = makeSite(rng, sites.length, rng.pick(KINDS), rng.range(3, 40), used, -1);
    site.captured = false;
    sites.push(site);
  }
  const clusters = planSpam(rng, sites, spamPages, used);
  const popSites: number[] = [];
  const score: number[] = [];
  for (const s of sites) {
    if (s.kind === 'spam') continue;
    popSites.push(s.index);
    // Big sites tend to be popular, with a lot of luck (log-normal noise).
    score.push(s.pages ** 0.7 * Math.exp(1.2 * gauss(rng)) * (s.captured ? 1 : 0.3));
  }
  const order = popSites
    .map((_, i) => i)
    .sort((a, b) => (score[b] as number) - (score[a] as number) || a - b);
  const popCdf = new Float64Array(order.length);
  const popOrdered = new Int32Array(order.length);
  let acc = 0;
  order.forEach((i, rank) => {
    acc += 1 / (rank + 1) ** ZIPF_EXPONENT;
    popCdf[rank] = acc;
    popOrdered[rank] = popSites[i] as number;
  });
  const money = clusters.map(() =>
    [1, 2, 3].map(
      () =>
        popOrdered[
          rng.range(Math.min(20, order.length - 1), Math.min(400, order.length - 1))
        ] as number,
    ),
  );
  linkNeighbours(rng, sites, popOrdered);
  assignShowcase(rng, sites);
  const crawl = interleave(rng, sites);
  const slotStart = new Float64Array(crawl.length + 1);
  crawl.forEach((s, i) => {
    slotStart[i + 1] = (slotStart[i] as number) + (sites[s] as Site).pages;
  });
  const snapshotTimes: number[] = [];
  for (let k = 0; k < input.snapshots; k++) snapshotTimes.push(Date.UTC(2026, 3 * k, 15) / 1000);
  return {
    seed: input.seed,
    snapshots: input.snapshots,
    sites,
    crawl,
    slotStart,
    popCdf,
    popSites: popOrdered,
    clusters,
    money,
    snapshotTimes,
    chrome: new Map(),
  };
}

/** Index into `plan.popSites` for a uniform `u` in [0, 1): Zipf-distributed popular sites. */
export function pickPopular(plan: WebPlan, u: number): number {
  const cdf = plan.popCdf;
  const x = u * (cdf[cdf.length - 1] as number);
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cdf[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return plan.popSites[lo] as number;
}

function gauss(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

function uniqueDomain(rng: Rng, tld: string, used: Set<string>): { brand: string; domain: string } {
  for (;;) {
    const brand = brandName(rng);
    const domain = `${brand}.${tld}`;
    if (!used.has(domain)) {
      used.add(domain);
      return { brand, domain };
    }
  }
}

function pickSuffix(rng: Rng): { tld: string; lang: Lang } {
  let total = 0;
  for (const s of SUFFIXES) total += s.weight;
  let x = rng.next() * total;
  for (const s of SUFFIXES) {
    x -= s.weight;
    if (x < 0) return s;
  }
  return SUFFIXES[0] as { tld: string; lang: Lang };
}

function makeIp(rng: Rng): string {
  return `${rng.pick(IP_FIRST_OCTETS)}.${rng.int(256)}.${rng.int(256)}.${rng.range(1, 254)}`;
}

function makeSite(
  rng: Rng,
  index: number,
  kind: SiteKind,
  pages: number,
  used: Set<string>,
  cluster: number,
): Site {
  const spam = kind === 'spam';
  const suffix = spam ? { tld: rng.pick(SPAM_TLDS), lang: 'en' as Lang } : pickSuffix(rng);
  const { brand, domain } = uniqueDomain(rng, suffix.tld, used);
  const textLang: Lang =
    !spam && suffix.lang === 'en' && rng.chance(0.12) ? rng.pick(LANGUAGES) : suffix.lang;
  const sub = spam ? '' : subdomainOf(rng, kind);
  const host = sub + domain;
  const https = spam || rng.chance(0.94);
  const sections = sectionsOf(rng, kind);
  const core = Math.min(pages, 1 + sections.length + 3);
  return {
    index,
    domain,
    host,
    origin: `${https ? 'https' : 'http'}://${host}`,
    kind,
    captured: true,
    pages,
    core,
    sections,
    lang: textLang,
    textLang,
    altLang: undefined,
    charset: 'utf-8',
    software: rng.pick(SOFTWARE[kind] ?? [undefined]),
    ip: makeIp(rng),
    server: rng.pick(SERVERS),
    httpUpgrade: https && !spam && rng.chance(0.15),
    wwwDup: sub === '' && !spam && rng.chance(0.06),
    selfCanonical: rng.chance(spam ? 0.1 : 0.4),
    fonts: rng.chance(0.25),
    robotsNofollow: !spam && rng.chance(0.02),
    brand,
    name: displayName(brand),
    pace: rng.range(4, 9),
    cluster,
    blogroll: [],
    sponsors: [],
    social: [],
    founded: rng.range(2005, 2024),
    showcase: false,
  };
}

function subdomainOf(rng: Rng, kind: SiteKind): string {
  const x = rng.next();
  if (x < 0.3) return 'www.';
  if (x < 0.38 && kind === 'blog') return 'blog.';
  if (x < 0.42 && kind === 'shop') return 'shop.';
  if (x < 0.45 && kind === 'forum') return 'forum.';
  return '';
}

function planSpam(rng: Rng, sites: Site[], spamPages: number, used: Set<string>): number[][] {
  const clusters: number[][] = [];
  let left = spamPages;
  while (left > 0) {
    const id = clusters.length;
    const members: number[] = [];
    const size = rng.range(4, 12);
    // A farm sits on one /24: a classic spam signal.
    const net = makeIp(rng).split('.').slice(0, 3).join('.');
    for (let i = 0; i < size && left > 0; i++) {
      const n = Math.min(left, rng.range(5, 25));
      const site = makeSite(rng, sites.length, 'spam', n, used, id);
      site.ip = `${net}.${10 + members.length}`;
      sites.push(site);
      members.push(site.index);
      left -= n;
    }
    clusters.push(members);
  }
  return clusters;
}

function linkNeighbours(rng: Rng, sites: Site[], pop: Int32Array): void {
  const normal = sites.filter((s) => s.kind !== 'spam').map((s) => s.index);
  for (const s of sites) {
    if (s.kind === 'spam' || !s.captured) continue;
    const rollSize = s.kind === 'blog' ? rng.range(0, 12) : rng.chance(0.25) ? rng.range(1, 6) : 0;
    for (let i = 0; i < rollSize; i++) {
      // Half the blogroll are peers anywhere, half the popular head.
      const t = rng.chance(0.5)
        ? rng.pick(normal)
        : (pop[rng.int(Math.min(50, pop.length))] as number);
      if (t !== s.index && !s.blogroll.includes(t)) s.blogroll.push(t);
    }
    if (rng.chance(0.05)) {
      for (let i = rng.range(1, 3); i > 0; i--) s.sponsors.push(rng.pick(normal));
    }
    for (let i = rng.chance(0.6) ? rng.range(1, 3) : 0; i > 0; i--) {
      const h = rng.int(6);
      if (!s.social.includes(h)) s.social.push(h);
    }
  }
}

function interleave(rng: Rng, sites: Site[]): number[] {
  const crawl = sites.filter((s) => s.captured).map((s) => s.index);
  // Fisher-Yates with the plan's generator: crawl order mixes kinds, sizes and farms.
  for (let i = crawl.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = crawl[i] as number;
    crawl[i] = crawl[j] as number;
    crawl[j] = t;
  }
  return crawl;
}
