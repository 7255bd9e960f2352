import { describe, expect, it } from 'vitest';
import { SOFTWARE_NAMES } from '../../core/types.js';
import {
  softwareList,
  softwareOfGenerator,
  softwareOfLink,
  softwareOfResource,
} from './software-fingerprints.js';

describe('software fingerprints', () => {
  it('reads generator metas by whole words', () => {
    expect(softwareOfGenerator('WordPress 6.4.2')).toBe('wordpress');
    expect(softwareOfGenerator('Joomla! - Open Source Content Management')).toBe('joomla');
    expect(softwareOfGenerator('Wix.com Website Builder')).toBe('wix');
    expect(softwareOfGenerator('Simple Machines Forum')).toBe('smf');
    expect(softwareOfGenerator('Discourse 3.2')).toBe('discourse');
    expect(softwareOfGenerator('Ghostscript')).toBeUndefined();
    expect(softwareOfGenerator('FrontPage 4.0')).toBeUndefined();
  });

  it('reads resource URLs and forum link schemes', () => {
    expect(softwareOfResource('https://a.com/wp-content/themes/x/style.css')).toBe('wordpress');
    expect(softwareOfResource('/wp-content/plugins/woocommerce/assets/a.js')).toBe('woocommerce');
    expect(softwareOfResource('https://cdn.shopify.com/s/files/1/a.js')).toBe('shopify');
    expect(softwareOfResource('https://a.com/assets/app.js')).toBeUndefined();
    expect(softwareOfLink('https://f.com/viewtopic.php?f=2&t=9')).toBe('phpbb');
    expect(softwareOfLink('https://f.com/showthread.php?tid=9')).toBe('mybb');
    expect(softwareOfLink('https://f.com/thread/9')).toBeUndefined();
  });

  it('lists names in vocabulary order, adding WordPress under WooCommerce', () => {
    expect(softwareList(new Set(['phpbb', 'woocommerce'] as const))).toEqual([
      'wordpress',
      'woocommerce',
      'phpbb',
    ]);
    for (const name of SOFTWARE_NAMES) expect(softwareList(new Set([name]))).toContain(name);
  });
});
