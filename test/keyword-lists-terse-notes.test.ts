import { beforeAll, describe, expect, it } from 'vitest';
import type { Question } from '../src/core/content/schema.ts';
import { loadQuestionBank } from '../src/core/content/load.ts';
import { scoreAnswer } from '../src/core/scoring/keyword/keyword-scorer.ts';

/*
 * Terse notes are not keyword stuffing when the answer also reasons in sentences about the
 * question: the noted ideas earn what a mention in a list earns (partial), not nothing. A list
 * with no such sentence, or with filler sentences around it, is still a keyword list.
 * Answers written for this test.
 */

let tracing: Question;
beforeAll(async () => {
  const found = (await loadQuestionBank('content')).get('tracing-100-services');
  if (!found) throw new Error('no tracing-100-services');
  tracing = found;
});

const NOTES = ['notes for the 100 services:', '- W3C traceparent, baggage, kafka headers', '- tail sampling, errors, slow traces', '- gateway collectors, trace id routing', '- tempo, object storage, 7 days'].join('\n');
const STUFFED_FEEDBACK = /reads like a list of keywords/;

function verdictOf(answer: string, id: string): string | undefined {
  return scoreAnswer(tracing, answer).points.find((point) => point.id === id)?.verdict;
}

describe('terse notes beside sentences that reason about the design', () => {
  const reasoned = `${NOTES}\n\nWe should not head-sample at 1% because the rare failing request is exactly the one you lose.\nA gateway that sees half a trace can't make the keep/drop call, so routing matters.\nNobody reads week-old traces, which is why 7 days is enough.`;

  it('earn partial credit for each noted idea, not zero', () => {
    const result = scoreAnswer(tracing, reasoned);
    expect(result.feedback ?? '').not.toMatch(STUFFED_FEEDBACK);
    expect(verdictOf(reasoned, 'tail-sampling')).toBe('partial');
    expect(verdictOf(reasoned, 'collector-tier')).toBe('partial');
    expect(result.score).toBeGreaterThan(15);
  });

  it('still say the noted terms were only mentioned, so the person knows to explain them', () => {
    const note = scoreAnswer(tracing, reasoned).points.find((point) => point.id === 'tail-sampling')?.note ?? '';
    expect(note).toMatch(/only in passing; say how and why/);
  });

  it('count a rejection as reasoning too', () => {
    const answer = `${NOTES}\n\nPropagation through Kafka is a nice idea, but we would never add span links.\nThe collectors should route by trace id, because a split trace can't be judged.\nThat is the plan.`;
    expect(scoreAnswer(tracing, answer).feedback ?? '').not.toMatch(STUFFED_FEEDBACK);
  });
});

describe('a keyword list stays a keyword list', () => {
  it.each([
    ['with no sentence at all', NOTES],
    ['with filler sentences that name nothing of the question', `${NOTES}\n\nI would do all of this because it is best practice.\nIt works well when things get busy, so it is a good plan.\nThat is why I think it is the right approach.`],
    ['with only two sentences beside it', `${NOTES}\n\nWe should not head-sample at 1% because the rare failing request is exactly the one you lose.\nA gateway that sees half a trace can't make the keep/drop call, so routing matters.`],
    ['as one comma chain between a lead-in and a closing sentence', 'Here is my answer.\nW3C traceparent, baggage, kafka headers, tail sampling, errors, slow traces, gateway collectors, trace id routing, tempo, object storage\nI think that covers it because those are the main parts.'],
  ])('%s', (_name, answer) => {
    const result = scoreAnswer(tracing, answer);
    expect(result.feedback ?? '').toMatch(STUFFED_FEEDBACK);
    expect(result.score).toBeLessThanOrEqual(15);
  });
});

describe('a numbered plan', () => {
  const plan = [
    '1. Propagation: W3C traceparent on every HTTP / gRPC hop via the platform lib, lint in CI',
    '2. Queues: traceparent in Kafka headers on produce + consume, span links for batch jobs',
    '3. Sampling: tail-based at gateway, 100% errors + >2s + 2% of the rest',
    '4. Collectors: node agents -> gateway tier, routing by trace id, 30s decision wait',
    '5. Storage: Tempo on S3, 7d hot, 30d archive, ~1 TB/day after sampling',
    'Each step has a cost figure before rollout.',
  ].join('\n');

  it('whose steps say what is done is not a keyword list: each step earns what a list item earns', () => {
    const result = scoreAnswer(tracing, plan);
    expect(result.feedback ?? '').not.toMatch(STUFFED_FEEDBACK);
    expect(verdictOf(plan, 'async-boundaries')).toBe('partial');
    expect(result.score).toBeGreaterThan(15);
  });

  it('of one or two terms a line is still a keyword list', () => {
    const numbered = ['1. W3C traceparent', '2. Kafka headers', '3. span links', '4. tail sampling', '5. gateway collectors', '6. trace id routing', '7. object storage'].join('\n');
    const result = scoreAnswer(tracing, numbered);
    expect(result.feedback ?? '').toMatch(STUFFED_FEEDBACK);
    expect(result.score).toBeLessThanOrEqual(15);
  });
});
