/**
 * Size control: find the page-slot count whose web has about `links` link occurrences in its
 * last snapshot. Small webs are counted exactly, large ones by a systematic sample of slots;
 * a few secant-like steps land well within ±10%.
 */
import { linkCount } from './capture-json.js';
import { planCaptures } from './plan-captures.js';
import { planWeb } from './plan-web.js';
import type { Site, WebPlan } from './types.js';

const EXACT_LIMIT = 30_000;
const SAMPLE = 20_000;
const TOLERANCE = 0.03;
const MAX_STEPS = 8;
const MAX_SMALL_STEPS = 40;
const SMALL_PAGES = 2000;

/** Link occurrences in snapshot `k`, counted exactly or estimated from a systematic sample. */
export function estimateLinks(plan: WebPlan, k: number): number {
  const total = plan.slotStart[plan.crawl.length] as number;
  const count = (site: Site, j: number): number => {
    let n = 0;
    for (const c of planCaptures(plan, site, j, k, false)) n += linkCount(c);
    return n;
  };
  if (total <= EXACT_LIMIT) {
    let n = 0;
    for (const s of plan.crawl) {
      const site = plan.sites[s] as Site;
      for (let j = 0; j < site.pages; j++) n += count(site, j);
    }
    return n;
  }
  const step = total / SAMPLE;
  let n = 0;
  let ci = 0;
  for (let i = 0; i < SAMPLE; i++) {
    const g = Math.floor((i + 0.5) * step);
    while ((plan.slotStart[ci + 1] as number) <= g) ci++;
    const site = plan.sites[plan.crawl[ci] as number] as Site;
    n += count(site, g - (plan.slotStart[ci] as number));
  }
  return (n / SAMPLE) * total;
}

/**
 * The plan whose last snapshot has closest to `links` link occurrences (within 3% when found).
 * Each page count gives an independent web, so small webs (whose count jumps with one big site
 * more or less) get more tries around the estimate; they are cheap to count.
 */
export function planForLinks(seed: number, links: number, snapshots: number): WebPlan {
  let pages = Math.max(1, Math.round(links / 25));
  let best: { plan: WebPlan; err: number } | undefined;
  const tried = new Set<number>();
  const maxSteps = pages <= SMALL_PAGES ? MAX_SMALL_STEPS : MAX_STEPS;
  for (let step = 0; step < maxSteps; step++) {
    // A page count already tried: look next to it instead.
    for (let d = 1; tried.has(pages); d++) pages = Math.max(1, pages + (d % 2 === 0 ? d : -d));
    tried.add(pages);
    const plan = planWeb({ seed, pages, snapshots });
    const got = estimateLinks(plan, snapshots - 1);
    const err = Math.abs(got - links) / links;
    if (best === undefined || err < best.err) best = { plan, err };
    if (err <= TOLERANCE) break;
    const ratio = links / Math.max(1, got);
    // Damp later steps so the search settles instead of oscillating.
    pages = Math.max(1, Math.round(pages * (step < 3 ? ratio : 1 + (ratio - 1) / 2)));
  }
  return (best as { plan: WebPlan }).plan;
}
