import { ConfigError, loadConfig } from '../../config/index.ts';
import { UserError } from '../../core/errors.ts';
import { parseCliArgs } from '../args.ts';
import type { CliCommand } from '../types.ts';

const USAGE = 'obs-bot discord register [--guild ID]';

export const discordRegisterCommand: CliCommand = {
  path: ['discord', 'register'],
  summary: 'Register /obs-question with Discord (--guild: one server, at once; without: every server, slowly) and exit',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseCliArgs(args, { guild: { type: 'string' } }, USAGE);
    if (positionals.length > 0) throw new UserError('bad_arguments', `unexpected "${positionals.join(' ')}"\nusage: ${USAGE}`);
    const guild = values.guild;
    if (guild !== undefined && !/^\d{15,21}$/.test(guild)) throw new UserError('bad_arguments', `--guild must be a server id (a number of 17 to 20 digits; Developer Mode → right-click the server → Copy Server ID).\nusage: ${USAGE}`);
    const config = loadConfig(process.env, { role: 'worker' });
    if (!config.discord) throw new ConfigError([{ variable: 'DISCORD_TOKEN', message: 'is not set. Registering commands needs DISCORD_TOKEN and DISCORD_APPLICATION_ID.' }]);
    const [{ createDiscordRest }, { registerCommands }] = await Promise.all([import('../../adapters/discord/rest.ts'), import('../../adapters/discord/register.ts')]);
    const rest = createDiscordRest({ token: config.discord.token, ...(config.discord.apiUrl ? { apiUrl: config.discord.apiUrl } : {}) });
    const registered = await registerCommands(rest, config.discord.applicationId, guild);
    const names = registered.map((command) => `/${command.name}`).join(', ');
    io.stdout(guild ? `Registered ${names} in server ${guild}: usable now.\n` : `Registered ${names} globally: Discord can take up to an hour to show it in every server.\n`);
    return 0;
  },
};
