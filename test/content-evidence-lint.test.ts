import { describe, expect, it } from 'vitest';
import { isCommonWord, lintQuestion, singleContentWord } from '../src/core/content/evidence-lint.ts';
import { questionSchema, type Question, type QuestionInput } from '../src/core/content/schema.ts';

function question(input: Partial<QuestionInput> & Pick<QuestionInput, 'rubric'>): Question {
  return questionSchema.parse({ id: 'lint-fixture', topic: 'misc', title: 'Lint fixture', level: 'staff', summary: 'Fixture.', followUps: { functional: [], nonFunctional: [] }, ...input });
}

const filler = [
  { id: 'x', theme: 'X', point: 'X.', evidence: ['xylophone tuning', 'quokka habitat'], weight: 1 },
  { id: 'y', theme: 'Y', point: 'Y.', evidence: ['marzipan recipe', 'kumquat harvest'], weight: 1 },
  { id: 'z', theme: 'Z', point: 'Z.', evidence: ['zeppelin hangar', 'okapi range'], weight: 1 },
];

describe('evidence lint', () => {
  it.each([
    ['what changed', 'changed'],
    ['from traces', 'traces'],
    ['per gb', 'gb'],
    ['not averages', 'averages'],
    ['by team', 'team'],
    ['by when', 'by'],
  ])('refuses %j, which shrinks to the common word %j', (phrase, word) => {
    expect(singleContentWord(phrase)).toBe(word);
    const findings = lintQuestion(question({ rubric: [{ id: 'target', theme: 'Target', point: 'T.', evidence: [phrase, 'tail sampling policy'], weight: 1 }, ...filler] }));
    expect(findings).toContainEqual({ field: 'rubric[0].evidence[0]', message: expect.stringContaining(`common word "${word}"`) });
  });

  it.each(['traceparent', 'exemplar', 'hyperloglog', 'tail sampling', 'real user monitoring', 'requests per second', 'cardinality', 'rum'])('lets %j stand alone', (phrase) => {
    const findings = lintQuestion(question({ rubric: [{ id: 'target', theme: 'Target', point: 'T.', evidence: [phrase, 'tail sampling policy'], weight: 1 }, ...filler] }));
    expect(findings).toEqual([]);
  });

  it('knows common words from uncommon ones', () => {
    expect(isCommonWord('change')).toBe(true);
    expect(isCommonWord('ms')).toBe(true);
    expect(isCommonWord('traceparent')).toBe(false);
    expect(isCommonWord('kafka')).toBe(false);
  });

  it('refuses the same evidence in two points', () => {
    const findings = lintQuestion(question({
      rubric: [
        { id: 'a', theme: 'A', point: 'A.', evidence: ['histogram buckets', 'tail sampling policy'], weight: 1 },
        { id: 'b', theme: 'B', point: 'B.', evidence: ['histogram bucket', 'span links'], weight: 1 },
        ...filler.slice(0, 2),
      ],
    }));
    expect(findings).toEqual([{ field: 'rubric[1].evidence[0]', message: expect.stringContaining('also evidence for "a"') }]);
  });

  it('refuses evidence that states a misconception against its own point', () => {
    const findings = lintQuestion(question({
      rubric: [{ id: 'sampling', theme: 'Sampling', point: 'S.', evidence: ['head sampling keeps errors', 'tail sampling policy'], weight: 1 }, ...filler],
      misconceptions: [{ id: 'head-errors', claim: 'Head sampling keeps errors.', patterns: ['head sampling keeps errors'], correction: 'It keeps about as many as its rate.', contradicts: ['sampling'] }],
    }));
    expect(findings).toContainEqual({ field: 'rubric[0].evidence[0]', message: expect.stringContaining('misconception "head-errors"') });
  });

  it.each([
    ['not every', 'every'],
    ['not all', 'all'],
    ['not each', 'each'],
  ])('refuses the concept alternative %j, which matches any negation once %j is dropped', (alternative, dropped) => {
    const findings = lintQuestion(question({ rubric: [{ id: 'target', theme: 'Target', point: 'T.', evidence: ['tail sampling', 'span links'], concepts: [`${alternative}|different + service|services + scale|scales`], weight: 1 }, ...filler] }));
    expect(findings).toContainEqual({ field: 'rubric[0].concepts[0]', message: expect.stringContaining(`"${dropped}" is a small word the scorer drops`) });
  });

  it.each(['does not', 'must not', 'not every service', 'never'])('lets the concept alternative %j stand', (alternative) => {
    const findings = lintQuestion(question({ rubric: [{ id: 'target', theme: 'Target', point: 'T.', evidence: ['tail sampling', 'span links'], concepts: [`${alternative} + scale|scales`], weight: 1 }, ...filler] }));
    expect(findings).toEqual([]);
  });

  it('checks concept rules and misconception patterns', () => {
    const findings = lintQuestion(question({
      rubric: [{ id: 'target', theme: 'Target', point: 'T.', evidence: ['tail sampling', 'span links'], concepts: ['decide|decision', 'keep + ', 'keep + error ~1', 'decide + after|once'], weight: 1 }, ...filler],
      misconceptions: [
        { id: 'empty', claim: 'Anything.', patterns: ['x*'], correction: 'Nothing.', contradicts: [] },
        { id: 'self', claim: 'Averages work.', patterns: ['averag'], correction: 'Averages of percentiles are wrong.', contradicts: [] },
      ],
    }));
    const fields = findings.map((finding) => finding.field);
    expect(fields).toEqual(['rubric[0].concepts[0]', 'rubric[0].concepts[1]', 'rubric[0].concepts[2]', 'misconceptions[0].patterns[0]', 'misconceptions[1].patterns[0]']);
  });
});
