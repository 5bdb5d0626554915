import { afterEach, describe, expect, it } from 'vitest';
import { DAILY_REVEAL_JOB, revealJobIdFor } from '../../src/queue/daily-jobs.ts';
import { textOf } from '../slack-worker.harness.ts';
import { berlin, CHANNEL, CHANNEL_KEY, startDailyHarness, type DailyHarness } from './harness.ts';

/**
 * During the day and after: answers in the daily thread, the reveal with the team's
 * coverage, opt-in sharing, streaks in channel-local scheduled days, the leaderboard.
 * The rubric (same for every test question): propagation (3), sampling (3), overhead (2),
 * privacy (1); the scorer counts a point covered when an evidence phrase appears.
 */
let h: DailyHarness;

afterEach(async () => {
  await h.close();
});

const ANA = 'UANA';
const LI = 'ULI';
const BOB = 'UBOB';

async function postOn(day: number): Promise<string> {
  h.clock.now = berlin(day, 9, 0, 1);
  const result = await h.waitFor(await h.addScheduledRun(berlin(day, 9)));
  expect(result).toMatchObject({ outcome: 'posted' });
  return (result as { threadTs: string }).threadTs;
}

function revealsIn(rootTs: string): string[] {
  return h.stub.threadReplies(CHANNEL, rootTs).map((message) => textOf(message.blocks)).filter((text) => text.includes('Key points for today’s question'));
}

describe('the daily reveal', () => {
  it('posts once in the thread: key points, trade-offs, tip, the team’s coverage, and only opted-in scores', async () => {
    h = await startDailyHarness();
    h.clock.now = berlin(5, 7);
    await h.command('daily set 09:00 Europe/Berlin');
    await h.command('stats public on', ANA);
    const rootTs = await postOn(5);

    h.clock.now = berlin(5, 10);
    await h.answer(rootTs, ANA, 'I would propagate the traceparent header, use tail sampling, and a batch exporter.');
    await h.answer(rootTs, LI, 'Context propagation through every queue.');
    await h.answer(rootTs, BOB, 'Keep PII out and redact it; pass the traceparent along.');
    // Everyone got private feedback, nothing public in the thread yet.
    expect(h.stub.callsTo('chat.postEphemeral').map((call) => call.args.user)).toEqual(expect.arrayContaining([ANA, LI, BOB]));
    expect(h.stub.threadReplies(CHANNEL, rootTs)).toHaveLength(0);

    h.clock.now = berlin(5, 17, 0, 2);
    expect(await h.reveal('2032-01-05')).toMatchObject({ outcome: 'revealed', answerers: 3 });
    const [reveal, ...more] = revealsIn(rootTs);
    expect(more).toHaveLength(0);
    expect(reveal).toContain('Key points for today’s question* · 3 answers');
    expect(reveal).toContain('1. *Context propagation*: Propagates W3C trace context across sync and async hops. _(covered by 3 of 3)_: the team’s strongest point');
    expect(reveal).toContain('2. *Sampling strategy*: Uses tail-based sampling that keeps errors and slow traces. _(1 of 3)_: the team’s blind spot today');
    expect(reveal).toContain('4. *Privacy*: Keeps PII out of span attributes. _(1 of 3)_');
    expect(reveal).toContain('*Trade-offs:* Storage cost vs debugging power.');
    expect(reveal).toContain('*Tip:* Lead with sampling and its cost.');
    // Ana opted in: her score is shown. Li and Bob did not: they appear nowhere.
    expect(reveal).toMatch(/🏅 Scores: <@UANA> \d+\/100/);
    expect(reveal).not.toContain(LI);
    expect(reveal).not.toContain(BOB);

    // The same reveal again (a re-added job, a retry) posts nothing more.
    const again = await h.dailyQueue.add(DAILY_REVEAL_JOB, { kind: DAILY_REVEAL_JOB, channelKey: CHANNEL_KEY, localDate: '2032-01-05' }, { jobId: `${revealJobIdFor(CHANNEL_KEY, '2032-01-05')}.again` });
    expect(await h.waitFor(again)).toMatchObject({ outcome: 'duplicate' });
    expect(revealsIn(rootTs)).toHaveLength(1);

    // The day's coverage joined the channel's topic stats once: 6 of 12 (person, point) pairs.
    const { stats, cycle } = await h.daily.stores.daily.channels.poolState(CHANNEL_KEY);
    expect(stats.alerting).toEqual({ pointsCovered: 6, pointsPossible: 12, timesAsked: 1 });
    expect(cycle).toEqual(['sample-alerting']);
  });

  it('without answers or opt-ins it still reveals the key points, and shares nobody’s score', async () => {
    h = await startDailyHarness();
    h.clock.now = berlin(5, 7);
    await h.command('daily set 09:00 Europe/Berlin');
    const rootTs = await postOn(5);
    h.clock.now = berlin(5, 10);
    await h.answer(rootTs, LI, 'Context propagation and tail sampling.');
    h.clock.now = berlin(5, 17, 0, 2);
    await h.reveal('2032-01-05');
    const [reveal] = revealsIn(rootTs);
    expect(reveal).toContain('1 answer');
    expect(reveal).not.toContain('🏅');
    expect(reveal).not.toContain(LI);
    expect(reveal).toContain('Individual scores stay private');
  });

  it('an answer after the reveal is still scored privately but does not count for the streak', async () => {
    h = await startDailyHarness();
    h.clock.now = berlin(5, 7);
    await h.command('daily set 09:00 Europe/Berlin');
    const rootTs = await postOn(5);
    h.clock.now = berlin(5, 17, 30);
    await h.reveal('2032-01-05');
    const before = h.stub.callsTo('chat.postEphemeral').length;
    await h.answer(rootTs, LI, 'Context propagation, tail sampling.');
    expect(h.stub.callsTo('chat.postEphemeral').length).toBeGreaterThan(before);
    expect((await h.daily.stores.daily.answers.daysOf(CHANNEL_KEY, LI)).size).toBe(0);
  });
});

describe('streaks and the leaderboard', () => {
  it('counts scheduled days in the channel’s zone across a weekend, and lists only people who opted in', async () => {
    h = await startDailyHarness();
    h.clock.now = berlin(8, 7);
    await h.command('daily set 09:00 Europe/Berlin mon-fri');
    await h.command('stats public on', ANA);
    await h.command('stats public on', BOB);
    // Thu 8, Fri 9, (weekend), Mon 12 January.
    for (const day of [8, 9, 12]) {
      const rootTs = await postOn(day);
      h.clock.now = berlin(day, 11);
      await h.answer(rootTs, ANA, 'traceparent and tail sampling');
      await h.answer(rootTs, LI, 'traceparent, tail sampling, batch exporter, pii');
      if (day !== 9) await h.answer(rootTs, BOB, 'context propagation');
    }
    h.clock.now = berlin(12, 12);
    await h.command('leaderboard', BOB);
    const board = h.lastReply();
    expect(board).toContain('*🔥 Current streaks*\n1. <@UANA>: 3 days\n2. <@UBOB>: 1 day');
    expect(board).toContain('*🏅 Points covered in Jan 2032*\n1. <@UANA>: 6 points\n2. <@UBOB>: 2 points');
    // Li covered the most but never opted in: not on the board.
    expect(board).not.toContain(LI);

    await h.command('stats', ANA);
    expect(h.lastReply()).toContain(`<#${CHANNEL}>: answered on 3 days · 🔥 3-day streak · 6 points this month`);
    await h.command('stats', BOB);
    expect(h.lastReply()).toContain('answered on 2 days · 🔥 1-day streak');

    // Monday's reveal shows the streaks of opted-in answerers only.
    h.clock.now = berlin(12, 17, 0, 2);
    await h.reveal('2032-01-12');
    const record = await h.daily.stores.daily.posts.get(CHANNEL_KEY, '2032-01-12');
    const [reveal] = revealsIn(record?.threadTs ?? '');
    expect(reveal).toContain('🔥 Streaks: 3 days: <@UANA>');
    expect(reveal).not.toContain(LI);
  });

  it('stats public off takes a person off the leaderboard again', async () => {
    h = await startDailyHarness();
    h.clock.now = berlin(5, 7);
    await h.command('daily set 09:00 Europe/Berlin');
    await h.command('stats public on', ANA);
    const rootTs = await postOn(5);
    await h.answer(rootTs, ANA, 'traceparent');
    await h.command('leaderboard', ANA);
    expect(h.lastReply()).toContain('<@UANA>: 1 day');
    await h.command('stats public off', ANA);
    expect(h.lastReply()).toContain('private again');
    await h.command('leaderboard', ANA);
    expect(h.lastReply()).toContain('Nobody here has shared their daily results yet');
  });

  it('questions do not repeat until the pool is used up, weakest topic first', async () => {
    h = await startDailyHarness();
    h.clock.now = berlin(5, 7);
    await h.command('daily set 09:00 Europe/Berlin daily');
    const asked: string[] = [];
    for (const day of [5, 6, 7, 8]) {
      await postOn(day);
      asked.push((await h.daily.stores.daily.posts.get(CHANNEL_KEY, `2032-01-0${day}`))?.questionId ?? '');
    }
    // Three questions: each once (ties broken by times asked, then topic name), then a new cycle
    // that does not start with the question asked last.
    expect(asked.slice(0, 3)).toEqual(['sample-alerting', 'sample-logging', 'sample-tracing']);
    expect(asked[3]).not.toBe('sample-tracing');
  });
});
