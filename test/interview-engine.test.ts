import { describe, expect, it } from 'vitest';
import { UserError } from '../src/core/errors.ts';
import {
  finishSession,
  nextFollowUp,
  recordAnswer,
  revealKeyPoints,
  sessionStateSchema,
  startSession,
  type EngineEvent,
} from '../src/core/interview/index.ts';
import { noteFor } from '../src/core/scoring/keyword/notes.ts';
import { resultWith, sampleQuestion as q, samplePacing as pacing } from './fixtures/sample-question.ts';

const T0 = Date.UTC(2026, 10, 25, 9, 0, 0);
const MIN = 60_000;

function ofType<T extends EngineEvent['type']>(events: EngineEvent[], type: T): Extract<EngineEvent, { type: T }>[] {
  return events.filter((event): event is Extract<EngineEvent, { type: T }> => event.type === type);
}

describe('interview engine', () => {
  it('starts with the question and, in a paced mode, the first phase', () => {
    const { state, events } = startSession({ id: 'console:1', question: q, mode: 'mock', candidateId: 'U1', pacing, now: T0 });
    expect(events.map((event) => event.type)).toEqual(['question', 'phase']);
    expect(state.status).toBe('active');
    expect(state.maxFollowUps).toBe(6);
    // plain JSON round trip keeps it valid: it can live in Redis
    expect(sessionStateSchema.parse(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });

  it('channel answers get feedback, then a follow-up probing the most important missed point', () => {
    const start = startSession({ id: 's', question: q, mode: 'channel', now: T0 });
    const step = recordAnswer(start.state, q, undefined, { by: 'U1', text: 'We use tail sampling.', result: resultWith({ sampling: 'covered' }), now: T0 + MIN });
    const [feedback] = ofType(step.events, 'feedback');
    expect(feedback?.to).toBe('U1');
    expect(feedback?.points.find((point) => point.id === 'sampling')?.verdict).toBe('covered');
    expect(feedback?.improved).toEqual(['sampling']);
    const [followUp] = ofType(step.events, 'follow-up');
    // propagation (weight 3) is the heaviest gap, and its own probe is used
    expect(followUp?.text).toBe(q.rubric[0]?.probe);
    expect(followUp?.number).toBe(1);
    expect(step.state.asked.at(-1)?.targetPointId).toBe('propagation');
  });

  it('keeps a missed point’s generic “no mention of” note out of the stored session, and every other note in it', () => {
    const start = startSession({ id: 's', question: q, mode: 'channel', now: T0 });
    const [first, second, third] = q.rubric;
    if (!first || !second || !third) throw new Error('the sample question needs three points');
    const result = resultWith({ [first.id]: 'covered' });
    result.points = result.points.map((point) => {
      if (point.id === second.id) return { ...point, note: noteFor('none', second.theme, '', false) };
      if (point.id === third.id) return { ...point, note: 'the LLM says: names the idea but not the budget' };
      return point;
    });
    const step = recordAnswer(start.state, q, undefined, { by: 'U1', text: 'We use tail sampling.', result, now: T0 + MIN });
    const stored = step.state.answers.at(-1)?.points ?? [];
    expect(stored.find((point) => point.id === second.id)).toEqual({ id: second.id, verdict: 'missed' });
    expect(stored.find((point) => point.id === third.id)?.note).toBe('the LLM says: names the idea but not the budget');
    expect(stored.find((point) => point.id === first.id)?.evidence).toBe(`evidence for ${first.id}`);
    // The feedback sent now still carries the scorer's own note.
    const [feedback] = ofType(step.events, 'feedback');
    expect(feedback?.points.find((point) => point.id === second.id)?.note).toBe(noteFor('none', second.theme, '', false));
  });

  it('keeps the LLM cache’s hash of an answer only when the excerpt cuts it (channel and mock)', () => {
    const long = `We use tail sampling. ${'We keep every error trace at the collector. '.repeat(60)}`;
    for (const mode of ['channel', 'mock'] as const) {
      const start = startSession({ id: `s-${mode}`, question: q, mode, ...(mode === 'mock' ? { candidateId: 'U1' } : {}), now: T0 });
      const answered = (text: string) => recordAnswer(start.state, q, undefined, { by: 'U1', text, result: resultWith({}), cacheHash: 'h1', now: T0 + MIN }).state.answers[0];
      expect(answered(long)?.excerpt.length).toBeLessThan(long.trim().length);
      expect(answered(long)?.cacheHash).toBe('h1');
      // Whole in the excerpt: the text itself gives the hash, so none is stored.
      expect(answered('We use tail sampling.')?.cacheHash).toBeUndefined();
    }
  });

  it('does not probe the same point twice, then falls back to the question’s own follow-ups', () => {
    let { state } = startSession({ id: 's', question: q, mode: 'channel', now: T0, maxFollowUps: 10 });
    const asked: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const step = recordAnswer(state, q, undefined, { by: 'U1', text: 'not sure', result: resultWith({}), now: T0 + i * MIN });
      state = step.state;
      const followUp = ofType(step.events, 'follow-up')[0];
      if (followUp) asked.push(followUp.text);
    }
    expect(new Set(asked).size).toBe(asked.length);
    expect(asked.slice(0, 4).map((text) => state.asked.find((prompt) => prompt.text === text)?.source)).toEqual(['rubric-probe', 'rubric-probe', 'rubric-probe', 'rubric-probe']);
    expect(asked[4]).toBe(q.followUps.functional[0]?.ask);
    expect(asked[5]).toBe(q.followUps.nonFunctional[0]?.ask);
  });

  it('ends with a scorecard after the configured number of follow-ups (dig-ins do not count)', () => {
    let { state } = startSession({ id: 's', question: q, mode: 'practice', candidateId: 'U1', now: T0, maxFollowUps: 2 });
    const verdicts = [{ propagation: 'covered' }, { sampling: 'partial' }, { overhead: 'covered' }, {}, {}] as const;
    const kinds: string[][] = [];
    let last: EngineEvent[] = [];
    for (const [i, v] of verdicts.entries()) {
      const step = recordAnswer(state, q, undefined, { by: 'U1', text: `answer ${i} about tracing spans`, result: resultWith(v), now: T0 + (i + 1) * MIN });
      state = step.state;
      last = step.events;
      kinds.push(step.events.map((event) => (event.type === 'reaction' && event.digIn ? 'dig-in' : event.type)));
    }
    expect(kinds).toEqual([['reaction', 'follow-up'], ['dig-in'], ['reaction', 'follow-up'], ['dig-in'], ['reaction', 'scorecard']]);
    expect(state.status).toBe('finished');
    const [card] = ofType(last, 'scorecard').map((event) => event.scorecard);
    expect(card?.counts).toEqual({ covered: 2, partial: 1, missed: 1 });
    // (3 + 0.5*3 + 2) / 9 = 0.722
    expect(card?.score).toBe(72);
    expect(card?.studyNext.map((item) => item.theme)).toEqual(['Sampling strategy']);
    expect(card?.tip).toBe(q.tip);
    expect(card?.strongest?.theme).toBe('Context propagation');
    expect(card?.verdictLine).toMatch(/staff/);
    expect(() => recordAnswer(state, q, undefined, { by: 'U1', text: 'more', result: resultWith({}), now: T0 + 9 * MIN })).toThrow(UserError);
  });

  it('terminal practice reacts with a running score; a channel question does not react', () => {
    const { state } = startSession({ id: 's', question: q, mode: 'practice', candidateId: 'U1', now: T0 });
    const step = recordAnswer(state, q, undefined, { by: 'U1', text: 'We use tail sampling.', result: resultWith({ sampling: 'covered' }), now: T0 + MIN });
    expect(ofType(step.events, 'reaction')[0]?.running).toEqual({ covered: 1, of: 4, score: 33 });
    expect(ofType(step.events, 'feedback')).toEqual([]);
  });

  it('rejects an empty answer and a non-candidate in a mock, without changing state', () => {
    const { state } = startSession({ id: 's', question: q, mode: 'mock', candidateId: 'U1', now: T0 });
    expect(() => recordAnswer(state, q, pacing, { by: 'U1', text: '  \n', result: resultWith({}), now: T0 })).toThrow(/empty/);
    try {
      recordAnswer(state, q, pacing, { by: 'U2', text: 'I would use otel', result: resultWith({}), now: T0 });
      expect.unreachable();
    } catch (error) {
      expect((error as UserError).code).toBe('not_candidate');
    }
    expect(state.answers).toHaveLength(0);
  });

  it('keeps each person’s coverage separate in a channel question', () => {
    let { state } = startSession({ id: 's', question: q, mode: 'channel', now: T0 });
    state = recordAnswer(state, q, undefined, { by: 'A', text: 'a', result: resultWith({ propagation: 'covered', sampling: 'covered' }), now: T0 + MIN }).state;
    const step = recordAnswer(state, q, undefined, { by: 'B', text: 'b', result: resultWith({ privacy: 'covered' }), now: T0 + 2 * MIN });
    const [feedback] = ofType(step.events, 'feedback');
    expect(feedback?.to).toBe('B');
    expect(feedback?.points.filter((point) => point.verdict === 'covered').map((point) => point.id)).toEqual(['privacy']);
    expect(ofType(step.events, 'follow-up')[0]?.to).toBe('B');
    // B's scorecard in a channel leaves the question open for A
    const done = finishSession(step.state, q, 'B', T0 + 3 * MIN);
    expect(done.state.status).toBe('active');
    expect(ofType(done.events, 'scorecard')[0]?.scorecard.for).toBe('B');
  });

  it('the adaptive follow-up from a scorer is used first in a channel question', () => {
    const { state } = startSession({ id: 's', question: q, mode: 'channel', now: T0 });
    const step = recordAnswer(state, q, undefined, { by: 'U1', text: 'x', result: resultWith({}, q, { followUp: 'What if the queue drops headers?' }), now: T0 + MIN });
    expect(ofType(step.events, 'follow-up')[0]?.text).toBe('What if the queue drops headers?');
  });

  it('next follow-up without an answer counts toward the limit', () => {
    let { state } = startSession({ id: 's', question: q, mode: 'practice', candidateId: 'U1', now: T0, maxFollowUps: 1 });
    const step = nextFollowUp(state, q, undefined, 'U1', T0);
    expect(ofType(step.events, 'follow-up')).toHaveLength(1);
    state = step.state;
    expect(ofType(nextFollowUp(state, q, undefined, 'U1', T0).events, 'scorecard')).toHaveLength(1);
  });

  it('reveals every key point with trade-offs and tip', () => {
    const event = revealKeyPoints(q);
    expect(event.type).toBe('reveal');
    if (event.type === 'reveal') {
      expect(event.keyPoints.map((point) => point.theme)).toEqual(q.rubric.map((point) => point.theme));
      expect(event.tip).toBe(q.tip);
    }
  });
});
