import type { Platform } from '../../../core/thread-id.ts';
import { totalOf } from '../../../store/index.ts';
import { submitPlan } from '../commit.ts';
import { privateReply } from '../reply.ts';
import { forgetPerson, type DeletedCounts } from './forget-person.ts';
import type { CommandHandler } from './types.ts';

const PLATFORM_NAMES: Record<Platform, string> = { slack: 'Slack', discord: 'Discord', console: 'terminal' };

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

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
    counts.jobs > 0 ? plural(counts.jobs, 'message of yours the queues still held (waiting, retrying, failed or just handled)', 'messages of yours the queues still held (waiting, retrying, failed or just handled)') : undefined,
    counts.verdicts > 0 ? plural(counts.verdicts, 'cached AI scoring of an answer of yours', 'cached AI scorings of your answers') : undefined,
  ];
  return lines.filter((line): line is string => line !== undefined);
}

/** A message of theirs a worker was still handling when forget-me finished: what it stores was not deleted. */
function stillRunningNote(running: number): string {
  const which = running === 1 ? 'One message of yours was' : `${running} messages of yours were`;
  return `⏳ ${which} still being processed, so what ${running === 1 ? 'it stores' : 'they store'} when done is not deleted yet: run \`forget-me\` again in a minute.`;
}

/**
 * `/obs-question forget-me`: asks to confirm, with buttons. `forget-me confirm` (the
 * "Delete my data" button) deletes everything stored under the person's id on this
 * platform, in every workspace, and says what went (forget-person.ts). A second confirm
 * finds nothing and says so. The deletion runs before the plan is stored, so a re-run of
 * the same job (deleting again: nothing, or what a running job wrote since) sends the first
 * run's reply (the outbox keeps one plan per event).
 *
 * A job of theirs a worker is running is waited for, bounded, and the deletion run again;
 * should one still be running at the end, the reply says so rather than "everything".
 */
export const forgetMeCommand: CommandHandler<'forget-me'> = async (job, command, ctx) => {
  if (!command.confirmed) return submitPlan(ctx, privateReply(job, [{ type: 'forget-me-confirm', platform: job.platform }], 'reply'));
  const { counts, stillRunning } = await forgetPerson(ctx.deps, job.platform, job.userId, ctx.log);
  ctx.log.info('forget-me: deleted a person’s data', { ...counts, stillRunning });
  const where = PLATFORM_NAMES[job.platform];
  const otherPlatform = `Your account on another platform is a different id: run \`forget-me\` there too.`;
  const lines =
    totalOf(counts) === 0
      ? stillRunning === 0
        ? [`There was nothing left to delete: I store nothing about your ${where} account. (Your account on another platform is a different id there: run \`forget-me\` there too.)`]
        : [`I found nothing stored about your ${where} account.`, stillRunningNote(stillRunning), otherPlatform]
      : [
          stillRunning === 0 ? `🗑 Deleted everything I stored about your ${where} account:` : `🗑 Deleted what I stored about your ${where} account so far:`,
          ...describeDeleted(counts).map((line) => `• ${line}`),
          ...(stillRunning === 0 ? [] : [stillRunningNote(stillRunning)]),
          `${otherPlatform} Messages already posted in channels stay; delete them in ${where} if you want them gone.`,
        ];
  return submitPlan(ctx, privateReply(job, [{ type: 'text', text: lines.join('\n') }], 'reply'));
};
