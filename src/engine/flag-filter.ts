/**
 * Boolean flag conditions of a link filter (`1.dofollow = true`) folded into the flag test that
 * the posting walk already does, so they cost nothing per link.
 */
import type { FilterCondition, FilterExpr } from '../core/filter/types.js';
import type { IntersectQuery } from '../core/query/intersect-query.js';
import { LINK_FLAG } from '../link-index/index.js';

const FLAG_FIELDS: Readonly<Record<string, number>> = {
  dofollow: LINK_FLAG.dofollow,
  is_lost: LINK_FLAG.lost,
  is_new: LINK_FLAG.new,
  is_indirect_link: LINK_FLAG.indirect,
  original: LINK_FLAG.original,
  is_broken: LINK_FLAG.broken,
  url_from_https: LINK_FLAG.fromHttps,
  url_to_https: LINK_FLAG.toHttps,
};

/** A link filter as `(flags & mask) === want` and what remains of it. */
export interface SplitFilter {
  mask: number;
  want: number;
  rest: FilterExpr | null;
  /** The folded conditions contradict each other: no link passes. */
  never: boolean;
}

function flagOf(c: FilterCondition): { bit: number; on: boolean } | null {
  const bit = FLAG_FIELDS[c.field.name];
  if (bit === undefined || typeof c.value !== 'boolean') return null;
  if (c.op === '=') return { bit, on: c.value };
  if (c.op === '<>') return { bit, on: !c.value };
  return null;
}

/** Split the top-level AND-ed flag conditions off a link filter. */
export function splitFlagFilter(expr: FilterExpr | null): SplitFilter {
  const out: SplitFilter = { mask: 0, want: 0, rest: expr, never: false };
  if (expr === null) return out;
  const items = expr.kind === 'and' ? expr.items : [expr];
  const rest: FilterExpr[] = [];
  for (const item of items) {
    const f = item.kind === 'cond' ? flagOf(item) : null;
    if (f === null) {
      rest.push(item);
      continue;
    }
    const want = f.on ? f.bit : 0;
    if (out.mask & f.bit && (out.want & f.bit) !== want) out.never = true;
    out.mask |= f.bit;
    out.want = (out.want & ~f.bit) | want;
  }
  out.rest =
    rest.length === 0
      ? null
      : rest.length === 1
        ? (rest[0] as FilterExpr)
        : { kind: 'and', items: rest };
  return out;
}

/** The scope of the target sets A_i as a flag test: `(flags & scopeMask) === scopeWant`. */
export function scopeOf(
  q: Pick<
    IntersectQuery,
    'status' | 'includeIndirect' | 'excludeInternal' | 'excludeTechnicalHosts'
  >,
): { scopeMask: number; scopeWant: number } {
  const L = LINK_FLAG;
  let scopeMask = 0;
  let scopeWant = 0;
  if (q.status !== 'all') scopeMask |= L.lost;
  if (q.status === 'lost') scopeWant |= L.lost;
  if (!q.includeIndirect) scopeMask |= L.indirect;
  if (q.excludeInternal) scopeMask |= L.internal;
  if (q.excludeTechnicalHosts) scopeMask |= L.fromTechnical;
  return { scopeMask, scopeWant };
}

/**
 * The links of the exclusion set X are those with `(flags & mask) === 0`: live ones under
 * status live, direct ones without indirect links. No internal or technical-host exclusion.
 */
export function excludeScopeMask(q: Pick<IntersectQuery, 'status' | 'includeIndirect'>): number {
  return (q.status === 'live' ? LINK_FLAG.lost : 0) | (q.includeIndirect ? 0 : LINK_FLAG.indirect);
}

/** The per-link test of target set A_i: `(flags & mask) === want` and then `pred`. */
export interface TargetTest {
  mask: number;
  want: number;
  pred: ((link: number) => boolean) | null;
}

/** Combine the query scope with a target's link filter, flag conditions folded in. */
export function targetTest(
  scopeMask: number,
  scopeWant: number,
  filter: FilterExpr | null,
  compile: (expr: FilterExpr) => (link: number) => boolean,
): TargetTest {
  const s = splitFlagFilter(filter);
  const clash = (scopeMask & s.mask & (scopeWant ^ s.want)) !== 0;
  // An impossible `want` (outside the 16 flag bits) makes the set empty.
  if (s.never || clash) return { mask: 0, want: 1 << 20, pred: null };
  return {
    mask: scopeMask | s.mask,
    want: scopeWant | s.want,
    pred: s.rest === null ? null : compile(s.rest),
  };
}
