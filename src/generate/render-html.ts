/**
 * Renders a page document as clean HTML5: one element per link, attributes double-quoted and
 * escaped, text escaped, single spaces, so an extractor recovers exactly the document's links.
 */
import { escapeAttr, escapeText } from './html-escape.js';
import { jsonLdText } from './page-signals.js';
import type { Block, DocLink, PageDoc, Region } from './types.js';

/** `og:type` of a page: an article when it declares an article type, else a website. */
export function ogType(doc: PageDoc): string {
  return doc.schemaTypes.length === 0 || doc.schemaTypes[0] === 'WebSite' ? 'website' : 'article';
}

function renderLink(l: DocLink): string {
  let a = `<a href="${escapeAttr(l.href)}"`;
  if (l.relAttr !== undefined) a += ` rel="${escapeAttr(l.relAttr)}"`;
  if (l.blank === true) a += ' target="_blank"';
  if (l.type === 'image') {
    return `${a}><img src="${escapeAttr(l.img ?? '')}" alt="${escapeAttr(l.alt ?? '')}" loading="lazy"></a>`;
  }
  return `${a}>${l.anchorHtml ?? escapeText(l.anchor)}</a>`;
}

function renderBlock(b: Block): string {
  let inner = '';
  for (const p of b.parts) inner += typeof p === 'string' ? escapeText(p) : renderLink(p);
  const cls = b.cls === undefined ? '' : ` class="${b.cls}"`;
  return `<${b.tag}${cls}>${inner}</${b.tag}>\n`;
}

function renderRegion(r: Region): string {
  const cache = r.shared;
  if (cache === undefined) return renderFresh(r);
  cache.html ??= renderFresh(r);
  return cache.html;
}

function renderFresh(r: Region): string {
  let out = `<${r.tag}${r.cls === undefined ? '' : ` class="${r.cls}"`}>\n`;
  let inList = false;
  for (const b of r.blocks) {
    if (b.tag === 'li' && !inList) {
      out += '<ul>\n';
      inList = true;
    } else if (b.tag !== 'li' && inList) {
      out += '</ul>\n';
      inList = false;
    }
    out += renderBlock(b);
  }
  if (inList) out += '</ul>\n';
  for (const c of r.children ?? []) out += renderRegion(c);
  return `${out}</${r.tag}>\n`;
}

function renderHead(doc: PageDoc): string {
  let h = `<meta charset="${doc.charset}">\n<title>${escapeText(doc.title)}</title>\n`;
  h += '<meta name="viewport" content="width=device-width, initial-scale=1">\n';
  if (doc.description !== undefined)
    h += `<meta name="description" content="${escapeAttr(doc.description)}">\n`;
  if (doc.generator !== undefined)
    h += `<meta name="generator" content="${escapeAttr(doc.generator)}">\n`;
  if (doc.robots !== undefined) h += `<meta name="robots" content="${doc.robots}">\n`;
  for (const l of doc.head) {
    const href = escapeAttr(l.href);
    if (l.type === 'meta') h += `<meta http-equiv="refresh" content="0; url=${href}">\n`;
    else if (l.type === 'alternate')
      h += `<link rel="alternate" hreflang="${l.hreflang ?? ''}" href="${href}">\n`;
    else h += `<link rel="${escapeAttr(l.relAttr ?? '')}" href="${href}">\n`;
  }
  if (doc.og) {
    h += `<meta property="og:title" content="${escapeAttr(doc.title)}">\n`;
    h += `<meta property="og:type" content="${ogType(doc)}">\n`;
    h += '<meta name="twitter:card" content="summary">\n';
  }
  for (const s of doc.scripts) h += `<script src="${escapeAttr(s)}" async></script>\n`;
  if (doc.schemaTypes.length > 0) {
    const json = jsonLdText(doc.schemaTypes, escapeText(doc.title));
    h += `<script type="application/ld+json">${json}</script>\n`;
  }
  return h;
}

/** The HTML of a page document (a string; encode it with the document's charset). */
export function renderHtml(doc: PageDoc): string {
  let html = `<!DOCTYPE html>\n${doc.lang === undefined ? '<html>' : `<html lang="${doc.lang}">`}\n<head>\n`;
  html += `${renderHead(doc)}</head>\n<body>\n`;
  doc.body.forEach((r, i) => {
    if (i === doc.mainFrom) html += '<main>\n';
    html += renderRegion(r);
    if (i === doc.mainTo - 1) html += '</main>\n';
  });
  return `${html}</body>\n</html>\n`;
}
