/**
 * Values of `linkgap crawl`'s (and `recheck`'s) flags: durations (`30d`, `12h`, `15m`, `90s`,
 * `500ms`), seeds (a URL, or a bare host meaning `https://host/`) and `--connect-to` rules.
 */
import { normalizeUrl } from '../../core/url/normalize-url.js';
import { type ConnectToRule, parseConnectTo } from '../../crawl/index.js';
import { CliError, EXIT } from '../cli-error.js';

const UNITS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** Milliseconds of a duration flag. */
export function parseDuration(flag: string, raw: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/.exec(raw.trim());
  if (m === null) {
    throw new CliError(
      `${flag} must be a duration like 30d, 12h, 15m, 90s or 500ms (got '${raw}')`,
      EXIT.usage,
    );
  }
  return Math.round(Number(m[1]) * (UNITS[m[2] as string] as number));
}

/** A seed as a normalised URL: `a.com` → `https://a.com/`. */
export function parseSeed(raw: string): string {
  const s = raw.trim();
  const url = /^https?:\/\//i.test(s) ? s : `https://${s}/`;
  const n = normalizeUrl(url);
  if (!n.ok) throw new CliError(`not a seed URL or host: '${raw}' (${n.reason})`, EXIT.usage);
  return n.url;
}

/** The `--connect-to` values as rules; a bad one is a usage error naming the flag. */
export function parseConnectToFlags(specs: readonly string[] | undefined): ConnectToRule[] {
  return (specs ?? []).map((spec) => {
    const r = parseConnectTo(spec);
    if (!r.ok) throw new CliError(`--connect-to: ${r.message}`, EXIT.usage);
    return r.value;
  });
}
