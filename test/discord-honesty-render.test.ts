import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS, embedLength } from '../src/adapters/discord/render/limits.ts';
import { renderMessage, type DiscordMessage } from '../src/adapters/discord/render/index.ts';
import { SELF_ASSESS_INTRO } from '../src/adapters/discord/render/self-assess.ts';
import { decodeSelfAssessId, encodeSelfAssessId } from '../src/adapters/discord/self-assess-ids.ts';
import { decodeCustomId } from '../src/adapters/discord/custom-ids.ts';
import { loadQuestionBank } from '../src/core/content/load.ts';
import type { CoveredPoint } from '../src/core/interview/coverage.ts';
import type { EngineEvent } from '../src/core/interview/events.ts';
import type { PhaseView } from '../src/core/interview/pacing.ts';
import type { Scorecard } from '../src/core/interview/scorecard.ts';
import { KEYWORD_SCOPE_NOTE } from '../src/core/scoring/keyword/notes.ts';
import type { MessagePart } from '../src/app/ports.ts';

/** The Discord renderers on the new engine events, with the same honest wording as Slack's, within Discord's limits. */
const GUILD = '910000000000000001';
const CHANNEL = '920000000000000001';
const THREAD = '960000000000000001';
const SESSION = `discord:${GUILD}:${CHANNEL}:${THREAD}`;

const POINTS: CoveredPoint[] = [
  { id: 'context-propagation', verdict: 'covered', evidence: 'propagates W3C traceparent headers', theme: 'Context propagation', point: 'p', weight: 3 },
  { id: 'sampling', verdict: 'missed', ruledOut: 'we would not use @everyone tail sampling', note: 'rejects tail sampling', theme: 'Sampling strategy', point: 'p', weight: 3 },
];
const MISCONCEPTION = { claim: 'Kafka carries trace context on its own.', correction: 'Only if the producer writes it into headers.', quote: 'Kafka passes the context along' };
const PHASE: PhaseView = { index: 2, of: 4, id: 'architecture', title: 'Architecture', minutes: 15, turns: 3, label: 'Phase 2/4 · Architecture · ~15 min' };

function render(parts: MessagePart[], sessionId?: string): DiscordMessage[] {
  return renderMessage({ parts, ...(sessionId ? { sessionId } : {}) });
}

function textOf(messages: DiscordMessage[]): string {
  return messages.map((m) => [m.content ?? '', ...m.embeds.map((e) => [e.author?.name ?? '', e.title ?? '', e.description ?? '', e.footer?.text ?? ''].join('\n'))].join('\n')).join('\n');
}

function customIds(messages: DiscordMessage[]): string[] {
  return messages.flatMap((m) => m.components.flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : ''))));
}

function expectWithinLimits(messages: DiscordMessage[]): void {
  expect(messages.length).toBeLessThanOrEqual(DISCORD_LIMITS.maxMessages);
  for (const message of messages) {
    expect((message.content ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
    expect(message.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedsPerMessage);
    expect(message.embeds.reduce((sum, embed) => sum + embedLength(embed), 0)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
    for (const embed of message.embeds) {
      expect((embed.description ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
      expect((embed.title ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
      expect((embed.footer?.text ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.embedFooter);
    }
    expect(message.components.length).toBeLessThanOrEqual(5);
    for (const row of message.components) expect(row.components.length).toBeLessThanOrEqual(5);
  }
  for (const id of customIds(messages)) expect(id.length).toBeLessThanOrEqual(100);
}

function feedback(scorer: 'keyword' | 'llm', extra: Record<string, unknown> = {}): EngineEvent {
  return { type: 'feedback', to: 'U1', scorer, answerScore: 40, score: 40, points: POINTS, improved: [], notices: [], ...extra } as EngineEvent;
}

const CARD: Scorecard = {
  questionId: 'q',
  title: 'Tracing',
  level: 'staff',
  score: 40,
  counts: { covered: 1, partial: 0, missed: 1 },
  points: POINTS,
  studyNext: [{ theme: 'Sampling strategy', point: 'Keep errors and slow traces.' }],
  tip: 'Say the trade-off out loud.',
  verdictLine: 'Below the bar.',
  answers: 1,
  followUps: 0,
  durationMinutes: 3,
  misconceptions: [MISCONCEPTION],
  hints: { used: 2, questions: 1 },
  revealedBeforeAnswering: true,
  levelSignal: { signal: 'senior', reasons: ['Covered propagation with its mechanism.'] },
  summary: 'A strong answer propagates context everywhere and samples at the tail.',
  phases: [
    { phase: PHASE, answers: 1, shown: [{ theme: 'Context propagation', verdict: 'covered', quote: 'traceparent on every hop' }] },
    { phase: { ...PHASE, index: 3, id: 'alerting', title: 'Alerting', label: 'Phase 3/4 · Alerting · ~10 min' }, answers: 0, shown: [] },
  ],
  requirements: [{ id: 'r1', verdict: 'covered', evidence: 'how many services', theme: 'Scale', point: 'p', weight: 2 }],
};

describe('Discord feedback says what the scorer can judge (as Slack does)', () => {
  it('a keyword verdict carries the scope note; an LLM verdict does not; an LLM that fell back to keywords does', () => {
    expect(textOf(render([feedback('keyword')]))).toContain(KEYWORD_SCOPE_NOTE);
    expect(textOf(render([feedback('llm')]))).not.toContain(KEYWORD_SCOPE_NOTE);
    expect(textOf(render([feedback('llm', { decidedBy: 'keyword (fallback: timeout)' })]))).toContain(KEYWORD_SCOPE_NOTE);
  });

  it('renders a ruled-out point as such instead of a plain miss', () => {
    const text = textOf(render([feedback('keyword')]));
    expect(text).toContain('you ruled out sampling strategy: “we would not use @everyone tail sampling”');
    expect(text).not.toContain('rejects tail sampling');
  });

  it('names a misconception with its correction and the person’s own words', () => {
    const text = textOf(render([feedback('llm', { misconceptions: [MISCONCEPTION] })]));
    expect(text).toContain('⚠ Misconception: Kafka carries trace context on its own. → Only if the producer writes it into headers.');
    expect(text).toContain('you wrote “Kafka passes the context along”');
  });

  it('an off-topic answer shows only the restated question, not the rubric; notes on form go in the footer', () => {
    const text = textOf(render([feedback('llm', { offTopic: 'How would you propagate context across a queue?', notes: ['Shorter next time.'] })]));
    expect(text).toContain('This doesn’t seem to answer the question: **How would you propagate context across a queue?**');
    expect(text).not.toContain('Context propagation');
    expect(text).toContain('Shorter next time.');
  });
});

describe('Discord renders the interviewer’s events', () => {
  it('phase: the ready-made label and the prompt, with an Answer button in a session', () => {
    const messages = render([{ type: 'phase', phase: PHASE, prompt: 'Sketch the architecture.' }], SESSION);
    expect(messages[0]?.embeds[0]?.title).toBe('⏱ Phase 2/4 · Architecture · ~15 min');
    expect(messages[0]?.embeds[0]?.description).toBe('Sketch the architecture.');
    expect(customIds(messages)).toEqual([`obs:answer:${SESSION}`]);
  });

  it('follow-up in a phase: `label · question N of M`; outside one, "Next →"', () => {
    expect(textOf(render([{ type: 'follow-up', text: 'And the queue?', number: 2, of: 3, phase: PHASE }]))).toContain('Phase 2/4 · Architecture · ~15 min · question 2 of 3');
    expect(textOf(render([{ type: 'follow-up', text: 'And the queue?', number: 1, of: 3 }]))).toContain('Next →');
  });

  it('hint: level of levels, and whether a stronger one is left', () => {
    expect(textOf(render([{ type: 'hint', theme: 't', text: 'Think about queues.', level: 1, of: 2 }]))).toMatch(/Hint 1\/2[\s\S]*stronger hint/);
    expect(textOf(render([{ type: 'hint', theme: 't', text: 'Baggage.', level: 2, of: 2 }]))).toMatch(/Hint 2\/2[\s\S]*last hint/);
  });

  it('nudge without a phase, with days left; expired says goodbye', () => {
    const nudge = textOf(render([{ type: 'nudge', to: 'U1', text: 'Still there?', expiresInDays: 2 }]));
    expect(nudge).toContain('<@U1> Still there?');
    expect(nudge).toContain('this thread stays open for 2 more days');
    expect(textOf(render([{ type: 'expired', to: 'U1', text: 'Closing this mock.', idleDays: 7 }]))).toContain('👋 <@U1> Closing this mock.');
  });

  it('a paced mock question says phases and turns, not follow-ups', () => {
    const text = textOf(
      render([{ type: 'question', question: { id: 'q', topic: 'tracing', title: 'Trace it', summary: 's', level: 'staff', rubric: [], requirements: [], followUps: { functional: [], nonFunctional: [] }, tradeOffs: [], tip: '', misconceptions: [] } as never, mode: 'mock', candidateId: 'U1', maxFollowUps: 3, round: { phases: 4, minutes: 40, turns: 8 } }]),
    );
    expect(text).toContain('4 phases, about 8 questions');
  });

  it('reaction: what was added in the person’s words, a misconception, then the dig-in as the only question', () => {
    const messages = render(
      [{ type: 'reaction', added: [{ theme: 'Context propagation', quote: 'traceparent on every hop' }], misconceptions: [MISCONCEPTION], notes: ['Good length.'], notices: [], digIn: { text: 'You mentioned “traceparent”: how does it survive the queue?' }, phase: PHASE }],
      SESSION,
    );
    const text = textOf(messages);
    expect(text).toContain('Noted: “traceparent on every hop” *(context propagation)*');
    expect(text).toContain('⚠ Misconception: Kafka carries trace context on its own. → Only if the producer writes it into headers.');
    expect(text).toContain('**You mentioned “traceparent”: how does it survive the queue?**');
    expect(text).toContain('Phase 2/4 · Architecture · ~15 min · one more on this point');
    expect(text.match(/\?/g)).toHaveLength(1);
    expect(customIds(messages)).toEqual([`obs:answer:${SESSION}`]);
  });

  it('reaction to an off-topic answer restates the question, and shows no score in a mock', () => {
    const text = textOf(render([{ type: 'reaction', added: [], misconceptions: [], notes: [], notices: [], offTopic: 'How would you alert on it?' }]));
    expect(text).toContain('This doesn’t seem to answer the question: **How would you alert on it?**');
    expect(text).not.toMatch(/\/100/);
  });
});

describe('Discord scorecard, as a panel reads it', () => {
  it('level signal, phases, requirements, misconceptions, hints, reveal, summary; the scope note only when a keyword check judged', () => {
    const text = textOf(render([{ type: 'scorecard', scorecard: { ...CARD, scorers: ['keyword'], endedBy: 'expired' } }]));
    for (const expected of [
      '**Level signal: Senior** *(a staff-level question)*',
      '• Covered propagation with its mechanism.',
      '**Phase 2/4 · Architecture · ~15 min** (1 answer): ✅ Context propagation “traceparent on every hop”',
      '*not reached*',
      '**Requirements clarified 1/1**',
      'you ruled out sampling strategy',
      '⚠ Misconception: Kafka carries trace context on its own. → Only if the producer writes it into headers.',
      '**Hints used:** 2 (on 1 question)',
      '**key points revealed before answering:** yes',
      '**What a strong answer covers:** A strong answer propagates context everywhere and samples at the tail.',
      'Closed after a long silence.',
      KEYWORD_SCOPE_NOTE,
    ]) {
      expect(text).toContain(expected);
    }
    expect(textOf(render([{ type: 'scorecard', scorecard: { ...CARD, scorers: ['llm', 'keyword'] } }]))).toContain(KEYWORD_SCOPE_NOTE);
    expect(textOf(render([{ type: 'scorecard', scorecard: { ...CARD, scorers: ['llm'] } }]))).not.toContain(KEYWORD_SCOPE_NOTE);
    expect(textOf(render([{ type: 'scorecard', scorecard: CARD }]))).not.toContain(KEYWORD_SCOPE_NOTE);
  });

  it('a worst-case scorecard and a worst-case reaction fit Discord’s limits, split but whole', () => {
    // At the bounds the content schema and the scorers set: themes 60, rubric points 300, 8 points,
    // 6 requirements, notes 200, quotes cut at 280 (140 in a reaction or misconception), claims
    // 200, corrections 400; 6 phases sharing 14 newly credited points; 8 misconceptions.
    const long = (n: number, c = 'x') => `${c.repeat(n - 1)}.`;
    const point = (i: number): CoveredPoint => ({ id: `p${i}`, theme: `Theme ${i} ${long(50)}`, point: long(300), weight: 3, verdict: i % 3 === 0 ? 'missed' : 'partial', evidence: long(300, 'e'), note: long(200, 'n'), ...(i % 3 === 0 ? { ruledOut: long(600, 'r') } : {}) });
    const misconception = (i: number) => ({ claim: `Claim ${i} ${long(190, 'c')}`, correction: long(400, 'k'), quote: long(600, 'q') });
    const phase = (i: number): PhaseView => ({ ...PHASE, index: i, label: `Phase ${i}/6 · ${long(60, 't')} · ~15 min` });
    const shownIn = [3, 3, 2, 2, 2, 2];
    const worst: Scorecard = {
      ...CARD,
      title: long(300),
      points: Array.from({ length: 8 }, (_, i) => point(i)),
      requirements: Array.from({ length: 6 }, (_, i) => point(100 + i)),
      phases: shownIn.map((count, i) => ({ phase: phase(i + 1), answers: 3, shown: Array.from({ length: count }, (_, j) => ({ theme: `Shown ${i}.${j} ${long(50)}`, verdict: 'covered' as const, quote: long(300, 'w') })) })),
      misconceptions: Array.from({ length: 8 }, (_, i) => misconception(i)),
      levelSignal: { signal: 'principal', reasons: Array.from({ length: 6 }, () => long(300)) },
      strongest: { theme: long(60), quote: long(600) },
      studyNext: [{ theme: long(60), point: long(300) }],
      summary: long(600),
      tip: long(400),
      verdictLine: long(300),
      scorers: ['keyword'],
    };
    const card = render([{ type: 'scorecard', scorecard: worst }]);
    expectWithinLimits(card);
    const cardText = textOf(card);
    // Split, not cut: every point, requirement, phase item and misconception arrives.
    for (let i = 0; i < 8; i += 1) expect(cardText).toContain(`Theme ${i} `);
    for (let i = 100; i < 106; i += 1) expect(cardText).toContain(`Theme ${i} `);
    for (const [i, count] of shownIn.entries()) for (let j = 0; j < count; j += 1) expect(cardText).toContain(`Shown ${i}.${j} `);
    for (let i = 0; i < 8; i += 1) expect(cardText).toContain(`⚠ Misconception: Claim ${i} `);
    expect(cardText).toContain('**Verdict:**');
    expect(cardText).toContain(KEYWORD_SCOPE_NOTE);
    expect(cardText).not.toMatch(/trimmed/);

    const reaction = render(
      [
        {
          type: 'reaction',
          added: Array.from({ length: 8 }, (_, i) => ({ theme: `Theme ${i} ${long(50)}`, quote: long(600, 'a') })),
          misconceptions: Array.from({ length: 8 }, (_, i) => misconception(i)),
          notes: Array.from({ length: 4 }, () => long(300)),
          notices: Array.from({ length: 4 }, () => long(300)),
          digIn: { text: long(600, 'd') },
          phase: phase(3),
          running: { covered: 3, of: 8, score: 40 },
        },
      ],
      SESSION,
    );
    expectWithinLimits(reaction);
    const reactionText = textOf(reaction);
    for (let i = 0; i < 8; i += 1) expect(reactionText).toContain(`⚠ Misconception: Claim ${i} `);
    expect(reactionText).toContain(`**${long(600, 'd')}**`);
    expect(reactionText).not.toMatch(/trimmed/);
    expect(customIds(reaction)).toEqual([`obs:answer:${SESSION}`]);
  });
});

describe('Discord self-assessment panel after a reveal', () => {
  const keyPoints = (n: number) => Array.from({ length: n }, (_, i) => ({ theme: `Point ${i + 1}`, point: 'p', weight: 2 }));

  it('one row per point (its name, Got it, Partly, Missed), at most five rows a message', () => {
    const messages = render([{ type: 'reveal', questionId: 'observability-platform-at-scale', keyPoints: keyPoints(8), tradeOffs: ['t'], tip: 'tip' }], SESSION);
    expect(messages).toHaveLength(3);
    expect(messages[0]?.embeds[0]?.title).toBe('🗝️ Key points');
    expect(messages[1]?.content).toBe(SELF_ASSESS_INTRO);
    expect(messages[1]?.components).toHaveLength(5);
    expect(messages[2]?.components).toHaveLength(3);
    expectWithinLimits(messages);
    const rows = messages.flatMap((m) => m.components);
    expect(rows.map((row) => row.components.map((c) => ('label' in c ? c.label : '')))[7]).toEqual(['8. Point 8', 'Got it', 'Partly', 'Missed']);
    const ids = customIds(messages);
    expect(new Set(ids).size).toBe(ids.length);
    expect(decodeSelfAssessId(ids[ids.length - 2] as string)).toEqual({ point: 7, rating: 'partly', channelId: CHANNEL, threadMessageId: THREAD, questionId: 'observability-platform-at-scale' });
    // Not mistaken for a session button, which would enqueue a rating without a choice.
    expect(decodeCustomId(ids[1] as string)).toBeUndefined();
    expect(decodeCustomId('obs:self-assess')).toBeUndefined();
  });

  it('left out when the message names no Discord session', () => {
    expect(render([{ type: 'reveal', questionId: 'q', keyPoints: keyPoints(4), tradeOffs: [], tip: '' }])).toHaveLength(1);
    expect(render([{ type: 'reveal', questionId: 'q', keyPoints: keyPoints(4), tradeOffs: [], tip: '' }], 'slack:T1:C1:1712.0001')).toHaveLength(1);
  });

  it('every question in the bank fits its ids in 100 characters with 19-digit snowflakes', async () => {
    const bank = await loadQuestionBank('content');
    const questions = bank.questions;
    expect(questions.length).toBeGreaterThan(5);
    for (const question of questions) {
      const id = encodeSelfAssessId({ point: question.rubric.length - 1, rating: 'missed', channelId: '9'.repeat(19), threadMessageId: '9'.repeat(19), questionId: question.id });
      expect(id, question.id).toBeDefined();
      expect(decodeSelfAssessId(id as string)?.questionId).toBe(question.id);
    }
  });
});
