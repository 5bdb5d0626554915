import { DAILY_USAGE } from '../../../../core/schedule/daily-command.ts';
import { submitPlan } from '../../commit.ts';
import { privateReply } from '../../reply.ts';
import type { DailyAction } from './types.ts';

/** `daily` or `daily help`: the usage. */
export const dailyHelpAction: DailyAction<'help'> = async (job, _command, ctx) =>
  submitPlan(ctx, privateReply(job, [{ type: 'text', text: `*Daily questions*\n\`\`\`${DAILY_USAGE}\`\`\`` }], 'reply'));
