/**
 * Character references (`&amp;`, `&#39;`, `&nbsp`) in the text and attributes the extractor
 * keeps. htmlparser2 runs with `decodeEntities: false`, which lets its tokenizer skip text with
 * a tight loop and keeps each text node in one piece; decoding only what we keep is cheaper.
 */
import { decodeHTML, decodeHTMLAttribute } from 'entities';

/** Decode character references in text, with the HTML rules for text. */
export function decodeText(raw: string): string {
  return raw.includes('&') ? decodeHTML(raw) : raw;
}

/**
 * Decode character references in an attribute value, with the HTML rules for attributes
 * (`&copy=1` in a URL stays as written).
 */
export function decodeAttribute(raw: string): string {
  return raw.includes('&') ? decodeHTMLAttribute(raw) : raw;
}
