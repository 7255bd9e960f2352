/**
 * Paragraph assembly: running text in the page's language with links set into it, always with
 * words between two links so every anchor has unambiguous text around it.
 */
import { phrase } from './phrases.js';
import type { Rng } from './prng.js';
import type { Block, DocLink } from './types.js';
import type { Lang } from './words.js';

/** A paragraph (or other block) of text with `links` set into it in order. */
export function paragraph(
  r: Rng,
  lang: Lang,
  links: readonly DocLink[],
  tag: Block['tag'] = 'p',
): Block {
  const parts: Array<string | DocLink> = [];
  let cur = phrase(r, lang, 4, 12, true);
  for (const l of links) {
    parts.push(`${cur} `, l);
    cur = ` ${phrase(r, lang, 2, 8)}`;
  }
  parts.push(`${cur}.`);
  return { tag, parts };
}

/** A block made of one link only (a list item of a nav, listing or blogroll). */
export function linkItem(link: DocLink, tag: Block['tag'] = 'li'): Block {
  return { tag, parts: [link] };
}

/** A list item: the link, then a short description after it. */
export function describedItem(r: Rng, lang: Lang, link: DocLink): Block {
  return { tag: 'li', parts: [link, ` - ${phrase(r, lang, 2, 6)}`] };
}

/** A heading block. */
export function heading(tag: 'h1' | 'h2' | 'h3', text: string): Block {
  return { tag, parts: [text] };
}
