import type { ButtonInteraction } from 'discord.js';
import type { ActionJob, ActionName } from '../../../queue/jobs.ts';
import type { DiscordBotDeps } from '../deps.ts';
import { ackThenEnqueue, dispatchComponent } from './dispatch-component.ts';
import { componentJobFields } from './component-job.ts';
import { sessionOf } from './session-ref.ts';

/**
 * Hint, Reveal key points, Next follow-up, Finish, Mock me: acknowledged with a deferred
 * update (the button shows it was pressed, nothing is posted), then the worker answers with
 * ephemeral follow-ups on the interaction, or in the thread. Whether the presser may use the
 * session's buttons is the worker's call, as on Slack: a mock's buttons are its candidate's.
 */
export function actionJobFrom(interaction: ButtonInteraction, action: ActionName, threadId: string | undefined, receivedAt: number): ActionJob {
  const session = sessionOf({ guildId: interaction.guildId, channelId: interaction.channelId, messageId: interaction.message.id, ...(threadId ? { threadId } : {}) });
  return {
    kind: 'action',
    ...componentJobFields(interaction, session, receivedAt),
    action,
  };
}

export async function handleSessionButton(interaction: ButtonInteraction, action: ActionName, threadId: string | undefined, deps: DiscordBotDeps): Promise<void> {
  const receivedAt = deps.now();
  await dispatchComponent(interaction, `button:${action}`, deps, () => {
    const job = actionJobFrom(interaction, action, threadId, receivedAt);
    return ackThenEnqueue(() => interaction.deferUpdate(), job, deps);
  });
}
