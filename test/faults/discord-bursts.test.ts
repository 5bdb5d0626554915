import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/infra/logger.ts';
import { sampleQuestion, samplePacing } from '../fixtures/sample-question.ts';
import { testRedisUrl, uniquePrefix } from '../helpers/redis.ts';
import { BOT_USER_ID, type ScriptedReply, type StoredMessage } from '../stubs/discord-api.ts';
import { CHANNEL, GUILD, startDiscordHarness, type DiscordHarness } from '../stubs/discord-harness.ts';
import { chatInput, threadCreate, threadMessage, type Actor } from '../stubs/discord-payloads.ts';

/**
 * Discord answering in bursts of 500s and 429s (Retry-After, X-RateLimit-*): a mock
 * interview in a thread is played twice with the same answers, once against a healthy
 * Discord and once against a failing one; the failing run must leave the thread exactly as
 * the healthy one did, every message once and in the same order.
 */
const ANSWERS = [
  'Requirements: the SLO, the traffic, the retention, and who gets paged.',
  'Architecture: propagate the W3C traceparent header across queues, export through a collector.',
  'Tail sampling keeps the errors and the slow traces; a batch exporter bounds the cpu overhead.',
  'Alerting: burn-rate alerts on the SLO over a short and a long window.',
];
const cleo: Actor = { guildId: GUILD, channelId: CHANNEL, userId: '950000000000000003' };
let h: DiscordHarness | undefined;

afterEach(async () => {
  await h?.close();
  h = undefined;
});

function textOf(message: StoredMessage): string {
  return [message.content ?? '', ...message.embeds.map((embed) => `${embed.title ?? ''}\n${embed.description ?? ''}`)].join('\n');
}

/** `expected`: how many thread messages to wait for (the healthy run's), before settling. */
async function playInterview(harness: DiscordHarness, expected = 0): Promise<string[]> {
  const { stub } = harness;
  stub.dispatch('INTERACTION_CREATE', chatInput(cleo, ['mock'], {}));
  await stub.waitFor(() => stub.messages.some((m) => m.channel_id === CHANNEL && m.embeds.length > 0), 20_000, 'the mock question');
  const root = stub.messages.find((m) => m.channel_id === CHANNEL && m.embeds.length > 0) as StoredMessage;
  await stub.waitFor(() => stub.threads.has(root.id), 10_000, 'the thread');
  stub.dispatch('THREAD_CREATE', threadCreate(GUILD, CHANNEL, root.id, BOT_USER_ID));
  const inThread = () => stub.messages.filter((m) => m.channel_id === root.id);
  await stub.waitFor(() => inThread().length >= 1, 20_000, 'the first phase prompt');
  for (const answer of ANSWERS) {
    stub.dispatch('MESSAGE_CREATE', threadMessage({ ...cleo, channelId: root.id, thread: { parentId: CHANNEL } }, answer));
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  // Retries back off for seconds (1 s, 2 s, 4 s): wait for as many messages as the healthy run had.
  await stub.waitFor(() => inThread().length >= expected, 60_000, `${expected} messages in the thread`);
  // Settled: every answer has had its reply, and nothing more (no duplicate) arrives for a moment.
  let count = -1;
  while (count !== inThread().length) {
    count = inThread().length;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
  }
  return inThread().map(textOf);
}

const start = () =>
  startDiscordHarness({ redisUrl: testRedisUrl(), prefix: uniquePrefix('dc-burst'), questions: [sampleQuestion], pacing: samplePacing, messageContent: true, logger: createLogger({ test: 'discord-bursts' }, 'warn') });

describe('Discord API bursts of 500s and 429s', () => {
  it('every message in the mock’s thread arrives once, in the order a healthy Discord shows them', async () => {
    h = await start();
    const healthy = await playInterview(h);
    expect(healthy.length).toBeGreaterThan(ANSWERS.length);
    await h.close();

    h = await start();
    const limited: ScriptedReply = { status: 429, body: { message: 'You are being rate limited.', retry_after: 0.3, global: false }, headers: { 'retry-after': '0.3', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '0.3', 'x-ratelimit-limit': '5', 'x-ratelimit-bucket': 'burst' } };
    const failed: ScriptedReply = { status: 500 };
    const lost: ScriptedReply = { status: 502, afterEffect: true };
    h.stub.script({ method: 'POST', path: /^\/channels\/\d+\/messages$/ }, failed, limited, lost, failed, failed, limited, lost, failed, limited, failed);
    const failing = await playInterview(h, healthy.length);
    const refused = h.stub.callsTo('POST', /^\/channels\/\d+\/messages$/).length - h.stub.messages.length;
    expect(refused).toBeGreaterThanOrEqual(5);
    expect(failing).toEqual(healthy);
  }, 180_000);
});
