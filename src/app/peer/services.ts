import type { PeerPeopleStore } from '../../store/peer-people-store.ts';
import type { PeerSessionStore } from '../../store/peer-session-store.ts';
import type { PeerPlatforms, PeerSettings } from './ports.ts';
import type { PoolServices } from './pool-services.ts';

/** Everything peer practice needs in a worker, handed in by the composition root. */
export interface PeerServices {
  sessions: PeerSessionStore;
  people: PeerPeopleStore;
  platforms: PeerPlatforms;
  settings: PeerSettings;
  /** The pairing pool, where a pair worker is wired. */
  pool?: PoolServices;
}

export const DEFAULT_PEER_SETTINGS: PeerSettings = { idleMs: 24 * 3_600_000, expiryMs: 7 * 24 * 3_600_000 };
