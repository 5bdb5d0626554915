import { UserError } from '../../../core/errors.ts';
import { decodeThreadId, encodeThreadId, type ThreadRef } from '../../../core/thread-id.ts';
import { STALE_BUTTON_TEXT } from '../messages.ts';

export interface PressContext {
  guildId: string | null;
  /** Where the interaction happened: the parent channel (question message) or the thread. */
  channelId: string;
  /** The message carrying the component, when there is one. */
  messageId?: string;
  /** The thread id carried in the custom id, when the message knew it. */
  threadId?: string;
}

/**
 * The session a component acts on. Who pressed comes only from the interaction's user,
 * which Discord vouches for; the custom id only says which session. A question message
 * cannot carry its own id, but in Discord its id is its thread's id, so the message id
 * supplies it. A component acts on a session of this server, pressed in its channel or its
 * thread, nowhere else.
 */
export function sessionOf(press: PressContext): ThreadRef & { id: string } {
  if (!press.guildId) throw new UserError('stale_button', STALE_BUTTON_TEXT);
  const id = press.threadId ?? (press.messageId ? encodeThreadId({ platform: 'discord', workspace: press.guildId, channel: press.channelId, thread: press.messageId }) : undefined);
  if (!id) throw new UserError('stale_button', STALE_BUTTON_TEXT);
  let ref: ThreadRef;
  try {
    ref = decodeThreadId(id);
  } catch {
    throw new UserError('stale_button', STALE_BUTTON_TEXT);
  }
  if (ref.platform !== 'discord' || ref.workspace !== press.guildId || (press.channelId !== ref.channel && press.channelId !== ref.thread)) {
    throw new UserError('stale_button', STALE_BUTTON_TEXT);
  }
  return { ...ref, id };
}
