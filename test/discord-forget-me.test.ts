import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLogSink } from '../src/infra/logger.ts';
import { sampleQuestion, samplePacing } from './fixtures/sample-question.ts';
import { testRedisUrl, uniquePrefix } from './helpers/redis.ts';
import { textOf } from './helpers/discord-peer.ts';
import type { StoredMessage } from './stubs/discord-api.ts';
import { CHANNEL, GUILD, startDiscordHarness, type DiscordHarness } from './stubs/discord-harness.ts';
import { buttonPress, chatInput, type Actor } from './stubs/discord-payloads.ts';

/**
 * `/obs-question forget-me` on Discord, through raw gateway dispatches → discord.js →
 * BullMQ → the worker → the local Discord's REST: the deferred reply asks with Delete my
 * data / Cancel; Cancel replaces the question; Delete removes the person's data (and only
 * theirs) and says so; a second Delete finds nothing.
 */
let h: DiscordHarness;
let restoreSink: ReturnType<typeof setLogSink>;
const ana: Actor = { guildId: GUILD, channelId: CHANNEL, userId: '950000000000000071' };
const ben: Actor = { guildId: GUILD, channelId: CHANNEL, userId: '950000000000000072' };
const NOW = Date.now();

/** Follow-ups and @original edits on one interaction's webhook, in order. */
function webhookCalls(token: string): { method: string; body: Record<string, unknown> }[] {
  return h.stub.calls.filter((call) => call.path.startsWith('/webhooks/') && call.path.includes(`/${token}`)).map((call) => ({ method: call.method, body: (call.body ?? {}) as Record<string, unknown> }));
}

async function replyTo(token: string, what: string): Promise<Record<string, unknown>> {
  await h.stub.waitFor(() => webhookCalls(token).length > 0, 15_000, what);
  return webhookCalls(token)[0]!.body;
}

function press(actor: Actor, customId: string): Record<string, unknown> & { id: string; token: string } {
  const message = { id: '960000000000000001', channel_id: CHANNEL, content: 'Delete everything?', embeds: [], components: [], flags: 64 } as unknown as StoredMessage;
  return buttonPress(actor, message, customId);
}

beforeAll(async () => {
  restoreSink = setLogSink(() => undefined);
  h = await startDiscordHarness({ redisUrl: testRedisUrl(), prefix: uniquePrefix('dforget'), questions: [sampleQuestion], pacing: samplePacing });
  const { stores } = h.worker.worker;
  for (const actor of [ana, ben]) {
    await stores.history.record({ workspaceId: GUILD, userId: actor.userId, answerId: `m-${actor.userId}`, sessionId: `discord:${GUILD}:${CHANNEL}:1`, topic: 'tracing', coverage: 40, at: NOW });
    await stores.daily.publicStats.set(GUILD, actor.userId, true);
  }
}, 60_000);

afterAll(async () => {
  await h?.close();
  setLogSink(restoreSink);
});

describe('/obs-question forget-me on Discord', () => {
  it('asks privately with Delete my data and Cancel', async () => {
    const command = chatInput(ana, ['forget-me']);
    h.stub.dispatch('INTERACTION_CREATE', command);
    const asked = await replyTo(command.token, 'the confirmation');
    expect(textOf(asked)).toContain('Delete everything I store about your Discord account');
    const ids = ((asked.components ?? []) as { components: { custom_id: string }[] }[]).flatMap((row) => row.components.map((button) => button.custom_id));
    expect(ids).toEqual(['obsf:confirm', 'obsf:cancel']);
    expect((await h.worker.worker.stores.history.stats(GUILD, ana.userId, NOW)).answers).toBe(1);
  });

  it('Cancel replaces the question and deletes nothing', async () => {
    const cancel = press(ana, 'obsf:cancel');
    h.stub.dispatch('INTERACTION_CREATE', cancel);
    await h.stub.waitFor(() => h.stub.callbacksFor(cancel.id).length > 0, 10_000, 'the cancel');
    expect(h.stub.callbacksFor(cancel.id)[0]?.body).toMatchObject({ type: 7, data: { content: 'Cancelled: nothing was deleted.', components: [] } });
    expect((await h.worker.worker.stores.history.stats(GUILD, ana.userId, NOW)).answers).toBe(1);
  });

  it('Delete my data deletes the presser’s data only, says what went, and a second press finds nothing', async () => {
    const confirm = press(ana, 'obsf:confirm');
    h.stub.dispatch('INTERACTION_CREATE', confirm);
    const done = textOf(await replyTo(confirm.token, 'the deletion'));
    expect(done).toContain('Deleted everything I stored about your Discord account');
    expect(done).toContain('1 public-stats opt-in');
    const { stores } = h.worker.worker;
    expect((await stores.history.stats(GUILD, ana.userId, NOW)).answers).toBe(0);
    expect((await stores.history.stats(GUILD, ben.userId, NOW)).answers).toBe(1);
    expect(await stores.daily.publicStats.publicAmong(GUILD, [ana.userId, ben.userId])).toEqual([ben.userId]);

    const again = press(ana, 'obsf:confirm');
    h.stub.dispatch('INTERACTION_CREATE', again);
    expect(textOf(await replyTo(again.token, 'the second deletion'))).toContain('There was nothing left to delete');
  });
});
