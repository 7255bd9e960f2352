/**
 * Hosts and domains whose links are infrastructure, not endorsements: fonts, CDNs, analytics,
 * tag managers, social widgets and the namespaces every HTML page points at. Link tool users
 * see them as noise ("why is fonts.googleapis.com my top backlink source?"; peers hide them,
 * spec/moz-and-peers.md §3.3). An entry matches the host itself and every subdomain.
 *
 * To extend: add `{ host, category, reason }` — the registrable domain when the whole domain is
 * technical (gstatic.com), a single host when the domain also serves real pages
 * (fonts.googleapis.com but not google.com). Keep the list sorted by category, then host.
 */

/** What a technical host serves. */
export type TechnicalCategory =
  | 'cdn'
  | 'fonts'
  | 'analytics'
  | 'tag-manager'
  | 'social-widget'
  | 'other';

/** One entry of the list. */
export interface TechnicalHost {
  host: string;
  category: TechnicalCategory;
  /** Why it is noise, or where the host is documented. */
  reason: string;
}

/** The maintained list. */
export const TECHNICAL_HOSTS: readonly TechnicalHost[] = [
  { host: 'ajax.googleapis.com', category: 'cdn', reason: 'Google Hosted Libraries' },
  { host: 'akamaihd.net', category: 'cdn', reason: 'Akamai asset delivery' },
  { host: 'bootstrapcdn.com', category: 'cdn', reason: 'BootstrapCDN (jsDelivr)' },
  { host: 'cdn.jsdelivr.net', category: 'cdn', reason: 'jsDelivr package CDN' },
  { host: 'cdnjs.cloudflare.com', category: 'cdn', reason: 'cdnjs library CDN' },
  { host: 'cloudfront.net', category: 'cdn', reason: 'Amazon CloudFront distribution hosts' },
  { host: 'code.jquery.com', category: 'cdn', reason: 'jQuery CDN' },
  { host: 'gstatic.com', category: 'cdn', reason: 'Google static content (fonts, reCAPTCHA)' },
  { host: 'stackpath.bootstrapcdn.com', category: 'cdn', reason: 'BootstrapCDN' },
  { host: 'unpkg.com', category: 'cdn', reason: 'npm package CDN' },
  { host: 'use.fontawesome.com', category: 'fonts', reason: 'Font Awesome kit CDN' },
  { host: 'use.typekit.net', category: 'fonts', reason: 'Adobe Fonts' },
  { host: 'fonts.googleapis.com', category: 'fonts', reason: 'Google Fonts CSS API' },
  { host: 'fonts.gstatic.com', category: 'fonts', reason: 'Google Fonts files' },
  { host: 'google-analytics.com', category: 'analytics', reason: 'Google Analytics' },
  { host: 'hotjar.com', category: 'analytics', reason: 'Hotjar tracking' },
  { host: 'mc.yandex.ru', category: 'analytics', reason: 'Yandex Metrica' },
  { host: 'stats.wp.com', category: 'analytics', reason: 'Jetpack stats' },
  { host: 'doubleclick.net', category: 'tag-manager', reason: 'Google ad serving tags' },
  { host: 'googletagmanager.com', category: 'tag-manager', reason: 'Google Tag Manager' },
  { host: 'googlesyndication.com', category: 'tag-manager', reason: 'Google AdSense tags' },
  {
    host: 'connect.facebook.net',
    category: 'social-widget',
    reason: 'Meta SDK and pixel',
  },
  { host: 'platform.linkedin.com', category: 'social-widget', reason: 'LinkedIn widgets' },
  { host: 'platform.twitter.com', category: 'social-widget', reason: 'X (Twitter) widgets' },
  { host: 'addthis.com', category: 'social-widget', reason: 'AddThis share buttons' },
  { host: 'sharethis.com', category: 'social-widget', reason: 'ShareThis share buttons' },
  { host: 'gravatar.com', category: 'other', reason: 'avatar images in comments' },
  { host: 'gmpg.org', category: 'other', reason: 'XFN profile link in WordPress themes' },
  { host: 'ogp.me', category: 'other', reason: 'Open Graph namespace (prefix attribute)' },
  { host: 'purl.org', category: 'other', reason: 'Dublin Core and RDF namespaces' },
  { host: 'schema.org', category: 'other', reason: 'structured-data vocabulary URLs' },
  { host: 'w3.org', category: 'other', reason: 'XHTML/SVG namespaces and DTDs' },
  { host: 'wp.me', category: 'other', reason: 'WordPress shortlinks in every post head' },
  { host: 'xmlns.com', category: 'other', reason: 'FOAF namespace' },
];
