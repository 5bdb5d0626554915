import type { AppConfig } from '../../src/config/index.ts';
import { QuestionBank } from '../../src/core/content/question-bank.ts';
import type { Question, Pacing } from '../../src/core/content/schema.ts';
import type { Logger } from '../../src/infra/logger.ts';
import { runBot, type RunningBot } from '../../src/main/run-bot.ts';
import { runWorker, type RunningWorker } from '../../src/main/run-worker.ts';
import { createInteractionProducer } from '../../src/queue/producers.ts';
import { DiscordStub, type StubGuild } from './discord-api.ts';

/**
 * The whole Discord path with real parts: the local Discord (REST + gateway) → the real
 * discord.js Client → BullMQ on Redis → the interactions worker → DiscordSender over
 * @discordjs/rest → back to the local Discord. For tests and the benchmark.
 */
export const DISCORD_TOKEN = 'OTAwMDAwMDAwMDAwMDAwMDAx.GhArNs.harnessDiscordBotTokenValue0123456789ab';
export const GUILD = '910000000000000001';
export const CHANNEL = '920000000000000001';
export const CHANNEL_2 = '920000000000000002';
export const OWNER = '930000000000000001';
export const ADMIN_ROLE = '940000000000000001';
/** A member holding the Manage Server role. */
export const ADMIN_USER = '950000000000000009';

export const STUB_GUILD: StubGuild = {
  id: GUILD,
  ownerId: OWNER,
  channels: [
    { id: CHANNEL, name: 'practice' },
    { id: CHANNEL_2, name: 'daily' },
  ],
  roles: [{ id: ADMIN_ROLE, permissions: (1n << 5n).toString() }],
  members: { [ADMIN_USER]: [ADMIN_ROLE] },
};

export interface DiscordHarness {
  stub: DiscordStub;
  bot: RunningBot;
  worker: RunningWorker;
  config: AppConfig;
  close(): Promise<void>;
}

export interface HarnessOptions {
  redisUrl: string;
  prefix: string;
  questions: Question[];
  pacing: Pacing;
  messageContent?: boolean;
  logger?: Logger;
  /** Start no worker (bench: reply latency of the bot alone). */
  noWorker?: boolean;
  workerConcurrency?: number;
  stub?: DiscordStub;
  /** The worker's environment (e.g. short PEER_NUDGE_HOURS / PEER_EXPIRY_DAYS for timer tests). */
  env?: NodeJS.ProcessEnv;
}

export async function startDiscordHarness(options: HarnessOptions): Promise<DiscordHarness> {
  const stub = options.stub ?? (await DiscordStub.start({ token: DISCORD_TOKEN, guilds: [structuredClone(STUB_GUILD)] }));
  const config: AppConfig = {
    discord: { token: DISCORD_TOKEN, applicationId: '900000000000000001', apiUrl: stub.apiUrl, messageContent: options.messageContent ?? false },
    port: 0,
    redisUrl: options.redisUrl,
    sessionTtlDays: 30,
    contentDir: 'content',
    logLevel: 'debug',
  };
  const bank = new QuestionBank(options.questions, options.pacing);
  const logger = options.logger;
  const worker = options.noWorker
    ? undefined
    : await runWorker(config, { prefix: options.prefix, bank, env: options.env ?? {}, ...(logger ? { logger } : {}), ...(options.workerConcurrency ? { concurrency: options.workerConcurrency } : {}) });
  const bot = await runBot(config, {
    producer: createInteractionProducer(config.redisUrl, { prefix: options.prefix }),
    prefix: options.prefix,
    topics: bank.topics().map((t) => t.topic),
    ...(logger ? { logger } : {}),
  });
  return {
    stub,
    bot,
    worker: worker as RunningWorker,
    config,
    async close() {
      await bot.close();
      await worker?.close();
      if (!options.stub) await stub.close();
    },
  };
}
