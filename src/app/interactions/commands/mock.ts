import { submitPlan } from '../commit.ts';
import { privateReply } from '../reply.ts';
import { startSteps } from '../start-session.ts';
import type { CommandHandler } from './types.ts';

/** `/obs-question mock [topic]`: a paced 1:1 mock interview for the person who asked. */
export const mockCommand: CommandHandler<'mock'> = async (job, command, ctx) => {
  const { bank, random } = ctx.deps;
  if (command.topic !== undefined && !bank.hasTopic(command.topic)) {
    return submitPlan(ctx, privateReply(job, [{ type: 'help', notUnderstood: `mock ${command.topic}` }], 'reply'));
  }
  const question = bank.pick(command.topic, random);
  return submitPlan(ctx, startSteps(ctx, { question, mode: 'mock', channelId: job.channelId, candidateId: job.userId }));
};
