import { describe, expect, it } from 'vitest';
import { watFixture } from '../../../test/helpers/wat-bytes.js';
import { watToCapture } from './wat-capture.js';

describe('watToCapture', () => {
  it('maps an HTML page: facts, meta and links in head-then-body order', () => {
    const result = watToCapture(watFixture('html-page.json'));
    expect(result.kind).toBe('capture');
    if (result.kind !== 'capture') return;
    expect(result.invalidLinks).toBe(3);
    const { links, ...facts } = result.capture;
    expect(facts).toEqual({
      url: 'https://www.example.org/guides/seo/index.html',
      fetched_at: '2024-05-18T01:58:10Z',
      status: 200,
      ip: '208.80.154.224',
      content_type: 'text/html',
      size: 20511,
      title: 'SEO guide: link building',
      lang: 'de',
      meta: {
        description: 'How to earn links.',
        generator: 'WordPress 6.5.3',
        robots: 'index, follow',
        'og:title': 'SEO guide',
        'og:image': 'https://cdn.example.org/og.png',
        'twitter:card': 'summary',
        'x-robots-tag': 'noarchive',
        canonical: 'https://www.example.org/guides/seo/',
      },
      signals: {
        head_hosts: ['www.example.org'],
        software: ['wordpress'],
        contact: ['email'],
        favicon: false,
      },
    });
    expect(links).toEqual([
      { url: 'https://www.example.org/guides/seo/', item_type: 'canonical', rel: ['canonical'] },
      { url: 'https://www.example.org/fr/guides/seo/', item_type: 'alternate', rel: ['alternate'] },
      {
        url: 'https://www.example.org/wp-content/themes/x/style.css',
        item_type: 'link',
        rel: ['stylesheet'],
      },
      { url: 'https://www.example.org/feed/', item_type: 'alternate', rel: ['alternate'] },
      { url: 'https://www.example.org/guides/seo/next.html', item_type: 'meta' },
      { url: 'https://www.example.org/', item_type: 'anchor', anchor: 'Home' },
      {
        url: 'https://partner.example.net/?ref=guide',
        item_type: 'image',
        anchor: '',
        alt: 'Example logo',
        rel: ['sponsored', 'nofollow'],
      },
      { url: 'https://www.example.org/guides/tools/', item_type: 'anchor', anchor: 'Our tools' },
      {
        url: 'https://other.example.com/page',
        item_type: 'anchor',
        anchor: 'Other site',
        rel: ['noopener'],
      },
      {
        url: 'https://www.example.org/map/north',
        item_type: 'anchor',
        anchor: '',
        rel: ['nofollow'],
      },
    ]);
  });

  it('reads signals from head scripts and links, generator metas, resources and links', () => {
    const doc = watFixture('html-page.json') as {
      Envelope: { 'Payload-Metadata': { 'HTTP-Response-Metadata': { 'HTML-Metadata': Html } } };
    };
    type Entry = Record<string, string>;
    type Html = { Head: { Metas: Entry[]; Link: Entry[]; Scripts: Entry[] }; Links: Entry[] };
    const html = doc.Envelope['Payload-Metadata']['HTTP-Response-Metadata']['HTML-Metadata'];
    html.Head.Metas.push({ name: 'generator', content: 'WooCommerce 8.5.1' });
    html.Head.Link.push({ path: 'LINK@/href', url: '/favicon.ico', rel: 'Shortcut Icon' });
    html.Head.Scripts.unshift({
      path: 'SCRIPT@/src',
      url: 'https://www.GoogleTagManager.com/gtm.js?id=GTM-1',
    });
    html.Links.push(
      { path: 'A@/href', url: 'tel:+43 1 234', text: 'Call' },
      { path: 'A@/href', url: '/forum/viewtopic.php?t=3', text: 'A topic' },
      { path: 'A@/href', url: 'https://example.org/impressum', text: 'Legal' },
      { path: 'A@/href', url: 'https://other.example.com/contact', text: 'Contact' },
      { path: 'IMG@/src', url: 'https://cdn.shopify.com/s/a.png', alt: '' },
    );
    const result = watToCapture(doc);
    expect(result.kind === 'capture' && result.capture.signals).toEqual({
      // Head.Link entries first, then Head.Scripts: WAT does not tell how they interleave.
      head_hosts: ['www.example.org', 'www.googletagmanager.com'],
      software: ['wordpress', 'shopify', 'woocommerce', 'phpbb'],
      contact: ['email', 'phone', 'contact_page'],
      favicon: true,
    });
    // mailto: and tel: stay out of the links.
    expect(
      result.kind === 'capture' && result.capture.links.filter((l) => !l.url.startsWith('http')),
    ).toEqual([]);
  });

  it('maps a redirect to redirect_location and a redirect link', () => {
    const result = watToCapture(watFixture('redirect.json'));
    expect(result.kind === 'capture' && result.capture).toMatchObject({
      url: 'http://example.org/old-page',
      status: 301,
      redirect_location: 'http://example.org/new-page?x=1',
      title: '301 Moved Permanently',
      links: [
        { url: 'http://example.org/new-page?x=1', item_type: 'redirect' },
        { url: 'https://example.org/new-page?x=1', item_type: 'anchor', anchor: 'here' },
      ],
    });
    expect(result.kind === 'capture' && result.capture.signals).toBeUndefined();
  });

  it('keeps a non-HTML error answer as a capture without links', () => {
    const result = watToCapture(watFixture('not-found.json'));
    expect(result.kind === 'capture' && result.capture).toEqual({
      url: 'https://files.example.org/missing.pdf',
      fetched_at: '2024-05-18T02:05:01Z',
      status: 404,
      content_type: 'application/pdf',
      size: 0,
      links: [],
    });
  });

  it('resolves relative links against Head.Base', () => {
    const result = watToCapture(watFixture('base-href.json'));
    expect(result.kind === 'capture' && result.capture.links.map((l) => l.url)).toEqual([
      'https://blog.example.com/archive/older.html',
      'https://cdn.example.com/file.zip',
    ]);
  });

  it('skips WAT documents of other record types and non-http targets', () => {
    expect(watToCapture(watFixture('request.json'))).toEqual({
      kind: 'skipped',
      reason: 'WAT of a request record',
    });
    const dns = {
      Envelope: {
        'WARC-Header-Metadata': { 'WARC-Type': 'response', 'WARC-Target-URI': 'dns:x.org' },
      },
    };
    expect(watToCapture(dns).kind).toBe('skipped');
  });

  it('reports JSON that is not a WAT document', () => {
    expect(watToCapture([1, 2])).toEqual({ kind: 'error', message: 'WAT JSON without Envelope' });
    const badDate = {
      Envelope: {
        'WARC-Header-Metadata': { 'WARC-Type': 'response', 'WARC-Target-URI': 'http://a.org/' },
      },
    };
    expect(watToCapture(badDate).kind).toBe('error');
  });
});
