/**
 * What `linkgap explain` was asked about: a URL (with its scheme) is a page; a bare name is a
 * registrable domain when it is one (`example.co.uk`), else a host (`blog.example.co.uk`).
 */
import { normalizeUrl } from '../../core/url/normalize-url.js';
import { hostFacts, hostOf } from '../../core/url/registrable-domain.js';
import type { FactsTarget } from '../../store/index.js';

/** The target of a user's argument, or why it is not one. */
export type ParsedExplainTarget =
  | { ok: true; target: FactsTarget }
  | { ok: false; message: string };

/** Parse the argument of `explain`. */
export function parseExplainTarget(raw: string): ParsedExplainTarget {
  const text = raw.trim();
  if (text.includes('://')) {
    const n = normalizeUrl(text);
    if (!n.ok) return { ok: false, message: `'${raw}' is not a URL (${n.reason})` };
    return { ok: true, target: { kind: 'page', url: n.url } };
  }
  const n = normalizeUrl(`http://${text.replace(/\.$/, '')}/`);
  if (!n.ok || text.includes('/') || text === '') {
    return {
      ok: false,
      message: `'${raw}' is neither a URL (give its scheme, e.g. https://) nor a host name`,
    };
  }
  const host = hostOf(n.url);
  const facts = hostFacts(host);
  return {
    ok: true,
    target: facts.domain === host ? { kind: 'domain', domain: host } : { kind: 'host', host: host },
  };
}
