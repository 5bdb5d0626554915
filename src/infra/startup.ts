import pRetry, { AbortError } from 'p-retry';
import { AppError } from '../core/errors.ts';
import type { Logger } from './logger.ts';

/**
 * Exit codes a supervisor can tell apart: 1 is a mistake a person must fix (configuration,
 * content), 69 (EX_UNAVAILABLE in sysexits.h) a dependency that could not be reached at
 * start-up (restarting later may succeed), 70 (EX_SOFTWARE) a bug.
 */
export const EXIT_CONFIG = 1;
export const EXIT_UNAVAILABLE = 69;
export const EXIT_BUG = 70;

/**
 * A platform (Slack, Discord) did not answer at start-up, after retrying. Neither a bug nor
 * a configuration mistake: the message says what was tried and what to check.
 */
export class PlatformUnreachableError extends AppError {
  readonly platform: string;
  readonly attempts: number;
  readonly exitCode = EXIT_UNAVAILABLE;

  constructor(platform: string, target: string, attempts: number, cause: unknown, hint = '') {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
    super('platform_unreachable', `could not reach ${platform} at ${target} after ${tries} (${reason}). Check that this host can reach it (network, proxy, DNS)${hint}; the process exits with code ${EXIT_UNAVAILABLE} so its supervisor can restart it.`, {
      cause,
    });
    this.platform = platform;
    this.attempts = attempts;
  }
}

export function isPlatformUnreachable(error: unknown): error is PlatformUnreachableError {
  return error instanceof PlatformUnreachableError;
}

export interface StartupRetryOptions {
  /** Retries after the first attempt. */
  retries: number;
  /** First wait; doubles each time up to maxDelayMs. */
  minDelayMs?: number;
  maxDelayMs?: number;
  logger: Logger;
}

export const DEFAULT_STARTUP_RETRIES = 4;

/**
 * Runs a start-up step (verify a token, open a gateway) with exponential backoff, via
 * p-retry. `isPermanent` errors (a rejected token) are not retried: they are thrown as they
 * are. Otherwise the last error is wrapped by `giveUp` into the typed error to report.
 */
export async function retryStartup<T>(
  what: string,
  step: () => Promise<T>,
  options: StartupRetryOptions & { isPermanent: (error: unknown) => boolean; giveUp: (error: unknown, attempts: number) => Error },
): Promise<T> {
  let attempts = 0;
  try {
    return await pRetry(
      async () => {
        attempts += 1;
        try {
          return await step();
        } catch (error) {
          if (options.isPermanent(error)) throw new AbortError(error instanceof Error ? error : String(error));
          throw error instanceof Error ? error : new Error(String(error));
        }
      },
      {
        retries: options.retries,
        minTimeout: options.minDelayMs ?? 1_000,
        maxTimeout: options.maxDelayMs ?? 10_000,
        factor: 2,
        randomize: false,
        onFailedAttempt: ({ error, attemptNumber, retriesLeft }) => {
          if (retriesLeft > 0) options.logger.warn(`${what} failed at start-up; retrying`, { attempt: attemptNumber, retriesLeft, error });
        },
      },
    );
  } catch (error) {
    if (options.isPermanent(error)) throw error;
    throw options.giveUp(error, attempts);
  }
}
