/**
 * An answer's message id in a job is `<channel>/<message>`: a Discord message is addressed
 * by its channel, and a thread reply lives in the thread's channel, not the one the session
 * names. A modal answer has no message at all; its id is `modal/<interaction id>`.
 */
export function encodeMessageRef(channelId: string, messageId: string): string {
  return `${channelId}/${messageId}`;
}

export function modalAnswerRef(interactionId: string): string {
  return `modal/${interactionId}`;
}

/** The message to react to, or undefined for a modal answer (nothing to react to). */
export function decodeMessageRef(ref: string): { channelId: string; messageId: string } | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(ref);
  return match ? { channelId: match[1] as string, messageId: match[2] as string } : undefined;
}
