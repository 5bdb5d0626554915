import { submitPlan } from '../commit.ts';
import { privateReply } from '../reply.ts';
import type { CommandHandler } from './types.ts';

/** `/obs-question help`. */
export const helpCommand: CommandHandler<'help'> = async (job, _command, ctx) => submitPlan(ctx, privateReply(job, [{ type: 'help' }], 'reply'));

/** Anything the grammar did not understand: the help, naming what was not understood. */
export const unknownCommand: CommandHandler<'unknown'> = async (job, command, ctx) =>
  submitPlan(ctx, privateReply(job, [{ type: 'help', notUnderstood: command.word }], 'reply'));

/** Words reserved for later issues (peer, pair, scoring). */
export const reservedCommand: CommandHandler<'reserved'> = async (job, command, ctx) =>
  submitPlan(ctx, privateReply(job, [{ type: 'help', note: `\`${command.name}\` is coming soon.` }], 'reply'));
