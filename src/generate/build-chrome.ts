/**
 * The sitewide parts of a page: `<head>` links (meta refresh, canonical, hreflang alternates,
 * stylesheets, icon), the `<header>` with logo and `<nav>`, the `<aside>` blogroll and sponsors,
 * and the `<footer>` ("Powered by", social profiles, link-farm partner lists).
 */

import type { ItemType } from '../core/types.js';
import { heading, linkItem } from './build-text.js';
import { anchorLink, relTokens } from './link-targets.js';
import { EXTERNAL_HOSTS } from './names.js';
import { pageFacts, pageHeadline, pagePath, pageUrl, slotLang } from './page-facts.js';
import { hasFavicon, showsContact } from './page-signals.js';
import { hash32 } from './prng.js';
import type { Block, DocLink, PageFacts, Region, SemanticLoc, Site, WebPlan } from './types.js';
import { LABELS, MONEY_PHRASES } from './words.js';

const SOCIAL_LABELS = ['Twitter', 'Facebook', 'YouTube', 'GitHub', 'LinkedIn', 'Instagram'];
const TAG_CHROME = 0x4348524d;

function headLink(type: ItemType, url: string, relAttr: string, href = url): DocLink {
  const link: DocLink = { url, href, type, anchor: '', relAttr, loc: '' };
  const rel = relTokens(relAttr);
  if (rel !== undefined) link.rel = rel;
  return link;
}

/** Head links of slot `j` in document order. `canonical` is the URL to declare, if any. */
export function headLinks(
  plan: WebPlan,
  site: Site,
  j: number,
  f: PageFacts,
  base: string,
  canonical: string | undefined,
): DocLink[] {
  const out: DocLink[] = [];
  if (f.kind === 'refresh') {
    const url = pageUrl(plan, site, f.target);
    const link: DocLink = { url, href: url, type: 'meta', anchor: '', loc: '' };
    out.push(link);
  }
  if (canonical !== undefined) out.push(headLink('canonical', canonical, 'canonical'));
  if (site.altLang !== undefined && j >= site.core) {
    const partner = (j - site.core) % 2 === 0 ? j + 1 : j - 1;
    if (partner < site.pages) {
      for (const s of [j, partner].sort((x, y) => x - y)) {
        const link = headLink('alternate', pageUrl(plan, site, s), 'alternate');
        link.hreflang = slotLang(site, s);
        out.push(link);
      }
    }
  }
  const h = hash32(plan.seed, TAG_CHROME, site.index);
  const css =
    site.software?.names.includes('wordpress') === true
      ? `/wp-content/themes/theme-${h % 40}/style.css`
      : `/assets/css/site.css`;
  out.push(headLink('link', base + css, 'stylesheet', css));
  if (site.fonts) {
    const fonts = 'https://fonts.googleapis.com/css2?family=Roboto&display=swap';
    out.push(headLink('link', fonts, 'stylesheet'));
  }
  if (hasFavicon(plan, site)) {
    out.push(headLink('link', `${base}/favicon.ico`, 'icon', '/favicon.ico'));
  }
  return out;
}

/** The header: logo link and the nav of core pages (root-relative hrefs). */
export function headerRegion(plan: WebPlan, site: Site, j: number, base: string): Region {
  const labels = LABELS[slotLang(site, j)];
  const logo = anchorLink(`${base}/`, site.name, 'header', '', '/');
  const nav: Block[] = [];
  // Link farms hide who runs them: no about or contact page in their nav or footer.
  const navEnd = site.kind === 'spam' ? Math.min(site.core, site.sections.length + 1) : site.core;
  for (let s = 0; s < navEnd; s++) {
    const path = pagePath(plan, site, s);
    nav.push(
      linkItem(
        anchorLink(
          base + path,
          s === 0 ? labels.home : pageHeadline(plan, site, s),
          'nav',
          '',
          path,
        ),
      ),
    );
  }
  return {
    tag: 'header',
    blocks: [linkItem(logo, 'div')],
    children: [{ tag: 'nav', blocks: nav }],
  };
}

/** The aside (blogroll, sponsors), or undefined for sites without one. */
export function asideRegion(plan: WebPlan, site: Site, j: number): Region | undefined {
  if (site.blogroll.length === 0 && site.sponsors.length === 0) return undefined;
  const labels = LABELS[slotLang(site, j)];
  const blocks: Block[] = [];
  const nofollowAll = hash32(plan.seed, TAG_CHROME, site.index, 1) % 4 === 0;
  if (site.blogroll.length > 0) {
    blocks.push(heading('h2', labels.blogroll));
    for (const t of site.blogroll) {
      const ts = plan.sites[t] as Site;
      blocks.push(linkItem(siteLink(ts, ts.name, 'aside', nofollowAll ? 'nofollow' : '')));
    }
  }
  if (site.sponsors.length > 0) {
    blocks.push(heading('h2', labels.sponsors));
    for (const t of site.sponsors) {
      const ts = plan.sites[t] as Site;
      blocks.push(linkItem(siteLink(ts, ts.name, 'aside', 'sponsored')));
    }
  }
  return { tag: 'aside', blocks };
}

/** The footer: copyright with "Powered by", core links, social profiles, farm partners. */
export function footerRegion(plan: WebPlan, site: Site, j: number, base: string): Region {
  const labels = LABELS[slotLang(site, j)];
  const h = hash32(plan.seed, TAG_CHROME, site.index, 2);
  const blocks: Block[] = [];
  const sw = site.software;
  const copyright = `© ${site.founded} ${site.name}.`;
  if (sw !== undefined) {
    const link = anchorLink(sw.url, sw.name, 'footer', h % 3 === 0 ? 'nofollow' : '');
    blocks.push({ tag: 'p', parts: [`${copyright} ${labels.poweredBy} `, link, '.'] });
  } else {
    blocks.push({ tag: 'p', parts: [copyright] });
  }
  if (showsContact(site)) {
    const phone = `+1 555 ${String(h % 10000).padStart(4, '0')}`;
    const tel: DocLink = {
      url: '',
      href: `tel:${phone.replaceAll(' ', '')}`,
      type: 'anchor',
      anchor: phone,
      loc: 'footer',
    };
    blocks.push({ tag: 'p', cls: 'contact', parts: [`E-mail: info@${site.domain} - `, tel] });
  }
  for (let s = site.sections.length + 2; s < (site.kind === 'spam' ? 0 : site.core); s++) {
    const path = pagePath(plan, site, s);
    blocks.push(linkItem(anchorLink(base + path, pageHeadline(plan, site, s), 'footer', '', path)));
  }
  const popular = popularSlots(plan, site);
  if (popular.length > 0) {
    blocks.push(heading('h3', labels.popular));
    for (const s of popular) {
      const path = pagePath(plan, site, s);
      blocks.push(
        linkItem(anchorLink(base + path, pageHeadline(plan, site, s), 'footer', '', path)),
      );
    }
  }
  const blank = h % 2 === 0;
  for (const i of site.social) {
    const host = EXTERNAL_HOSTS[i];
    if (host === undefined) continue;
    const link = anchorLink(
      `${host.origin}${host.prefix}${site.brand}`,
      SOCIAL_LABELS[i] ?? host.origin,
      'footer',
      blank ? 'noopener' : '',
    );
    if (blank) link.blank = true;
    blocks.push(linkItem(link));
  }
  if (site.cluster >= 0) {
    blocks.push(heading('h3', labels.partners));
    for (const t of plan.clusters[site.cluster] ?? []) {
      if (t === site.index) continue;
      const ts = plan.sites[t] as Site;
      blocks.push(
        linkItem(
          siteLink(ts, MONEY_PHRASES[(h + t) % MONEY_PHRASES.length] as string, 'footer', ''),
        ),
      );
    }
  }
  return { tag: 'footer', blocks };
}

/** The site's evergreen articles, linked from every footer: live in every snapshot. */
function popularSlots(plan: WebPlan, site: Site): number[] {
  const out: number[] = [];
  const want = Math.min(8, Math.floor((site.pages - site.core) / 3));
  for (let s = site.core; s < site.pages && out.length < want; s++) {
    const f = pageFacts(plan, site, s);
    if (f.kind === 'page' && f.birth === 0 && f.death === plan.snapshots) out.push(s);
  }
  return out;
}

/** A link to the home page of another site of the web. */
function siteLink(to: Site, anchor: string, loc: SemanticLoc, relAttr: string): DocLink {
  const link = anchorLink(`${to.origin}/`, anchor, loc, relAttr);
  link.to = to.index;
  return link;
}
