import type { AppConfig } from '../../config/index.ts';
import type { RunningBot } from '../../main/run-bot.ts';

/** "Slack HTTP on port 3000, /slack/events; Discord gateway": what a started bot serves. */
export function describeBot(bot: RunningBot, config: AppConfig): string {
  const parts: string[] = [];
  if (bot.mode) parts.push(`Slack ${bot.mode === 'socket' ? 'Socket Mode' : `HTTP on port ${bot.port ?? config.port}, /slack/events`}`);
  if (bot.discord) parts.push(`Discord gateway (${config.discord?.messageContent ? 'thread messages and ' : ''}the Answer button)`);
  return parts.join('; ');
}
