/**
 * WAT link entries (`HTML-Metadata.Links`, `Head.Link`, `Head.Metas`) → link occurrences.
 *
 * ia-web-commons writes one entry per URL-bearing attribute, `path` naming tag and attribute:
 *
 * | WAT entry                                   | item_type                              |
 * | ------------------------------------------- | -------------------------------------- |
 * | `A@/href` with text                         | anchor (text → anchor, rel → rel)      |
 * | `A@/href` without text right after `IMG@/src` | image (alt from that IMG entry)      |
 * | `A@/href` otherwise                         | anchor with anchor ""                  |
 * | `AREA@/href`                                | anchor                                 |
 * | `LINK@/href` (Head.Link or Links)           | canonical / alternate by rel, else link |
 * | `Head.Metas` http-equiv refresh, `META@/content` | meta                              |
 * | `IMG@/src`, `IMG@/longdesc`                 | not a link (no nesting in WAT)         |
 * | `FORM@/action`, `SCRIPT@/src`, `IFRAME@/src`, `FRAME@/src`, `EMBED@/src`, `OBJECT@/…`, `APPLET@/…`, `VIDEO/AUDIO/SOURCE/TRACK@/…`, `INPUT@/…`, `BUTTON@/…`, `MENUITEM@/icon`, `Q/BLOCKQUOTE/DEL/INS@/cite`, `*@/data-href`, `*@/data-uri`, `*@/background`, `*@/onclick`, `STYLE/#text` | not a link |
 *
 * WAT has no nesting, but an anchor entry is written when its `</a>` closes, so an image inside
 * `<a>` comes out as an `IMG@/src` entry directly before a text-less `A@/href` entry: that pair is
 * read as an image link. URLs are resolved against `Head.Base` (itself resolved against the page)
 * or the page URL and normalised; ones that do not resolve to http(s) are skipped and counted.
 */

import type { ItemType, LinkOccurrence } from '../../core/types.js';
import { normalizeUrl } from '../../core/url/normalize-url.js';
import { type JsonObject, stringAt } from './json-access.js';

/** Where the links of one WAT record come from. */
export interface WatLinkSources {
  /** Normalised page URL (or `Head.Base` resolved against it). */
  base: string;
  /** `Head.Link` entries. */
  headLinks: JsonObject[];
  /** `Head.Metas` entries. */
  metas: JsonObject[];
  /** `HTML-Metadata.Links` entries. */
  links: JsonObject[];
}

/** Link occurrences in head-then-body order, and how many entries had an unusable URL. */
export interface WatLinks {
  links: LinkOccurrence[];
  invalid: number;
}

const TEXT_LIMIT = 128;

/** Map the link entries of one WAT record (see the module comment for the table). */
export function mapWatLinks(sources: WatLinkSources): WatLinks {
  const out: LinkOccurrence[] = [];
  let invalid = 0;
  const add = (raw: string | undefined, link: Omit<LinkOccurrence, 'url'>) => {
    if (raw === undefined) return;
    const url = normalizeUrl(raw, sources.base);
    if (!url.ok) {
      invalid++;
      return;
    }
    out.push({ url: url.url, ...link });
  };
  for (const entry of sources.headLinks) addLinkTag(entry, add);
  for (const meta of sources.metas) {
    if ((stringAt(meta, 'http-equiv') ?? '').toLowerCase() !== 'refresh') continue;
    add(refreshTarget(stringAt(meta, 'content') ?? ''), { item_type: 'meta' });
  }
  sources.links.forEach((entry, i) => {
    const path = (stringAt(entry, 'path') ?? '').toUpperCase();
    const url = stringAt(entry, 'url');
    if (path === 'A@/HREF') {
      const text = collapse(stringAt(entry, 'text') ?? '').slice(0, TEXT_LIMIT);
      const previous = sources.links[i - 1];
      const image = text === '' && (stringAt(previous, 'path') ?? '').toUpperCase() === 'IMG@/SRC';
      const link: Omit<LinkOccurrence, 'url'> = image
        ? { item_type: 'image', anchor: '', alt: collapse(stringAt(previous, 'alt') ?? '') }
        : { item_type: 'anchor', anchor: text };
      add(url, withRel(link, entry));
    } else if (path === 'AREA@/HREF') {
      add(
        url,
        withRel({ item_type: 'anchor', anchor: collapse(stringAt(entry, 'alt') ?? '') }, entry),
      );
    } else if (path === 'LINK@/HREF') {
      addLinkTag(entry, add);
    } else if (path === 'META@/CONTENT') {
      const equiv = stringAt(entry, 'http-equiv');
      if (equiv === undefined || equiv.toLowerCase() === 'refresh') {
        add(url === undefined ? undefined : (refreshTarget(url) ?? url), { item_type: 'meta' });
      }
    }
  });
  return { links: out, invalid };
}

/** rel tokens of an entry: lower-case, in order, without duplicates. */
export function relTokens(rel: string | undefined): string[] {
  if (rel === undefined) return [];
  return [
    ...new Set(
      rel
        .toLowerCase()
        .split(/\s+/)
        .filter((t) => t !== ''),
    ),
  ];
}

/** The URL of a meta refresh `content` (`5; url=/next`), or undefined. */
export function refreshTarget(content: string): string | undefined {
  const semicolon = content.indexOf(';');
  const comma = content.indexOf(',');
  const cut = semicolon >= 0 ? semicolon : comma;
  if (cut < 0) return /^\s*\d*\.?\d*\s*$/.test(content) ? undefined : content.trim() || undefined;
  let rest = content.slice(cut + 1).trim();
  const m = /^url\s*=\s*/i.exec(rest);
  if (m !== null) rest = rest.slice(m[0].length);
  rest = rest.replace(/^['"]|['"]$/g, '').trim();
  return rest === '' ? undefined : rest;
}

function addLinkTag(
  entry: JsonObject,
  add: (raw: string | undefined, link: Omit<LinkOccurrence, 'url'>) => void,
): void {
  const rel = relTokens(stringAt(entry, 'rel'));
  const itemType: ItemType = rel.includes('canonical')
    ? 'canonical'
    : rel.includes('alternate')
      ? 'alternate'
      : 'link';
  add(stringAt(entry, 'url') ?? stringAt(entry, 'href'), withRel({ item_type: itemType }, entry));
}

function withRel(
  link: Omit<LinkOccurrence, 'url'>,
  entry: JsonObject,
): Omit<LinkOccurrence, 'url'> {
  const rel = relTokens(stringAt(entry, 'rel'));
  return rel.length > 0 ? { ...link, rel } : link;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
