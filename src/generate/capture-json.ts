/**
 * Serialises captures as captures NDJSON, written as bytes for speed, with the key order of the
 * format: the full record (files of the `ndjson` format) and the truth record, which keeps only
 * what an HTML extractor recovers unambiguously (no size, text_pre, text_post, signals.text_chars). Strings are not
 * escaped: every string the generator makes is JSON-safe (a test checks its vocabulary).
 */
import { signalsJson } from '../core/capture-json.js';
import { ITEM_TYPES, type ItemType } from '../core/types.js';
import { ByteSink, utf8 } from './byte-sink.js';
import { isoSeconds } from './iso-time.js';
import { ogType } from './render-html.js';
import type { Block, CaptureSpec, DocLink, Region, SemanticLoc } from './types.js';

const CONTEXT = 80;

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
    // Only the nearest CONTEXT characters matter: stop gathering once past them.
    let pre = '';
    for (let x = i - 1; x >= 0 && pre.length <= CONTEXT + 8; x--)
      pre = visible(parts[x] as string | DocLink) + pre;
    let post = '';
    for (let x = i + 1; x < parts.length && post.length <= CONTEXT + 8; x++)
      post += visible(parts[x] as string | DocLink);
    pre = pre.trim();
    post = post.trim();
    if (pre.length > CONTEXT) pre = pre.slice(-CONTEXT).trimStart();
    if (post.length > CONTEXT) post = post.slice(0, CONTEXT).trimEnd();
    visit(p, pre, post);
  }
}

function visitRegion(r: Region, visit: LinkVisitor): void {
  for (const b of r.blocks) visitBlock(b, visit);
  for (const c of r.children ?? []) visitRegion(c, visit);
}

const OPEN = utf8('{"url":"');
const QUOTE = utf8('"');
const COMMA = utf8(',');
const ALT = utf8('","alt":"');
const PRE = utf8(',"text_pre":"');
const POST = utf8(',"text_post":"');
const RELS = new Map<readonly string[], Uint8Array>();
const END_LINKS = utf8(']}\n');
const LOC_NAMES: readonly SemanticLoc[] = [
  '',
  'header',
  'nav',
  'article',
  'section',
  'aside',
  'footer',
];
const TYPES = Object.fromEntries(
  ITEM_TYPES.map((t) => [t, utf8(`","item_type":"${t}","anchor":"`)]),
) as Record<ItemType, Uint8Array>;
const LOCS = Object.fromEntries(
  LOC_NAMES.map((l) => [l, utf8(`,"semantic_location":"${l}"}`)]),
) as Record<SemanticLoc, Uint8Array>;

function relBytes(rel: readonly string[]): Uint8Array {
  // rel arrays are memoised per attribute value, so identity is a good key.
  let b = RELS.get(rel);
  if (b === undefined) {
    b = utf8(`,"rel":${JSON.stringify(rel)}`);
    RELS.set(rel, b);
  }
  return b;
}

/** Writes link objects, comma-separated, into the full and/or truth sink. */
class LinkWriter {
  n = 0;

  constructor(
    readonly full: ByteSink | undefined,
    readonly truth: ByteSink,
  ) {}

  link(l: DocLink, pre: string, post: string): void {
    const full = this.full;
    const comma = this.n > 0;
    this.n++;
    if (full === undefined) {
      writeLink(this.truth, l, '', '', comma);
      return;
    }
    // Reserve the whole link so it stays in one buffer: the truth copies its common head.
    const chars = l.url.length + l.anchor.length + (l.alt?.length ?? 0) + pre.length + post.length;
    full.reserve(3 * chars + 256);
    const start = full.pos;
    writeLinkHead(full, l, comma);
    this.truth.bytes(full.buf.subarray(start, full.pos));
    writeLinkTail(full, l, pre, post);
    this.truth.bytes(LOCS[l.loc]);
  }

  fragment(full: Uint8Array, truth: Uint8Array, n: number): void {
    if (n === 0) return;
    if (this.n > 0) {
      this.full?.bytes(COMMA);
      this.truth.bytes(COMMA);
    }
    this.full?.bytes(full);
    this.truth.bytes(truth);
    this.n += n;
  }
}

function writeLinkHead(o: ByteSink, l: DocLink, comma: boolean): void {
  if (comma) o.bytes(COMMA);
  o.bytes(OPEN);
  o.text(l.url);
  o.bytes(TYPES[l.type]);
  o.text(l.anchor);
  if (l.alt !== undefined) {
    o.bytes(ALT);
    o.text(l.alt);
  }
  o.bytes(QUOTE);
  if (l.rel !== undefined) o.bytes(relBytes(l.rel));
}

function writeLinkTail(o: ByteSink, l: DocLink, pre: string, post: string): void {
  if (pre !== '') {
    o.bytes(PRE);
    o.text(pre);
    o.bytes(QUOTE);
  }
  if (post !== '') {
    o.bytes(POST);
    o.text(post);
    o.bytes(QUOTE);
  }
  o.bytes(LOCS[l.loc]);
}

function writeLink(o: ByteSink, l: DocLink, pre: string, post: string, comma: boolean): void {
  writeLinkHead(o, l, comma);
  writeLinkTail(o, l, pre, post);
}

function collect(write: (s: ByteSink) => void): Uint8Array {
  const chunks: Uint8Array[] = [];
  const s = new ByteSink((b) => chunks.push(Uint8Array.prototype.slice.call(b)), 16 << 10);
  write(s);
  chunks.push(s.copyFrom(0));
  return Buffer.concat(chunks);
}

function writeRegion(r: Region, w: LinkWriter): void {
  const cache = r.shared;
  if (cache === undefined) {
    visitRegion(r, (l, pre, post) => {
      if (l.url !== '') w.link(l, pre, post);
    });
    return;
  }
  if (cache.full === undefined || cache.truth === undefined) {
    const fresh = { ...r, shared: undefined };
    let n = 0;
    const form = (context: boolean) => (s: ByteSink) => {
      n = 0;
      visitRegion(fresh, (l, pre, post) => {
        if (l.url === '') return;
        writeLink(s, l, context ? pre : '', context ? post : '', n > 0);
        n++;
      });
    };
    cache.full = collect(form(true));
    cache.truth = collect(form(false));
    cache.links = n;
  }
  w.fragment(cache.full, cache.truth, cache.links ?? 0);
}

function captureHead(spec: CaptureSpec, ip: string): string {
  let head = `{"url":"${spec.url}","fetched_at":"${isoSeconds(spec.fetchedAt)}","status":${spec.status},"ip":"${ip}"`;
  const doc = spec.doc;
  if (doc !== undefined) head += ',"content_type":"text/html"';
  else if (spec.status >= 400) head += ',"content_type":"text/plain"';
  if (spec.redirect !== undefined) head += `,"redirect_location":"${spec.redirect}"`;
  if (doc === undefined) return head;
  head += `,"title":"${doc.title}"`;
  if (doc.lang !== undefined) head += `,"lang":"${doc.lang}"`;
  head += `,"encoding":"${doc.charset}"`;
  let meta = '';
  if (doc.description !== undefined) meta += `,"description":"${doc.description}"`;
  if (doc.generator !== undefined) meta += `,"generator":"${doc.generator}"`;
  if (doc.robots !== undefined) meta += `,"robots":"${doc.robots}"`;
  const canonical = doc.head.find((l) => l.type === 'canonical');
  if (canonical !== undefined) meta += `,"canonical":"${canonical.url}"`;
  if (doc.og) {
    meta += `,"og:title":"${doc.title}","og:type":"${ogType(doc)}","twitter:card":"summary"`;
  }
  if (meta !== '') head += `,"meta":{${meta.slice(1)}}`;
  const signals = signalsJson(doc.signals);
  return signals === undefined ? head : `${head},"signals":${signals}`;
}

/**
 * Write one capture as an NDJSON line into `truth` and, when given, the full record into
 * `full`. `ip` is the server address. Returns the number of link occurrences.
 */
export function writeCapture(
  spec: CaptureSpec,
  ip: string,
  full: ByteSink | undefined,
  truth: ByteSink,
): number {
  const head = `${captureHead(spec, ip)},"links":[`;
  if (full === undefined) truth.text(head);
  else {
    full.reserve(3 * head.length);
    const start = full.pos;
    full.text(head);
    truth.bytes(full.buf.subarray(start, full.pos));
  }
  const w = new LinkWriter(full, truth);
  const doc = spec.doc;
  if (doc === undefined) {
    if (spec.redirect !== undefined)
      w.link(
        { url: spec.redirect, href: spec.redirect, type: 'redirect', anchor: '', loc: '' },
        '',
        '',
      );
  } else {
    for (const l of doc.head) w.link(l, '', '');
    for (const r of doc.body) writeRegion(r, w);
  }
  full?.bytes(END_LINKS);
  truth.bytes(END_LINKS);
  return w.n;
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

/** How many link occurrences a capture lists (what {@link writeCapture} counts). */
export function linkCount(spec: CaptureSpec): number {
  const doc = spec.doc;
  if (doc === undefined) return spec.redirect === undefined ? 0 : 1;
  let n = 0;
  for (const l of doc.head) if (l.url !== '') n++;
  for (const r of doc.body) n += regionLinkCount(r);
  return n;
}
