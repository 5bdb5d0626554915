import { MessageFlags, type ButtonInteraction, type ModalSubmitInteraction, type StringSelectMenuInteraction } from 'discord.js';
import type { InteractionJob } from '../../../queue/jobs.ts';
import type { DiscordBotDeps } from '../deps.ts';
import { dispatchInteraction, type Reaction } from '../dispatch.ts';

/** Every component the bot registers: buttons, select menus and modal submits. */
export type ComponentInteraction = ButtonInteraction | StringSelectMenuInteraction | ModalSubmitInteraction;

/**
 * One component interaction through the shared dispatch. Components all answer the same
 * way when something goes wrong: a private reply before the ack, a private follow-up after
 * it; and they log ids only (server, channel, user).
 */
export async function dispatchComponent(interaction: ComponentInteraction, name: string, deps: DiscordBotDeps, decide: () => Reaction | Promise<Reaction>): Promise<void> {
  await dispatchInteraction(
    {
      name,
      interactionId: interaction.id,
      fields: { guild: interaction.guildId, channel: interaction.channelId, user: interaction.user.id },
      refuse: (text) => interaction.reply({ content: text, flags: MessageFlags.Ephemeral }),
      tellAfterAck: (text) => interaction.followUp({ content: text, flags: MessageFlags.Ephemeral }),
    },
    deps,
    decide,
  );
}

/**
 * Ack, then hand the job to the worker. The job is built by the caller before this, inside
 * `decide`, so a bad press is refused before anything is acknowledged.
 */
export function ackThenEnqueue(ack: () => Promise<unknown>, job: InteractionJob, deps: DiscordBotDeps): Reaction {
  return { ack, work: () => deps.producer.enqueue(job) };
}
