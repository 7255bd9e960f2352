/**
 * How fresh each competitor's backlinks are: counts, first seen and when a page linking to it
 * was last crawled, with how far each lags the freshest competitor (a skew that makes one
 * competitor look weaker only because its linkers were crawled earlier).
 */
import type { TargetFreshness } from '../../../src/api/native/types.js';
import { daysBetween, formatCount, formatDay, plural, shortTarget } from '../format.js';

/** Props of `FreshnessTable`. */
export interface FreshnessTableProps {
  freshness: readonly TargetFreshness[];
  /** Per competitor: prospects linking to it, when known (the overlap view has it). */
  prospects?: readonly number[];
}

/** Lag (days) from which a competitor is marked as behind. */
const STALE_DAYS = 30;

/** The table; it scrolls sideways on a narrow screen. */
export function FreshnessTable({ freshness, prospects }: FreshnessTableProps) {
  const newest = freshness
    .map((f) => f.lastSeen)
    .filter((s): s is string => s !== null)
    .sort()
    .at(-1);
  return (
    <div class="table-scroll">
      <table class="freshness">
        <thead>
          <tr>
            <th scope="col">Competitor</th>
            {prospects !== undefined && (
              <th scope="col" class="num">
                Prospects
              </th>
            )}
            <th scope="col" class="num">
              Backlinks
            </th>
            <th scope="col" class="num">
              Live
            </th>
            <th scope="col" class="num">
              Referring pages
            </th>
            <th scope="col">First seen</th>
            <th scope="col">Last crawled</th>
          </tr>
        </thead>
        <tbody>
          {freshness.map((f, i) => {
            const lag = daysBetween(f.lastSeen, newest ?? null);
            return (
              <tr key={`${i}:${f.target}`}>
                <th scope="row" title={f.target}>
                  <span class="cnum">{i + 1}</span> {shortTarget(f.target)}
                </th>
                {prospects !== undefined && <td class="num">{formatCount(prospects[i] ?? 0)}</td>}
                <td class="num">{formatCount(f.backlinks)}</td>
                <td class="num">{formatCount(f.liveBacklinks)}</td>
                <td class="num">{formatCount(f.referringPages)}</td>
                <td>{formatDay(f.firstSeen)}</td>
                <td>
                  {formatDay(f.lastSeen)}
                  {f.lastSeen === null ? (
                    <span class="badge warn"> no backlinks</span>
                  ) : (
                    lag !== null &&
                    lag >= STALE_DAYS && (
                      <span class="badge warn">{plural(lag, 'day')} behind the freshest</span>
                    )
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
