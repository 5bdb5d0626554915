import { MessageFlags, type ModalSubmitInteraction } from 'discord.js';
import { UserError } from '../../../core/errors.ts';
import type { AnswerJob } from '../../../queue/jobs.ts';
import type { DiscordBotDeps } from '../deps.ts';
import { ANSWER_RECEIVED_TEXT } from '../messages.ts';
import { modalAnswerRef } from '../message-ref.ts';
import { ANSWER_INPUT_ID } from './answer-button.ts';
import { ackThenEnqueue, dispatchComponent } from './dispatch-component.ts';
import { componentJobFields } from './component-job.ts';
import { sessionOf } from './session-ref.ts';

/**
 * The modal's submit is an answer, scored like a thread reply. It is acknowledged with a
 * private receipt; the feedback follows as ephemeral follow-ups on the same interaction,
 * so it shows to the answerer only (in a mock, the engine posts it in the thread instead).
 */
export function answerJobFrom(interaction: ModalSubmitInteraction, threadId: string, receivedAt: number): AnswerJob {
  const session = sessionOf({ guildId: interaction.guildId, channelId: interaction.channelId ?? '', threadId });
  const text = interaction.fields.getTextInputValue(ANSWER_INPUT_ID).trim();
  if (!text) throw new UserError('empty_answer', 'Your answer was empty. Press **Answer** again and write a few lines.');
  return {
    kind: 'answer',
    ...componentJobFields(interaction, session, receivedAt),
    text,
    messageId: modalAnswerRef(interaction.id),
  };
}

export async function handleAnswerModal(interaction: ModalSubmitInteraction, threadId: string, deps: DiscordBotDeps): Promise<void> {
  const receivedAt = deps.now();
  await dispatchComponent(interaction, 'modal:answer', deps, () => {
    const job = answerJobFrom(interaction, threadId, receivedAt);
    return ackThenEnqueue(() => interaction.reply({ content: ANSWER_RECEIVED_TEXT, flags: MessageFlags.Ephemeral }), job, deps);
  });
}
