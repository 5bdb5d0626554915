import { DEFAULTS, loadConfig } from '../../config/index.ts';
import type { CliCommand } from '../types.ts';
import { describeBot } from './describe-bot.ts';

export const botCommand: CliCommand = {
  path: ['bot'],
  summary: 'Run only the platform side (Slack and/or Discord: acknowledges and enqueues); scale workers separately',
  usage: 'obs-bot bot',
  async run(_args, io) {
    const config = loadConfig(process.env, { role: 'bot' });
    const { runBot } = await import('../../main/run-bot.ts');
    const { runUntilSignal } = await import('../../main/run-until-signal.ts');
    const bot = await runBot(config);
    io.stdout(`obs-bot bot running (${describeBot(bot, config)}).\n`);
    // 0 once drained; 1 when running jobs outlast SHUTDOWN_TIMEOUT_MS (the exit is forced then).
    return await runUntilSignal([bot], { timeoutMs: config.shutdownTimeoutMs ?? DEFAULTS.shutdownTimeoutMs });
  },
};
