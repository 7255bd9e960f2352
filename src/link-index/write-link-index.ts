/**
 * `writeLinkIndex`: read the built pages and links from the store, lay them out as an index
 * generation (docs: DESIGN §5) and publish it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toIsoSeconds } from '../core/time.js';
import type { IndexInfo } from '../engine/types.js';
import type { LinkStore, StepProgress } from '../store/index.js';
import { LINK_DICTS, PAGE_DICTS, PENDING_NULL, RowCollector } from './collect-rows.js';
import {
  type AnyColumn,
  type ColumnEntry,
  columnTypeOf,
  FORMAT_VERSION,
  type HeapEntry,
  type Manifest,
  NULL_I16,
} from './format.js';
import { createGenerationDir, newGenerationName, publishGeneration } from './generation.js';

/** `<db>.index`: where the index generations of a store file live. */
export function indexRootFor(dbPath: string): string {
  return `${dbPath}.index`;
}

/**
 * Write a new index generation from the built tables of `store` and make it current.
 * @param onProgress steps: pages, links, postings, write, publish
 */
export async function writeLinkIndex(
  store: LinkStore,
  indexRoot: string,
  onProgress?: StepProgress,
): Promise<IndexInfo> {
  const steps = 5;
  const c = new RowCollector();
  onProgress?.('index: pages', 0, steps);
  await store.readIndexRows('pages', (rows) => c.addPages(rows));
  onProgress?.('index: links', 1, steps);
  await store.readIndexRows('links', (rows) => c.addLinks(rows));
  onProgress?.('index: postings', 2, steps);
  const generation = newGenerationName();
  const builtAt = toIsoSeconds(new Date());
  const dir = await createGenerationDir(indexRoot, generation);
  const out = new GenerationWriter(dir);

  const domains = c.domains.finish();
  const urls = c.urls.finish();
  const hosts = c.hosts.finish();
  const nLinks = c.linkCols.page.length;
  const nPages = c.pageUrls.length;

  // Links: renumber dictionary ids to string order.
  const linkUrl = remapped(c.linkCols.url.view(), urls.remap);
  const linkHost = remapped(c.linkCols.host.view(), hosts.remap);
  out.column('link_page', c.linkCols.page.view());
  out.column('link_url', linkUrl);
  out.column('link_domain_to', narrow(remapped(c.linkCols.domain_to.view(), domains.remap)));
  for (const name of [
    'flags',
    'rank',
    'page_from_rank',
    'domain_from_rank',
    'backlink_spam_score',
    'url_to_spam_score',
    'url_to_status_code',
    'first_seen',
    'prev_seen',
    'last_seen',
    'links_count',
  ] as const) {
    out.column(`link_${name}`, c.linkCols[name].view());
  }
  for (const name of LINK_DICTS) {
    const d = (c.dicts.get(name) as NonNullable<ReturnType<typeof c.dicts.get>>).finish();
    out.heap(`dict_${name}`, d.values);
    out.column(`link_${name}`, narrow(remapped(c.linkDictCols.get(name)?.view(), d.remap)));
  }

  // Pages.
  out.heap('page_url', c.pageUrls);
  const pageDomain = remapped(c.pageCols.domain.view(), domains.remap);
  out.column('page_domain', pageDomain);
  for (const name of Object.keys(c.pageCols) as Array<keyof typeof c.pageCols>) {
    if (name !== 'domain') out.column(`page_${name}`, c.pageCols[name].view());
  }
  for (const name of PAGE_DICTS) {
    const d = (c.dicts.get(name) as NonNullable<ReturnType<typeof c.dicts.get>>).finish();
    out.heap(`dict_${name}`, d.values);
    out.column(`page_${name}`, narrow(remapped(c.pageDictCols.get(name)?.view(), d.remap)));
  }

  // Domains: names and the domain rank (max domain_from_rank over the domain's links).
  out.heap('domain_name', domains.values);
  const domainRank = new Int16Array(domains.values.length).fill(NULL_I16);
  const dfr = c.linkCols.domain_from_rank.view();
  const linkPage = c.linkCols.page.view();
  for (let l = 0; l < nLinks; l++) {
    const r = dfr[l] as number;
    if (r === NULL_I16) continue;
    const d = pageDomain[linkPage[l] as number] as number;
    if (r > (domainRank[d] as number)) domainRank[d] = r;
  }
  out.column('domain_rank', domainRank);

  // Target urls (string order) and hosts (reversed-label order) with their postings.
  out.heap('url_name', urls.values);
  out.heap(
    'host_name',
    hosts.values.map((k) => k.split('\u0001').reverse().join('.')),
  );
  const urlPostings = buildPostings(linkUrl, urls.values.length);
  out.column('url_offsets', urlPostings.offsets);
  out.column('url_postings', urlPostings.ids);
  const hostPostings = buildPostings(linkHost, hosts.values.length);
  out.column('host_offsets', hostPostings.offsets);
  out.column('host_postings', hostPostings.ids);

  onProgress?.('index: write', 3, steps);
  const referringDomains = new Set(pageDomain).size;
  const manifest: Manifest = {
    formatVersion: FORMAT_VERSION,
    generation,
    builtAt,
    counts: {
      links: nLinks,
      pages: nPages,
      domains: domains.values.length,
      referringDomains,
      hosts: hosts.values.length,
      urls: urls.values.length,
    },
    columns: out.columns,
    heaps: out.heaps,
  };
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  onProgress?.('index: publish', 4, steps);
  await publishGeneration(indexRoot, generation);
  return {
    generation,
    builtAt,
    links: nLinks,
    pages: nPages,
    domains: referringDomains,
  };
}

/** Writes column and heap files into one generation directory and records them. */
class GenerationWriter {
  readonly columns: Record<string, ColumnEntry> = {};
  readonly heaps: Record<string, HeapEntry> = {};
  readonly #dir: string;

  constructor(dir: string) {
    this.#dir = dir;
  }

  column(name: string, data: AnyColumn): void {
    const file = `${name}.bin`;
    writeFileSync(
      join(this.#dir, file),
      new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    );
    this.columns[name] = {
      file,
      type: columnTypeOf(data),
      length: data.length,
      bytes: data.byteLength,
    };
  }

  heap(name: string, values: readonly string[]): void {
    const offsets = new Float64Array(values.length + 1);
    const parts: Buffer[] = [];
    let pos = 0;
    for (let i = 0; i < values.length; i++) {
      const b = Buffer.from(values[i] as string, 'utf8');
      parts.push(b);
      pos += b.length;
      offsets[i + 1] = pos;
    }
    const file = `${name}.heap`;
    const offFile = `${name}.off`;
    writeFileSync(join(this.#dir, file), Buffer.concat(parts, pos));
    writeFileSync(join(this.#dir, offFile), new Uint8Array(offsets.buffer));
    this.heaps[name] = { file, offsets: offFile, count: values.length, bytes: pos };
  }
}

/** Apply a provisional → final id map; PENDING_NULL stays. */
function remapped(ids: Uint32Array | undefined, remap: Uint32Array): Uint32Array {
  if (ids === undefined) throw new Error('link index: missing column');
  const out = new Uint32Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const v = ids[i] as number;
    out[i] = v === PENDING_NULL ? PENDING_NULL : (remap[v] as number);
  }
  return out;
}

/** Store dictionary ids in the narrowest width whose max value can be the null sentinel. */
function narrow(ids: Uint32Array): AnyColumn {
  let max = 0;
  for (let i = 0; i < ids.length; i++) {
    const v = ids[i] as number;
    if (v !== PENDING_NULL && v > max) max = v;
  }
  if (max < 0xff) return Uint8Array.from(ids, (v) => (v === PENDING_NULL ? 0xff : v));
  if (max < 0xffff) return Uint16Array.from(ids, (v) => (v === PENDING_NULL ? 0xffff : v));
  return ids;
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
  for (let k = 0; k < keys; k++)
    offsets[k + 1] = (offsets[k + 1] as number) + (offsets[k] as number);
  const fill = offsets.slice(0, keys);
  const ids = new Uint32Array(keyOfLink.length);
  for (let l = 0; l < keyOfLink.length; l++) {
    const k = keyOfLink[l] as number;
    ids[fill[k] as number] = l;
    fill[k] = (fill[k] as number) + 1;
  }
  return { offsets, ids };
}
