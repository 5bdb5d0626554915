import { beforeAll, describe, expect, it } from 'vitest';
import type { Question } from '../src/core/content/schema.ts';
import { loadQuestionBank } from '../src/core/content/load.ts';
import type { QuestionBank } from '../src/core/content/question-bank.ts';
import { scoreAnswer } from '../src/core/scoring/keyword/keyword-scorer.ts';

/*
 * "Same for X." after a sentence that rejects something adds X to what was rejected; after a
 * sentence that rejects nothing it adopts X like the sentence before. Written for this test,
 * not taken from content/eval.
 */

let bank: QuestionBank;
beforeAll(async () => {
  bank = await loadQuestionBank('content');
});

function pointOf(questionId: string, pointId: string, answer: string) {
  const question: Question | undefined = bank.get(questionId);
  if (!question) throw new Error(`no question ${questionId}`);
  const found = scoreAnswer(question, answer).points.find((candidate) => candidate.id === pointId);
  if (!found) throw new Error(`no point ${pointId}`);
  return found;
}

describe('"Same for X" carries the rejection of the sentence before', () => {
  it.each([
    ['logging-10tb-day', 'buffered-ingest', 'We would not use client-side sampling. Same for a durable Kafka buffer between the agents and the indexers.'],
    ['observability-platform-at-scale', 'meta-monitoring', 'Per-tenant limits are overkill. Same goes for an independent meta-monitoring path with a dead man\'s switch.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    const point = pointOf(questionId, pointId, answer);
    expect(point.verdict).toBe('missed');
    expect(point.ruledOut).toBeDefined();
  });
});

describe('"Same for X" after a sentence that rejects nothing keeps X', () => {
  it.each([
    ['logging-10tb-day', 'buffered-ingest', 'Agents on every node ship the logs. Same for a durable Kafka buffer between the agents and the indexers, which absorbs bursts and outages.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expect(pointOf(questionId, pointId, answer).verdict).not.toBe('missed');
  });
});
