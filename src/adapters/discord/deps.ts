import type { Logger } from '../../infra/logger.ts';
import type { InteractionProducer } from '../../queue/producers.ts';
import type { InteractionDedupe } from './interaction-dedupe.ts';

/** What the handlers need: somewhere to put jobs, a memory of interactions seen, the topics, a clock. */
export interface DiscordBotDeps {
  producer: Pick<InteractionProducer, 'enqueue'>;
  dedupe: InteractionDedupe;
  /** Topic slugs, for autocomplete. */
  topics: () => readonly string[];
  /** DISCORD_MESSAGE_CONTENT: thread messages count as answers. */
  messageContent: boolean;
  logger: Logger;
  now: () => number;
}
