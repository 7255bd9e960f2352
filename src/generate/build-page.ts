/**
 * Builds the document of one 200 page in one snapshot: head, header/nav, the main content by
 * page type (home with latest posts, category listing, about/contact/privacy, article, meta
 * refresh stub), aside and footer.
 */
import { type ArticleInput, buildArticle } from './build-article.js';
import { asideRegion, footerRegion, headerRegion, headLinks } from './build-chrome.js';
import { heading, linkItem, paragraph } from './build-text.js';
import { anchorLink } from './link-targets.js';
import { pageFacts, pageHeadline, pagePath, sectionOf, slotLang } from './page-facts.js';
import { docSignals, hasOpenGraph, headScripts, schemaTypes } from './page-signals.js';
import { phrase } from './phrases.js';
import { hash32, Rng } from './prng.js';
import type { Block, DocLink, PageDoc, PageFacts, Region, Site, WebPlan } from './types.js';
import { LABELS } from './words.js';

const TAG_PAGE = 0x50414745;

/** Where and how a 200 page is captured: the origin relative links resolve against, canonical. */
export interface PageContext {
  base: string;
  canonical: string | undefined;
  /** False when no HTML will be written (NDJSON, counting): link-free text is skipped. */
  text: boolean;
}

/** The document of slot `j` (facts `f`) of `site` in snapshot `k`. */
export function buildPage(
  plan: WebPlan,
  site: Site,
  j: number,
  k: number,
  f: PageFacts,
  ctx: PageContext,
): PageDoc {
  const pr = new Rng(hash32(plan.seed, TAG_PAGE, site.index, j));
  const lang = slotLang(site, j);
  const headline = pageHeadline(plan, site, j);
  const title =
    j === 0 ? `${site.name} | ${phrase(pr, lang, 2, 5, true)}` : `${headline} | ${site.name}`;
  const doc: PageDoc = {
    title,
    lang: j >= site.core && site.altLang !== undefined ? lang : site.lang,
    charset: site.charset,
    head: headLinks(plan, site, j, f, ctx.base, ctx.canonical),
    og: hasOpenGraph(plan, site),
    scripts: headScripts(plan, site),
    schemaTypes: f.kind === 'refresh' ? [] : schemaTypes(plan, site, j),
    body: [],
    mainFrom: 1,
    mainTo: 1,
  };
  if (pr.chance(0.6)) doc.description = `${phrase(pr, lang, 6, 14, true)}.`;
  if (site.software !== undefined) doc.generator = site.software.generator;
  if (f.robots) doc.robots = pr.chance(0.5) ? 'nofollow' : 'noindex, nofollow';
  const main = mainRegions(plan, site, j, k, f, ctx, pr, headline);
  const variant = (ctx.base === site.origin ? 0 : 3) + (doc.lang === site.lang ? 0 : 6);
  const aside = shared(plan, site, variant + 1, () => asideRegion(plan, site, j));
  doc.body = [shared(plan, site, variant, () => headerRegion(plan, site, j, ctx.base)), ...main];
  doc.mainTo = 1 + main.length;
  if (aside !== undefined) doc.body.push(aside);
  doc.body.push(shared(plan, site, variant + 2, () => footerRegion(plan, site, j, ctx.base)));
  doc.signals = docSignals(doc, site, ctx.base);
  return doc;
}

/** A sitewide region from the plan's memo (built on first use; the memo stays small). */
function shared<T extends Region | undefined>(
  plan: WebPlan,
  site: Site,
  slot: number,
  build: () => T,
): T {
  let memo = plan.chrome.get(site.index);
  if (memo === undefined) {
    if (plan.chrome.size >= 16) plan.chrome.clear();
    memo = [];
    plan.chrome.set(site.index, memo);
  }
  const hit = memo[slot];
  // null marks a region the site does not have (no aside).
  if (hit !== undefined) return (hit ?? undefined) as T;
  const r = build();
  if (r !== undefined) r.shared = {};
  memo[slot] = r ?? null;
  return r;
}

function mainRegions(
  plan: WebPlan,
  site: Site,
  j: number,
  k: number,
  f: PageFacts,
  ctx: PageContext,
  pr: Rng,
  headline: string,
): Region[] {
  const base = ctx.base;
  const a: ArticleInput = {
    plan,
    site,
    slot: j,
    snapshot: k,
    pr,
    version: k >= f.editAt ? 1 : 0,
    base,
    links: 0,
    paragraphs: 1,
    headline,
    text: ctx.text,
  };
  const ns = site.sections.length;
  const lang = slotLang(site, j);
  const spam = site.kind === 'spam';
  if (j === 0) {
    a.links = spam ? pr.range(8, 25) : pr.range(0, 4);
    a.paragraphs = pr.range(1, 2);
    return [listingSection(plan, site, k, -1, 10, base, LABELS[lang].latest), buildArticle(a)];
  }
  if (j <= ns) return [listingSection(plan, site, k, j - 1, 20, base, headline)];
  if (j < site.core) {
    const contact = j === ns + 2;
    a.links = j === ns + 3 ? 0 : pr.range(0, 2);
    a.paragraphs = pr.range(1, 3);
    const extra: Block[] = [];
    if (contact) {
      const mail: DocLink = {
        url: '',
        href: `mailto:info@${site.domain}`,
        type: 'anchor',
        anchor: `info@${site.domain}`,
        loc: 'article',
      };
      extra.push({ tag: 'p', parts: ['E-mail: ', mail] });
    }
    return [buildArticle(a, extra)];
  }
  if (f.kind === 'refresh') {
    const path = pagePath(plan, site, f.target);
    const link = anchorLink(base + path, pageHeadline(plan, site, f.target), 'article', '', path);
    return [{ tag: 'article', blocks: [heading('h1', headline), paragraph(pr, lang, [link])] }];
  }
  a.links = spam ? pr.range(10, 40) : pr.pareto(2, 1.25, 300) - 1;
  a.paragraphs = spam ? pr.range(1, 3) : pr.range(3, 9);
  return [buildArticle(a)];
}

/** A `<section>` listing the newest live articles (of one category, or all when `sec` < 0). */
function listingSection(
  plan: WebPlan,
  site: Site,
  k: number,
  sec: number,
  limit: number,
  base: string,
  title: string,
): Region {
  const blocks: Block[] = [heading(sec < 0 ? 'h2' : 'h1', title)];
  const ns = Math.max(1, site.sections.length);
  const step = sec < 0 ? 1 : ns;
  let s = site.pages - 1;
  if (sec >= 0) while (s >= site.core && sectionOf(site, s) !== sec) s--;
  let scanned = 0;
  for (
    ;
    s >= site.core && blocks.length <= limit && scanned < 4 * limit + 50;
    s -= step, scanned++
  ) {
    const f = pageFacts(plan, site, s);
    if (f.birth > k || k >= f.death || f.kind === 'moved' || f.kind === 'gone') continue;
    const path = pagePath(plan, site, s);
    blocks.push(
      linkItem(anchorLink(base + path, pageHeadline(plan, site, s), 'section', '', path)),
    );
  }
  return { tag: 'section', cls: sec < 0 ? 'latest' : 'listing', blocks };
}
