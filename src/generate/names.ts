/**
 * Naming material for sites: public suffixes with their weight and usual language, brand
 * syllables, site software (generator meta), and the never-captured external hosts that real
 * pages link to (social networks, software vendors, font CDNs).
 */
import type { SoftwareName } from '../core/types.js';
import type { Rng } from './prng.js';
import type { Lang } from './words.js';

/** A public suffix, how often sites use it, and the language its sites usually write in. */
export interface Suffix {
  tld: string;
  weight: number;
  lang: Lang;
}

/** Suffixes of ordinary sites. */
export const SUFFIXES: readonly Suffix[] = [
  { tld: 'com', weight: 40, lang: 'en' },
  { tld: 'org', weight: 8, lang: 'en' },
  { tld: 'net', weight: 7, lang: 'en' },
  { tld: 'co.uk', weight: 5, lang: 'en' },
  { tld: 'io', weight: 4, lang: 'en' },
  { tld: 'com.au', weight: 1, lang: 'en' },
  { tld: 'ca', weight: 1, lang: 'en' },
  { tld: 'de', weight: 7, lang: 'de' },
  { tld: 'ch', weight: 1, lang: 'de' },
  { tld: 'fr', weight: 3, lang: 'fr' },
  { tld: 'es', weight: 3, lang: 'es' },
  { tld: 'ru', weight: 5, lang: 'ru' },
  { tld: 'jp', weight: 1, lang: 'ja' },
  { tld: 'co.jp', weight: 1, lang: 'ja' },
  { tld: 'com.br', weight: 2, lang: 'pt' },
  { tld: 'it', weight: 2, lang: 'it' },
  { tld: 'pl', weight: 2, lang: 'pl' },
  { tld: 'nl', weight: 2, lang: 'nl' },
  { tld: 'eu', weight: 1, lang: 'en' },
  { tld: 'info', weight: 1, lang: 'en' },
];

/** Suffixes favoured by link farms. */
export const SPAM_TLDS: readonly string[] = [
  'xyz',
  'top',
  'click',
  'loan',
  'win',
  'bid',
  'icu',
  'online',
  'site',
  'info',
  'biz',
];

const ONSETS = ['b', 'br', 'c', 'cl', 'd', 'dr', 'f', 'g', 'gr', 'h', 'k', 'l', 'm', 'n', 'p'];
const ONSETS2 = ['pr', 'qu', 'r', 's', 'st', 't', 'tr', 'v', 'w', 'z', 'sh', 'ch', 'fl', 'pl'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'y'];
const CODAS = ['', '', '', 'n', 'r', 'l', 's', 'x', 'm', 'nd', 'st', 'rk'];
const SUFFIX_WORDS = ['', '', '', 'hub', 'lab', 'news', 'shop', 'works', 'press', 'media', 'daily'];

/** A pronounceable lower-case brand name such as "travolia" or "brexmedia". */
export function brandName(rng: Rng): string {
  const all = ONSETS.concat(ONSETS2);
  let name = '';
  const syllables = rng.range(2, 3);
  for (let i = 0; i < syllables; i++) name += rng.pick(all) + rng.pick(VOWELS);
  return name + rng.pick(CODAS) + rng.pick(SUFFIX_WORDS);
}

/** Display form of a brand name: "travolia" -> "Travolia". */
export function displayName(brand: string): string {
  return brand.charAt(0).toUpperCase() + brand.slice(1);
}

/**
 * Site software that announces itself with `<meta name="generator">`, and its home page; `names`
 * is what ingest recognises it as (`PageSignals.software`, vocabulary order) and `scripts` the
 * head scripts that give it away (site-relative paths or absolute URLs).
 */
export interface Software {
  name: string;
  generator: string;
  url: string;
  names: readonly SoftwareName[];
  scripts: readonly string[];
}

const WP_SCRIPT = '/wp-includes/js/jquery/jquery.min.js';

/** Software per kind of site; `undefined` entries are sites without a generator meta. */
export const SOFTWARE: Record<string, readonly (Software | undefined)[]> = {
  blog: [
    {
      name: 'WordPress',
      generator: 'WordPress 6.4.2',
      url: 'https://wordpress.org/',
      names: ['wordpress'],
      scripts: [WP_SCRIPT],
    },
    {
      name: 'WordPress',
      generator: 'WordPress 6.5',
      url: 'https://wordpress.org/',
      names: ['wordpress'],
      scripts: [WP_SCRIPT],
    },
    {
      name: 'Ghost',
      generator: 'Ghost 5.75',
      url: 'https://ghost.org/',
      names: ['ghost'],
      scripts: [],
    },
    {
      name: 'Hugo',
      generator: 'Hugo 0.121.1',
      url: 'https://gohugo.io/',
      names: ['hugo'],
      scripts: [],
    },
    undefined,
  ],
  shop: [
    {
      name: 'Shopify',
      generator: 'Shopify',
      url: 'https://www.shopify.com/',
      names: ['shopify'],
      scripts: ['https://cdn.shopify.com/s/files/1/0562/assets/theme.js'],
    },
    {
      name: 'WooCommerce',
      generator: 'WooCommerce 8.5.1',
      url: 'https://woocommerce.com/',
      names: ['wordpress', 'woocommerce'],
      scripts: [WP_SCRIPT, '/wp-content/plugins/woocommerce/assets/js/frontend/woocommerce.min.js'],
    },
    {
      name: 'Magento',
      generator: 'Magento 2',
      url: 'https://magento.com/',
      names: ['magento'],
      scripts: ['/static/frontend/Magento/luma/en_US/requirejs/require.js'],
    },
  ],
  wiki: [
    {
      name: 'MediaWiki',
      generator: 'MediaWiki 1.41.0',
      url: 'https://www.mediawiki.org/',
      names: ['mediawiki'],
      scripts: ['/w/load.php?lang=en&modules=startup&only=scripts&raw=1&skin=vector'],
    },
  ],
  forum: [
    {
      name: 'phpBB',
      generator: 'phpBB',
      url: 'https://www.phpbb.com/',
      names: ['phpbb'],
      scripts: ['/styles/prosilver/template/forum_fn.js'],
    },
    {
      name: 'Discourse',
      generator: 'Discourse 3.2',
      url: 'https://www.discourse.org/',
      names: ['discourse'],
      scripts: [],
    },
  ],
  news: [
    {
      name: 'Drupal',
      generator: 'Drupal 10',
      url: 'https://www.drupal.org/',
      names: ['drupal'],
      scripts: ['/core/misc/drupal.js'],
    },
    undefined,
  ],
  corporate: [
    {
      name: 'Joomla!',
      generator: 'Joomla! - Open Source Content Management',
      url: 'https://www.joomla.org/',
      names: ['joomla'],
      scripts: ['/media/system/js/core.min.js'],
    },
    undefined,
    undefined,
  ],
  spam: [
    {
      name: 'WordPress',
      generator: 'WordPress 5.2',
      url: 'https://wordpress.org/',
      names: ['wordpress'],
      scripts: [WP_SCRIPT],
    },
    undefined,
  ],
};

/** Third-party head scripts of sites that use analytics, ads or social widgets (trusted hosts). */
export const HEAD_SCRIPTS: readonly string[] = [
  'https://www.googletagmanager.com/gtag/js?id=G-',
  'https://connect.facebook.net/en_US/sdk.js#v=',
  'https://www.google-analytics.com/analytics.js?v=',
  'https://cdn.jsdelivr.net/npm/bootstrap@5.3.2/dist/js/bootstrap.bundle.min.js?v=',
];

/** schema.org types of a site's articles and home page, by kind of site. */
export const SCHEMA_TYPES: Record<string, { article: string; home: string }> = {
  blog: { article: 'BlogPosting', home: 'WebSite' },
  shop: { article: 'Product', home: 'Organization' },
  news: { article: 'NewsArticle', home: 'Organization' },
  wiki: { article: 'Article', home: 'WebSite' },
  forum: { article: 'DiscussionForumPosting', home: 'WebSite' },
  corporate: { article: 'WebPage', home: 'Organization' },
};

/** A host that pages link to but the crawl never fetched, with a path pattern for its pages. */
export interface ExternalHost {
  origin: string;
  /** Path prefix; a brand or slug is appended. */
  prefix: string;
  weight: number;
}

/** Never-captured hosts: social profiles, encyclopaedia articles, shorteners. */
export const EXTERNAL_HOSTS: readonly ExternalHost[] = [
  { origin: 'https://twitter.com', prefix: '/', weight: 10 },
  { origin: 'https://www.facebook.com', prefix: '/', weight: 9 },
  { origin: 'https://www.youtube.com', prefix: '/@', weight: 7 },
  { origin: 'https://github.com', prefix: '/', weight: 6 },
  { origin: 'https://www.linkedin.com', prefix: '/company/', weight: 5 },
  { origin: 'https://www.instagram.com', prefix: '/', weight: 5 },
  { origin: 'https://en.wikipedia.org', prefix: '/wiki/', weight: 8 },
  { origin: 'https://de.wikipedia.org', prefix: '/wiki/', weight: 2 },
  { origin: 'https://www.reddit.com', prefix: '/r/', weight: 3 },
  { origin: 'https://medium.com', prefix: '/@', weight: 2 },
  { origin: 'https://vk.com', prefix: '/', weight: 2 },
  { origin: 'https://t.me', prefix: '/', weight: 1 },
  { origin: 'https://bit.ly', prefix: '/', weight: 1 },
  { origin: 'https://www.amazon.com', prefix: '/dp/', weight: 3 },
];

/** Web server names for the `Server` header. */
export const SERVERS: readonly string[] = [
  'nginx',
  'Apache',
  'cloudflare',
  'LiteSpeed',
  'nginx/1.24.0',
];

/** First octets of public-looking IPv4 ranges (no private, loopback or multicast blocks). */
export const IP_FIRST_OCTETS: readonly number[] = [
  23, 31, 37, 45, 46, 51, 52, 62, 64, 66, 77, 78, 81, 85, 88, 91, 93, 95, 104, 109, 141, 142, 151,
  162, 176, 178, 185, 188, 193, 195, 198, 203, 212, 213, 217,
];
