/**
 * The `<article>` of a page: paragraphs with contextual links (heavy-tailed count), linked
 * images, a resource list for link-heavy pages, related posts, and a comments section with ugc
 * links. Each link has a lifetime in snapshots, so links appear and disappear between crawls.
 */
import { describedItem, heading, linkItem, paragraph } from './build-text.js';
import { escapeText } from './html-escape.js';
import {
  anchorFor,
  anchorLink,
  contextualTarget,
  externalTarget,
  relFor,
  spamTarget,
  type Target,
  targetPage,
} from './link-targets.js';
import { pageHeadline, pageUrl, slotLang } from './page-facts.js';
import { phrase } from './phrases.js';
import { pickPopular } from './plan-web.js';
import { hash32, Rng } from './prng.js';
import type { Block, DocLink, Region, SemanticLoc, Site, WebPlan } from './types.js';
import { LABELS, type Lang, MONEY_PHRASES } from './words.js';

const TAG_TEXT = 0x54455854;
const IN_TEXT = 12;

/** A link with the snapshots in which it is on the page ([from, to)) and its paragraph. */
interface Slot {
  link: DocLink;
  from: number;
  to: number;
  para: number;
}

/** What the article builder needs to know about the page. */
export interface ArticleInput {
  plan: WebPlan;
  site: Site;
  slot: number;
  snapshot: number;
  /** Page generator: stable over snapshots. */
  pr: Rng;
  /** Text version (bumped by an edit). */
  version: number;
  /** Origin that relative hrefs resolve against (the captured host). */
  base: string;
  /** Contextual links: count of slots to draw. */
  links: number;
  paragraphs: number;
  headline: string;
  /** False when only the links matter (no HTML is written): link-free text is skipped. */
  text: boolean;
}

function lifetime(r: Rng, k: number, birth: number): { from: number; to: number } {
  let from = birth;
  if (k > 1 && r.chance(0.08)) from = Math.max(from, r.range(1, k - 1));
  let to = k;
  if (k > 1 && from + 1 <= k - 1 && r.chance(0.06)) to = r.range(from + 1, k - 1);
  return { from, to };
}

function hrefOf(r: Rng, t: Target, site: Site, base: string): { url: string; href: string } {
  if (t.site === site.index && t.url.startsWith(site.origin) && r.chance(0.5)) {
    const path = t.url.slice(site.origin.length);
    return { url: base + path, href: path };
  }
  const x = r.next();
  if (x < 0.01) return { url: t.url, href: `${t.url}#section-${r.range(1, 5)}` };
  if (x < 0.015) {
    const hostStart = t.url.indexOf('//') + 2;
    const hostEnd = t.url.indexOf('/', hostStart);
    return {
      url: t.url,
      href:
        t.url.slice(0, hostStart) +
        t.url.slice(hostStart, hostEnd).toUpperCase() +
        t.url.slice(hostEnd),
    };
  }
  if (x < 0.03 && t.site !== site.index) {
    const url = `${t.url}${t.url.includes('?') ? '&' : '?'}utm_source=${site.brand}&utm_medium=referral`;
    return { url, href: url };
  }
  return { url: t.url, href: t.url };
}

function spamPick(plan: WebPlan, r: Rng, site: Site): Target {
  const x = r.next();
  if (x < 0.55) return spamTarget(plan, r, site.cluster);
  const money = plan.money[site.cluster] ?? [];
  const t = plan.sites[
    x < 0.8 && money.length > 0 ? r.pick(money) : pickPopular(plan, r.next())
  ] as Site;
  return targetPage(plan, r, t, r.chance(0.6) ? 0 : r.int(t.pages));
}

function contextualSlots(a: ArticleInput, lang: Lang): Slot[] {
  const { plan, site, pr } = a;
  const spam = site.kind === 'spam';
  const out: Slot[] = [];
  for (let i = 0; i < a.links; i++) {
    const t = spam ? spamPick(plan, pr, site) : contextualTarget(plan, pr, site, a.slot);
    const { from, to } = lifetime(pr, plan.snapshots, t.birth);
    const { url, href } = hrefOf(pr, t, site, a.base);
    const para = pr.int(a.paragraphs);
    let link: DocLink;
    if (!spam && pr.chance(0.07)) {
      const alt = phrase(pr, lang, 2, 6, true);
      link = {
        url,
        href,
        type: 'image',
        anchor: '',
        alt,
        img: `/images/${hash32(plan.seed, site.index, a.slot, i) % 100000}.jpg`,
        loc: 'article',
      };
    } else if (spam) {
      const y = pr.next();
      const anchor =
        y < 0.7
          ? pr.pick(MONEY_PHRASES)
          : y < 0.85 && t.site >= 0
            ? (plan.sites[t.site] as Site).name
            : phrase(pr, 'en', 2, 4);
      const relAttr = y < 0.6 ? '' : y < 0.9 ? 'sponsored' : 'sponsored nofollow';
      link = anchorLink(url, anchor, 'article', relAttr, href);
    } else {
      const { relAttr, blank } = relFor(pr);
      link = anchorLink(url, anchorFor(plan, pr, lang, t), 'article', relAttr, href);
      if (blank) link.blank = true;
      if (pr.chance(0.02)) styleAnchor(link);
    }
    if (t.site >= 0 && t.site !== site.index) link.to = t.site;
    out.push({ link, from, to, para });
  }
  return out;
}

/** Give an anchor nested markup or a line break; its visible text stays the same. */
function styleAnchor(link: DocLink): void {
  const a = escapeText(link.anchor);
  const sp = a.indexOf(' ');
  if (sp < 0) link.anchorHtml = `<strong>${a}</strong>`;
  else link.anchorHtml = `<em>${a.slice(0, sp)}</em>\n    ${a.slice(sp + 1)}`;
}

/** The article region for snapshot `a.snapshot`. */
export function buildArticle(a: ArticleInput, extra: Block[] = []): Region {
  const { plan, site, snapshot: k } = a;
  const lang = slotLang(site, a.slot);
  const slots = contextualSlots(a, lang);
  // One text stream per paragraph: a link added to one paragraph leaves the others unchanged.
  const textRng = (p: number): Rng =>
    new Rng(hash32(plan.seed, TAG_TEXT, site.index, a.slot, a.version * 4096 + p));
  const blocks: Block[] = [heading('h1', a.headline)];
  const alive = (s: Slot): boolean => s.from <= k && k < s.to;
  const inText = slots.slice(0, IN_TEXT);
  for (let p = 0; p < a.paragraphs; p++) {
    const here = inText.filter((s) => s.para === p && alive(s));
    // Without HTML to write, a paragraph without links carries nothing a capture records.
    if (!a.text && here.length === 0) continue;
    const tr = textRng(p);
    const anchors = here.filter((s) => s.link.type === 'anchor').map((s) => s.link);
    blocks.push(paragraph(tr, lang, anchors));
    for (const s of here) {
      if (s.link.type !== 'image') continue;
      blocks.push({ tag: 'p', cls: 'media', parts: [s.link, ` ${phrase(tr, lang, 2, 6, true)}`] });
    }
  }
  const rest = slots.slice(IN_TEXT).filter(alive);
  if (rest.length > 0) {
    const tr = textRng(4095);
    blocks.push(heading('h2', phrase(tr, lang, 1, 3, true)));
    for (const s of rest) blocks.push(describedItem(tr, lang, s.link));
  }
  blocks.push(...extra);
  const region: Region = { tag: 'article', blocks };
  if (site.kind !== 'spam' && a.slot >= site.core) {
    related(a, lang, blocks);
    const comments = commentSection(a, lang);
    if (comments !== undefined) region.children = [comments];
  }
  return region;
}

function related(a: ArticleInput, lang: Lang, blocks: Block[]): void {
  const { plan, site, pr } = a;
  if (site.pages - site.core < 3 || !pr.chance(0.6)) return;
  const items: Block[] = [];
  for (let i = pr.range(2, 5); i > 0; i--) {
    const j = site.core + pr.int(site.pages - site.core);
    const t = targetPage(plan, pr, site, j);
    if (j === a.slot || t.birth > a.snapshot) continue;
    const path = t.url.startsWith(site.origin) ? t.url.slice(site.origin.length) : '';
    const link =
      path !== ''
        ? anchorLink(a.base + path, pageHeadline(plan, site, j), 'article', '', path)
        : anchorLink(t.url, pageHeadline(plan, site, j), 'article');
    items.push(linkItem(link));
  }
  if (items.length > 0) blocks.push(heading('h3', LABELS[lang].related), ...items);
}

function commentSection(a: ArticleInput, lang: Lang): Region | undefined {
  const { plan, site, pr } = a;
  if (!(site.kind === 'blog' || site.kind === 'news' || site.kind === 'forum') || !pr.chance(0.35))
    return undefined;
  const blocks: Block[] = [heading('h2', LABELS[lang].comments)];
  const k = plan.snapshots;
  for (let c = pr.range(1, 6); c > 0; c--) {
    const from = k > 1 && pr.chance(0.3) ? pr.range(1, k - 1) : 0;
    const author = phrase(pr, lang, 1, 2, true);
    const x = pr.next();
    let target: Target | undefined;
    if (x < 0.35) {
      const t = plan.sites[pickPopular(plan, pr.next())] as Site;
      target = targetPage(plan, pr, t, 0);
    } else if (x < 0.5 && plan.clusters.length > 0)
      target = spamTarget(plan, pr, pr.int(plan.clusters.length));
    else if (x < 0.75)
      target = externalTarget(pr, author.toLowerCase().replace(/[^a-z]/g, '') || 'user');
    const rel = pr.chance(0.7) ? 'ugc nofollow' : pr.chance(0.5) ? 'nofollow ugc' : 'ugc';
    const body = pr.chance(0.2) ? pickPopular(plan, pr.next()) : undefined;
    const loc: SemanticLoc = 'section';
    const authorLink = target === undefined ? undefined : anchorLink(target.url, author, loc, rel);
    if (authorLink !== undefined && target !== undefined && target.site >= 0)
      authorLink.to = target.site;
    const head: Block = {
      tag: 'p',
      cls: 'author',
      parts: authorLink === undefined ? [author] : [authorLink],
    };
    const inner =
      body === undefined
        ? []
        : [
            anchorLink(
              pageUrl(plan, plan.sites[body] as Site, 0),
              phrase(pr, lang, 1, 3),
              loc,
              rel,
            ),
          ];
    if (inner[0] !== undefined) inner[0].to = body;
    // Draw the comment even when it is not posted yet, so later comments do not change.
    const text = paragraph(pr, lang, inner);
    if (from <= a.snapshot) blocks.push(head, text);
  }
  return { tag: 'section', cls: 'comments', blocks };
}
