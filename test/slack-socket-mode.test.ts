import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type AppConfig } from '../src/config/index.ts';
import { QuestionBank } from '../src/core/content/question-bank.ts';
import { createLogger, setLogSink } from '../src/infra/logger.ts';
import { runBot, type RunningBot } from '../src/main/run-bot.ts';
import { runWorker, type RunningWorker } from '../src/main/run-worker.ts';
import { INTERACTIONS_QUEUE } from '../src/queue/names.ts';
import { createInteractionProducer } from '../src/queue/producers.ts';
import { samplePacing, sampleQuestion } from './fixtures/sample-question.ts';
import { buttonPayload, messageEnvelope } from './helpers/slack-http.ts';
import { testRedisUrl, uniquePrefix } from './helpers/redis.ts';
import { SlackApiStub, type StoredMessage } from './stubs/slack-api.ts';
import { SocketModeServer, type Envelope } from './stubs/socket-mode-server.ts';

/**
 * Socket Mode end to end, the quick-start path: the real bot started from the environment as
 * `obs-bot start` does with SLACK_APP_TOKEN set, so Bolt's own SocketModeClient calls
 * apps.connections.open on the SLACK_API_URL stand-in, connects to a local WebSocket server,
 * waits for `hello`, and receives Slack's envelopes. The worker behind it posts to the stand-in.
 */
const BOT_TOKEN = 'xoxb-7070-7070-socket-mode-token';
const APP_TOKEN = 'xapp-1-A1-7070-socket-mode-app-token';
const SIGNING_SECRET = 'socket-signing-secret-5d1c';
const ACK_BUDGET_MS = 3_000;
/** Generous: the machine is shared, and the client waits its own 5 s before reconnecting. */
const WAIT_MS = 20_000;
const ANSWER =
  'I would propagate context with the W3C traceparent header on every hop, including queue messages, ' +
  'and use tail sampling to keep errors and slow traces. The batch exporter keeps cpu overhead low.';

const lines: string[] = [];
let restoreSink: ReturnType<typeof setLogSink>;
let stub: SlackApiStub;
let socket: SocketModeServer;
let config: AppConfig;
let worker: RunningWorker;
let bot: RunningBot;
let queue: Queue;
let envelopes = 0;

async function waitFor(predicate: () => boolean, what: string, timeoutMs = WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function readyz(): Promise<{ status: number; slack: boolean | undefined }> {
  const response = await fetch(`http://127.0.0.1:${bot.port}/readyz`);
  const body = (await response.json()) as { checks?: { slack?: boolean } };
  return { status: response.status, slack: body.checks?.slack };
}

/** Log lines of listeners that finished (acked, then enqueued or decided not to), by listener name. */
function listenersDone(listener: string): number {
  return lines.filter((line) => line.includes('"listener done"') && line.includes(`"listener":"${listener}"`)).length;
}

/**
 * Waits until the listener for a just-acked envelope has finished and every job it may have
 * enqueued has run: after this, a duplicate that slipped through would have posted.
 */
async function settle(listener: string, doneBefore: number): Promise<void> {
  await waitFor(() => listenersDone(listener) > doneBefore, `${listener} to finish`);
  await queueIdle();
}

async function queueIdle(): Promise<void> {
  let idle = false;
  while (!idle) {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    idle = Object.values(counts).every((count) => count === 0);
    if (!idle) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Sends an envelope and waits for its ack; returns the ack's delay and payload. */
async function sendAndAwaitAck(envelope: Envelope): Promise<{ ms: number; payload: Record<string, unknown> }> {
  const before = socket.acksFor(envelope.envelope_id).length;
  const sent = Date.now();
  socket.send(envelope);
  // Waits past the budget so a slow ack fails on its timing, with the figure, not on a timeout.
  await waitFor(() => socket.acksFor(envelope.envelope_id).length > before, `the ack of ${envelope.envelope_id}`);
  const ack = socket.acksFor(envelope.envelope_id)[before];
  if (!ack) throw new Error('ack vanished');
  return { ms: ack.at - sent, payload: ack.payload };
}

function slashCommand(text: string, channel: string, user: string, triggerId: string): Envelope {
  envelopes += 1;
  return {
    envelope_id: `env-cmd-${envelopes}-${Date.now()}`,
    type: 'slash_commands',
    accepts_response_payload: true,
    payload: {
      token: 'legacy-verification-token',
      team_id: 'T1',
      team_domain: 'example',
      channel_id: channel,
      channel_name: 'practice',
      user_id: user,
      user_name: 'ana',
      command: '/obs-question',
      text,
      api_app_id: 'A1',
      is_enterprise_install: 'false',
      response_url: stub.responseUrl(`sock-${triggerId}`),
      trigger_id: triggerId,
    },
  };
}

function threadReply(channel: string, threadTs: string, user: string, text: string, ts: string, eventId: string): Envelope {
  envelopes += 1;
  return {
    envelope_id: `env-evt-${envelopes}-${Date.now()}`,
    type: 'events_api',
    accepts_response_payload: false,
    retry_attempt: 0,
    retry_reason: '',
    payload: messageEnvelope('T1', eventId, { channel, user, text, ts, thread_ts: threadTs, parent_user_id: 'UBOT' }),
  };
}

/** Slack re-sends an event it thinks was not acked: a new envelope id, the same payload, a retry count. */
function retried(envelope: Envelope): Envelope {
  envelopes += 1;
  return { ...envelope, envelope_id: `env-retry-${envelopes}-${Date.now()}`, retry_attempt: 1, retry_reason: 'timeout' };
}

const questionsIn = (channel: string): StoredMessage[] => stub.messages.filter((message) => message.channel === channel && message.thread_ts === undefined);

beforeAll(async () => {
  restoreSink = setLogSink((line) => lines.push(line));
  stub = await SlackApiStub.start({ token: BOT_TOKEN });
  socket = await SocketModeServer.start();
  stub.socketMode = { appToken: APP_TOKEN, url: () => socket.nextUrl() };
  config = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_APP_TOKEN: APP_TOKEN,
    SLACK_API_URL: stub.origin,
    REDIS_URL: testRedisUrl(),
    PORT: '0',
    LOG_LEVEL: 'debug',
  });
  const prefix = uniquePrefix('sock');
  queue = new Queue(INTERACTIONS_QUEUE, { connection: { url: config.redisUrl }, prefix });
  const logger = createLogger({ test: 'socket-mode' }, 'debug');
  worker = await runWorker(config, { prefix, bank: new QuestionBank([sampleQuestion], samplePacing), env: {}, logger });
  bot = await runBot(config, { producer: createInteractionProducer(config.redisUrl, { prefix }), logger });
}, 60_000);

afterAll(async () => {
  await bot?.close();
  await worker?.close();
  await queue?.close();
  await socket?.close();
  await stub?.close();
  setLogSink(restoreSink);
}, 60_000);

describe('Slack over Socket Mode, end to end', () => {
  it('connects through apps.connections.open on SLACK_API_URL with the app token, after auth.test with the bot token', () => {
    expect(bot.mode).toBe('socket');
    expect(config.slack?.socketMode).toBe(true);
    expect(stub.callsTo('auth.test').map((call) => call.token)).toEqual([BOT_TOKEN]);
    expect(stub.callsTo('apps.connections.open').map((call) => call.token)).toEqual([APP_TOKEN]);
    expect(socket.connections).toEqual(['t1']);
    expect(socket.connected).toBe(true);
  });

  it('serves /readyz on the health port in Socket Mode: ready, with Slack connected', async () => {
    expect(bot.port).toBeGreaterThan(0);
    expect(await readyz()).toEqual({ status: 200, slack: true });
  });

  it('acks a slash command by its envelope id within 3 s, and the worker posts the question once, even when Slack retries', async () => {
    const command = slashCommand('tracing', 'CSOCK1', 'U1', 'trig.sock.1');
    const ack = await sendAndAwaitAck(command);
    expect(ack.ms).toBeLessThan(ACK_BUDGET_MS);
    await waitFor(() => questionsIn('CSOCK1').length > 0, 'the question in CSOCK1');
    expect(questionsIn('CSOCK1')[0]?.blocks?.length).toBeGreaterThan(0);

    // The same command delivered again (Slack did not see the ack): acked, but no second question.
    const doneBefore = listenersDone('command:/obs-question');
    const again = await sendAndAwaitAck({ ...command, envelope_id: `${command.envelope_id}-again` });
    expect(again.ms).toBeLessThan(ACK_BUDGET_MS);
    await settle('command:/obs-question', doneBefore);
    expect(questionsIn('CSOCK1')).toHaveLength(1);
  });

  it('acks a thread reply (events_api) within 3 s, answers once, and a retried envelope (retry_attempt 1) adds no reply', async () => {
    await waitFor(() => questionsIn('CSOCK1').length > 0, 'the question from the previous test');
    const root = questionsIn('CSOCK1')[0];
    if (!root) throw new Error('no question');
    const toAnswerer = () => stub.callsTo('chat.postEphemeral').filter((call) => call.args.user === 'U2' && call.args.thread_ts === root.ts);

    const reply = threadReply('CSOCK1', root.ts, 'U2', ANSWER, '1800000000.000100', 'Ev.sock.1');
    const ack = await sendAndAwaitAck(reply);
    expect(ack.ms).toBeLessThan(ACK_BUDGET_MS);
    // The feedback, then the follow-up question: both go privately to the person who answered.
    await waitFor(() => toAnswerer().some((call) => JSON.stringify(call.args.blocks).includes('Next →')), 'the feedback to U2');
    await queueIdle();
    const answered = toAnswerer().length;
    expect(JSON.stringify(toAnswerer()[0]?.args.blocks)).toContain('Context propagation');

    const doneBefore = listenersDone('event:thread-message');
    const retry = await sendAndAwaitAck(retried(reply));
    expect(retry.ms).toBeLessThan(ACK_BUDGET_MS);
    await settle('event:thread-message', doneBefore);
    // Bolt saw it as a retry, and still no second reply.
    expect(lines.some((line) => line.includes('"listener done"') && line.includes('"retryNum":1'))).toBe(true);
    expect(toAnswerer()).toHaveLength(answered);
  });

  it('acks a button press (interactive envelope) within 3 s, and the worker answers it once', async () => {
    const root = questionsIn('CSOCK1')[0];
    if (!root) throw new Error('no question');
    const finish = (root.blocks as { elements?: { action_id?: string; value?: string }[] }[] | undefined)?.flatMap((block) => block.elements ?? []).find((element) => element.action_id === 'obs_finish');
    if (!finish?.value) throw new Error('no Finish button on the question');
    envelopes += 1;
    const press: Envelope = {
      envelope_id: `env-act-${envelopes}-${Date.now()}`,
      type: 'interactive',
      accepts_response_payload: false,
      payload: buttonPayload({ teamId: 'T1', channelId: 'CSOCK1', userId: 'U2', actionId: 'obs_finish', value: finish.value, triggerId: 'trig.sock.finish', responseUrl: stub.responseUrl('sock-finish'), messageTs: root.ts }),
    };
    const doneBefore = listenersDone('action:finish');
    const ack = await sendAndAwaitAck(press);
    expect(ack.ms).toBeLessThan(ACK_BUDGET_MS);
    await settle('action:finish', doneBefore);
    const scorecards = [
      ...stub.callsTo('chat.postEphemeral').filter((call) => call.args.user === 'U2' && JSON.stringify(call.args.blocks).includes('Scorecard')),
      ...stub.responses.filter((response) => response.id === 'sock-finish' && JSON.stringify(response.body).includes('Scorecard')),
      ...stub.threadReplies('CSOCK1', root.ts).filter((message) => JSON.stringify(message.blocks).includes('Scorecard')),
    ];
    expect(scorecards).toHaveLength(1);
  });

  it('reconnects after Slack sends disconnect (refresh_requested): a new apps.connections.open, a new socket, and the next command works', async () => {
    const opensBefore = stub.callsTo('apps.connections.open').length;
    socket.disconnect('refresh_requested');
    // Between the old socket closing and the new one saying hello, nothing can reach the bot.
    // The client waits 5 s before reconnecting, so polling catches the gap on a loaded machine too.
    let sawNotReady = false;
    while (!sawNotReady && socket.connections.length === 1) {
      const state = await readyz();
      sawNotReady = state.status === 503 && state.slack === false;
      if (!sawNotReady) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await waitFor(() => stub.callsTo('apps.connections.open').length > opensBefore, 'a second apps.connections.open');
    await waitFor(() => socket.connections.length === 2 && socket.connected, 'the new connection');
    expect(socket.connections).toEqual(['t1', 't2']);
    expect(stub.callsTo('apps.connections.open').at(-1)?.token).toBe(APP_TOKEN);
    expect(sawNotReady).toBe(true);
    expect(await readyz()).toEqual({ status: 200, slack: true });

    const command = slashCommand('tracing', 'CSOCK2', 'U3', 'trig.sock.2');
    const ack = await sendAndAwaitAck(command);
    expect(ack.ms).toBeLessThan(ACK_BUDGET_MS);
    await waitFor(() => questionsIn('CSOCK2').length > 0, 'the question in CSOCK2 after reconnecting');
    expect(questionsIn('CSOCK2')).toHaveLength(1);
  }, 60_000);

  it("keeps trying apps.connections.open when Slack's API fails during a reconnect, and comes back", async () => {
    const opensBefore = stub.callsTo('apps.connections.open').length;
    const connectionsBefore = socket.connections.length;
    // Three 500s: more than the bot's own WebClient retries (2) for its other calls.
    stub.script('apps.connections.open', { status: 500 }, { status: 500 }, { status: 500 });
    socket.disconnect('refresh_requested');
    await waitFor(() => socket.connections.length === connectionsBefore + 1 && socket.connected, 'the connection after the failed opens', 40_000);
    expect(stub.callsTo('apps.connections.open').length).toBeGreaterThanOrEqual(opensBefore + 4);
    expect(await readyz()).toEqual({ status: 200, slack: true });

    const command = slashCommand('tracing', 'CSOCK3', 'U4', 'trig.sock.3');
    expect((await sendAndAwaitAck(command)).ms).toBeLessThan(ACK_BUDGET_MS);
    await waitFor(() => questionsIn('CSOCK3').length > 0, 'the question in CSOCK3');
  }, 60_000);

  it('sends nothing but acks over the socket, and keeps both tokens out of every log line', () => {
    expect(lines.filter((line) => /"level":"(warn|error)"/.test(line))).toEqual([]);
    expect(socket.otherFrames).toEqual([]);
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      expect(line).not.toContain(BOT_TOKEN);
      expect(line).not.toContain(APP_TOKEN);
      expect(line).not.toContain(SIGNING_SECRET);
    }
  });
});
