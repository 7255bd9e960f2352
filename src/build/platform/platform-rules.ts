/**
 * The evidence tables of the platform classifier (docs/spam-score.md, "Platform types").
 * Sources: the platform vocabulary is DataForSEO's `domain_from_platform_type`
 * (spec/dataforseo.md §8); software → type follows what each product is sold as (its own
 * site); schema.org types from schema.org's type hierarchy (Blog, NewsArticle, Product,
 * DiscussionForumPosting, GovernmentOrganization, EducationalOrganization).
 */
import type { SoftwareName } from '../../core/types.js';

/** A platform type of DataForSEO's vocabulary. */
export type PlatformType =
  | 'cms'
  | 'blogs'
  | 'ecommerce'
  | 'message-boards'
  | 'wikis'
  | 'news'
  | 'organization';

/** Every platform type, in output order. */
export const PLATFORM_TYPES: readonly PlatformType[] = [
  'cms',
  'blogs',
  'ecommerce',
  'message-boards',
  'wikis',
  'news',
  'organization',
];

/** What each recognised software makes a site (every `SOFTWARE_NAMES` entry). */
export const SOFTWARE_TYPES: Readonly<Record<SoftwareName, readonly PlatformType[]>> = {
  wordpress: ['cms', 'blogs'],
  joomla: ['cms'],
  drupal: ['cms'],
  typo3: ['cms'],
  wix: ['cms'],
  squarespace: ['cms'],
  webflow: ['cms'],
  ghost: ['cms', 'blogs'],
  blogger: ['blogs'],
  tumblr: ['blogs'],
  medium: ['blogs'],
  // Blog-aware static site generators: their themes and defaults are blogs.
  hugo: ['blogs'],
  jekyll: ['blogs'],
  shopify: ['ecommerce'],
  woocommerce: ['ecommerce'],
  magento: ['ecommerce'],
  prestashop: ['ecommerce'],
  opencart: ['ecommerce'],
  bigcommerce: ['ecommerce'],
  mediawiki: ['wikis'],
  dokuwiki: ['wikis'],
  confluence: ['wikis'],
  phpbb: ['message-boards'],
  vbulletin: ['message-boards'],
  xenforo: ['message-boards'],
  discourse: ['message-boards'],
  invision: ['message-boards'],
  mybb: ['message-boards'],
  smf: ['message-boards'],
  nodebb: ['message-boards'],
  flarum: ['message-boards'],
};

/** Generator meta spellings that do not contain the software's name. */
export const GENERATOR_ALIASES: Readonly<Record<string, SoftwareName>> = {
  'simple machines': 'smf',
  'invision power': 'invision',
  'invision community': 'invision',
  'wix.com': 'wix',
};

/** schema.org types (short names) and the platform type they show. */
export const SCHEMA_TYPES: Readonly<Record<string, PlatformType>> = {
  Blog: 'blogs',
  BlogPosting: 'blogs',
  LiveBlogPosting: 'blogs',
  NewsArticle: 'news',
  ReportageNewsArticle: 'news',
  AnalysisNewsArticle: 'news',
  OpinionNewsArticle: 'news',
  NewsMediaOrganization: 'news',
  Product: 'ecommerce',
  ProductGroup: 'ecommerce',
  Offer: 'ecommerce',
  AggregateOffer: 'ecommerce',
  OnlineStore: 'ecommerce',
  Store: 'ecommerce',
  DiscussionForumPosting: 'message-boards',
  GovernmentOrganization: 'organization',
  EducationalOrganization: 'organization',
  CollegeOrUniversity: 'organization',
  NGO: 'organization',
};

/** og:type values and the platform type they show. */
export const OG_TYPES: Readonly<Record<string, PlatformType>> = {
  product: 'ecommerce',
  'product.item': 'ecommerce',
  'product.group': 'ecommerce',
  blog: 'blogs',
};

/** Registrable domains (without suffix for the `blogspot.*` ccTLD mirrors) of hosted platforms. */
export const HOSTED_DOMAINS: Readonly<Record<string, PlatformType>> = {
  'blogspot.com': 'blogs',
  'wordpress.com': 'blogs',
  'tumblr.com': 'blogs',
  'medium.com': 'blogs',
  'substack.com': 'blogs',
  'livejournal.com': 'blogs',
  'fandom.com': 'wikis',
  'wikia.org': 'wikis',
};

/** First host label → platform type (`forum.example.com`). */
export const HOST_LABELS: Readonly<Record<string, PlatformType>> = {
  forum: 'message-boards',
  forums: 'message-boards',
  community: 'message-boards',
  board: 'message-boards',
  boards: 'message-boards',
  discuss: 'message-boards',
  news: 'news',
  blog: 'blogs',
  blogs: 'blogs',
  shop: 'ecommerce',
  store: 'ecommerce',
  wiki: 'wikis',
};

/** TLDs of organisations. */
export const ORGANIZATION_TLDS: ReadonlySet<string> = new Set(['org', 'gov', 'edu', 'mil', 'int']);

/** Second-level labels of country suffixes for government, academia and non-profits (gov.uk). */
export const ORGANIZATION_SECOND_LEVEL: ReadonlySet<string> = new Set([
  'gov',
  'govt',
  'go',
  'gob',
  'gouv',
  'mil',
  'ac',
  'edu',
  'org',
  'or',
]);
