import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Parser } from 'htmlparser2';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WARCParser } from 'warcio';
import type { Capture, LinkOccurrence } from '../core/types.js';
import { normalizeUrl } from '../core/url/normalize-url.js';
import { base32 } from '../warc/index.js';
import { type GenerateSummary, generateWeb } from './index.js';

interface Rec {
  type: string;
  url: string;
  headers: Record<string, string>;
  status: number;
  httpHeaders: Map<string, string>;
  body: Buffer;
}

const SEMANTIC = new Set(['header', 'nav', 'main', 'article', 'section', 'aside', 'footer']);

function sha1(b: Uint8Array): string {
  return `sha1:${base32(createHash('sha1').update(b).digest())}`;
}

function dechunk(b: Buffer): Buffer {
  const out: Buffer[] = [];
  let i = 0;
  for (;;) {
    const eol = b.indexOf('\r\n', i);
    const size = Number.parseInt(b.subarray(i, eol).toString(), 16);
    if (size === 0) return Buffer.concat(out);
    out.push(b.subarray(eol + 2, eol + 2 + size));
    i = eol + 2 + size + 2;
  }
}

async function readWarc(path: string): Promise<Rec[]> {
  const out: Rec[] = [];
  for await (const record of new WARCParser(createReadStream(path), { parseHttp: false })) {
    const block = Buffer.from(await record.readFully());
    const headers = Object.fromEntries(
      record.warcHeaders.headers as unknown as Iterable<[string, string]>,
    );
    expect(Number(headers['content-length'])).toBe(block.length);
    if (headers['warc-block-digest'] !== undefined)
      expect(sha1(block)).toBe(headers['warc-block-digest']);
    const type = headers['warc-type'] as string;
    let status = 0;
    const httpHeaders = new Map<string, string>();
    let body: Buffer = block;
    if (type === 'response' || type === 'revisit') {
      const end = block.indexOf('\r\n\r\n');
      const [statusLine, ...lines] = block.subarray(0, end).toString('latin1').split('\r\n');
      status = Number(statusLine?.split(' ')[1]);
      for (const l of lines)
        httpHeaders.set(
          l.slice(0, l.indexOf(':')).toLowerCase(),
          l.slice(l.indexOf(':') + 1).trim(),
        );
      body = block.subarray(end + 4);
      if (httpHeaders.get('transfer-encoding') === 'chunked' && type === 'response')
        body = dechunk(body);
      if (type === 'response') expect(sha1(body)).toBe(headers['warc-payload-digest']);
      if (httpHeaders.get('content-encoding') === 'gzip' && type === 'response')
        body = gunzipSync(body);
    }
    out.push({ type, url: headers['warc-target-uri'] ?? '', headers, status, httpHeaders, body });
  }
  return out;
}

/** A small, strict reading of the extraction rules the generator promises (see manifest.truth). */
function extractLinks(html: string, base: string): LinkOccurrence[] {
  const links: LinkOccurrence[] = [];
  const stack: string[] = [];
  let open: { link: LinkOccurrence; text: string } | undefined;
  const norm = (href: string): string | undefined => {
    const r = normalizeUrl(href, base);
    return r.ok ? r.url : undefined;
  };
  const loc = (): string => [...stack].reverse().find((t) => SEMANTIC.has(t) && t !== 'main') ?? '';
  const relOf = (rel: string | undefined): string[] | undefined => {
    const out: string[] = [];
    for (const t of (rel ?? '').toLowerCase().split(/\s+/))
      if (t !== '' && !out.includes(t)) out.push(t);
    return out.length > 0 ? out : undefined;
  };
  const push = (l: LinkOccurrence): void => {
    if (l.rel === undefined) delete l.rel;
    links.push(l);
  };
  const parser = new Parser({
    onopentag(name, a) {
      stack.push(name);
      if (name === 'a' && a.href !== undefined) {
        const url = norm(a.href);
        if (url !== undefined)
          open = {
            link: {
              url,
              item_type: 'anchor',
              anchor: '',
              rel: relOf(a.rel),
              semantic_location: loc(),
            },
            text: '',
          };
      } else if (name === 'img' && open !== undefined && a.alt !== undefined) {
        open.link.item_type = 'image';
        open.link.alt = a.alt;
      } else if (name === 'link' && a.href !== undefined) {
        const rel = relOf(a.rel);
        const type = rel?.includes('canonical')
          ? 'canonical'
          : rel?.includes('alternate') && a.hreflang !== undefined
            ? 'alternate'
            : 'link';
        const url = norm(a.href);
        if (url !== undefined)
          push({ url, item_type: type, anchor: '', rel, semantic_location: '' });
      } else if (name === 'meta' && a['http-equiv']?.toLowerCase() === 'refresh') {
        const m = /url=(.*)$/i.exec(a.content ?? '');
        const url = m?.[1] === undefined ? undefined : norm(m[1]);
        if (url !== undefined) push({ url, item_type: 'meta', anchor: '', semantic_location: '' });
      }
    },
    ontext(t) {
      if (open !== undefined) open.text += t;
    },
    onclosetag(name) {
      stack.pop();
      if (name === 'a' && open !== undefined) {
        open.link.anchor = open.text.replace(/\s+/g, ' ').trim();
        push(open.link);
        open = undefined;
      }
    },
  });
  parser.write(html);
  parser.end();
  return links;
}

const slim = (l: LinkOccurrence) => ({
  url: l.url,
  item_type: l.item_type,
  anchor: l.anchor,
  alt: l.alt,
  rel: l.rel,
  semantic_location: l.semantic_location,
});

describe('WARC output', () => {
  let dir: string;
  let summary: GenerateSummary;
  let records: Rec[];
  let truth: Capture[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'linkgap-warc-'));
    summary = await generateWeb({ outDir: dir, pages: 1500, seed: 21, format: 'warc' });
    records = [];
    for (const f of summary.files) records.push(...(await readWarc(f)));
    truth = readFileSync(summary.truthFile, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Capture);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('parses with warcio, with correct lengths and digests, warcinfo first in each file', async () => {
    for (const f of summary.files) {
      const first = (await readWarc(f))[0];
      expect(first?.type).toBe('warcinfo');
    }
    const types = new Set(records.map((r) => r.type));
    expect([...types].sort()).toEqual(['request', 'response', 'revisit', 'warcinfo']);
    expect(records.some((r) => r.httpHeaders.get('transfer-encoding') === 'chunked')).toBe(true);
    expect(records.some((r) => r.httpHeaders.get('content-encoding') === 'gzip')).toBe(true);
  });

  it('lists every response and revisit in the truth, in order, with the same url and status', () => {
    const fetches = records.filter((r) => r.type === 'response' || r.type === 'revisit');
    expect(fetches.map((r) => [r.url, r.status])).toEqual(truth.map((c) => [c.url, c.status]));
    fetches.forEach((r, i) => {
      const c = truth[i] as Capture;
      expect(r.headers['warc-date']).toBe(c.fetched_at);
      expect(r.headers['warc-ip-address']).toBe(c.ip);
      if (c.redirect_location !== undefined)
        expect(normalizeUrl(r.httpHeaders.get('location') ?? '', c.url)).toEqual({
          ok: true,
          url: c.redirect_location,
        });
    });
  });

  it('writes revisits that point at an identical earlier response', () => {
    const byId = new Map(records.map((r) => [r.headers['warc-record-id'], r]));
    const revisits = records.filter((r) => r.type === 'revisit');
    expect(revisits.length).toBeGreaterThan(0);
    for (const r of revisits) {
      expect(r.headers['warc-profile']).toBe(
        'http://netpreserve.org/warc/1.1/revisit/identical-payload-digest',
      );
      const original = byId.get(r.headers['warc-refers-to']);
      expect(original?.type).toBe('response');
      expect(original?.headers['warc-payload-digest']).toBe(r.headers['warc-payload-digest']);
      expect(original?.url).toBe(r.headers['warc-refers-to-target-uri']);
      expect(original?.headers['warc-date']).toBe(r.headers['warc-refers-to-date']);
    }
  });

  it('yields exactly the truth links to a correct HTML extractor', () => {
    const byId = new Map(records.map((r) => [r.headers['warc-record-id'], r]));
    const fetches = records.filter((r) => r.type === 'response' || r.type === 'revisit');
    let checked = 0;
    fetches.forEach((r, i) => {
      const c = truth[i] as Capture;
      if (r.status !== 200) {
        expect(c.links.every((l) => l.item_type === 'redirect')).toBe(true);
        return;
      }
      const payload = r.type === 'revisit' ? (byId.get(r.headers['warc-refers-to']) as Rec) : r;
      const charset =
        /charset=([\w-]+)/.exec(payload.httpHeaders.get('content-type') ?? '')?.[1] ?? 'utf-8';
      const html = iconv.decode(payload.body, charset);
      if (charset === 'utf-8') expect(html).toMatch(/<meta charset="utf-8">/);
      expect(extractLinks(html, c.url).map(slim)).toEqual(c.links.map(slim));
      checked++;
    });
    expect(checked).toBeGreaterThan(1000);
    expect(truth.some((c) => c.encoding === 'windows-1251')).toBe(true);
  });
});
