/**
 * DataForSEO's `time` strings.
 */

/** Seconds as DataForSEO prints them: `"%.4f sec."`, e.g. `"0.0123 sec."`. */
export function formatSeconds(seconds: number): string {
  return `${Math.max(0, seconds).toFixed(4)} sec.`;
}
