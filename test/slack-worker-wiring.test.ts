import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { runWorker, type RunningWorker } from '../src/main/run-worker.ts';
import { loadConfig } from '../src/config/index.ts';
import { QuestionBank } from '../src/core/content/question-bank.ts';
import { encodeThreadId } from '../src/core/thread-id.ts';
import { createLogger, setLogSink } from '../src/infra/logger.ts';
import { createInteractionProducer, type InteractionProducer } from '../src/queue/producers.ts';
import { StoreKeys } from '../src/store/keys.ts';
import { SessionStore } from '../src/store/session-store.ts';
import { sampleQuestion, samplePacing } from './fixtures/sample-question.ts';
import { testRedisUrl, uniquePrefix } from './helpers/redis.ts';
import { textOf, TOKEN } from './slack-worker.harness.ts';
import { SlackApiStub } from './stubs/slack-api.ts';

/**
 * The production wiring end to end: config → runWorker (real Slack sender, real scoring
 * resolver with the keyword scorer) ← the adapter's real producer. Only Slack is a stand-in.
 */
describe('slack worker: production wiring', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('takes jobs from the adapter’s producer, scores with the keyword scorer, and closes cleanly', async () => {
    const logs: string[] = [];
    const previous = setLogSink((line) => logs.push(line));
    cleanups.push(async () => void setLogSink(previous));
    const stub = await SlackApiStub.start({ token: TOKEN });
    cleanups.push(() => stub.close());
    const config = loadConfig({ SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: stub.origin, REDIS_URL: testRedisUrl() }, { role: 'worker' });
    const prefix = uniquePrefix('wiring');
    const running: RunningWorker = await runWorker(config, {
      prefix,
      bank: new QuestionBank([sampleQuestion], samplePacing),
      env: {},
      logger: createLogger({ test: prefix }, 'debug'),
    });
    cleanups.push(() => running.close());
    const producer: InteractionProducer = createInteractionProducer(testRedisUrl(), { prefix });
    cleanups.push(() => producer.close());
    expect(await producer.waitUntilReady(5_000)).toBe(true);

    const base = { platform: 'slack' as const, workspaceId: 'T9', channelId: 'C9', receivedAt: Date.now() };
    await producer.enqueue({ kind: 'command', ...base, userId: 'U1', dedupeKey: 'trig-1', text: '', responseUrl: stub.responseUrl('1') });
    await stub.waitFor(() => stub.messages.length === 1, 20_000, 'the question');
    const rootTs = stub.messages[0]?.ts ?? '';
    // The session is stored under the thread's ts, which Slack gives only in the post's reply:
    // a reply enqueued in the instant between the post and that write would find no session.
    const threadId = encodeThreadId({ platform: 'slack', workspace: 'T9', channel: 'C9', thread: rootTs });
    const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
    cleanups.push(async () => void (await redis.quit()));
    const sessions = new SessionStore(redis, new StoreKeys(`${prefix}:store`));
    const deadline = Date.now() + 20_000;
    while (!(await sessions.get(threadId)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));

    await producer.enqueue({
      kind: 'answer',
      ...base,
      userId: 'U2',
      dedupeKey: 'C9-1800.0001',
      threadId,
      text: 'Every service forwards the W3C traceparent header, and we use tail sampling to keep errors.',
      messageId: '1800.0001',
    });
    await stub.waitFor(() => stub.callsTo('chat.postEphemeral').length === 1, 20_000, 'feedback');
    const feedback = textOf(stub.callsTo('chat.postEphemeral')[0]?.args.blocks);
    expect(feedback).toMatch(/Coverage [1-4]\/4/);
    expect(feedback).toMatch(/✅ \*Context propagation\*: “[^”]*traceparent/i);
    expect(feedback).toContain('scored by keywords');

    await running.close();
    expect(running.worker.worker.isRunning()).toBe(false);
    expect(logs.some((line) => line.includes('worker stopped'))).toBe(true);
    expect(logs.filter((line) => line.includes(TOKEN))).toEqual([]);
  }, 60_000);
});
