import { hasSlackCredentials, loadConfig } from '../../config/index.ts';
import type { CliCommand } from '../types.ts';
import { practiceCommand } from './practice.ts';

export const startCommand: CliCommand = {
  path: ['start'],
  summary: 'Run the Slack bot and a worker when Slack is configured; otherwise a practice interview',
  usage: 'obs-bot start [practice options]',
  async run(args, io) {
    if (!hasSlackCredentials(process.env)) {
      io.stdout('No chat credentials found (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to connect Slack; see README). Starting a practice interview in the terminal.\n\n');
      return await practiceCommand.run(args, io);
    }
    const config = loadConfig(process.env);
    // Loaded only here, so a terminal practice session never pays for Slack, BullMQ or OpenAI.
    const [{ runBot }, { runWorker }, { runUntilSignal }] = await Promise.all([
      import('../../main/run-bot.ts'),
      import('../../main/run-worker.ts'),
      import('../../main/run-until-signal.ts'),
    ]);
    // The bot first: it verifies the token with Slack, so a bad token fails before a worker starts.
    const bot = await runBot(config);
    let worker;
    try {
      worker = await runWorker(config);
    } catch (error) {
      await bot.close();
      throw error;
    }
    io.stdout(`obs-bot running: Slack ${bot.mode === 'socket' ? 'Socket Mode' : `HTTP on port ${bot.port ?? config.port}, /slack/events`} and a worker in this process. Ctrl-C to stop.\n`);
    await runUntilSignal([bot, worker]);
    return 0;
  },
};
