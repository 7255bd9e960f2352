import { describe, expect, it } from 'vitest';
import { ALLOW_ALL, DISALLOW_ALL, parseRobotsRules, productToken } from './robots-rules.js';

describe('productToken', () => {
  it('takes the leading [A-Za-z_-] run of a User-Agent', () => {
    expect(productToken('linkgap/0.1 (+https://example.org/bot)')).toBe('linkgap');
    expect(productToken('linkgap (+https://example.org/bot)')).toBe('linkgap');
    expect(productToken('Link_Gap-Bot')).toBe('Link_Gap-Bot');
    expect(productToken('/weird')).toBe('*');
  });
});

describe('parseRobotsRules', () => {
  const text =
    'User-agent: LinkGap\nDisallow: /*.pdf$\nCrawl-delay: 0.25\n\nUser-agent: *\nDisallow: /\n';

  it('matches our group case-insensitively, with wildcards', () => {
    const rules = parseRobotsRules('https://a.test/robots.txt', text, 'linkgap/0.1');
    expect(rules.isAllowed('https://a.test/doc.pdf')).toBe(false);
    expect(rules.isAllowed('https://a.test/doc.pdf?x=1')).toBe(true);
    expect(rules.isAllowed('https://a.test/page')).toBe(true);
    expect(rules.crawlDelayMs).toBe(250);
  });

  it('does not speak for other origins', () => {
    const rules = parseRobotsRules('https://a.test/robots.txt', text, 'other/1');
    expect(rules.isAllowed('https://a.test/page')).toBe(false);
    expect(rules.isAllowed('https://b.test/page')).toBe(true);
    expect(rules.crawlDelayMs).toBeNull();
  });

  it('has blanket rules for unavailable and unreachable files', () => {
    expect(ALLOW_ALL.isAllowed('https://a.test/x')).toBe(true);
    expect(DISALLOW_ALL.isAllowed('https://a.test/x')).toBe(false);
    expect(DISALLOW_ALL.isAllowed('https://a.test/robots.txt')).toBe(true);
  });
});
