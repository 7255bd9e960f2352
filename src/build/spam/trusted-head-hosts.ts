/**
 * Hosts of `<script src>` / `<link href>` in `<head>` that count as a trusted source, per
 * vendor. A head host matches an entry when it equals it or is a subdomain of it.
 *
 * Source: DataForSEO's spam score signals list Google, Bing, Facebook and Twitter as the
 * trusted sources (spec/moz-and-peers.md §2.3); the hosts are each vendor's documented
 * embed/analytics/font endpoints (Google Tag Manager, Google Analytics, Google Fonts, Google
 * Hosted Libraries, reCAPTCHA, AdSense; Microsoft UET `bat.bing.com`; the Meta pixel and SDK
 * `connect.facebook.net`; X's widgets `platform.twitter.com` and ads pixel `static.ads-twitter.com`).
 */

/** A trusted vendor: its spam signal code and the hosts that identify it. */
export interface TrustedVendor {
  signal: 'trusted_google' | 'trusted_bing' | 'trusted_facebook' | 'trusted_twitter';
  hosts: readonly string[];
}

/** Every trusted vendor, in signal order. */
export const TRUSTED_VENDORS: readonly TrustedVendor[] = [
  {
    signal: 'trusted_google',
    hosts: [
      'googletagmanager.com',
      'google-analytics.com',
      'googleapis.com',
      'gstatic.com',
      'googlesyndication.com',
      'googleadservices.com',
      'doubleclick.net',
      'google.com',
      'googleoptimize.com',
    ],
  },
  { signal: 'trusted_bing', hosts: ['bing.com', 'bing.net'] },
  {
    signal: 'trusted_facebook',
    hosts: ['connect.facebook.net', 'facebook.net', 'facebook.com', 'fbcdn.net'],
  },
  {
    signal: 'trusted_twitter',
    hosts: ['platform.twitter.com', 'twitter.com', 'x.com', 'twimg.com', 'ads-twitter.com'],
  },
];
