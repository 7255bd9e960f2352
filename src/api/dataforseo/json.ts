/**
 * JSON the way DataForSEO writes it: PHP `json_encode` style, `/` escaped as `\/`.
 */

/**
 * Serialise `value` and escape every `/` as `\/` (spec/dataforseo.md §7). `/` only occurs
 * inside JSON strings, where `\/` is a valid escape, so the result parses to the same value.
 */
export function stringifyDataForSeo(value: unknown): string {
  return JSON.stringify(value).replaceAll('/', '\\/');
}
