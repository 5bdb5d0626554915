import type { ButtonInteraction } from 'discord.js';
import { UserError } from '../../../core/errors.ts';
import { encodeThreadId } from '../../../core/thread-id.ts';
import type { ActionJob } from '../../../queue/jobs.ts';
import type { DiscordBotDeps } from '../deps.ts';
import { decodeSelfAssessId } from '../self-assess-ids.ts';
import { ackThenEnqueue, dispatchComponent } from './dispatch-component.ts';
import { actionJobFrom } from './session-button.ts';

const STALE = "That rating button doesn't work any more (it may be from an older message). Reveal the key points again to rate yourself.";

/**
 * A Got it / Partly / Missed press: the same 'self-assess' job as Slack's. The session comes
 * from the custom id's channel and thread in the interaction's own server; who rated comes
 * only from the interaction's user, so a press changes the presser's record and nobody
 * else's. Acknowledged with a deferred update (nothing posted, the button shows it was
 * pressed); the worker's one-line note follows as an ephemeral follow-up.
 */
export function selfAssessJobFrom(interaction: ButtonInteraction, receivedAt: number): ActionJob {
  const press = decodeSelfAssessId(interaction.customId);
  if (!press || !interaction.guildId) throw new UserError('stale_button', STALE);
  const threadId = encodeThreadId({ platform: 'discord', workspace: interaction.guildId, channel: press.channelId, thread: press.threadMessageId });
  return { ...actionJobFrom(interaction, 'self-assess', threadId, receivedAt), selfAssessment: { questionId: press.questionId, point: press.point, rating: press.rating } };
}

export async function handleSelfAssessButton(interaction: ButtonInteraction, deps: DiscordBotDeps): Promise<void> {
  const receivedAt = deps.now();
  await dispatchComponent(interaction, 'button:self-assess', deps, () => {
    const job = selfAssessJobFrom(interaction, receivedAt);
    return ackThenEnqueue(() => interaction.deferUpdate(), job, deps);
  });
}
