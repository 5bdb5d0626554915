import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackApp, type SlackApp } from '../../src/adapters/slack/app.ts';
import { createLogger } from '../../src/infra/logger.ts';
import { createInteractionProducer, type InteractionProducer } from '../../src/queue/producers.ts';
import { testRedisUrl } from '../helpers/redis.ts';
import { messageEnvelope, SlackHttp, type SlackResponse } from '../helpers/slack-http.ts';
import { startHarness, TEAM, TOKEN, type Harness } from '../slack-worker.harness.ts';

/**
 * 1,000 events, each delivered more than once, through the real Bolt app over HTTP and the
 * real queue and worker:
 * - 500 slash commands, each sent twice with the same trigger_id (a double submit, or a
 *   proxy that retried);
 * - 500 answers in 50 question threads, each delivered three times: the original, Slack's
 *   retry of the same event_id (X-Slack-Retry-Num), and the same message under a new
 *   event_id (Slack re-delivers a message after a reconnect, with the same ts and client_msg_id).
 * Every event gets exactly one reply. The worker's global limiter is lifted for the test:
 * pacing is not what is tested here, and at 20 jobs/s 1,050 jobs would take a minute.
 */
const SIGNING_SECRET = 'duplicate-events-signing-secret-5';
const COMMANDS = 500;
const THREADS = 50;
const ANSWERS_PER_THREAD = 10;
const CHANNEL = 'C1';

let h: Harness;
let producer: InteractionProducer;
let slack: SlackApp;
let http: SlackHttp;

beforeAll(async () => {
  h = await startHarness({ limiter: { max: 100_000, duration: 1_000 }, concurrency: 16 });
  producer = createInteractionProducer(testRedisUrl(), { prefix: String(h.queue.opts.prefix) });
  slack = createSlackApp(
    { slack: { botToken: TOKEN, signingSecret: SIGNING_SECRET, socketMode: false, apiUrl: h.stub.apiUrl }, port: 0, logLevel: 'warn' },
    { producer, logger: createLogger({ test: 'duplicates' }, 'warn') },
  );
  const { port } = await slack.start({ port: 0, host: '127.0.0.1' });
  http = new SlackHttp(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET);
}, 30_000);

afterAll(async () => {
  await slack?.stop();
  await producer?.close();
  await h?.close();
}, 30_000);

/** Runs the sends with at most `width` in flight, like Slack's own fan-in. */
async function sendAll(sends: (() => Promise<SlackResponse>)[], width = 16): Promise<SlackResponse[]> {
  const results: SlackResponse[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < sends.length) {
        const send = sends[next++];
        if (send) results.push(await send());
      }
    }),
  );
  return results;
}

async function until(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('1,000 duplicated events', () => {
  it('get one reply each', async () => {
    // The threads to answer in: 50 channel questions.
    await sendAll(Array.from({ length: THREADS }, (_, i) => () => http.command({ text: '', team_id: TEAM, channel_id: CHANNEL, user_id: 'UASK', trigger_id: `trig.q.${i}`, response_url: h.stub.responseUrl(`q-${i}`) })));
    await until(() => h.stub.messages.filter((message) => message.thread_ts === undefined).length === THREADS, 30_000, 'the 50 questions');
    const roots = h.stub.messages.filter((message) => message.thread_ts === undefined).map((message) => message.ts);
    // Sessions are created right after their post; wait until all are there before answering.
    const sessionsReady = async () => (await Promise.all(roots.map((root) => h.running.stores.sessions.get(h.threadId(root))))).every(Boolean);
    const deadline = Date.now() + 15_000;
    while (!(await sessionsReady())) {
      if (Date.now() > deadline) throw new Error('sessions not stored');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }

    const started = performance.now();
    const sends: (() => Promise<SlackResponse>)[] = [];
    for (let i = 0; i < COMMANDS; i += 1) {
      const command = { text: 'topics', team_id: TEAM, channel_id: CHANNEL, user_id: `UC${i}`, trigger_id: `trig.dup.${i}`, response_url: h.stub.responseUrl(`dup-${i}`) };
      sends.push(() => http.command(command), () => http.command(command));
    }
    roots.forEach((root, thread) => {
      for (let n = 0; n < ANSWERS_PER_THREAD; n += 1) {
        const ts = `${Number(root.split('.')[0]) + 1}.${String(thread * 100 + n).padStart(6, '0')}`;
        const event = { channel: CHANNEL, user: `UA${thread}-${n}`, text: 'we propagate the traceparent header', ts, thread_ts: root, parent_user_id: 'UBOT', client_msg_id: `cm-${thread}-${n}` };
        const first = messageEnvelope(TEAM, `Ev${thread}x${n}`, event);
        sends.push(
          () => http.event(first),
          () => http.event(first, { retryNum: 1 }),
          () => http.event(messageEnvelope(TEAM, `Ev${thread}x${n}-again`, event)),
        );
      }
    });
    // Interleaved (stride 7), so a duplicate usually arrives while its original is still queued or running.
    const interleaved = [0, 1, 2, 3, 4, 5, 6].flatMap((offset) => sends.filter((_, index) => index % 7 === offset));
    const responses = await sendAll(interleaved);
    const sentS = (performance.now() - started) / 1_000;
    expect(responses.filter((response) => response.status !== 200)).toEqual([]);

    const feedbackFor = () => h.stub.callsTo('chat.postEphemeral').filter((call) => String(call.args.user).startsWith('UA'));
    await until(() => h.stub.responses.filter((post) => post.id.startsWith('dup-')).length >= COMMANDS && feedbackFor().length >= THREADS * ANSWERS_PER_THREAD, 60_000, 'one reply per event');
    // Then until the queue is empty: any duplicate still on its way has had its chance.
    let idle = false;
    while (!idle) {
      const counts = await h.queue.getJobCounts('active', 'waiting', 'delayed', 'prioritized');
      idle = Object.values(counts).every((count) => count === 0);
      if (!idle) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const elapsedS = (performance.now() - started) / 1_000;

    const repliesPerCommand = new Map<string, number>();
    for (const post of h.stub.responses.filter((post) => post.id.startsWith('dup-'))) repliesPerCommand.set(post.id, (repliesPerCommand.get(post.id) ?? 0) + 1);
    expect(repliesPerCommand.size).toBe(COMMANDS);
    expect([...repliesPerCommand.values()].filter((count) => count !== 1)).toEqual([]);

    const feedbackPerAnswer = new Map<string, number>();
    for (const call of feedbackFor()) {
      const key = `${String(call.args.thread_ts)}/${String(call.args.user)}`;
      feedbackPerAnswer.set(key, (feedbackPerAnswer.get(key) ?? 0) + 1);
    }
    expect(feedbackPerAnswer.size).toBe(THREADS * ANSWERS_PER_THREAD);
    expect([...feedbackPerAnswer.values()].filter((count) => count !== 1)).toEqual([]);
    // Each session scored each answer once.
    const sessions = await Promise.all(roots.map((root) => h.running.stores.sessions.get(h.threadId(root))));
    expect(sessions.map((session) => session?.state.answers.length)).toEqual(roots.map(() => ANSWERS_PER_THREAD));
    // Nothing else was posted in public: the 50 questions only.
    expect(h.stub.messages.filter((message) => message.thread_ts === undefined)).toHaveLength(THREADS);
    console.info(`1,000 duplicated events (${sends.length} deliveries): all sent after ${sentS.toFixed(1)} s, all handled after ${elapsedS.toFixed(1)} s`);
  }, 120_000);
});
