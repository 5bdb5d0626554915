import { Queue, Worker } from 'bullmq';
import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig, type AppConfig } from '../src/config/index.ts';
import { QuestionBank } from '../src/core/content/question-bank.ts';
import { encodeThreadId } from '../src/core/thread-id.ts';
import { createLogger, setLogSink } from '../src/infra/logger.ts';
import { closeConnection, createWorkerConnection, describeRedisUrl, type RedisConnection } from '../src/infra/redis.ts';
import { runWorker, type RunningWorker } from '../src/main/run-worker.ts';
import { INTERACTIONS_QUEUE, storePrefixOf } from '../src/queue/names.ts';
import { createInteractionProducer, type InteractionProducer } from '../src/queue/producers.ts';
import { createQueuedJobsEraser, interactionJobOf } from '../src/queue/user-jobs.ts';
import { createDailyStores, createStores } from '../src/store/index.ts';
import { DONE_PLAN } from '../src/store/outbox-store.ts';
import { totalOf, UserDataStore } from '../src/store/user-data-store.ts';
import { answerHash, RedisScoreCache, scoreCacheKey } from '../src/scoring/llm/cache.ts';
import { RedisScoreCacheEraser } from '../src/scoring/llm/cache-eraser.ts';
import { PeerPeopleStore } from '../src/store/peer-people-store.ts';
import { countSessions } from '../src/store/session-count.ts';
import { samplePacing, sampleQuestion } from './fixtures/sample-question.ts';
import { clusterUnsupported, startRedisCluster, type PrivateCluster } from './helpers/redis-cluster.ts';
import { runCli } from './helpers/run-cli.ts';
import { SlackApiStub } from './stubs/slack-api.ts';

/**
 * Scale-out on a real Redis Cluster: three masters on loopback from Debian's redis-server,
 * the real worker (BullMQ queues and our stores) and producer connected through ioredis
 * Cluster from REDIS_CLUSTER_NODES. A command and an answer go through the queue to the
 * Slack stand-in, which runs every multi-key script of an interaction (the session commit
 * with its outbox plan, the history record); the daily and peer stores' multi-key writes
 * run directly. Any key pair in different slots would fail with CROSSSLOT.
 */
const unsupported = await clusterUnsupported();

const BOT_TOKEN = 'xoxb-4242-4242-cluster-token';
const PREFIX = '{clu}';
const ANSWER = 'I would propagate context with the W3C traceparent header on every hop and use tail sampling to keep errors.';

const lines: string[] = [];
let restoreSink: ReturnType<typeof setLogSink>;
let cluster: PrivateCluster;
let stub: SlackApiStub;
let config: AppConfig;
let worker: RunningWorker;
let producer: InteractionProducer;
let redis: RedisConnection;

async function waitFor(predicate: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Every key in the cluster under a pattern, from each master (SCAN sees one node). */
async function keysOnEachMaster(pattern: string): Promise<string[][]> {
  if (!(redis instanceof Cluster)) throw new Error('expected a Cluster connection');
  return Promise.all(redis.nodes('master').map((node) => node.keys(pattern)));
}

describe.skipIf(unsupported !== undefined)(`Redis Cluster (3 masters on loopback)${unsupported ? ` — skipped: ${unsupported}` : ''}`, () => {
  beforeAll(async () => {
    restoreSink = setLogSink((line) => lines.push(line));
    cluster = await startRedisCluster(3);
    stub = await SlackApiStub.start({ token: BOT_TOKEN });
    config = loadConfig(
      { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: stub.origin, REDIS_CLUSTER_NODES: cluster.nodes.join(','), OBS_QUEUE_PREFIX: PREFIX, LOG_LEVEL: 'debug' },
      { role: 'worker' },
    );
    const logger = createLogger({ test: 'redis-cluster' }, 'debug');
    worker = await runWorker(config, { prefix: PREFIX, bank: new QuestionBank([sampleQuestion], samplePacing), env: {}, logger });
    producer = createInteractionProducer(config.redisUrl, { prefix: PREFIX });
    expect(await producer.waitUntilReady(15_000)).toBe(true);
    redis = createWorkerConnection(config.redisUrl);
  }, 120_000);

  afterAll(async () => {
    await producer?.close();
    await worker?.close();
    if (redis) await closeConnection(redis);
    await stub?.close();
    await cluster?.stop();
    setLogSink(restoreSink);
  }, 60_000);

  it('reads REDIS_CLUSTER_NODES into a cluster target, logged without secrets, and connects as a Cluster', async () => {
    expect(config.redisUrl).toBe(`redis-cluster://${cluster.nodes.join(',')}`);
    expect(describeRedisUrl(config.redisUrl)).toBe(`redis-cluster://${cluster.nodes.join(',')}`);
    expect(redis).toBeInstanceOf(Cluster);
    expect(await producer.ping()).toBe(true);
    if (!(redis instanceof Cluster)) return;
    expect(redis.nodes('master')).toHaveLength(3);
  });

  it('a command and an answer flow through BullMQ on the cluster to Slack, once each, with the session and outbox committed together', async () => {
    await producer.enqueue({ kind: 'command', platform: 'slack', workspaceId: 'T1', channelId: 'CCLU1', userId: 'U1', dedupeKey: 'trig.clu.1', receivedAt: Date.now(), responseUrl: stub.responseUrl('clu-1'), text: 'tracing' });
    await waitFor(() => stub.messages.some((message) => message.channel === 'CCLU1' && message.thread_ts === undefined), 'the question');
    const root = stub.messages.find((message) => message.channel === 'CCLU1' && message.thread_ts === undefined);
    if (!root) throw new Error('no question');

    const threadId = encodeThreadId({ platform: 'slack', workspace: 'T1', channel: 'CCLU1', thread: root.ts });
    // The session exists before the answer is enqueued (the question's plan creates it).
    let sessions = 0;
    const deadline = Date.now() + 30_000;
    while (sessions === 0 && Date.now() < deadline) {
      sessions = await countSessions(redis, storePrefixOf(PREFIX));
      if (sessions === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(sessions).toBe(1);

    const answer = { kind: 'answer' as const, platform: 'slack' as const, workspaceId: 'T1', channelId: 'CCLU1', userId: 'U2', dedupeKey: 'CCLU1-1800000000.000100', receivedAt: Date.now(), threadId, text: ANSWER, messageId: '1800000000.000100' };
    await producer.enqueue(answer);
    const toAnswerer = () => stub.callsTo('chat.postEphemeral').filter((call) => call.args.user === 'U2' && call.args.thread_ts === root.ts);
    await waitFor(() => toAnswerer().length > 0, 'the feedback');
    expect(JSON.stringify(toAnswerer()[0]?.args.blocks)).toContain('Context propagation');
    // The same answer again (a redelivered event): no second feedback.
    await producer.enqueue({ ...answer, receivedAt: Date.now() });
    // Until the queue is idle: a duplicate that slipped through would have posted by then.
    const interactions = new Queue(INTERACTIONS_QUEUE, { connection: redis, prefix: PREFIX });
    try {
      await vi.waitFor(async () => expect(Object.values(await interactions.getJobCounts('waiting', 'active', 'delayed', 'prioritized')).every((count) => count === 0)).toBe(true), { timeout: 30_000, interval: 50 });
    } finally {
      await interactions.close();
    }
    expect(toAnswerer().filter((call) => JSON.stringify(call.args.blocks).includes('Context propagation'))).toHaveLength(1);
    expect(stub.messages.filter((message) => message.channel === 'CCLU1' && message.thread_ts === undefined)).toHaveLength(1);

    // The outbox plan sits in the session's slot, and every key of a queue in the queue's.
    const [sessionKeys, outboxKeys, queueKeys] = await Promise.all([keysOnEachMaster('clu:store:session:*'), keysOnEachMaster('clu:store:outbox:*'), keysOnEachMaster('{clu}:interactions:*')]);
    const holding = (perNode: string[][]) => perNode.map((keys, index) => (keys.length > 0 ? index : -1)).filter((index) => index >= 0);
    expect(holding(sessionKeys)).toHaveLength(1);
    expect(holding(outboxKeys)).toEqual(holding(sessionKeys));
    expect(holding(queueKeys)).toHaveLength(1);
    expect(queueKeys.flat().length).toBeGreaterThan(3);
  }, 90_000);

  it("runs the daily and peer stores' multi-key writes across slots without CROSSSLOT", async () => {
    const daily = createDailyStores(redis, storePrefixOf(PREFIX));
    const channelKey = 'slack:T1:CCLU2';
    const choice = { questionId: sampleQuestion.id, topic: 'tracing', cycle: [sampleQuestion.id] };
    expect(await daily.channels.applyAsked(channelKey, '2026-12-01', choice)).toBe(true);
    expect(await daily.channels.applyCoverage(channelKey, '2026-12-01', 'tracing', 2, 4)).toBe(true);
    await daily.answers.record({ channelKey, workspaceId: 'T1', userId: 'U7', localDate: '2026-12-01', pointsCovered: 3 });
    expect(await daily.answers.answerers(channelKey)).toEqual(['U7']);
    expect(await daily.answers.channelsOf('T1', 'U7')).toEqual([channelKey]);
    expect(await daily.answers.daysOf(channelKey, 'U7')).toEqual(new Map([['2026-12-01', 3]]));

    // Eight people: their keys hash to different slots, so this spans nodes.
    const people = new PeerPeopleStore(redis, storePrefixOf(PREFIX));
    const users = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8'];
    await people.markSeen('slack', 'T1', users, sampleQuestion.id);
    expect(await people.seen('slack', 'T1', users)).toEqual(new Set([sampleQuestion.id]));
    const seenKeys = await keysOnEachMaster('clu:store:peer:seen:*');
    expect(seenKeys.filter((keys) => keys.length > 0).length).toBeGreaterThan(1);
  });

  it('a plain BullMQ queue and worker under the hash-tagged prefix work on the cluster', async () => {
    const queue = new Queue('cluster-probe', { connection: redis, prefix: PREFIX });
    const done: string[] = [];
    const probe = new Worker('cluster-probe', async (job) => void done.push(String(job.data.n)), { connection: redis, prefix: PREFIX });
    try {
      await Promise.all([1, 2, 3].map((n) => queue.add('probe', { n }, { jobId: `probe-${n}` })));
      await queue.add('probe', { n: 1 }, { jobId: 'probe-1' });
      await waitFor(() => done.length === 3, 'three probe jobs');
      expect(done.sort()).toEqual(['1', '2', '3']);
    } finally {
      await probe.close();
      await queue.close();
    }
  });

  it("finds one person's keys on every master: `obs-bot export` over REDIS_CLUSTER_NODES prints them all, and forget-me deletes them all", async () => {
    const stores = createStores(redis, { prefix: storePrefixOf(PREFIX) });
    const channels = ['slack:T1:CFGA', 'slack:T1:CFGB', 'slack:T1:CFGC', 'slack:T1:CFGD', 'slack:T1:CFGE'];
    for (const channelKey of channels) {
      await stores.daily.answers.record({ channelKey, workspaceId: 'T1', userId: 'UFORGET', localDate: '2026-12-01', pointsCovered: 2 });
    }
    await stores.history.record({ workspaceId: 'T1', userId: 'UFORGET', answerId: 'a-forget', sessionId: 'slack:T1:CFGA:1.1', topic: 'tracing', coverage: 55, at: Date.now() });
    // Unfinished plans of their events in five workspaces: five `{workspace}` slots.
    const workspaces = ['T1', 'T2', 'T3', 'T4', 'T5'];
    for (const workspaceId of workspaces) {
      await stores.outbox.create(workspaceId, 'answer:CFG:1.1', JSON.stringify({ v: 1, platform: 'slack', workspaceId, eventKey: 'answer:CFG:1.1', userId: 'UFORGET', steps: [] }), [['react', '1']]);
    }
    expect((await keysOnEachMaster('clu:store:outbox:*:answer:CFG:1.1')).filter((keys) => keys.length > 0).length).toBeGreaterThan(1);
    // A delayed job of theirs on a queue under the cluster's prefix (one slot, like every queue).
    const queue = new Queue('forget-probe', { connection: redis, prefix: PREFIX });
    await queue.add('answer', { kind: 'answer', platform: 'slack', workspaceId: 'T1', userId: 'UFORGET', text: ANSWER }, { jobId: 'forget-delayed', delay: 3_600_000 });
    expect(await createQueuedJobsEraser([{ queue, belongsTo: interactionJobOf }]).eraseJobsOf('slack', 'UFORGET')).toEqual({ ids: ['forget-probe:forget-delayed'], answers: [ANSWER] });
    expect(await queue.getJob('forget-delayed')).toBeUndefined();
    await queue.close();
    const personal = async () => (await keysOnEachMaster('clu:store:*UFORGET*')).map((keys) => keys.length);
    // The person's keys really are spread over more than one node.
    expect((await personal()).filter((count) => count > 0).length).toBeGreaterThan(1);

    const exported = await runCli(['export', '--user', 'UFORGET'], { env: { REDIS_CLUSTER_NODES: cluster.nodes.join(','), OBS_QUEUE_PREFIX: PREFIX } });
    expect(exported.code, exported.stderr).toBe(0);
    const records = (JSON.parse(exported.stdout) as { records: Record<string, unknown> }).records;
    for (const channelKey of channels) expect(records[`daily:answers:{${channelKey}}:UFORGET`]).toEqual({ '2026-12-01': '2' });
    expect(records['history:{T1:UFORGET}:totals']).toEqual({ answers: '1' });

    const counts = await new UserDataStore(redis, storePrefixOf(PREFIX)).forget('slack', 'UFORGET');
    expect(totalOf(counts)).toBeGreaterThan(channels.length);
    expect(counts.plans).toBe(workspaces.length);
    expect(await personal()).toEqual([0, 0, 0]);
    // Each plan is left as the finished-plan marker (nothing in it); the progress goes.
    const left = (await keysOnEachMaster('clu:store:outbox:*:answer:CFG:1.1*')).flat();
    expect(left.filter((key) => key.endsWith(':progress'))).toEqual([]);
    expect(await Promise.all(left.map((key) => redis.get(key)))).toEqual(workspaces.map(() => DONE_PLAN));
  }, 60_000);

  it('forget-me finds cached LLM verdicts on every master (keys under a prefix without a hash tag spread over the slots)', async () => {
    const cache = new RedisScoreCache(redis, 'clucache', 600);
    const mine = ['gpt-a', 'gpt-b', 'gpt-c', 'gpt-d', 'gpt-e', 'gpt-f'].map((model) => scoreCacheKey(sampleQuestion, model, ANSWER));
    const theirs = scoreCacheKey(sampleQuestion, 'gpt-a', 'their answer');
    for (const key of [...mine, theirs]) await cache.set(key, { points: [] });
    expect((await keysOnEachMaster('clucache:llm:score:*')).filter((keys) => keys.length > 0).length).toBeGreaterThan(1);
    expect(await new RedisScoreCacheEraser(redis, 'clucache').eraseVerdictsFor([answerHash(ANSWER)])).toHaveLength(mine.length);
    expect((await keysOnEachMaster('clucache:llm:score:*')).flat()).toEqual([`clucache:${theirs}`]);
  });

  it('logged no CROSSSLOT and no worker error', () => {
    expect(lines.filter((line) => line.includes('CROSSSLOT'))).toEqual([]);
    expect(lines.filter((line) => /"level":"error"/.test(line))).toEqual([]);
  });
});
