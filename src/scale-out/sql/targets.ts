/**
 * Targets and excludes as predicates on the link table's target keys (the engine's
 * src/engine/resolve-targets.ts): a page is one `url_to`, a prefix a `url_to` prefix, a host with
 * subdomains its `host_key` and the key range below it, a host without them itself and its
 * `www.` twin. All are ranges of the table's sort key, so ClickHouse reads only their granules.
 */
import type { TargetSpec } from '../../core/query/intersect-query.js';
import { hostKey } from '../../link-index/index.js';
import { sqlNumber, sqlString } from '../../store/clickhouse/index.js';
import { HOST_REGEX } from '../../store/index.js';
import { anyOf } from './conditions.js';

const HOST = new RegExp(HOST_REGEX);

/** The host of a normalised URL as the build derives `host_to`, null when it finds none. */
function hostOfUrl(url: string): string | null {
  const h = HOST.exec(url)?.[1];
  return h === undefined || h === '' ? null : h;
}

function hostSql(host: string, subdomains: boolean): string {
  const k = hostKey(host);
  if (!subdomains) return `(host_key = ${sqlString(k)})`;
  return `(host_key = ${sqlString(k)} OR (host_key > ${sqlString(`${k}\u0001`)} AND host_key < ${sqlString(`${k}\u0002`)}))`;
}

/** The predicate of the links `spec` names. */
export function targetSql(spec: TargetSpec): string {
  switch (spec.kind) {
    case 'page': {
      const host = hostOfUrl(spec.value);
      const url = `(url_to = ${sqlString(spec.value)})`;
      // The host key narrows the read to one key range; the URL decides.
      return host === null ? url : `(host_key = ${sqlString(hostKey(host))} AND ${url.slice(1)}`;
    }
    case 'prefix': {
      const bytes = Buffer.byteLength(spec.value, 'utf8');
      return `(substring(url_to, 1, ${sqlNumber(bytes)}) = ${sqlString(spec.value)})`;
    }
    default:
      return spec.includeSubdomains
        ? hostSql(spec.value, true)
        : anyOf([hostSql(spec.value, false), hostSql(`www.${spec.value}`, false)]);
  }
}
