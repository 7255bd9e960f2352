/**
 * The parts of a host name the name-shape spam signals look at: the registrable label (domain
 * before its public suffix), the subdomain and the TLD.
 */
import { hostFacts } from '../../core/url/registrable-domain.js';

/** A host split for the name-shape signals. */
export interface HostParts {
  host: string;
  /** Registrable domain without its public suffix (`example` of `www.example.co.uk`). */
  label: string;
  /** Labels before the registrable domain (`www`), "" when none. */
  subdomain: string;
  /** Last label of the public suffix (`uk` of `co.uk`), "" when none. */
  tld: string;
  isIp: boolean;
  /** The registrable label is an IDNA A-label (`xn--…`), whose ASCII shape says nothing. */
  isIdn: boolean;
}

/** Split a lower-case host into the parts the spam signals use. */
export function hostParts(host: string): HostParts {
  const f = hostFacts(host);
  const suffix = f.tld;
  const label =
    f.isIp || suffix === '' || !f.domain.endsWith(`.${suffix}`)
      ? f.domain
      : f.domain.slice(0, -suffix.length - 1);
  const subdomain =
    !f.isIp && host.length > f.domain.length && host.endsWith(`.${f.domain}`)
      ? host.slice(0, -f.domain.length - 1)
      : '';
  const lastDot = suffix.lastIndexOf('.');
  return {
    host,
    label,
    subdomain,
    tld: lastDot >= 0 ? suffix.slice(lastDot + 1) : suffix,
    isIp: f.isIp,
    isIdn: label.startsWith('xn--'),
  };
}

/** Number of ASCII digits in `s`. */
export function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/** Longest run of consonants (a–z except a, e, i, o, u, y) in `s`. */
export function longestConsonantRun(s: string): number {
  let best = 0;
  let run = 0;
  for (const ch of s) {
    if (ch >= 'a' && ch <= 'z' && !'aeiouy'.includes(ch)) {
      run++;
      if (run > best) best = run;
    } else {
      run = 0;
    }
  }
  return best;
}
