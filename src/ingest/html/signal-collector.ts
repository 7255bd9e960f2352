/**
 * Gathers one page's `PageSignals` from what a reader sees of it: head resources, resource
 * URLs, generator metas, links, icons, schema types and visible text. The HTML collector feeds it
 * while parsing; the WAT reader feeds it from a record's HTML-Metadata.
 */

import {
  contactOfHref,
  hasEmailAddress,
  isContactAnchor,
  isContactPath,
} from '../../core/contact-evidence.js';
import type { ContactKind, PageSignals, SoftwareName } from '../../core/types.js';
import { hostOf } from '../../core/url/registrable-domain.js';
import { MAX_SCHEMA_TYPES } from './schema-types.js';
import {
  softwareList,
  softwareOfGenerator,
  softwareOfLink,
  softwareOfResource,
} from './software-fingerprints.js';

/** Most hosts kept in `head_hosts`. */
export const MAX_HEAD_HOSTS = 50;

/** What the reader could observe: fields it cannot see stay out of the result. */
export interface SignalsSeen {
  /** Visible text length (HTML only). */
  textChars?: number;
  /** Whether microdata and JSON-LD were read (HTML only). */
  schemaTypes: boolean;
}

function siteOf(host: string): string {
  return host.startsWith('www.') ? host.slice(4) : host;
}

/** Accumulates the signals of one page; call `result` once at the end. */
export class SignalCollector {
  readonly #site: string;
  readonly #headHosts: string[] = [];
  readonly #software = new Set<SoftwareName>();
  readonly #types: string[] = [];
  #email = false;
  #phone = false;
  #contactPage = false;
  #favicon = false;

  /** @param pageUrl the page's normalised URL (contact pages are looked for on its site) */
  constructor(pageUrl: string) {
    this.#site = siteOf(hostOf(pageUrl));
  }

  /** A `<script src>` or `<link href>` inside `<head>`, resolved and normalised. */
  headResource(url: string): void {
    const host = hostOf(url);
    if (host === '' || this.#headHosts.length >= MAX_HEAD_HOSTS) return;
    if (!this.#headHosts.includes(host)) this.#headHosts.push(host);
  }

  /** The URL of a resource the page loads (script, stylesheet, image), as written or resolved. */
  resource(url: string): void {
    const name = softwareOfResource(url);
    if (name !== undefined) this.#software.add(name);
  }

  /** A `<meta name="generator">` value (every one counts, not only the first). */
  generator(value: string): void {
    const name = softwareOfGenerator(value);
    if (name !== undefined) this.#software.add(name);
  }

  /** Software recognised from other markup (an `<html id="XF">`, a body class). */
  software(name: SoftwareName): void {
    this.#software.add(name);
  }

  /**
   * An href of an anchor or area before resolving: true when it is a `mailto:` or `tel:` URL,
   * recorded as contact evidence (such hrefs are not links).
   */
  contactHref(href: string): boolean {
    const kind = contactOfHref(href);
    if (kind === 'email') this.#email = true;
    else if (kind === 'phone') this.#phone = true;
    return kind !== undefined;
  }

  /** A link of the page (normalised URL) with its anchor text. */
  link(url: string, anchor: string): void {
    const name = softwareOfLink(url);
    if (name !== undefined) this.#software.add(name);
    if (this.#contactPage || (!isContactPath(url) && !isContactAnchor(anchor))) return;
    if (siteOf(hostOf(url)) === this.#site) this.#contactPage = true;
  }

  /** A run of visible text (looked at for an e-mail address until one is found). */
  text(data: string): void {
    if (!this.#email && data.includes('@') && hasEmailAddress(data)) this.#email = true;
  }

  /** A `<link rel=icon>` (or `shortcut icon`, `apple-touch-icon`). */
  icon(): void {
    this.#favicon = true;
  }

  /** schema.org type names, in document order. */
  schemaTypes(names: readonly string[]): void {
    for (const name of names) {
      if (this.#types.length >= MAX_SCHEMA_TYPES) return;
      if (!this.#types.includes(name)) this.#types.push(name);
    }
  }

  /** The page's signals: every field the reader could observe, lists possibly empty. */
  result(seen: SignalsSeen): PageSignals {
    const contact: ContactKind[] = [];
    if (this.#email) contact.push('email');
    if (this.#phone) contact.push('phone');
    if (this.#contactPage) contact.push('contact_page');
    const signals: PageSignals = {
      head_hosts: this.#headHosts,
      software: softwareList(this.#software),
    };
    if (seen.schemaTypes) signals.schema_types = this.#types;
    signals.contact = contact;
    signals.favicon = this.#favicon;
    if (seen.textChars !== undefined) signals.text_chars = seen.textChars;
    return signals;
  }
}

/** Whether rel tokens name an icon: `icon` (also in `shortcut icon`) or an `apple-touch-icon`. */
export function isIconRel(rel: readonly string[]): boolean {
  for (const t of rel) {
    if (t === 'icon' || t === 'apple-touch-icon' || t === 'apple-touch-icon-precomposed') {
      return true;
    }
  }
  return false;
}
