import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, setLogSink } from '../src/infra/logger.ts';
import { sampleQuestion, samplePacing } from './fixtures/sample-question.ts';
import { testRedisUrl, uniquePrefix } from './helpers/redis.ts';
import { BOT_USER_ID, type StoredMessage } from './stubs/discord-api.ts';
import { ADMIN_USER, CHANNEL, CHANNEL_2, GUILD, startDiscordHarness, type DiscordHarness } from './stubs/discord-harness.ts';
import { chatInput, MANAGE_GUILD, threadCreate, threadMessage, type Actor } from './stubs/discord-payloads.ts';

/**
 * Delivery against the local Discord with DISCORD_MESSAGE_CONTENT on: the intents asked
 * for, answers typed in a thread, 429s and 5xx from REST, and daily questions in a
 * Discord channel through the same daily worker as Slack.
 */
const ANSWER = 'Propagate the W3C traceparent header across queues, and use tail sampling to keep errors. A batch exporter bounds cpu overhead.';
const lines: string[] = [];
let restoreSink: ReturnType<typeof setLogSink>;
let h: DiscordHarness;

const admin: Actor = { guildId: GUILD, channelId: CHANNEL_2, userId: ADMIN_USER, permissions: MANAGE_GUILD };
const cleo: Actor = { guildId: GUILD, channelId: CHANNEL, userId: '950000000000000003' };

async function callbackOf(interactionId: string): Promise<{ type: number; data?: Record<string, unknown> }> {
  await h.stub.waitFor(() => h.stub.callbacksFor(interactionId).length > 0, 5_000, `the callback for ${interactionId}`);
  return h.stub.callbacksFor(interactionId)[0]?.body as { type: number; data?: Record<string, unknown> };
}

function textOf(message: { content?: unknown; embeds?: unknown }): string {
  const embeds = (message.embeds ?? []) as { title?: string; description?: string }[];
  return [String(message.content ?? ''), ...embeds.map((e) => `${e.title ?? ''}\n${e.description ?? ''}`)].join('\n');
}

async function askIn(actor: Actor): Promise<StoredMessage> {
  const before = h.stub.messages.length;
  const interaction = chatInput(actor, ['ask'], { topic: 'tracing' });
  h.stub.dispatch('INTERACTION_CREATE', interaction);
  await h.stub.waitFor(() => h.stub.messages.slice(before).some((m) => m.channel_id === actor.channelId && m.embeds.length > 0), 10_000, 'the question');
  return h.stub.messages.slice(before).find((m) => m.channel_id === actor.channelId && m.embeds.length > 0) as StoredMessage;
}

beforeAll(async () => {
  restoreSink = setLogSink((line) => lines.push(line));
  h = await startDiscordHarness({ redisUrl: testRedisUrl(), prefix: uniquePrefix('dc-del'), questions: [sampleQuestion], pacing: samplePacing, messageContent: true, logger: createLogger({ test: 'discord-delivery' }, 'debug') });
});

afterAll(async () => {
  await h?.close();
  setLogSink(restoreSink);
});

describe('Discord delivery', () => {
  it('with DISCORD_MESSAGE_CONTENT the gateway asks for Guilds, GuildMessages and MessageContent', () => {
    expect(h.stub.identifies[0]?.intents).toBe(1 | (1 << 9) | (1 << 15));
  });

  it('a reply typed in the question’s thread is an answer: 👀, scored, private feedback by DM (no interaction to reply through), ✅', async () => {
    const root = await askIn(cleo);
    await h.stub.waitFor(() => h.stub.threads.has(root.id), 5_000, 'the thread');
    h.stub.dispatch('THREAD_CREATE', threadCreate(GUILD, CHANNEL, root.id, BOT_USER_ID));
    const message = threadMessage({ ...cleo, channelId: root.id, thread: { parentId: CHANNEL } }, ANSWER);
    h.stub.dispatch('MESSAGE_CREATE', message);
    await h.stub.waitFor(() => h.stub.messages.some((m) => m.channel_id.startsWith('7') && textOf(m).includes('Coverage')), 10_000, 'feedback by DM');
    const reactions = h.stub.callsTo('PUT', new RegExp(`^/channels/${root.id}/messages/${message.id}/reactions/`)).map((call) => call.path);
    expect(reactions.some((path) => path.includes('👀'))).toBe(true);
    await h.stub.waitFor(() => h.stub.callsTo('PUT', new RegExp(`^/channels/${root.id}/messages/${message.id}/reactions/✅`)).length > 0, 5_000, 'the ✅');
    // Replayed MESSAGE_CREATE: the same job id, so no second feedback.
    const feedbackCount = () => h.stub.messages.filter((m) => m.channel_id.startsWith('7') && textOf(m).includes('Coverage')).length;
    const before = feedbackCount();
    h.stub.dispatch('MESSAGE_CREATE', message);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(feedbackCount()).toBe(before);
  });

  it('waits out a 429 (Retry-After, X-RateLimit-*) in the REST queue and posts once', async () => {
    h.stub.script(
      { method: 'POST', path: new RegExp(`^/channels/${CHANNEL}/messages$`) },
      { status: 429, body: { message: 'You are being rate limited.', retry_after: 0.3, global: false }, headers: { 'retry-after': '0.3', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '0.3', 'x-ratelimit-limit': '5', 'x-ratelimit-bucket': 'b1' } },
    );
    const root = await askIn(cleo);
    const posts = h.stub.callsTo('POST', new RegExp(`^/channels/${CHANNEL}/messages$`)).filter((call) => (call.body?.nonce as string | undefined) !== undefined && call.at >= Date.now() - 10_000);
    const limited = posts.at(-2);
    const retried = posts.at(-1);
    expect(retried?.at ?? 0).toBeGreaterThanOrEqual((limited?.at ?? 0) + 250);
    expect(h.stub.messages.filter((m) => m.id === root.id)).toHaveLength(1);
  });

  it('a 500 after Discord stored the message: the retry carries the same nonce and gets the same message back', async () => {
    h.stub.script({ method: 'POST', path: new RegExp(`^/channels/${CHANNEL}/messages$`) }, { status: 500, afterEffect: true });
    const before = h.stub.messages.length;
    const root = await askIn(cleo);
    // The stand-in stored the message on the first attempt, so it is visible before the retry.
    const attempts = () => h.stub.callsTo('POST', new RegExp(`^/channels/${CHANNEL}/messages$`)).filter((call) => call.body?.nonce === h.stub.messages.find((m) => m.id === root.id)?.nonce);
    await h.stub.waitFor(() => attempts().length >= 2, 5_000, 'the retry');
    await h.stub.waitFor(() => h.stub.threads.has(root.id), 5_000, 'the thread');
    expect(h.stub.messages.slice(before).filter((m) => m.channel_id === CHANNEL)).toHaveLength(1);
  });

  it('daily questions work in a Discord channel: set (Manage Server, checked again by the worker) → now → a question with its thread', async () => {
    const set = chatInput(admin, ['daily', 'set'], { time: '09:30', timezone: 'Europe/Berlin', days: 'daily' });
    h.stub.dispatch('INTERACTION_CREATE', set);
    expect((await callbackOf(set.id)).type).toBe(5);
    await h.stub.waitFor(() => h.stub.callsTo('PATCH', new RegExp(`^/webhooks/\\d+/${set.token}/messages/@original$`)).length > 0, 10_000, 'the confirmation');
    const confirmation = h.stub.callsTo('PATCH', new RegExp(`/${set.token}/messages/@original$`))[0];
    expect(textOf(confirmation?.body ?? {})).toContain('Daily questions are on');
    // The worker asked Discord who this member is (roles → Manage Server).
    expect(h.stub.callsTo('GET', new RegExp(`^/guilds/${GUILD}/members/${ADMIN_USER}$`)).length).toBeGreaterThan(0);
    expect(h.stub.messages.some((m) => m.channel_id === CHANNEL_2 && (m.content ?? '').includes('set up a daily question'))).toBe(true);

    const before = h.stub.messages.length;
    const now = chatInput(admin, ['daily', 'now']);
    h.stub.dispatch('INTERACTION_CREATE', now);
    await h.stub.waitFor(() => h.stub.messages.slice(before).some((m) => m.channel_id === CHANNEL_2 && m.embeds.length > 0), 15_000, 'the daily question');
    const daily = h.stub.messages.slice(before).find((m) => m.channel_id === CHANNEL_2 && m.embeds.length > 0) as StoredMessage;
    expect(daily.content).toContain('Daily question');
    await h.stub.waitFor(() => h.stub.threads.has(daily.id), 5_000, 'the daily thread');

    // Asking again the same day is told where today's is; nothing new is posted.
    const again = chatInput(admin, ['daily', 'now']);
    h.stub.dispatch('INTERACTION_CREATE', again);
    await h.stub.waitFor(() => h.stub.callsTo('PATCH', new RegExp(`/${again.token}/messages/@original$`)).length > 0, 10_000, 'the second reply');
    expect(textOf(h.stub.callsTo('PATCH', new RegExp(`/${again.token}/messages/@original$`))[0]?.body ?? {})).toMatch(/already up/);
    expect(h.stub.messages.filter((m) => m.channel_id === CHANNEL_2 && m.embeds.length > 0)).toHaveLength(1);
  });

  it('the worker checks Manage Server again through the REST API: a member Discord does not know as a manager is refused', async () => {
    // The interaction claims Manage Server, but the guild's roles (GET guild + member) do not give it.
    const stranger: Actor = { guildId: GUILD, channelId: CHANNEL_2, userId: '950000000000000077', permissions: MANAGE_GUILD };
    const off = chatInput(stranger, ['daily', 'off']);
    h.stub.dispatch('INTERACTION_CREATE', off);
    expect((await callbackOf(off.id)).type).toBe(5);
    await h.stub.waitFor(() => h.stub.callsTo('PATCH', new RegExp(`/${off.token}/messages/@original$`)).length > 0, 10_000, 'the refusal');
    expect(textOf(h.stub.callsTo('PATCH', new RegExp(`/${off.token}/messages/@original$`))[0]?.body ?? {})).toMatch(/only workspace admins and owners can change this channel/);
    expect((await h.worker.daily.stores.daily.schedules.get(`discord:${GUILD}:${CHANNEL_2}`))?.enabled).not.toBe(false);
  });
});

