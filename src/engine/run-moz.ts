/**
 * Moz `link_intersect` on the index: candidates from `collect` (all sources linking to some
 * positive spec, minus those the negatives reach), grouped back into Moz positive targets, kept
 * when they match `minMatching` of them, sorted by the Moz sort with a unique tie-break (the
 * source id: stable within a generation, so paging by offset is consistent), one window hydrated.
 */
import { authorityFromRank } from '../build/rank/index.js';
import { NULL_I16 } from '../link-index/index.js';
import { collect, popcount, releaseScratch, type UnitScratch } from './collect.js';
import { checkDeadline } from './deadline.js';
import { dictText, type IndexView } from './index-view.js';
import type { LinkFields } from './link-fields.js';
import type { MozDomainRow, MozPageRow, MozQuery, MozResult, MozSourcePage } from './moz-types.js';
import { selectWindow } from './top-n.js';

/** Moz authority (1–100) of a raw 0–1000 rank, 1 when the rank is unknown. */
export function mozAuthority(rank: number): number {
  return rank === NULL_I16 ? 1 : authorityFromRank(rank);
}

/** A normalised URL without its scheme (`https://www.b.com/` → `www.b.com/`). */
export function schemeless(url: string): string {
  return url.replace(/^https?:\/\//, '');
}

/** Run a Moz query; `domainMode` = `source_scope: root_domain`. */
export function runMozQuery(
  v: IndexView,
  mq: MozQuery,
  fields: LinkFields,
  scratch: UnitScratch,
  domainMode: boolean,
): MozResult {
  const q = { ...mq.query, minMatching: 1 };
  const c = collect(v, q, fields, scratch, domainMode, false);
  try {
    const n = c.candidates.length;
    const groups = new Uint32Array(n);
    const kept: number[] = [];
    for (let i = 0; i < n; i++) {
      const m = c.linked[i] as number;
      let g = 0;
      for (let t = 0; t < mq.targetGroups.length; t++) {
        if (m & (1 << t)) g |= 1 << (mq.targetGroups[t] as number);
      }
      groups[i] = g;
      if (popcount(g) >= mq.minMatching) kept.push(i);
    }
    const unit = (i: number) => c.candidates[i] as number;
    // Per candidate: DA, Moz spam score, matched positive targets (sort keys, read per compare).
    const daOf = new Uint8Array(n);
    const spamOf = new Int16Array(n);
    const countOf = new Uint8Array(n);
    for (const i of kept) {
      const u = unit(i);
      daOf[i] = mozAuthority(
        v.domain.rank[domainMode ? u : (v.page.domain[u] as number)] as number,
      );
      const s = domainMode
        ? (v.domain.spamScore[u] as number)
        : (v.page.hostSpamScore[u] as number);
      spamOf[i] = s === NULL_I16 ? -1 : s;
      countOf[i] = popcount(groups[i] as number);
    }
    const da = (i: number) => daOf[i] as number;
    const spam = (i: number) => spamOf[i] as number;
    const count = (i: number) => countOf[i] as number;
    const tie = (a: number, b: number) => unit(a) - unit(b);
    let cmp: (a: number, b: number) => number;
    if (mq.sort === 'source_domain_authority') {
      cmp = (a, b) => da(b) - da(a) || count(b) - count(a) || tie(a, b);
    } else if (mq.sort === 'source_spam_score') {
      // Ascending (cleanest first); unscored (-1) after every scored source.
      const key = (i: number) => {
        const s = spam(i);
        return s < 0 ? 1e9 : s;
      };
      cmp = (a, b) => key(a) - key(b) || da(b) - da(a) || tie(a, b);
    } else {
      cmp = (a, b) => count(b) - count(a) || da(b) - da(a) || tie(a, b);
    }
    const window = selectWindow(kept, cmp, mq.offset, mq.limit);
    const indexes = (i: number) => {
      const out: number[] = [];
      for (let k = 0; k < mq.positives; k++) if ((groups[i] as number) & (1 << k)) out.push(k);
      return out;
    };
    let results: Array<MozPageRow | MozDomainRow>;
    if (!domainMode) {
      results = window.map((i) => ({
        page: schemeless(v.page.url.get(unit(i))),
        title: dictText(v.page.title, unit(i)) ?? '',
        domain_authority: da(i),
        spam_score: spam(i),
        matching_target_indexes: indexes(i),
      }));
    } else {
      const best = bestSourcePages(v, mq, c.linksOfUnits, window.map(unit));
      results = window.map((i) => {
        const matched = indexes(i);
        return {
          root_domain: v.domain.name.get(unit(i)),
          domain_authority: da(i),
          spam_score: spam(i),
          matching_target_indexes: matched,
          matching_source_pages: matched.map(
            (k) => best.get(`${unit(i)}:${k}`) ?? { page: '', page_authority: 1 },
          ),
        };
      });
    }
    return { total: kept.length, results };
  } finally {
    releaseScratch(scratch, c);
  }
}

/**
 * Per `domain:group`, the domain's page linking to the group with the highest page rank
 * (ties: lowest page id).
 */
function bestSourcePages(
  v: IndexView,
  mq: MozQuery,
  linksOfUnits: (t: number, units: ArrayLike<number>) => { links: Uint32Array; units: Uint32Array },
  domains: number[],
): Map<string, MozSourcePage> {
  const bestPage = new Map<string, number>();
  const rankOf = (p: number) => v.page.pageRank[p] as number;
  for (let t = 0; t < mq.targetGroups.length; t++) {
    const set = linksOfUnits(t, domains);
    for (let j = 0; j < set.links.length; j++) {
      checkDeadline();
      const p = v.link.page[set.links[j] as number] as number;
      const key = `${set.units[j]}:${mq.targetGroups[t]}`;
      const cur = bestPage.get(key);
      if (cur === undefined || rankOf(p) > rankOf(cur) || (rankOf(p) === rankOf(cur) && p < cur)) {
        bestPage.set(key, p);
      }
    }
  }
  const out = new Map<string, MozSourcePage>();
  for (const [key, p] of bestPage) {
    out.set(key, { page: schemeless(v.page.url.get(p)), page_authority: mozAuthority(rankOf(p)) });
  }
  return out;
}
