import { describe, expect, it } from 'vitest';
import { seededRandom } from '../src/core/peer/seeded-random.ts';
import { collapseWhitespace } from '../src/core/scoring/keyword/collapse-whitespace.ts';

// The misconception patterns read sentences collapsed this way: it must be exactly the regex's.
describe('collapseWhitespace', () => {
  it.each([
    '',
    'plain sentence, single spaces',
    '  leading and trailing  ',
    '• tail sampling\n  keep errors\t\tand\r\nslow traces',
    'no\u00a0break\u2028line\u3000ideographic\ufeffbom \u200bzero-width \u180emongolian',
    'emoji 😀  half \ud83d  surrogate',
  ])('gives what replace(/\\s+/g, " ") gives: %j', (text) => {
    expect(collapseWhitespace(text)).toBe(text.replace(/\s+/g, ' '));
  });

  it('gives the same as the regex for random texts of spaces, line breaks and other characters', () => {
    const characters = ['a', ' ', '\n', '\t', '\u00a0', '\u2028', '\u3000', 'é', '\ud83d', '\ude00', '•', '\v', '\u200b'];
    const next = seededRandom(7);
    for (let run = 0; run < 2_000; run += 1) {
      let text = '';
      for (let index = Math.floor(next() * 30); index > 0; index -= 1) text += characters[Math.floor(next() * characters.length)];
      expect(collapseWhitespace(text), JSON.stringify(text)).toBe(text.replace(/\s+/g, ' '));
    }
  });
});
