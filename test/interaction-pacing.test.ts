import { afterEach, describe, expect, it } from 'vitest';
import { metrics } from '../src/infra/metrics.ts';
import { PostPacer, UNBOUNDED_PACE, type PostPaces } from '../src/store/post-pacer.ts';
import { startHarness, type Harness } from './slack-worker.harness.ts';
import { testRedis, uniquePrefix } from './helpers/redis.ts';

/**
 * The interactions worker paces posts per workspace and per channel (PostPacer, booked in
 * each job's claim script), with real Redis, real BullMQ and the Slack stand-in. Workspaces
 * are told apart at the stand-in by their channels (`CA…` for workspace TA, `CB…` for TB).
 */
async function jobsCounted(outcome: string): Promise<number> {
  const { values } = await metrics.jobs.get();
  return values.filter((value) => value.labels.queue === 'interactions' && value.labels.outcome === outcome).reduce((sum, value) => sum + value.value, 0);
}

function postsTo(h: Harness, prefix: string): { channel: string; at: number }[] {
  return h.stub
    .callsTo('chat.postMessage')
    .filter((call) => String(call.args.channel).startsWith(prefix))
    .map((call) => ({ channel: String(call.args.channel), at: call.at }));
}

describe('PostPacer: one booking across a workspace and a channel', () => {
  it('books a burst at once, then one slot per interval of the slower bucket; another workspace is untouched', async () => {
    const redis = testRedis();
    try {
      // Slow paces (seconds per slot), so the time the calls themselves take is negligible.
      const pacer = new PostPacer(redis, uniquePrefix('pace'), { slack: { workspace: { perSecond: 1 / 50, burst: 3 }, channel: { perSecond: 1 / 100, burst: 2 } } });
      const booking = pacer.booking('slack', 'TA', 'C1');
      if (!booking) throw new Error('no booking for slack');
      const waits: number[] = [];
      for (let index = 0; index < 5; index += 1) waits.push(await pacer.reserve(booking));
      // The channel (one per 100 s, burst 2) binds: two at once, then one every 100 s.
      expect(waits.slice(0, 2)).toEqual([0, 0]);
      for (let index = 2; index < 5; index += 1) {
        expect(waits[index]).toBeGreaterThan((index - 1) * 100_000 - 5_000);
        expect(waits[index]).toBeLessThanOrEqual((index - 1) * 100_000);
      }
      // The workspace was charged for each of those posts too: a new channel still waits.
      const otherChannel = pacer.booking('slack', 'TA', 'C2');
      if (!otherChannel) throw new Error('no booking for slack');
      expect(await pacer.reserve(otherChannel)).toBeGreaterThan(0);
      // Another workspace shares nothing.
      const otherWorkspace = pacer.booking('slack', 'TB', 'C1');
      if (!otherWorkspace) throw new Error('no booking for slack');
      expect(await pacer.reserve(otherWorkspace)).toBe(0);
      expect(pacer.booking('discord', 'G1', 'C1')).toBeUndefined();
    } finally {
      redis.disconnect();
    }
  });
});

describe('interactions worker: pacing per workspace and per channel', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  const start = async (slack: PostPaces): Promise<Harness> => (h = await startHarness({ pacing: { slack } }));

  it('a workspace flooding its pace does not hold up another workspace', async () => {
    // Workspace TA: one post per 500 ms after the first; channels are not the limit.
    const harness = await start({ workspace: { perSecond: 2, burst: 1 }, channel: UNBOUNDED_PACE });
    const flood = 8;
    const pacedBefore = await jobsCounted('paced');
    const floodJobs = await Promise.all(Array.from({ length: flood }, (_, index) => harness.enqueue(harness.command('', { workspaceId: 'TA', channelId: `CA${index}` }))));
    await harness.stub.waitFor(() => postsTo(harness, 'CA').length >= 1, 10_000, 'the flood’s first post');

    const other = await harness.enqueue(harness.command('', { workspaceId: 'TB', channelId: 'CB1' }));
    await other.waitUntilFinished(harness.events, 10_000);
    // TB's post went out while most of TA's were still waiting for their slots.
    const postedBeforeB = postsTo(harness, 'CA').length;
    expect(postsTo(harness, 'CB')).toHaveLength(1);
    expect(postedBeforeB).toBeLessThanOrEqual(flood / 2);

    await Promise.all(floodJobs.map((job) => job.waitUntilFinished(harness.events, 15_000)));
    const floodPosts = postsTo(harness, 'CA');
    expect(floodPosts).toHaveLength(flood);
    // And TA kept its pace: 8 posts at 2/s span at least 3.5 s.
    expect(floodPosts[flood - 1]!.at - floodPosts[0]!.at).toBeGreaterThanOrEqual(7 * 500 - 200);
    // All but the first waited in the delayed set (more than once if one came back late).
    expect((await jobsCounted('paced')) - pacedBefore).toBeGreaterThanOrEqual(flood - 1);
    // Waiting did not spend attempts: every job made one.
    for (const job of floodJobs) expect((await harness.queue.getJob(job.id ?? ''))?.attemptsMade).toBe(1);
  });

  it('posts in one channel are spaced by the channel’s pace, and other channels of the workspace are not', async () => {
    const interval = 500;
    const harness = await start({ workspace: UNBOUNDED_PACE, channel: { perSecond: 1_000 / interval, burst: 1 } });
    const count = 5;
    const jobs = await Promise.all(Array.from({ length: count }, (_, index) => harness.enqueue(harness.command('', { workspaceId: 'TA', channelId: 'CA1', userId: `U${index}` }))));
    const elsewhere = await harness.enqueue(harness.command('', { workspaceId: 'TA', channelId: 'CA2' }));
    await Promise.all([...jobs, elsewhere].map((job) => job.waitUntilFinished(harness.events, 15_000)));

    const inChannel = postsTo(harness, 'CA1').map((post) => post.at);
    expect(inChannel).toHaveLength(count);
    const gaps = inChannel.slice(1).map((at, index) => at - inChannel[index]!);
    // Each slot is `interval` after the last on Redis's clock; delivery adds a little jitter.
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(interval - 200);
    expect(inChannel[count - 1]! - inChannel[0]!).toBeGreaterThanOrEqual((count - 1) * interval - 200);
    // The other channel's post did not queue behind them.
    const otherAt = postsTo(harness, 'CA2')[0]!.at;
    expect(otherAt).toBeLessThan(inChannel[count - 1]!);
  });

  it('jobs that come back late from their delay book new slots instead of posting all at once', async () => {
    const interval = 400;
    const harness = await start({ workspace: UNBOUNDED_PACE, channel: { perSecond: 1_000 / interval, burst: 1 } });
    const count = 4;
    const jobs = await Promise.all(Array.from({ length: count }, (_, index) => harness.enqueue(harness.command('', { workspaceId: 'TA', channelId: 'CA1', userId: `U${index}` }))));
    await harness.stub.waitFor(() => postsTo(harness, 'CA1').length >= 1, 10_000, 'the first post');
    // A worker too busy to take them: every booked slot passes while the jobs sit delayed.
    await harness.running.worker.pause(true);
    await new Promise((resolve) => setTimeout(resolve, count * interval + 500));
    harness.running.worker.resume();
    await Promise.all(jobs.map((job) => job.waitUntilFinished(harness.events, 15_000)));

    const times = postsTo(harness, 'CA1').map((post) => post.at);
    expect(times).toHaveLength(count);
    // Had they kept their old slots, the three late ones would have gone out back to back.
    for (let index = 1; index < count; index += 1) expect(times[index]! - times[index - 1]!).toBeGreaterThanOrEqual(interval - 200);
  });

  it('a 429 slows down only the workspace that got it', async () => {
    const harness = await start({ workspace: { perSecond: 50, burst: 5 }, channel: { perSecond: 50, burst: 5 } });
    harness.stub.script('chat.postMessage', { retryAfter: 2 });
    const limited = await harness.enqueue(harness.command('', { workspaceId: 'TA', channelId: 'CA1' }));
    await harness.stub.waitFor(() => harness.stub.callsTo('chat.postMessage').length >= 1, 10_000, 'the 429');
    for (let tries = 0; (await limited.getState()) !== 'delayed'; tries += 1) {
      if (tries > 500) throw new Error('the rate-limited job was not delayed');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }

    // After the 429: another channel of the same workspace waits too, another workspace does not.
    const sameWorkspace = await harness.enqueue(harness.command('', { workspaceId: 'TA', channelId: 'CA2' }));
    const otherWorkspace = await harness.enqueue(harness.command('', { workspaceId: 'TB', channelId: 'CB1' }));
    await otherWorkspace.waitUntilFinished(harness.events, 10_000);
    expect(postsTo(harness, 'CB')).toHaveLength(1);
    // Only the 429 has reached Slack from TA so far.
    expect(postsTo(harness, 'CA')).toHaveLength(1);

    await Promise.all([limited, sameWorkspace].map((job) => job.waitUntilFinished(harness.events, 15_000)));
    const [rateLimited, ...afterwards] = postsTo(harness, 'CA');
    expect(afterwards.map((post) => post.channel).sort()).toEqual(['CA1', 'CA2']);
    for (const post of afterwards) expect(post.at - rateLimited!.at).toBeGreaterThanOrEqual(2_000 - 100);
    expect(postsTo(harness, 'CB')[0]!.at).toBeLessThan(Math.min(...afterwards.map((post) => post.at)));
    expect(await jobsCounted('rate_limited')).toBeGreaterThanOrEqual(1);
    // The 429 spent no attempt.
    expect((await harness.queue.getJob(limited.id ?? ''))?.attemptsMade).toBe(1);
  });
});
