/**
 * The plain-language link options of the explorer and of the MCP `link_gap` tool (dofollow
 * only, minimum domain rank, maximum spam score, language, country, platform type, first seen
 * after) as filter conditions, and how they become every target's link filter: a backlink to a
 * target counts only when it satisfies all of them.
 */
import type { FieldType, FilterExpr, FilterScalar } from '../filter/types.js';

/** The options; absent or null = no condition. Ranks in the query's rank scale. */
export interface LinkOptions {
  dofollowOnly?: boolean;
  minDomainRank?: number | null;
  /** Pages never scored are kept. */
  maxSpamScore?: number | null;
  /** Lower-case ISO 639-1. */
  language?: string | null;
  /** Upper-case ISO 3166-1 alpha-2. */
  country?: string | null;
  platform?: string | null;
  /** Seconds since the epoch (UTC): backlinks first seen at or after it. */
  firstSeenAfter?: number | null;
}

/** The conditions the options ask for, on target 0 (`linkFiltersFor` sets the target). */
export function linkConditions(o: LinkOptions): FilterExpr[] {
  const out: FilterExpr[] = [];
  const cond = (
    name: string,
    type: FieldType,
    op: '=' | '>=' | '<=' | 'has',
    value: FilterScalar,
  ) => ({ kind: 'cond', field: { target: 0, name }, type, op, value }) as const;
  if (o.dofollowOnly === true) out.push(cond('dofollow', 'bool', '=', true));
  if (o.minDomainRank != null) out.push(cond('domain_from_rank', 'num', '>=', o.minDomainRank));
  if (o.maxSpamScore != null) {
    out.push({
      kind: 'or',
      items: [
        cond('backlink_spam_score', 'num', '<=', o.maxSpamScore),
        cond('backlink_spam_score', 'num', '=', null),
      ],
    });
  }
  if (o.language != null) out.push(cond('page_from_language', 'str', '=', o.language));
  if (o.country != null) out.push(cond('domain_from_country', 'str', '=', o.country));
  if (o.platform != null) out.push(cond('domain_from_platform_type', 'array', 'has', o.platform));
  if (o.firstSeenAfter != null) out.push(cond('first_seen', 'time', '>=', o.firstSeenAfter));
  return out;
}

/**
 * Each target's link filter: its own filter (if any) AND the conditions, with their field's
 * target set to the target's index (page mode) or null (domain mode's `backlinks_filters`).
 */
export function linkFiltersFor(
  own: ReadonlyArray<FilterExpr | null>,
  conditions: readonly FilterExpr[],
  domainMode: boolean,
): Array<FilterExpr | null> {
  return own.map((f, i) => {
    const items = [
      ...(f === null ? [] : [f]),
      ...conditions.map((c) => withTarget(c, domainMode ? null : i)),
    ];
    if (items.length === 0) return null;
    return items.length === 1 ? (items[0] as FilterExpr) : { kind: 'and', items };
  });
}

function withTarget(expr: FilterExpr, target: number | null): FilterExpr {
  if (expr.kind === 'cond') return { ...expr, field: { ...expr.field, target } };
  return { kind: expr.kind, items: expr.items.map((e) => withTarget(e, target)) };
}
