import { beforeAll, describe, expect, it } from 'vitest';
import type { Question } from '../src/core/content/schema.ts';
import { loadQuestionBank } from '../src/core/content/load.ts';
import { scoreAnswer } from '../src/core/scoring/keyword/keyword-scorer.ts';

/*
 * Bare lists of rubric terms, with separators written for this test (not taken from
 * content/eval): whatever joins them, a list of keywords names ideas without explaining any and
 * scores at most 15.
 */

let tracing: Question;
beforeAll(async () => {
  const bank = await loadQuestionBank('content');
  const found = bank.get('tracing-100-services');
  if (!found) throw new Error('no tracing-100-services');
  tracing = found;
});

const TERMS = ['tail sampling', 'traceparent', 'span links', 'otel collector', 'bounded queue', 'object storage', 'pii in spans'];

describe('a bare list of terms scores at most 15, whatever the separator', () => {
  it.each([
    ['arrows →', TERMS.join(' → ')],
    ['bullets • inline', TERMS.join(' • ')],
    ['middle dots ·', TERMS.join(' · ')],
    ['plus signs', TERMS.join(' + ')],
    ['ampersands', TERMS.join(' & ')],
    ['numbered 1) 2) 3) inline', TERMS.map((term, index) => `${index + 1}) ${term}`).join(' ')],
    ['numbered 1) 2) 3) per line', TERMS.map((term, index) => `${index + 1}) ${term}`).join('\n')],
    ['numbered 1. 2. 3. per line', TERMS.map((term, index) => `${index + 1}. ${term}`).join('\n')],
    ['one term per line', TERMS.join('\n')],
    ['an "and"-chain of nouns', TERMS.join(' and ')],
    ['emoji bullets', TERMS.map((term) => `✅ ${term}`).join('\n')],
    ['emoji bullets inline', TERMS.map((term) => `🔹 ${term}`).join(' ')],
    ['dashes per line', TERMS.map((term) => `- ${term}`).join('\n')],
    ['a heading then terms', `Key ideas:\n${TERMS.join(', ')}`],
    ['em dashes', TERMS.join(' — ')],
    ['double colons', TERMS.join(' :: ')],
    ['tildes', TERMS.join(' ~ ')],
    ['"also"-chain', TERMS.join(', also ')],
    ['a lead-in sentence then a list', `My design would include the following: ${TERMS.join(', ')}.`],
    ['terms with a verb each', 'use tail sampling, propagate traceparent, add span links, deploy otel collector, bounded queue, object storage, redact pii in spans'],
    ['"with" and "+" mixed', 'tail sampling with traceparent + span links & otel collector / bounded queue -> object storage'],
    ['a markdown bold list', TERMS.map((term) => `**${term}**`).join(' ')],
    ['a "then" chain', TERMS.join(', then ')],
  ])('%s', (_name, list) => {
    const result = scoreAnswer(tracing, list);
    expect(result.score).toBeLessThanOrEqual(15);
    expect(result.points.filter((found) => found.verdict === 'covered')).toEqual([]);
  });

  it('still credits the same ideas explained in sentences', () => {
    const prose = [
      'The collector keeps every error trace because it decides only once the trace completes, which is tail sampling.',
      'Every service forwards the traceparent header on each call so the trace id survives all hops.',
      'The SDK exports through a bounded queue that drops spans when the backend is slow instead of blocking requests.',
    ].join(' ');
    expect(scoreAnswer(tracing, prose).score).toBeGreaterThan(30);
  });
});

describe('enumerations: "Plan: a, b, c"', () => {
  let payment: Question;
  beforeAll(async () => {
    const found = (await loadQuestionBank('content')).get('payment-slo-alerting');
    if (!found) throw new Error('no payment-slo-alerting');
    payment = found;
  });

  function severity(answer: string): string | undefined {
    return scoreAnswer(payment, answer).points.find((found) => found.id === 'severity-routing')?.verdict;
  }

  it('counts two phrases inside one item as one mention', () => {
    expect(severity('My plan: page on any 5xx spike, send every alert through PagerDuty with a secondary on-call after ten minutes, and keep a runbook for each alert.')).toBe('partial');
  });

  it('lets evidence in two different items corroborate', () => {
    expect(severity('My plan: page on any 5xx spike, send every alert through PagerDuty, add a secondary on-call after ten minutes, file tickets for the rest, and keep a runbook for each alert.')).toBe('covered');
  });
});

describe('a one-word topic heading is not an enumeration', () => {
  it('keeps "Scaling: ..., ..., so ..." an explanation', async () => {
    const metrics = (await loadQuestionBank('content')).get('metrics-high-traffic-api');
    if (!metrics) throw new Error('no metrics-high-traffic-api');
    const answer = 'Scaling: replicas follow the in-flight requests per pod through the custom metrics API, never CPU, and scale-down waits a few minutes so replicas do not flap.';
    expect(scoreAnswer(metrics, answer).points.find((found) => found.id === 'autoscaling-signals')?.verdict).toBe('covered');
  });
});
