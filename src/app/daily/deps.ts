import type { InteractionDeps } from '../interactions/context.ts';
import type { DailyScheduling } from './scheduling.ts';

/**
 * What daily runs and reveals need: the interaction deps (sender, stores, bank, clock,
 * logger), because a daily question is a channel question posted through the same outbox,
 * plus the scheduling port and the installer's default zone.
 */
export interface DailyDeps {
  interaction: InteractionDeps;
  scheduling: DailyScheduling;
  defaultTimezone: string;
}
