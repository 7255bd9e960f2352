/**
 * The WARC records of one capture: a request record, then a response record, or a revisit
 * record when the page is byte-identical to its previous capture (half of those cases), which
 * then refers to the earliest full response of that unchanged run.
 */
import { requestRecord, responseRecord } from '../warc/index.js';
import { httpRequest, httpResponse } from './http-message.js';
import { fetchTime, planCaptures } from './plan-captures.js';
import { hash32 } from './prng.js';
import { renderHtml } from './render-html.js';
import type { CaptureSpec, Site, WebPlan } from './types.js';
import { type RefersTo, recordId, revisitRecord, warcDate } from './warc-records.js';

const TAG_REVISIT = 0x52455649;
const TAG_CHARSET = 0x43485253;
const RESPONSE = 1;
const REQUEST = 0;

/** Record id of the response (or revisit) record of a capture. */
function responseId(plan: WebPlan, k: number, site: number, slot: number, variant: number): string {
  return recordId(plan.seed, k, site, slot * 4 + variant, RESPONSE);
}

/** Whether a byte-identical repeat of a capture in snapshot `k` is written as a revisit. */
function revisitCoin(plan: WebPlan, spec: CaptureSpec, k: number): boolean {
  return hash32(plan.seed, TAG_REVISIT, spec.site, spec.slot * 4 + spec.variant, k) % 2 === 0;
}

function htmlAt(plan: WebPlan, site: Site, spec: CaptureSpec, k: number): string | undefined {
  const c = planCaptures(plan, site, spec.slot, k).find((x) => x.variant === spec.variant);
  return c?.doc === undefined ? undefined : renderHtml(c.doc);
}

/** The earlier full response a revisit in snapshot `k` points to, or undefined (write it in full). */
export function refersTo(
  plan: WebPlan,
  site: Site,
  spec: CaptureSpec,
  k: number,
  html: string,
): RefersTo | undefined {
  if (k === 0 || !revisitCoin(plan, spec, k) || htmlAt(plan, site, spec, k - 1) !== html)
    return undefined;
  let kk = k - 1;
  // Walk back over earlier revisits of the same unchanged payload to its full response.
  while (kk > 0 && revisitCoin(plan, spec, kk) && htmlAt(plan, site, spec, kk - 1) === html) kk--;
  return {
    id: responseId(plan, kk, spec.site, spec.slot, spec.variant),
    url: spec.url,
    date: fetchTime(plan, site, spec.slot, kk, spec.variant),
  };
}

/** Request + response (or revisit) records of a capture in snapshot `k`. */
export function warcRecordsOf(
  plan: WebPlan,
  site: Site,
  spec: CaptureSpec,
  k: number,
  warcinfoId: string,
): Buffer[] {
  const html = spec.doc === undefined ? undefined : renderHtml(spec.doc);
  const plainCharset = hash32(plan.seed, TAG_CHARSET, site.index) % 7 === 0;
  const res = httpResponse(spec, site, html, plainCharset);
  const id = responseId(plan, k, spec.site, spec.slot, spec.variant);
  const meta = { url: spec.url, date: warcDate(spec.fetchedAt), ip: site.ip, warcinfoId };
  const request = requestRecord(
    meta,
    recordId(plan.seed, k, spec.site, spec.slot * 4 + spec.variant, REQUEST),
    id,
    httpRequest(spec.url),
  );
  const to = html === undefined ? undefined : refersTo(plan, site, spec, k, html);
  if (to !== undefined) return [request, revisitRecord(meta, id, res.head, res.payloadDigest, to)];
  return [
    request,
    responseRecord(
      meta,
      id,
      res.head,
      res.body,
      res.payloadDigest,
      html === undefined ? {} : { identifiedPayloadType: 'text/html' },
    ),
  ];
}
