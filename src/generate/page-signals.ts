/**
 * The evidence a page shows beyond its links (`PageSignals`), chosen per site so the demo index
 * has varied spam scores and platform types: OpenGraph tags, head scripts (the software's own,
 * trusted third parties), JSON-LD types by kind of site, contact details; and the truth of it,
 * stated from the document exactly as ingest reads it from the HTML. `text_chars` is not stated:
 * without HTML to write (NDJSON) link-free text is never generated.
 */
import { hasEmailAddress, isContactAnchor, isContactPath } from '../core/contact-evidence.js';
import type { ContactKind, PageSignals } from '../core/types.js';
import { hostOf } from '../core/url/registrable-domain.js';
import { HEAD_SCRIPTS, SCHEMA_TYPES } from './names.js';
import { hash32 } from './prng.js';
import type { PageDoc, Region, Site, WebPlan } from './types.js';

const TAG_SIGNALS = 0x5349474e;

/** Contact evidence bits of a region (memoised for sitewide regions). */
const EMAIL = 1;
const PHONE = 2;
const CONTACT_PAGE = 4;

/** Per-site choices, a pure function of (seed, site). */
function siteHash(plan: WebPlan, site: Site): number {
  return hash32(plan.seed, TAG_SIGNALS, site.index);
}

/** Whether the site's pages carry OpenGraph and Twitter tags (most do; link farms rarely). */
export function hasOpenGraph(plan: WebPlan, site: Site): boolean {
  const h = siteHash(plan, site) % 100;
  return site.kind === 'spam' ? h < 10 : h < 85;
}

/** Whether the site shows an e-mail address and a phone link in its footer. */
export function showsContact(site: Site): boolean {
  return site.kind === 'corporate' || site.kind === 'shop';
}

/** Whether the site declares a favicon (link farms do not). */
export function hasFavicon(plan: WebPlan, site: Site): boolean {
  return site.kind !== 'spam' && (siteHash(plan, site) >>> 8) % 4 !== 0;
}

/** Head scripts of slot `j`: the software's own, then trusted third parties on some sites. */
export function headScripts(plan: WebPlan, site: Site): string[] {
  const out = [...(site.software?.scripts ?? [])];
  if (site.kind === 'spam') return out;
  const h = siteHash(plan, site);
  if ((h >>> 12) % 100 < 45) {
    out.push(`${HEAD_SCRIPTS[(h >>> 20) % HEAD_SCRIPTS.length]}${h % 997}`);
    if ((h >>> 16) % 3 === 0) out.push(`${HEAD_SCRIPTS[((h >>> 20) + 1) % HEAD_SCRIPTS.length]}1`);
  }
  return out;
}

/** schema.org types of slot `j`'s JSON-LD block (none on link farms and on some sites). */
export function schemaTypes(plan: WebPlan, site: Site, j: number): string[] {
  const types = SCHEMA_TYPES[site.kind];
  const h = siteHash(plan, site);
  if (types === undefined || (h >>> 4) % 100 >= 70) return [];
  if (j === 0) return [types.home];
  if (j < site.core) return [];
  return (h >>> 24) % 3 === 0 && types.home !== 'Organization'
    ? [types.article, 'Organization']
    : [types.article];
}

/** The JSON-LD text of a page's types: one node, or an `@graph` of several. */
export function jsonLdText(types: readonly string[], name: string): string {
  if (types.length === 1) {
    return `{"@context":"https://schema.org","@type":"${types[0]}","name":"${name}"}`;
  }
  const nodes = types.map((t) => `{"@type":"${t}","name":"${name}"}`).join(',');
  return `{"@context":"https://schema.org","@graph":[${nodes}]}`;
}

function siteOf(host: string): string {
  return host.startsWith('www.') ? host.slice(4) : host;
}

/**
 * Contact evidence bits of a region. Addresses and phone numbers only ever sit in blocks with a
 * `mailto:` / `tel:` link (links without a URL), so only those blocks' text is looked at; links
 * are checked for a contact page unless `known` already has one.
 */
function regionContact(r: Region, site: string, known: number): number {
  if (r.shared?.contact !== undefined) return r.shared.contact;
  let bits = 0;
  for (const b of r.blocks) {
    for (const p of b.parts) {
      if (typeof p === 'string') continue;
      if (p.url === '') {
        if (p.href.startsWith('mailto:')) bits |= EMAIL;
        else if (p.href.startsWith('tel:')) bits |= PHONE;
        for (const q of b.parts) {
          const text = typeof q === 'string' ? q : q.anchor;
          if (text.includes('@') && hasEmailAddress(text)) bits |= EMAIL;
        }
        continue;
      }
      if (((bits | known) & CONTACT_PAGE) !== 0) continue;
      const anchor = p.type === 'image' ? '' : p.anchor;
      if ((isContactPath(p.url) || isContactAnchor(anchor)) && siteOf(hostOf(p.url)) === site) {
        bits |= CONTACT_PAGE;
      }
    }
  }
  for (const c of r.children ?? []) bits |= regionContact(c, site, known | bits);
  if (r.shared !== undefined) r.shared.contact = bits;
  return bits;
}

/**
 * The signals ingest reads from the page's HTML, but `text_chars`: head hosts of the head links
 * and scripts in document order, the site's software, the JSON-LD types, contact evidence,
 * favicon. `base` is the origin the page is served from.
 */
export function docSignals(doc: PageDoc, site: Site, base: string): PageSignals {
  const hosts: string[] = [];
  const add = (host: string) => {
    if (host !== '' && hosts.length < 50 && !hosts.includes(host)) hosts.push(host);
  };
  let favicon = false;
  for (const l of doc.head) {
    if (l.type === 'meta') continue;
    add(hostOf(l.url));
    if (l.rel?.includes('icon') === true) favicon = true;
  }
  for (const s of doc.scripts) add(hostOf(s.startsWith('/') ? base : s));
  const pageSite = siteOf(hostOf(base));
  // Sitewide regions first (memoised, complete), then the page's own with what they showed.
  let bits = 0;
  for (const r of doc.body) if (r.shared !== undefined) bits |= regionContact(r, pageSite, 0);
  for (const r of doc.body) if (r.shared === undefined) bits |= regionContact(r, pageSite, bits);
  const contact: ContactKind[] = [];
  if (bits & EMAIL) contact.push('email');
  if (bits & PHONE) contact.push('phone');
  if (bits & CONTACT_PAGE) contact.push('contact_page');
  return {
    head_hosts: hosts,
    software: [...(site.software?.names ?? [])],
    schema_types: [...doc.schemaTypes],
    contact,
    favicon,
  };
}
