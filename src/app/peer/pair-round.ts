import { pairRound, pairsOf } from '../../core/peer/pairing.ts';
import { RECENT_ROUNDS, activeMembers } from '../../core/peer/pool.ts';
import type { Logger } from '../../infra/logger.ts';
import type { PeerPoolStore } from '../../store/peer-pool-store.ts';
import { parseChannelKey } from '../daily/channel-key.ts';
import { freshProgress, senderFor, type ChatSender, type SenderRouter } from '../ports.ts';

/**
 * One weekly round for a channel's pool: the active members are paired (seeded by the
 * channel and the round's local date, so a re-run decides the same thing, and a test can
 * predict it), avoiding pairs from the last rounds, with one trio for an odd count; each
 * member gets a DM naming their partner(s) and who interviews first. The decision is
 * stored before any DM; DMs already sent are skipped on a re-run.
 */
export interface PairRoundDeps {
  store: PeerPoolStore;
  sender: ChatSender | SenderRouter;
  now: () => number;
  logger: Logger;
}

export function roundIdOf(now: number, timezone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(now));
}

export async function runPairRound(channelKey: string, deps: PairRoundDeps): Promise<{ roundId: string; groups: number; dms: number }> {
  const ref = parseChannelKey(channelKey);
  const schedule = await deps.store.schedule(channelKey);
  const roundId = roundIdOf(deps.now(), schedule?.timezone ?? 'UTC');
  const members = activeMembers(await deps.store.members(channelKey), deps.now());
  const recent = await deps.store.recentPairs(channelKey, RECENT_ROUNDS);
  const round = pairRound(members, recent, `${channelKey}:${roundId}`);
  if (round.repeats > 0) deps.logger.info('pairing round repeats a recent pair: no other arrangement', { channelKey, repeats: round.repeats });
  const groups = await deps.store.decideRound(channelKey, roundId, round.groups, pairsOf(round.groups), RECENT_ROUNDS);
  const sent = await deps.store.delivered(channelKey, roundId);
  const sender = senderFor(deps.sender, ref.platform);
  let dms = 0;
  for (const group of groups) {
    for (const userId of group.members) {
      if (sent.has(userId)) continue;
      const content = { parts: [{ type: 'peer' as const, view: { kind: 'pair-match' as const, channelId: ref.channelId, members: group.members, firstInterviewer: group.firstInterviewer, to: userId } }] };
      await sender.sendDirect(ref.workspaceId, userId, content, freshProgress(`pair:${channelKey}:${roundId}:${userId}`));
      await deps.store.markDelivered(channelKey, roundId, userId);
      dms += 1;
    }
  }
  return { roundId, groups: groups.length, dms };
}
