import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, setLogSink } from '../src/infra/logger.ts';
import { samplePacing } from './fixtures/sample-question.ts';
import { testRedisUrl, uniquePrefix } from './helpers/redis.ts';
import { APPLICATION_ID, type StoredMessage } from './stubs/discord-api.ts';
import { CHANNEL, DISCORD_TOKEN, GUILD, startDiscordHarness, type DiscordHarness } from './stubs/discord-harness.ts';
import { buttonPress, modalSubmit, type Actor } from './stubs/discord-payloads.ts';
import { otherQuestion, peerQuestion } from './peer-slack-harness.ts';
import { actor, peerCommand, textOf, withId } from './helpers/discord-peer.ts';

/**
 * A Discord peer session end to end: raw gateway dispatches → discord.js → BullMQ → the
 * worker → DiscordSender / REST → the local Discord. No privileged intent: the candidate
 * answers with the Answer modal, the interviewer's own follow-up comes from a modal too.
 */
const INTERVIEWER = '960000000000000001';
const CANDIDATE = '960000000000000002';
const BYSTANDER = '960000000000000003';
const BOT_MEMBER = '960000000000000004';
const ANSWER = 'I would propagate context with the W3C traceparent header on every hop, including queue messages, so consumers join the trace.';

const lines: string[] = [];
let restoreSink: ReturnType<typeof setLogSink>;
let h: DiscordHarness;
const dmOf = (userId: string): string => `7${userId.slice(1)}`;

/** A press in the bot's DM with the user: no server, no member, the user at the top level. */
function inDm<T extends Record<string, unknown>>(payload: T, userId: string): T {
  const dm = payload as Record<string, unknown>;
  delete dm.guild_id;
  delete dm.member;
  dm.user = { id: userId, username: 'interviewer', discriminator: '0', global_name: null, avatar: null };
  dm.channel = { id: dmOf(userId), type: 1, flags: 0, recipients: [] };
  dm.context = 1;
  return payload;
}





function modalWith(by: Actor, customId: string, inputId: string, value: string): Record<string, unknown> & { id: string; token: string } {
  const payload = modalSubmit(by, customId, value);
  payload.data = { custom_id: customId, components: [{ type: 1, components: [{ type: 4, custom_id: inputId, value }] }] };
  return payload;
}

function select(by: Actor, message: StoredMessage, customId: string, values: string[]): Record<string, unknown> & { id: string; token: string } {
  const payload = buttonPress(by, message, customId);
  payload.type = 3;
  payload.data = { custom_id: customId, component_type: 3, values };
  return payload;
}

async function callback(id: string): Promise<number> {
  await h.stub.waitFor(() => h.stub.callbacksFor(id).length > 0, 5_000, `callback ${id}`);
  return (h.stub.callbacksFor(id)[0]?.body as { type: number }).type;
}

const webhookMessages = (token: string): StoredMessage[] => h.stub.messages.filter((message) => message.channel_id === `webhook:${token}`);
const dms = (userId: string): StoredMessage[] => h.stub.messages.filter((message) => message.channel_id === dmOf(userId));

beforeAll(async () => {
  restoreSink = setLogSink((line) => lines.push(line));
  h = await startDiscordHarness({ redisUrl: testRedisUrl(), prefix: uniquePrefix('dc-peer'), questions: [peerQuestion, otherQuestion], pacing: samplePacing, logger: createLogger({ test: 'discord-peer' }, 'debug') });
  const guild = h.stub.guilds[0]!;
  for (const member of [INTERVIEWER, CANDIDATE, BYSTANDER, BOT_MEMBER]) guild.members[member] = [];
  guild.bots = [BOT_MEMBER];
});

afterAll(async () => {
  await h?.close();
  setLogSink(restoreSink);
});

describe('Discord peer mock interview', () => {
  it('refuses yourself, a bot and someone not in the server, privately', async () => {
    for (const [candidate, expected] of [[INTERVIEWER, 'can’t interview yourself'], [BOT_MEMBER, 'is a bot'], ['960000000000000099', 'can’t find']] as const) {
      const command = peerCommand(INTERVIEWER, candidate);
      h.stub.dispatch('INTERACTION_CREATE', command);
      expect(await callback(command.id)).toBe(5);
      await h.stub.waitFor(() => h.stub.calls.some((call) => call.path.includes(command.token) && JSON.stringify(call.body ?? {}).includes(expected)), 10_000, expected);
    }
    expect(h.stub.messages.filter((message) => message.channel_id === CHANNEL)).toEqual([]);
  });

  it('brief, Answer modal, menu follow-up, own follow-up modal, refusal, scorecard selects + notes, rating, swap', async () => {
    const command = peerCommand(INTERVIEWER, CANDIDATE);
    h.stub.dispatch('INTERACTION_CREATE', command);
    await h.stub.waitFor(() => h.stub.messages.some((message) => message.channel_id === CHANNEL) && dms(INTERVIEWER).length === 1, 10_000, 'thread root and brief');
    const root = h.stub.messages.find((message) => message.channel_id === CHANNEL) as StoredMessage;
    expect(root.content).toContain(`<@${CANDIDATE}>, <@${INTERVIEWER}> is interviewing you`);
    await h.stub.waitFor(() => h.stub.threads.has(root.id), 5_000, 'the thread');
    const firstIsPeer = textOf(root).includes(peerQuestion.title);
    const [first, second] = firstIsPeer ? [peerQuestion, otherQuestion] : [otherQuestion, peerQuestion];
    for (const point of first.rubric) expect(textOf(root)).not.toContain(point.point);
    const brief = dms(INTERVIEWER)[0] as StoredMessage;
    for (const point of first.rubric) expect(textOf(brief)).toContain(point.point);
    expect(textOf(brief)).toContain('Head sampling keeps every error trace.');
    const threadId = `discord:${GUILD}:${CHANNEL}:${root.id}`;

    // The candidate answers with the Answer modal.
    const open = buttonPress(actor(CANDIDATE), root, 'obs:answer');
    h.stub.dispatch('INTERACTION_CREATE', open);
    expect(await callback(open.id)).toBe(9);
    const submit = modalSubmit(actor(CANDIDATE), `obs:answer-modal:${threadId}`, ANSWER);
    h.stub.dispatch('INTERACTION_CREATE', submit);
    await h.stub.waitFor(() => dms(INTERVIEWER).length === 2, 10_000, 'the menu');
    const menu = dms(INTERVIEWER)[1] as StoredMessage;
    expect(textOf(menu)).toMatch(/Which traces do you keep when storage is tight\?.*⭐ suggested/);

    // A bystander presses End: privately refused, naming the two.
    const end = buttonPress(actor(BYSTANDER), root, withId(root, 'obsp:end'));
    h.stub.dispatch('INTERACTION_CREATE', end);
    expect(await callback(end.id)).toBe(6);
    await h.stub.waitFor(() => webhookMessages(end.token).length > 0, 10_000, 'refusal');
    expect(webhookMessages(end.token)[0]?.content).toContain(`This is <@${INTERVIEWER}> and <@${CANDIDATE}>`);

    // The interviewer asks the suggested follow-up from the DM menu: posted in the thread.
    const ask = inDm(buttonPress(actor(INTERVIEWER, dmOf(INTERVIEWER)), menu, withId(menu, 'obsp:follow-up:n0')), INTERVIEWER);
    h.stub.dispatch('INTERACTION_CREATE', ask);
    await h.stub.waitFor(() => h.stub.messages.some((message) => message.channel_id === root.id && textOf(message).includes('storage is tight')), 10_000, 'menu follow-up in the thread');

    // Own follow-up through its modal.
    const own = inDm(buttonPress(actor(INTERVIEWER, dmOf(INTERVIEWER)), menu, withId(menu, 'obsp:follow-up:own')), INTERVIEWER);
    h.stub.dispatch('INTERACTION_CREATE', own);
    expect(await callback(own.id)).toBe(9);
    h.stub.dispatch('INTERACTION_CREATE', inDm(modalWith(actor(INTERVIEWER, dmOf(INTERVIEWER)), `obsp:follow-up:own:${threadId}`, 'text', 'What would you cut first if the bill doubled?'), INTERVIEWER));
    await h.stub.waitFor(() => h.stub.messages.some((message) => message.channel_id === root.id && textOf(message).includes('bill doubled')), 10_000, 'own follow-up in the thread');

    // Scorecard: selects, then the notes modal, then it goes privately to the candidate.
    const card = buttonPress(actor(INTERVIEWER), root, withId(root, 'obsp:scorecard'));
    h.stub.dispatch('INTERACTION_CREATE', card);
    await h.stub.waitFor(() => webhookMessages(card.token).length > 0, 10_000, 'the scorecard form');
    const form = webhookMessages(card.token)[0] as StoredMessage;
    expect(form.flags).toBe(64);
    const ids = first.rubric.map((point) => point.id);
    h.stub.dispatch('INTERACTION_CREATE', select(actor(INTERVIEWER), form, `obsp:scorecard-draft:verdicts:${threadId}`, [`${ids[0]}=covered`, `${ids[1]}=partial`]));
    h.stub.dispatch('INTERACTION_CREATE', select(actor(INTERVIEWER), form, `obsp:scorecard-draft:overall:${threadId}`, ['strong-yes']));
    h.stub.dispatch('INTERACTION_CREATE', select(actor(INTERVIEWER), form, `obsp:scorecard-draft:level:${threadId}`, ['principal']));
    await new Promise((resolve) => setTimeout(resolve, 800));
    const notesButton = buttonPress(actor(INTERVIEWER), form, `obsp:card::${threadId}`);
    h.stub.dispatch('INTERACTION_CREATE', notesButton);
    expect(await callback(notesButton.id)).toBe(9);
    const NOTES = 'Clear on propagation; think about cost earlier.';
    h.stub.dispatch('INTERACTION_CREATE', modalWith(actor(INTERVIEWER), `obsp:card::${threadId}`, 'notes', NOTES));
    await h.stub.waitFor(() => dms(CANDIDATE).some((message) => textOf(message).includes('Peer scorecard')), 10_000, 'the candidate scorecard');
    const received = textOf(dms(CANDIDATE).find((message) => textOf(message).includes('Peer scorecard')) as StoredMessage);
    expect(received).toContain(NOTES);
    expect(received).toContain('Strong yes at principal level');
    expect(received).toMatch(/automatic rubric score \d+\/100/);
    expect(received).toContain(`**${first.rubric[0]?.theme}**: interviewer covered`);
    expect(received).toContain(`**${first.rubric[2]?.theme}**: interviewer missed`);
    // The notes appear in no channel or thread message.
    expect(h.stub.messages.filter((message) => message.channel_id === CHANNEL || message.channel_id === root.id).map(textOf).join('\n')).not.toContain(NOTES);

    // Ended note with rating and swap; the candidate rates and swaps.
    await h.stub.waitFor(() => h.stub.messages.some((message) => message.channel_id === root.id && textOf(message).includes('scorecard was sent')), 10_000, 'ended note');
    const ended = h.stub.messages.find((message) => message.channel_id === root.id && textOf(message).includes('scorecard was sent')) as StoredMessage;
    const rate = buttonPress(actor(CANDIDATE, root.id), ended, withId(ended, 'obsp:rate:4'));
    h.stub.dispatch('INTERACTION_CREATE', rate);
    await h.stub.waitFor(() => webhookMessages(rate.token).some((message) => (message.content ?? '').includes('4/5')), 10_000, 'rating thanks');
    const swap = buttonPress(actor(CANDIDATE, root.id), ended, withId(ended, 'obsp:swap'));
    h.stub.dispatch('INTERACTION_CREATE', swap);
    await h.stub.waitFor(() => h.stub.messages.filter((message) => message.channel_id === CHANNEL).length === 2 && dms(CANDIDATE).some((message) => textOf(message).includes('interviewer brief')), 10_000, 'swapped session');
    const swapped = h.stub.messages.filter((message) => message.channel_id === CHANNEL)[1] as StoredMessage;
    expect(swapped.content).toContain(`<@${INTERVIEWER}>, <@${CANDIDATE}> is interviewing you`);
    expect(textOf(swapped)).toContain(second.title);
  }, 40_000);

  it('never logs the bot token or an interaction token', () => {
    const all = lines.join('\n');
    expect(all).not.toContain(DISCORD_TOKEN);
    expect(all).not.toMatch(/itok-\d+/);
    expect(APPLICATION_ID).toBeTruthy();
  });
});
