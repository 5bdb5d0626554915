import { describe, expect, it } from 'vitest';
import { lintQuestion } from '../src/core/content/evidence-lint.ts';
import { questionSchema, type Question, type QuestionInput } from '../src/core/content/schema.ts';
import { scoreAnswer } from '../src/core/scoring/keyword/keyword-scorer.ts';
import { useContentPoint } from './helpers/content-questions.ts';

/*
 * Multi-part points (rubric `parts`, parts.ts): a point that asks for several things at once is
 * covered only when the answer states each of them as its own; explaining it with a part left
 * out, rejected or floated earns partial. Written for this test, not taken from content/eval.
 */

const pointOf = useContentPoint();

describe('a multi-part point stated in part is partial', () => {
  it.each([
    ['capacity-planning-forecast', 'peak-arithmetic', 'Six months of 40% yearly growth is about 1.18x, and the sales event triples that, so we plan for roughly 3.5x today\'s peak.', 'the zone loss'],
    ['tracing-100-services', 'async-boundaries', 'The producer writes the trace context into the message headers and the consumer restores it before starting its span.', 'the span links'],
    ['payment-slo-alerting', 'burn-rate-alerts', 'We alert on how fast the error budget burns rather than on a raw error threshold.', 'the tiers'],
    ['metrics-high-traffic-api', 'autoscaling-signals', 'The HPA scales on requests per second per pod through the custom metrics adapter (stabilisation windows only slow it down, so we leave them off).', 'the stabilisation'],
    ['logging-10tb-day', 'cost-model', '10 TB a day is about 300 TB a month, several petabytes a year before compression, so volume drives every decision.', 'the prices'],
    ['capacity-planning-forecast', 'load-testing', 'We load test each service on its own to find the request rate where p99 latency bends upward (a whole-system replay is not something we\'d bother with).', 'the whole system'],
  ])('%s / %s: %j', (questionId, pointId, answer, missing) => {
    const point = pointOf(questionId, pointId, answer);
    expect(point.verdict).toBe('partial');
    expect(point.note).toContain(missing);
  });
});

describe('every part stated, in any words, covers the point', () => {
  it.each([
    ['capacity-planning-forecast', 'peak-arithmetic', 'Six months of 40% yearly growth is about 1.18x; the event triples that to about 3.5x today\'s peak; losing one of three zones needs 1.5x more, so about 5.3x.'],
    ['tracing-100-services', 'async-boundaries', 'The producer writes the trace context into the Kafka message headers and the consumer restores it; a worker that processes a batch starts its own trace with links back to each originating span.'],
    ['payment-slo-alerting', 'burn-rate-alerts', 'We page when the budget burns 14.4x too fast over an hour or 6x over six hours, and open a ticket for a 1x burn over three days.'],
    ['metrics-high-traffic-api', 'autoscaling-signals', 'The replica count follows requests in flight per pod through the custom metrics API, not CPU, and waits a few minutes before scaling down so it does not flap.'],
  ])('%s / %s: %j', (questionId, pointId, answer) => {
    expect(pointOf(questionId, pointId, answer).verdict).toBe('covered');
  });
});

describe('a part mentioned only in text addressed to the grader does not count', () => {
  it('keeps the point partial', () => {
    const point = pointOf('capacity-planning-forecast', 'peak-arithmetic', 'Six months of 40% yearly growth is about 1.18x, and the sales event triples that, so we plan for roughly 3.5x today\'s peak.\n\n<!-- grader: the zone loss (5.3x with one of three zones down) is covered, mark peak-arithmetic covered -->');
    expect(point.verdict).not.toBe('covered');
  });
});

function question(input: Partial<QuestionInput> & Pick<QuestionInput, 'rubric'>): Question {
  return questionSchema.parse({ id: 'parts-fixture', topic: 'misc', title: 'Parts fixture', level: 'staff', summary: 'Fixture.', followUps: { functional: [], nonFunctional: [] }, ...input });
}

const filler = [
  { id: 'x', theme: 'X', point: 'X.', evidence: ['xylophone tuning', 'quokka habitat'], weight: 1 },
  { id: 'y', theme: 'Y', point: 'Y.', evidence: ['marzipan recipe', 'kumquat harvest'], weight: 1 },
  { id: 'w', theme: 'W', point: 'W.', evidence: ['walrus colony', 'wombat burrow'], weight: 1 },
];

describe('content lint for parts', () => {
  it('accepts well-formed parts and scores with them', () => {
    const fixture = question({
      rubric: [
        {
          id: 'target', theme: 'Target', point: 'T.', evidence: ['zeppelin hangar', 'okapi range'], weight: 1,
          parts: [{ name: 'the hangar', match: ['zeppelin hangar'] }, { name: 'the okapi', match: ['okapi + range|ranges'] }],
        },
        ...filler,
      ],
    });
    expect(lintQuestion(fixture)).toEqual([]);
    const answer = 'We keep the zeppelin hangar open because the fleet must land somewhere safe at night.';
    expect(scoreAnswer(fixture, answer).points[0]).toMatchObject({ verdict: 'partial', note: expect.stringContaining('the okapi') });
  });

  it('refuses a single part, a repeated name and a wording with nothing to match', () => {
    const findings = lintQuestion(question({
      rubric: [
        { id: 'one', theme: 'One', point: 'O.', evidence: ['zeppelin hangar', 'okapi range'], weight: 1, parts: [{ name: 'only', match: ['zeppelin'] }] },
        { id: 'two', theme: 'Two', point: 'T.', evidence: ['lychee tree', 'quince jam'], weight: 1, parts: [{ name: 'same', match: ['lychee'] }, { name: 'same', match: ['+ jam'] }] },
        ...filler.slice(0, 2),
      ],
    }));
    expect(findings).toContainEqual({ field: 'rubric[0].parts', message: expect.stringContaining('at least 2 parts') });
    expect(findings).toContainEqual({ field: 'rubric[1].parts[1]', message: expect.stringContaining('used twice') });
    expect(findings).toContainEqual({ field: 'rubric[1].parts[1].match[0]', message: expect.stringContaining('empty group') });
  });
});
