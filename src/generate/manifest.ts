/**
 * `manifest.json`: the options, the summary, per-snapshot figures, the most-linked domains, the
 * truth format, and where the showcase features live, so tests and demos can find them.
 */
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ResolvedOptions } from './options.js';
import { pageFacts, pageUrl } from './page-facts.js';
import type { GenerateSummary, LinkedDomain, Site, WebPlan } from './types.js';

/** Figures of one snapshot. */
export interface SnapshotStats {
  dir: string;
  start: string;
  captures: number;
  links: number;
  newUrls: number;
}

/** Inputs of {@link writeManifest}. */
export interface ManifestInput {
  options: ResolvedOptions;
  plan: WebPlan;
  summary: GenerateSummary;
  snapshots: SnapshotStats[];
  topLinkedDomains: LinkedDomain[];
}

const TRUTH_NOTES = [
  'One line per capture, in file order; same format as captures NDJSON.',
  'Capture fields: url, fetched_at, status, ip, content_type (media type only), redirect_location (3xx), title, lang (absent when the page has no lang attribute), encoding (HTML pages), meta (description, generator, robots, canonical, og:title, og:type, twitter:card), signals (200 HTML pages: head_hosts, software, schema_types, contact, favicon — what ingest reads from the HTML).',
  'Link fields: url (normalised as normalizeUrl does), item_type, anchor (visible text, whitespace collapsed, "" when none), alt (image links), rel (the element rel tokens, lower-case, source order, deduplicated; absent when none), semantic_location (nearest of header, nav, article, section, aside, footer; "" in head and for redirects).',
  'Not in the truth: size, text_pre, text_post, signals.text_chars (extractor-defined; link-free text is not generated for the ndjson format); the ndjson format files carry them (text_pre/text_post = visible text of the same block, at most 80 characters).',
  'Revisits: the capture at the revisit time with the same links as the original response.',
  'mailto: links on contact pages and tel: links in corporate and shop footers are not link occurrences (not http(s)).',
];

function features(plan: WebPlan): Record<string, unknown> {
  const crawled = plan.crawl.map((i) => plan.sites[i] as Site);
  const showcase = crawled.find((s) => s.showcase);
  const out: Record<string, unknown> = {
    windows1251Sites: crawled.filter((s) => s.charset !== 'utf-8').map((s) => s.origin),
    noLangSites: crawled.filter((s) => s.lang === undefined).map((s) => s.origin),
    bilingualSites: crawled.filter((s) => s.altLang !== undefined).map((s) => s.origin),
    httpToHttpsSites: crawled.filter((s) => s.httpUpgrade).map((s) => s.origin),
    wwwDuplicateSites: crawled.filter((s) => s.wwwDup).map((s) => s.origin),
    httpOnlySites: crawled.filter((s) => s.origin.startsWith('http:')).map((s) => s.origin),
    darkSites: plan.sites.filter((s) => !s.captured).map((s) => s.domain),
    spamClusters: plan.clusters.map((c) => c.map((i) => (plan.sites[i] as Site).domain)),
    spamPromotedSites: plan.money.map((m) => m.map((i) => (plan.sites[i] as Site).domain)),
  };
  if (showcase !== undefined) {
    const n = showcase.pages;
    const chainEnd = pageFacts(plan, showcase, n - 2).target;
    out.redirectChain = [n - 1, n - 2, chainEnd].map((j) => pageUrl(plan, showcase, j));
    out.metaRefresh = [n - 3, chainEnd].map((j) => pageUrl(plan, showcase, j));
  }
  return out;
}

/** Write `manifest.json` into the output directory. */
export function writeManifest(m: ManifestInput): void {
  const { outDir, ...options } = m.options;
  const manifest = {
    generator: 'linkgap generate',
    formatVersion: 1,
    options: {
      ...options,
      // Sized by links, the page count is derived: pageSlots says what was used.
      pages: options.links === undefined ? options.pages : undefined,
      pageSlots: m.plan.slotStart[m.plan.crawl.length],
    },
    summary: {
      ...m.summary,
      files: m.summary.files.map((f) => relative(outDir, f)),
      truthFile: 'truth.captures.ndjson',
    },
    snapshots: m.snapshots,
    lastSnapshotLinks: m.snapshots[m.snapshots.length - 1]?.links ?? 0,
    topLinkedDomains: m.topLinkedDomains,
    truth: TRUTH_NOTES,
    features: features(m.plan),
  };
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}
