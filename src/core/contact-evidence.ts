/**
 * Contact evidence of a page (`PageSignals.contact`): `mailto:` / `tel:` hrefs, an e-mail
 * address in the visible text, a link to a contact, about or imprint page. Pure: the HTML and WAT
 * readers use it, and the generator to state the truth of its pages.
 */
import type { ContactKind } from './types.js';

/** The contact an href gives when it is a `mailto:` or `tel:` URL (which are not links). */
export function contactOfHref(href: string): 'email' | 'phone' | undefined {
  let i = 0;
  while (i < href.length && href.charCodeAt(i) <= 32) i++;
  const c = href.charCodeAt(i) | 32;
  if (c === 109) {
    // m
    return href.slice(i, i + 7).toLowerCase() === 'mailto:' ? 'email' : undefined;
  }
  if (c === 116) {
    // t
    return href.slice(i, i + 4).toLowerCase() === 'tel:' ? 'phone' : undefined;
  }
  return undefined;
}

const CONTACT_SLUGS = new Set(
  (
    'contact contacts contact-us contactus contact_us kontakt contacto contactos contatti contato ' +
    'contactez-nous nous-contacter kontakty about about-us aboutus about_us impressum imprint ' +
    'ueber-uns uber-uns a-propos chi-siamo sobre-nosotros quienes-somos o-nas'
  ).split(' '),
);
const CONTACT_WORDS = new Set([
  'contact',
  'contacts',
  'contact us',
  'contact me',
  'get in touch',
  'kontakt',
  'contacto',
  'contáctenos',
  'contatti',
  'contato',
  'nous contacter',
  'contactez-nous',
  'about',
  'about us',
  'about me',
  'impressum',
  'imprint',
  'über uns',
  'à propos',
  'chi siamo',
  'sobre nosotros',
  'quiénes somos',
  'o nas',
  'контакты',
  'о нас',
  'お問い合わせ',
]);
const EXTENSION = /\.(?:html?|php|aspx?|jsp)$/;
/** A (length, first letter) key; `| 32` lower-cases Latin and basic Cyrillic capitals. */
function keyOf(length: number, first: number): number {
  return length * 0x10000 + (first | 32);
}
const SLUG_KEYS = new Set([...CONTACT_SLUGS].map((s) => keyOf(s.length, s.charCodeAt(0))));
const WORD_KEYS = new Set([...CONTACT_WORDS].map((s) => keyOf(s.length, s.charCodeAt(0))));

/**
 * Whether a normalised URL is a contact, about or imprint page by its last path segment
 * (`/contact`, `/about-us/`, `/impressum.html`).
 */
export function isContactPath(url: string): boolean {
  let end = url.indexOf('?');
  if (end < 0) end = url.length;
  if (url.charCodeAt(end - 1) === 47) end--;
  // The last segment, and its stem before an extension, in one short backward scan.
  let slash = end - 1;
  let dot = -1;
  for (; slash >= 0; slash--) {
    const c = url.charCodeAt(slash);
    if (c === 47) break;
    if (c === 46 && dot < 0) dot = slash;
    if (end - slash > 48) return false;
  }
  // `//` of the authority: the URL has no path segment.
  if (slash <= 0 || url.charCodeAt(slash - 1) === 47) return false;
  const stem = dot < 0 ? end : dot;
  // Most link targets are ruled out by the length and first letter of their last segment.
  if (!SLUG_KEYS.has(keyOf(stem - slash - 1, url.charCodeAt(slash + 1)))) return false;
  const slug = url.slice(slash + 1, end).toLowerCase();
  return CONTACT_SLUGS.has(dot < 0 ? slug : slug.replace(EXTENSION, ''));
}

/** Whether anchor text (whitespace collapsed) names a contact, about or imprint page. */
export function isContactAnchor(text: string): boolean {
  if (!WORD_KEYS.has(keyOf(text.length, text.charCodeAt(0)))) return false;
  return CONTACT_WORDS.has(text.toLowerCase());
}

function isLocalCode(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    c === 46 ||
    c === 95 ||
    c === 37 ||
    c === 43 ||
    c === 45
  );
}

function isDomainCode(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 45
  );
}

const DOMAIN =
  /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}$/;

/**
 * Whether a text holds an e-mail address (`name@example.com`, ASCII). Linear in the text: each
 * `@` is checked by scanning at most 64 characters back and 253 forward.
 */
export function hasEmailAddress(text: string): boolean {
  let at = text.indexOf('@');
  for (let tries = 0; at >= 0 && tries < 16; tries++) {
    let start = at;
    while (start > 0 && at - start < 64 && isLocalCode(text.charCodeAt(start - 1))) start--;
    let end = at + 1;
    while (end < text.length && end - at <= 253 && isDomainCode(text.charCodeAt(end))) end++;
    // A sentence may end right after the address.
    while (end > at + 1 && text.charCodeAt(end - 1) === 46) end--;
    if (start < at && text.charCodeAt(start) !== 46 && DOMAIN.test(text.slice(at + 1, end))) {
      return true;
    }
    at = text.indexOf('@', at + 1);
  }
  return false;
}

/** Contact kinds in the order of `PageSignals.contact`. */
export const CONTACT_ORDER: readonly ContactKind[] = ['email', 'phone', 'contact_page'];
