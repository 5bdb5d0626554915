import type { CliCommand } from '../types.ts';
import { practiceCommand } from './practice.ts';

export const startCommand: CliCommand = {
  path: ['start'],
  summary: 'Run the bot and a worker when chat credentials are set; otherwise a practice interview',
  usage: 'obs-bot start [practice options]',
  async run(args, io) {
    io.stdout('No chat credentials found (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to connect Slack; see README). Starting a practice interview in the terminal.\n\n');
    return await practiceCommand.run(args, io);
  },
};
