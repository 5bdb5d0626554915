import { describe, expect, it } from 'vitest';
import { useContentQuestions } from './helpers/content-questions.ts';
import { scoreAnswer } from '../src/core/scoring/keyword/keyword-scorer.ts';

/*
 * Hard rejections, written for this test (not taken from content/eval): each answer names a
 * rubric idea only to reject, skip, dismiss or replace it, and must not earn that point. Scored
 * against the real questions, so the rubric's own evidence and concept rules are what is tested.
 */

const questionOf = useContentQuestions();

function verdictOf(questionId: string, pointId: string, answer: string): string {
  const result = scoreAnswer(questionOf(questionId), answer);
  const found = result.points.find((candidate) => candidate.id === pointId);
  if (!found) throw new Error(`no point ${pointId}`);
  return found.verdict;
}

describe('rejections never cover the idea they reject', () => {
  it.each([
    ['tracing-100-services', 'tail-sampling', 'Tail sampling? Honestly overkill for us.'],
    ['tracing-100-services', 'tail-sampling', 'Tail-based sampling? Not for us.'],
    ['tracing-100-services', 'tail-sampling', "Let's not do tail sampling; a flat one percent is fine."],
    ['tracing-100-services', 'tail-sampling', 'Tail sampling is a nice-to-have we would drop.'],
    ['tracing-100-services', 'tail-sampling', "I'm against tail sampling."],
    ['tracing-100-services', 'tail-sampling', 'Tail sampling would be my last resort.'],
    ['tracing-100-services', 'tail-sampling', 'Never tail sampling, it needs too much collector memory.'],
    ['tracing-100-services', 'tail-sampling', 'No tail sampling: head sampling at one percent keeps it simple.'],
    ['tracing-100-services', 'tail-sampling', 'We can do without tail sampling at this size.'],
    ['tracing-100-services', 'tail-sampling', 'Tail sampling is a waste of collector memory here.'],
    ['tracing-100-services', 'tail-sampling', "Don't bother with tail sampling."],
    ['tracing-100-services', 'tail-sampling', "We'd pass on tail sampling for now."],
    ['tracing-100-services', 'tail-sampling', 'We would forgo tail-based sampling and sample at the head.'],
    ['tracing-100-services', 'collector-tier', "I'd skip the collector tier entirely and have apps export straight to the backend."],
    ['tracing-100-services', 'collector-tier', 'A gateway collector tier is unnecessary; the SDKs can talk to the vendor directly.'],
    ['tracing-100-services', 'async-boundaries', "We wouldn't bother with span links; a request id in the logs is enough."],
    ['payment-slo-alerting', 'burn-rate-alerts', 'No burn-rate alerts — a static threshold on CPU works fine.'],
    ['payment-slo-alerting', 'multi-window', 'Forget multi-window alerts.'],
    ['payment-slo-alerting', 'multi-window', 'Short window and long window pairs? Pointless for a payments API.'],
    ['metrics-high-traffic-api', 'latency-histograms', "Percentile histograms aren't needed, an average latency panel does the job."],
    ['metrics-high-traffic-api', 'latency-histograms', 'Native histograms are not worth it, an average is enough.'],
    ['metrics-high-traffic-api', 'scalable-storage', 'Thanos and Mimir? We would ditch both and keep a single Prometheus.'],
    ['observability-cost-reduction', 'protect-debuggability', "There's no need for a never-cut list."],
    ['observability-cost-reduction', 'cheaper-signals', "I don't think exemplars are worth it."],
    ['logging-10tb-day', 'tiered-storage', "Rather than a hot tier and a cold tier we'd keep everything in one cluster."],
    ['logging-10tb-day', 'compliance-integrity', "We'd avoid WORM storage because it's expensive."],
    ['logging-10tb-day', 'redaction', 'None of that PII redaction at source, the data is internal.'],
    ['tracing-100-services', 'tail-sampling', 'Tail sampling: overkill.'],
    ['tracing-100-services', 'tail-sampling', 'Tail sampling — overkill for a system this size.'],
    ['tracing-100-services', 'tail-sampling', "Tail-based sampling isn't required here."],
    ['tracing-100-services', 'tail-sampling', 'Tail sampling is not necessary for us.'],
    ['tracing-100-services', 'tail-sampling', 'Never tail-based sampling.'],
    ['tracing-100-services', 'collector-tier', 'No collector tier: the SDKs export straight to the vendor.'],
    ['tracing-100-services', 'span-privacy', 'PII scrubbing in spans? Pointless, the data never leaves our network.'],
    ['payment-slo-alerting', 'burn-rate-alerts', 'Just forget about burn-rate alerts and page on errors.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expect(verdictOf(questionId, pointId, answer)).toBe('missed');
  });
});

describe('rejecting one idea while adopting another', () => {
  it('covers tail sampling in "instead of head sampling we\'d use tail sampling"', () => {
    const answer = "Instead of head sampling we'd use tail sampling, so the collector keeps every error trace once the trace completes.";
    expect(verdictOf('tracing-100-services', 'tail-sampling', answer)).toBe('covered');
  });

  it('covers the collector tier when the rejected idea is direct export', () => {
    const answer = "Rather than having apps export straight to the vendor, we'd run a gateway collector tier that routes spans by trace id.";
    expect(verdictOf('tracing-100-services', 'collector-tier', answer)).toBe('covered');
  });

  it('keeps burn-rate alerting after dismissing static thresholds', () => {
    const answer = 'Static CPU thresholds are pointless here. We page on the burn rate: how fast the error budget is being consumed, 14.4x over an hour.';
    expect(verdictOf('payment-slo-alerting', 'burn-rate-alerts', answer)).toBe('covered');
  });

  it('keeps a genuine last resort: "as a last resort we freeze releases when the budget is spent"', () => {
    const answer = 'As a last resort, when the error budget is exhausted we freeze risky releases until it recovers.';
    expect(verdictOf('payment-slo-alerting', 'budget-policy', answer)).toBe('covered');
  });

  it.each([
    "We'd never drop error traces, so the collector keeps every error once the trace completes.",
    'Sampling is fine as long as we keep all errors without losing the slow traces.',
    "Don't just sample at the head: decide once the trace completes and keep every error.",
  ])('keeps double negatives and "not just": %j', (answer) => {
    expect(verdictOf('tracing-100-services', 'tail-sampling', answer)).toBe('covered');
  });

  it.each([
    ['tracing-100-services', 'context-propagation', 'Every service passes on the traceparent header to each downstream call, so the trace context survives every hop.'],
    ['tracing-100-services', 'tail-sampling', "Don't forget tail sampling: the collector decides once the trace completes and keeps every error."],
    ['tracing-100-services', 'tail-sampling', 'No error trace is ever dropped: the collector keeps every error once the trace completes.'],
    ['observability-cost-reduction', 'cheaper-signals', "It's nice to have exemplars, so a latency spike links straight to the traces we keep."],
    ['observability-cost-reduction', 'unused-data', 'Cutting waste comes first: query logs show which metrics nobody has read in 90 days, and we drop them.'],
  ])('does not mistake the same words for a rejection: %s / %s: %j', (questionId, pointId, answer) => {
    expect(verdictOf(questionId, pointId, answer)).not.toBe('missed');
  });

  it('gives an answer that adds rejections no more than the same answer without them', () => {
    const base = 'The SDK exports through a bounded queue that drops spans when the backend is slow, within about 1% CPU.';
    const rejections = [
      'Tail sampling? Not for us.',
      "We wouldn't bother with span links.",
      "I'd skip the collector tier entirely.",
      'PII scrubbing in spans is overkill.',
      'W3C trace context propagation is a nice-to-have we would drop.',
    ].join(' ');
    const question = questionOf('tracing-100-services');
    expect(scoreAnswer(question, `${base} ${rejections}`).score).toBeLessThanOrEqual(scoreAnswer(question, base).score);
  });
});
