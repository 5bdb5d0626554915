import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { UserError } from '../../../core/errors.ts';
import type { CommandJob } from '../../../queue/jobs.ts';
import { FORGET_ME_CANCELLED } from '../../shared/forget-me-text.ts';
import type { DiscordBotDeps } from '../deps.ts';
import { GUILD_ONLY_TEXT } from '../messages.ts';
import { FORGET_ME_CUSTOM_IDS } from '../render/forget-me.ts';
import { ownReplyHandle } from '../reply-handle.ts';
import { ackThenEnqueue, dispatchComponent } from './dispatch-component.ts';

export function isForgetMeId(customId: string): boolean {
  return customId === FORGET_ME_CUSTOM_IDS.confirm || customId === FORGET_ME_CUSTOM_IDS.cancel;
}

/**
 * "Delete my data": the same job as `forget-me confirm`, for the presser (whom Discord
 * names), answered in a fresh private reply (deferred here, filled in by the worker).
 * The interaction id is the dedupe key, so a re-delivered press deletes once.
 */
export function forgetMeJobFrom(interaction: ButtonInteraction, receivedAt: number): CommandJob {
  if (!interaction.guildId) throw new UserError('guild_only', GUILD_ONLY_TEXT);
  return {
    kind: 'command',
    platform: 'discord',
    workspaceId: interaction.guildId,
    channelId: interaction.channelId,
    userId: interaction.user.id,
    dedupeKey: interaction.id,
    receivedAt,
    responseUrl: ownReplyHandle(interaction.token),
    text: 'forget-me confirm',
  };
}

export async function handleForgetMeButton(interaction: ButtonInteraction, deps: DiscordBotDeps): Promise<void> {
  const receivedAt = deps.now();
  if (interaction.customId === FORGET_ME_CUSTOM_IDS.cancel) {
    // Nothing for the worker: the confirmation is replaced where it stands.
    await dispatchComponent(interaction, 'button:forget-me-cancel', deps, () => ({ ack: () => interaction.update({ content: FORGET_ME_CANCELLED, components: [] }) }));
    return;
  }
  await dispatchComponent(interaction, 'button:forget-me', deps, () => {
    const job = forgetMeJobFrom(interaction, receivedAt);
    return ackThenEnqueue(() => interaction.deferReply({ flags: MessageFlags.Ephemeral }), job, deps);
  });
}
