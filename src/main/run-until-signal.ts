import { logger } from '../infra/logger.ts';
import { stopTracing } from '../infra/tracing.ts';

export interface Closable {
  close(): Promise<void>;
}

/**
 * Keeps the process serving until SIGTERM or SIGINT, then closes the parts in order
 * (the bot first, so nothing new arrives, then the worker drains) and resolves.
 * A second signal while draining exits at once.
 */
export async function runUntilSignal(parts: Closable[]): Promise<void> {
  await new Promise<void>((resolve) => {
    let draining = false;
    const onSignal = (signal: NodeJS.Signals): void => {
      if (draining) {
        logger.warn('second signal while draining: exiting now', { signal });
        process.exit(130);
      }
      draining = true;
      logger.info('draining', { signal });
      void (async () => {
        for (const part of parts) {
          try {
            await part.close();
          } catch (error) {
            logger.error('error while closing', { error });
          }
        }
        // Flushes the spans still batched for the OTLP exporter.
        await stopTracing().catch((error: unknown) => logger.warn('could not flush traces', { error }));
        resolve();
      })();
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  });
}
