import type { DailyRevealJob } from '../../queue/daily-jobs.ts';
import { submitPlan } from '../interactions/commit.ts';
import type { JobContext } from '../interactions/context.ts';
import { parsePlan, type Plan } from '../interactions/plan.ts';
import { runPlan } from '../interactions/run-plan.ts';
import type { DailyRevealSummary } from '../ports.ts';
import { parseChannelKey } from './channel-key.ts';
import type { DailyDeps } from './deps.ts';
import { teamCoverage } from './reveal-summary.ts';
import { standingOf } from './standings.ts';

/**
 * The reveal, in the daily question's thread at the configured time after it went out:
 * the key points (the rubric, readably), how many of the day's answerers covered each, the
 * trade-offs and the tip. Scores and streaks appear only for people who opted in.
 *
 * Once per channel and day: the job id is deterministic, the event is claimed for the job,
 * and the message goes through the outbox (a re-run finds an unconfirmed post by its
 * metadata). The day's coverage joins the channel's topic stats once (guarded by date).
 */
export type DailyRevealOutcome = { outcome: 'revealed'; answerers: number; resumed: boolean } | { outcome: 'skipped' | 'duplicate'; reason: string };

export function revealEventKey(channelKey: string, localDate: string): string {
  return `daily-reveal:${channelKey}:${localDate}`;
}

function summaryOf(plan: Plan): DailyRevealSummary | undefined {
  for (const step of plan.steps) {
    if (step.kind !== 'post') continue;
    for (const part of step.content.parts) if (part.type === 'daily-reveal') return part.reveal;
  }
  return undefined;
}

export async function runDailyReveal(run: { jobId: string; job: DailyRevealJob }, deps: DailyDeps): Promise<DailyRevealOutcome> {
  const { interaction } = deps;
  const { stores, bank } = interaction;
  const { channelKey, localDate } = run.job;
  const log = interaction.logger.child({ channelKey, localDate, jobId: run.jobId });
  const record = await stores.daily.posts.get(channelKey, localDate);
  if (!record) {
    log.warn('no daily question recorded for this day; nothing to reveal');
    return { outcome: 'skipped', reason: 'no_post' };
  }
  const question = bank.get(record.questionId);
  if (!question) {
    log.warn('the day’s question has left the question bank; cannot reveal it', { questionId: record.questionId });
    return { outcome: 'skipped', reason: 'question_gone' };
  }
  const ref = parseChannelKey(channelKey);
  const eventKey = revealEventKey(channelKey, localDate);
  if ((await stores.dedupe.claim(ref.workspaceId, eventKey, run.jobId)) === 'duplicate') {
    log.info('reveal already handled by another job');
    return { outcome: 'duplicate', reason: 'claimed' };
  }
  const ctx: JobContext = { deps: interaction, platform: ref.platform, workspaceId: ref.workspaceId, eventKey, log };
  const stored = await stores.outbox.get(ref.workspaceId, eventKey);
  let plan: Plan;
  if (stored) {
    plan = parsePlan(stored, interaction.bank);
  } else {
    const session = await stores.sessions.get(record.sessionId);
    if (!session) log.warn('the daily session has expired; revealing without the team’s coverage');
    const coverage = teamCoverage(question, session?.state, record.revealAt);
    const optedIn = await stores.daily.publicStats.publicAmong(ref.workspaceId, coverage.answerers);
    const shared = await Promise.all(
      optedIn.map(async (userId) => ({
        userId,
        score: coverage.scores.get(userId) ?? 0,
        streak: (await standingOf(stores.daily, channelKey, userId, record.revealAt, deps.defaultTimezone)).streak,
      })),
    );
    const reveal: DailyRevealSummary = {
      localDate,
      answerers: coverage.answerers.length,
      points: coverage.points,
      ...(coverage.strongest === undefined ? {} : { strongest: coverage.strongest }),
      ...(coverage.blindSpot === undefined ? {} : { blindSpot: coverage.blindSpot }),
      tradeOffs: question.tradeOffs,
      tip: question.tip,
      shared,
    };
    plan = await submitPlan(ctx, [
      { kind: 'post', key: 'reveal', channelId: ref.channelId, thread: { ts: record.threadTs }, content: { parts: [{ type: 'daily-reveal', reveal }], sessionId: record.sessionId } },
    ]);
  }
  await runPlan(plan, interaction);
  const summary = summaryOf(plan);
  if (summary) {
    const covered = summary.points.reduce((sum, point) => sum + point.coveredBy, 0);
    // A silent day counts as none of the rubric covered, so an ignored topic stays "weak".
    const possible = Math.max(1, summary.answerers) * summary.points.length;
    await stores.daily.channels.applyCoverage(channelKey, localDate, question.topic, covered, possible);
  }
  log.info('daily key points revealed', { answerers: summary?.answerers, resumed: stored !== undefined });
  return { outcome: 'revealed', answerers: summary?.answerers ?? 0, resumed: stored !== undefined };
}
