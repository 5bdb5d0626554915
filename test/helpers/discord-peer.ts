import { snowflake, type StoredMessage } from '../stubs/discord-api.ts';
import { CHANNEL, GUILD } from '../stubs/discord-harness.ts';
import { buttonPress, type Actor } from '../stubs/discord-payloads.ts';

/** Shared by the Discord peer tests: reading posted messages and starting a session. */

export const actor = (userId: string, channelId = CHANNEL): Actor => ({ guildId: GUILD, channelId, userId });

export function textOf(message: { content?: string; embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[] }[] }): string {
  return [message.content ?? '', ...(message.embeds ?? []).map((embed) => [embed.title ?? '', embed.description ?? '', ...(embed.fields ?? []).map((field) => `${field.name}\n${field.value}`)].join('\n'))].join('\n');
}

export function customIds(message: StoredMessage): string[] {
  return message.components.flatMap((row) => row.components.map((component) => component.custom_id ?? ''));
}

export function withId(message: StoredMessage, prefix: string): string {
  const id = customIds(message).find((customId) => customId.startsWith(prefix));
  if (!id) throw new Error(`no component ${prefix} in ${customIds(message).join(', ')}`);
  return id;
}

/** `/obs-question peer candidate:@…` typed by `by` in the test channel. */
export function peerCommand(by: string, candidate: string): Record<string, unknown> & { id: string; token: string } {
  const interaction = buttonPress(actor(by), { id: '0', channel_id: CHANNEL, embeds: [], components: [] }, 'x');
  delete interaction.message;
  interaction.type = 2;
  interaction.data = {
    id: snowflake(),
    name: 'obs-question',
    type: 1,
    options: [{ type: 1, name: 'peer', options: [{ type: 6, name: 'candidate', value: candidate }] }],
    resolved: { users: { [candidate]: { id: candidate, username: 'colleague', discriminator: '0', global_name: null, avatar: null } } },
  };
  return interaction;
}
