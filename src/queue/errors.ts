import { AppError } from '../core/errors.ts';

/**
 * Redis (and so the queue) cannot take the job right now. Not the user's fault and not a
 * bug: the adapter says "try again in a minute" and logs a warning, never a stack trace.
 */
export class QueueUnavailableError extends AppError {
  constructor(reason: string, options?: { cause?: unknown }) {
    super('queue_unavailable', `interaction queue unavailable: ${reason}`, options);
  }
}

export function isQueueUnavailable(error: unknown): error is QueueUnavailableError {
  return error instanceof QueueUnavailableError;
}
