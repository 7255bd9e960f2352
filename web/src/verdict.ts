/**
 * @module What a live check (`POST /api/v1/verify`) of referring pages says, in words: the
 * page's state, each competitor's ✓ / ✗ / – now, and one summary line. Pure.
 */
import type { VerifiedPage, VerifiedTarget } from '../../src/api/native/types.js';
import { formatCount } from './format.js';

/** The most pages one verify call takes. */
export const MAX_VERIFY = 50;

/** A page's state now: `ok`, `gone 404`, `redirected → URL`, `unreachable: timeout`, … */
export function pageStateLabel(c: VerifiedPage): string {
  switch (c.page) {
    case 'ok':
      return 'ok';
    case 'gone':
      return c.status === null ? 'gone' : `gone ${c.status}`;
    case 'redirected':
      return `redirected → ${c.redirect ?? 'elsewhere'}`;
    case 'unreachable':
      return `unreachable: ${c.error ?? 'no answer'}`;
    case 'disallowed':
      return 'disallowed by robots.txt';
  }
}

/** The colour of a page's state: fine, lost, or not known. */
export function pageTone(c: VerifiedPage): 'good' | 'bad' | 'warn' {
  return c.page === 'ok' ? 'good' : c.page === 'gone' ? 'bad' : 'warn';
}

/** One page's place in the summary line (each page counts once, the worst news first). */
export type PageOutcome = 'gone' | 'redirected' | 'unfetched' | 'removed' | 'links' | 'none';

/** Where `c` counts in the summary. */
export function pageOutcome(c: VerifiedPage): PageOutcome {
  if (c.page === 'gone' || c.page === 'redirected') return c.page;
  if (c.page !== 'ok') return 'unfetched';
  if (c.targets.some((t) => t.verdict === 'removed')) return 'removed';
  if (c.targets.some((t) => t.verdict === 'links')) return 'links';
  return c.targets.every((t) => t.verdict === 'unknown') ? 'unfetched' : 'none';
}

/** Summary words per outcome, for one page and for several, in the order shown. */
const OUTCOME_WORDS: readonly [PageOutcome, string, string][] = [
  ['links', 'still links', 'still link'],
  ['removed', 'removed a link', 'removed a link'],
  ['none', 'links to none', 'link to none'],
  ['gone', 'gone', 'gone'],
  ['redirected', 'redirected', 'redirected'],
  ['unfetched', 'not read', 'not read'],
];

/** `42 still link · 5 removed a link · 3 gone` (outcomes with no page left out). */
export function verifySummary(checks: readonly VerifiedPage[]): string {
  const counts = new Map<PageOutcome, number>();
  for (const c of checks) {
    const o = pageOutcome(c);
    counts.set(o, (counts.get(o) ?? 0) + 1);
  }
  const parts = OUTCOME_WORDS.flatMap(([o, one, many]) => {
    const n = counts.get(o) ?? 0;
    return n === 0 ? [] : [`${formatCount(n)} ${n === 1 ? one : many}`];
  });
  return parts.length === 0 ? 'no pages checked' : parts.join(' · ');
}

/** A competitor's cell in a row: the mark, how it looks, a short visible note, and words. */
export interface TickView {
  mark: '✓' | '✗' | '–';
  /** `yes` / `no` as the index has it; `removed`, `new` and `live` after a check. */
  cls: string;
  /** Shown under the mark: the anchor now, `removed`, `new`. */
  note: string | null;
  /** What the cell says, for a tooltip and screen readers. */
  words: string;
}

/** `, anchor now “best tools”, (image)`: the anchors of the links now. */
function anchorWords(anchors: readonly string[]): string {
  if (anchors.length === 0) return '';
  const list = anchors.map((a) => (/^\(.*\)$/.test(a) ? a : `“${a}”`));
  return `, anchor now ${list.join(', ')}`;
}

/**
 * The cell of competitor `name`: as indexed (`linked`), or as the page is now when `t` (its
 * check) says.
 */
export function tickView(linked: boolean, t: VerifiedTarget | undefined, name: string): TickView {
  if (t === undefined || t.verdict === 'unknown') {
    const [cls, words] = linked ? ['yes', 'links to'] : ['no', 'does not link to'];
    return t === undefined
      ? { mark: linked ? '✓' : '–', cls, note: null, words: `${words} ${name}` }
      : {
          mark: linked ? '✓' : '–',
          cls: `${cls} unchecked`,
          note: null,
          words: `${words} ${name} in the index (the page could not be read now)`,
        };
  }
  switch (t.verdict) {
    case 'links':
      return t.indexed
        ? {
            mark: '✓',
            cls: 'yes live',
            note: t.anchors[0] ?? null,
            words: `still links to ${name}${anchorWords(t.anchors)}`,
          }
        : {
            mark: '✓',
            cls: 'yes new',
            note: 'new',
            words: `now links to ${name} (new)${anchorWords(t.anchors)}`,
          };
    case 'removed':
      return { mark: '✗', cls: 'removed', note: 'removed', words: `removed its link to ${name}` };
    case 'absent':
      return { mark: '–', cls: 'no', note: null, words: `does not link to ${name}` };
  }
}
