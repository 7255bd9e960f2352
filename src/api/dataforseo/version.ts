/**
 * The envelope's `version`: `0.1.YYYYMMDD` (spec/dataforseo.md §7), from the date linkgap was
 * built (the modification time of this compiled module; the source file's under tsx).
 */
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `0.1.` + the UTC date of `when` as YYYYMMDD. */
export function apiVersionFor(when: Date): string {
  return `0.1.${when.toISOString().slice(0, 10).replaceAll('-', '')}`;
}

/** The version of this build (falls back to today if the module file cannot be read). */
export function buildApiVersion(): string {
  try {
    return apiVersionFor(statSync(fileURLToPath(import.meta.url)).mtime);
  } catch {
    return apiVersionFor(new Date());
  }
}
