import { APPLICATION_ID, snowflake, type StoredMessage } from './discord-api.ts';

/**
 * Raw gateway payloads, with the fields discord.js 14 needs to build its structures
 * (`entitlements`, `channel`, `member.user`, `app_permissions`,
 * `authorizing_integration_owners`). `permissions` is the member's total in the channel,
 * which is what `interaction.memberPermissions` reads.
 */
export const MANAGE_GUILD = (1n << 5n).toString();
export const NO_PERMISSIONS = '0';

export interface Actor {
  guildId: string;
  channelId: string;
  userId: string;
  /** Member permission bits, as a decimal string. Default none. */
  permissions?: string;
  /** The channel is a public thread under `parentId`. */
  thread?: { parentId: string };
}

function base(actor: Actor, type: number, data: Record<string, unknown>): Record<string, unknown> & { id: string; token: string } {
  const id = snowflake();
  return {
    id,
    application_id: APPLICATION_ID,
    type,
    data,
    guild_id: actor.guildId,
    channel_id: actor.channelId,
    channel: actor.thread
      ? { id: actor.channelId, type: 11, guild_id: actor.guildId, parent_id: actor.thread.parentId, name: 'thread', thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false }, flags: 0 }
      : { id: actor.channelId, type: 0, guild_id: actor.guildId, name: 'practice', flags: 0 },
    member: {
      user: { id: actor.userId, username: `user${actor.userId.slice(-4)}`, discriminator: '0', global_name: null, avatar: null },
      roles: [],
      permissions: actor.permissions ?? NO_PERMISSIONS,
      joined_at: new Date(0).toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
      nick: null,
      avatar: null,
    },
    token: `itok-${id}-${'x'.repeat(40)}`,
    version: 1,
    app_permissions: '2251799813685247',
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': actor.guildId },
    context: 0,
    attachment_size_limit: 26_214_400,
  };
}

/** `/obs-question <sub> [options]`, or `/obs-question <group> <sub> [options]`. */
export function chatInput(actor: Actor, path: [string] | [string, string], options: Record<string, string> = {}): Record<string, unknown> & { id: string; token: string } {
  const leaf = { type: 1, name: path.at(-1), options: Object.entries(options).map(([name, value]) => ({ type: 3, name, value })) };
  const top = path.length === 2 ? { type: 2, name: path[0], options: [leaf] } : leaf;
  return base(actor, 2, { id: snowflake(), name: 'obs-question', type: 1, options: [top] });
}

export function autocomplete(actor: Actor, path: [string] | [string, string], focused: string, value: string): Record<string, unknown> & { id: string; token: string } {
  const leaf = { type: 1, name: path.at(-1), options: [{ type: 3, name: focused, value, focused: true }] };
  const top = path.length === 2 ? { type: 2, name: path[0], options: [leaf] } : leaf;
  return base(actor, 4, { id: snowflake(), name: 'obs-question', type: 1, options: [top] });
}

/** A button press on a message the bot posted (as the stub stored it). */
export function buttonPress(actor: Actor, message: StoredMessage, customId: string): Record<string, unknown> & { id: string; token: string } {
  const payload = base(actor, 3, { custom_id: customId, component_type: 2 });
  payload.message = {
    ...message,
    type: 0,
    author: { id: APPLICATION_ID, username: 'obs-bot', discriminator: '0', bot: true, avatar: null },
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    pinned: false,
    flags: message.flags ?? 0,
  };
  return payload;
}

/** The submit of the Answer modal, mirroring the action-row shape the bot sent. */
export function modalSubmit(actor: Actor, customId: string, answer: string): Record<string, unknown> & { id: string; token: string } {
  return base(actor, 5, { custom_id: customId, components: [{ type: 1, components: [{ type: 4, custom_id: 'answer', value: answer }] }] });
}

/** A person's message in a thread (MESSAGE_CREATE), seen only with the Message Content intent. */
export function threadMessage(actor: Actor & { thread: { parentId: string } }, content: string): Record<string, unknown> & { id: string } {
  return {
    id: snowflake(),
    channel_id: actor.channelId,
    guild_id: actor.guildId,
    type: 0,
    content,
    author: { id: actor.userId, username: 'answerer', discriminator: '0', global_name: null, avatar: null },
    member: { roles: [], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 },
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    flags: 0,
  };
}

/** THREAD_CREATE for a thread the bot started from a question, so the client caches it. */
export function threadCreate(guildId: string, parentId: string, threadId: string, ownerId: string): Record<string, unknown> {
  return {
    id: threadId,
    type: 11,
    guild_id: guildId,
    parent_id: parentId,
    owner_id: ownerId,
    name: 'question',
    newly_created: true,
    thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false },
    member_count: 1,
    message_count: 0,
    flags: 0,
    rate_limit_per_user: 0,
  };
}
