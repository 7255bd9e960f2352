import { describe, expect, it } from 'vitest';
import type { SpamInput } from './score-page.js';
import { scorePage } from './score-page.js';
import { SPAM_SIGNALS, signalsOf } from './signals.js';

const TITLE = 'A perfectly ordinary page title here';
const DESCRIPTION = 'A plain description of what this page is about, nothing more.';

/** A clean page: HTTPS, good title and description, trusted head source, contact, favicon. */
function page(over: Partial<SpamInput> = {}): SpamInput {
  return {
    url: 'https://www.example.com/page',
    title: TITLE,
    meta: { description: DESCRIPTION, 'og:title': TITLE },
    signals: {
      head_hosts: ['www.googletagmanager.com'],
      contact: ['email'],
      favicon: true,
      text_chars: 5000,
    },
    internalLinks: 20,
    externalLinks: 3,
    ...over,
  };
}

function codes(input: SpamInput): string[] {
  return signalsOf(scorePage(input).mask).map((s) => s.code);
}

function added(over: Partial<SpamInput>): string[] {
  const base = new Set(codes(page()));
  return codes(page(over)).filter((c) => !base.has(c));
}

describe('scorePage', () => {
  it('gives a clean page 0 with only the good signals', () => {
    expect(codes(page())).toEqual([
      'trusted_google',
      'social_meta_tags',
      'contact_info',
      'title_good',
      'description_good',
    ]);
    expect(scorePage(page()).score).toBe(0);
  });

  it('sums the weights of the fired signals and clamps to 0–100', () => {
    const bare: SpamInput = {
      url: 'http://a1b2-c-d.xyz/',
      title: null,
      meta: { keywords: 'casino' },
      signals: { head_hosts: [], favicon: false, text_chars: 10 },
      internalLinks: 0,
      externalLinks: 200,
    };
    const r = scorePage(bare);
    const sum = signalsOf(r.mask).reduce((a, s) => a + s.weight, 0);
    expect(sum).toBeGreaterThan(100);
    expect(r.score).toBe(100);
    const mid = page({ url: 'http://www.example.com/' });
    expect(scorePage(mid).score).toBe(0);
    expect(codes(mid)).toContain('plain_http');
    const one = page({ url: 'http://www.example.com/', meta: { description: DESCRIPTION } });
    // plain_http 30, trusted_google -5, contact -20, title_good -5, description_good -5
    expect(scorePage(one).score).toBe(0);
    const two = page({ url: 'http://www.example.com/', meta: {}, signals: {} });
    // plain_http 30, title_good -5, description_bad 5
    expect(scorePage(two).score).toBe(30);
  });

  it('fires domain_length below 4 and above 20 characters before the suffix', () => {
    expect(added({ url: 'https://abc.co.uk/' })).toEqual(['domain_length']);
    expect(added({ url: 'https://abcd.co.uk/' })).toEqual([]);
    expect(added({ url: 'https://abcdefghijklmnopqrstu.com/' })).toContain('domain_length');
    expect(added({ url: 'https://abcdefghijklmnopqrst.com/' })).not.toContain('domain_length');
  });

  it('fires domain_digits and subdomain_digits on two digits', () => {
    expect(added({ url: 'https://shop24x7.com/' })).toEqual(['domain_digits']);
    expect(added({ url: 'https://shop2.com/' })).toEqual([]);
    expect(added({ url: 'https://s12.example.com/' })).toEqual(['subdomain_digits']);
    expect(added({ url: 'https://s1.example.com/' })).toEqual([]);
  });

  it('fires domain_hyphens on two hyphens and consonant_run on five consonants', () => {
    expect(added({ url: 'https://best-shop-now.com/' })).toEqual(['domain_hyphens']);
    expect(added({ url: 'https://best-shop.com/' })).toEqual([]);
    expect(added({ url: 'https://bcdfgstore.com/' })).toEqual(['consonant_run']);
    expect(added({ url: 'https://strongest.com/' })).toEqual([]);
  });

  it('skips name-shape signals for IP hosts and IDN labels', () => {
    expect(added({ url: 'https://10.0.0.1/' })).toEqual([]);
    expect(added({ url: 'https://xn--bcher-kva--x.com/' })).toEqual([]);
  });

  it('fires spammy_tld on the last label of the suffix', () => {
    expect(added({ url: 'https://example.xyz/' })).toEqual(['spammy_tld']);
    expect(added({ url: 'https://example.com.cn/' })).toEqual(['spammy_tld']);
    expect(added({ url: 'https://example.de/' })).toEqual([]);
  });

  it('fires no_trusted_head_sources only when head hosts were observed', () => {
    const signals = { contact: ['email' as const], favicon: true, text_chars: 5000 };
    expect(codes(page({ signals: { ...signals, head_hosts: ['cdn.example.com'] } }))).toContain(
      'no_trusted_head_sources',
    );
    const unobserved = codes(page({ signals }));
    expect(unobserved).not.toContain('no_trusted_head_sources');
    expect(unobserved).not.toContain('trusted_google');
  });

  it('fires one trusted_* signal per vendor, on subdomains too', () => {
    const heads = [
      'fonts.googleapis.com',
      'bat.bing.com',
      'connect.facebook.net',
      'platform.twitter.com',
    ];
    const c = codes(page({ signals: { head_hosts: heads } }));
    expect(c).toEqual(
      expect.arrayContaining([
        'trusted_google',
        'trusted_bing',
        'trusted_facebook',
        'trusted_twitter',
      ]),
    );
    expect(c).not.toContain('no_trusted_head_sources');
    expect(codes(page({ signals: { head_hosts: ['notgoogle.com'] } }))).toContain(
      'no_trusted_head_sources',
    );
  });

  it('fires social_meta_tags on og:* or twitter:* and contact_info on any contact', () => {
    expect(codes(page({ meta: { 'twitter:card': 'summary' } }))).toContain('social_meta_tags');
    expect(codes(page({ meta: { description: DESCRIPTION } }))).not.toContain('social_meta_tags');
    expect(codes(page({ signals: { contact: [] } }))).not.toContain('contact_info');
    expect(codes(page({ signals: { contact: ['contact_page'] } }))).toContain('contact_info');
  });

  it('fires foreign_canonical only for a canonical on another registrable domain', () => {
    const meta = { description: DESCRIPTION, 'og:title': TITLE };
    expect(added({ meta: { ...meta, canonical: 'https://other.com/page' } })).toEqual([
      'foreign_canonical',
    ]);
    expect(added({ meta: { ...meta, canonical: 'https://www.example.com/x' } })).toEqual([]);
    expect(added({ meta: { ...meta, canonical: 'https://shop.example.com/x' } })).toEqual([]);
  });

  it('scores title and description lengths at the 30–65 and 40–200 bounds', () => {
    expect(codes(page({ title: 'x'.repeat(30) }))).toContain('title_good');
    expect(codes(page({ title: 'x'.repeat(29) }))).toContain('title_bad');
    expect(codes(page({ title: 'x'.repeat(66) }))).toContain('title_bad');
    expect(codes(page({ title: undefined }))).toContain('title_bad');
    expect(codes(page({ meta: { description: 'y'.repeat(40) } }))).toContain('description_good');
    expect(codes(page({ meta: { description: 'y'.repeat(201) } }))).toContain('description_bad');
    expect(codes(page({ meta: null }))).toContain('description_bad');
  });

  it('fires meta_keywords on a non-empty keywords meta', () => {
    const meta = { description: DESCRIPTION, 'og:title': TITLE };
    expect(added({ meta: { ...meta, keywords: 'shoes, boots' } })).toEqual(['meta_keywords']);
    expect(added({ meta: { ...meta, keywords: ' ' } })).toEqual([]);
  });

  it('fires external_link_ratio and many_external_links on link counts', () => {
    expect(added({ internalLinks: 9, externalLinks: 10 })).toEqual(['external_link_ratio']);
    expect(added({ internalLinks: 1, externalLinks: 9 })).toEqual([]);
    expect(added({ internalLinks: 10, externalLinks: 10 })).toEqual([]);
    expect(added({ internalLinks: 500, externalLinks: 101 })).toEqual(['many_external_links']);
  });

  it('fires thin_content and no_favicon only on evidence', () => {
    expect(added({ signals: { ...page().signals, text_chars: 249 } })).toEqual(['thin_content']);
    expect(added({ signals: { ...page().signals, text_chars: 250 } })).toEqual([]);
    expect(added({ signals: { ...page().signals, favicon: false } })).toEqual(['no_favicon']);
    const wat = { head_hosts: ['www.google-analytics.com'], contact: ['email' as const] };
    expect(added({ signals: wat })).toEqual([]);
  });

  it('fires poison_words on whole words in title/description and on distinctive host words', () => {
    expect(added({ title: 'Best online casino bonuses of the year 2024' })).toEqual([
      'poison_words',
    ]);
    expect(added({ title: 'The Essex and Sussex county walking guide' })).toEqual([]);
    expect(
      added({ meta: { description: `${DESCRIPTION} Cheap viagra.`, 'og:title': TITLE } }),
    ).toEqual(['poison_words']);
    expect(added({ url: 'https://bestcasinoguide.com/' })).toEqual(['poison_words']);
    expect(added({ url: 'https://www.essexwalks.com/' })).toEqual([]);
  });

  it('can fire every signal of the catalogue', () => {
    const all = new Set<string>();
    const inputs: SpamInput[] = [
      {
        url: 'http://a12.b1c2-d-fghjk.xyz/',
        title: 'Casino',
        meta: { keywords: 'k', canonical: 'https://other.org/' },
        signals: { head_hosts: [], favicon: false, text_chars: 1 },
        internalLinks: 0,
        externalLinks: 101,
      },
      {
        url: 'https://ab.com/',
        title: TITLE,
        meta: { description: DESCRIPTION, 'og:type': 'website' },
        signals: {
          head_hosts: ['gstatic.com', 'bing.com', 'fbcdn.net', 'x.com'],
          contact: ['phone'],
        },
        internalLinks: 0,
        externalLinks: 0,
      },
    ];
    for (const i of inputs) for (const c of codes(i)) all.add(c);
    expect([...all].sort()).toEqual(SPAM_SIGNALS.map((s) => s.code).sort());
  });
});
