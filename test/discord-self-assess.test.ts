import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, setLogSink } from '../src/infra/logger.ts';
import { sampleQuestion, samplePacing } from './fixtures/sample-question.ts';
import { testRedisUrl, uniquePrefix } from './helpers/redis.ts';
import type { StoredMessage } from './stubs/discord-api.ts';
import { CHANNEL, GUILD, startDiscordHarness, type DiscordHarness } from './stubs/discord-harness.ts';
import { buttonPress, chatInput, modalSubmit, type Actor } from './stubs/discord-payloads.ts';

/**
 * Self-assessment after Reveal on Discord, with real parts: raw gateway dispatches → the
 * real discord.js client → BullMQ on the suite's Redis → the worker's 'self-assess' action
 * (the same as Slack's) → Redis, the acknowledgement back through the local Discord.
 */
const ANSWER =
  'I would propagate context with the W3C traceparent header on every hop, including queue messages, ' +
  'and use tail sampling to keep errors and slow traces. The batch exporter keeps cpu overhead low.';

let h: DiscordHarness;
let restoreSink: ReturnType<typeof setLogSink>;
const lines: string[] = [];

const ana: Actor = { guildId: GUILD, channelId: CHANNEL, userId: '950000000000000011' };
const ben: Actor = { guildId: GUILD, channelId: CHANNEL, userId: '950000000000000012' };

function customIds(message: StoredMessage): string[] {
  return message.components.flatMap((row) => row.components.map((component) => component.custom_id ?? ''));
}

function webhookCalls(token: string): { method: string; body: Record<string, unknown> }[] {
  return h.stub.calls.filter((call) => call.path.startsWith('/webhooks/') && call.path.includes(`/${token}`)).map((call) => ({ method: call.method, body: call.body ?? {} }));
}

function textOf(body: Record<string, unknown>): string {
  const embeds = (body.embeds ?? []) as { title?: string; description?: string; footer?: { text: string } }[];
  return [String(body.content ?? ''), ...embeds.map((e) => [e.title ?? '', e.description ?? '', e.footer?.text ?? ''].join('\n'))].join('\n');
}

async function callbackType(interactionId: string): Promise<{ type: number; data?: Record<string, unknown> }> {
  await h.stub.waitFor(() => h.stub.callbacksFor(interactionId).length > 0, 5_000, `the callback for ${interactionId}`);
  return h.stub.callbacksFor(interactionId)[0]?.body as { type: number; data?: Record<string, unknown> };
}

/** Presses a button on an ephemeral follow-up (as the stub stored it), in the channel it was shown in. */
async function pressOn(actor: Actor, message: StoredMessage, customId: string): Promise<string> {
  const press = buttonPress(actor, { ...message, channel_id: CHANNEL }, customId);
  h.stub.dispatch('INTERACTION_CREATE', press);
  expect((await callbackType(press.id)).type).toBe(6);
  await h.stub.waitFor(() => webhookCalls(press.token).length > 0, 10_000, 'the private note');
  const note = webhookCalls(press.token)[0];
  expect(note?.body.flags).toBe(64);
  return textOf(note?.body ?? {});
}

async function askAndAnswer(): Promise<StoredMessage> {
  const before = h.stub.messages.length;
  const ask = chatInput(ana, ['ask'], { topic: 'tracing' });
  h.stub.dispatch('INTERACTION_CREATE', ask);
  await callbackType(ask.id);
  await h.stub.waitFor(() => h.stub.messages.slice(before).some((m) => m.channel_id === CHANNEL), 10_000, 'the question');
  const root = h.stub.messages.slice(before).find((m) => m.channel_id === CHANNEL) as StoredMessage;
  const submit = modalSubmit(ana, `obs:answer-modal:discord:${GUILD}:${CHANNEL}:${root.id}`, ANSWER);
  h.stub.dispatch('INTERACTION_CREATE', submit);
  await h.stub.waitFor(() => webhookCalls(submit.token).some((call) => textOf(call.body).includes('Coverage')), 10_000, 'the feedback');
  return root;
}

/** Reveal key points as `actor`: the key points, then the rating panel, as ephemeral follow-ups. */
async function reveal(actor: Actor, root: StoredMessage): Promise<StoredMessage[]> {
  const press = buttonPress(actor, root, 'obs:reveal');
  h.stub.dispatch('INTERACTION_CREATE', press);
  expect((await callbackType(press.id)).type).toBe(6);
  const here = () => h.stub.messages.filter((m) => m.channel_id === `webhook:${press.token}`);
  await h.stub.waitFor(() => here().some((m) => customIds(m).some((id) => id.startsWith('obs:sa:'))), 10_000, 'the rating panel');
  expect(webhookCalls(press.token).every((call) => call.body.flags === 64)).toBe(true);
  return here();
}

beforeAll(async () => {
  restoreSink = setLogSink((line) => lines.push(line));
  h = await startDiscordHarness({ redisUrl: testRedisUrl(), prefix: uniquePrefix('dc-sa'), questions: [sampleQuestion], pacing: samplePacing, logger: createLogger({ test: 'discord-self-assess' }, 'debug') });
});

afterAll(async () => {
  await h?.close();
  setLogSink(restoreSink);
});

describe('Discord self-assessment after Reveal', () => {
  it('rates each key point with buttons; only the presser’s record changes; a second press replaces the first; stats compares', async () => {
    const root = await askAndAnswer();
    const shown = await reveal(ana, root);
    expect(shown[0]?.embeds[0]?.title).toBe('🗝️ Key points');
    const panel = shown.find((m) => customIds(m).some((id) => id.startsWith('obs:sa:'))) as StoredMessage;
    expect(panel.content).toContain('How did you do?');
    // Four points: four rows of [name, Got it, Partly, Missed], ids within 100 characters.
    expect(panel.components).toHaveLength(4);
    expect(panel.components.map((row) => row.components.map((c) => c.label))).toEqual(
      sampleQuestion.rubric.map((point, i) => [`${i + 1}. ${point.theme}`, 'Got it', 'Partly', 'Missed']),
    );
    for (const id of customIds(panel)) expect(id.length).toBeLessThanOrEqual(100);
    const idFor = (point: number, letter: 'g' | 'p' | 'm') => `obs:sa:${point}:${letter}:${CHANNEL}:${root.id}:${sampleQuestion.id}`;
    expect(customIds(panel)).toContain(idFor(0, 'g'));

    // Ana: Got it on context propagation, which her answer covered.
    expect(await pressOn(ana, panel, idFor(0, 'g'))).toBe('🪞 Noted for **Context propagation**: Got it (the keyword check said: covered).');
    const store = h.worker.daily.stores.selfAssessments;
    const session = `discord:${GUILD}:${CHANNEL}:${root.id}`;
    expect((await store.list(GUILD, ana.userId, session)).map((r) => [r.pointId, r.rating, r.automatic?.verdict])).toEqual([['propagation', 'got', 'covered']]);

    // Ben presses on the same question (a channel question is everyone's): his record, not hers.
    expect(await pressOn(ben, panel, idFor(0, 'm'))).toBe('🪞 Noted for **Context propagation**: Missed.');
    expect((await store.list(GUILD, ben.userId, session)).map((r) => [r.pointId, r.rating, r.automatic])).toEqual([['propagation', 'missed', undefined]]);
    expect((await store.list(GUILD, ana.userId, session)).map((r) => r.rating)).toEqual(['got']);

    // Ana changes her mind: one record per point, the last choice wins.
    await pressOn(ana, panel, idFor(0, 'p'));
    await pressOn(ana, panel, idFor(3, 'm'));
    expect((await store.list(GUILD, ana.userId, session)).map((r) => [r.pointId, r.rating]).sort()).toEqual([
      ['privacy', 'missed'],
      ['propagation', 'partly'],
    ]);

    // Stats shows both verdicts.
    const stats = chatInput(ana, ['stats']);
    h.stub.dispatch('INTERACTION_CREATE', stats);
    await h.stub.waitFor(() => webhookCalls(stats.token).some((call) => textOf(call.body).includes('Self-assessed')), 10_000, 'stats');
    expect(webhookCalls(stats.token).map((call) => textOf(call.body)).join('\n')).toContain('**Self-assessed:** 0 got · 1 partly · 1 missed');
  });

  it('a forged or stale rating id gets a private note and records nothing', async () => {
    const root = await askAndAnswer();
    const panel = (await reveal(ana, root)).find((m) => customIds(m).some((id) => id.startsWith('obs:sa:'))) as StoredMessage;
    const session = `discord:${GUILD}:${CHANNEL}:${root.id}`;
    // A point the rubric does not have: the worker says so.
    expect(await pressOn(ana, panel, `obs:sa:7:g:${CHANNEL}:${root.id}:${sampleQuestion.id}`)).toMatch(/doesn't match this question/);
    // Another question's id: the same.
    expect(await pressOn(ana, panel, `obs:sa:0:g:${CHANNEL}:${root.id}:other-question`)).toMatch(/doesn't match this question/);
    expect(await h.worker.daily.stores.selfAssessments.list(GUILD, ana.userId, session)).toEqual([]);
    // An id we did not write, and a session in another channel: refused at once by the adapter, no job.
    for (const id of ['obs:sa:0:x:1:2:q', `obs:sa:0:g:920000000000000099:${root.id}:${sampleQuestion.id}`]) {
      const press = buttonPress(ana, { ...panel, channel_id: CHANNEL }, id);
      h.stub.dispatch('INTERACTION_CREATE', press);
      const reply = await callbackType(press.id);
      expect(reply.type).toBe(4);
      expect(reply.data?.flags).toBe(64);
      expect(String(reply.data?.content)).toMatch(/doesn't work any more/);
    }
  });
});
