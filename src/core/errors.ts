/**
 * Typed errors. Every error has a stable `code` so callers branch on it, never on text.
 *
 * - `UserError` and its subclasses carry a message that is safe and useful to show the
 *   person who caused it (an ephemeral reply, a CLI line). No stack traces reach them.
 * - Anything else is a bug or an infrastructure failure: log it, tell the user something
 *   generic, and let the queue retry where that makes sense.
 */
export class AppError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A problem the user can fix: bad arguments, unknown topic, missing permission. */
export class UserError extends AppError {}

/** One problem in one content file, reported as `path: field: message`. */
export interface ContentIssue {
  path: string;
  field: string;
  message: string;
}

export function formatContentIssue(issue: ContentIssue): string {
  return `${issue.path}: ${issue.field}: ${issue.message}`;
}

/** A content folder that failed validation; lists every problem at once. */
export class ContentError extends UserError {
  readonly issues: ContentIssue[];

  constructor(issues: ContentIssue[]) {
    super('content_invalid', issues.map(formatContentIssue).join('\n'));
    this.issues = issues;
  }
}

/** The platform asked us to slow down. */
export class RateLimitError extends AppError {
  readonly retryAfterMs: number;

  constructor(retryAfterMs: number, message = `rate limited; retry after ${retryAfterMs} ms`) {
    super('rate_limited', message);
    this.retryAfterMs = retryAfterMs;
  }
}

/**
 * The platform refused in a way retrying will not fix (channel archived, bot not in
 * channel). `userHint` says how a person can fix it, when one can.
 */
export class PermanentDeliveryError extends AppError {
  readonly userHint: string | undefined;

  constructor(code: string, message: string, userHint?: string) {
    super(code, message);
    this.userHint = userHint;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
