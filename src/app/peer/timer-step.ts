import { nextPeerTimerAt, type PeerSession } from '../../core/peer/session.ts';
import type { PlanStep } from '../interactions/plan.ts';
import type { PeerServices } from './services.ts';

/**
 * The session's next timer (a nudge after the idle time, or the expiry), as a tick job with
 * a deterministic id: scheduling it twice adds it once, and a timer made stale by a later
 * move finds nothing to do (see onPeerTimer).
 */
export function timerStep(state: PeerSession, peer: PeerServices, channelId: string, threadTs: string): PlanStep[] {
  const at = nextPeerTimerAt(state, peer.settings.idleMs);
  if (at === undefined) return [];
  return [{ kind: 'peer', key: `timer@${at}`, op: { op: 'timer', channelId, thread: { ts: threadTs }, at } }];
}
