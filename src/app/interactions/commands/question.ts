import { submitPlan } from '../commit.ts';
import { privateReply } from '../reply.ts';
import { startSteps } from '../start-session.ts';
import type { CommandHandler, StepsDecider } from './types.ts';

/** `/obs-question [topic]`: a question in the channel that anyone may answer in its thread. */
export const questionSteps: StepsDecider<'question'> = (job, command, ctx) => {
  const { bank, random } = ctx.deps;
  if (command.topic !== undefined && !bank.hasTopic(command.topic)) return privateReply(job, [{ type: 'help', notUnderstood: command.topic }], 'reply');
  const question = bank.pick(command.topic, random);
  return startSteps(ctx, { question, mode: 'channel', channelId: job.channelId });
};

export const questionCommand: CommandHandler<'question'> = async (job, command, ctx) => submitPlan(ctx, questionSteps(job, command, ctx));
