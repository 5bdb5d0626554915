import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testRedisUrl } from './helpers/redis.ts';
import { dmsTo, responsesTo, startPeerHarness, textOf, type PeerHarness } from './peer-slack-harness.ts';

/** The pairing pool through Slack: commands, the weekly job scheduler, and a round run by the pair worker. */
const CHANNEL = 'CPOOL1';
const PEOPLE = ['UP1', 'UP2', 'UP3', 'UP4', 'UP5'];
let h: PeerHarness;
let queue: Queue;

beforeAll(async () => {
  h = await startPeerHarness();
  h.stub.setUser('UADMIN', { is_admin: true });
  queue = new Queue('pair', { connection: { url: testRedisUrl() }, prefix: h.prefix });
});

afterAll(async () => {
  await queue?.close();
  await h?.close();
});

async function command(text: string, user: string, id: string): Promise<string> {
  await h.http.command({ text, team_id: 'T1', channel_id: CHANNEL, user_id: user, trigger_id: `trig.pool.${id}`, response_url: h.stub.responseUrl(id) });
  await h.stub.waitFor(() => responsesTo(h, id).length > 0, 10_000, `reply to ${text}`);
  return responsesTo(h, id)[0] as string;
}

describe('pairing pool (Slack)', () => {
  it('join, snooze, status and schedule (admins only), with a weekly job scheduler in the channel’s zone', async () => {
    for (const person of PEOPLE) expect(await command('pair join', person, `join-${person}`)).toContain('joined this channel');
    expect(await command('pair join', 'UP1', 'join-again')).toContain('already in');
    expect(await command('pair snooze 2w', 'UP5', 'snooze')).toContain('Snoozed for 2w');
    expect(await command('pair snooze 2w', 'UNOTIN', 'snooze-out')).toContain('Join the pool first');
    expect(await command('pair snooze forever', 'UP1', 'snooze-bad')).toContain('not a duration');
    expect(await command('pair schedule wed 10:30 Europe/Berlin', 'UP1', 'sched-refused')).toContain('only workspace admins');
    expect(await command('pair schedule wed 25:00', 'UADMIN', 'sched-bad')).toContain('not a 24-hour time');
    expect(await command('pair schedule wed 10:30 europe/berlin', 'UADMIN', 'sched')).toContain('Wednesdays at 10:30 Europe/Berlin');
    const scheduler = await queue.getJobScheduler(`pair-slack~T1~${CHANNEL}`);
    expect(scheduler?.pattern).toBe('30 10 * * 3');
    expect(scheduler?.tz).toBe('Europe/Berlin');
    const status = await command('pair status', 'UP5', 'status');
    expect(status).toContain('5 members, 4 active this round');
    expect(status).toContain('You’re snoozed until');
    expect(status).toContain('Wednesdays at 10:30 Europe/Berlin (next ');
  });

  it('a round pairs the active members, DMs each their partner and first interviewer, once', async () => {
    await queue.add('pair-round', { channelKey: `slack:T1:${CHANNEL}` }, { jobId: 'round-1' });
    const active = PEOPLE.slice(0, 4);
    await h.stub.waitFor(() => active.every((person) => dmsTo(h, person).length === 1), 10_000, 'the round DMs');
    expect(dmsTo(h, 'UP5')).toHaveLength(0);
    const partners = new Map<string, string>();
    for (const person of active) {
      const text = textOf(dmsTo(h, person)[0]?.blocks);
      expect(text).toContain(`<#${CHANNEL}>`);
      expect(text).toContain('Suggested first interviewer');
      const mentioned = active.filter((other) => other !== person && text.includes(`<@${other}>`));
      expect(mentioned).toHaveLength(1);
      partners.set(person, mentioned[0] as string);
    }
    // Symmetric: each pair names each other.
    for (const [person, partner] of partners) expect(partners.get(partner)).toBe(person);
    // The same round again (a retried or duplicated job) sends nothing new.
    await queue.add('pair-round', { channelKey: `slack:T1:${CHANNEL}` }, { jobId: 'round-1-again' });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    for (const person of active) expect(dmsTo(h, person)).toHaveLength(1);
  });
});
