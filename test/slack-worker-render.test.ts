import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshProgress, type MessageContent } from '../src/app/ports.ts';
import { fitToLimits, renderMessage, SLACK_LIMITS, splitText } from '../src/adapters/slack/render/index.ts';
import { section, type SlackBlock } from '../src/adapters/slack/render/blocks.ts';
import { SlackSender } from '../src/adapters/slack/sender.ts';
import { recordAnswer, startSession, type EngineEvent } from '../src/core/interview/index.ts';
import { resultWith, sampleQuestion } from './fixtures/sample-question.ts';
import { textOf, TOKEN } from './slack-worker.harness.ts';
import { blocksProblem, SlackApiStub } from './stubs/slack-api.ts';

function sectionTexts(blocks: SlackBlock[]): string[] {
  return blocks.flatMap((block) => (block.type === 'section' ? [block.text.text] : []));
}

describe('slack rendering: limits', () => {
  it('splits a long section at line ends, losing nothing', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `line ${i}: ${'x'.repeat(40)}`);
    const text = lines.join('\n');
    const chunks = splitText(text, SLACK_LIMITS.sectionText);
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.every((chunk) => chunk.length <= 3_000)).toBe(true);
    expect(chunks.join('\n')).toBe(text);
  });

  it('breaks a single over-long line at spaces', () => {
    const text = Array.from({ length: 900 }, (_, i) => `word${i}`).join(' ');
    const chunks = splitText(text, 3_000);
    expect(chunks.every((chunk) => chunk.length <= 3_000)).toBe(true);
    expect(chunks.join(' ')).toBe(text);
  });

  it('spreads more than 50 blocks over several messages, each within the limits', () => {
    const blocks = Array.from({ length: 120 }, (_, i) => section(`point ${i}`));
    const messages = fitToLimits({ text: 'feedback', blocks });
    expect(messages.map((m) => m.blocks.length)).toEqual([50, 50, 20]);
    expect(messages[1]?.text).toBe('feedback (continued, 2/3)');
    expect(messages.every((m) => blocksProblem(m.blocks) === undefined)).toBe(true);
  });

  it('trims, visibly, only past the message cap', () => {
    const blocks = Array.from({ length: 400 }, (_, i) => section(`point ${i}`));
    const messages = fitToLimits({ text: 'huge', blocks });
    expect(messages).toHaveLength(SLACK_LIMITS.maxMessages);
    expect(messages.every((m) => m.blocks.length <= 50)).toBe(true);
    expect(textOf(messages.at(-1)?.blocks)).toMatch(/… trimmed/);
  });
});

describe('slack rendering: feedback', () => {
  it('reads like the product sketch: coverage, verdict lines with quoted evidence, then Next →', () => {
    const start = startSession({ id: 's', question: sampleQuestion, mode: 'channel', now: 0 });
    const result = resultWith({ propagation: 'covered', sampling: 'partial' }, sampleQuestion, {
      points: [
        { id: 'propagation', verdict: 'covered', evidence: 'we pass <!channel> traceparent on every hop' },
        { id: 'sampling', verdict: 'partial', evidence: 'we sample', note: 'not which traces are kept' },
        { id: 'overhead', verdict: 'missed' },
        { id: 'privacy', verdict: 'missed', note: 'nothing on PII in span attributes' },
      ],
    });
    const step = recordAnswer(start.state, sampleQuestion, undefined, { by: 'U1', text: 'answer', result, now: 1 });
    const [message] = renderMessage({ parts: step.events.filter((e: EngineEvent) => e.type !== 'scorecard') });
    const text = sectionTexts(message?.blocks ?? []).join('\n');
    expect(text).toMatch(/^\*Coverage 1\/4 · \d+\/100\*/);
    // The answer's own words, escaped: quoting a user can never ping a channel.
    expect(text).toContain('✅ *Context propagation*: “we pass &lt;!channel&gt; traceparent on every hop”');
    expect(text).toContain('🟡 *Sampling strategy*: “we sample”, but not which traces are kept');
    expect(text).toContain('❌ *Overhead budget*: nothing yet on overhead budget');
    // A scorer's own note on a missed point wins over the generic one.
    expect(text).toContain('❌ *Privacy*: nothing on PII in span attributes');
    expect(text).toMatch(/\*Next →\* .+\?$/m);
  });
});

describe('slack sender: long messages against the Web API stand-in', () => {
  let stub: SlackApiStub;
  beforeEach(async () => {
    stub = await SlackApiStub.start({ token: TOKEN });
  });
  afterEach(async () => {
    await stub.close();
  });

  it('posts a message over 50 blocks as several accepted messages, the rest in the first one’s thread', async () => {
    const sender = new SlackSender({ token: TOKEN, slackApiUrl: stub.apiUrl });
    const content: MessageContent = { parts: Array.from({ length: 70 }, (_, i) => ({ type: 'text' as const, text: `${i}: ${'y'.repeat(3_500)}` })) };
    const delivered: number[] = [];
    const result = await sender.postMessage({ workspaceId: 'T1', channelId: 'C1' }, content, {
      ...freshProgress('k1'),
      onDelivered: async (part) => {
        delivered.push(part);
      },
    });
    expect(stub.callsTo('chat.postMessage').length).toBeGreaterThan(2);
    // Every call was accepted: the stand-in refuses what Slack would.
    expect(stub.messages).toHaveLength(stub.callsTo('chat.postMessage').length);
    expect(stub.messages[0]?.ts).toBe(result.messageId);
    expect(stub.messages.slice(1).every((m) => m.thread_ts === result.messageId)).toBe(true);
    expect(stub.messages.map((m) => m.metadata?.event_payload.key)).toEqual(delivered.map((part) => `k1#${part}`));
  });

  it('skips parts an earlier run delivered', async () => {
    const sender = new SlackSender({ token: TOKEN, slackApiUrl: stub.apiUrl });
    const content: MessageContent = { parts: Array.from({ length: 60 }, (_, i) => ({ type: 'text' as const, text: `part ${i}` })) };
    const result = await sender.postMessage({ workspaceId: 'T1', channelId: 'C1', thread: '1.0' }, content, {
      ...freshProgress('k2'),
      delivered: new Map([[0, '1699.000001']]),
    });
    expect(result.messageId).toBe('1699.000001');
    expect(stub.messages).toHaveLength(1);
    expect(stub.messages[0]?.metadata?.event_payload.key).toBe('k2#1');
  });
});
