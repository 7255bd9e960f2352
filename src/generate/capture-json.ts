/**
 * Serialises captures as captures NDJSON lines, built by hand for speed with the key order of
 * the format: the full record (files of the `ndjson` format) and the truth record, which keeps
 * only what an HTML extractor can recover unambiguously (no size, text_pre, text_post).
 */
import type { Block, CaptureSpec, DocLink, PageDoc, Region } from './types.js';

const CONTEXT = 80;

/** The two serialisations of one capture and its link count. */
export interface CaptureLines {
  full: string;
  truth: string;
  links: number;
}

/** Link visitor: document order, with the visible text before and after in the same block. */
type LinkVisitor = (link: DocLink, pre: string, post: string) => void;

function visible(p: string | DocLink): string {
  return typeof p === 'string' ? p : p.anchor;
}

function visitBlock(b: Block, visit: LinkVisitor): void {
  const parts = b.parts;
  if (parts.length === 1) {
    const p = parts[0];
    if (p !== undefined && typeof p !== 'string') visit(p, '', '');
    return;
  }
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p === undefined || typeof p === 'string') continue;
    let pre = '';
    for (let x = 0; x < i; x++) pre += visible(parts[x] as string | DocLink);
    let post = '';
    for (let x = i + 1; x < parts.length; x++) post += visible(parts[x] as string | DocLink);
    pre = pre.trim();
    post = post.trim();
    visit(
      p,
      pre.length > CONTEXT ? pre.slice(-CONTEXT).trimStart() : pre,
      post.length > CONTEXT ? post.slice(0, CONTEXT).trimEnd() : post,
    );
  }
}

function visitRegion(r: Region, visit: LinkVisitor): void {
  for (const b of r.blocks) visitBlock(b, visit);
  for (const c of r.children ?? []) visitRegion(c, visit);
}

/** Visit every link occurrence of a document in document order (non-http links skipped). */
export function visitLinks(doc: PageDoc, visit: LinkVisitor): void {
  const only: LinkVisitor = (l, pre, post) => {
    if (l.url !== '') visit(l, pre, post);
  };
  for (const l of doc.head) only(l, '', '');
  for (const r of doc.body) visitRegion(r, only);
}

function linkHead(l: DocLink): string {
  let s = `{"url":"${l.url}","item_type":"${l.type}","anchor":"${l.anchor}"`;
  if (l.alt !== undefined) s += `,"alt":"${l.alt}"`;
  if (l.rel !== undefined) s += `,"rel":["${l.rel.join('","')}"]`;
  return s;
}

/** Link JSON of a list of regions (or one region's blocks), both forms, comma-joined. */
class LinkJson {
  full = '';
  truth = '';
  n = 0;

  add(l: DocLink, pre: string, post: string): void {
    const sep = this.n === 0 ? '' : ',';
    const lh = linkHead(l);
    const loc = `,"semantic_location":"${l.loc}"}`;
    let ctx = '';
    if (pre !== '') ctx += `,"text_pre":"${pre}"`;
    if (post !== '') ctx += `,"text_post":"${post}"`;
    this.full += sep + lh + ctx + loc;
    this.truth += sep + lh + loc;
    this.n++;
  }

  append(full: string, truth: string, n: number): void {
    if (n === 0) return;
    const sep = this.n === 0 ? '' : ',';
    this.full += sep + full;
    this.truth += sep + truth;
    this.n += n;
  }
}

function regionJson(r: Region, out: LinkJson): void {
  const cache = r.shared;
  if (cache === undefined) {
    visitRegion(r, (l, pre, post) => {
      if (l.url !== '') out.add(l, pre, post);
    });
    return;
  }
  if (cache.full === undefined) {
    const own = new LinkJson();
    regionJson({ ...r, shared: undefined }, own);
    cache.full = own.full;
    cache.truth = own.truth;
    cache.links = own.n;
  }
  out.append(cache.full ?? '', cache.truth ?? '', cache.links ?? 0);
}

/**
 * Both NDJSON lines (with trailing newline) of a capture. `ip` is the server address; `size`
 * the body size in bytes when known. Strings are written without escaping: every string the
 * generator makes is JSON-safe (its vocabulary is checked by a test).
 */
export function captureLines(
  spec: CaptureSpec,
  ip: string,
  size: number | undefined,
): CaptureLines {
  const at = new Date(spec.fetchedAt * 1000).toISOString();
  let head = `{"url":"${spec.url}","fetched_at":"${at.slice(0, 19)}Z","status":${spec.status},"ip":"${ip}"`;
  const doc = spec.doc;
  if (doc !== undefined) head += ',"content_type":"text/html"';
  else if (spec.status >= 400) head += ',"content_type":"text/plain"';
  if (spec.redirect !== undefined) head += `,"redirect_location":"${spec.redirect}"`;
  const sizePart = size === undefined ? '' : `,"size":${size}`;
  if (doc === undefined) {
    let links = '';
    if (spec.redirect !== undefined)
      links = `{"url":"${spec.redirect}","item_type":"redirect","anchor":"","semantic_location":""}`;
    return {
      full: `${head}${sizePart},"links":[${links}]}\n`,
      truth: `${head},"links":[${links}]}\n`,
      links: links === '' ? 0 : 1,
    };
  }
  head += `,"title":"${doc.title}"`;
  if (doc.lang !== undefined) head += `,"lang":"${doc.lang}"`;
  head += `,"encoding":"${doc.charset}"`;
  let meta = '';
  if (doc.description !== undefined) meta += `,"description":"${doc.description}"`;
  if (doc.generator !== undefined) meta += `,"generator":"${doc.generator}"`;
  if (doc.robots !== undefined) meta += `,"robots":"${doc.robots}"`;
  const canonical = doc.head.find((l) => l.type === 'canonical');
  if (canonical !== undefined) meta += `,"canonical":"${canonical.url}"`;
  const metaPart = meta === '' ? '' : `,"meta":{${meta.slice(1)}}`;
  const links = new LinkJson();
  for (const l of doc.head) links.add(l, '', '');
  for (const r of doc.body) regionJson(r, links);
  return {
    full: `${head}${sizePart}${metaPart},"links":[${links.full}]}\n`,
    truth: `${head}${metaPart},"links":[${links.truth}]}\n`,
    links: links.n,
  };
}

function regionLinkCount(r: Region): number {
  if (r.shared?.links !== undefined) return r.shared.links;
  let n = 0;
  visitRegion(r, (l) => {
    if (l.url !== '') n++;
  });
  if (r.shared !== undefined) r.shared.links = n;
  return n;
}

/** How many link occurrences a capture lists (what {@link captureLines} would count). */
export function linkCount(spec: CaptureSpec): number {
  const doc = spec.doc;
  if (doc === undefined) return spec.redirect === undefined ? 0 : 1;
  let n = 0;
  for (const l of doc.head) if (l.url !== '') n++;
  for (const r of doc.body) n += regionLinkCount(r);
  return n;
}
