import type { CliCommand } from '../types.ts';
import { contentLintCommand } from './content-lint.ts';
import { contentListCommand } from './content-list.ts';
import { contentShowCommand } from './content-show.ts';
import { practiceCommand } from './practice.ts';
import { scoreCommand } from './score.ts';
import { startCommand } from './start.ts';

/** Every `obs-bot` sub-command. Add new ones here. */
export const commands: CliCommand[] = [startCommand, practiceCommand, scoreCommand, contentLintCommand, contentListCommand, contentShowCommand];
