import { describe, expect, it } from 'vitest';
import { extractPage } from './extract-page.js';

const encoder = new TextEncoder();
const extract = (html: string, url = 'https://www.shop.example/p/1') =>
  extractPage({ url, body: encoder.encode(html) });

describe('extractPage signals', () => {
  it('gathers head hosts, icons and software from the head, in document order', () => {
    const page = extract(`<!DOCTYPE html><html><head>
      <meta name="generator" content="WordPress 6.4.2">
      <meta name="generator" content="WooCommerce 8.5.1">
      <link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Lato">
      <script src="https://www.googletagmanager.com/gtag/js?id=G-1" async></script>
      <script src="/wp-includes/js/jquery.js"></script>
      <link rel="Shortcut Icon" href="/favicon.ico">
      <script src="https://FONTS.googleapis.com:443/x.js"></script>
      <script>var a = '<script src="https://evil.example/">';</script>
      </head><body><script src="https://body.example/late.js"></script>
      <link rel="stylesheet" href="https://body.example/late.css"><p>Hi</p></body></html>`);
    expect(page.signals).toEqual({
      head_hosts: ['fonts.googleapis.com', 'www.googletagmanager.com', 'www.shop.example'],
      software: ['wordpress', 'woocommerce'],
      schema_types: [],
      contact: [],
      favicon: true,
      text_chars: 2,
    });
    // Stylesheets and icons are still links; scripts are not.
    expect(page.links.map((l) => l.url)).toEqual([
      'https://fonts.googleapis.com/css?family=Lato',
      'https://www.shop.example/favicon.ico',
      'https://body.example/late.css',
    ]);
  });

  it('takes no head hosts from a page without <head>, and reads an apple-touch-icon anywhere', () => {
    const page = extract(
      '<link rel="stylesheet" href="https://cdn.example/a.css"><p><img src="https://cdn.shopify.com/s/x.png"></p>' +
        '<link rel="apple-touch-icon" href="/t.png">',
    );
    expect(page.signals).toMatchObject({ head_hosts: [], software: ['shopify'], favicon: true });
    expect(extract('<head><link rel="icon" href=""></head>').signals.favicon).toBe(false);
  });

  it('recognises software from resource paths, markup and forum link schemes', () => {
    const sw = (html: string) => extract(html).signals.software;
    expect(sw('<img src="/sites/default/files/logo.png">')).toEqual(['drupal']);
    expect(sw('<script src="https://static.parastorage.com/services/x.js"></script>')).toEqual([
      'wix',
    ]);
    expect(sw('<link rel=stylesheet href="/skin/frontend/rwd/default/css/styles.css">')).toEqual([
      'magento',
    ]);
    expect(sw('<html id="XF"><body>x</body></html>')).toEqual(['xenforo']);
    expect(sw('<body class="home woocommerce-page woocommerce">x</body>')).toEqual([
      'wordpress',
      'woocommerce',
    ]);
    expect(sw('<a href="/forum/viewtopic.php?t=12">A topic</a>')).toEqual(['phpbb']);
    expect(
      sw('<meta name="generator" content="MediaWiki 1.41.0"><meta name=generator content="x">'),
    ).toEqual(['mediawiki']);
    // Words inside other words, and the page's text, say nothing.
    expect(sw('<meta name="generator" content="Ghostwriter 2"><p>/wp-content/ phpBB</p>')).toEqual(
      [],
    );
  });

  it('reads schema.org types from itemtype and JSON-LD, including arrays and @graph', () => {
    const page = extract(`<html><head>
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting",
        "author":{"@type":"Person","name":"A"}}</script>
      <script type="application/ld+json">[{"@type":["WebPage","schema:ItemPage"]},{"@type":"BlogPosting"}]</script>
      <script type="application/ld+json">{"@graph":[{"@type":"Organization"},{"@type":"WebSite"}]}</script>
      <script type="application/ld+json">{"@type": "Broken",</script>
      <script type="Application/LD+JSON ">{"@type":"http://schema.org/Product"}</script>
      <script type="text/javascript">{"@type":"NotJsonLd"}</script>
      </head><body><div itemscope itemtype="https://schema.org/BreadcrumbList http://schema.org/ListItem">
      <span itemtype="https://schema.org/BlogPosting">x</span></div></body></html>`);
    expect(page.signals.schema_types).toEqual([
      'BlogPosting',
      'WebPage',
      'ItemPage',
      'Organization',
      'WebSite',
      'Product',
      'BreadcrumbList',
      'ListItem',
    ]);
    expect(page.signals.text_chars).toBe(1);
  });

  it('keeps at most 20 schema types and ignores a JSON-LD block over the size limit', () => {
    const types = Array.from({ length: 30 }, (_, i) => `{"@type":"T${i}"}`).join(',');
    expect(
      extract(`<script type="application/ld+json">[${types}]</script>`).signals.schema_types,
    ).toHaveLength(20);
    const big = `{"@type":"Big","x":"${'y'.repeat(300_000)}"}`;
    expect(
      extract(`<script type="application/ld+json">${big}</script>`).signals.schema_types,
    ).toEqual([]);
  });

  it('finds contact evidence: mailto and tel hrefs (not links), e-mail in text, contact pages', () => {
    const page = extract(`<body><footer>
      <a href=" MAILTO:info@shop.example">Mail us</a> <a href="tel:+49301234">Call</a>
      <a href="/Kontakt/">Kontakt</a></footer></body>`);
    expect(page.signals.contact).toEqual(['email', 'phone', 'contact_page']);
    expect(page.links.map((l) => l.url)).toEqual(['https://www.shop.example/Kontakt/']);
    expect(page.skippedLinks).toBe(2);

    const contact = (html: string) => extract(html).signals.contact;
    expect(contact('<p>Write to sales@shop.example.</p>')).toEqual(['email']);
    expect(contact('<p>Write to <b>sales</b>@shop</p><p>@home a@b</p>')).toEqual([]);
    expect(contact('<script>x="a@b.example"</script><p title="a@b.example">x</p>')).toEqual([]);
    expect(contact('<a href="https://shop.example/about-us.html">Our story</a>')).toEqual([
      'contact_page',
    ]);
    expect(contact('<a href="/team">About us</a>')).toEqual(['contact_page']);
    // Another site's contact page is not this page's.
    expect(contact('<a href="https://other.example/contact">Contact</a>')).toEqual([]);
  });

  it('counts visible text exactly, whitespace collapsed, however long the text runs are', () => {
    const words = Array.from({ length: 400 }, (_, i) => `w${i}`).join(' \n ');
    const expected = Array.from({ length: 400 }, (_, i) => `w${i}`).join(' ');
    const page = extract(
      `<head><title>Not text</title><style>p{}</style></head><body><p>  ${words}  </p>` +
        `<noscript>hidden</noscript><p>a&amp;b <a href="/x">link</a></p></body>`,
    );
    expect(page.signals.text_chars).toBe(expected.length + ' a&b link'.length);
    const long = `${'x'.repeat(300)}${' '.repeat(300)}${'y'.repeat(300)}`;
    expect(extract(`<p>${long}</p><p><a href="/a">z</a></p>`).signals.text_chars).toBe(603);
  });
});
