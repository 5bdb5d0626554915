import { afterEach, describe, expect, it } from 'vitest';
import { renderMessage, SLACK_LIMITS } from '../src/adapters/slack/render/index.ts';
import { finishSession, recordAnswer, startSession, type Scorecard } from '../src/core/interview/index.ts';
import { mockQuestion, mockResult } from './fixtures/mock-question.ts';
import { samplePacing } from './fixtures/sample-question.ts';
import { CHANNEL, startHarness, textOf, type Harness } from './slack-worker.harness.ts';
import { blocksProblem } from './stubs/slack-api.ts';

const MIN = 60_000;

/** Questions a bot message asks: question marks outside the person's quoted words. */
function questionsIn(text: string): number {
  return (text.replace(/“[^”]*”/g, '').match(/\?/g) ?? []).length;
}

describe('slack: a mock interview in a thread', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('goes through visible phases, reacts to each answer without a score, digs in once, and ends with a panel scorecard', async () => {
    h = await startHarness({ maxFollowUps: { mock: 2 } });
    await h.run(h.command('mock tracing'));
    const [root, phase] = h.stub.messages;
    const rootTs = root?.ts ?? '';
    expect(textOf(root?.blocks)).toMatch(/Mock interview for <@U1>/);
    expect(phase?.thread_ts).toBe(rootTs);
    expect(textOf(phase?.blocks)).toContain('Phase 1/4 · Requirements · ~5 min');
    // the idle timer is waiting in the queue
    expect((await h.queue.getDelayed()).map((job) => job.name)).toContain('tick');

    // Someone else's reply does not count: a private note, nothing public.
    await h.run(h.answer(rootTs, 'U9', 'I would use traceparent'));
    expect(textOf(h.stub.callsTo('chat.postEphemeral')[0]?.args.blocks)).toMatch(/only their replies are scored/);
    // A command typed in the thread is never scored.
    await h.run(h.answer(rootTs, 'U1', '/help'));
    expect(textOf(h.stub.callsTo('chat.postEphemeral').at(-1)?.args.blocks)).toMatch(/looks like a command, so it wasn’t scored/);
    expect(h.stub.threadReplies(CHANNEL, rootTs)).toHaveLength(1);

    const reply = async (text: string): Promise<string> => {
      h.clock.now += 2 * MIN;
      await h.run(h.answer(rootTs, 'U1', text));
      return textOf(h.stub.threadReplies(CHANNEL, rootTs).at(-1)?.blocks);
    };
    // phase 1: the sample question has no requirements list, so the answer is acknowledged
    let last = await reply('About 300 engineers, 40k requests per second at peak.');
    expect(last).toMatch(/Noted\.[\s\S]*Phase 2\/4 · Architecture · ~15 min/);
    last = await reply('Propagate the traceparent header across every hop.');
    expect(last).toMatch(/Noted: “evidence for propagation” _\(context propagation\)_/);
    expect(last).toMatch(/Phase 2\/4 · Architecture · ~15 min · question 2 of 3/);
    // a thin answer on the point just asked: one dig-in, quoting it
    last = await reply('We keep a request id in Kibana.');
    expect(last).toMatch(/You mentioned “We keep a request id in Kibana”\./);
    last = await reply('Still the request id, really.');
    expect(last).not.toMatch(/You mentioned/);
    const replies = h.stub.threadReplies(CHANNEL, rootTs);
    for (const message of replies) expect(questionsIn(textOf(message.blocks))).toBeLessThanOrEqual(1);
    // no running score anywhere before the debrief
    expect(replies.map((message) => textOf(message.blocks)).join('\n')).not.toMatch(/Coverage \d|\/100/);

    await h.run(h.action(rootTs, 'U1', 'finish'));
    const card = textOf(h.stub.threadReplies(CHANNEL, rootTs).at(-1)?.blocks);
    expect(card).toMatch(/Scorecard/);
    expect(card).toMatch(/Level signal: /);
    expect(card).toMatch(/By phase[\s\S]*Phase 1\/4 · Requirements · ~5 min\* \(1 answer\)[\s\S]*Phase 2\/4 · Architecture · ~15 min\* \(3 answers\)/);
    expect(card).toMatch(/Coverage 1\/4/);
    expect(card).toMatch(/Study next:\* Sampling strategy/);
    expect(card).toMatch(/What a strong answer covers:/);
    const session = await h.running.stores.sessions.get(h.threadId(rootTs));
    expect(session?.state.status).toBe('finished');

    await h.run(h.command('stats'));
    expect(textOf(h.stub.responses.at(-1)?.body.blocks)).toMatch(/1 question answered · 4 answers/);
  });

  it('a silent thread gets one nudge, then closes with a friendly note; duplicate timers post nothing twice', async () => {
    h = await startHarness({ now: Date.now, mockIdle: { nudgeAfterMs: 300, expireAfterMs: 1_500 } });
    await h.run(h.command('mock'));
    const rootTs = h.stub.messages[0]?.ts ?? '';
    await h.run(h.answer(rootTs, 'U1', 'About 300 engineers, 40k requests per second at peak.'));
    const threadId = h.threadId(rootTs);
    const waitFor = async (done: () => boolean, ms: number): Promise<void> => {
      const until = Date.now() + ms;
      while (!done() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 25));
    };
    const texts = () => h.stub.threadReplies(CHANNEL, rootTs).map((message) => textOf(message.blocks));
    await waitFor(() => texts().some((text) => text.includes('⏳')), 5_000);
    expect(texts().filter((text) => text.includes('⏳'))).toHaveLength(1);
    expect(texts().at(-1)).toMatch(/⏳ <@U1> Walk me through the data flow\.[\s\S]*Phase 2\/4 · Architecture · ~15 min/);
    // the same timer delivered twice, and a second timer for the same silence: nothing more
    const dup = { kind: 'tick' as const, threadId, dedupeKey: 'manual-dup' };
    await h.run(dup);
    await h.run(dup, { jobId: 'another-delivery' });
    await h.run({ kind: 'tick', threadId, dedupeKey: 'manual-other' });
    expect(texts().filter((text) => text.includes('⏳'))).toHaveLength(1);

    await waitFor(() => texts().some((text) => text.includes('Scorecard')), 6_000);
    const closing = texts().filter((text) => text.includes('👋'));
    expect(closing).toHaveLength(1);
    expect(closing[0]).toMatch(/quiet for 0 days, so I’ve closed it|quiet for \d+ days/);
    expect(texts().at(-1)).toMatch(/Scorecard/);
    expect((await h.running.stores.sessions.get(threadId))?.state.status).toBe('finished');
    // timers left over after the close do nothing
    const before = texts().length;
    await h.run({ kind: 'tick', threadId, dedupeKey: 'after-close' });
    expect(texts()).toHaveLength(before);
  }, 20_000);
});

describe('slack: scorecard within Block Kit limits', () => {
  it('a worst-case scorecard (long quotes everywhere) fits in one message, every section under 3,000 characters', () => {
    const long = 'We '.concat('propagate the traceparent header and keep errors with tail sampling '.repeat(40));
    let { state } = startSession({ id: 's', question: mockQuestion, mode: 'mock', candidateId: 'U1', pacing: samplePacing, now: 0 });
    let card: Scorecard | undefined;
    for (let i = 0; i < 30 && !card; i += 1) {
      const step = recordAnswer(state, mockQuestion, samplePacing, {
        by: 'U1',
        text: long,
        result: mockResult(mockQuestion, { propagation: ['partial', long], sampling: ['covered', long], 'burn-alerts': ['partial', long], cost: ['covered', long] }, {
          misconceptions: [{ id: 'head-keeps-errors', quote: long, claim: 'x', correction: 'y' }],
        }),
        now: i * MIN,
      });
      state = step.state;
      const event = step.events.find((e) => e.type === 'scorecard');
      if (event?.type === 'scorecard') card = event.scorecard;
    }
    if (!card) card = (finishSession(state, mockQuestion, 'U1', 40 * MIN, samplePacing).events[0] as { scorecard: Scorecard }).scorecard;
    expect(card.phases).toHaveLength(4);
    expect(card.misconceptions).toHaveLength(1);
    const messages = renderMessage({ parts: [{ type: 'scorecard', scorecard: card }] });
    expect(messages).toHaveLength(1);
    for (const message of messages) {
      expect(blocksProblem(message.blocks)).toBeUndefined();
      expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
      expect(message.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
    }
  });

  it('every interviewer event renders within the limits, even with oversized text', () => {
    const huge = 'word '.repeat(2_000);
    const phase = { index: 2, of: 4, id: 'architecture', title: huge, minutes: 15, turns: 3, label: `Phase 2/4 · ${huge}` };
    const events = [
      { type: 'phase' as const, to: 'U1', phase, prompt: huge },
      { type: 'follow-up' as const, to: 'U1', text: huge, number: 2, of: 3, phase },
      { type: 'hint' as const, to: 'U1', theme: huge, text: huge, level: 1, of: 2 },
      { type: 'nudge' as const, to: 'U1', text: huge, phase, expiresInDays: 6 },
      { type: 'expired' as const, to: 'U1', text: huge, idleDays: 7 },
      { type: 'feedback' as const, to: 'U1', scorer: 'keyword' as const, answerScore: 0, score: 0, points: [], improved: [], notices: [huge], offTopic: huge, notes: [huge], misconceptions: [{ claim: huge, quote: huge, correction: huge }] },
    ];
    for (const event of events) {
      for (const message of renderMessage({ parts: [event] })) {
        expect(blocksProblem(message.blocks), event.type).toBeUndefined();
        for (const block of message.blocks) {
          if (block.type === 'context') for (const element of block.elements) expect(element.text.length).toBeLessThanOrEqual(SLACK_LIMITS.contextText);
        }
      }
    }
  });

  it('a reaction with a dig-in, notes and a misconception stays one message', () => {
    const messages = renderMessage({
      parts: [
        {
          type: 'reaction',
          to: 'U1',
          added: [{ theme: 'Sampling strategy', quote: 'x'.repeat(5_000) }],
          misconceptions: [{ claim: 'c', quote: 'q'.repeat(5_000), correction: 'Head sampling decides before the outcome is known.' }],
          notes: ['That’s about 3000 words, roughly 20 minutes spoken.'],
          notices: [],
          digIn: { text: `You mentioned “${'a'.repeat(200)}”. How does that survive the queue?` },
        },
      ],
    });
    expect(messages).toHaveLength(1);
    expect(blocksProblem(messages[0]?.blocks)).toBeUndefined();
  });
});
