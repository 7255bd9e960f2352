/**
 * The HTML side of signal gathering: where `<head>` begins and ends, `<script>` elements
 * (resources and JSON-LD blocks), markup markers on `<html>` and `<body>`. Internal to this
 * folder: the page collector calls it, it feeds a `SignalCollector`.
 */
import type { PageSignals } from '../../core/types.js';
import { type Base, resolveHref } from './resolve-href.js';
import { jsonLdTypes, MAX_JSON_LD_CHARS } from './schema-types.js';
import { SignalCollector } from './signal-collector.js';

type Attribs = Record<string, string>;

const WOOCOMMERCE_CLASS = /(?:^|\s)woocommerce(?:\s|$)/;

/** Signals of one HTML document: a `SignalCollector` plus the state only HTML has. */
export class HtmlSignals extends SignalCollector {
  #inHead = false;
  /** Raw text of the open JSON-LD script; null when none is open or it grew too long. */
  #jsonLd: string | null = null;

  /** Whether the parser is inside `<head>`. */
  get inHead(): boolean {
    return this.#inHead;
  }

  /** An `<html>`, `<head>`, `<body>` or `<script>` element opened, with its attributes. */
  element(name: string, attribs: Attribs, base: Base | undefined): void {
    if (name === 'head') this.#inHead = true;
    else if (name === 'body') {
      this.#inHead = false;
      if (attribs.class !== undefined && WOOCOMMERCE_CLASS.test(attribs.class)) {
        this.software('woocommerce');
      }
    } else if (name === 'html') {
      if (attribs.id === 'XF') this.software('xenforo');
    } else if (name === 'script') this.#script(attribs, base);
  }

  /** A `<head>` or `<script>` element closed (explicitly or implied). */
  closed(name: string): void {
    if (name === 'head') this.#inHead = false;
    else if (name === 'script' && this.#jsonLd !== null) {
      this.schemaTypes(jsonLdTypes(this.#jsonLd));
      this.#jsonLd = null;
    }
  }

  /** Raw text inside a hidden element (script, style, title …): kept for an open JSON-LD block. */
  hiddenText(raw: string): void {
    if (this.#jsonLd === null) return;
    // Script text is raw text: there are no character references to decode.
    this.#jsonLd = this.#jsonLd.length + raw.length > MAX_JSON_LD_CHARS ? null : this.#jsonLd + raw;
  }

  /** A `<link href>` resolved, with whether its rel names an icon. */
  linkElement(href: string, url: string | undefined, icon: boolean): void {
    if (icon && href.trim() !== '') this.icon();
    this.resource(href);
    if (url !== undefined && this.#inHead) this.headResource(url);
  }

  /** Everything gathered; every field is set. */
  htmlResult(textChars: number): PageSignals {
    return this.result({ textChars, schemaTypes: true });
  }

  #script(attribs: Attribs, base: Base | undefined): void {
    const src = attribs.src;
    if (src !== undefined) {
      this.resource(src);
      const url = this.#inHead ? resolveHref(src, base) : undefined;
      if (url !== undefined) this.headResource(url);
    }
    const type = attribs.type;
    if (type !== undefined && type.trim().toLowerCase() === 'application/ld+json')
      this.#jsonLd = '';
  }
}
