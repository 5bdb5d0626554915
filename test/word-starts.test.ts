import { describe, expect, it } from 'vitest';
import { matchStarts } from '../src/core/scoring/keyword/regex-literals.ts';
import { WALL_HINTS } from '../src/core/scoring/grader-disguises.ts';
import { execFrom, matchAllFrom, matchesAtWordsStartingWith, wordStartPattern, wordStarts } from '../src/core/scoring/word-starts.ts';
import { seededRandom } from '../src/core/peer/seeded-random.ts';

// Pieces the patterns below look for, in several spellings, and what surrounds words in answers.
const PIECES = [
  'score', 'Scored', 'SCORE:', 'graded', 'grade', 'AI', 'aim', 'a.i.', 'A.I', 'as-is', 'as is', 'ASIS', '1/1', '3 / 3',
  '(verified', '[ verified', '(', '[', 'tail-sampling', 'tail_sampling', 'xtail-sampling', '_tail-sampling',
  'tail-sampling-x', 'my answer', 'my_answer', 'nb(', 'nb (', 'todo(', 'é', 'score\u212a', '\u212arade',
  'the', 'we', 'sampling', 'context', 'contexts', 'confirmed', 'Confirm', 'conf', 'con', '-', '_', ' ', ' ', ' ', '\n', '.', ',', ':', '!', '"', '`', '42', 'x',
];

const PATTERNS: RegExp[] = [
  /\b(?:score|graded?|AI|A\.I\.|as[- ]is|(\d)\s*\/\s*\1\b|my (?:answer|response))|[([]\s*verified/gi,
  /\b(?:score|grade)\s*:|\b(?:todo|nb)\s*\(/g,
  /\b(?:tail[-_]sampling)(?![\w-])/gi,
  // Beyond the reader (a branch may start with a space): must still give the same matches.
  /\bscore|\s+graded/gi,
  // Words sharing three letters with a cue ("context", "confirmed"): the fourth tells them apart.
  /\b(?:confirmed|conf\b|contexts)/gi,
];

function texts(count: number): string[] {
  const random = seededRandom(11);
  return Array.from({ length: count }, () => {
    let text = '';
    const length = 1 + Math.floor(random() * 40);
    for (let index = 0; index < length; index += 1) text += PIECES[Math.floor(random() * PIECES.length)] ?? '';
    return text;
  });
}

function summary(matches: Iterable<RegExpExecArray>): string[] {
  return [...matches].map((match) => `${match.index}:${match[0]}`);
}

describe('word-start scans', () => {
  it('find exactly the matches of matchAll', () => {
    for (const pattern of PATTERNS) {
      const compiled = wordStartPattern(pattern);
      for (const text of texts(400)) {
        expect(summary(matchAllFrom(text, wordStarts(text), compiled)), `${pattern} on ${JSON.stringify(text)}`).toEqual(summary(text.matchAll(pattern)));
      }
    }
  });

  it('find what exec finds from any lastIndex', () => {
    const random = seededRandom(5);
    for (const pattern of PATTERNS) {
      const compiled = wordStartPattern(pattern);
      for (const text of texts(100)) {
        const from = Math.floor(random() * (text.length + 2));
        pattern.lastIndex = from;
        const expected = pattern.exec(text);
        const actual = execFrom(text, wordStarts(text), compiled, from);
        expect(actual && `${actual.index}:${actual[0]}`, `${pattern} from ${from} on ${JSON.stringify(text)}`).toEqual(expected && `${expected.index}:${expected[0]}`);
      }
    }
  });

  it('find what matchAll finds when tried only at words with given first letters', () => {
    // LETTER_GRADE of grader-disguises.ts and its prefixes: case-sensitive past the first letter.
    const letterGrade = /\b(?:[Gg]rade|[Rr]ating|[Ss]core|GRADE|RATING|SCORE)\s*[:=]\s*\**[A-F][+-]?(?=\**\s*(?:[.!,;)]|$))/gm;
    const pieces = ['Grade: A', 'score = B+', 'RATING:F-', 'Score: C', 'grade', 'gRade: A', 'Rating', 'rate: A', '_score: B', 'xgrade: C', 'SCORE', ':', '=', ' ', '\n', '**', 'A', 'B+', 'a', '.', ')', 'é'];
    const random = seededRandom(23);
    for (let round = 0; round < 600; round += 1) {
      let text = '';
      for (let index = 0, length = 1 + Math.floor(random() * 30); index < length; index += 1) text += pieces[Math.floor(random() * pieces.length)] ?? '';
      const found = matchesAtWordsStartingWith(text, wordStarts(text), ['gra', 'rat', 'sco'], letterGrade);
      expect(summary(found), JSON.stringify(text)).toEqual(summary(text.matchAll(letterGrade)));
    }
  });

  it('skip positions only for patterns whose every branch starts at a word or a listed character', () => {
    expect(wordStartPattern(PATTERNS[0] ?? /x/g).sticky).toBeDefined();
    expect(wordStartPattern(PATTERNS[3] ?? /x/g).sticky).toBeUndefined();
    expect(matchStarts(String.raw`\b(?:score|AI|A\.I\.)|[([]x`)).toEqual({
      words: [{ word: 'sco', exact: false }, { word: 'ai', exact: false }, { word: 'a', exact: true }],
      chars: '([',
    });
    // Read to four letters, for the fourth-letter filter of wordStartPattern.
    expect(matchStarts(String.raw`\b(?:score|AI|con)`, 4)?.words).toEqual([{ word: 'scor', exact: false }, { word: 'ai', exact: false }, { word: 'con', exact: false }]);
    // No \b: a match may start inside a word. An optional first word: the next one may start it.
    expect(matchStarts('score')).toBeUndefined();
    expect(matchStarts(String.raw`\b(?:very\s+)?good`)?.words.map((word) => word.word)).toEqual(['goo', 'ver']);
    expect(matchStarts(String.raw`\b(?:a|)x`)?.words.map((word) => word.word)).toEqual(['ax', 'x']);
    // A pattern that can match the empty string matches anywhere.
    expect(matchStarts(String.raw`\b(?:ab)?`)).toBeUndefined();
    expect(matchStarts(String.raw`[^a]b`)).toBeUndefined();
  });
});

describe('wordStarts', () => {
  it('lists where words start, in a long text with astral characters too', () => {
    const text = `${'x'.repeat(70_000)} 😀score 😀 Grade`;
    const starts = wordStarts(text);
    expect(Array.from(starts.positions.subarray(0, starts.count))).toEqual([0, 70_003, 70_012]);
    const short = '😀score, _x a1 9';
    const shortStarts = wordStarts(short);
    expect(Array.from(shortStarts.positions.subarray(0, shortStarts.count))).toEqual([2, 12, 15]);
  });

  it('notes the characters the grader scans look for exactly where includes() would find them', () => {
    // The flags stand in for includes() calls in grader-addressed.ts and grader-disguises.ts.
    const noted = (text: string) => {
      const starts = wordStarts(text);
      return { spacedOut: starts.spacedOut, wallHint: starts.wallHint, tripleDash: starts.tripleDash, kelvin: starts.kelvin };
    };
    const expected = (text: string) => ({
      spacedOut: text.includes('  ') || text.includes('\t'),
      wallHint: WALL_HINTS.some((hint) => text.includes(hint)),
      tripleDash: text.includes('---'),
      kelvin: text.includes('\u212a'),
    });
    const random = seededRandom(11);
    const pieces = ['-', '=', '_', '*', '.', '~', '#', ' ', '\t', '\n', 'a', 'word', '\u212a', '😀', 'é'];
    for (let run = 0; run < 3_000; run += 1) {
      let text = '';
      const length = Math.floor(random() * 30);
      for (let index = 0; index < length; index += 1) {
        const piece = pieces[Math.floor(random() * pieces.length)] ?? '';
        text += piece.repeat(random() < 0.2 ? 1 + Math.floor(random() * 12) : 1);
      }
      expect(noted(text), JSON.stringify(text)).toEqual(expected(text));
    }
    for (const hint of WALL_HINTS) expect(noted(`ab${hint}cd`).wallHint, JSON.stringify(hint)).toBe(true);
    expect(noted('a -- b ========= c\n\n d').wallHint).toBe(false);
  });
});
