import { loadQuestionBank } from '../../core/content/load.ts';
import { parseCliArgs } from '../args.ts';
import { defaultContentDir } from '../content-dir.ts';
import type { CliCommand } from '../types.ts';

const usage = 'obs-bot content list [--dir DIR] [--topic T] [--json]';

export const contentListCommand: CliCommand = {
  path: ['content', 'list'],
  summary: 'List questions (id, topic, title)',
  usage,
  async run(args, io) {
    const { values } = parseCliArgs(args, { dir: { type: 'string' }, topic: { type: 'string' }, json: { type: 'boolean' } }, usage);
    const bank = await loadQuestionBank(values.dir ?? defaultContentDir());
    const questions = values.topic ? bank.requireTopic(values.topic) : [...bank.questions];
    const rows = questions.map(({ id, topic, title }) => ({ id, topic, title }));
    if (values.json) {
      io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
      return 0;
    }
    const idWidth = Math.max(...rows.map((row) => row.id.length), 2);
    const topicWidth = Math.max(...rows.map((row) => row.topic.length), 5);
    for (const row of rows) io.stdout(`${row.id.padEnd(idWidth)}  ${row.topic.padEnd(topicWidth)}  ${row.title}\n`);
    return 0;
  },
};
