import type { ThreadRef } from '../../../core/thread-id.ts';
import { followUpHandle } from '../reply-handle.ts';
import type { ComponentInteraction } from './dispatch-component.ts';

/**
 * The fields every component's job shares: the session it acts on, who acted (only ever
 * the interaction's user), the interaction id as the dedupe key, and the follow-up handle
 * the worker answers on.
 */
export function componentJobFields(interaction: ComponentInteraction, session: ThreadRef & { id: string }, receivedAt: number) {
  return {
    platform: 'discord' as const,
    workspaceId: session.workspace,
    channelId: session.channel,
    userId: interaction.user.id,
    dedupeKey: interaction.id,
    receivedAt,
    responseUrl: followUpHandle(interaction.token),
    threadId: session.id,
  };
}
