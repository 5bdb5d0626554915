import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBot } from '../src/main/run-bot.ts';
import type { RunningWorker } from '../src/main/run-worker.ts';
import { setLogSink } from '../src/infra/logger.ts';
import { sampleQuestion } from './fixtures/sample-question.ts';
import { buttonPayload, messageEnvelope, SlackHttp } from './helpers/slack-http.ts';
import type { SlackApiStub, StoredMessage } from './stubs/slack-api.ts';
import { startSlackStack } from './helpers/slack-stack.ts';

/**
 * The whole path with real parts: signed HTTP → Bolt → BullMQ on the suite's Redis → the
 * interactions worker → keyword scoring → the real WebClient → the Slack API stand-in.
 */
const BOT_TOKEN = 'xoxb-5150-5150-end-to-end-token';
const SIGNING_SECRET = 'e2e-signing-secret-0b7d41c2';
const ANSWER =
  'I would propagate context with the W3C traceparent header on every hop, including queue messages, ' +
  'and use tail sampling to keep errors and slow traces. The batch exporter keeps cpu overhead low.';

const lines: string[] = [];
let restoreSink: ReturnType<typeof setLogSink>;
let stub: SlackApiStub;
let worker: RunningWorker;
let bot: RunningBot;
let http: SlackHttp;
let eventCounter = 0;

interface Block {
  type: string;
  text?: { text: string };
  elements?: { action_id?: string; value?: string; text?: string | { text: string } }[];
}

/** Every text in the blocks: sections, context lines and button labels. */
function textOf(blocks: unknown): string {
  const elementText = (text: string | { text: string } | undefined): string => (typeof text === 'string' ? text : (text?.text ?? ''));
  return ((blocks ?? []) as Block[]).map((block) => [block.text?.text ?? '', ...(block.elements ?? []).map((element) => elementText(element.text))].join('\n')).join('\n');
}

function buttonValue(message: StoredMessage, actionId: string): string {
  for (const block of (message.blocks ?? []) as Block[]) {
    const found = block.elements?.find((element) => element.action_id === actionId);
    if (found?.value) return found.value;
  }
  throw new Error(`no ${actionId} button`);
}

async function askForQuestion(text: string, channel: string, user: string): Promise<StoredMessage> {
  const before = stub.messages.length;
  const response = await http.command({ text, team_id: 'T1', channel_id: channel, user_id: user, trigger_id: `trig.${channel}.${Date.now()}`, response_url: stub.responseUrl(`cmd-${channel}`) });
  expect(response.status).toBe(200);
  await stub.waitFor(() => stub.messages.slice(before).some((message) => message.channel === channel && message.thread_ts === undefined), 10_000, 'the question');
  const root = stub.messages.slice(before).find((message) => message.channel === channel && message.thread_ts === undefined);
  if (!root) throw new Error('no question posted');
  return root;
}

function reply(channel: string, threadTs: string, user: string, text: string, ts: string): Record<string, unknown> {
  eventCounter += 1;
  return messageEnvelope('T1', `Ev.e2e.${eventCounter}`, { channel, user, text, ts, thread_ts: threadTs, parent_user_id: 'UBOT' });
}

beforeAll(async () => {
  restoreSink = setLogSink((line) => lines.push(line));
  const stack = await startSlackStack({ name: 'e2e', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, logLevel: 'debug' });
  ({ stub, worker, bot, http } = stack);
  http = new SlackHttp(`http://127.0.0.1:${bot.port}/slack/events`, SIGNING_SECRET);
});

afterAll(async () => {
  await bot?.close();
  await worker?.close();
  await stub?.close();
  setLogSink(restoreSink);
});

describe('Slack end to end', () => {
  it('channel question: question → private feedback and follow-up in the thread → Finish → scorecard, once each', async () => {
    const root = await askForQuestion('tracing', 'CE2E1', 'U1');
    expect(textOf(root.blocks)).toContain(sampleQuestion.title);
    expect(buttonValue(root, 'obs_finish')).toBeTruthy();

    const answerEvent = reply('CE2E1', root.ts, 'U2', ANSWER, '1800000000.000100');
    expect((await http.event(answerEvent)).status).toBe(200);
    const toAnswerer = () => stub.callsTo('chat.postEphemeral').filter((call) => call.args.user === 'U2' && call.args.thread_ts === root.ts);
    await stub.waitFor(() => toAnswerer().some((call) => textOf(call.args.blocks).includes('Next →')), 10_000, 'feedback and follow-up');
    const feedback = toAnswerer().map((call) => textOf(call.args.blocks)).join('\n');
    expect(feedback).toMatch(/Coverage \d\/4/);
    expect(feedback).toContain('✅ *Context propagation*');
    expect(feedback).toContain('traceparent');
    // Channel feedback is private: nothing was posted publicly in the thread.
    expect(stub.threadReplies('CE2E1', root.ts)).toEqual([]);

    // Slack retries the same event: no second feedback.
    const sentBefore = toAnswerer().length;
    expect((await http.event(answerEvent, { retryNum: 1 })).status).toBe(200);

    const finish = buttonPayload({ teamId: 'T1', channelId: 'CE2E1', userId: 'U2', actionId: 'obs_finish', value: buttonValue(root, 'obs_finish'), triggerId: 'trig.e2e.finish', responseUrl: stub.responseUrl('finish-1'), messageTs: root.ts });
    expect((await http.action(finish)).status).toBe(200);
    const scorecardSent = () => [...toAnswerer().map((call) => textOf(call.args.blocks)), ...stub.responses.filter((r) => r.id === 'finish-1').map((r) => textOf(r.body.blocks))].some((text) => text.includes('Scorecard'));
    await stub.waitFor(scorecardSent, 10_000, 'the scorecard');
    const coverageMessages = toAnswerer().filter((call) => /Coverage \d\/4 ·/.test(textOf(call.args.blocks)) && !textOf(call.args.blocks).includes('Scorecard'));
    expect(coverageMessages).toHaveLength(1);
    expect(toAnswerer().length).toBeGreaterThan(sentBefore);
  });

  it('mock interview: phases and reactions in the thread, no score until the scorecard', async () => {
    const ack = await http.command({ text: 'mock', team_id: 'T1', channel_id: 'CE2E2', user_id: 'UCAND', trigger_id: 'trig.e2e.mock', response_url: stub.responseUrl('mock') });
    expect(JSON.parse(ack.body)).toMatchObject({ text: 'Setting up your mock interview…' });
    await stub.waitFor(() => stub.messages.some((message) => message.channel === 'CE2E2' && message.thread_ts === undefined), 10_000, 'the mock question');
    const root = stub.messages.find((message) => message.channel === 'CE2E2' && message.thread_ts === undefined);
    if (!root) throw new Error('no mock question');
    expect(textOf(root.blocks)).toContain('Mock interview for <@UCAND>');

    // phase 1 (requirements: the sample question has no list, so it is acknowledged), then phase 2
    await http.event(reply('CE2E2', root.ts, 'UCAND', 'About 300 engineers and 40k requests per second at peak.', '1800000001.000050'));
    await stub.waitFor(() => stub.threadReplies('CE2E2', root.ts).some((message) => textOf(message.blocks).includes('Phase 2/4 · Architecture')), 10_000, 'phase 2');
    await http.event(reply('CE2E2', root.ts, 'UCAND', ANSWER, '1800000001.000100'));
    await stub.waitFor(() => stub.threadReplies('CE2E2', root.ts).some((message) => textOf(message.blocks).includes('(context propagation')), 10_000, 'a reaction');
    expect(stub.threadReplies('CE2E2', root.ts).map((message) => textOf(message.blocks)).join('\n')).not.toMatch(/Coverage \d/);

    await http.action(buttonPayload({ teamId: 'T1', channelId: 'CE2E2', userId: 'UCAND', actionId: 'obs_finish', value: buttonValue(root, 'obs_finish'), triggerId: 'trig.e2e.mockfinish', responseUrl: stub.responseUrl('mock-finish'), messageTs: root.ts }));
    await stub.waitFor(() => stub.threadReplies('CE2E2', root.ts).some((message) => textOf(message.blocks).includes('Scorecard')), 10_000, 'the mock scorecard');
    const scorecard = stub.threadReplies('CE2E2', root.ts).find((message) => textOf(message.blocks).includes('Scorecard'));
    expect(textOf(scorecard?.blocks)).toMatch(/Scorecard[\s\S]*Coverage 3\/4/);
    expect(textOf(scorecard?.blocks)).toContain('*Verdict:*');
  });

  it('keeps every token out of every log line of the whole run', () => {
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      expect(line).not.toContain(BOT_TOKEN);
      expect(line).not.toContain(SIGNING_SECRET);
    }
  });
});
