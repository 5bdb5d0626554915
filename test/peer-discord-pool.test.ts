import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLogSink } from '../src/infra/logger.ts';
import { PAIR_QUEUE } from '../src/queue/names.ts';
import { samplePacing } from './fixtures/sample-question.ts';
import { testRedisUrl, uniquePrefix } from './helpers/redis.ts';
import type { StoredMessage } from './stubs/discord-api.ts';
import { CHANNEL, GUILD, startDiscordHarness, type DiscordHarness } from './stubs/discord-harness.ts';
import { chatInput, type Actor } from './stubs/discord-payloads.ts';
import { otherQuestion, peerQuestion } from './peer-slack-harness.ts';

/**
 * The pairing pool through Discord (mirrors peer-pair-pool for Slack): members join with
 * `/obs-question pair join` through the gateway, a round runs as the pair worker's job
 * (added the way the weekly job scheduler adds it), and each member is DMed once.
 */
const PEOPLE = ['963000000000000001', '963000000000000002', '963000000000000003', '963000000000000004', '963000000000000005'];
const CHANNEL_KEY = `discord:${GUILD}:${CHANNEL}`;

const lines: string[] = [];
let restoreSink: ReturnType<typeof setLogSink>;
let h: DiscordHarness;
let prefix: string;
let queue: Queue;
const actor = (userId: string): Actor => ({ guildId: GUILD, channelId: CHANNEL, userId });
/** The local Discord's DM channel with a user (see POST /users/@me/channels in the stub). */
const dms = (userId: string): StoredMessage[] => h.stub.messages.filter((message) => message.channel_id === `7${userId.slice(1)}`);

/** Runs `/obs-question pair <action>` as `userId` and returns the private reply's text. */
async function pair(userId: string, action: string): Promise<string> {
  const command = chatInput(actor(userId), ['pair'], { action });
  h.stub.dispatch('INTERACTION_CREATE', command);
  const replies = (): string[] => h.stub.calls.filter((call) => call.path.includes(command.token) && typeof call.body?.content === 'string').map((call) => String(call.body?.content));
  await h.stub.waitFor(() => replies().length > 0, 10_000, `reply to pair ${action}`);
  return replies()[0] as string;
}

beforeAll(async () => {
  restoreSink = setLogSink((line) => lines.push(line));
  prefix = uniquePrefix('dc-pool');
  h = await startDiscordHarness({ redisUrl: testRedisUrl(), prefix, questions: [peerQuestion, otherQuestion], pacing: samplePacing });
  const guild = h.stub.guilds[0]!;
  for (const person of PEOPLE) guild.members[person] = [];
  queue = new Queue(PAIR_QUEUE, { connection: { url: testRedisUrl() }, prefix });
});

afterAll(async () => {
  await queue?.close();
  await h?.close();
  setLogSink(restoreSink);
});

describe('pairing pool (Discord)', () => {
  it('members join through the gateway; the first join sets the weekly round', async () => {
    for (const [index, person] of PEOPLE.entries()) expect(await pair(person, 'join')).toContain(`You joined this channel's practice pool (${index + 1} ${index === 0 ? 'person' : 'people'})`);
    expect(await pair(PEOPLE[0] as string, 'join')).toContain('already in');
    const scheduler = await queue.getJobScheduler(`pair-${CHANNEL_KEY.replaceAll(':', '~')}`);
    expect(scheduler?.pattern).toBe('0 9 * * 1');
    expect(await pair(PEOPLE[2] as string, 'status')).toContain('5 members, 5 active this round');
  });

  it('a round with an odd count makes one pair and one trio, DMs each member once, and a re-run sends nothing new', async () => {
    await queue.add('pair-round', { channelKey: CHANNEL_KEY }, { jobId: 'dc-round-1' });
    await h.stub.waitFor(() => PEOPLE.every((person) => dms(person).length === 1), 10_000, 'the round DMs');
    const groups = new Map<string, string[]>();
    const firstOf = new Map<string, string>();
    for (const person of PEOPLE) {
      const text = (dms(person)[0] as StoredMessage).content ?? '';
      expect(text).toContain(`<#${CHANNEL}>`);
      expect(text).toContain(`<@${person}>`);
      const partners = PEOPLE.filter((other) => other !== person && text.includes(`<@${other}>`));
      expect(partners.length === 1 || partners.length === 2).toBe(true);
      groups.set(person, [person, ...partners].sort());
      const first = /Suggested first interviewer: <@(\d+)>/.exec(text)?.[1];
      expect(first).toBeDefined();
      expect([person, ...partners]).toContain(first);
      firstOf.set(person, first as string);
    }
    // Everyone in a group got the same group and the same first interviewer.
    for (const [person, group] of groups) {
      for (const other of group) {
        expect(groups.get(other)).toEqual(group);
        expect(firstOf.get(other)).toBe(firstOf.get(person));
      }
    }
    const sizes = [...new Set([...groups.values()].map((group) => group.join(',')))].map((key) => key.split(',').length).sort();
    expect(sizes).toEqual([2, 3]);
    // The trio's DM says group, the pair's says pair.
    for (const person of PEOPLE) expect(dms(person)[0]?.content).toContain((groups.get(person)?.length ?? 0) === 3 ? 'practice group' : 'practice pair');

    // The same round again (a retried or duplicated job) sends no new DM.
    const dmPosts = (): number => h.stub.callsTo('POST', /^\/channels\/7\d+\/messages$/).length;
    const before = dmPosts();
    const again = await queue.add('pair-round', { channelKey: CHANNEL_KEY }, { jobId: 'dc-round-1-again' });
    let state = await again.getState();
    for (const deadline = Date.now() + 10_000; state !== 'completed' && state !== 'failed' && Date.now() < deadline; state = await again.getState()) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(state).toBe('completed');
    expect(lines.some((line) => line.includes('pairing round') && line.includes('"dms":0'))).toBe(true);
    for (const person of PEOPLE) expect(dms(person)).toHaveLength(1);
    expect(dmPosts()).toBe(before);
  });
});
