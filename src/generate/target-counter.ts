/**
 * Counts, over one snapshot, the links each synthetic site receives from other sites and from
 * how many distinct referring domains: the manifest's most-linked domains (the natural
 * "competitors" for link-intersection queries).
 */
import type { DocLink, LinkedDomain, PageDoc, Region, Site, WebPlan } from './types.js';

function regionTargets(r: Region, out: number[]): void {
  const visit = (l: DocLink): void => {
    if (l.to !== undefined) out.push(l.to);
  };
  for (const b of r.blocks) for (const p of b.parts) if (typeof p !== 'string') visit(p);
  for (const c of r.children ?? []) regionTargets(c, out);
}

/** Accumulates inbound external links per site; sites are one registrable domain each. */
export class TargetCounter {
  readonly #plan: WebPlan;
  readonly #links: Float64Array;
  readonly #refs: Float64Array;
  /** Last source site counted per target: the crawl visits a site's pages contiguously. */
  readonly #lastSource: Int32Array;

  constructor(plan: WebPlan) {
    this.#plan = plan;
    const n = plan.sites.length;
    this.#links = new Float64Array(n);
    this.#refs = new Float64Array(n);
    this.#lastSource = new Int32Array(n).fill(-1);
  }

  /** Count the links of one captured document of site `source`. */
  add(source: number, doc: PageDoc): void {
    for (const r of doc.body) {
      let targets = r.shared?.targets;
      if (targets === undefined) {
        targets = [];
        regionTargets(r, targets);
        if (r.shared !== undefined) r.shared.targets = targets;
      }
      for (const t of targets) {
        if (t === source) continue;
        this.#links[t] = (this.#links[t] as number) + 1;
        if (this.#lastSource[t] !== source) {
          this.#lastSource[t] = source;
          this.#refs[t] = (this.#refs[t] as number) + 1;
        }
      }
    }
  }

  /** The `n` sites with most referring domains (then most links, then name). */
  top(n: number): LinkedDomain[] {
    const idx = this.#plan.sites.map((s: Site) => s.index);
    const domain = (i: number): string => (this.#plan.sites[i] as Site).domain;
    idx.sort(
      (a, b) =>
        (this.#refs[b] as number) - (this.#refs[a] as number) ||
        (this.#links[b] as number) - (this.#links[a] as number) ||
        domain(a).localeCompare(domain(b)),
    );
    return idx.slice(0, n).map((i) => ({
      domain: domain(i),
      referringDomains: this.#refs[i] as number,
      links: this.#links[i] as number,
    }));
  }
}
