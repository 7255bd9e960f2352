/**
 * Parsing of `rel` attribute values into link-type tokens.
 */
import { isSpaceCode } from './whitespace.js';

const MAX_TOKENS = 16;
const MAX_TOKEN_LENGTH = 64;

/**
 * The tokens of a `rel` value: split on whitespace, lower-cased, duplicates dropped, source
 * order kept. At most 16 tokens of at most 64 characters; longer ones are junk and dropped.
 * @example parseRel('NoFollow  ugc nofollow') // ['nofollow', 'ugc']
 */
export function parseRel(value: string | undefined): string[] {
  const tokens: string[] = [];
  if (value === undefined) return tokens;
  const n = value.length;
  let i = 0;
  while (i < n && tokens.length < MAX_TOKENS) {
    while (i < n && isSpaceCode(value.charCodeAt(i))) i++;
    const start = i;
    while (i < n && !isSpaceCode(value.charCodeAt(i))) i++;
    if (i === start || i - start > MAX_TOKEN_LENGTH) continue;
    const token = value.slice(start, i).toLowerCase();
    if (!tokens.includes(token)) tokens.push(token);
  }
  return tokens;
}
