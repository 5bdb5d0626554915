import { submitPlan } from '../commit.ts';
import { privateReply } from '../reply.ts';
import type { CommandHandler, StepsDecider } from './types.ts';

/** `/obs-question topics`: the topics, with how many questions each has. */
export const topicsSteps: StepsDecider<'topics'> = (job, _command, ctx) => privateReply(job, [{ type: 'topics', topics: ctx.deps.bank.topics() }], 'reply');
export const topicsCommand: CommandHandler<'topics'> = async (job, command, ctx) => submitPlan(ctx, topicsSteps(job, command, ctx));
