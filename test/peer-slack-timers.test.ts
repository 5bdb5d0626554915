import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ephemeralsTo, startPeerHarness, textOf, threadReply, type PeerHarness } from './peer-slack-harness.ts';
import type { StoredMessage } from './stubs/slack-api.ts';

/**
 * Nudges and expiry with real delayed BullMQ jobs, made short through the environment:
 * a nudge after 1.8 s of silence, expiry after about 5.2 s.
 */
let h: PeerHarness;

beforeAll(async () => {
  h = await startPeerHarness({ PEER_NUDGE_HOURS: '0.0005', PEER_EXPIRY_DAYS: '0.00006' });
  h.stub.setMembers('CT1', ['UI', 'UC']);
  h.stub.setMembers('CT2', ['UI', 'UL']);
});

afterAll(async () => {
  await h?.close();
});

async function start(channel: string, candidate: string): Promise<StoredMessage> {
  await h.http.command({ text: `peer <@${candidate}>`, team_id: 'T1', channel_id: channel, user_id: 'UI', trigger_id: `trig.timer.${channel}`, response_url: h.stub.responseUrl(`t-${channel}`) });
  await h.stub.waitFor(() => h.stub.messages.some((message) => message.channel === channel && message.thread_ts === undefined), 10_000, 'the thread');
  return h.stub.messages.find((message) => message.channel === channel && message.thread_ts === undefined) as StoredMessage;
}

const repliesWith = (channel: string, ts: string, needle: string): StoredMessage[] => h.stub.threadReplies(channel, ts).filter((message) => textOf(message.blocks).includes(needle));

describe('peer timers (Slack)', () => {
  it('nudges whoever owes a move once per silence, then expires the session with a note', async () => {
    const root = await start('CT1', 'UC');
    await h.stub.waitFor(() => repliesWith('CT1', root.ts, '<@UC>, your turn').length === 1, 8_000, 'the candidate nudge');
    await h.http.event(threadReply('CT1', root.ts, 'UC', 'Context propagation with traceparent across queues.', '1910000000.000100'));
    await h.stub.waitFor(() => repliesWith('CT1', root.ts, '<@UI>, your candidate is waiting').length === 1, 8_000, 'the interviewer nudge');
    await h.stub.waitFor(() => repliesWith('CT1', root.ts, 'expired').length === 1, 10_000, 'the expiry note');
    // One nudge per silence, and one expiry note.
    expect(repliesWith('CT1', root.ts, '<@UC>, your turn')).toHaveLength(1);
    expect(repliesWith('CT1', root.ts, '<@UI>, your candidate is waiting')).toHaveLength(1);
    // An answer after expiry is not recorded, and the candidate is told.
    await h.http.event(threadReply('CT1', root.ts, 'UC', 'One more thought.', '1910000000.000200'));
    await h.stub.waitFor(() => ephemeralsTo(h, 'UC').some((call) => textOf(call.args.blocks).includes('has ended')), 8_000, 'closed note');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(repliesWith('CT1', root.ts, 'expired')).toHaveLength(1);
  }, 30_000);

  it('ends the session cleanly when the candidate has left the workspace', async () => {
    const root = await start('CT2', 'UL');
    h.stub.setUser('UL', { deleted: true });
    await h.stub.waitFor(() => repliesWith('CT2', root.ts, 'no longer in the workspace').length === 1, 8_000, 'the candidate-left note');
    expect(repliesWith('CT2', root.ts, 'your turn')).toHaveLength(0);
    // No rating or swap buttons on a session whose candidate left.
    const note = repliesWith('CT2', root.ts, 'no longer in the workspace')[0] as StoredMessage;
    expect(JSON.stringify(note.blocks)).not.toContain('obs_peer_swap');
  }, 20_000);
});
