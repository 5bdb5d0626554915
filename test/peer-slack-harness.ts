import type { RunningBot } from '../src/main/run-bot.ts';
import type { RunningWorker } from '../src/main/run-worker.ts';
import { questionSchema, type Question } from '../src/core/content/schema.ts';
import { setLogSink } from '../src/infra/logger.ts';
import { sampleQuestion } from './fixtures/sample-question.ts';
import { type SlackHttp, buttonPayload, messageEnvelope } from './helpers/slack-http.ts';
import type { SlackApiStub, SlackCall, StoredMessage } from './stubs/slack-api.ts';
import { startSlackStack } from './helpers/slack-stack.ts';

/**
 * Slack peer sessions with real parts: signed HTTP → Bolt → BullMQ on the suite's Redis →
 * the interactions worker → the real WebClient → the Slack API stand-in.
 */
export const BOT_TOKEN = 'xoxb-7070-7070-peer-token';
export const SIGNING_SECRET = 'peer-signing-secret-5d1c';

/** Two questions on one topic (so a swap finds a fresh one), follow-ups that name the points they probe. */
export const peerQuestion: Question = questionSchema.parse({
  ...sampleQuestion,
  followUps: {
    functional: [{ ask: 'How does a consumer of a queue message join the trace?', probes: 'propagation' }, 'How do you trace cron jobs?'],
    nonFunctional: [{ ask: 'Which traces do you keep when storage is tight?', probes: 'sampling' }],
  },
  misconceptions: [{ id: 'head-keeps-errors', claim: 'Head sampling keeps every error trace.', patterns: ['head sampling keeps (all|every) errors?'], correction: 'Head sampling decides before the outcome is known.' }],
});
export const otherQuestion: Question = questionSchema.parse({ ...peerQuestion, id: 'sample-tracing-two', title: 'How would you trace a batch pipeline end to end?' });

interface Block {
  type: string;
  text?: { text: string };
  elements?: { action_id?: string; value?: string; text?: string | { text: string } }[];
}

export function textOf(blocks: unknown): string {
  const elementText = (text: string | { text: string } | undefined): string => (typeof text === 'string' ? text : (text?.text ?? ''));
  return ((blocks ?? []) as Block[]).map((block) => [block.text?.text ?? '', ...(block.elements ?? []).map((element) => elementText(element.text))].join('\n')).join('\n');
}

export function buttonValue(blocks: unknown, actionId: string): string {
  for (const block of (blocks ?? []) as Block[]) {
    const found = block.elements?.find((element) => element.action_id === actionId);
    if (found?.value) return found.value;
  }
  throw new Error(`no ${actionId} button`);
}

export interface PeerHarness {
  stub: SlackApiStub;
  http: SlackHttp;
  worker: RunningWorker;
  bot: RunningBot;
  lines: string[];
  /** BullMQ prefix of this harness's queues. */
  prefix: string;
  close(): Promise<void>;
}

export async function startPeerHarness(env: NodeJS.ProcessEnv = {}): Promise<PeerHarness> {
  const lines: string[] = [];
  const restore = setLogSink((line) => lines.push(line));
  const stack = await startSlackStack({ name: 'peer', botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, logLevel: 'debug', questions: [peerQuestion, otherQuestion], env });
  const { stub, worker, bot, http, prefix } = stack;
  return {
    stub,
    http,
    worker,
    bot,
    lines,
    prefix,
    async close() {
      await stack.close();
      setLogSink(restore);
    },
  };
}

let counter = 0;
export function threadReply(channel: string, threadTs: string, user: string, text: string, ts: string): Record<string, unknown> {
  counter += 1;
  return messageEnvelope('T1', `Ev.peer.${counter}.${ts}`, { channel, user, text, ts, thread_ts: threadTs, parent_user_id: 'UBOT' });
}

export function press(h: PeerHarness, input: { channel: string; user: string; blocks: unknown; actionId: string; messageTs: string; id: string }): Promise<unknown> {
  counter += 1;
  return h.http.action(
    buttonPayload({
      teamId: 'T1',
      channelId: input.channel,
      userId: input.user,
      actionId: input.actionId,
      value: buttonValue(input.blocks, input.actionId),
      triggerId: `trig.${input.id}.${counter}`,
      responseUrl: h.stub.responseUrl(input.id),
      messageTs: input.messageTs,
    }),
  );
}

/** What was said privately through a response_url. */
export function responsesTo(h: PeerHarness, id: string): string[] {
  return h.stub.responses.filter((response) => response.id === id).map((response) => `${String(response.body.text ?? '')}\n${textOf(response.body.blocks)}`);
}

export function dmsTo(h: PeerHarness, user: string): StoredMessage[] {
  return h.stub.messages.filter((message) => message.channel === user);
}

export function ephemeralsTo(h: PeerHarness, user: string): SlackCall[] {
  return h.stub.callsTo('chat.postEphemeral').filter((call) => call.args.user === user);
}
