import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, setLogSink } from '../src/infra/logger.ts';
import { sampleQuestion, samplePacing } from './fixtures/sample-question.ts';
import { testRedisUrl, uniquePrefix } from './helpers/redis.ts';
import type { StoredMessage } from './stubs/discord-api.ts';
import { CHANNEL, DISCORD_TOKEN, GUILD, startDiscordHarness, type DiscordHarness } from './stubs/discord-harness.ts';
import { BOT_USER_ID } from './stubs/discord-api.ts';
import { autocomplete, buttonPress, chatInput, modalSubmit, threadCreate, type Actor } from './stubs/discord-payloads.ts';

/**
 * The Discord path end to end with real parts: raw gateway dispatches → discord.js →
 * BullMQ on the suite's Redis → the worker → DiscordSender → the local Discord's REST.
 */
const ANSWER =
  'I would propagate context with the W3C traceparent header on every hop, including queue messages, ' +
  'and use tail sampling to keep errors and slow traces. The batch exporter keeps cpu overhead low.';

const lines: string[] = [];
let restoreSink: ReturnType<typeof setLogSink>;
let h: DiscordHarness;

const ana: Actor = { guildId: GUILD, channelId: CHANNEL, userId: '950000000000000001' };
const ben: Actor = { guildId: GUILD, channelId: CHANNEL, userId: '950000000000000002' };

function customIds(message: StoredMessage): string[] {
  return message.components.flatMap((row) => row.components.map((component) => component.custom_id ?? ''));
}

async function callbackOf(interactionId: string): Promise<{ type: number; data?: Record<string, unknown>; at: number }> {
  await h.stub.waitFor(() => h.stub.callbacksFor(interactionId).length > 0, 5_000, `the callback for ${interactionId}`);
  const call = h.stub.callbacksFor(interactionId)[0];
  return { ...(call?.body as { type: number; data?: Record<string, unknown> }), at: call?.at ?? 0 };
}

/** Follow-ups and @original edits on one interaction's webhook, in order. */
function webhookCalls(token: string): { method: string; body: Record<string, unknown> }[] {
  return h.stub.calls.filter((call) => call.path.startsWith(`/webhooks/`) && call.path.includes(`/${token}`)).map((call) => ({ method: call.method, body: call.body ?? {} }));
}

function textOf(body: Record<string, unknown>): string {
  const embeds = (body.embeds ?? []) as { title?: string; description?: string; footer?: { text: string } }[];
  return [String(body.content ?? ''), ...embeds.map((e) => [e.title ?? '', e.description ?? '', e.footer?.text ?? ''].join('\n'))].join('\n');
}

async function ask(actor: Actor, topic?: string): Promise<StoredMessage> {
  const before = h.stub.messages.length;
  const interaction = chatInput(actor, ['ask'], topic ? { topic } : {});
  const dispatchedAt = Date.now();
  h.stub.dispatch('INTERACTION_CREATE', interaction);
  const callback = await callbackOf(interaction.id);
  expect(callback.type).toBe(4);
  expect(callback.at - dispatchedAt).toBeLessThan(3_000);
  await h.stub.waitFor(() => h.stub.messages.slice(before).some((m) => m.channel_id === actor.channelId), 10_000, 'the question');
  return h.stub.messages.slice(before).find((m) => m.channel_id === actor.channelId) as StoredMessage;
}

beforeAll(async () => {
  restoreSink = setLogSink((line) => lines.push(line));
  h = await startDiscordHarness({ redisUrl: testRedisUrl(), prefix: uniquePrefix('dc-e2e'), questions: [sampleQuestion], pacing: samplePacing, logger: createLogger({ test: 'discord-e2e' }, 'debug') });
});

afterAll(async () => {
  if (process.env.DEBUG_LOGS) console.log(lines.filter((l) => /"level":"(warn|error)"/.test(l)).slice(0, 20).join('\n'));
  await h?.close();
  setLogSink(restoreSink);
});

describe('Discord end to end', () => {
  it('asks without privileged intents: IDENTIFY requests Guilds only', () => {
    expect(h.stub.identifies).toHaveLength(1);
    expect(h.stub.identifies[0]?.intents).toBe(1);
  });

  it('ask → question embed with buttons and a thread → Answer opens a modal → submit → private feedback, once', async () => {
    const root = await ask(ana, 'tracing');
    expect(root.embeds[0]?.title).toContain(sampleQuestion.title.slice(0, 40));
    expect(customIds(root)).toEqual(['obs:answer', 'obs:hint', 'obs:reveal', 'obs:next', 'obs:finish', 'obs:mock-me']);
    await h.stub.waitFor(() => h.stub.threads.has(root.id), 5_000, 'the thread');
    expect(h.stub.threads.get(root.id)).toBe(CHANNEL);

    // Answer: the response is the modal itself, naming the session.
    const press = buttonPress(ben, root, 'obs:answer');
    h.stub.dispatch('INTERACTION_CREATE', press);
    const modal = await callbackOf(press.id);
    expect(modal.type).toBe(9);
    const threadId = `discord:${GUILD}:${CHANNEL}:${root.id}`;
    expect(modal.data?.custom_id).toBe(`obs:answer-modal:${threadId}`);
    expect(JSON.stringify(modal.data)).toContain('"max_length":4000');

    const submit = modalSubmit({ ...ben, channelId: CHANNEL }, `obs:answer-modal:${threadId}`, ANSWER);
    h.stub.dispatch('INTERACTION_CREATE', submit);
    const receipt = await callbackOf(submit.id);
    expect(receipt.type).toBe(4);
    expect(receipt.data?.flags).toBe(64);
    await h.stub.waitFor(() => webhookCalls(submit.token).some((call) => textOf(call.body).includes('Next →')), 10_000, 'feedback and follow-up');
    const followUps = webhookCalls(submit.token);
    expect(followUps.every((call) => call.method === 'POST' && call.body.flags === 64)).toBe(true);
    const feedback = followUps.map((call) => textOf(call.body)).join('\n');
    expect(feedback).toMatch(/Coverage \d\/4/);
    expect(feedback).toContain('✅ **Context propagation**');
    expect(feedback).toContain('traceparent');
    // Nothing public in the thread: channel feedback is private.
    expect(h.stub.messages.filter((m) => m.channel_id === root.id)).toEqual([]);

    // The same dispatch again (a resumed session replaying it): no second reply, no second feedback.
    const sent = webhookCalls(submit.token).length;
    h.stub.dispatch('INTERACTION_CREATE', submit);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(h.stub.callbacksFor(submit.id)).toHaveLength(1);
    expect(webhookCalls(submit.token)).toHaveLength(sent);

    // Finish → the scorecard, privately, on the button's own interaction.
    const finish = buttonPress(ben, root, 'obs:finish');
    h.stub.dispatch('INTERACTION_CREATE', finish);
    expect((await callbackOf(finish.id)).type).toBe(6);
    await h.stub.waitFor(() => webhookCalls(finish.token).some((call) => textOf(call.body).includes('Scorecard')), 10_000, 'the scorecard');
  });

  it('refuses daily set without Manage Server at once, with no job; with it, the worker sets it up', async () => {
    const refused = chatInput(ana, ['daily', 'set'], { time: '09:30', timezone: 'Europe/Berlin' });
    h.stub.dispatch('INTERACTION_CREATE', refused);
    const refusal = await callbackOf(refused.id);
    expect(refusal.type).toBe(4);
    expect(refusal.data?.flags).toBe(64);
    expect(String(refusal.data?.content)).toContain('Manage Server');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(webhookCalls(refused.token)).toEqual([]);
    expect(await h.worker.daily.stores.daily.schedules.get(`discord:${GUILD}:${CHANNEL}`)).toBeUndefined();
  });

  it('autocompletes timezones and topics at once', async () => {
    const zone = autocomplete(ana, ['daily', 'set'], 'timezone', 'berl');
    h.stub.dispatch('INTERACTION_CREATE', zone);
    const zones = await callbackOf(zone.id);
    expect(zones.type).toBe(8);
    expect((zones.data?.choices as { value: string }[]).map((c) => c.value)).toContain('Europe/Berlin');
    const topic = autocomplete(ana, ['ask'], 'topic', 'tra');
    h.stub.dispatch('INTERACTION_CREATE', topic);
    expect(((await callbackOf(topic.id)).data?.choices as { value: string }[]).map((c) => c.value)).toEqual(['tracing']);
  });

  it('asking inside a thread is refused at once: a question starts a thread of its own', async () => {
    const threadId = '960000000000000123';
    h.stub.dispatch('THREAD_CREATE', threadCreate(GUILD, CHANNEL, threadId, BOT_USER_ID));
    const inThread = chatInput({ ...ana, channelId: threadId, thread: { parentId: CHANNEL } }, ['ask']);
    h.stub.dispatch('INTERACTION_CREATE', inThread);
    const reply = await callbackOf(inThread.id);
    expect(reply.type).toBe(4);
    expect(String(reply.data?.content)).toMatch(/not in a thread/);
  });

  it('a mock’s buttons are its candidate’s: someone else gets a private note', async () => {
    const before = h.stub.messages.length;
    const mock = chatInput(ana, ['mock']);
    h.stub.dispatch('INTERACTION_CREATE', mock);
    expect((await callbackOf(mock.id)).type).toBe(4);
    await h.stub.waitFor(() => h.stub.messages.slice(before).some((m) => m.channel_id === CHANNEL), 10_000, 'the mock question');
    const root = h.stub.messages.slice(before).find((m) => m.channel_id === CHANNEL) as StoredMessage;
    const hint = buttonPress(ben, root, 'obs:hint');
    h.stub.dispatch('INTERACTION_CREATE', hint);
    expect((await callbackOf(hint.id)).type).toBe(6);
    await h.stub.waitFor(() => webhookCalls(hint.token).length > 0, 10_000, 'the note');
    const note = webhookCalls(hint.token)[0];
    expect(note?.body.flags).toBe(64);
    expect(textOf(note?.body ?? {})).toMatch(/mock interview, so its buttons are theirs/);
  });

  it('never logs the bot token or an interaction token', () => {
    const all = lines.join('\n');
    expect(lines.length).toBeGreaterThan(10);
    expect(all).not.toContain(DISCORD_TOKEN);
    expect(all).not.toMatch(/itok-\d+/);
  });
});
