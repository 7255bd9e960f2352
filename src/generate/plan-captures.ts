/**
 * The fetches the crawl makes for one page slot in one snapshot, in order: the http:// form
 * (301 to https), the URL itself (200, 3xx, 404, 5xx), and its ?ref= and www. duplicates
 * (200 with a canonical). Fetch times are deterministic: site offset + slot × pace + variant.
 */
import { buildPage } from './build-page.js';
import { httpUrl, pageFacts, pagePath, pageUrl, refUrl, wwwUrl } from './page-facts.js';
import { hash32 } from './prng.js';
import type { CaptureSpec, PageDoc, PageFacts, Site, WebPlan } from './types.js';

const TAG_TIME = 0x54494d45;

/** Seconds since the epoch at which variant `variant` of slot `j` is fetched in snapshot `k`. */
export function fetchTime(
  plan: WebPlan,
  site: Site,
  j: number,
  k: number,
  variant: number,
): number {
  const offset = hash32(plan.seed, TAG_TIME, site.index, k) % 86400;
  return (plan.snapshotTimes[k] as number) + offset + j * site.pace + variant;
}

/** Status of the main URL of a slot in snapshot `k` (0: not yet published, not fetched). */
export function mainStatus(f: PageFacts, k: number): number {
  if (k < f.birth) return 0;
  if (k >= f.death || f.kind === 'gone') return 404;
  if (f.kind === 'error') return f.status;
  if (f.kind === 'flaky' && k === f.flakyAt) return 503;
  if (f.kind === 'moved') return f.status;
  return 200;
}

function spec(
  site: Site,
  j: number,
  f: PageFacts,
  url: string,
  fetchedAt: number,
  status: number,
  variant: number,
  doc?: PageDoc,
): CaptureSpec {
  // One literal with every field keeps all specs one hidden class (spreads were a hot spot).
  return {
    url,
    fetchedAt,
    status,
    location: undefined,
    redirect: undefined,
    doc,
    chunked: f.chunked,
    gzip: f.gzip,
    site: site.index,
    slot: j,
    variant,
  };
}

/**
 * Every capture of slot `j` of `site` in snapshot `k`, with documents for the 200 answers.
 * `text` false skips text that holds no link (NDJSON output and counting write no HTML).
 */
export function planCaptures(
  plan: WebPlan,
  site: Site,
  j: number,
  k: number,
  text = true,
): CaptureSpec[] {
  const f = pageFacts(plan, site, j);
  const status = mainStatus(f, k);
  if (status === 0) return [];
  const main = pageUrl(plan, site, j);
  const t0 = fetchTime(plan, site, j, k, 0);
  const out: CaptureSpec[] = [];
  if (f.hasHttp && status !== 404) {
    const http = spec(site, j, f, httpUrl(plan, site, j), t0, 301, 0);
    http.location = main;
    http.redirect = main;
    out.push(http);
  }
  if (status !== 200) {
    const answer = spec(site, j, f, main, t0 + 1, status, 1);
    if (f.kind === 'moved' && status === f.status) {
      const target = pageUrl(plan, site, f.target);
      // Some servers send a relative Location; the capture records it resolved.
      answer.location =
        hash32(plan.seed, site.index, j, 7) % 3 === 0 ? pagePath(plan, site, f.target) : target;
      answer.redirect = target;
    }
    out.push(answer);
    return out;
  }
  const canonical = site.selfCanonical ? main : undefined;
  const doc = buildPage(plan, site, j, k, f, { base: site.origin, canonical, text });
  out.push(spec(site, j, f, main, t0 + 1, status, 1, doc));
  if (f.hasRef) {
    const refDoc =
      canonical === undefined
        ? buildPage(plan, site, j, k, f, { base: site.origin, canonical: main, text })
        : doc;
    out.push(spec(site, j, f, refUrl(plan, site, j), t0 + 2, status, 2, refDoc));
  }
  if (f.hasWww) {
    const www = wwwUrl(plan, site, j);
    const base = www.slice(0, www.length - pagePath(plan, site, j).length);
    out.push(
      spec(
        site,
        j,
        f,
        www,
        t0 + 3,
        status,
        3,
        buildPage(plan, site, j, k, f, { base, canonical: main, text }),
      ),
    );
  }
  return out;
}

/**
 * Which URLs of a slot are captured in snapshot `k`, as bits: 1 http://, 2 the URL itself,
 * 4 its ?ref= duplicate, 8 its www. duplicate. Mirrors {@link planCaptures} without documents.
 */
export function capturedMask(f: PageFacts, k: number): number {
  const status = mainStatus(f, k);
  if (status === 0) return 0;
  let m = 2;
  if (f.hasHttp && status !== 404) m |= 1;
  if (status === 200) {
    if (f.hasRef) m |= 4;
    if (f.hasWww) m |= 8;
  }
  return m;
}
