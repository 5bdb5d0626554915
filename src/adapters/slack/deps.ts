import type { Logger } from '../../infra/logger.ts';
import type { InteractionProducer } from '../../queue/producers.ts';

/** What the listeners need: somewhere to put jobs, somewhere to log, and a clock. */
export interface SlackAppDeps {
  producer: Pick<InteractionProducer, 'enqueue'>;
  logger: Logger;
  now: () => number;
}
