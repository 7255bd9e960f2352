/**
 * Benchmark: `extractPage` against bare htmlparser2 on the same synthetic pages.
 *
 * Run with `npx tsx bench/html-extract.ts [pages] [rounds]` (defaults 2000 and 5). Generates
 * realistic pages of ~30 KB with ~100 links each (head metadata, scripts, styles, nav, article
 * text with inline links, image links, footer), then times, per round and in turn:
 * - bare/none: UTF-8 decode + `new Parser({}).end(html)` (no callbacks at all),
 * - bare/noop: UTF-8 decode + a Parser with empty onopentag/onclosetag/ontext callbacks,
 * - bare/noop/raw: the callbacks extractPage listens to, empty, with `decodeEntities: false` as
 *   extractPage runs the parser (it decodes character references itself, only where it keeps
 *   text),
 * - extractPage on the bytes (encoding detection, decoding, extraction, language).
 * Prints the best round of each (in CPU time of this process) as pages/s and MB/s, and
 * extractPage's share of each baseline.
 */
import { Parser } from 'htmlparser2';
import { extractPage } from '../src/ingest/html/index.js';
import { createRandom } from '../test/helpers/random.js';

const PAGES = Number(process.argv[2] ?? 2000);
const ROUNDS = Number(process.argv[3] ?? 5);

const WORDS = (
  'the of and to in is for on that with as by this from at are be or an it was which has have ' +
  'link page site search index web content news about market report data analysis review best ' +
  'guide price product service company people time year world business service local online ' +
  'free new home health travel food design software video music sport science history city'
).split(' ');

function generatePage(n: number, random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const words = (count: number): string => {
    const out: string[] = [];
    for (let i = 0; i < count; i++) out.push(pick(WORDS));
    return out.join(' ');
  };
  const host = `site${Math.floor(random() * 500)}.example`;
  const href = (): string =>
    random() < 0.6
      ? `/${pick(WORDS)}/${pick(WORDS)}-${Math.floor(random() * 1e4)}.html`
      : `https://${pick(WORDS)}${Math.floor(random() * 900)}.example/${pick(WORDS)}?id=${n}&amp;ref=bench`;
  const parts: string[] = [];
  parts.push(
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${words(8)}</title>\n`,
    `<meta name="description" content="${words(25)}">\n<meta name="viewport" content="width=device-width">\n`,
    `<meta property="og:title" content="${words(6)}">\n<link rel="canonical" href="https://${host}/p/${n}">\n`,
    `<link rel="stylesheet" href="/static/site.css?v=${n}">\n<link rel="icon" href="/favicon.ico">\n`,
    `<style>\nbody{margin:0;font-family:sans-serif}.nav a{color:#333;padding:4px 8px}\n`,
    `.article p{line-height:1.5}.footer{background:#eee}\n</style>\n`,
    `<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}`,
    `gtag('js',new Date());gtag('config','UA-${n}');var s="<a href='/x'>not a link</a>";</script>\n`,
    '</head>\n<body class="page">\n<header class="top"><a href="/" class="logo"><img src="/logo.png" ',
    `alt="${words(2)}"></a>\n<nav class="nav"><ul>\n`,
  );
  for (let i = 0; i < 15; i++) {
    parts.push(`  <li class="item"><a href="${href()}">${words(2)}</a></li>\n`);
  }
  parts.push('</ul></nav></header>\n<main><article class="article">\n');
  parts.push(`<h1>${words(7)}</h1>\n`);
  let links = 18;
  while (links < 90) {
    const sentence: string[] = [];
    for (let s = 0; s < 6; s++) {
      sentence.push(words(10 + Math.floor(random() * 10)));
      if (random() < 0.5) {
        const rel = random() < 0.2 ? ' rel="nofollow noopener"' : '';
        sentence.push(`<a href="${href()}"${rel} title="${words(3)}">${words(3)}</a>`);
        links++;
      }
      if (random() < 0.1) sentence.push('&amp; &nbsp; <b>bold</b> <em>emphasis</em>');
    }
    parts.push(`<p class="para" data-id="${links}">${sentence.join(' ')}.</p>\n`);
    if (random() < 0.15) {
      parts.push(
        `<figure><a href="${href()}"><img src="/img/${links}.jpg" alt="${words(4)}" width="300" height="200"></a>`,
        `<figcaption>${words(8)}</figcaption></figure>\n`,
      );
      links++;
    }
  }
  parts.push('</article>\n<aside class="sidebar"><h2>Related</h2><ul>\n');
  for (let i = 0; i < 6; i++) parts.push(`<li><a href="${href()}">${words(5)}</a></li>\n`);
  parts.push('</ul></aside></main>\n<footer class="footer"><p>');
  for (let i = 0; i < 6; i++) parts.push(`<a href="${href()}">${words(2)}</a> | `);
  parts.push(`&copy; 2024 ${words(3)}</p></footer>\n`);
  parts.push('<script src="/static/app.js" async></script>\n</body>\n</html>\n');
  let html = parts.join('');
  // Pad to ~30 KB with more article text, as long pages are.
  while (html.length < 29_000) {
    html = html.replace('</article>', `<p>${words(60)}</p>\n</article>`);
  }
  return html;
}

const random = createRandom(42);
const encoder = new TextEncoder();
const bodies: Uint8Array[] = [];
for (let i = 0; i < PAGES; i++) bodies.push(encoder.encode(generatePage(i, random)));
const totalBytes = bodies.reduce((sum, b) => sum + b.length, 0);
const linkCount = extractPage({ url: 'https://bench.example/p/0', body: bodies[0] as Uint8Array })
  .links.length;
console.log(
  `${PAGES} pages, ${(totalBytes / PAGES / 1024).toFixed(1)} KB/page on average, ` +
    `${linkCount} links on page 0`,
);

const decoder = new TextDecoder();
const noop = (): void => {};
const runners: Record<string, () => number> = {
  'bare/none': () => {
    let n = 0;
    for (const body of bodies) {
      new Parser({}).end(decoder.decode(body));
      n++;
    }
    return n;
  },
  'bare/noop': () => {
    let n = 0;
    for (const body of bodies) {
      new Parser({ onopentag: noop, onclosetag: noop, ontext: noop }).end(decoder.decode(body));
      n++;
    }
    return n;
  },
  // extractPage runs htmlparser2 with decodeEntities off and decodes only the text and
  // attributes it keeps; this baseline shows the parser's own speed with that setting.
  'bare/noop/raw': () => {
    let n = 0;
    for (const body of bodies) {
      new Parser(
        { onopentagname: noop, onattribute: noop, onclosetag: noop, ontext: noop },
        { decodeEntities: false },
      ).end(decoder.decode(body));
      n++;
    }
    return n;
  },
  extractPage: () => {
    let n = 0;
    for (let i = 0; i < bodies.length; i++) {
      n += extractPage({ url: `https://bench.example/p/${i}`, body: bodies[i] as Uint8Array }).links
        .length;
    }
    return n;
  },
};

const best: Record<string, number> = {};
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, run] of Object.entries(runners)) {
    // CPU time of this process, not wall time: other work on the machine then skews less.
    const start = process.cpuUsage();
    run();
    const used = process.cpuUsage(start);
    const seconds = (used.user + used.system) / 1e6;
    best[name] = Math.min(best[name] ?? Number.POSITIVE_INFINITY, seconds);
  }
}
for (const [name, seconds] of Object.entries(best)) {
  const pagesPerSecond = PAGES / seconds;
  const mbPerSecond = totalBytes / seconds / 1e6;
  console.log(
    `${name.padEnd(12)} ${pagesPerSecond.toFixed(0).padStart(7)} pages/s ${mbPerSecond.toFixed(1).padStart(7)} MB/s`,
  );
}
const ours = best.extractPage ?? Number.NaN;
for (const base of ['bare/none', 'bare/noop', 'bare/noop/raw']) {
  const ratio = (best[base] ?? Number.NaN) / ours;
  console.log(`extractPage throughput = ${(ratio * 100).toFixed(0)}% of ${base}`);
}
