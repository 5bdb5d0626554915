import { MessageFlags, PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';
import { parseObsCommand } from '../../../core/commands/index.ts';
import { metrics, subcommandLabel } from '../../../infra/metrics.ts';
import type { CommandJob } from '../../../queue/jobs.ts';
import type { DiscordBotDeps } from '../deps.ts';
import { dispatchInteraction, type Reaction } from '../dispatch.ts';
import { ASK_STARTING_TEXT, GUILD_ONLY_TEXT, MANAGE_SERVER_TEXT, MOCK_STARTING_TEXT, NOT_IN_THREAD_TEXT } from '../messages.ts';
import { renderMessage } from '../render/index.ts';
import { ownReplyHandle } from '../reply-handle.ts';
import { commandText, needsManageServer, type CommandOptions } from './command-text.ts';

/** Sub-commands that post in the channel (a question starts a thread, so not inside one). */
const POSTS_HERE = new Set(['ask', 'mock', 'peer']);

export function optionsOf(interaction: ChatInputCommandInteraction): CommandOptions {
  return {
    group: interaction.options.getSubcommandGroup(false),
    subcommand: interaction.options.getSubcommand(true),
    // Strings and user options alike: a user option's value is the user's id.
    get: (name) => {
      const value = interaction.options.get(name, false)?.value;
      return typeof value === 'string' ? value : null;
    },
  };
}

/** The job: plain ids, the interaction token as the private-reply handle, the grammar's words. */
export function commandJobFrom(interaction: ChatInputCommandInteraction, guildId: string, text: string, receivedAt: number): CommandJob {
  return {
    kind: 'command',
    platform: 'discord',
    workspaceId: guildId,
    channelId: interaction.channelId,
    userId: interaction.user.id,
    dedupeKey: interaction.id,
    receivedAt,
    responseUrl: ownReplyHandle(interaction.token),
    text,
  };
}

/**
 * The first response, by what comes next: help is answered here; a question or a mock
 * says it is on its way (the worker posts in the channel and needs no reply of its own);
 * everything else is deferred privately and the worker fills in the reply.
 */
function decide(interaction: ChatInputCommandInteraction, deps: DiscordBotDeps, receivedAt: number): Reaction {
  const privately = (text: string) => () => interaction.reply({ content: text, flags: MessageFlags.Ephemeral });
  const guildId = interaction.guildId;
  if (!guildId) return { ack: privately(GUILD_ONLY_TEXT), refused: true };
  const options = optionsOf(interaction);
  // Labelled by the grammar's kind, the same labels as Slack's: bounded, comparable across platforms.
  metrics.commands.inc({ platform: 'discord', subcommand: subcommandLabel(parseObsCommand(commandText(options)).kind) });
  if (options.group === null && options.subcommand === 'help') {
    const [help] = renderMessage({ parts: [{ type: 'help' }] });
    return { ack: () => interaction.reply({ embeds: help?.embeds ?? [], flags: MessageFlags.Ephemeral }) };
  }
  // Checked here from the interaction's own member.permissions (instant), and again by the worker.
  if (needsManageServer(options) && !interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return { ack: privately(MANAGE_SERVER_TEXT), refused: true };
  const postsHere = options.group === null ? POSTS_HERE.has(options.subcommand) : options.subcommand === 'set' || options.subcommand === 'now';
  if (postsHere && interaction.channel?.isThread()) return { ack: privately(NOT_IN_THREAD_TEXT), refused: true };
  const text = commandText(options);
  const ack =
    options.group === null && options.subcommand === 'ask'
      ? privately(ASK_STARTING_TEXT)
      : options.group === null && options.subcommand === 'mock'
        ? privately(MOCK_STARTING_TEXT)
        : () => interaction.deferReply({ flags: MessageFlags.Ephemeral });
  return { ack, work: () => deps.producer.enqueue(commandJobFrom(interaction, guildId, text, receivedAt)) };
}

export async function handleObsQuestion(interaction: ChatInputCommandInteraction, deps: DiscordBotDeps): Promise<void> {
  const receivedAt = deps.now();
  await dispatchInteraction(
    {
      name: `command:${interaction.commandName}`,
      interactionId: interaction.id,
      fields: { guild: interaction.guildId, channel: interaction.channelId, user: interaction.user.id },
      refuse: (text) => interaction.reply({ content: text, flags: MessageFlags.Ephemeral }),
      tellAfterAck: (text) => (interaction.deferred && !interaction.replied ? interaction.editReply({ content: text }) : interaction.followUp({ content: text, flags: MessageFlags.Ephemeral })),
    },
    deps,
    () => decide(interaction, deps, receivedAt),
  );
}
