/**
 * Link occurrence records as the extractor emits them, with a fixed field order so that
 * serialised captures read the same whichever element a link came from.
 */
import type { ItemType, LinkOccurrence } from '../../core/types.js';

/**
 * A link in body text (`<a>`, `<area>`): anchor text, optional alt, rel, the text before it and
 * (filled in later) the text after it, and its semantic location.
 */
export function bodyLink(
  url: string,
  itemType: 'anchor' | 'image',
  anchor: string,
  alt: string | undefined,
  rel: string[],
  textPre: string,
  semanticLocation: string,
): LinkOccurrence {
  if (alt === undefined) {
    return {
      url,
      item_type: itemType,
      anchor,
      rel,
      text_pre: textPre,
      text_post: '',
      semantic_location: semanticLocation,
    };
  }
  return {
    url,
    item_type: itemType,
    anchor,
    alt,
    rel,
    text_pre: textPre,
    text_post: '',
    semantic_location: semanticLocation,
  };
}

/** A link without text context (`<link>`, meta refresh): empty anchor, rel, semantic location. */
export function headLink(
  url: string,
  itemType: ItemType,
  rel: string[],
  semanticLocation: string,
): LinkOccurrence {
  return { url, item_type: itemType, anchor: '', rel, semantic_location: semanticLocation };
}
