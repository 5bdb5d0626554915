import { formatContentIssue } from '../../core/errors.ts';
import { validateContentDir } from '../../core/content/load.ts';
import { parseCliArgs } from '../args.ts';
import { defaultContentDir } from '../content-dir.ts';
import type { CliCommand } from '../types.ts';

const usage = 'obs-bot content lint [DIR]';

export const contentLintCommand: CliCommand = {
  path: ['content', 'lint'],
  summary: 'Validate a content folder; one line per problem as path: field: message',
  usage,
  async run(args, io) {
    const { positionals } = parseCliArgs(args, {}, usage);
    const dir = positionals[0] ?? defaultContentDir();
    const result = await validateContentDir(dir);
    for (const issue of result.issues) io.stderr(`${formatContentIssue(issue)}\n`);
    if (result.issues.length > 0) {
      io.stderr(`${result.issues.length} problem${result.issues.length === 1 ? '' : 's'} in ${dir}\n`);
      return 1;
    }
    io.stdout(`ok: ${result.questions.length} questions, ${new Set(result.questions.map((q) => q.topic)).size} topics, ${result.pacing?.phases.length ?? 0} pacing phases in ${dir}\n`);
    return 0;
  },
};
