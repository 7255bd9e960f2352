import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../test/helpers/random.js';
import type { LinkOccurrence } from '../../core/types.js';
import { TextContext } from './text-context.js';
import { clipEnd, clipStart, collapseWhitespace } from './whitespace.js';

const WORDS = ['a', 'bb', 'word', 'longerword', 'ü', '😀', '&', 'x.y', 'end.'];
const SPACES = [' ', ' ', ' ', '  ', '\n', '\t', '\u00a0', '\r\n    ', ' '.repeat(120)];

/** The reference: collapse everything before / after the link, then cut. */
function expectedPre(raw: string): string {
  return clipStart(collapseWhitespace(raw), 80).trimStart();
}
function expectedPost(raw: string): string {
  return clipEnd(collapseWhitespace(raw), 80).trimEnd();
}

describe('TextContext', () => {
  it('gives the same context as collapsing the whole text, for short and long text nodes', () => {
    const random = createRandom(3);
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T;
    for (let round = 0; round < 1000; round++) {
      const context = new TextContext();
      let raw = '';
      const links: Array<{ link: LinkOccurrence; pre: string; at: number }> = [];
      // Some long rounds, so that pieces are compacted while links wait.
      const steps = 1 + Math.floor(random() * (round % 100 === 0 ? 300 : 12));
      for (let step = 0; step < steps; step++) {
        const roll = random();
        if (roll < 0.3) {
          const link: LinkOccurrence = { url: 'https://a.example/', item_type: 'anchor' };
          link.text_pre = context.textBefore();
          links.push({ link, pre: expectedPre(raw), at: raw.length });
          context.awaitTextAfter(link);
        } else if (roll < 0.4) {
          context.space();
          raw += ' ';
        } else {
          // Up to ~1,500 characters: long enough for the head/tail-only path.
          let text = '';
          const words = Math.floor(random() * (random() < 0.3 ? 250 : 20));
          for (let w = 0; w < words; w++) text += pick(WORDS) + pick(SPACES);
          context.write(text);
          raw += text;
        }
      }
      context.finish();
      for (const { link, pre, at } of links) {
        expect(link.text_pre).toBe(pre);
        expect(link.text_post).toBe(expectedPost(raw.slice(at)));
      }
    }
  });

  it('keeps a sample of the first characters when asked', () => {
    const context = new TextContext(10);
    context.write('  one   two three four five six ');
    expect(context.sample()).toBe('one two th');
    context.dropSample();
    expect(context.sample()).toBe('');
  });
});
