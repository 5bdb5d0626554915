import type { REST } from '@discordjs/rest';
import { Routes, type RESTPutAPIApplicationCommandsResult } from 'discord-api-types/v10';
import { COMMANDS } from './commands/definition.ts';
import { mapDiscordError } from './sender-errors.ts';

/**
 * Registers the commands with one bulk PUT, which replaces the set (so it is idempotent and
 * removes commands we no longer ship). In a guild they appear at once; globally they can
 * take up to an hour to reach every server.
 */
export async function registerCommands(rest: REST, applicationId: string, guildId?: string): Promise<RESTPutAPIApplicationCommandsResult> {
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  try {
    return (await rest.put(route, { body: COMMANDS })) as RESTPutAPIApplicationCommandsResult;
  } catch (error) {
    throw mapDiscordError(error, 'register commands');
  }
}
