import type { PeerSession } from '../../core/peer/session.ts';
import type { PlanThread } from '../interactions/plan.ts';
import type { MessageContent } from '../ports.ts';
import type { PeerRoleRated } from '../../store/peer-people-store.ts';
import type { ScorecardForm } from './ports.ts';

/**
 * Plan steps only peer practice needs, carried as `{ kind: 'peer', op }` in a stored plan so
 * they are performed once, in order, with the posts around them (see run-plan.ts).
 */
export type PeerOp =
  /** Creates the session under the thread started by `rootOf` (its id is known only then). */
  | { op: 'create'; rootOf: string; channelId: string; state: Omit<PeerSession, 'id'> }
  /** A timer (nudge or expiry) for the session in `thread`, through the tick queue. */
  | { op: 'timer'; channelId: string; thread: PlanThread; at: number }
  /** A direct message; `session` stamps the session id on it so its buttons can name it. */
  | { op: 'dm'; userId: string; content: MessageContent; session?: { channelId: string; thread: PlanThread } }
  | { op: 'rate'; ratedUserId: string; role: PeerRoleRated; field: string; stars: number }
  /** Opens the scorecard form through the press's handle (Slack trigger_id). */
  | { op: 'open-scorecard'; handle: string; form: ScorecardForm };
