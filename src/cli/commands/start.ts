import { DEFAULTS, hasDiscordCredentials, hasSlackCredentials, loadConfig } from '../../config/index.ts';
import type { CliCommand } from '../types.ts';
import { practiceCommand } from './practice.ts';
import { describeBot } from './describe-bot.ts';

export const startCommand: CliCommand = {
  path: ['start'],
  summary: 'Run the bot (Slack, Discord or both, as configured) and a worker; with neither, a practice interview',
  usage: 'obs-bot start [practice options]',
  async run(args, io) {
    if (!hasSlackCredentials(process.env) && !hasDiscordCredentials(process.env)) {
      io.stdout(
        'No chat credentials found (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to connect Slack, or DISCORD_TOKEN and DISCORD_APPLICATION_ID for Discord; see README). Starting a practice interview in the terminal.\n\n',
      );
      return await practiceCommand.run(args, io);
    }
    const config = loadConfig(process.env);
    // Loaded only here, so a terminal practice session never pays for the SDKs, BullMQ or OpenAI.
    const [{ runBot }, { runWorker }, { runUntilSignal }] = await Promise.all([
      import('../../main/run-bot.ts'),
      import('../../main/run-worker.ts'),
      import('../../main/run-until-signal.ts'),
    ]);
    // The bot first: it verifies the tokens, so a bad token fails before a worker starts.
    const bot = await runBot(config);
    let worker;
    try {
      worker = await runWorker(config);
    } catch (error) {
      await bot.close();
      throw error;
    }
    io.stdout(`obs-bot running: ${describeBot(bot, config)} and a worker in this process. Ctrl-C to stop.\n`);
    // 0 once drained; 1 when running jobs outlast SHUTDOWN_TIMEOUT_MS (the exit is forced then).
    return await runUntilSignal([bot, worker], { timeoutMs: config.shutdownTimeoutMs ?? DEFAULTS.shutdownTimeoutMs });
  },
};
