import { loadQuestionBank } from '../../core/content/load.ts';
import { UserError } from '../../core/errors.ts';
import { renderQuestionDetail } from '../../adapters/console/render-question-detail.ts';
import { parseCliArgs } from '../args.ts';
import { defaultContentDir } from '../content-dir.ts';
import type { CliCommand } from '../types.ts';

const usage = 'obs-bot content show ID [--dir DIR] [--json]';

export const contentShowCommand: CliCommand = {
  path: ['content', 'show'],
  summary: 'Show one validated question in full',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCliArgs(args, { dir: { type: 'string' }, json: { type: 'boolean' } }, usage);
    const id = positionals[0];
    if (!id) throw new UserError('bad_arguments', `Which question? usage: ${usage}`);
    const bank = await loadQuestionBank(values.dir ?? defaultContentDir());
    const question = bank.require(id);
    io.stdout(values.json ? `${JSON.stringify(question, null, 2)}\n` : renderQuestionDetail(question));
    return 0;
  },
};
