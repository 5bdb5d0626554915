import { ComponentType, TextInputStyle, type APIModalInteractionResponseCallbackData, type ButtonInteraction } from 'discord.js';
import type { DiscordBotDeps } from '../deps.ts';
import { encodeCustomId } from '../custom-ids.ts';
import { dispatchComponent } from './dispatch-component.ts';
import { sessionOf } from './session-ref.ts';

/** A modal's paragraph input holds at most 4,000 characters. */
export const ANSWER_MAX_LENGTH = 4_000;
export const ANSWER_INPUT_ID = 'answer';

/** The modal: one paragraph input. Its custom id names the session, so the submit needs nothing else. */
export function answerModal(threadId: string): APIModalInteractionResponseCallbackData {
  return {
    custom_id: encodeCustomId('answer-modal', threadId),
    title: 'Your answer',
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: ANSWER_INPUT_ID,
            style: TextInputStyle.Paragraph,
            label: 'Answer as you would in the interview',
            placeholder: 'Rough notes are fine: what you would build, measure and trade off.',
            min_length: 1,
            max_length: ANSWER_MAX_LENGTH,
            required: true,
          },
        ],
      },
    ],
  };
}

/** Answer: opens the modal at once (a modal is itself the response); no job, no privileged intent. */
export async function handleAnswerButton(interaction: ButtonInteraction, threadId: string | undefined, deps: DiscordBotDeps): Promise<void> {
  await dispatchComponent(interaction, 'button:answer', deps, () => {
    const session = sessionOf({ guildId: interaction.guildId, channelId: interaction.channelId, messageId: interaction.message.id, ...(threadId ? { threadId } : {}) });
    return { ack: () => interaction.showModal(answerModal(session.id)) };
  });
}
