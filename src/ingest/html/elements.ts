/**
 * What the extractor needs to know about element names, as bit flags in one map so each tag
 * costs one lookup.
 */

/**
 * The elements a link's `semantic_location` can name: the HTML5 semantic elements as listed by
 * w3schools' "HTML Semantic Elements", the list DataForSEO's documentation points to. The
 * innermost one enclosing the link wins; "" when there is none.
 */
export const SEMANTIC_ELEMENTS: readonly string[] = [
  'article',
  'aside',
  'details',
  'figcaption',
  'figure',
  'footer',
  'header',
  'main',
  'mark',
  'nav',
  'section',
  'summary',
  'time',
];

const NO_ATTRIBUTES: ReadonlySet<string> = new Set();
const ATTRIBUTES_BY_ELEMENT = new Map<string, ReadonlySet<string>>(
  Object.entries({
    a: 'href rel xlink:href',
    area: 'href rel alt',
    base: 'href',
    body: 'class',
    html: 'lang xml:lang id',
    img: 'alt src',
    link: 'href rel',
    meta: 'http-equiv content name property',
    script: 'src type',
  }).map(([name, attributes]) => [name, new Set(attributes.split(' '))]),
);

/** The attributes the collector reads of a SPECIAL element; the parser's others are not kept. */
export function readAttributes(name: string): ReadonlySet<string> {
  return ATTRIBUTES_BY_ELEMENT.get(name) ?? NO_ATTRIBUTES;
}

/** Counts for `semantic_location`. */
export const SEMANTIC = 1;
/** Starts or ends a line when rendered: a word boundary for text context and anchor text. */
export const BREAK = 2;
/** Its text is never visible text: script, style, title and other raw-text containers. */
export const HIDDEN = 4;
/**
 * Its text is not page context (noscript, template) but is still anchor text of a link inside
 * it: a `<noscript><a>` link keeps its words.
 */
export const OFF_CONTEXT = 8;
/** Handled by name in the collector: a, area, base, body, head, html, img, link, meta, script, svg, title. */
export const SPECIAL = 16;

const BREAK_ELEMENTS =
  'address blockquote br caption center dd dialog dir div dl dt fieldset form h1 h2 h3 h4 h5 h6 ' +
  'hr legend li menu ol option p pre table tbody td tfoot th thead tr ul';
const HIDDEN_ELEMENTS = 'iframe noembed noframes script style textarea title';

const FLAGS = new Map<string, number>();
// (length, first letter) pairs of the names in FLAGS: most tags (span, em, b, strong, …) are
// ruled out by this table without hashing the name.
const MAY_HAVE_FLAGS = new Uint8Array(16 * 128);

function prefilterKey(name: string): number {
  return name.length < 16 ? (name.length << 7) | (name.charCodeAt(0) & 127) : 0;
}

function add(names: string, flag: number): void {
  for (const name of names.split(' ')) {
    FLAGS.set(name, (FLAGS.get(name) ?? 0) | flag);
    MAY_HAVE_FLAGS[prefilterKey(name)] = 1;
  }
}

/** The flags of a lower-case element name; 0 for elements the extractor ignores. */
export function elementFlags(name: string): number {
  if (MAY_HAVE_FLAGS[prefilterKey(name)] === 0) return 0;
  return FLAGS.get(name) ?? 0;
}

add(SEMANTIC_ELEMENTS.join(' '), SEMANTIC);
add('article aside details figcaption figure footer header main nav section summary', BREAK);
add(BREAK_ELEMENTS, BREAK);
add(HIDDEN_ELEMENTS, HIDDEN);
add('noscript template', OFF_CONTEXT);
add('a area base body head html img link meta script svg title', SPECIAL);
