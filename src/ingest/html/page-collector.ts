/**
 * The htmlparser2 callback handler that collects links, title, meta and language evidence from
 * one document while it streams by. Internal to this folder: use `extractPage`.
 */
import type { LinkOccurrence } from '../../core/types.js';
import { normalizeUrl } from '../../core/url/normalize-url.js';
import { decodeAttribute, decodeText } from './char-refs.js';
import {
  BREAK,
  elementFlags,
  HIDDEN,
  OFF_CONTEXT,
  readAttributes,
  SEMANTIC,
  SPECIAL,
} from './elements.js';
import { addMetaName, linkItemType } from './head-elements.js';
import { HtmlSignals } from './html-signals.js';
import { bodyLink, headLink } from './link-records.js';
import { parseMetaRefresh } from './meta-refresh.js';
import { normalizeLang } from './normalize-lang.js';
import { parseRel } from './rel-tokens.js';
import { type Base, prepareBase, resolveHref } from './resolve-href.js';
import { itemtypeNames } from './schema-types.js';
import { isIconRel } from './signal-collector.js';
import { TextContext } from './text-context.js';
import type { CollectedPage } from './types.js';
import { CappedText, cleanText } from './whitespace.js';

/** Cap for stored anchor text, alt text, title and meta values. */
export const MAX_TEXT = 1000;

type Attribs = Record<string, string>;

interface OpenAnchor {
  link: LinkOccurrence;
  index: number;
  text: CappedText;
  image: boolean;
  alt: string;
}

/**
 * Streaming collector. Pass it to `new Parser(collector, { decodeEntities: false })` (it
 * decodes character references itself), call `parser.end(html)`, then `result()`. Relies on htmlparser2 emitting exactly one close event per opened element
 * (implied closes included), and guards counters against truncated input where it does not.
 * It listens to tag names and attributes rather than `onopentag`, so the parser never builds an
 * attributes object per tag; a special element is handled at the next event after its name.
 */
export class PageCollector {
  #base: Base | undefined;
  #baseSeen = false;
  #text: TextContext;
  #links: LinkOccurrence[] = [];
  #skipped = 0;
  #meta: Record<string, string> = {};
  #semantic: string[] = [];
  #hidden = 0;
  #offContext = 0;
  #svg = 0;
  #anchor: OpenAnchor | null = null;
  #titleText: CappedText | null = null;
  #titleSeen = false;
  #title: string | undefined;
  #htmlSeen = false;
  #htmlLang: string | undefined;
  #metaLang: string | undefined;
  #pending: string | null = null;
  #attribs: Attribs = {};
  #read: ReadonlySet<string> = readAttributes('');
  #signals: HtmlSignals;

  /** @param sampleChars leading visible characters to keep for language detection (0 = none) */
  constructor(url: string, sampleChars: number) {
    const normalized = normalizeUrl(url);
    this.#base = normalized.ok ? prepareBase(normalized.url) : undefined;
    this.#text = new TextContext(sampleChars);
    this.#signals = new HtmlSignals(normalized.ok ? normalized.url : url);
  }

  /** htmlparser2 callback: an element opens (its attributes follow). */
  onopentagname(name: string): void {
    if (this.#pending !== null) this.#flush();
    const flags = elementFlags(name);
    if (flags === 0) return;
    if (flags & BREAK) this.#break();
    if (flags & SEMANTIC) this.#semantic.push(name);
    if (flags & HIDDEN) this.#hidden++;
    if (flags & OFF_CONTEXT) this.#offContext++;
    if (flags & SPECIAL) {
      this.#pending = name;
      this.#attribs = {};
      this.#read = readAttributes(name);
    }
  }

  /** htmlparser2 callback: one attribute of the element that just opened. */
  onattribute(name: string, value: string): void {
    // Microdata types can sit on any element.
    if (name === 'itemtype') this.#signals.schemaTypes(itemtypeNames(decodeAttribute(value)));
    // The first occurrence of an attribute wins, as in browsers.
    if (this.#pending !== null && this.#read.has(name) && this.#attribs[name] === undefined) {
      this.#attribs[name] = decodeAttribute(value);
    }
  }

  /** htmlparser2 callback: an element closed, explicitly or implied. */
  onclosetag(name: string): void {
    if (this.#pending !== null) this.#flush();
    const flags = elementFlags(name);
    if (flags === 0) return;
    if (flags & BREAK) this.#break();
    if (flags & SEMANTIC && this.#semantic[this.#semantic.length - 1] === name)
      this.#semantic.pop();
    if (flags & HIDDEN && this.#hidden > 0) this.#hidden--;
    if (flags & OFF_CONTEXT && this.#offContext > 0) this.#offContext--;
    if (flags & SPECIAL) {
      if (name === 'a') this.#finishAnchor();
      else if (name === 'title') this.#finishTitle();
      else if (name === 'script' || name === 'head') this.#signals.closed(name);
      else if (name === 'svg' && this.#svg > 0) this.#svg--;
    }
  }

  /** htmlparser2 callback: a run of text, character references not yet decoded. */
  ontext(raw: string): void {
    if (this.#pending !== null) this.#flush();
    if (this.#hidden > 0) {
      this.#titleText?.add(decodeText(raw));
      this.#signals.hiddenText(raw);
      return;
    }
    const data = decodeText(raw);
    this.#anchor?.text.add(data);
    if (this.#offContext === 0) {
      this.#text.write(data);
      this.#signals.text(data);
    }
  }

  /** Everything found; call once, after the parser has ended. */
  result(): CollectedPage {
    if (this.#pending !== null) this.#flush();
    this.#finishAnchor();
    this.#text.finish();
    const page: CollectedPage = {
      meta: this.#meta,
      links: this.#links,
      skippedLinks: this.#skipped,
      sample: this.#text.sample(),
      signals: this.#signals.htmlResult(this.#text.visibleChars()),
    };
    if (this.#title !== undefined && this.#title !== '') page.title = this.#title;
    if (this.#htmlLang !== undefined) page.htmlLang = this.#htmlLang;
    if (this.#metaLang !== undefined) page.metaLang = this.#metaLang;
    return page;
  }

  #flush(): void {
    const name = this.#pending;
    const attribs = this.#attribs;
    this.#pending = null;
    switch (name) {
      case 'a':
        this.#openAnchor(attribs);
        break;
      case 'img':
        if (attribs.src !== undefined) this.#signals.resource(attribs.src);
        if (this.#anchor !== null && !this.#anchor.image) {
          this.#anchor.image = true;
          this.#anchor.alt = cleanText(attribs.alt, MAX_TEXT);
        }
        break;
      case 'area':
        this.#area(attribs);
        break;
      case 'link':
        this.#linkElement(attribs);
        break;
      case 'meta':
        this.#metaElement(attribs);
        break;
      case 'base':
        if (!this.#baseSeen && attribs.href !== undefined) {
          // The first <base href> counts even when invalid (then the document URL stays).
          this.#baseSeen = true;
          const base = resolveHref(attribs.href, this.#base);
          if (base !== undefined) this.#base = prepareBase(base);
        }
        break;
      case 'html':
        if (!this.#htmlSeen) {
          this.#htmlSeen = true;
          this.#htmlLang = attribs.lang ?? attribs['xml:lang'];
          if (normalizeLang(this.#htmlLang) !== undefined) this.#text.dropSample();
        }
        this.#signals.element(name, attribs, this.#base);
        break;
      case 'head':
      case 'body':
      case 'script':
        this.#signals.element(name, attribs, this.#base);
        break;
      case 'title':
        if (!this.#titleSeen && this.#svg === 0) {
          this.#titleSeen = true;
          this.#titleText = new CappedText(MAX_TEXT);
        }
        break;
      case 'svg':
        this.#svg++;
        break;
    }
  }

  #openAnchor(attribs: Attribs): void {
    // Anchors do not nest: a new <a> ends the open one, as the HTML tree builder does.
    this.#finishAnchor();
    const href = attribs.href ?? attribs['xlink:href'];
    if (href === undefined) return;
    this.#signals.contactHref(href);
    const url = this.#resolve(href);
    if (url === undefined) return;
    const rel = parseRel(attribs.rel);
    const link = bodyLink(
      url,
      'anchor',
      '',
      undefined,
      rel,
      this.#text.textBefore(),
      this.#where(),
    );
    const index = this.#links.push(link) - 1;
    this.#anchor = { link, index, text: new CappedText(MAX_TEXT), image: false, alt: '' };
  }

  #finishAnchor(): void {
    const open = this.#anchor;
    if (open === null) return;
    this.#anchor = null;
    let link = open.link;
    link.anchor = open.text.value();
    this.#signals.link(link.url, link.anchor);
    if (open.image) {
      const { url, anchor, rel = [], text_pre = '', semantic_location = '' } = link;
      link = bodyLink(url, 'image', anchor ?? '', open.alt, rel, text_pre, semantic_location);
      this.#links[open.index] = link;
    }
    this.#text.awaitTextAfter(link);
  }

  #area(attribs: Attribs): void {
    if (attribs.href === undefined) return;
    this.#signals.contactHref(attribs.href);
    const url = this.#resolve(attribs.href);
    if (url === undefined) return;
    const alt = cleanText(attribs.alt, MAX_TEXT);
    this.#signals.link(url, alt);
    const rel = parseRel(attribs.rel);
    const link = bodyLink(url, 'anchor', '', alt, rel, this.#text.textBefore(), this.#where());
    this.#links.push(link);
    this.#text.awaitTextAfter(link);
  }

  #linkElement(attribs: Attribs): void {
    if (attribs.href === undefined) return;
    const rel = parseRel(attribs.rel);
    const url = this.#resolve(attribs.href);
    this.#signals.linkElement(attribs.href, url, isIconRel(rel));
    if (url === undefined) return;
    const itemType = linkItemType(rel);
    this.#links.push(headLink(url, itemType, rel, this.#where()));
    if (itemType === 'canonical' && this.#meta.canonical === undefined) this.#meta.canonical = url;
  }

  #metaElement(attribs: Attribs): void {
    const httpEquiv = attribs['http-equiv'];
    const content = attribs.content;
    if (httpEquiv !== undefined) {
      const kind = httpEquiv.trim().toLowerCase();
      if (kind === 'refresh' && content !== undefined) this.#metaRefresh(content);
      else if (kind === 'content-language' && this.#metaLang === undefined)
        this.#metaLang = content;
      return;
    }
    if (content === undefined) return;
    if (attribs.name !== undefined && attribs.name.trim().toLowerCase() === 'generator') {
      this.#signals.generator(content);
    }
    addMetaName(this.#meta, attribs.property, content, MAX_TEXT);
    addMetaName(this.#meta, attribs.name, content, MAX_TEXT);
  }

  #metaRefresh(content: string): void {
    const target = parseMetaRefresh(content);
    if (target === undefined) return;
    const url = this.#resolve(target);
    if (url === undefined) return;
    this.#links.push(headLink(url, 'meta', [], this.#where()));
  }

  #finishTitle(): void {
    if (this.#titleText === null) return;
    this.#title = this.#titleText.value();
    this.#titleText = null;
  }

  #break(): void {
    if (this.#hidden > 0) return;
    this.#anchor?.text.add(' ');
    if (this.#offContext === 0) this.#text.space();
  }

  #resolve(href: string): string | undefined {
    const url = resolveHref(href, this.#base);
    if (url === undefined) this.#skipped++;
    return url;
  }

  #where(): string {
    return this.#semantic[this.#semantic.length - 1] ?? '';
  }
}
