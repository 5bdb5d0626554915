import { MessageFlags, type ButtonInteraction, type ModalSubmitInteraction } from 'discord.js';
import { decodeCustomId } from '../custom-ids.ts';
import type { DiscordBotDeps } from '../deps.ts';
import { STALE_BUTTON_TEXT } from '../messages.ts';
import { handleAnswerButton } from './answer-button.ts';
import { handleAnswerModal } from './answer-modal.ts';
import { isSelfAssessId } from '../self-assess-ids.ts';
import { handleSelfAssessButton } from './self-assess.ts';
import { handleSessionButton } from './session-button.ts';
import { handlePeerButton, handlePeerModal } from './peer.ts';
import { handleForgetMeButton, isForgetMeId } from './forget-me.ts';

/** Routes a button by its custom id; one we did not write gets a polite private note. */
export async function handleButton(interaction: ButtonInteraction, deps: DiscordBotDeps): Promise<void> {
  if (isSelfAssessId(interaction.customId)) return handleSelfAssessButton(interaction, deps);
  if (interaction.customId.startsWith('obsp:')) return handlePeerButton(interaction, deps);
  if (isForgetMeId(interaction.customId)) return handleForgetMeButton(interaction, deps);
  const decoded = decodeCustomId(interaction.customId);
  if (!decoded || decoded.kind === 'answer-modal') {
    await interaction.reply({ content: STALE_BUTTON_TEXT, flags: MessageFlags.Ephemeral }).catch((error: unknown) => deps.logger.warn('could not answer a stale button', { error }));
    return;
  }
  if (decoded.kind === 'answer') return handleAnswerButton(interaction, decoded.threadId, deps);
  return handleSessionButton(interaction, decoded.kind, decoded.threadId, deps);
}

export async function handleModal(interaction: ModalSubmitInteraction, deps: DiscordBotDeps): Promise<void> {
  if (interaction.customId.startsWith('obsp:')) return handlePeerModal(interaction, deps);
  const decoded = decodeCustomId(interaction.customId);
  if (decoded?.kind !== 'answer-modal' || !decoded.threadId) {
    await interaction.reply({ content: STALE_BUTTON_TEXT, flags: MessageFlags.Ephemeral }).catch((error: unknown) => deps.logger.warn('could not answer a stale modal', { error }));
    return;
  }
  return handleAnswerModal(interaction, decoded.threadId, deps);
}
