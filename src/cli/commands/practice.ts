import { runPractice } from '../../adapters/console/practice.ts';
import { loadQuestionBank } from '../../core/content/load.ts';
import { parseCliArgs, parsePositiveInt } from '../args.ts';
import { defaultContentDir } from '../content-dir.ts';
import { createCliScorer } from '../scorer.ts';
import type { CliCommand } from '../types.ts';

const usage = 'obs-bot practice [--topic T] [--question ID] [--followups N] [--dir DIR]';

export const practiceCommand: CliCommand = {
  path: ['practice'],
  summary: 'A practice interview in the terminal (answers typed or piped on standard input)',
  usage,
  async run(args, io) {
    const { values } = parseCliArgs(
      args,
      { topic: { type: 'string' }, question: { type: 'string' }, followups: { type: 'string' }, dir: { type: 'string' } },
      usage,
    );
    const bank = await loadQuestionBank(values.dir ?? defaultContentDir());
    const question = values.question ? bank.require(values.question) : bank.pick(values.topic);
    await runPractice({
      question,
      pacing: bank.pacing,
      scorer: createCliScorer(),
      maxFollowUps: parsePositiveInt(values.followups, '--followups', 3),
      input: io.stdin,
      write: io.stdout,
      interactive: io.interactive,
    });
    return 0;
  },
};
