import type { Platform } from '../../../core/thread-id.ts';
import { totalOf, type ForgetCounts } from '../../../store/index.ts';
import { submitPlan } from '../commit.ts';
import { privateReply } from '../reply.ts';
import type { CommandHandler } from './types.ts';

const PLATFORM_NAMES: Record<Platform, string> = { slack: 'Slack', discord: 'Discord', console: 'terminal' };

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** What forget-me removed: the stores' records, and the jobs the queues still held. */
export type DeletedCounts = ForgetCounts & { jobs: number };

/** What went, in the person's words; only the kinds that had something. */
export function describeDeleted(counts: DeletedCounts): string[] {
  const lines = [
    counts.sessions > 0 ? plural(counts.sessions, 'interview session of your own', 'interview sessions of your own') : undefined,
    counts.answers > 0 ? plural(counts.answers, 'answer in channel questions', 'answers in channel questions') : undefined,
    counts.history > 0 ? plural(counts.history, 'practice history record (stats, streak, self-assessments)', 'practice history records (stats, streak, self-assessments)') : undefined,
    counts.daily > 0 ? plural(counts.daily, 'daily-question entry', 'daily-question entries') : undefined,
    counts.peer > 0 ? plural(counts.peer, 'peer-practice record', 'peer-practice records') : undefined,
    counts.publicStats > 0 ? plural(counts.publicStats, 'public-stats opt-in', 'public-stats opt-ins') : undefined,
    counts.plans > 0 ? plural(counts.plans, 'reply I had not finished sending you', 'replies I had not finished sending you') : undefined,
    counts.jobs > 0 ? plural(counts.jobs, 'message of yours still queued (waiting, retrying or failed)', 'messages of yours still queued (waiting, retrying or failed)') : undefined,
  ];
  return lines.filter((line): line is string => line !== undefined);
}

/**
 * `/obs-question forget-me`: asks to confirm, with buttons. `forget-me confirm` (the
 * "Delete my data" button) deletes everything stored under the person's id on this
 * platform, in every workspace, and says what went. A second confirm finds nothing and says
 * so. The deletion runs before the plan is stored, so a re-run of the same job deletes
 * nothing more and sends the first run's reply (the outbox keeps one plan per event).
 *
 * The queued jobs go first: a waiting answer removed then cannot run and write history
 * again after the stores were cleared. A job a worker is running (active) is not touched.
 */
export const forgetMeCommand: CommandHandler<'forget-me'> = async (job, command, ctx) => {
  if (!command.confirmed) return submitPlan(ctx, privateReply(job, [{ type: 'forget-me-confirm', platform: job.platform }], 'reply'));
  const jobs = (await ctx.deps.queuedJobs?.eraseJobsOf(job.platform, job.userId)) ?? 0;
  const counts: DeletedCounts = { ...(await ctx.deps.stores.users.forget(job.platform, job.userId)), jobs };
  ctx.log.info('forget-me: deleted a person’s data', { ...counts });
  const where = PLATFORM_NAMES[job.platform];
  const text =
    totalOf(counts) === 0
      ? `There was nothing left to delete: I store nothing about your ${where} account. (Your account on another platform is a different id there: run \`forget-me\` there too.)`
      : [
          `🗑 Deleted everything I stored about your ${where} account:`,
          ...describeDeleted(counts).map((line) => `• ${line}`),
          `Your account on another platform is a different id: run \`forget-me\` there too. Messages already posted in channels stay; delete them in ${where} if you want them gone.`,
        ].join('\n');
  return submitPlan(ctx, privateReply(job, [{ type: 'text', text }], 'reply'));
};
