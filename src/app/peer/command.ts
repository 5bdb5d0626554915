import type { CommandHandler } from '../interactions/commands/types.ts';
import { startPeerCommand } from './start.ts';
import { pairCommand } from './pair-command.ts';

/**
 * The reserved words: `peer` starts a session where peer practice is wired; `pair` (the
 * pairing pool) and a worker without peer practice keep the "coming soon" answer.
 */
export function peerCommand(fallback: CommandHandler<'reserved'>): CommandHandler<'reserved'> {
  return async (job, command, ctx) => {
    const peer = ctx.deps.peer;
    if (command.name === 'peer' && peer) return startPeerCommand(job, command.args, ctx, peer);
    if (command.name === 'pair' && peer?.pool) return pairCommand(job, command.args, ctx, peer.pool);
    return fallback(job, command, ctx);
  };
}
