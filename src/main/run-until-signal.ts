import { logger as rootLogger, type Logger } from '../infra/logger.ts';
import { stopTracing } from '../infra/tracing.ts';

export interface Closable {
  close(): Promise<void>;
}

/** Exit codes of a shutdown: drained in time, or forced after the bound. */
export const EXIT_DRAINED = 0;
export const EXIT_FORCED = 1;
const EXIT_SECOND_SIGNAL = 130;

export interface RunUntilSignalOptions {
  /** How long the drain may take before the process is forced out (SHUTDOWN_TIMEOUT_MS). */
  timeoutMs: number;
  logger?: Logger;
  /** Ends the process when the drain overruns or a second signal comes; tests pass their own. */
  exit?: (code: number) => void;
}

/**
 * Keeps the process serving until SIGTERM or SIGINT, then closes the parts in order (the
 * bot first, so nothing new arrives; then the workers, whose `close()` takes no new job and
 * waits for the running ones; then Redis and the HTTP servers) and resolves with exit code 0.
 *
 * The drain is bounded: after `timeoutMs` the process exits with code 1 and says so. The
 * jobs still running then are not lost: their locks expire and another worker re-runs them
 * from their stored plans, which skip the steps already delivered. A second signal while
 * draining exits at once (130), for a person pressing Ctrl-C twice.
 */
export async function runUntilSignal(parts: Closable[], options: RunUntilSignalOptions): Promise<number> {
  const log = options.logger ?? rootLogger;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  return await new Promise<number>((resolve) => {
    let draining = false;
    const onSignal = (signal: NodeJS.Signals): void => {
      if (draining) {
        log.warn('second signal while draining: exiting now', { signal });
        exit(EXIT_SECOND_SIGNAL);
        return;
      }
      draining = true;
      const started = Date.now();
      log.info('draining: no new work is taken; waiting for running jobs', { signal, timeoutMs: options.timeoutMs });
      const timer = setTimeout(() => {
        log.error(`shutdown timed out after ${options.timeoutMs} ms with work still running; forcing exit (code ${EXIT_FORCED}). Unfinished jobs are re-run by another worker once their locks expire`, {
          signal,
          timeoutMs: options.timeoutMs,
        });
        exit(EXIT_FORCED);
        resolve(EXIT_FORCED);
      }, options.timeoutMs);
      // Not unref'd: a drain stuck on a promise with no I/O behind it must still end in the forced exit.
      void (async () => {
        for (const part of parts) {
          try {
            await part.close();
          } catch (error) {
            log.error('error while closing', { error });
          }
        }
        // Flushes the spans still batched for the OTLP exporter.
        await stopTracing().catch((error: unknown) => log.warn('could not flush traces', { error }));
        clearTimeout(timer);
        log.info('drained; exiting', { signal, ms: Date.now() - started });
        resolve(EXIT_DRAINED);
      })();
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  });
}
