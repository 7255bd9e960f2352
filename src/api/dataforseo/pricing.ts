/**
 * What a successful task costs: `base + perItem × items` (USD; spec/dataforseo.md §13).
 * linkgap defaults to 0; operators who resell can set DataForSEO's list price
 * (0.02 + 0.00003 per item before 2026-07).
 */
import { roundCost } from './envelope.js';

/** The configurable price of a task. */
export interface Pricing {
  base: number;
  perItem: number;
}

/** Free: the default. */
export const FREE: Pricing = { base: 0, perItem: 0 };

/** Cost of a successful task that returned `items` items. Failed tasks cost 0. */
export function taskCost(pricing: Pricing, items: number): number {
  return roundCost(pricing.base + pricing.perItem * items);
}
