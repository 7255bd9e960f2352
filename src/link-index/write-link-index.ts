/**
 * `writeLinkIndex`: read the built pages and links from the store, lay them out as an index
 * generation (DESIGN §5: ids in string order, hosts in reversed-label order, CSR postings per
 * target URL and per host) and publish it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toIsoSeconds } from '../core/time.js';
import type { IndexInfo } from '../engine/types.js';
import type { IndexDictionary, LinkStore, StepProgress } from '../store/index.js';
import {
  type AnyColumn,
  FORMAT_VERSION,
  LINK_FLAG,
  type Manifest,
  NULL_I16,
  PAGE_FLAG,
} from './format.js';
import { createGenerationDir, newGenerationName, publishGeneration } from './generation.js';
import {
  FileGenerationWriter,
  type GenerationOutput,
  MemoryGenerationWriter,
} from './generation-output.js';
import { IndexCollector } from './index-collector.js';
import type { LinkIndexData } from './load-link-index.js';

/** `<db>.index`: where the index generations of a store file live. */
export function indexRootFor(dbPath: string): string {
  return `${dbPath}.index`;
}

const LINK_DICTS = [
  'item_type',
  'anchor',
  'alt',
  'text_pre',
  'text_post',
  'semantic_location',
  'redirect_target',
  'attributes',
  'path',
] as const;
const PAGE_DICTS = ['tld', 'ip', 'country', 'platform', 'title', 'lang', 'encoding'] as const;
const LINK_I16 = [
  'rank',
  'page_from_rank',
  'domain_from_rank',
  'backlink_spam_score',
  'url_to_spam_score',
  'url_to_status_code',
] as const;
const LINK_U32 = ['first_seen', 'prev_seen', 'last_seen', 'links_count'] as const;
/** Int16 page columns (`page_<name>`), -32768 = null. */
const PAGE_I16 = ['status', 'page_rank', 'page_pass', 'spam_score', 'host_spam_score'] as const;
/** Facts every page of a domain shares, stored once per domain (`<name>`, -32768 = null). */
const DOMAIN_I16 = ['domain_rank', 'domain_pass', 'domain_spam_score'] as const;

/** What the writer reads: the built columns and the store's counts. */
export type IndexColumnSource = Pick<LinkStore, 'readIndexColumns' | 'stats'>;

/**
 * Write a new index generation from the built tables of `store` and make it current.
 * @param onProgress steps: the store's export steps, then postings, write, publish
 */
export async function writeLinkIndex(
  store: IndexColumnSource,
  indexRoot: string,
  onProgress?: StepProgress,
): Promise<IndexInfo> {
  const generation = newGenerationName();
  const dir = await createGenerationDir(indexRoot, generation);
  const out = new FileGenerationWriter(dir);
  const { manifest, info, steps } = await layoutLinkIndex(store, out, generation, onProgress);
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  onProgress?.('index: publish', steps - 1, steps);
  await publishGeneration(indexRoot, generation);
  return info;
}

/**
 * Lay out a generation from `source` in memory, without files: what the ClickHouse engine
 * hydrates a query's rows into, so they are answered by the same code as the embedded index.
 */
export async function buildMemoryLinkIndex(
  source: IndexColumnSource,
  generation: string = newGenerationName(),
): Promise<LinkIndexData> {
  const started = performance.now();
  const out = new MemoryGenerationWriter();
  const { manifest } = await layoutLinkIndex(source, out, generation);
  return out.toData(manifest, performance.now() - started);
}

/**
 * Read `source` and hand every column and heap of a generation to `out`; returns the manifest
 * (columns and heaps as `out` recorded them) and the step count (publish is the last).
 */
async function layoutLinkIndex(
  store: IndexColumnSource,
  out: GenerationOutput,
  generation: string,
  onProgress?: StepProgress,
): Promise<{ manifest: Manifest; info: IndexInfo; steps: number }> {
  const c = new IndexCollector();
  let exportSteps = 1;
  await store.readIndexColumns(c, (step, index, total) => {
    exportSteps = total;
    onProgress?.(`index: ${step}`, index, total + 3);
  });
  const steps = exportSteps + 3;
  onProgress?.('index: postings', exportSteps, steps);
  const builtAt = toIsoSeconds(new Date());
  const dict = (n: IndexDictionary) => c.dictionary(n);

  // Links.
  const linkPage = toU32(c.linkColumn('page'));
  const linkUrl = toU32(c.linkColumn('url'));
  const linkHost = toU32(c.linkColumn('host'));
  out.column('link_page', linkPage);
  out.column('link_url', linkUrl);
  out.column('link_host', linkHost);
  out.column('link_domain_to', narrow(c.linkColumn('domain_to')));
  const pageTechnical = c.pageColumn('is_technical');
  const linkFlags = Uint16Array.from(c.linkColumn('flags'));
  for (let l = 0; l < c.linkCount; l++) {
    if (pageTechnical[linkPage[l] as number] === 1) {
      linkFlags[l] = (linkFlags[l] as number) | LINK_FLAG.fromTechnical;
    }
  }
  out.column('link_flags', linkFlags);
  for (const name of LINK_I16) out.column(`link_${name}`, toI16(c.linkColumn(name)));
  for (const name of LINK_U32) out.column(`link_${name}`, toU32(c.linkColumn(name)));
  for (const name of LINK_DICTS) {
    out.heap(`dict_${name}`, dict(name));
    out.column(`link_${name}`, narrow(c.linkColumn(name)));
  }

  // Pages.
  out.heap('page_url', dict('page_url'));
  const pageDomain = toU32(c.pageColumn('domain'));
  out.column('page_domain', pageDomain);
  const isIp = c.pageColumn('is_ip');
  out.column(
    'page_flags',
    Uint8Array.from(
      pageTechnical,
      (t, p) => (isIp[p] ? PAGE_FLAG.isIp : 0) | (t ? PAGE_FLAG.technical : 0),
    ),
  );
  for (const name of PAGE_I16) out.column(`page_${name}`, toI16(c.pageColumn(name)));
  out.column('page_spam_signals', toU32(c.pageColumn('spam_signals')));
  for (const name of ['size', 'internal_links', 'external_links']) {
    out.column(`page_${name}`, c.pageDouble(name));
  }
  for (const name of PAGE_DICTS) {
    out.heap(`dict_${name}`, dict(name));
    out.column(`page_${name}`, narrow(c.pageColumn(name)));
  }

  // Domains: names and the per-domain facts of their source pages (null for target-only domains).
  const domains = dict('domain');
  out.heap('domain_name', domains);
  for (const name of DOMAIN_I16) {
    const byPage = c.pageColumn(name);
    const byDomain = new Int16Array(domains.length).fill(NULL_I16);
    for (let p = 0; p < c.pageCount; p++) {
      const r = byPage[p] as number;
      if (r !== NULL_I16) byDomain[pageDomain[p] as number] = r;
    }
    out.column(name, byDomain);
  }

  // Target urls (string order) and hosts (reversed-label order) with their postings.
  const urls = dict('url');
  const hosts = dict('host');
  out.heap('url_name', urls);
  out.heap('host_name', hosts);
  const urlPostings = buildPostings(linkUrl, urls.length);
  out.column('url_offsets', urlPostings.offsets);
  out.column('url_postings', urlPostings.ids);
  const urlHost = new Uint32Array(urls.length);
  for (let l = 0; l < c.linkCount; l++) urlHost[linkUrl[l] as number] = linkHost[l] as number;
  out.column('url_host', urlHost);
  out.column('page_link_start', linkRanges(linkPage, c.pageCount));
  const hostPostings = buildPostings(linkHost, hosts.length);
  out.column('host_offsets', hostPostings.offsets);
  out.column('host_postings', hostPostings.ids);
  // Payloads in posting order, so a walk over postings reads pages and flags sequentially.
  for (const [name, p] of [
    ['url', urlPostings],
    ['host', hostPostings],
  ] as const) {
    out.column(`${name}_post_page`, gather(linkPage, p.ids, new Uint32Array(p.ids.length)));
    out.column(`${name}_post_flags`, gather(linkFlags, p.ids, new Uint16Array(p.ids.length)));
  }

  onProgress?.('index: write', exportSteps + 1, steps);
  const seen = new Uint8Array(domains.length);
  let referringDomains = 0;
  for (let p = 0; p < pageDomain.length; p++) {
    const d = pageDomain[p] as number;
    if (seen[d] === 0) {
      seen[d] = 1;
      referringDomains++;
    }
  }
  const stats = await store.stats();
  const manifest: Manifest = {
    formatVersion: FORMAT_VERSION,
    generation,
    builtAt,
    store: {
      sources: stats.sources,
      captures: stats.captures,
      firstCapture: stats.firstCapture,
      lastCapture: stats.lastCapture,
      crawlDates: stats.built?.crawlDates ?? [],
    },
    counts: {
      links: c.linkCount,
      pages: c.pageCount,
      domains: domains.length,
      referringDomains,
      hosts: hosts.length,
      urls: urls.length,
    },
    columns: out.columns,
    heaps: out.heaps,
  };
  return {
    manifest,
    steps,
    info: {
      generation,
      builtAt,
      links: c.linkCount,
      pages: c.pageCount,
      domains: referringDomains,
    },
  };
}

/** `out[j] = column[ids[j]]`. */
function gather<T extends Uint32Array | Uint16Array>(
  column: ArrayLike<number>,
  ids: Uint32Array,
  out: T,
): T {
  for (let j = 0; j < ids.length; j++) out[j] = column[ids[j] as number] as number;
  return out;
}

/** Links are page-major: page p's links are `[start[p], start[p + 1])`. */
function linkRanges(linkPage: Uint32Array, pages: number): Uint32Array {
  const start = new Uint32Array(pages + 1);
  for (let l = 0; l < linkPage.length; l++) {
    const p = linkPage[l] as number;
    if (l > 0 && p < (linkPage[l - 1] as number))
      throw new Error('link index: links not page-major');
    start[p + 1] = l + 1;
  }
  for (let p = 0; p < pages; p++) {
    if ((start[p + 1] as number) < (start[p] as number)) start[p + 1] = start[p] as number;
  }
  return start;
}

function toU32(a: Int32Array): Uint32Array {
  return new Uint32Array(a.buffer, a.byteOffset, a.length);
}

function toI16(a: Int32Array): Int16Array {
  const out = new Int16Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const v = a[i] as number;
    if (v < -32768 || v > 32767) {
      throw new Error(`link index: value ${v} does not fit a 16-bit column`);
    }
    out[i] = v;
  }
  return out;
}

/** Dictionary ids (-1 = null) in the narrowest width whose max value can be the null sentinel. */
function narrow(ids: Int32Array): AnyColumn {
  let max = 0;
  for (let i = 0; i < ids.length; i++) if ((ids[i] as number) > max) max = ids[i] as number;
  if (max < 0xff) return Uint8Array.from(ids, (v) => (v < 0 ? 0xff : v));
  if (max < 0xffff) return Uint16Array.from(ids, (v) => (v < 0 ? 0xffff : v));
  return Uint32Array.from(ids, (v) => (v < 0 ? 0xffffffff : v));
}

/** CSR postings: for each key, the link ids (ascending) whose column value is that key. */
export function buildPostings(
  keyOfLink: Uint32Array,
  keys: number,
): { offsets: Uint32Array; ids: Uint32Array } {
  const offsets = new Uint32Array(keys + 1);
  for (let l = 0; l < keyOfLink.length; l++) {
    const k = (keyOfLink[l] as number) + 1;
    offsets[k] = (offsets[k] as number) + 1;
  }
  for (let k = 0; k < keys; k++) {
    offsets[k + 1] = (offsets[k + 1] as number) + (offsets[k] as number);
  }
  const fill = offsets.slice(0, keys);
  const ids = new Uint32Array(keyOfLink.length);
  for (let l = 0; l < keyOfLink.length; l++) {
    const k = keyOfLink[l] as number;
    ids[fill[k] as number] = l;
    fill[k] = (fill[k] as number) + 1;
  }
  return { offsets, ids };
}
