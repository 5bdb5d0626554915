import type { CliCommand } from '../types.ts';

/**
 * Every `obs-bot` sub-command, loaded lazily: `practice` should not pay for loading the
 * Slack SDK, BullMQ or the OpenAI client, and one command's dependencies cannot break another.
 */
export interface CommandEntry {
  path: string[];
  load: () => Promise<CliCommand>;
}

export const commands: CommandEntry[] = [
  { path: ['start'], load: async () => (await import('./start.ts')).startCommand },
  { path: ['bot'], load: async () => (await import('./bot.ts')).botCommand },
  { path: ['worker'], load: async () => (await import('./worker.ts')).workerCommand },
  { path: ['practice'], load: async () => (await import('./practice.ts')).practiceCommand },
  { path: ['score'], load: async () => (await import('./score.ts')).scoreCommand },
  { path: ['content', 'lint'], load: async () => (await import('./content-lint.ts')).contentLintCommand },
  { path: ['content', 'list'], load: async () => (await import('./content-list.ts')).contentListCommand },
  { path: ['content', 'show'], load: async () => (await import('./content-show.ts')).contentShowCommand },
  { path: ['content', 'import'], load: async () => (await import('./content-import.ts')).contentImportCommand },
  { path: ['discord', 'register'], load: async () => (await import('./discord-register.ts')).discordRegisterCommand },
  { path: ['export'], load: async () => (await import('./export.ts')).exportCommand },
  { path: ['eval'], load: async () => (await import('./eval.ts')).evalCommand },
  { path: ['eval', 'negation'], load: async () => (await import('./eval-negation.ts')).evalNegationCommand },
];
