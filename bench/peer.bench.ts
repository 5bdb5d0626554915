import { Redis } from 'ioredis';
import { SlackPeerPlatform } from '../src/adapters/slack/peer-platform.ts';
import { SlackSender } from '../src/adapters/slack/sender.ts';
import type { AppConfig } from '../src/config/index.ts';
import { loadQuestionBank } from '../src/core/content/load.ts';
import { KeywordScorer } from '../src/core/scoring/keyword/keyword-scorer.ts';
import { createLogger, setLogSink } from '../src/infra/logger.ts';
import { runBot } from '../src/main/run-bot.ts';
import { createInteractionProducer } from '../src/queue/producers.ts';
import { DEFAULT_PEER_SETTINGS } from '../src/app/peer/services.ts';
import { startInteractionsWorker } from '../workers/interactions.worker.ts';
import { startPrivateRedis } from '../test/helpers/redis-server.ts';
import { buttonPayload, messageEnvelope, SlackHttp, viewSubmissionPayload } from '../test/helpers/slack-http.ts';
import { SlackApiStub, type StoredMessage } from '../test/stubs/slack-api.ts';
import { formatMs, summarize } from './stats.ts';
import type { Bench, BenchReport } from './types.ts';
import { UNBOUNDED_POST_PACES } from '../src/store/post-pacer.ts';

/**
 * Peer sessions under load, end to end on loopback: PEER_BENCH_SESSIONS (1,000) sessions run
 * at once through signed HTTP → Bolt → BullMQ → the interactions worker → the real WebClient
 * → the Slack stand-in. Each: start (thread + brief), 3 exchanges (an answer, then a menu
 * follow-up), and a scorecard (modal, submission, card by DM). Reported: action → the
 * resulting message at the stand-in (p50/p99 per kind), and Redis memory per open session
 * (used_memory growth over the sessions, and one session hash alone). Target: p99 < 2 s.
 * All sessions are open at once; the load generator keeps PEER_BENCH_IN_FLIGHT (64)
 * requests in flight, and each action is timed from when its request was sent.
 */
const SESSIONS = Number(process.env.PEER_BENCH_SESSIONS ?? 1_000);
const TARGET_P99_MS = 2_000;
const BOT_TOKEN = 'xoxb-0000-0000-peerbenchtoken';
const SIGNING_SECRET = 'peer-bench-signing-secret';
const ANSWERS = [
  'I would propagate context with the W3C traceparent header on every hop, including queue messages.',
  'Tail sampling keeps errors and slow traces once the trace completes; head sampling cannot know that.',
  'Batch exporters and async export keep the cpu overhead bounded; we redact pii from attributes.',
];

type Waiter = { match: (message: StoredMessage) => boolean; resolve: (at: number) => void };

/**
 * At most `max` requests in flight: 1,000 sockets opened in the same millisecond overflow
 * the listen backlog (ECONNRESET), which is the load generator's limit, not the bot's. The
 * action's clock starts when its request is really sent, after it got a slot.
 */
function limiter(max: number): <T>(run: () => Promise<T>) => Promise<T> {
  let active = 0;
  const queue: (() => void)[] = [];
  return async (run) => {
    if (active >= max) await new Promise<void>((resolve) => queue.push(resolve));
    active += 1;
    try {
      return await run();
    } finally {
      active -= 1;
      queue.shift()?.();
    }
  };
}
const IN_FLIGHT = Number(process.env.PEER_BENCH_IN_FLIGHT ?? 64);

export const bench: Bench = {
  name: 'peer',
  async run(): Promise<BenchReport> {
    const restore = setLogSink(() => undefined);
    const redis = process.env.REDIS_URL ? { url: process.env.REDIS_URL, stop: async () => undefined } : await startPrivateRedis('obs-peer-bench');
    const stub = await SlackApiStub.start({ token: BOT_TOKEN });
    const prefix = `peerbench-${Date.now()}`;
    const logger = createLogger({ bench: 'peer' }, 'error');
    const bank = await loadQuestionBank('content');
    const scorer = new KeywordScorer();
    const sender = new SlackSender({ token: BOT_TOKEN, slackApiUrl: stub.apiUrl, responseUrlOrigins: [stub.origin], logger });
    const worker = startInteractionsWorker({
      redisUrl: redis.url,
      prefix,
      sender,
      bank,
      resolveScorer: async () => scorer,
      logger,
      limiter: { max: 10_000, duration: 1_000 },
      // One workspace, many channels: the per-workspace pace is the pacing bench's subject, not this one's.
      pacing: { slack: UNBOUNDED_POST_PACES },
      concurrency: 64,
      peer: { platforms: { slack: new SlackPeerPlatform(sender.client) }, settings: DEFAULT_PEER_SETTINGS },
    });
    const config: AppConfig = { slack: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, socketMode: false, apiUrl: stub.apiUrl }, port: 0, redisUrl: redis.url, sessionTtlDays: 30, contentDir: 'content', logLevel: 'error' };
    const bot = await runBot(config, { producer: createInteractionProducer(redis.url, { prefix, timeoutMs: 10_000 }), listen: { port: 0, host: '127.0.0.1' }, logger });
    const http = new SlackHttp(`http://127.0.0.1:${bot.port}/slack/events`, SIGNING_SECRET);
    const slot = limiter(IN_FLIGHT);
    /** Sends one signed request when a slot is free; returns when it was really sent. */
    // A keep-alive socket the server closed as it was reused fails with ECONNRESET before the
    // request reached Bolt; like Slack, send it again (the app dedupes a real duplicate).
    const send = (request: () => Promise<unknown>): Promise<number> =>
      slot(async () => {
        for (let attempt = 1; ; attempt += 1) {
          const sentAt = performance.now();
          try {
            await request();
            return sentAt;
          } catch (error) {
            if (attempt >= 3 || (error as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw error;
            resets += 1;
          }
        }
      });
    const probe = new Redis(redis.url);

    // Every stored message wakes whoever waits for it, stamped when the stand-in got it.
    const waiters = new Set<Waiter>();
    const push = stub.messages.push.bind(stub.messages);
    stub.messages.push = (...messages: StoredMessage[]) => {
      const at = performance.now();
      for (const message of messages) for (const waiter of waiters) if (waiter.match(message)) { waiters.delete(waiter); waiter.resolve(at); }
      return push(...messages);
    };
    const next = (match: (message: StoredMessage) => boolean): Promise<number> => new Promise((resolve) => waiters.add({ match, resolve }));
    let views = 0;
    let resets = 0;
    const latencies: Record<string, number[]> = { start: [], brief: [], answer: [], 'follow-up': [], scorecard: [] };
    const sessionKeys: string[] = [];

    const runSession = async (index: number, phase: 'open' | 'close', state: Map<number, { root: StoredMessage; menu?: StoredMessage }>): Promise<void> => {
      const channel = `CB${index}`;
      const [interviewer, candidate] = [`UI${index}`, `UC${index}`];
      if (phase === 'open') {
        stub.setMembers(channel, [interviewer, candidate]);
        let root: StoredMessage | undefined;
        const rootSeen = next((m) => m.channel === channel && m.thread_ts === undefined && ((root = m), true));
        const briefSeen = next((m) => m.channel === interviewer);
        const sent = await send(() => http.command({ text: `peer <@${candidate}>`, team_id: 'T1', channel_id: channel, user_id: interviewer, trigger_id: `trig.b.${index}`, response_url: stub.responseUrl(`b${index}`) }));
        latencies.start!.push((await rootSeen) - sent);
        latencies.brief!.push((await briefSeen) - sent);
        const thread = (root as unknown as StoredMessage).ts;
        sessionKeys.push(`${prefix}:store:peer:session:{T1}:slack:T1:${channel}:${thread}`);
        for (let exchange = 0; exchange < 3; exchange += 1) {
          let menu: StoredMessage | undefined;
          const menuSeen = next((m) => m.channel === interviewer && ((menu = m), true));
          const answeredAt = await send(() => http.event(messageEnvelope('T1', `Ev.b.${index}.${exchange}`, { channel, user: candidate, text: ANSWERS[exchange], ts: `1900000${index}.00${exchange}100`, thread_ts: thread, parent_user_id: 'UBOT' })));
          latencies.answer!.push((await menuSeen) - answeredAt);
          const blocks = (menu as unknown as StoredMessage).blocks as { elements?: { action_id?: string; value?: string }[] }[];
          const button = blocks.flatMap((block) => block.elements ?? []).find((element) => element.action_id?.startsWith('obs_peer_follow-up'));
          const actionId = button?.action_id;
          if (!actionId) break;
          const postedSeen = next((m) => m.channel === channel && m.thread_ts === thread);
          const pressedAt = await send(() => http.action(buttonPayload({ teamId: 'T1', channelId: `D${index}`, userId: interviewer, actionId, value: button?.value ?? '', triggerId: `trig.f.${index}.${exchange}`, responseUrl: stub.responseUrl(`f${index}`), messageTs: (menu as unknown as StoredMessage).ts })));
          latencies['follow-up']!.push((await postedSeen) - pressedAt);
        }
        state.set(index, { root: root as unknown as StoredMessage });
        return;
      }
      const { root } = state.get(index) as { root: StoredMessage };
      const scorecardButton = ((root.blocks ?? []) as { elements?: { action_id?: string; value?: string }[] }[]).flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'obs_peer_scorecard');
      await send(() => http.action(buttonPayload({ teamId: 'T1', channelId: channel, userId: interviewer, actionId: 'obs_peer_scorecard', value: scorecardButton?.value ?? '', triggerId: `trig.s.${index}`, responseUrl: stub.responseUrl(`s${index}`), messageTs: root.ts })));
      const deadline = Date.now() + 60_000;
      let opened = stub.views.find((view) => view.triggerId === `trig.s.${index}`);
      while (!opened && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        opened = stub.views.find((view) => view.triggerId === `trig.s.${index}`);
      }
      if (!opened) throw new Error(`no scorecard modal for session ${index}`);
      views += 1;
      const values: Record<string, string> = { overall: 'yes', level: 'staff', notes: 'Good session.' };
      for (const block of opened.view.blocks as { block_id?: string }[]) if (block.block_id?.startsWith('point:')) values[block.block_id] = 'covered';
      const cardSeen = next((m) => m.channel === candidate);
      const submittedAt = await send(() => http.action(viewSubmissionPayload({ teamId: 'T1', userId: interviewer, viewId: opened.id, view: opened.view, values })));
      latencies.scorecard!.push((await cardSeen) - submittedAt);
    };

    const lines: string[] = [];
    let ok = true;
    try {
      const before = Number(/used_memory:(\d+)/.exec(await probe.info('memory'))?.[1] ?? 0);
      const state = new Map<number, { root: StoredMessage }>();
      const started = performance.now();
      await Promise.all(Array.from({ length: SESSIONS }, (_, index) => runSession(index, 'open', state)));
      const openedMs = performance.now() - started;
      const after = Number(/used_memory:(\d+)/.exec(await probe.info('memory'))?.[1] ?? 0);
      const sample = await Promise.all(sessionKeys.slice(0, 50).map((key) => probe.memory('USAGE', key)));
      const perSessionHash = sample.reduce<number>((sum, bytes) => sum + Number(bytes ?? 0), 0) / Math.max(1, sample.length);
      await Promise.all(Array.from({ length: SESSIONS }, (_, index) => runSession(index, 'close', state)));
      const totalMs = performance.now() - started;
      lines.push(`${SESSIONS} sessions at once: start + brief + 3 exchanges in ${(openedMs / 1000).toFixed(1)} s; with scorecards ${(totalMs / 1000).toFixed(1)} s (${views} modals; ${resets} requests re-sent after a keep-alive reset)`);
      for (const [kind, samples] of Object.entries(latencies)) {
        const summary = summarize(samples);
        lines.push(`${kind.padEnd(10)} action → message  n=${samples.length}  median ${formatMs(summary.median)}  p99 ${formatMs(summary.p99)}  max ${formatMs(summary.max)}`);
        if (summary.p99 > TARGET_P99_MS) ok = false;
      }
      lines.push(`Redis per open session: ${((after - before) / SESSIONS / 1024).toFixed(1)} KiB of used_memory growth (session, outbox plans and progress, dedupe keys, completed BullMQ jobs kept 1 h); the session hash alone ${(perSessionHash / 1024).toFixed(2)} KiB`);
      lines.push(`target: every p99 < ${formatMs(TARGET_P99_MS)}; ${ok ? 'met' : 'MISSED'}`);
    } finally {
      await bot.close();
      await worker.close();
      await probe.quit();
      await stub.close();
      await redis.stop();
      setLogSink(restore);
    }
    return { title: 'peer sessions (Slack stand-in)', lines, ok };
  },
};
