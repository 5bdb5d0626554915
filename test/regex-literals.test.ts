import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadQuestionBank } from '../src/core/content/load.ts';
import { requiredWordStarts } from '../src/core/scoring/keyword/regex-literals.ts';
import { withoutLeadingLookbehind } from '../src/core/scoring/keyword/misconceptions.ts';

describe('requiredWordStarts', () => {
  it('finds the words a pattern needs, at word starts only', () => {
    expect(requiredWordStarts(String.raw`\b(?:each|every)\s+(?:service|team|hop)\s+sampl\w*`)).toEqual([['each', 'every'], ['service', 'team', 'hop'], ['sampl']]);
    // "spans?" needs "span"; "memory" has no word boundary before it, "limiter" may follow "_".
    expect(requiredWordStarts(String.raw`memory[_ ]?limiter\b.{0,30}\bspans?\b`)).toEqual([['span']]);
    // An optional group promises nothing; two-letter words are too short to look up.
    expect(requiredWordStarts(String.raw`\b(?:the\s+)?(?:no|an)\s+budget`)).toEqual([['budget']]);
    // Negative look-aheads and look-behinds promise nothing.
    expect(requiredWordStarts(String.raw`\btail(?!\s+sampling)(?<=x)\s+keeps`)).toEqual([['tail'], ['keeps']]);
  });

  it('promises nothing it cannot read', () => {
    expect(requiredWordStarts(String.raw`\b3\.4\s*(?:x|times)`)).toEqual([]);
    expect(requiredWordStarts(String.raw`\b(?:head|)sampl`)).toEqual([]);
    expect(requiredWordStarts('(unclosed')).toEqual([]);
    expect(requiredWordStarts(String.raw`[a-z]+ing\s+\1budget`)).toEqual([]);
  });

  it('never rules out a sentence that a content pattern matches', async () => {
    const bank = await loadQuestionBank('content');
    const sentences = readdirSync('content/eval/tune').flatMap((file) => {
      const data = parse(readFileSync(`content/eval/tune/${file}`, 'utf8')) as { answers: { text: string }[] };
      return data.answers.flatMap((answer) => answer.text.split(/(?<=[.!?])\s+|\n+/));
    });
    let matched = 0;
    for (const question of bank.questions) {
      for (const misconception of question.misconceptions) {
        for (const source of misconception.patterns) {
          const stripped = withoutLeadingLookbehind(source);
          const pattern = new RegExp(stripped, 'i');
          const groups = requiredWordStarts(stripped);
          for (const sentence of sentences) {
            if (!pattern.test(sentence)) continue;
            matched += 1;
            const words = sentence.toLowerCase().match(/(?<![a-z0-9_])[a-z0-9]+/g) ?? [];
            for (const group of groups) expect(group.some((literal) => words.some((word) => word.startsWith(literal))), `${source} on "${sentence}"`).toBe(true);
          }
        }
      }
    }
    expect(matched).toBeGreaterThan(10);
  });
});
