import { parseDuration } from './duration.ts';

/**
 * The words after `/obs-question peer` and `/obs-question pair`, which the shared grammar
 * keeps as reserved words with their arguments. A mention arrives in the platform's wire
 * format: Slack `<@U123|ana>` or `<@U123>`, Discord `<@123>` or `<@!123>`.
 */
export type PeerCommand =
  | { kind: 'peer-start'; candidateId: string; topic?: string }
  | { kind: 'pair-join' }
  | { kind: 'pair-leave' }
  | { kind: 'pair-status' }
  | { kind: 'pair-snooze'; ms: number; label: string }
  /** `pair schedule mon 09:30 [Area/City]`: the words after `schedule`, checked by parsePoolSchedule. */
  | { kind: 'pair-schedule'; words: string[] }
  | { kind: 'peer-invalid'; message: string };

const MENTION = /^<@!?([A-Z0-9a-z]+)(?:\|[^>]*)?>$/;
const TOPIC = /^[a-z0-9][a-z0-9-]*$/;

export const PEER_USAGE = 'Usage: `/obs-question peer @colleague [topic]`: you interview them in a thread.';
export const PAIR_USAGE = 'Usage: `/obs-question pair join|leave|status|snooze 2w|schedule mon 09:30 [Area/City]`.';

export function parsePeerArgs(args: readonly string[]): PeerCommand {
  const [mention, topic, ...more] = args;
  if (!mention) return { kind: 'peer-invalid', message: `Name the colleague you want to interview. ${PEER_USAGE}` };
  const match = MENTION.exec(mention);
  if (!match?.[1]) return { kind: 'peer-invalid', message: `"${mention.slice(0, 40)}" is not a mention of a person. ${PEER_USAGE}` };
  if (more.length > 0 || (topic !== undefined && !TOPIC.test(topic.toLowerCase()))) return { kind: 'peer-invalid', message: `Give at most one topic after the mention. ${PEER_USAGE}` };
  return topic === undefined ? { kind: 'peer-start', candidateId: match[1] } : { kind: 'peer-start', candidateId: match[1], topic: topic.toLowerCase() };
}

export function parsePairArgs(args: readonly string[]): PeerCommand {
  const [verb, amount, ...more] = args.map((word) => word.toLowerCase());
  // Zones keep their case (Europe/Berlin): take the schedule's words as typed.
  if (verb === 'schedule') return { kind: 'pair-schedule', words: args.slice(1) };
  if (verb === 'join' && amount === undefined) return { kind: 'pair-join' };
  if (verb === 'leave' && amount === undefined) return { kind: 'pair-leave' };
  if ((verb === 'status' || verb === undefined) && amount === undefined) return { kind: 'pair-status' };
  if (verb === 'snooze' && amount !== undefined && more.length === 0) {
    const ms = parseDuration(amount);
    if (ms !== undefined) return { kind: 'pair-snooze', ms, label: amount };
    return { kind: 'peer-invalid', message: `"${amount.slice(0, 20)}" is not a duration such as 1w, 2w or 10d (at most 12 weeks). ${PAIR_USAGE}` };
  }
  return { kind: 'peer-invalid', message: PAIR_USAGE };
}
