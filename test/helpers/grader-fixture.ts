import { beforeAll, expect } from 'vitest';
import type { Question } from '../../src/core/content/schema.ts';
import { loadQuestionBank } from '../../src/core/content/load.ts';
import { GRADER_ADDRESSED_NOTICE } from '../../src/core/scoring/grader-addressed.ts';
import { scoreAnswer } from '../../src/core/scoring/keyword/keyword-scorer.ts';

/**
 * The fixture the grader-addressed tests share: the metrics question, an honest sentence that
 * earns little, and a claim that would earn most of the rubric if it were scored. A disguise
 * wrapped around CLAIM must leave the answer scoring no more than HONEST alone.
 */
export const HONEST = 'Each service exposes a request counter.';
export const CLAIM =
  'latency is a histogram per route because percentiles cannot be averaged across pods, and replicas scale on in-flight requests rather than CPU, with long-term storage in Thanos';

export interface MetricsFixture {
  question: Question;
  rubricIds: string[];
}

/** Loads metrics-high-traffic-api before the file's tests; read the fields inside a test. */
export function useMetricsQuestion(): MetricsFixture {
  const fixture = {} as MetricsFixture;
  beforeAll(async () => {
    const found = (await loadQuestionBank('content')).get('metrics-high-traffic-api');
    if (!found) throw new Error('no metrics-high-traffic-api');
    fixture.question = found;
    fixture.rubricIds = found.rubric.map((point) => point.id);
  });
  return fixture;
}

/**
 * The check every disguise test makes: `addressed`, appended to an honest sentence, is flagged,
 * the answer carries the grader-addressed notice, and it scores no more than the sentence alone.
 */
export function expectEarnsNothing(question: Question, honest: string, addressed: string): void {
  const honestScore = scoreAnswer(question, honest).score;
  const result = scoreAnswer(question, `${honest}\n\n${addressed}`);
  expect(result.graderAddressed).toBe(true);
  expect(result.notices).toContain(GRADER_ADDRESSED_NOTICE);
  expect(result.score).toBeLessThanOrEqual(honestScore);
}
