import { beforeAll, describe, expect, it } from 'vitest';
import type { Question } from '../src/core/content/schema.ts';
import { loadQuestionBank } from '../src/core/content/load.ts';
import { scoreAnswer } from '../src/core/scoring/keyword/keyword-scorer.ts';

/*
 * Answers that are lists of terms in layouts the per-segment list rules miss, written for this
 * test: bullets of noun phrases with "for"/"with"/"and" in them, "Topic: a, b" lines, a comma
 * chain of imperatives. Not one of them has a word that makes a clause, so none may earn more
 * than a keyword list does (<= 15); the same ideas said in sentences still count.
 */

let tracing: Question;
beforeAll(async () => {
  const found = (await loadQuestionBank('content')).get('tracing-100-services');
  if (!found) throw new Error('no tracing-100-services');
  tracing = found;
});

describe('an answer with no clause anywhere is a keyword list', () => {
  it.each([
    ['noun-phrase bullets', '- OpenTelemetry SDKs with W3C context propagation\n- Kafka header propagation and span links for batches\n- Tail-based sampling for errors and slow traces\n- Gateway collectors with trace ID routing\n- Batch span processor and bounded queues\n- Tempo on object storage with tiered retention\n- Attribute redaction in the collector'],
    ['"Topic: terms" lines', 'Propagation: W3C traceparent on every hop\nAsync: Kafka headers, span links\nSampling: tail-based, keep errors and slow traces\nCollectors: gateway tier, route by trace id\nOverhead: batch span processor, bounded queue, 1% CPU\nStorage: Tempo on S3, 7 days searchable\nPrivacy: redaction processor'],
    ['a comma chain of imperatives', 'propagate traceparent, inject kafka headers, use span links, tail sample errors, route by trace id, batch export, redact pii in the collector'],
  ])('%s', (_name, answer) => {
    expect(scoreAnswer(tracing, answer).score).toBeLessThanOrEqual(15);
  });

  it('still credits the same ideas said in sentences', () => {
    const answer = 'We keep every trace with an error or slower than two seconds, and the collector decides once the trace completes. Gateway collectors route spans by trace id so one collector sees the whole trace.';
    const result = scoreAnswer(tracing, answer);
    expect(result.points.find((point) => point.id === 'tail-sampling')?.verdict).toBe('covered');
    expect(result.points.find((point) => point.id === 'collector-tier')?.verdict).toBe('covered');
  });
});
