import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadQuestionBank } from '../src/core/content/load.ts';
import type { QuestionBank } from '../src/core/content/question-bank.ts';
import { scoreAnswer } from '../src/core/scoring/keyword/keyword-scorer.ts';

/*
 * 96 sentences that each adopt one rubric point while saying "no", "never", "not" or "can't" about
 * something else, written by a red-team author who saw only the rubric (test/fixtures/
 * adoptions-with-negation, one `<point id>\t<sentence>` line each). Scored blind, 21 were told
 * "you ruled out" the point they argued for at the start of the ninth round (a47ecb0), and 11 after
 * its first negation fixes (3592fa4, made before this set existed). The round then read them and
 * reached 5, so they are tune data now: this test keeps the count from creeping back up.
 */

const DIR = 'test/fixtures/adoptions-with-negation';
/** Ruled out on the adopted point at the end of the ninth round (docs/eval.md). */
const MAX_RULED_OUT = 5;

interface Adoption {
  questionId: string;
  pointId: string;
  sentence: string;
}

function readAdoptions(): Adoption[] {
  const adoptions: Adoption[] = [];
  for (const file of readdirSync(DIR).filter((name) => name.endsWith('.tsv')).sort()) {
    for (const line of readFileSync(path.join(DIR, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const [pointId = '', sentence = ''] = line.split('\t');
      adoptions.push({ questionId: file.replace(/\.tsv$/, ''), pointId, sentence });
    }
  }
  return adoptions;
}

let bank: QuestionBank;
const adoptions = readAdoptions();
beforeAll(async () => {
  bank = await loadQuestionBank('content');
});

describe('the blind set of adoptions worded with a negation', () => {
  it('names a real point of a real question on every line', () => {
    expect(adoptions).toHaveLength(96);
    for (const { questionId, pointId } of adoptions) expect(bank.require(questionId).rubric.map((point) => point.id)).toContain(pointId);
  });

  it(`tells at most ${MAX_RULED_OUT} of them "you ruled out" the point they adopt, and states no misconception in any`, () => {
    const ruledOut = adoptions.filter(({ questionId, pointId, sentence }) => scoreAnswer(bank.require(questionId), sentence).points.find((point) => point.id === pointId)?.ruledOut !== undefined);
    expect(ruledOut.length).toBeLessThanOrEqual(MAX_RULED_OUT);
    const misconceptions = adoptions.filter(({ questionId, sentence }) => (scoreAnswer(bank.require(questionId), sentence).misconceptions ?? []).length > 0);
    expect(misconceptions).toEqual([]);
  });
});
