/**
 * @module Words for the codes the index stores: languages (ISO 639-1), countries (ISO 3166-1
 * alpha-2) and platform types. The browser's `Intl.DisplayNames` knows the first two.
 */

function displayNames(type: 'language' | 'region'): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames(['en'], { type, fallback: 'code' });
  } catch {
    return null;
  }
}

const LANGUAGES = displayNames('language');
const REGIONS = displayNames('region');

function named(names: Intl.DisplayNames | null, code: string): string {
  try {
    const name = names?.of(code);
    return name === undefined || name === code ? code : `${name} (${code})`;
  } catch {
    return code; // not a well-formed code: show it as it is
  }
}

/** `en` → `English (en)`; an unknown code as it is. */
export function languageName(code: string): string {
  return named(LANGUAGES, code);
}

/** `DE` → `Germany (DE)`; an unknown code as it is. */
export function countryName(code: string): string {
  return named(REGIONS, code.toUpperCase());
}

/** `message-boards` → `message boards`. */
export function platformName(code: string): string {
  return code.replace(/[-_]+/g, ' ');
}
