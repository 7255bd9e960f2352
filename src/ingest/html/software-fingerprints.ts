/**
 * The fingerprint table of site software (`PageSignals.software`): what a `generator` meta
 * value, a resource URL (script, stylesheet, image) or a link target says about the software
 * that made the page. Names are those of `SOFTWARE_NAMES`. Shared by the HTML and WAT readers.
 */
import { SOFTWARE_NAMES, type SoftwareName } from '../../core/types.js';

/**
 * Words of a `<meta name="generator">` value, matched case-insensitively as whole words:
 * "WordPress 6.4" → wordpress, "Wix.com Website Builder" → wix, "Simple Machines" → smf.
 */
const GENERATOR_WORDS: ReadonlyArray<readonly [string, SoftwareName]> = [
  ['wordpress', 'wordpress'],
  ['woocommerce', 'woocommerce'],
  ['joomla', 'joomla'],
  ['drupal', 'drupal'],
  ['typo3', 'typo3'],
  ['wix\\.com', 'wix'],
  ['squarespace', 'squarespace'],
  ['webflow', 'webflow'],
  ['ghost', 'ghost'],
  ['blogger', 'blogger'],
  ['tumblr', 'tumblr'],
  ['medium', 'medium'],
  ['hugo', 'hugo'],
  ['jekyll', 'jekyll'],
  ['shopify', 'shopify'],
  ['magento', 'magento'],
  ['prestashop', 'prestashop'],
  ['opencart', 'opencart'],
  ['bigcommerce', 'bigcommerce'],
  ['mediawiki', 'mediawiki'],
  ['dokuwiki', 'dokuwiki'],
  ['confluence', 'confluence'],
  ['phpbb', 'phpbb'],
  ['vbulletin', 'vbulletin'],
  ['xenforo', 'xenforo'],
  ['discourse', 'discourse'],
  ['invision', 'invision'],
  ['mybb', 'mybb'],
  ['simple machines', 'smf'],
  ['smf', 'smf'],
  ['nodebb', 'nodebb'],
  ['flarum', 'flarum'],
];

/**
 * Substrings of the URL of a resource a page loads (`<script src>`, `<link href>`, `<img src>`),
 * case-insensitive. The more specific pattern of a software comes first.
 */
const RESOURCE_PATTERNS: ReadonlyArray<readonly [string, SoftwareName]> = [
  ['/wp-content/plugins/woocommerce/', 'woocommerce'],
  ['/wp-content/', 'wordpress'],
  ['/wp-includes/', 'wordpress'],
  ['cdn.shopify.com/', 'shopify'],
  ['/cdn/shop/', 'shopify'],
  ['/sites/default/files/', 'drupal'],
  ['/core/misc/drupal', 'drupal'],
  ['/misc/drupal.js', 'drupal'],
  ['/media/jui/', 'joomla'],
  ['/media/system/js/', 'joomla'],
  ['/typo3conf/', 'typo3'],
  ['/typo3temp/', 'typo3'],
  ['static.parastorage.com/', 'wix'],
  ['static.wixstatic.com/', 'wix'],
  ['squarespace.com/', 'squarespace'],
  ['squarespace-cdn.com/', 'squarespace'],
  ['website-files.com/', 'webflow'],
  ['blogger.com/static/', 'blogger'],
  ['blogblog.com/', 'blogger'],
  ['assets.tumblr.com/', 'tumblr'],
  ['/skin/frontend/', 'magento'],
  ['/static/frontend/', 'magento'],
  ['/mage/', 'magento'],
  ['/modules/ps_', 'prestashop'],
  ['/catalog/view/theme/', 'opencart'],
  ['/catalog/view/javascript/', 'opencart'],
  ['bigcommerce.com/s-', 'bigcommerce'],
  ['/load.php?lang=', 'mediawiki'],
  ['/resources/assets/poweredby_mediawiki', 'mediawiki'],
  ['/lib/tpl/dokuwiki/', 'dokuwiki'],
  ['/lib/exe/css.php', 'dokuwiki'],
  ['com.atlassian.confluence', 'confluence'],
  ['/styles/prosilver/', 'phpbb'],
  ['/clientscript/vbulletin', 'vbulletin'],
  ['/js/xf/', 'xenforo'],
  ['discourse-cdn.com/', 'discourse'],
  ['/uploads/css_built_', 'invision'],
  ['/jscripts/general.js', 'mybb'],
  ['/themes/default/scripts/script.js', 'smf'],
  ['/assets/nodebb', 'nodebb'],
  ['/assets/forum.js', 'flarum'],
];

/** Substrings of link targets that only one forum or wiki software writes (all contain `.php`). */
const LINK_PATTERNS: ReadonlyArray<readonly [string, SoftwareName]> = [
  ['/viewtopic.php?', 'phpbb'],
  ['/viewforum.php?', 'phpbb'],
  ['/showthread.php?t=', 'vbulletin'],
  ['/forumdisplay.php?f=', 'vbulletin'],
  ['/showthread.php?tid=', 'mybb'],
  ['/forumdisplay.php?fid=', 'mybb'],
  ['/index.php?topic=', 'smf'],
  ['/index.php?board=', 'smf'],
  ['/index.php?threads/', 'xenforo'],
];

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// One alternation per table: a single native scan per value, the matched group tells which.
const GENERATOR_RE = new RegExp(
  `\\b(?:${GENERATOR_WORDS.map(([w]) => `(${w})`).join('|')})\\b`,
  'i',
);
const RESOURCE_RE = new RegExp(RESOURCE_PATTERNS.map(([p]) => `(${escapeRe(p)})`).join('|'), 'i');
const LINK_RE = new RegExp(LINK_PATTERNS.map(([p]) => `(${escapeRe(p)})`).join('|'), 'i');

function matchName(
  re: RegExp,
  table: ReadonlyArray<readonly [string, SoftwareName]>,
  value: string,
): SoftwareName | undefined {
  const m = re.exec(value);
  if (m === null) return undefined;
  for (let i = 1; i < m.length; i++) if (m[i] !== undefined) return table[i - 1]?.[1];
  return undefined;
}

/** The software a `generator` meta value names, if any. */
export function softwareOfGenerator(value: string): SoftwareName | undefined {
  return matchName(GENERATOR_RE, GENERATOR_WORDS, value.slice(0, 256));
}

/** The software whose resource paths a script, stylesheet or image URL shows, if any. */
export function softwareOfResource(url: string): SoftwareName | undefined {
  return matchName(RESOURCE_RE, RESOURCE_PATTERNS, url);
}

/** The forum software whose URL scheme a link target shows, if any. */
export function softwareOfLink(url: string): SoftwareName | undefined {
  if (!url.includes('.php')) return undefined;
  return matchName(LINK_RE, LINK_PATTERNS, url);
}

/** WooCommerce runs on WordPress: a page showing it shows both. */
export const IMPLIED_SOFTWARE: Readonly<Partial<Record<SoftwareName, SoftwareName>>> = {
  woocommerce: 'wordpress',
};

const ORDER = new Map<string, number>(SOFTWARE_NAMES.map((n, i) => [n, i]));

/** A set of software names as the sorted list `PageSignals.software` holds (vocabulary order). */
export function softwareList(found: ReadonlySet<SoftwareName>): SoftwareName[] {
  const all = new Set(found);
  for (const n of found) {
    const implied = IMPLIED_SOFTWARE[n];
    if (implied !== undefined) all.add(implied);
  }
  return [...all].sort((a, b) => (ORDER.get(a) ?? 0) - (ORDER.get(b) ?? 0));
}
