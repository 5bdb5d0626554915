import type { PoolSchedule } from '../../core/peer/pool.ts';
import type { PeerPoolStore } from '../../store/peer-pool-store.ts';

/** The pairing pool's store and its weekly scheduler (a BullMQ job scheduler per channel). */
export interface PoolServices {
  store: PeerPoolStore;
  /** Creates or moves the channel's weekly round. */
  schedule(channelKey: string, schedule: PoolSchedule): Promise<void>;
  /** When the channel's next round runs (epoch ms), if scheduled. */
  nextRun(channelKey: string): Promise<number | undefined>;
  /** The zone used when `pair schedule` names none (OBS_DEFAULT_TIMEZONE). */
  defaultTimezone: string;
}
