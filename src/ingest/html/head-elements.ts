/**
 * What `<link>` and `<meta name|property>` elements contribute: the item type of a `<link>` and
 * the page metadata kept from `<meta>`.
 */
import type { ItemType } from '../../core/types.js';
import { cleanText } from './whitespace.js';

const META_NAMES = new Set(['description', 'keywords', 'generator', 'robots']);

/**
 * The item type of a `<link>` by its rel tokens: `canonical` wins over `alternate`; any other
 * rel, or none, is `link`.
 */
export function linkItemType(rel: readonly string[]): ItemType {
  if (rel.includes('canonical')) return 'canonical';
  return rel.includes('alternate') ? 'alternate' : 'link';
}

/**
 * Record `<meta name|property=key content>` in `meta` when the key (lower-cased) is description,
 * keywords, generator, robots, `og:*` or `twitter:*` and not yet set: the first occurrence wins.
 * The value is whitespace collapsed and clipped to `max`; robots is lower-cased.
 */
export function addMetaName(
  meta: Record<string, string>,
  name: string | undefined,
  content: string,
  max: number,
): void {
  if (name === undefined) return;
  const key = name.trim().toLowerCase();
  if (!META_NAMES.has(key) && !key.startsWith('og:') && !key.startsWith('twitter:')) return;
  if (key.length > 64 || meta[key] !== undefined) return;
  const value = cleanText(content, max);
  meta[key] = key === 'robots' ? value.toLowerCase() : value;
}
