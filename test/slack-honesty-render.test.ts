import { describe, expect, it } from 'vitest';
import { renderMessage } from '../src/adapters/slack/render/index.ts';
import type { CoveredPoint } from '../src/core/interview/coverage.ts';
import type { EngineEvent } from '../src/core/interview/events.ts';
import type { Scorecard } from '../src/core/interview/scorecard.ts';
import { KEYWORD_SCOPE_NOTE } from '../src/core/scoring/keyword/notes.ts';

/** Honest wording in Slack: what a keyword check can claim, misconceptions, ruled-out points. */
const POINTS: CoveredPoint[] = [
  { id: 'context-propagation', verdict: 'covered', evidence: 'propagates W3C traceparent headers', theme: 'Context propagation', point: 'p', weight: 3 },
  { id: 'sampling', verdict: 'missed', ruledOut: 'we would not use <!channel> tail sampling', note: 'rejects tail sampling', theme: 'Sampling strategy', point: 'p', weight: 3 },
];
const MISCONCEPTION = { claim: 'Kafka carries trace context on its own.', correction: 'Only if the producer writes it into headers.', quote: 'Kafka passes the context along <@U99>' };

function feedback(scorer: 'keyword' | 'llm', extra: Record<string, unknown> = {}): EngineEvent {
  return { type: 'feedback', to: 'U1', scorer, answerScore: 40, score: 40, points: POINTS, improved: [], notices: [], ...extra } as EngineEvent;
}

function allText(event: EngineEvent): string {
  return JSON.stringify(renderMessage({ parts: [event] }).map((message) => message.blocks));
}

describe('Slack feedback says what the scorer can judge', () => {
  it('a keyword verdict carries the scope note; an LLM verdict does not', () => {
    expect(allText(feedback('keyword'))).toContain(KEYWORD_SCOPE_NOTE);
    expect(allText(feedback('llm'))).not.toContain(KEYWORD_SCOPE_NOTE);
  });

  it('an LLM that fell back to keywords is a keyword verdict', () => {
    expect(allText(feedback('keyword', { decidedBy: 'keyword (fallback: timeout)' }))).toContain(KEYWORD_SCOPE_NOTE);
  });

  it('renders a ruled-out point as such, escaped, instead of a plain miss', () => {
    const text = allText(feedback('keyword'));
    expect(text).toContain('you ruled out sampling strategy: “we would not use &lt;!channel&gt; tail sampling”');
    expect(text).not.toContain('rejects tail sampling');
    expect(text).not.toContain('<!channel>');
  });

  it('names a misconception with its correction and the person’s own words', () => {
    const text = allText(feedback('llm', { misconceptions: [MISCONCEPTION] }));
    expect(text).toContain('⚠ Misconception: Kafka carries trace context on its own. → Only if the producer writes it into headers.');
    expect(text).toContain('“Kafka passes the context along &lt;@U99&gt;”');
  });
});

describe('Slack scorecard says what the scorer can judge', () => {
  const card: Scorecard = {
    questionId: 'q',
    title: 'Tracing',
    level: 'staff',
    score: 40,
    counts: { covered: 1, partial: 0, missed: 1 },
    points: POINTS,
    studyNext: [],
    tip: '',
    verdictLine: 'Below the bar.',
    answers: 1,
    followUps: 0,
    durationMinutes: 3,
    misconceptions: [],
    hints: { used: 0, questions: 0 },
    revealedBeforeAnswering: false,
    levelSignal: { signal: 'senior', reasons: [] },
    summary: '',
  };

  it('keyword-scored: the scope note; LLM-scored: none; nothing scored: none', () => {
    expect(allText({ type: 'scorecard', scorecard: { ...card, scorers: ['keyword'] } })).toContain(KEYWORD_SCOPE_NOTE);
    expect(allText({ type: 'scorecard', scorecard: { ...card, scorers: ['llm', 'keyword'] } })).toContain(KEYWORD_SCOPE_NOTE);
    expect(allText({ type: 'scorecard', scorecard: { ...card, scorers: ['llm'] } })).not.toContain(KEYWORD_SCOPE_NOTE);
    expect(allText({ type: 'scorecard', scorecard: card })).not.toContain(KEYWORD_SCOPE_NOTE);
  });
});

describe('the scorecard records which scorers judged', () => {
  it('keyword, llm, both, or none', async () => {
    const { startSession, recordAnswer } = await import('../src/core/interview/engine.ts');
    const { buildScorecard } = await import('../src/core/interview/scorecard.ts');
    const { sampleQuestion, resultWith } = await import('./fixtures/sample-question.ts');
    const start = startSession({ id: 's', question: sampleQuestion, mode: 'practice', candidateId: 'U1', now: 0, maxFollowUps: 5 });
    expect(buildScorecard(sampleQuestion, start.state, 1).scorers).toBeUndefined();
    const byKeyword = recordAnswer(start.state, sampleQuestion, undefined, { by: 'U1', text: 'tail sampling', result: resultWith({ sampling: 'covered' }), now: 1 }).state;
    expect(buildScorecard(sampleQuestion, byKeyword, 2).scorers).toEqual(['keyword']);
    const byBoth = recordAnswer(byKeyword, sampleQuestion, undefined, { by: 'U1', text: 'traceparent', result: { ...resultWith({ propagation: 'covered' }), scorer: 'llm' }, now: 2 }).state;
    expect(buildScorecard(sampleQuestion, byBoth, 3).scorers?.sort()).toEqual(['keyword', 'llm']);
  });
});
