import { submitPlan } from '../commit.ts';
import { privateReply } from '../reply.ts';
import type { CommandHandler } from './types.ts';

/** `/obs-question topics`: the topics, with how many questions each has. */
export const topicsCommand: CommandHandler<'topics'> = async (job, _command, ctx) =>
  submitPlan(ctx, privateReply(job, [{ type: 'topics', topics: ctx.deps.bank.topics() }], 'reply'));
