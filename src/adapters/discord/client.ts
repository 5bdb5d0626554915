import { Client, Events, GatewayIntentBits, Options, Routes, type Interaction } from 'discord.js';
import { ConfigError, type DiscordConfig } from '../../config/index.ts';
import { AppError } from '../../core/errors.ts';
import { logger as rootLogger, type Logger } from '../../infra/logger.ts';
import { DEFAULT_STARTUP_RETRIES, PlatformUnreachableError, retryStartup } from '../../infra/startup.ts';
import { handleAutocomplete } from './commands/autocomplete.ts';
import { COMMAND_NAME } from './commands/definition.ts';
import { handleObsQuestion } from './commands/obs-question.ts';
import { handleButton, handleModal } from './components/index.ts';
import { handlePeerSelect } from './components/peer.ts';
import type { DiscordBotDeps } from './deps.ts';
import { handleThreadMessage } from './events/thread-message.ts';
import { observeDiscordRest } from './rest.ts';

/**
 * Intents: Guilds only by default (guilds, channels, threads, roles: what interactions and
 * permission checks need), which is not privileged. Reading answers typed in threads needs
 * GuildMessages plus the privileged MessageContent, requested only with DISCORD_MESSAGE_CONTENT.
 */
export function intentsFor(config: Pick<DiscordConfig, 'messageContent'>): GatewayIntentBits[] {
  return config.messageContent ? [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent] : [GatewayIntentBits.Guilds];
}

export interface DiscordBot {
  client: Client;
  /** Logs in (the gateway URL comes from GET /gateway/bot) and resolves once READY and the guilds arrived. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;

const TOKEN_REJECTED = { variable: 'DISCORD_TOKEN', message: 'was rejected by Discord. Reset the token on the Bot page of the Developer Portal and set it again.' };
/** Gateway close codes that mean "fix the configuration": 4004 authentication failed, 4014 disallowed intents. */
const GATEWAY_REFUSALS: Record<number, { variable: string; message: string }> = {
  4004: TOKEN_REJECTED,
  4014: {
    variable: 'DISCORD_MESSAGE_CONTENT',
    message: 'is on, but the Message Content intent is not enabled for this bot. Enable it on the Bot page (Privileged Gateway Intents), or set DISCORD_MESSAGE_CONTENT=false.',
  },
};

const DISCORD_API = 'https://discord.com/api';

/** Discord answered and refused the token (HTTP 401), as opposed to not answering at all. */
function isTokenRefusal(error: unknown): boolean {
  return (error as { code?: unknown }).code === 'TokenInvalid' || (error as { status?: unknown }).status === 401;
}

export interface DiscordStartOptions {
  /** OBS_STARTUP_RETRIES: retries, with backoff, while Discord is unreachable at start-up. */
  startupRetries?: number;
}

export function createDiscordBot(config: DiscordConfig, deps: Omit<DiscordBotDeps, 'logger'> & { logger?: Logger } & DiscordStartOptions): DiscordBot {
  const logger = deps.logger ?? rootLogger.child({ component: 'discord' });
  const handlerDeps: DiscordBotDeps = { ...deps, logger };
  const client = new Client({
    intents: intentsFor(config),
    rest: config.apiUrl ? { api: config.apiUrl } : {},
    // Sessions live in Redis; the bot never reads old messages, so it keeps none in memory.
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 0, ReactionManager: 0, GuildMessageManager: 0 }),
    allowedMentions: { parse: [] },
  });
  // The interaction responses (acks) go through this client's own REST queue: calls, errors and 429s.
  observeDiscordRest(client.rest, { countCalls: true });

  const route = async (interaction: Interaction): Promise<void> => {
    if (interaction.isAutocomplete()) return handleAutocomplete(interaction, handlerDeps);
    if (interaction.isChatInputCommand() && interaction.commandName === COMMAND_NAME) return handleObsQuestion(interaction, handlerDeps);
    if (interaction.isButton()) return handleButton(interaction, handlerDeps);
    if (interaction.isModalSubmit()) return handleModal(interaction, handlerDeps);
    if (interaction.isStringSelectMenu() && interaction.customId.startsWith('obsp:')) return handlePeerSelect(interaction, handlerDeps);
    logger.debug('interaction ignored', { type: interaction.type });
  };
  client.on(Events.InteractionCreate, (interaction) => {
    route(interaction).catch((error: unknown) => logger.error('interaction handler failed', { error }));
  });
  if (config.messageContent) {
    client.on(Events.MessageCreate, (message) => {
      handleThreadMessage(message, client.user?.id, handlerDeps).catch((error: unknown) => logger.error('message handler failed', { error }));
    });
  }
  client.on(Events.Error, (error) => logger.error('discord client error', { error }));
  client.on(Events.Warn, (message) => logger.warn('discord client warning', { message }));

  let started = false;
  return {
    client,
    async start() {
      // Like Slack's auth.test: one REST call, retried with backoff while Discord does not
      // answer, so an outage at start-up is a clear PlatformUnreachableError (exit 69),
      // and a refused token a configuration error at once. Then the gateway, once.
      const target = config.apiUrl ?? DISCORD_API;
      await retryStartup('reaching Discord (GET /gateway/bot)', async () => client.rest.setToken(config.token).get(Routes.gatewayBot()), {
        retries: deps.startupRetries ?? DEFAULT_STARTUP_RETRIES,
        logger,
        isPermanent: isTokenRefusal,
        giveUp: (error, attempts) => new PlatformUnreachableError('Discord', target, attempts, error, config.apiUrl ? ' and that DISCORD_API_URL is right' : ''),
      }).catch((error: unknown) => {
        throw isTokenRefusal(error) ? new ConfigError([TOKEN_REJECTED]) : error;
      });
      const ready = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new AppError('discord_not_ready', `the Discord gateway did not become ready within ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);
        client.once(Events.ClientReady, () => {
          clearTimeout(timer);
          resolve();
        });
        // A close Discord will repeat on every retry (bad token, intent not enabled) ends the start.
        client.on(Events.ShardDisconnect, (event) => {
          const problem = GATEWAY_REFUSALS[event.code];
          if (!problem) return;
          clearTimeout(timer);
          reject(new ConfigError([problem]));
        });
      });
      try {
        // Both at once, so a refusal during login (ready rejecting first) is never unhandled.
        await Promise.all([client.login(config.token), ready]);
      } catch (error) {
        await client.destroy().catch(() => undefined);
        if (isTokenRefusal(error)) throw new ConfigError([TOKEN_REJECTED]);
        throw error;
      }
      started = true;
      logger.info('connected to the Discord gateway', { guilds: client.guilds.cache.size, messageContent: config.messageContent });
    },
    async stop() {
      if (!started) return;
      started = false;
      await client.destroy();
    },
  };
}
