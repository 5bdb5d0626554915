import { submitPlan } from '../commit.ts';
import { privateReply } from '../reply.ts';
import type { CommandHandler, StepsDecider } from './types.ts';

/** `/obs-question help`. */
export const helpSteps: StepsDecider<'help'> = (job) => privateReply(job, [{ type: 'help' }], 'reply');
export const helpCommand: CommandHandler<'help'> = async (job, command, ctx) => submitPlan(ctx, helpSteps(job, command, ctx));

/** Anything the grammar did not understand: the help, naming what was not understood. */
export const unknownSteps: StepsDecider<'unknown'> = (job, command) => privateReply(job, [{ type: 'help', notUnderstood: command.word }], 'reply');
export const unknownCommand: CommandHandler<'unknown'> = async (job, command, ctx) => submitPlan(ctx, unknownSteps(job, command, ctx));

/** Words reserved for later issues (peer, pair, scoring). */
export const reservedCommand: CommandHandler<'reserved'> = async (job, command, ctx) =>
  submitPlan(ctx, privateReply(job, [{ type: 'help', note: `\`${command.name}\` is coming soon.` }], 'reply'));
