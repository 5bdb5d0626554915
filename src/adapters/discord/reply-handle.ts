/**
 * The private-reply handle a Discord job carries (the job's `responseUrl`): the interaction
 * token, and whether the interaction's original response is ours to fill in. A command is
 * deferred (or answered with a placeholder) by the adapter, so the worker's reply replaces
 * it. A button's original response is the message the button is on: it must never be
 * edited, so such handles only take ephemeral follow-ups.
 */
const FOLLOW_UP_ONLY = 'followup:';

export function ownReplyHandle(token: string): string {
  return token;
}

export function followUpHandle(token: string): string {
  return `${FOLLOW_UP_ONLY}${token}`;
}

export function parseReplyHandle(handle: string): { token: string; editsOriginal: boolean } {
  return handle.startsWith(FOLLOW_UP_ONLY) ? { token: handle.slice(FOLLOW_UP_ONLY.length), editsOriginal: false } : { token: handle, editsOriginal: true };
}
