import { Queue, type Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLogSink } from '../src/infra/logger.ts';
import { jobIdFor } from '../src/queue/producers.ts';
import { INTERACTIONS_QUEUE } from '../src/queue/names.ts';
import type { TickJob } from '../src/queue/jobs.ts';
import { samplePacing } from './fixtures/sample-question.ts';
import { testRedisUrl, uniquePrefix } from './helpers/redis.ts';
import type { StoredMessage } from './stubs/discord-api.ts';
import { CHANNEL, GUILD, startDiscordHarness, type DiscordHarness } from './stubs/discord-harness.ts';
import { buttonPress, modalSubmit } from './stubs/discord-payloads.ts';
import { otherQuestion, peerQuestion } from './peer-slack-harness.ts';
import { actor, customIds, peerCommand, textOf, withId } from './helpers/discord-peer.ts';

/**
 * Discord peer timers with real delayed BullMQ jobs, made short through the worker's
 * environment (as in peer-slack-timers): a nudge after 1.8 s of silence, expiry after about
 * 8.6 s. Everything else is real: gateway dispatches → discord.js → BullMQ → worker → REST
 * → the local Discord, whose GET member answers 404 Unknown Member for someone who left.
 */
const INTERVIEWER = '962000000000000001';
const CANDIDATE = '962000000000000002';
const LEAVER = '962000000000000003';

const lines: string[] = [];
let restoreSink: ReturnType<typeof setLogSink>;
let h: DiscordHarness;
let prefix: string;
let queue: Queue;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));





/** Starts a session with `candidate` and returns the thread root once the thread exists. */
async function start(candidate: string): Promise<StoredMessage> {
  const before = new Set(h.stub.messages.map((message) => message.id));
  h.stub.dispatch('INTERACTION_CREATE', peerCommand(INTERVIEWER, candidate));
  const isRoot = (message: StoredMessage): boolean => message.channel_id === CHANNEL && !before.has(message.id) && (message.content ?? '').includes(`<@${candidate}>`);
  await h.stub.waitFor(() => h.stub.messages.some(isRoot), 10_000, 'the thread root');
  const root = h.stub.messages.find(isRoot) as StoredMessage;
  await h.stub.waitFor(() => h.stub.threads.has(root.id), 5_000, 'the thread');
  return root;
}

const inThread = (root: StoredMessage, needle: string): StoredMessage[] => h.stub.messages.filter((message) => message.channel_id === root.id && textOf(message).includes(needle));
const webhookMessages = (token: string): StoredMessage[] => h.stub.messages.filter((message) => message.channel_id === `webhook:${token}`);

/** The tick jobs the worker scheduled for a session, finished or not. */
async function ticksOf(threadId: string): Promise<Job<TickJob>[]> {
  const jobs = (await queue.getJobs(['completed', 'delayed', 'waiting', 'active'])) as Job<TickJob>[];
  return jobs.filter((job) => job.name === 'tick' && job.data.threadId === threadId);
}

async function finished(jobId: string): Promise<void> {
  await h.stub.waitFor(() => done.has(jobId), 8_000, `job ${jobId}`);
}
const done = new Set<string>();

beforeAll(async () => {
  restoreSink = setLogSink((line) => lines.push(line));
  prefix = uniquePrefix('dc-peer-timers');
  h = await startDiscordHarness({ redisUrl: testRedisUrl(), prefix, questions: [peerQuestion, otherQuestion], pacing: samplePacing, env: { PEER_NUDGE_HOURS: '0.0005', PEER_EXPIRY_DAYS: '0.0001' } });
  const guild = h.stub.guilds[0]!;
  for (const member of [INTERVIEWER, CANDIDATE, LEAVER]) guild.members[member] = [];
  queue = new Queue(INTERACTIONS_QUEUE, { connection: { url: testRedisUrl() }, prefix });
  h.worker.worker.worker.on('completed', (job) => done.add(job.id ?? ''));
});

afterAll(async () => {
  await queue?.close();
  await h?.close();
  setLogSink(restoreSink);
});

describe('peer timers (Discord)', () => {
  it('nudges whoever owes a move once per silence, ignores duplicate timers, then expires the session with one note', async () => {
    const root = await start(CANDIDATE);
    const threadId = `discord:${GUILD}:${CHANNEL}:${root.id}`;
    const candidateNudge = `<@${CANDIDATE}>, your turn`;
    await h.stub.waitFor(() => inThread(root, candidateNudge).length === 1, 8_000, 'the candidate nudge');

    // The nudge's timer delivered again (same job data, another job id) and a stale timer
    // from the past: neither posts anything.
    // The nudge is posted just before its job completes.
    let nudgeTick: Job<TickJob> | undefined;
    for (const deadline = Date.now() + 5_000; !nudgeTick && Date.now() < deadline; await sleep(20)) nudgeTick = (await ticksOf(threadId)).find((job) => done.has(job.id ?? ''));
    if (!nudgeTick) throw new Error('the nudge timer job never completed');
    const redelivered = await queue.add('tick', nudgeTick.data, { jobId: `${jobIdFor(nudgeTick.data)}-again` });
    const staleData: TickJob = { kind: 'tick', threadId, dedupeKey: `${threadId}@${Date.now() - 500}` };
    const stale = await queue.add('tick', staleData, { jobId: jobIdFor(staleData) });
    await Promise.all([finished(redelivered.id as string), finished(stale.id as string)]);
    expect(inThread(root, candidateNudge)).toHaveLength(1);

    // The candidate answers (Answer modal): the turn and the silence change, so the interviewer is nudged once.
    h.stub.dispatch('INTERACTION_CREATE', modalSubmit(actor(CANDIDATE), `obs:answer-modal:${threadId}`, 'Context propagation with traceparent across queues, so consumers join the trace.'));
    const interviewerNudge = `<@${INTERVIEWER}>, your candidate is waiting`;
    await h.stub.waitFor(() => inThread(root, interviewerNudge).length === 1, 8_000, 'the interviewer nudge');
    await h.stub.waitFor(() => inThread(root, 'expired').length === 1, 12_000, 'the expiry note');
    const note = inThread(root, 'expired')[0] as StoredMessage;
    expect(textOf(note)).toContain('Thanks both');
    expect(inThread(root, candidateNudge)).toHaveLength(1);
    expect(inThread(root, interviewerNudge)).toHaveLength(1);

    // The expiry timer delivered again posts no second note.
    const dueAt = (job: Job<TickJob>): number => Number(job.data.dedupeKey.split('@').at(-1));
    const last = (await ticksOf(threadId)).filter((job) => done.has(job.id ?? '')).sort((a, b) => dueAt(b) - dueAt(a))[0] as Job<TickJob>;
    const again = await queue.add('tick', last.data, { jobId: `${jobIdFor(last.data)}-again` });
    await finished(again.id as string);

    // A press after expiry is refused politely and privately; nothing new in the thread.
    const threadCount = h.stub.messages.filter((message) => message.channel_id === root.id).length;
    const end = buttonPress(actor(CANDIDATE), root, withId(root, 'obsp:end'));
    h.stub.dispatch('INTERACTION_CREATE', end);
    await h.stub.waitFor(() => webhookMessages(end.token).length > 0, 10_000, 'the refusal');
    const refusal = webhookMessages(end.token)[0] as StoredMessage;
    expect(refusal.content).toContain('has ended');
    expect(refusal.flags).toBe(64);
    await sleep(1_000);
    expect(inThread(root, 'expired')).toHaveLength(1);
    expect(h.stub.messages.filter((message) => message.channel_id === root.id)).toHaveLength(threadCount);
  }, 40_000);

  it('ends the session cleanly at the next timer when the candidate has left the server', async () => {
    const root = await start(LEAVER);
    // Gone from the server: GET member now answers 404 Unknown Member (10007).
    delete h.stub.guilds[0]!.members[LEAVER];
    await h.stub.waitFor(() => inThread(root, 'no longer in the server').length === 1, 8_000, 'the candidate-left note');
    expect(h.stub.callsTo('GET', new RegExp(`^/guilds/${GUILD}/members/${LEAVER}$`)).length).toBeGreaterThan(0);
    expect(inThread(root, 'your turn')).toHaveLength(0);
    // No rating or swap buttons on a session whose candidate left.
    const note = inThread(root, 'no longer in the server')[0] as StoredMessage;
    expect(customIds(note).filter((id) => id.startsWith('obsp:rate') || id.startsWith('obsp:swap'))).toEqual([]);
    // The interviewer can no longer act on it.
    const card = buttonPress(actor(INTERVIEWER), root, withId(root, 'obsp:scorecard'));
    h.stub.dispatch('INTERACTION_CREATE', card);
    await h.stub.waitFor(() => webhookMessages(card.token).length > 0, 10_000, 'the refusal');
    expect(webhookMessages(card.token)[0]?.content).toContain('has ended');
    // No failed jobs: the 404 was an answer, not an error.
    expect(await queue.getFailedCount()).toBe(0);
    expect(lines.filter((line) => line.includes('"level":"error"'))).toEqual([]);
  }, 30_000);
});
