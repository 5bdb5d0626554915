import { submitPlan } from '../commit.ts';
import { privateReply } from '../reply.ts';
import { startSteps } from '../start-session.ts';
import type { CommandHandler, StepsDecider } from './types.ts';

/** `/obs-question mock [topic]`: a paced 1:1 mock interview for the person who asked. */
export const mockSteps: StepsDecider<'mock'> = (job, command, ctx) => {
  const { bank, random } = ctx.deps;
  if (command.topic !== undefined && !bank.hasTopic(command.topic)) return privateReply(job, [{ type: 'help', notUnderstood: `mock ${command.topic}` }], 'reply');
  const question = bank.pick(command.topic, random);
  return startSteps(ctx, { question, mode: 'mock', channelId: job.channelId, candidateId: job.userId });
};

export const mockCommand: CommandHandler<'mock'> = async (job, command, ctx) => submitPlan(ctx, mockSteps(job, command, ctx));
