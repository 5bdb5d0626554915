import { ErrorCode, type WebAPICallError } from '@slack/web-api';
import { AppError, PermanentDeliveryError, RateLimitError } from '../../core/errors.ts';

/**
 * Slack failures, sorted by what the queue should do with them:
 * - 429 (or `ratelimited`) → RateLimitError: wait Retry-After, then try again; no attempt spent.
 * - a refusal retrying cannot fix → PermanentDeliveryError, with how a person can fix it;
 * - anything else (5xx, network, Slack's own internal errors) → a plain AppError: retry with backoff.
 */
const REINSTALL = 'Ask a workspace admin to reinstall the app, then try again.';

export const PERMANENT_HINTS: Record<string, string | undefined> = {
  channel_not_found: 'I can’t see this channel. If it is private, invite me first with `/invite @obs-bot`, then try again.',
  not_in_channel: 'I’m not in this channel yet. Invite me with `/invite @obs-bot`, then try again.',
  is_archived: 'This channel is archived, so I can’t post in it. Try again in another channel.',
  channel_is_archived: 'This channel is archived, so I can’t post in it. Try again in another channel.',
  restricted_action: 'This channel only lets some people (or apps) post. Ask an admin to allow me, or try another channel.',
  restricted_action_read_only_channel: 'This channel is read-only for apps. Try again in another channel.',
  restricted_action_thread_only_channel: 'This channel only allows replies in threads. Try again in another channel.',
  user_not_in_channel: 'You need to be a member of this channel for me to show you private replies here.',
  invalid_auth: `My Slack token is no longer valid. ${REINSTALL}`,
  not_authed: `My Slack token is missing. ${REINSTALL}`,
  account_inactive: `My Slack token was deactivated. ${REINSTALL}`,
  token_revoked: `My Slack token was revoked. ${REINSTALL}`,
  token_expired: `My Slack token expired. ${REINSTALL}`,
  missing_scope: `I’m missing a Slack permission I need. ${REINSTALL}`,
  team_access_not_granted: `I don’t have access to this workspace. ${REINSTALL}`,
  ekm_access_denied: 'Your workspace’s key management blocks this message. Ask an admin.',
  expired_url: 'That reply link expired (Slack allows 30 minutes). Run the command again.',
  // Our own bugs: retrying sends the same bad request, so stop and log them loudly.
  invalid_blocks: undefined,
  invalid_arguments: undefined,
  msg_too_long: undefined,
  no_text: undefined,
  message_not_found: undefined,
  thread_not_found: undefined,
};

/** Slack errors that mean "not now" rather than "never". */
const TRANSIENT = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'team_added_to_org']);

/** Retry-After when Slack says `ratelimited` in the body without a header. */
const DEFAULT_RETRY_AFTER_MS = 1_000;

export function permanent(code: string, method: string): PermanentDeliveryError {
  return new PermanentDeliveryError(code, `Slack ${method} refused: ${code}`, PERMANENT_HINTS[code]);
}

function isWebApiError(error: unknown): error is WebAPICallError {
  const code = (error as { code?: unknown } | null)?.code;
  return code === ErrorCode.PlatformError || code === ErrorCode.RateLimitedError || code === ErrorCode.HTTPError || code === ErrorCode.RequestError;
}

export function mapSlackError(error: unknown, method: string): Error {
  if (!isWebApiError(error)) return error instanceof Error ? error : new AppError('slack_unknown', `Slack ${method} failed`, { cause: error });
  switch (error.code) {
    case ErrorCode.RateLimitedError:
      return new RateLimitError(Math.max(1, error.retryAfter) * 1_000, `Slack ${method} rate limited; retry after ${error.retryAfter} s`);
    case ErrorCode.PlatformError: {
      const code = error.data.error;
      if (code === 'ratelimited') return new RateLimitError(DEFAULT_RETRY_AFTER_MS, `Slack ${method} rate limited`);
      if (TRANSIENT.has(code)) return new AppError('slack_transient', `Slack ${method} failed: ${code}`);
      // Unknown refusals are permanent too: the same request gets the same answer.
      return permanent(code, method);
    }
    case ErrorCode.HTTPError:
      if (error.statusCode >= 500 || error.statusCode === 408) return new AppError('slack_transient', `Slack ${method} failed: HTTP ${error.statusCode}`);
      return permanent(`http_${error.statusCode}`, method);
    case ErrorCode.RequestError:
      return new AppError('slack_unreachable', `Slack ${method} unreachable: ${error.original.message}`);
  }
}

/** Maps a response_url reply (plain HTTP, outside the Web API client). */
export async function mapResponseUrlFailure(response: Response): Promise<Error> {
  const body = (await response.text().catch(() => '')).slice(0, 200);
  if (response.status === 429) {
    const seconds = Number(response.headers.get('retry-after'));
    return new RateLimitError(Number.isFinite(seconds) && seconds > 0 ? seconds * 1_000 : DEFAULT_RETRY_AFTER_MS, 'response_url rate limited');
  }
  if (response.status >= 500) return new AppError('slack_transient', `response_url failed: HTTP ${response.status}`);
  if (response.status === 404 || /expired|used_url/.test(body)) return permanent('expired_url', 'response_url');
  return permanent(`http_${response.status}`, 'response_url');
}
