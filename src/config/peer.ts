import { z } from 'zod';
import type { PeerSettings } from '../app/peer/ports.ts';
import { ConfigError } from './errors.ts';

/**
 * Peer practice's timings, from the environment: `PEER_NUDGE_HOURS` (idle time before a
 * nudge, default 24) and `PEER_EXPIRY_DAYS` (session lifetime, default 7). Fractions are
 * allowed so a test or a demo can run a whole session in minutes.
 */
const HOUR = 3_600_000;
const schema = z.object({
  PEER_NUDGE_HOURS: z.coerce.number().positive().max(24 * 30).default(24),
  PEER_EXPIRY_DAYS: z.coerce.number().positive().max(90).default(7),
});

export function peerSettingsFrom(env: NodeJS.ProcessEnv): PeerSettings {
  const parsed = schema.safeParse({ PEER_NUDGE_HOURS: env.PEER_NUDGE_HOURS || undefined, PEER_EXPIRY_DAYS: env.PEER_EXPIRY_DAYS || undefined });
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => ({ variable: issue.path.join('.'), message: `${issue.message} (hours for PEER_NUDGE_HOURS, days for PEER_EXPIRY_DAYS)` })));
  }
  return { idleMs: parsed.data.PEER_NUDGE_HOURS * HOUR, expiryMs: parsed.data.PEER_EXPIRY_DAYS * 24 * HOUR };
}
